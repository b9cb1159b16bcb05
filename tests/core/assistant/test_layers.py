"""The three layers together (layers.py): the development set, the bugs of issue 17, what each layer
answers, the gates every layer passes (exposure, direction, deliberate refusals never retried)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import MODEL, RULES, SEMANTICS, Assistant
from console.core.assistant.proposal import AMBIGUOUS
from console.core.fleet.catalog import load_fleet

BENCH = Path(__file__).resolve().parents[3] / "bench"
FLEET = load_fleet()
ASSISTANT = Assistant(FLEET, default_aliases())


def got(text: str, assistant: Assistant = ASSISTANT):
    prop = assistant.understand(text)
    assert prop.refusal is None, (text, prop.refusal)
    return sorted((c.device_id, c.params) for c in prop.commands), prop.layer


def canon(cmds) -> set:
    return {(d, json.dumps({k: v if isinstance(v, (bool, str)) else float(v) for k, v in p.items()}, sort_keys=True))
            for d, p in cmds}


# measured with `python bench/intents.py`: 100 % exact on the development set (157 utterances) once the
# layers existed (52.2 % with the rules alone); the threshold leaves room to look at a regression.
DEV_EXACT_MIN = 0.97


def test_development_set():
    rows = [json.loads(line) for line in (BENCH / "intents_dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 120 and sum(not r["names_device"] for r in rows) >= 50
    assert sum(r["lang"] == "zh" for r in rows) >= 30 and sum("refusal" in r["expect"] for r in rows) >= 20
    hits, misses = 0, []
    for r in rows:
        prop = ASSISTANT.understand(r["text"])
        if r["expect"].get("refusal"):
            hit = prop.refusal is not None
        else:
            hit = prop.refusal is None and canon((c.device_id, c.params) for c in prop.commands) == canon(
                (c["device"], c["params"]) for c in r["expect"]["commands"])
        hits += hit
        if not hit:
            misses.append(r["text"])
    assert hits / len(rows) >= DEV_EXACT_MIN, misses


@pytest.mark.parametrize("text, want", [
    ("close the steam valve completely", [("valve-steam", {"open": 0})]),
    ("shut the steam valve all the way", [("valve-steam", {"open": 0})]),
    ("把蒸汽阀完全关上", [("valve-steam", {"open": 0})]),
    ("stop the pump completely", [("pump-cooling", {"running": False})]),
    ("lower the blinds completely", [("blinds-office", {"position": 0})]),
    ("slow the line b conveyor down to 20 rpm", [("conveyor-b", {"speed": 20})]),
    ("get the aircon going at 22", [("hvac-office", {"power": True, "setpoint": 22})]),
    ("make it cooler in the office, like 19 degrees", [("hvac-office", {"setpoint": 19})]),
])
def test_the_bugs_of_issue_17_are_read_right_by_the_rules(text, want):
    assert got(text) == (sorted(want), RULES)


@pytest.mark.parametrize("text, want", [
    ("turn of teh siren pls", [("siren-yard", {"active": False})]),  # typos
    ("二号传送带停下", [("conveyor-b", {"running": False})]),  # ordinals
    ("start conveyor number two", [("conveyor-b", {"running": True})]),
    ("let the sunlight in", [("blinds-office", {"position": 100})]),  # what kinds do
    ("cut the coolant", [("pump-cooling", {"running": False})]),
    ("stop the noise in the yard", [("siren-yard", {"active": False})]),
    ("halt what moves product on line b", [("conveyor-b", {"running": False})]),
    ("把蒸汽关掉", [("valve-steam", {"open": 0})]),
    ("everything off", [(d, {c: False}) for d, c in [
        ("lamp-office-1", "power"), ("lamp-office-2", "power"), ("lamp-warehouse", "power"), ("hvac-office", "power"),
        ("fan-line-a", "power"), ("conveyor-a", "running"), ("conveyor-b", "running"), ("pump-cooling", "running"),
        ("siren-yard", "active")]]),
])
def test_semantics_layer(text, want):
    assert got(text) == (sorted(want), SEMANTICS)


@pytest.mark.parametrize("text", [
    "don't let the sun in", "is the steam on?", "stop the noise in the kitchen", "water the plants",
    "let the sun in tomorrow morning", "make it brighter", "不要停止冷却水", "what moves product on line b?",
    "do nto stop the pump", "stop the pump tomorow",  # a misspelt negation or schedule is still one
])
def test_deliberate_refusals_are_never_retried_by_a_later_layer(text):
    calls = []
    a = Assistant(FLEET, default_aliases(), chooser=lambda u, opts: calls.append(opts) or 0)
    prop = a.understand(text)
    assert prop.refusal is not None and not prop.commands and calls == []


def test_a_chinese_utterance_read_through_semantics_is_worded_in_chinese():
    prop = ASSISTANT.understand("把蒸汽关掉")
    assert prop.lang == "zh" and prop.commands[0].device_name == "蒸汽阀" and prop.commands[0].high_risk


def test_unexposed_devices_are_invisible_to_every_layer():
    hidden = Assistant(FLEET, default_aliases(), exposed=lambda i: i != "valve-steam",
                       chooser=lambda u, opts: 0)
    for text in ("close the steam valve", "stop the steam", "把蒸汽关掉", "steam-valve off"):
        prop = hidden.understand(text)
        assert all(c.device_id != "valve-steam" for c in prop.commands), text
    prop = hidden.understand("close everything")  # only the blinds are left to close
    assert [c.device_id for c in prop.commands] == ["blinds-office"]


def test_ties_go_to_the_model_which_only_chooses_among_legal_readings():
    seen = []

    def chooser(utterance, options):
        seen.append(list(options))
        return 1

    a = Assistant(FLEET, default_aliases(), chooser=chooser)
    prop = a.understand("turn on one of the office lamps")
    assert prop.layer == MODEL and [c.picked_by_model for c in prop.commands] == [True]
    assert seen and len(seen[0]) == 2 and all("office" in o and "lamp" in o for o in seen[0])
    assert prop.commands[0].device_id in ("lamp-office-1", "lamp-office-2")
    for bad in (None, 7, -1, True, "0"):  # no pick, or nonsense: the operator is asked
        b = Assistant(FLEET, default_aliases(), chooser=lambda u, o, bad=bad: bad)
        r = b.understand("turn on one of the office lamps")
        assert r.refusal is not None and r.refusal.kind == AMBIGUOUS and not r.commands

    def broken(u, o):
        raise RuntimeError("model crashed")

    r = Assistant(FLEET, default_aliases(), chooser=broken).understand("turn on one of the office lamps")
    assert r.refusal is not None and r.refusal.kind == AMBIGUOUS


def test_the_direction_check_uses_current_values_when_known():
    now = {"hvac-office": {"setpoint": 17.0}, "blinds-office": {"position": 20}}
    a = Assistant(FLEET, default_aliases(), current=lambda i: now.get(i))
    prop = a.understand("make it cooler in the office, like 19 degrees")  # 19 would warm a 17 °C room
    assert prop.refusal is not None and "wrong way" in prop.refusal.reason
    assert a.understand("make it warmer in the office, like 19 degrees").commands[0].params == {"setpoint": 19.0}
    assert a.understand("lower the blinds to 30%").refusal is not None  # it would raise them from 20
    assert a.understand("raise the blinds to 30%").commands[0].params == {"position": 30}


def test_timing_is_reported_per_layer():
    prop = ASSISTANT.understand("let the sunlight in")
    assert set(prop.timing_ms) >= {RULES, SEMANTICS, "total"} and prop.timing_ms["total"] >= prop.timing_ms[RULES]


@pytest.mark.parametrize("text", ["let the dog in", "warn the dog", "clear the table", "block the door", "让狗进来",
                                  "open the window", "stop", "start the car", "it's too dark in here"])
def test_a_direction_word_alone_does_not_pick_a_device(text):
    """"let … in" is what blinds do, but "let the dog in" is not about the blinds."""
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, prop.commands
