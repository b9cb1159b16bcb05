"""zh_CN for what the Alerts tab says about the rules file and about a cleared alert (issue 14).

A bad rules file is reported rule by rule (line, rule, what is wrong, the fix): each ``what`` and
``fix`` is a marked core text (console/core/alerts/rules.py) that lupdate finds, and the Rules tab
shows the whole problem translated, arguments included.  Why the console cleared an alert is kept in
the store's events table as English and shown, translated, as the Cleared cell's tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from console.core.alerts import rules as rules_mod
from console.core.alerts import wording
from console.core.alerts.rules import parse_rules, rule_from_dict, save_rule, RulesError
from console.core.i18n import Msg
from console.ui.alerts.qt_alert_words import detail_text, problem_text
from console.ui.alerts.qt_alerts_panel import install_alerts
from console.ui.qt_i18n import matched
from console.ui.shell.qt_main_window import QtMainWindow
from tests.conftest import wait_for
from tests.core.alerts.helpers import Device, meta
from tests.ui.test_i18n_core import _sources, _translator, core_marked  # noqa: F401 - a fixture
from tests.ui.test_i18n_doctor_rows import _english_literals

# one table per way a file or a rule can be wrong: every problem the reader can report
BAD_FILES = [
    "[[rule]\n",  # not TOML
    "x = 1\n[settings]\nfoo = 2\nbroker_down_after_s = -1\n",
    "rule = 3\n",
    "[[rule]]\nid = 'bad id!'\nkind = 'nope'\n",
    "[[rule]]\nid = 't'\nkind = 'threshold'\ncolour = 'red'\nseverity = 'loud'\nzones = 3\nenabled = 'yes'\n"
    "for_s = -1\nabove = 'hot'\n",
    "[[rule]]\nid = 't'\nkind = 'threshold'\nabove = 3\nbelow = 1\n",
    "[[rule]]\nid = 't'\nkind = 'threshold'\ncapability = 'temp'\nabove = 30\nclear = 35\nmessage = 3\n",
    "[[rule]]\nid = 't'\nkind = 'threshold'\ncapability = 'temp'\nbelow = 5\nclear = 1\n",
    "[[rule]]\nid = 'm'\nkind = 'metric'\nmetric = 'nope'\nbelow = 3\nmin_samples = 0\n",
    "[[rule]]\nid = 'o'\nkind = 'offline'\n[rule.action]\ndevice = ''\n",
    "[[rule]]\nid = 'o'\nkind = 'offline'\nafter_s = 5\naction = 3\n",
    "[[rule]]\nid = 'o'\nkind = 'offline'\nafter_s = 5\n[rule.action]\ndevice = 'd'\n",
    "[[rule]]\nid = 'o'\nkind = 'offline'\nafter_s = 5\n[rule.action]\ndevice = 'd'\nset = { a = [1] }\n",
    "[[rule]]\nid = 'o'\nkind = 'offline'\nafter_s = 5\n[rule.action]\ndevice = 'd'\nset = { a = 1 }\n"
    "act_without_asking = 1\nwhat = 2\n",
    "[[rule]]\nid = 'o'\nkind = 'offline'\nafter_s = 5\n[[rule]]\nid = 'o'\nkind = 'stale'\nafter_s = 5\n",
]


def all_problems(tmp_path) -> list:
    problems = [p for text in BAD_FILES for p in parse_rules(text).problems]
    problems += rule_from_dict(3, line=4, index=1)[1]
    folder = tmp_path / "a-folder.toml"
    folder.mkdir()
    problems += rules_mod.load_rules(folder).problems  # cannot be read
    path = tmp_path / "rules.toml"
    path.write_text("[[rule]]\nid = 'a'\nkind = 'offline'\nafter_s = 5\n[[rule]]\nid = 'b'\nkind = 'stale'\n"
                    "after_s = 5\n", encoding="utf-8")
    rule = parse_rules(path.read_text()).get("b")
    with pytest.raises(RulesError) as info:
        save_rule(path, rule, replaces="a")  # b's id is taken by another rule
    return problems + info.value.problems


def test_every_problem_of_a_rules_file_is_marked(core_marked, tmp_path):
    problems = all_problems(tmp_path)
    assert len(problems) >= 30, f"the bad files reached only {len(problems)} problems"
    texts: list[Msg] = []
    for p in problems:
        for part in (p.what, p.fix):
            assert isinstance(part, Msg), f"{p}: {part!r} is not marked for translation"
        msg = p.message()
        assert str(msg) == str(p)  # the English the log and the CLI have always read
        texts.append(msg)
    texts += list(rules_mod.METRICS.values())
    texts += list(wording.CLEARED_DETAILS)
    missing = sorted({s for t in texts for s in _sources(t)} - core_marked)
    assert not missing, f"shown by the UI but not found by lupdate: {missing}"


def test_no_english_sentence_in_the_rules_reader_is_left_unmarked():
    found = [f for f in _english_literals(Path(rules_mod.__file__))
             if "Alert rules of this site" not in f]  # STARTER: the commented file written for the operator's editor
    assert not found, "English the Alerts tab would show untranslated:\n" + "\n".join(found)


def test_the_engines_clearing_words_match_their_templates():
    # the exact English engine.py writes into the events table
    for text, source in (("temp back to 20", wording.CLEARED_BACK_TO.source),
                         ("no failure for 600 s", wording.CLEARED_NO_FAILURE.source),
                         ("the clock is within 120 s again (+3.5 s)", wording.CLEARED_CLOCK.source),
                         ("the device spoke again", wording.CLEARED_SPOKE.source),
                         ("cleared by the operator", wording.CLEARED_BY_OPERATOR.source)):
        back = matched(text, wording.CLEARED_DETAILS)
        assert back is not None and back.source == source, (text, back and back.source)
    assert matched("something else", wording.CLEARED_DETAILS) is None


@pytest.fixture
def zh(qapp, tmp_path):
    rows = [("Alerts", rules_mod.PROBLEM_LINE_RULE.source, "第 {line} 行，规则 {rule}：{what}。{fix}"),
            ("Alerts", rules_mod.PROBLEM_WHAT_FIX.source, "{what}。{fix}"),
            ("Alerts", "{key} must be a number, not {value}", "{key} 必须是数字，而不是 {value}"),
            ("Alerts", "Write e.g. {key} = 30.0.", "例如写 {key} = 30.0。"),
            ("Alerts", "{what} > {level} (clears at {clear})", "{what} > {level}（降到 {clear} 时解除）"),
            ("Alerts", wording.CLEARED_BACK_TO.source, "{what} 回到 {value}"),
            ("Alerts", wording.CLEARED_BY_OPERATOR.source, "由操作员清除")]
    tr = _translator(tmp_path, rows)
    qapp.installTranslator(tr)
    yield
    qapp.removeTranslator(tr)


def test_a_bad_rules_file_is_reported_in_chinese_in_the_alerts_tab(zh, qtbot, console):
    window = QtMainWindow({"devices": QLabel("devices")})
    qtbot.addWidget(window)
    panel = install_alerts(window, console, sender=None)
    window.show()
    try:
        assert panel.rules.problems.text() == ""
        good = console.rules_path.read_text(encoding="utf-8")
        console.rules_path.write_text(good + '\n[[rule]]\nid = "warm"\nkind = "threshold"\ncapability = "temp"\n'
                                             'above = "hot"\n', encoding="utf-8")
        line = len(good.splitlines()) + 2
        panel.rules.reload()
        text = panel.rules.problems.text()
        assert f"第 {line} 行，规则 warm：above 必须是数字，而不是 'hot'。例如写 above = 30.0。" in text, text
        assert "must be a number" not in text
        assert len(console.alerts.rules.rules) == 2  # the good rules still run
        # the English stays for the log and the CLI
        [problem] = console.alerts.rules.problems
        assert str(problem) == f"line {line}, rule warm: above must be a number, not 'hot'. Write e.g. above = 30.0."
        assert problem_text(problem) in text
        # the form: the same words, without line and rule
        panel.rules.new_rule()
        panel.rules.f["id"].setText("x")
        panel.rules.f["capability"].setText("temp")
        panel.rules.f["above"].setText("warm")
        assert not panel.rules.save()
        assert panel.rules.form_error.text() == "above 必须是数字，而不是 'warm'。例如写 above = 30.0。"
    finally:
        panel.shutdown()


def test_why_an_alert_was_cleared_is_its_cleared_cells_tooltip_in_chinese(zh, qtbot, console, broker_cfg):
    window = QtMainWindow({"devices": QLabel("devices")})
    qtbot.addWidget(window)
    panel = install_alerts(window, console, sender=None)
    window.show()
    dev = Device(broker_cfg, meta("sensor-y", zone="line-a"))
    try:
        wait_for(lambda: console.alerts.engine.bound_devices() == 1, 15, what="bound")
        view = panel.view
        cleared = view.model.COLUMNS.index("cleared")
        view.state.setCurrentIndex(4)  # all (history)
        dev.state(temp=35.0)
        qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=15000)
        assert view.model.data(view.model.index(0, cleared), Qt.ItemDataRole.ToolTipRole) is None  # still open
        dev.state(temp=20.0)
        wait_for(lambda: not console.alerts.engine.open_alerts(), 15, what="cleared by its rule")
        qtbot.waitUntil(lambda: view.model.rows and view.model.rows[0].cleared_at is not None, timeout=5000)
        [alert] = view.model.rows
        assert [e[3] for e in console.alerts.store.events(alert.id)][-1] == "temp back to 20"  # stored English
        assert view.model.data(view.model.index(0, cleared), Qt.ItemDataRole.ToolTipRole) == "temp 回到 20"
        # cleared by the operator: the next alert, cleared from the view
        dev.state(temp=36.0)
        qtbot.waitUntil(lambda: len(console.alerts.engine.open_alerts()) == 1, timeout=15000)
        view.state.setCurrentIndex(0)  # open
        qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
        assert view.select_alert(view.model.rows[0].id) and view.clear_selected() == 1
        view.state.setCurrentIndex(3)  # cleared
        qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
        tips = {view.model.data(view.model.index(r, cleared), Qt.ItemDataRole.ToolTipRole) for r in range(2)}
        assert tips == {"temp 回到 20", "由操作员清除"}
        assert detail_text("the broker link is back") == "the broker link is back"  # no translation loaded: English
    finally:
        dev.close()
        panel.shutdown()
