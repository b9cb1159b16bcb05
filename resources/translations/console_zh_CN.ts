<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../../console/ui/qt_app.py" line="83"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_app.py" line="126"/>
        <source>Start-up failed: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_app.py" line="128"/>
        <source>AutoGLM Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_app.py" line="133"/>
        <source>no command pipeline: nothing can be sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtAssistantPanel</name>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="98"/>
        <source>Say what should happen…</source>
        <translation>说出要做什么……</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="101"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="104"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="104"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="104"/>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="104"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="115"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="117"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="139"/>
        <source>For example: &quot;stop both conveyors&quot;, &quot;set the office AC to 22 °C&quot;, &quot;关闭所有灯&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="184"/>
        <source>Reading… (learning the names of {n} devices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="186"/>
        <source>Reading… (the model is choosing between similar devices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="218"/>
        <source>Could not read that ({error}). Nothing was sent; try other words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="226"/>
        <source>Not possible: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="231"/>
        <source>Check the changes. High-risk rows will ask once more before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="233"/>
        <source>Check the changes, then Confirm to send them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="248"/>
        <source>These changes are high risk:

{changes}

Send them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="250"/>
        <source>Confirm high-risk commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="251"/>
        <source>Not sent: the high-risk changes were not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="263"/>
        <source>not sent: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="268"/>
        <source>sent ({state})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="268"/>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="272"/>
        <source>{sent} sent, {failed} not sent (see the Result column).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="275"/>
        <source>{sent} sent. Their progress shows in the device table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="283"/>
        <source>Cancelled: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="300"/>
        <source> (model&apos;s pick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="305"/>
        <source>HIGH – asks again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_assistant_panel.py" line="305"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtAuditModel</name>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="37"/>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="37"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="37"/>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="37"/>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="38"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="38"/>
        <source>Tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="38"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtAuditView</name>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="84"/>
        <source>device id contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="87"/>
        <source>any state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="91"/>
        <source>any origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="95"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="97"/>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="102"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="103"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="147"/>
        <source>{n} command(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="156"/>
        <source>Export failed: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="158"/>
        <source>Exported {n} command(s) to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="162"/>
        <source>Export audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_audit_view.py" line="163"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtCapabilityControl</name>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="64"/>
        <location filename="../../console/ui/qt_device_controls.py" line="160"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="160"/>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtCommandsModel</name>
    <message>
        <location filename="../../console/ui/qt_commands_model.py" line="57"/>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_commands_model.py" line="57"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_commands_model.py" line="57"/>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_commands_model.py" line="58"/>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_commands_model.py" line="58"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_commands_model.py" line="58"/>
        <source>Tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_commands_model.py" line="59"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtCommandsView</name>
    <message>
        <location filename="../../console/ui/qt_commands_view.py" line="31"/>
        <source>Cancel queued command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_commands_view.py" line="33"/>
        <source>Only a command not yet handed to the broker can be cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_commands_view.py" line="55"/>
        <source>{n} in flight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtDeviceControls</name>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="186"/>
        <location filename="../../console/ui/qt_device_controls.py" line="216"/>
        <source>Select a device in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="220"/>
        <source>high risk: commands ask for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="220"/>
        <source>low risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="221"/>
        <source>{kind} in {zone} · {risk}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="254"/>
        <source>Send {params} to {device}?

This device is marked high risk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="256"/>
        <source>Confirm high-risk command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="257"/>
        <source>Not sent: confirmation declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="263"/>
        <source>Not sent: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_device_controls.py" line="281"/>
        <source>{cmd}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtDevicesPanel</name>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="96"/>
        <source>Filter devices (id, name, zone, kind)</source>
        <translation>筛选设备（ID、名称、区域、类型）</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="100"/>
        <source>Online only</source>
        <translation>仅在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="103"/>
        <source>All zones</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="103"/>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="129"/>
        <source>Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="130"/>
        <source>Broker connection profiles (TLS, credentials, client id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="139"/>
        <source>Control</source>
        <translation>控制</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="144"/>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="145"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="195"/>
        <source>{devices} devices · {rx}/s received · {ap}/s applied · {dr}/s dropped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtDoctorPanel</name>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="113"/>
        <source>Checks have not run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="116"/>
        <location filename="../../console/ui/qt_doctor_panel.py" line="318"/>
        <location filename="../../console/ui/qt_doctor_panel.py" line="389"/>
        <source>Run again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="119"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="121"/>
        <source>Save diagnostic bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="124"/>
        <source>A zip with the report (JSON and Markdown), the latest log files and recent telemetry; passwords and tokens are replaced by ***.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="141"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="141"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="141"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="141"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="142"/>
        <source>How to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="156"/>
        <source>Select a check to see its value and how to fix it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="256"/>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="258"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="259"/>
        <source>Checking the environment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="278"/>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="278"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="278"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="279"/>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="306"/>
        <source>{fail} failed, {warn} warnings, {ok} ok, {skip} skipped — checked at {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="328"/>
        <source>Value: {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="330"/>
        <source>Expected: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="332"/>
        <source>How to fix: {h}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="340"/>
        <source>Report copied to the clipboard (Markdown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="347"/>
        <source>Save diagnostic bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="348"/>
        <source>Zip archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="355"/>
        <source>Run the checks first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="373"/>
        <source>Diagnostic bundle saved to {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="378"/>
        <source>Could not save the bundle: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="390"/>
        <source>Checks stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtErrorReporter</name>
    <message>
        <location filename="../../console/ui/qt_errors.py" line="61"/>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_errors.py" line="62"/>
        <source>The console keeps running. Details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtFleetModel</name>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="84"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="84"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="84"/>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="84"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="85"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="85"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="85"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="164"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="166"/>
        <source>stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="168"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="168"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="21"/>
        <source>AutoGLM Console {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="26"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="26"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="26"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="47"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="76"/>
        <source>Broker {url}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="77"/>
        <source>Broker: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="81"/>
        <source> (next try in {s:.0f} s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtModelChat</name>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="20"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="23"/>
        <source>system prompt (optional; repeated ones come from the prefix cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="26"/>
        <source>Ask the model something…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="33"/>
        <source>max new </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="34"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="36"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="38"/>
        <source>queue: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="45"/>
        <source>Answers stream in here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="49"/>
        <source>No request yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="66"/>
        <source>Type a prompt first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="103"/>
        <source>#{rid} {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="105"/>
        <source>TTFT {v:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="107"/>
        <source>{v:.1f} tok/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="108"/>
        <source>end-to-end {v:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="109"/>
        <source>queue {v:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="110"/>
        <source>{p} prompt + {n} new tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="112"/>
        <source>{c} from prefix cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="114"/>
        <source>fast path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="117"/>
        <source>Warning: {w}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="121"/>
        <source> [cancelled]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="127"/>
        <source>#{rid} failed: {m}
{h}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_chat.py" line="134"/>
        <source>queue: {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtModelGraphs</name>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="51"/>
        <source>Memory (GiB) over the last minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="51"/>
        <location filename="../../console/ui/qt_model_graphs.py" line="82"/>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="55"/>
        <source>GPU allocated (torch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="56"/>
        <source>GPU reserved (torch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="57"/>
        <source>GPU used (NVML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="58"/>
        <source>GPU total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="59"/>
        <source>process RSS (CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="69"/>
        <source>Latency per request (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="69"/>
        <location filename="../../console/ui/qt_model_graphs.py" line="78"/>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="72"/>
        <source>time to first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="75"/>
        <source>end to end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="78"/>
        <source>Decode tokens/s per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_graphs.py" line="82"/>
        <source>End-to-end latency histogram</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtModelOptions</name>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="55"/>
        <source>Local (transformers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="56"/>
        <source>Remote server (OpenAI-compatible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="57"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="77"/>
        <source>model folder, .gguf file, or hub id org/name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="78"/>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="79"/>
        <source>GGUF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="83"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="91"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="92"/>
        <source>8-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="93"/>
        <source>4-bit NF4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="94"/>
        <source>8-bit and 4-bit load through bitsandbytes and need an NVIDIA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="96"/>
        <source>dtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="96"/>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="97"/>
        <source>quantization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="102"/>
        <source>e.g. 0=20GiB, cpu=30GiB (empty: all free memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="103"/>
        <source>Max memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="106"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="107"/>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="108"/>
        <source>Max input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="109"/>
        <source>allow hub downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="110"/>
        <source>load even if it may not fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="123"/>
        <source>empty: the first model the server lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="126"/>
        <source>API key (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="127"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="128"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="129"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="168"/>
        <source>Model folder (with config.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="173"/>
        <source>GGUF model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_options.py" line="174"/>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtModelPanel</name>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="78"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="82"/>
        <source>Fit estimate: not computed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="87"/>
        <location filename="../../console/ui/qt_model_panel.py" line="194"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="88"/>
        <source>Unload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="96"/>
        <location filename="../../console/ui/qt_model_panel.py" line="329"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="98"/>
        <source>No model loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="194"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="196"/>
        <source>Remote server: its own GPU memory applies, nothing is loaded here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="206"/>
        <location filename="../../console/ui/qt_model_panel.py" line="219"/>
        <source>write sizes like 0=20GiB, cpu=30GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="209"/>
        <source>Fit estimate: computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="222"/>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="228"/>
        <source>no server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="228"/>
        <source>type the URL of a vLLM/SGLang/llama.cpp server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="269"/>
        <source>Loading {source}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="280"/>
        <source>checking memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="281"/>
        <source>tokenizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="282"/>
        <source>converting GGUF (once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="283"/>
        <source>saving converted weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="284"/>
        <source>loading weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="285"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="299"/>
        <source> (converted copy cached: fast load)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="301"/>
        <source>&lt;b style=&apos;color:{c}&apos;&gt;{verdict}&lt;/b&gt;&lt;br&gt;{estimate}{cached}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="306"/>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;{m}&lt;/span&gt;&lt;br&gt;{h}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="312"/>
        <source>loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="314"/>
        <source>Loaded {model} ({kind}, {dtype} on {device}) in {s:.1f} s{cache}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="317"/>
        <source>, from the GGUF cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="319"/>
        <source>Warning: {w}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="321"/>
        <source>Connected to {url} ({model}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="331"/>
        <source>unloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="340"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtProfilesDialog</name>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="40"/>
        <source>Broker connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="55"/>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="56"/>
        <source>system trust store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="57"/>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="58"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="59"/>
        <source>Insecure: do not verify the broker&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="61"/>
        <source>Certificate verification is OFF: anyone on the network path can impersonate the broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="68"/>
        <source>stored in the OS keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="69"/>
        <source>generated (set one per console on shared brokers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="76"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="77"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="78"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="79"/>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="81"/>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="82"/>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="83"/>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="86"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="87"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="88"/>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="89"/>
        <source>Topic prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="91"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="92"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="93"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="94"/>
        <source>Use this broker</source>
        <translation>使用此代理</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="95"/>
        <source>Restart and connect now</source>
        <translation>立即重启并连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="97"/>
        <source>Start a new console on the active profile and close this one (queued commands stay in the outbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="100"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="133"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="139"/>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="140"/>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="155"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="184"/>
        <source>Active profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="220"/>
        <source>Keep at least one profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="233"/>
        <source>Not saved: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="244"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="247"/>
        <source>Saved, but a password needs a username: it was not stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="251"/>
        <source>Saved; the password is in the OS keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="253"/>
        <source>Saved without the password: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_profiles_dialog.py" line="266"/>
        <source>Active. Restart now to connect with it, or it is used the next time the console starts with --profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../console/ui/qt_app.py" line="189"/>
        <source>AutoGLM Console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../console/ui/qt_restart.py" line="36"/>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_restart.py" line="37"/>
        <source>Could not start a new console ({p}). This one keeps running; start it with --profile {n} yourself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
