"""Session 11c: a stop (or start) reported in the past tense, then "start it again", is a report, never a down word
(restart_reports.py), in the assistant and in its direction gate; and blind set 73's Cantonese / Traditional words
(闩 = switch off, 写字楼 = the office, 校 = adjust, 電扇 = the fan, 開著 = 开着)."""

from __future__ import annotations

import pytest

from console.core.assistant.restart_reports import restart_rewrite
from console.core.assistant.variants import simplify
from tests.core.assistant.helpers import ASSISTANT, proposed, refused

AC, FAN, CB, PUMP, SIREN = "hvac-office", "fan-line-a", "conveyor-b", "pump-cooling", "siren-yard"


@pytest.mark.parametrize("text,dev,params", [
    ("the cooling pump stopped, get it going again", PUMP, {"running": True}),
    ("the cooling pump stopped, get it going", PUMP, {"running": True}),
    ("conveyor b stopped, get it going", CB, {"running": True}),
    ("the pump on line B stopped, start it again", PUMP, {"running": True}),
    ("gurgling stopped on line B, get it going again", PUMP, {"running": True}),
    ("the gurgling thing on line B stopped, get it going again", PUMP, {"running": True}),
    ("the cooling pump went off, turn it back on", PUMP, {"running": True}),
    ("cooling pump cut out, get it going again", PUMP, {"running": True}),
    ("conveyor b just died, restart it", CB, {"running": True}),
    ("the siren started by itself, stop it again", SIREN, {"active": False}),
    ("泵停了，再开起来", PUMP, {"running": True}),
    ("冷却泵停了，重新启动", PUMP, {"running": True}),
    ("二号线传送带停了，重新开起来吧", CB, {"running": True}),
    ("警报自己响了，再关掉", SIREN, {"active": False}),
])
def test_reported_stop_then_restart(text, dev, params):
    assert proposed(text) == {dev: params}
    prop = ASSISTANT.understand(text)
    assert ASSISTANT.direction_problem(text, prop) is None


@pytest.mark.parametrize("text", [
    "if the pump stopped, start it again",  # a condition
    "the pump stopped, don't start it again",  # a negation
    "the pump stopped, start it in 5 minutes",  # a delay
    "when conveyor b stopped, get it going",
    "泵停了的话，再开起来",
])
def test_conditions_and_negations_still_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text", ["泵停了，不要再开起来", "the pump stopped, don't start it again"])
def test_never_started_when_told_not_to(text):
    assert all(c.params != {"running": True} for c in ASSISTANT.understand(text).commands)


@pytest.mark.parametrize("text,want", [
    ("the cooling pump stopped, get it going again", "the cooling pump, get it going again"),
    ("the pump stopped, turn it off", None),  # the command does not undo the report
    ("the pump stopped, stop the conveyor", None),
    ("the pump stopped", None),
    ("start the pump, it stopped", None),  # the report second: left as it was
    ("the pump stopped, the fan stopped, start it", None),  # three clauses
    ("泵停了，关掉", None),
])
def test_rewrite_only_where_the_command_undoes_the_report(text, want):
    assert restart_rewrite(text) == want


def test_gate_flags_a_start_for_a_plain_stop():
    """A proposal that starts what the ask says to stop is still the opposite of what was asked."""
    start = ASSISTANT.understand("start the cooling pump")
    assert ASSISTANT.direction_problem("stop the cooling pump", start) is not None


@pytest.mark.parametrize("text,want", [
    ("唔該閂咗冷氣先", {AC: {"power": False}}),
    ("閂冷氣", {AC: {"power": False}}),
    ("院子嗰個嗚嗚叫嘅，唔該閂咗佢", {SIREN: {"active": False}}),
    ("冷氣校低啲，校去23度啦", {AC: {"setpoint": 23.0}}),
    ("寫字樓啲溫度校去25度，唔該", {AC: {"setpoint": 25.0}}),
    ("一號線的電扇關掉啦，吵到不行", {FAN: {"power": False}}),
    ("一号线的电风扇关掉", {FAN: {"power": False}}),
])
def test_set73_cantonese_traditional(text, want):
    assert proposed(text) == want


@pytest.mark.parametrize("text", [
    "冷氣校低啲",  # relative alone: still asks for a target
    "唔好閂冷氣",  # a negation
    "閂門",  # a door bolt, no device of this fleet
])
def test_set73_still_refused(text):
    assert refused(text)


def test_zhe_after_a_state_verb_only():
    assert simplify("冷氣開著") == "冷气开着"
    assert "著" in simplify("著名")


@pytest.mark.parametrize("text,want", [
    ("kill the coolant pump, maintenance wants to open it up", {PUMP: {"running": False}}),
    ("kill the coolant pump, maintenance will open it up", {PUMP: {"running": False}}),
    ("stop conveyor b, the fitters need to take a look at it", {CB: {"running": False}}),
    ("把冷却泵关掉，维修要拆开看看", {PUMP: {"running": False}}),
    ("pls on the AC, set 25", {AC: {"power": True, "setpoint": 25.0}}),
    ("AC on, cool 24, and run the exhaust fan on low",
     {AC: {"power": True, "mode": "cool", "setpoint": 24.0}, FAN: {"power": True, "speed": "low"}}),
    ("switch the AC to fan mode, no need cooling now", {AC: {"mode": "fan"}}),
    ("start conveyor A and B", {"conveyor-a": {"running": True}, CB: {"running": True}}),
])
def test_set72_73_english(text, want):
    assert proposed(text) == want
    assert ASSISTANT.direction_problem(text, ASSISTANT.understand(text)) is None


@pytest.mark.parametrize("text", [
    "kill the coolant pump, maintenance wants to open the steam valve",  # names another device: not dropped
    "kill the coolant pump, maintenance wants it on",  # no "to <verb>": says a way
    "kill the coolant pump if maintenance wants to open it up",  # a condition
    "set 5 minutes",  # a time after "set", never a value
    "no need cooling",  # a negation alone
])
def test_party_and_bare_numbers_still_refused(text):
    assert refused(text)
