"""The Environment panel's rows with a check that repeats the profile's broker password in plain
words: no cell, tooltip, details pane or copied report may show it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.core.envcheck import Check, CheckResult
from console.core.mqtt.link import BrokerConfig
from console.ui.doctor.qt_doctor_panel import COL_CHECK, QtDoctorPanel

PASSWORD = "Hv3nRt8y"  # no pattern recognises it: only the profile's known password can


def _echo(ctx) -> CheckResult:
    pw = ctx.broker.password
    return CheckResult("Broker login (CONNACK)", "fail", f"refused operator/{pw}", f"not {pw}",
                       f"the server said: bad credentials {pw}", group="Broker")


def _shown_texts(panel) -> list[str]:
    out = []
    for i in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(i)
        for j in range(group.childCount()):
            item = group.child(j)
            for col in range(panel.tree.columnCount()):
                out += [item.text(col), item.toolTip(col)]
            panel.tree.setCurrentItem(item)
            out.append(panel.details.toPlainText())
    return out


def test_no_row_shows_the_known_password(qtbot):
    cfg = BrokerConfig(host="127.0.0.1", port=1, username="operator", password=PASSWORD, prefix="tsecret")
    panel = QtDoctorPanel(broker_cfg=cfg, checks=[Check("echo", "Broker", _echo, 10)])
    qtbot.addWidget(panel)
    try:
        with qtbot.waitSignal(panel.finished, timeout=30_000):
            qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
        texts = _shown_texts(panel)
        assert any("refused operator/" in t for t in texts)  # the row is there
        assert not [t for t in texts if PASSWORD in t]
    finally:
        panel.shutdown()


def test_details_and_copied_report_never_show_the_known_password(qtbot):
    cfg = BrokerConfig(host="127.0.0.1", port=1, username="operator", password=PASSWORD, prefix="tsecret")
    panel = QtDoctorPanel(broker_cfg=cfg, checks=[Check("echo", "Broker", _echo, 10)])
    qtbot.addWidget(panel)
    try:
        with qtbot.waitSignal(panel.finished, timeout=30_000):
            qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
        group = panel.tree.topLevelItem(0)
        item = next(group.child(j) for j in range(group.childCount())
                    if group.child(j).data(COL_CHECK, Qt.ItemDataRole.DisplayRole) == "Broker login (CONNACK)")
        panel.tree.setCurrentItem(item)
        details = panel.details.toPlainText()
        assert "refused operator/***" in details and "bad credentials ***" in details
        assert PASSWORD not in details
        QApplication.clipboard().clear()
        qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
        copied = QApplication.clipboard().text()
        assert "Broker login (CONNACK)" in copied and PASSWORD not in copied
    finally:
        panel.shutdown()
