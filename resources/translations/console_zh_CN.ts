<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="98"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="137"/>
        <source>Open commands from before this console kept one outbox per broker could not be moved out of the old shared outbox: {e}. None of them is sent; the move is tried again at the next start. Free the path, or move the file away, then restart.</source>
        <translation>无法将启用“每个代理一个发件队列”之前未完成的命令移出旧的共享发件队列：{e}。这些命令均不会发送；下次启动时将再次尝试移出。请释放该路径或将该文件移走，然后重新启动。</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="141"/>
        <source>The old shared outbox could not be sorted out: see the warning (retried at the next start)</source>
        <translation>旧的共享发件队列未能整理：请查看警告（下次启动时重试）</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="151"/>
        <source>{n} command(s) were still open from before this console kept one outbox per broker. The broker they were for was not recorded, so none was sent again. Check those devices and send again what is still wanted: Devices → Audit log → Unassigned lists them and sends one again on this site, once you confirm it.</source>
        <translation>有 {n} 条命令在本控制台改为每个 MQTT 代理各用一个发件队列之前仍未完成。由于未记录它们所属的代理，这些命令均未重新发送。请检查相关设备，并重新发送仍需要的命令：“设备 → 审计日志 → 未分配”中列出了这些命令，经您确认后可在本站点逐条重新发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="156"/>
        <source>… and {k} more</source>
        <translation>… 另有 {k} 条</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="159"/>
        <source>{n} open command(s) from before the upgrade were not sent again: see Devices → Audit log → Unassigned</source>
        <translation>升级前未完成的 {n} 条命令未重新发送：请查看“设备 → 审计日志 → 未分配”</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="183"/>
        <source>Start-up failed: {m}</source>
        <translation>启动失败：{m}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="168"/>
        <location filename="../../console/ui/shell/qt_app.py" line="185"/>
        <source>AutoGLM Console</source>
        <translation>AutoGLM 控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="193"/>
        <source>no command pipeline: nothing can be sent</source>
        <translation>命令管道不可用：无法发送任何命令</translation>
    </message>
</context>
<context>
    <name>QtAssistantPanel</name>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="126"/>
        <source>Say what should happen…</source>
        <translation>说出要做什么……</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="129"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="135"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="137"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="159"/>
        <source>For example: &quot;stop both conveyors&quot;, &quot;set the office AC to 22 °C&quot;, &quot;关闭所有灯&quot;.</source>
        <translation>例如：“停止两条输送带”、“把办公室空调设为 22 °C”、“turn off all lamps”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="204"/>
        <source>Reading… (learning the names of {n} devices)</source>
        <translation>正在解析…（正在学习 {n} 台设备的名称）</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="206"/>
        <source>Reading… (the model is choosing between similar devices)</source>
        <translation>正在解析…（模型正在相似设备之间进行选择）</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="238"/>
        <source>Could not read that ({error}). Nothing was sent; try other words.</source>
        <translation>无法理解该指令（{error}）。未发送任何命令；请换一种说法。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="246"/>
        <source>Not possible: {reason}</source>
        <translation>无法执行：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="251"/>
        <source>Check the changes. High-risk rows will ask once more before sending.</source>
        <translation>请检查变更。高风险行在发送前会再次请求确认。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="253"/>
        <source>Check the changes, then Confirm to send them.</source>
        <translation>请检查变更，然后点击“确认”发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="268"/>
        <source>These changes are high risk:

{changes}

Send them?</source>
        <translation>以下变更为高风险：

{changes}

确定发送吗？</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="270"/>
        <source>Confirm high-risk commands</source>
        <translation>确认高风险命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="271"/>
        <source>Not sent: the high-risk changes were not confirmed.</source>
        <translation>未发送：高风险变更未获确认。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="285"/>
        <source>not sent: {error}</source>
        <translation>未发送：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="290"/>
        <source>sent ({state})</source>
        <translation>已发送（{state}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="290"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="295"/>
        <source>{sent} sent, {failed} not sent (see the Result column).</source>
        <translation>已发送 {sent} 条，{failed} 条未发送（见“结果”列）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="298"/>
        <source>{sent} sent. Their progress shows in the device table.</source>
        <translation>已发送 {sent} 条。执行进度显示在设备表中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="306"/>
        <source>Cancelled: nothing was sent.</source>
        <translation>已取消：未发送任何命令。</translation>
    </message>
</context>
<context>
    <name>QtAuditModel</name>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="70"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="70"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="70"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="70"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="71"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="71"/>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="71"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>QtAuditView</name>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="128"/>
        <source>This site&apos;s commands</source>
        <translation>本站点的命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="130"/>
        <source>Unassigned: open before one outbox per broker, never sent again</source>
        <translation>未分配：启用“每个代理一个发件队列”前未完成，不再发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="132"/>
        <source>Commands an earlier console left open in its shared outbox. The broker they were for was not recorded, so none is sent again anywhere: check those devices and send again what is still wanted. Kept in {path}</source>
        <translation>旧版控制台在其共享发件队列中遗留的未完成命令。由于未记录它们所属的 MQTT 代理，这些命令不会在任何地方重新发送：请检查相关设备，并重新发送仍需要的命令。保存在 {path}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="138"/>
        <source>Send again on this site…</source>
        <translation>在本站点重新发送…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="140"/>
        <source>Send the selected unassigned command again, to this site&apos;s broker, as a new command (you confirm it first); the old one is closed</source>
        <translation>将选中的未分配命令作为新命令重新发送到本站点的 MQTT 代理（需先确认）；旧命令随即关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="146"/>
        <source>device id contains…</source>
        <translation>设备 ID 包含…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="149"/>
        <source>any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="153"/>
        <source>any origin</source>
        <translation>任意来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="157"/>
        <source>from</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="159"/>
        <source>until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="164"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="165"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="227"/>
        <source>Cannot read {path}: {e}</source>
        <translation>无法读取 {path}：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="231"/>
        <source>{n} command(s)</source>
        <translation>{n} 条命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="305"/>
        <source>Cannot send it again here: {e}</source>
        <translation>无法在此重新发送：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="278"/>
        <source>Send {what} to {device} again, on {site}?

An earlier console left this command {state} on a broker it did not record; it has not been sent since. Check the device first: it may have been done, or be unwanted now.</source>
        <translation>是否在 {site} 上向 {device} 重新发送 {what}？

旧版控制台遗留了这条状态为 {state} 的命令，且未记录其所属的 MQTT 代理；此后该命令一直未发送。请先检查设备：该操作可能已经完成，或现在已不再需要。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="283"/>
        <source>This device is marked high risk.</source>
        <translation>此设备被标记为高风险。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="269"/>
        <source>Send an unassigned command again</source>
        <translation>重新发送未分配的命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="271"/>
        <source>Not sent: confirmation declined</source>
        <translation>未发送：未获确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="307"/>
        <source>Not sent: {path} could not record it: {e}</source>
        <translation>未发送：{path} 无法记录此操作：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="300"/>
        <source>Not sent: another console changed this command meanwhile (see its history)</source>
        <translation>未发送：另一个控制台已在此期间更改了该命令（见其历史记录）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="303"/>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="310"/>
        <source>Not sent: {e}</source>
        <translation>未发送：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="292"/>
        <source>Sent again as {id}, but {path} could not record it: {e}</source>
        <translation>已作为 {id} 重新发送，但 {path} 无法记录此操作：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="295"/>
        <source>Sent again as {id} ({what} to {device}): follow it in the Commands tab</source>
        <translation>已作为 {id} 重新发送（向 {device} 发送 {what}）：请在“命令”选项卡中跟踪</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="321"/>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="324"/>
        <source>Export failed: {e}</source>
        <translation>导出失败：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="326"/>
        <source>Exported {n} command(s) to {path}</source>
        <translation>已将 {n} 条命令导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="331"/>
        <source>Export audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="332"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>QtCapabilityControl</name>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="101"/>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="255"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="174"/>
        <source>{value} is above the maximum {max}</source>
        <translation>{value} 超过最大值 {max}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="177"/>
        <source>{value} is below the minimum {min}</source>
        <translation>{value} 低于最小值 {min}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="255"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="264"/>
        <source>The device reported {v}</source>
        <translation>设备报告的值为 {v}</translation>
    </message>
</context>
<context>
    <name>QtCommandSender</name>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="78"/>
        <source>Send and queue</source>
        <translation>发送并排队</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="130"/>
        <source>not queued for an unreachable device</source>
        <translation>设备不可达，未排队</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="136"/>
        <source>confirmation declined</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="142"/>
        <source>the device&apos;s risk kept changing while you were asked</source>
        <translation>询问期间该设备的风险等级一再变化</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="148"/>
        <source>{device} is offline: the command will wait in the queue until it is back (or its ttl passes).</source>
        <translation>{device} 已离线：命令将在队列中等待，直到设备恢复（或超过其有效期）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="151"/>
        <source>{device} is in an unknown state (the broker link is down or it never said): the command will wait in the queue until it is back (or its ttl passes).</source>
        <translation>{device} 状态未知（代理连接已断开，或设备从未报告）：命令将在队列中等待，直到设备恢复（或超过其有效期）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="155"/>
        <source>Device not reachable</source>
        <translation>设备不可达</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="163"/>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="176"/>
        <source>Confirm command</source>
        <translation>确认命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="169"/>
        <source>{device}: {changes}</source>
        <translation>{device}：{changes}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="170"/>
        <source>Send this command to {device_id}?</source>
        <translation>是否向 {device_id} 发送此命令？</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="172"/>
        <source>The device already shows these values: nothing would change.</source>
        <translation>设备已处于这些值：发送不会改变任何状态。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="174"/>
        <source>This device is marked high risk.</source>
        <translation>此设备被标记为高风险。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="175"/>
        <source>Confirm high-risk command</source>
        <translation>确认高风险命令</translation>
    </message>
</context>
<context>
    <name>QtCommandsModel</name>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="51"/>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="56"/>
        <source>another console</source>
        <translation>另一控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="57"/>
        <source>Sent by {console}, not by this console: shown read-only, as the broker and the device&apos;s answers showed it</source>
        <translation>由 {console} 发送，而非本控制台：只读显示，内容来自代理和设备的应答</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="88"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="88"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="88"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="89"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="89"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="89"/>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="90"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>QtCommandsView</name>
    <message>
        <location filename="../../console/ui/devices/qt_commands_view.py" line="32"/>
        <source>Cancel queued command</source>
        <translation>取消排队中的命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_view.py" line="34"/>
        <source>Only a command not yet handed to the broker can be cancelled</source>
        <translation>只能取消尚未交给 MQTT 代理的命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_view.py" line="56"/>
        <source>{n} in flight</source>
        <translation>{n} 条执行中</translation>
    </message>
</context>
<context>
    <name>QtConnect</name>
    <message>
        <location filename="../../console/ui/connection/qt_connect.py" line="26"/>
        <source>Password of {user} for profile {profile}:
{why}
It is used for this connection only and not stored.</source>
        <translation>配置 {profile} 的用户 {user} 的密码：
{why}
仅用于本次连接，不会保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_connect.py" line="28"/>
        <source>Broker password</source>
        <translation>代理密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_connect.py" line="52"/>
        <source>The OS keyring holds no password for this profile.</source>
        <translation>系统密钥环中没有此配置的密码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_connect.py" line="54"/>
        <source>No OS keyring is available to hold it (for an unattended station: --password-file or $AUTOGLM_MQTT_PASSWORD).</source>
        <translation>没有可保存密码的系统密钥环（无人值守的工作站：使用 --password-file 或 $AUTOGLM_MQTT_PASSWORD）。</translation>
    </message>
</context>
<context>
    <name>QtDeviceControls</name>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="293"/>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="323"/>
        <source>Select a device in the table</source>
        <translation>请在表格中选择设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="327"/>
        <source>high risk: commands ask for confirmation</source>
        <translation>高风险：命令需确认后发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="327"/>
        <source>low risk</source>
        <translation>低风险</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="328"/>
        <source>{kind} in {zone} · {risk}</source>
        <translation>{kind}，位于 {zone} · {risk}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="360"/>
        <source>Not sent: confirmation declined</source>
        <translation>未发送：未获确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="362"/>
        <source>Not sent: {e}</source>
        <translation>未发送：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="380"/>
        <source>{cmd}: {state}</source>
        <translation>{cmd}：{state}</translation>
    </message>
</context>
<context>
    <name>QtDeviceMenu</name>
    <message>
        <location filename="../../console/ui/devices/qt_device_menu.py" line="25"/>
        <source>Show raw payloads…</source>
        <translation>显示原始消息…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_menu.py" line="38"/>
        <source>High risk: confirm every command</source>
        <translation>高风险：每条命令都需确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_menu.py" line="42"/>
        <source>Exposed to the assistant</source>
        <translation>对助手可见</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_menu.py" line="49"/>
        <source>A native device&apos;s risk comes from its own meta</source>
        <translation>原生设备的风险等级来自其自身的元数据</translation>
    </message>
</context>
<context>
    <name>QtDevicesPanel</name>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="105"/>
        <source>Filter devices (id, name, zone, kind)</source>
        <translation>筛选设备（ID、名称、区域、类型）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="109"/>
        <source>Online only</source>
        <translation>仅在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="112"/>
        <source>All zones</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="112"/>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="139"/>
        <source>Connections…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="140"/>
        <source>Broker connection profiles (TLS, credentials, client id)</source>
        <translation>MQTT 代理连接配置（TLS、凭据、客户端 ID）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="149"/>
        <source>Control</source>
        <translation>控制</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="155"/>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="156"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="211"/>
        <source>{devices} devices · {rx}/s received · {ap}/s applied · {dr}/s dropped</source>
        <translation>{devices} 台设备 · 接收 {rx}/s · 应用 {ap}/s · 丢弃 {dr}/s</translation>
    </message>
</context>
<context>
    <name>QtDoctorPanel</name>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="114"/>
        <source>Checks have not run yet.</source>
        <translation>尚未运行检查。</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="117"/>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="332"/>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="410"/>
        <source>Run again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="120"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="122"/>
        <source>Save diagnostic bundle…</source>
        <translation>保存诊断包…</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="125"/>
        <source>A zip with the report (JSON and Markdown), the latest log files and recent telemetry; passwords and tokens are replaced by ***.</source>
        <translation>一个 zip 压缩包，包含报告（JSON 和 Markdown）、最新的日志文件和近期遥测数据；密码和令牌会被替换为 ***。</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="148"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="148"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="148"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="148"/>
        <source>Expected</source>
        <translation>期望值</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="149"/>
        <source>How to fix</source>
        <translation>修复方法</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="163"/>
        <source>Select a check to see its value and how to fix it.</source>
        <translation>选择一个检查项，查看其值和修复方法。</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="264"/>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="266"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="267"/>
        <source>Checking the environment…</source>
        <translation>正在检查环境…</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="286"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="286"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="286"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="287"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="318"/>
        <source>{fail} failed, 1 warning, {ok} ok, {skip} skipped — checked at {t}</source>
        <translation>{fail} 项失败，1 项警告，{ok} 项正常，{skip} 项跳过 — 检查时间 {t}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="319"/>
        <source>{fail} failed, {warn} warnings, {ok} ok, {skip} skipped — checked at {t}</source>
        <translation>{fail} 项失败，{warn} 项警告，{ok} 项正常，{skip} 项跳过 — 检查时间 {t}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="342"/>
        <source>Value: {v}</source>
        <translation>值：{v}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="344"/>
        <source>Expected: {e}</source>
        <translation>期望值：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="346"/>
        <source>How to fix: {h}</source>
        <translation>修复方法：{h}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="354"/>
        <source>Report copied to the clipboard (Markdown).</source>
        <translation>报告已复制到剪贴板（Markdown）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="361"/>
        <source>Save diagnostic bundle</source>
        <translation>保存诊断包</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="362"/>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="369"/>
        <source>Run the checks first.</source>
        <translation>请先运行检查。</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="387"/>
        <source>Diagnostic bundle saved to {p}</source>
        <translation>诊断包已保存到 {p}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="388"/>
        <source>Saved to {p}</source>
        <translation>已保存到 {p}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="393"/>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="394"/>
        <source>Could not save the bundle: {m}</source>
        <translation>无法保存诊断包：{m}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="411"/>
        <source>Checks stopped.</source>
        <translation>检查已停止。</translation>
    </message>
</context>
<context>
    <name>QtErrorReporter</name>
    <message>
        <location filename="../../console/ui/shell/qt_errors.py" line="72"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_errors.py" line="74"/>
        <source>The console keeps running. Details are in the log file.</source>
        <translation>控制台将继续运行。详细信息见日志文件。</translation>
    </message>
</context>
<context>
    <name>QtFleetModel</name>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="57"/>
        <source>now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="70"/>
        <source>(+{n} unknown: {names})</source>
        <translation>（另有 {n} 个未知项：{names}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="109"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="109"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="109"/>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="109"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="110"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="110"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="110"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="110"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="219"/>
        <source>unknown (broker down since {time})</source>
        <translation>未知（代理自 {time} 起断开）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="222"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="224"/>
        <source>stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="226"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="226"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="228"/>
        <source>{online} · clock {offset} s off</source>
        <translation>{online} · 时钟偏差 {offset} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="237"/>
        <source>Device clock: {offset} s from this console&apos;s (ahead &gt; 0), from its timestamps</source>
        <translation>设备时钟与本控制台相差 {offset} 秒（正值表示超前），根据其时间戳估算</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="250"/>
        <source>The console&apos;s broker link is down: no device news can arrive</source>
        <translation>控制台与代理的连接已断开：收不到任何设备消息</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="253"/>
        <source>Last update {time} ({age} ago); a device is stale after {limit} s without one</source>
        <translation>最后更新 {time}（{age} 前）；设备超过 {limit} 秒无更新即视为陈旧</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="260"/>
        <source>HA</source>
        <translation>HA</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="276"/>
        <source>Home Assistant discovery</source>
        <translation>Home Assistant 自动发现</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="261"/>
        <source>native</source>
        <translation>原生</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="41"/>
        <source>AutoGLM Console {version}</source>
        <translation>AutoGLM 控制台 {version}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="46"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="46"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="46"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="67"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="69"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="88"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="119"/>
        <source>Broker {url}: {state}</source>
        <translation>MQTT 代理 {url}：{state}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="120"/>
        <source>Broker: {state}</source>
        <translation>MQTT 代理：{state}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="124"/>
        <source> (next try in {s:.0f} s)</source>
        <translation>（{s:.0f} 秒后重试）</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="141"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="141"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="142"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="142"/>
        <source>waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="143"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="143"/>
        <source>not authorized</source>
        <translation>未授权</translation>
    </message>
</context>
<context>
    <name>QtModelChat</name>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="26"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="29"/>
        <source>system prompt (optional; repeated ones come from the prefix cache)</source>
        <translation>系统提示词（可选；重复使用的系统提示词取自前缀缓存）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="32"/>
        <source>Ask the model something…</source>
        <translation>向模型提问…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="39"/>
        <source>max new </source>
        <translation>最大生成 tokens：</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="40"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="42"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="44"/>
        <source>queue: 0</source>
        <translation>队列：0</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="51"/>
        <source>Answers stream in here.</source>
        <translation>回答将以流式方式显示在这里。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="55"/>
        <source>No request yet.</source>
        <translation>尚无请求。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="82"/>
        <source>Type a prompt first.</source>
        <translation>请先输入提示词。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="119"/>
        <source>#{rid} {reason}</source>
        <translation>#{rid} {reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="121"/>
        <source>TTFT {v:.2f} s</source>
        <translation>首字延迟 {v:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="123"/>
        <source>{v:.1f} tok/s</source>
        <translation>{v:.1f} tok/s</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="124"/>
        <source>end-to-end {v:.2f} s</source>
        <translation>端到端 {v:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="125"/>
        <source>queue {v:.2f} s</source>
        <translation>排队 {v:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="126"/>
        <source>{p} prompt + {n} new tokens</source>
        <translation>提示 {p} + 新生成 {n} tokens</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="128"/>
        <source>{c} from prefix cache</source>
        <translation>{c} 个取自前缀缓存</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="130"/>
        <source>fast path</source>
        <translation>快速路径</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="133"/>
        <source>Warning: {w}</source>
        <translation>警告：{w}</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="137"/>
        <source> [cancelled]</source>
        <translation> [已取消]</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="143"/>
        <source>#{rid} failed: {m}
{h}</source>
        <translation>#{rid} 失败：{m}
{h}</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="153"/>
        <source>queue: {n}</source>
        <translation>队列：{n}</translation>
    </message>
</context>
<context>
    <name>QtModelGraphs</name>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="81"/>
        <source>time, 0 = now</source>
        <translation>时间（0 = 现在）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="81"/>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="84"/>
        <source>GPU allocated (torch)</source>
        <translation>显存已分配 (torch)</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="85"/>
        <source>GPU reserved (torch)</source>
        <translation>显存已预留 (torch)</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="86"/>
        <source>GPU used (NVML)</source>
        <translation>显存已用 (NVML)</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="87"/>
        <source>GPU total</source>
        <translation>显存总量</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="88"/>
        <source>process RSS (CPU)</source>
        <translation>进程 RSS (CPU)</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="98"/>
        <source>no memory samples yet</source>
        <translation>尚无内存采样</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="101"/>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="137"/>
        <source>no requests yet</source>
        <translation>尚无请求</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="102"/>
        <source>latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="107"/>
        <source>first token</source>
        <translation>首个词元</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="109"/>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="117"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="112"/>
        <source>decode tokens/s</source>
        <translation>解码词元/秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="116"/>
        <source>decode speed</source>
        <translation>解码速度</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="122"/>
        <source>end-to-end latency of completed requests</source>
        <translation>已完成请求的端到端延迟</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="123"/>
        <source>requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="198"/>
        <source>no completed requests yet ({n} cancelled)</source>
        <translation>尚无已完成的请求（{n} 个已取消）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="102"/>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="112"/>
        <source>request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="108"/>
        <source>end to end</source>
        <translation>端到端</translation>
    </message>
</context>
<context>
    <name>QtModelOptions</name>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="55"/>
        <source>Local (transformers)</source>
        <translation>本地 (transformers)</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="56"/>
        <source>Remote server (OpenAI-compatible)</source>
        <translation>远程服务器（兼容 OpenAI）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="57"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="77"/>
        <source>model folder, .gguf file, or hub id org/name</source>
        <translation>模型文件夹、.gguf 文件或 Hub ID org/name</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="78"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="79"/>
        <source>GGUF…</source>
        <translation>GGUF…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="83"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="91"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="92"/>
        <source>8-bit</source>
        <translation>8-bit</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="93"/>
        <source>4-bit NF4</source>
        <translation>4-bit NF4</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="94"/>
        <source>8-bit and 4-bit load through bitsandbytes and need an NVIDIA GPU</source>
        <translation>8-bit 和 4-bit 通过 bitsandbytes 加载，需要 NVIDIA GPU</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="96"/>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="96"/>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="97"/>
        <source>quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="102"/>
        <source>e.g. 0=20GiB, cpu=30GiB (empty: all free memory)</source>
        <translation>例如 0=20GiB, cpu=30GiB（留空：使用全部空闲内存）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="103"/>
        <source>Max memory</source>
        <translation>最大内存</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="106"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="107"/>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="108"/>
        <source>Max input</source>
        <translation>最大输入</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="109"/>
        <source>allow hub downloads</source>
        <translation>允许从 Hub 下载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="110"/>
        <source>load even if it may not fit</source>
        <translation>即使内存可能不足也加载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="123"/>
        <source>empty: the first model the server lists</source>
        <translation>留空：使用服务器列出的第一个模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="126"/>
        <source>API key (not saved)</source>
        <translation>API 密钥（不保存）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="127"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="128"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="129"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="172"/>
        <source>Model folder (with config.json)</source>
        <translation>模型文件夹（含 config.json）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="177"/>
        <source>GGUF model file</source>
        <translation>GGUF 模型文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="178"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
</context>
<context>
    <name>QtModelPanel</name>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="93"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="97"/>
        <source>Fit estimate: not computed yet</source>
        <translation>装载估算：尚未计算</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="102"/>
        <location filename="../../console/ui/model/qt_model_panel.py" line="252"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="103"/>
        <source>Unload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="111"/>
        <location filename="../../console/ui/model/qt_model_panel.py" line="390"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="113"/>
        <source>No model loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="252"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="254"/>
        <source>Remote server: its own GPU memory applies, nothing is loaded here.</source>
        <translation>远程服务器：使用其自身的显存，本机不加载任何内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="264"/>
        <location filename="../../console/ui/model/qt_model_panel.py" line="277"/>
        <source>write sizes like 0=20GiB, cpu=30GiB</source>
        <translation>请按 0=20GiB, cpu=30GiB 的格式填写大小</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="267"/>
        <source>Fit estimate: computing…</source>
        <translation>装载估算：计算中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="280"/>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="286"/>
        <source>no server URL</source>
        <translation>未填写服务器 URL</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="286"/>
        <source>type the URL of a vLLM/SGLang/llama.cpp server</source>
        <translation>请输入 vLLM/SGLang/llama.cpp 服务器的 URL</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="330"/>
        <source>Loading {source}…</source>
        <translation>正在加载 {source}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="341"/>
        <source>checking memory</source>
        <translation>检查内存</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="342"/>
        <source>tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="343"/>
        <source>converting GGUF (once)</source>
        <translation>转换 GGUF（仅一次）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="344"/>
        <source>saving converted weights</source>
        <translation>保存转换后的权重</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="345"/>
        <source>loading weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="346"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="360"/>
        <source> (converted copy cached: fast load)</source>
        <translation>（已缓存转换副本：快速加载）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="362"/>
        <source>&lt;b style=&apos;color:{c}&apos;&gt;{verdict}&lt;/b&gt;&lt;br&gt;{estimate}{cached}</source>
        <translation>&lt;b style=&apos;color:{c}&apos;&gt;{verdict}&lt;/b&gt;&lt;br&gt;{estimate}{cached}</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="367"/>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;{m}&lt;/span&gt;&lt;br&gt;{h}</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;{m}&lt;/span&gt;&lt;br&gt;{h}</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="373"/>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="375"/>
        <source>Loaded {model} ({kind}, {dtype} on {device}) in {s:.1f} s{cache}.</source>
        <translation>已加载 {model}（{kind}，{dtype}，设备 {device}），用时 {s:.1f} 秒{cache}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="378"/>
        <source>, from the GGUF cache</source>
        <translation>，来自 GGUF 缓存</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="380"/>
        <source>Warning: {w}</source>
        <translation>警告：{w}</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="382"/>
        <source>Connected to {url} ({model}).</source>
        <translation>已连接到 {url}（{model}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="392"/>
        <source>unloaded</source>
        <translation>已卸载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="401"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>QtPreviewTable</name>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="37"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="37"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="37"/>
        <source>Before → after</source>
        <translation>之前 → 之后</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="38"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="38"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="53"/>
        <source> (model&apos;s pick)</source>
        <translation>（模型选定）</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="61"/>
        <source>HIGH – asks again</source>
        <translation>高 – 需再次确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="61"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="90"/>
        <source>sent ({state})</source>
        <translation>已发送（{state}）</translation>
    </message>
</context>
<context>
    <name>QtProfilesDialog</name>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="40"/>
        <source>Broker connections</source>
        <translation>MQTT 代理连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="55"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="56"/>
        <source>system trust store</source>
        <translation>系统信任存储</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="57"/>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="58"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="59"/>
        <source>Insecure: do not verify the broker&apos;s certificate</source>
        <translation>不安全：不验证 MQTT 代理的证书</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="61"/>
        <source>Certificate verification is OFF: anyone on the network path can impersonate the broker.</source>
        <translation>证书验证已关闭：网络路径上的任何人都可以冒充 MQTT 代理。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="68"/>
        <source>stored in the OS keyring</source>
        <translation>保存在系统密钥环中</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="69"/>
        <source>generated (set one per console on shared brokers)</source>
        <translation>自动生成（共享代理上请为每个控制台单独设置）</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="76"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="77"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="78"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="79"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="81"/>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="82"/>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="83"/>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="86"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="87"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="88"/>
        <source>Client id</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="89"/>
        <source>Topic prefix</source>
        <translation>主题前缀</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="91"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="92"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="93"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="94"/>
        <source>Use this broker</source>
        <translation>使用此代理</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="95"/>
        <source>Restart and connect now</source>
        <translation>立即重启并连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="97"/>
        <source>Start a new console on the active profile and close this one (queued commands stay in the outbox)</source>
        <translation>使用当前启用的配置启动新的控制台并关闭本控制台（排队中的命令保留在发件队列中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="100"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="133"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="139"/>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="140"/>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="155"/>
        <source>active</source>
        <translation>当前启用</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="184"/>
        <source>Active profile.</source>
        <translation>当前启用的配置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="220"/>
        <source>Keep at least one profile.</source>
        <translation>请至少保留一个配置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="233"/>
        <source>Not saved: {e}</source>
        <translation>未保存：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="244"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="247"/>
        <source>Saved, but a password needs a username: it was not stored.</source>
        <translation>已保存，但密码需要配合用户名使用：密码未保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="251"/>
        <source>Saved; the password is in the OS keyring.</source>
        <translation>已保存；密码存放在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="253"/>
        <source>Saved without the password: {e}</source>
        <translation>已保存，但未保存密码：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="266"/>
        <source>Active. Restart now to connect with it, or it is used the next time the console starts with --profile.</source>
        <translation>已启用。立即重启即可用它连接；否则将在下次以 --profile 启动控制台时使用。</translation>
    </message>
</context>
<context>
    <name>QtRawPayloads</name>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="24"/>
        <source>Raw payloads: {device}</source>
        <translation>原始消息：{device}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="31"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="45"/>
        <source>Native devices: see the State column</source>
        <translation>原生设备：请查看“状态”列</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="49"/>
        <source>{count} payloads on {topics} topics, newest last</source>
        <translation>{topics} 个主题上共 {count} 条消息，最新的在最后</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="52"/>
        <source>No payload received yet</source>
        <translation>尚未收到消息</translation>
    </message>
</context>
<context>
    <name>QtRestart</name>
    <message>
        <location filename="../../console/ui/connection/qt_restart.py" line="37"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_restart.py" line="38"/>
        <source>Could not start a new console ({p}). This one keeps running; start it with --profile {n} yourself.</source>
        <translation>无法启动新的控制台（{p}）。本控制台继续运行；请自行使用 --profile {n} 启动。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="249"/>
        <source>AutoGLM Console</source>
        <translation>AutoGLM 控制台</translation>
    </message>
</context>
</TS>
