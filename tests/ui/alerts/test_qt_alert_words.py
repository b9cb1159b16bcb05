"""The alert texts the core writes (console/core/alerts/wording.py) reach the operator in zh_CN: read
back from the store as plain English they are matched to their template, translated, and formatted
again; the operator's own rule names and messages stay as written."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from console.core.alerts import wording
from console.core.alerts.rules import parse_rules
from console.core.i18n import Msg
from console.ui.alerts.qt_alert_words import alert_text, who_text
from console.ui.alerts.qt_alerts_panel import install_alerts
from console.ui.qt_i18n import matched
from console.ui.shell.qt_main_window import QtMainWindow
from tests.conftest import wait_for
from tests.core.alerts.helpers import Device, meta
from tests.ui.test_i18n_core import _translator

KINDS = """
[[rule]]
id = "a"
name = "a"
kind = "threshold"
capability = "temp"
{level}
{extra}
"""


def samples() -> list[Msg]:
    """One text of every template, made by the core's own functions."""
    rules = []
    for level in ("above = 30.5", "below = -2"):
        for extra in ("", "clear = 28", "for_s = 120", "clear = 28\nfor_s = 120"):
            rules += parse_rules(KINDS.format(level=level, extra=extra)).rules
    rules += parse_rules('[[rule]]\nid = "o"\nname = "o"\nkind = "offline"\nafter_s = 15\n'
                         '[[rule]]\nid = "s"\nname = "s"\nkind = "stale"\nafter_s = 60\n'
                         '[[rule]]\nid = "f"\nname = "f"\nkind = "command_failures"\ncount = 3\nwithin_s = 600\n'
                         '[[rule]]\nid = "m"\nname = "m"\nkind = "command_failures"\ncount = 2\nwithin_s = 60\n'
                         'message = "Pump: commands keep failing (see the log)"\n').rules
    out = [r.condition() for r in rules]
    failures, custom = rules[-2], rules[-1]
    for rule in (failures, custom):
        out += [wording.failures_message(rule, "timeout", ""),
                wording.failures_message(rule, "failed", "E42: motor stalled (overcurrent)")]
    params = {"power": True, "mode": "auto"}
    out += [wording.note("fan-1", params, "sent", command="0f3c9a27b1d2", confirmed=True),
            wording.note("fan-1", params, "sent", command="0f3c9a27b1d2"),
            wording.note("fan-1", params, "waiting", high_risk=True), wording.note("fan-1", params, "waiting"),
            wording.note("fan-1", params, "dismissed", who="carol"), wording.note("fan-1", params, "dismissed"),
            wording.note("fan-1", params, "refused", error="fan-1 has no capability 'mode'")]
    out += [wording.BROKER_NAME, wording.BROKER_DOWN.format(s="10"), wording.CLOCK_NAME,
            wording.CLOCK_OFF.format(offset="+600", threshold="120")]
    return out


def test_every_alert_text_comes_back_from_plain_text_as_its_own_template():
    made = samples()
    assert {m.source for m in made} == {t.source for t in wording.TEMPLATES}  # every template has a sample
    for msg in made:
        plain = str(msg)  # what the store, the CSV and the retained topic keep
        back = matched(plain, wording.TEMPLATES)
        assert back is not None and back.source == msg.source, f"{plain!r} read back as {back and back.source!r}"
        assert {k: str(v) for k, v in back.args.items()} == {k: str(v) for k, v in msg.args.items()}
    assert str(made[0]) == "temp > 30.5"
    assert str(made[3]) == "temp > 30.5 (clears at 28) for 120 s"  # the English the store has always kept
    assert matched("Pump room flooded", wording.TEMPLATES) is None  # an operator's own words


@pytest.fixture
def zh(qapp, tmp_path):
    rows = [("Alerts", wording.ABOVE_CLEARS.source, "{what} > {level}（降到 {clear} 时解除）"),
            ("Alerts", wording.FAILURES_LAST_ERROR.source, "{s} 秒内 {count} 条命令失败（最近一条：{outcome}：{error}）"),
            ("Alerts", "failed", "失败"), ("Alerts", "rule", "规则"),
            ("Alerts", wording.BROKER_NAME.source, "代理连接中断"),
            ("Alerts", wording.NOTE_DISMISSED_BY.source, "{device} {params}：已被 {who} 驳回")]
    tr = _translator(tmp_path, rows)
    qapp.installTranslator(tr)
    yield
    qapp.removeTranslator(tr)


def test_the_words_translate_with_their_arguments(zh):
    failures = parse_rules('[[rule]]\nid = "f"\nname = "f"\nkind = "command_failures"\ncount = 3\nwithin_s = 600\n'
                           ).rules[0]
    text = str(wording.failures_message(failures, "failed", "E42: stalled"))
    assert text == "3 failed command(s) within 600 s (last: failed: E42: stalled)"
    assert alert_text(text) == "600 秒内 3 条命令失败（最近一条：失败：E42: stalled）"
    assert alert_text("Broker link down") == "代理连接中断"
    assert alert_text("lamp {'power': True}: dismissed by bob") == "lamp {'power': True}：已被 bob 驳回"
    assert alert_text("Too hot") == "Too hot" and alert_text("") == ""
    assert who_text("rule") == "规则" and who_text("carol") == "carol"


def test_the_alerts_view_and_banner_show_a_stored_alert_in_chinese(zh, qtbot, console, broker_cfg):
    window = QtMainWindow({"devices": QLabel("devices")})
    qtbot.addWidget(window)
    panel = install_alerts(window, console, sender=None)
    window.show()
    dev = Device(broker_cfg, meta("sensor-z", zone="line-a"))
    try:
        wait_for(lambda: console.alerts.engine.bound_devices() == 1, 15, what="bound")
        dev.state(temp=35.0)
        qtbot.waitUntil(lambda: panel.banner.isVisible(), timeout=15000)
        assert "Too hot" in panel.banner.text.text()  # the operator's rule name, as written
        assert "temp > 30（降到 28 时解除）" in panel.banner.text.text()
        view = panel.view
        qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
        [alert] = view.model.rows
        assert type(alert.message) is str and alert.message == "temp > 30 (clears at 28)"  # read from SQLite
        column = view.model.COLUMNS.index
        assert view.model.data(view.model.index(0, column("message"))) == "temp > 30（降到 28 时解除）"
        assert view.model.data(view.model.index(0, column("rule"))) == "Too hot"
        dev.state(temp=20.0)
        wait_for(lambda: not console.alerts.engine.open_alerts(), 15, what="cleared by its rule")
        view.state.setCurrentIndex(4)  # all (history)
        qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
        assert view.model.data(view.model.index(0, column("cleared"))).startswith("规则 ")
    finally:
        dev.close()
        panel.shutdown()
