"""The Health view's tracing line in zh_CN (issue 14, seen on the screenshots): the hub's fixed words
("no OTLP endpoint configured", "sampling") read Chinese with the committed catalog; an exception's
own text stays as it came.  The real .qm, a real TelemetryHub, real widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from console.core.paths import resource_path
from console.core.telemetry.hub import TelemetryHub
from console.ui.health.qt_health_view import QtHealthView
from console.ui.shell.qt_app import make_application


def test_the_tracing_line_reads_chinese_with_the_zh_catalog(qtbot):
    app = make_application()
    tr = QTranslator()
    assert tr.load(str(resource_path("translations", "console_zh_CN.qm")))
    app.installTranslator(tr)
    try:
        hub = TelemetryHub()  # no endpoint: tracing off, and the hub says why
        view = QtHealthView(hub.health, hub.tracing_status)
        qtbot.addWidget(view)
        assert view.tracing.text() == "追踪（OpenTelemetry）：关闭，未配置 OTLP 端点（--otlp-endpoint）"
        view.set_tracing_status("on: http://collector:4318/v1/traces, sampling 0.25")
        assert view.tracing.text().endswith("http://collector:4318/v1/traces，采样率 0.25")
        assert "sampling" not in view.tracing.text()
        view.set_tracing_status("off: connection refused")  # not the hub's words: as it came
        assert view.tracing.text().endswith("connection refused")
    finally:
        QCoreApplication.removeTranslator(tr)
