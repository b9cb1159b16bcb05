"""The rules file: validated on load with the line, the rule, what is wrong and how to fix it; saved
back with its comments; the demo's rules all valid."""

from __future__ import annotations

import pytest

from console.core.alerts.rules import (
    Action,
    Rule,
    RulesError,
    delete_rule,
    ensure_rules_file,
    load_rules,
    parse_rules,
    save_rule,
)
from console.core.paths import resource_path


def test_the_demo_rules_are_all_valid_and_cover_every_kind():
    rules = load_rules(resource_path("alerts", "demo-rules.toml"))
    assert rules.problems == []
    assert {r.kind for r in rules.rules} == {"threshold", "offline", "stale", "command_failures", "metric"}
    hot = rules.get("line-a-hot")
    assert (hot.above, hot.clear, hot.for_s, hot.zones) == (30.0, 28.0, 120.0, ("line-a",))
    assert hot.action == Action("fan-line-a", {"power": True}, True)
    assert rules.broker_down_after_s == 10


BAD = """\
[[rule]]
id = "ok"
name = "fine"
kind = "offline"
after_s = 30

[[rule]]
id = "hot"
kind = "threshold"
capability = "temp"
above = "thirty"

[[rule]]
id = "ok"
kind = "stale"
after_s = 10

[[rule]]
id = "typo"
kind = "treshold"

[[rule]]
id = "band"
kind = "threshold"
capability = "temp"
above = 30
clear = 35
severity = "urgent"
"""


def test_bad_rules_are_left_out_each_with_its_line_what_and_fix():
    rules = parse_rules(BAD)
    assert [r.id for r in rules.rules] == ["ok"]
    by_rule = {}
    for p in rules.problems:
        by_rule.setdefault(p.rule, []).append(p)
    assert by_rule["hot"][0].line == 7 and "above must be a number" in by_rule["hot"][0].what
    assert "above = 30.0" in by_rule["hot"][0].fix
    assert by_rule["ok"][0].line == 13 and "used by an earlier rule" in by_rule["ok"][0].what
    assert by_rule["typo"][0].line == 18 and "treshold" in by_rule["typo"][0].what
    band = " / ".join(p.what for p in by_rule["band"])
    assert "severity" in band and "clear (35) must be at or below above (30)" in band
    assert str(by_rule["hot"][0]).startswith("line 7, rule hot: ")


def test_a_file_that_is_not_toml_says_where():
    rules = parse_rules('[[rule]]\nid = "x\nkind = "offline"\n')
    [problem] = rules.problems
    assert problem.line == 2 and "not valid TOML" in problem.what and rules.rules == []


def test_unknown_fields_and_missing_ones_are_named():
    rules = parse_rules('[[rule]]\nid = "a"\nkind = "offline"\nthreshold = 3\n')
    whats = [p.what for p in rules.problems]
    assert any("'threshold' is not a field of offline rules" in w for w in whats)
    assert any("need after_s" in w for w in whats)


def test_saving_a_rule_keeps_the_comments_and_the_other_rules(tmp_path):
    path = ensure_rules_file(tmp_path / "site.rules.toml", demo=True)
    before = path.read_text(encoding="utf-8")
    assert "# hysteresis: the alert ends at or below 28 °C" in before
    rules = load_rules(path)
    hot = rules.get("line-a-hot")
    from dataclasses import replace

    saved = save_rule(path, replace(hot, above=32.0, clear=29.0, for_s=60.0))
    after = path.read_text(encoding="utf-8")
    assert saved.problems == [] and saved.get("line-a-hot").above == 32.0 and saved.get("line-a-hot").for_s == 60.0
    assert "# only once it has been above 30 °C for 2 minutes" in after  # a comment of an edited rule's key
    assert "# the exhaust fan is low risk" in after and len(saved.rules) == len(rules.rules)
    new = Rule(id="door", name="Door open", kind="threshold", capability="open", above=50.0, severity="info",
               devices=("valve-*",), action=Action("$device", {"open": 0}, False))
    saved = save_rule(path, new)
    assert saved.get("door").action == Action("$device", {"open": 0}, False)
    renamed = save_rule(path, replace(new, id="door-2"), replaces="door")
    assert renamed.get("door") is None and renamed.get("door-2") is not None
    with pytest.raises(RulesError, match="used by another rule"):
        save_rule(path, replace(new, id="line-a-hot"), replaces="door-2")
    with pytest.raises(RulesError, match="exactly one of above or below"):
        save_rule(path, replace(new, above=None))
    assert delete_rule(path, "door-2").get("door-2") is None
    assert load_rules(path).problems == []


def test_a_starter_file_is_written_for_a_new_site(tmp_path):
    path = ensure_rules_file(tmp_path / "new.rules.toml")
    rules = load_rules(path)
    assert rules.rules == [] and rules.problems == [] and "[[rule]]" in path.read_text()
