"""Session 7, fixer E: the English misses of held-outs 22 and 23, each as a class.

"there" / 那边 is the place named last before it (there_place.py); a relative temperature ask with a bare number is
that target (warm_target.py); one verb before two coordinated nouns names each noun's device (noun_pairs.py); a
remark on how things are, after or before the command, adds nothing (lead_reasons.py); "let her in" is a person let
in (people.py); "the room" with a temperature is the AC of the place in context (there_place.py); "heat or cool as
needed" is the AC's auto mode (warm_target.py)."""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import checked_commands, refused

_ON, _OFF = {"power": True}, {"power": False}
_BOTH_OFFICE = {"lamp-office-1": _ON, "lamp-office-2": _ON}


# -- 1. "there" is the place named last before it, never every lamp -------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("The yard is too loud and the warehouse is dark — silence the alarm and switch on the lights there",
     {"siren-yard": {"active": False}, "lamp-warehouse": _ON}),
    ("the warehouse is dark, switch on the lights in there", {"lamp-warehouse": _ON}),
    ("it's gloomy in the warehouse and noisy in the yard: lights on over there", {"lamp-warehouse": _ON}),
    ("the office is empty now, turn the lights off there", {"lamp-office-1": _OFF, "lamp-office-2": _OFF}),
    ("仓库太暗了，把那边的灯打开", {"lamp-warehouse": _ON}),
    ("院子太吵，仓库太黑，把警报关了，那里的灯打开", {"siren-yard": {"active": False}, "lamp-warehouse": _ON}),
])
def test_there_is_the_place_named_last(text: str, want: dict) -> None:
    assert checked_commands(text) == want


# -- 2. a relative temperature ask with a bare number: the target, value only --------------------------------------
@pytest.mark.parametrize(("text", "value"), [
    ("Office a bit warmer please, around 25", 25.0), ("office warmer, say 25", 25.0), ("office cooler, say 19", 19.0),
    ("make the office a bit cooler, like 20", 20.0), ("office a bit warmer, 24", 24.0),
    ("办公室暖和一点，25左右", 25.0), ("办公室凉快一点，20吧", 20.0),
])
def test_relative_with_bare_target_is_the_setpoint(text: str, value: float) -> None:
    assert checked_commands(text) == {"hvac-office": {"setpoint": value}}


@pytest.mark.parametrize("text", ["make the office a bit warmer", "office cooler at 5", "office warmer in 10 minutes",
                                  "办公室暖和一点"])
def test_relative_without_target_or_with_a_time_stays_refused(text: str) -> None:
    assert refused(text)


# -- 3. one verb, two coordinated substance nouns: each its device ---------------------------------------------------
_STEAM_COOLANT = {"valve-steam": {"open": 0.0}, "pump-cooling": {"running": False}}


@pytest.mark.parametrize("text", [
    "Cut off the steam and the coolant on line B", "Cut off the steam and the coolant",
    "shut off the steam and the coolant", "关掉蒸汽和冷却水", "把蒸汽和冷却水关掉", "把二号线的蒸汽和冷却水都关掉",
])
def test_one_verb_two_nouns_each_device(text: str) -> None:
    assert checked_commands(text) == _STEAM_COOLANT


# -- 4. a remark on how things are, after or before the command, adds nothing -----------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Dim the office ceiling light to 35%, the projector is on.", {"lamp-office-1": {"level": 35.0}}),
    ("We can stop the ventilation on line A now, the fumes are gone.", {"fan-line-a": _OFF}),
    ("lock the main entrance, the visitors left", {"lock-main-door": {"locked": True}}),
    ("the visitors left, lock the main entrance", {"lock-main-door": {"locked": True}}),
    ("turn off the desk lamp — everyone went home", {"lamp-office-2": _OFF}),
    ("把办公室顶灯调到百分之三十五，投影仪开着呢", {"lamp-office-1": {"level": 35.0}}),
    ("人都走了，把大门锁上", {"lock-main-door": {"locked": True}}),
])
def test_remark_clause_adds_nothing(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", [
    "dim the office ceiling light to 35% if the projector is on", "turn off the desk lamp when the visitors left",
    "dim the office ceiling light to 35%, the projector is not on", "the projector is on",
    "如果人都走了，把大门锁上",
])
def test_conditions_negations_and_bare_remarks_stay_refused(text: str) -> None:
    assert refused(text)


# -- 5. "let her/him/them in": a person let in, the entrance unlocked ------------------------------------------------
@pytest.mark.parametrize("text", [
    "The inspector is standing outside — let her in.", "let him in", "let them in", "please let her in",
    "The inspector is standing outside, let them in.", "let them into the building",
])
def test_pronoun_let_in_unlocks_the_entrance(text: str) -> None:
    assert checked_commands(text) == {"lock-main-door": {"locked": False}}


@pytest.mark.parametrize("text", ["don't let them in", "let her in if she has a badge"])
def test_negated_or_conditional_let_in_stays_refused(text: str) -> None:
    assert refused(text)


# -- 6. "the room" with a temperature: the AC of the place in context -------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Visitors are coming up: lights on in the office, let the sunshine in, and bring the room to 22 degrees.",
     {**_BOTH_OFFICE, "blinds-office": {"position": 100.0}, "hvac-office": {"setpoint": 22.0}}),
    ("lights on in the office and set the room to 22 degrees", {**_BOTH_OFFICE, "hvac-office": {"setpoint": 22.0}}),
    ("办公室开灯，把房间调到22度", {**_BOTH_OFFICE, "hvac-office": {"setpoint": 22.0}}),
])
def test_the_room_is_the_ac_of_the_place(text: str, want: dict) -> None:
    assert checked_commands(text) == want


def test_the_room_of_a_place_without_ac_stays_refused() -> None:
    assert refused("warehouse lights on and bring the room to 20 degrees")


# -- 7. "heat or cool as needed": the AC's auto mode, never a lamp's setting -----------------------------------------
@pytest.mark.parametrize("text", [
    "Heat or cool as needed in the office — automatic mode.", "Heat or cool as needed in the office",
    "office AC: cool or heat automatically", "办公室空调制冷制热自动切换",
])
def test_heat_or_cool_as_needed_is_auto(text: str) -> None:
    assert checked_commands(text) == {"hvac-office": {"mode": "auto"}}


def test_negated_either_way_stays_refused() -> None:
    assert refused("don't heat or cool as needed in the office")
