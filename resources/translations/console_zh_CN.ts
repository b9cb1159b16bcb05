<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../../console/ui/qt_app.py" line="98"/>
        <source>Start-up failed: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_app.py" line="100"/>
        <source>AutoGLM Console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtDevicesPanel</name>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="77"/>
        <source>Filter devices (id, name, zone, kind)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="81"/>
        <source>Online only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="84"/>
        <source>All zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="84"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_devices_panel.py" line="146"/>
        <source>{devices} devices · {rx}/s received · {ap}/s applied · {dr}/s dropped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtDoctorPanel</name>
    <message>
        <location filename="../../console/ui/qt_doctor_panel.py" line="12"/>
        <source>Environment checks: run `autoglm-console doctor`.</source>
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
        <location filename="../../console/ui/qt_fleet_model.py" line="56"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="57"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="58"/>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="59"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="60"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="61"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="62"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="153"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="155"/>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="156"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_fleet_model.py" line="156"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="26"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="26"/>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="45"/>
        <source>Broker {url}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="46"/>
        <source>Broker: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/qt_main_window.py" line="50"/>
        <source> (next try in {s:.0f} s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtModelPanel</name>
    <message>
        <location filename="../../console/ui/qt_model_panel.py" line="12"/>
        <source>Model runtime: not built yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../console/ui/qt_app.py" line="122"/>
        <source>AutoGLM Console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
