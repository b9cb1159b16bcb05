"""A damaged file of the operator's device risk/exposure choices, as the operator sees it: the console
starts, says once (status bar and warning) that the file was set aside and where, and the next start
says nothing more.  Real files in the test's data dir, the real services and a real Qt event loop."""

from __future__ import annotations

from console.core.demo.broker import free_port
from console.core.mqtt.link import BrokerConfig
from console.core.services import build_services
from console.core.sources.ha_overrides import overrides_path_for
from console.ui.shell.qt_app import ConsoleApp, make_application


def _console(qtbot, url: str) -> ConsoleApp:
    app = ConsoleApp(build_services(broker_url=url, prefix="site-a"))  # no broker there: the link retries
    qtbot.addWidget(app.window)
    app.start()
    return app


def test_damaged_choices_are_set_aside_and_told_once(qtbot):
    make_application()
    url = f"mqtt://127.0.0.1:{free_port()}"
    path = overrides_path_for(BrokerConfig.from_url(url, prefix="site-a"))
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 1, "devices": {"lock_1": {"risk": "low"')  # cut short
    app = _console(qtbot, url)
    try:
        kept = list(path.parent.glob(f"{path.name}.damaged-*"))
        assert len(kept) == 1 and kept[0].read_text().endswith('"risk": "low"')
        assert app.window.statusBar().currentMessage().startswith("Device risk/exposure choices could not be read")
        assert str(kept[0]) in app.warning_message
    finally:
        app.close()
    app = _console(qtbot, url)  # the next start: nothing damaged, nothing said
    try:
        assert "risk/exposure" not in app.window.statusBar().currentMessage()
        assert not hasattr(app, "warning_message")
    finally:
        app.close()
