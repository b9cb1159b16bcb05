"""Session 12, fixer E: harms known since sessions 10/11 and leftover misses of blind sets 72 and 75, as classes.

- an ask that names an intruder, a thief or a break-in never unlocks or opens a door (intruder_unlock.py);
- "clear it" of an alarm that is going silences it, never the fan's "clear" (clear_alarm.py);
- an "it" that points back at a named device never acts on another device (it_other_device.py);
- "…, its loud and we dont need it": a need that is the command's own "it" (negated_reasons.py);
- an ordinal's elided noun: 一号传送带停了，二号的也停 (ellipsis_parts.py);
- "the lamp on my desk" is the desk lamp (placed_nouns.py);
- telegraphic clauses: "warehouse lights out", "the glare blocked", "in everyone's eyes" (telegraphic.py);
- two complaints, each about its own device (complaint_pairs.py).
"""

from __future__ import annotations

import pytest

from console.core.assistant.intruder_unlock import names_intruder
from console.core.assistant.phrases import normalize
from tests.core.assistant.helpers import ASSISTANT, checked_commands, refused

CEILING, DESK, FLOOD = "lamp-office-1", "lamp-office-2", "lamp-warehouse"
AC, BLINDS, FAN, CA, CB, PUMP, STEAM, SIREN, LOCK = (
    "hvac-office", "blinds-office", "fan-line-a", "conveyor-a", "conveyor-b", "pump-cooling", "valve-steam",
    "siren-yard", "lock-main-door")


# -- an intruder never gets a door opened ----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "小偷进来了，开一下门", "小偷入咗嚟，開門", "有人闯进来，开门", "有人闯进来了，把大门打开", "有贼进来了，把门打开",
    "有人撬门，把门锁解开", "someone broke in, open the door", "there's an intruder, unlock the door",
    "a burglar got in, let him out", "intruder in the yard, sound the siren and unlock the door",
    "thieves broke into the warehouse, unlock the main door", "we've had a break-in, open up",
    "someone forced their way in, unlock the entrance",
])
def test_an_intruder_never_opens_a_door(text):
    prop = ASSISTANT.understand(text)
    assert not prop.commands, (text, prop.commands)
    assert prop.refusal is not None
    assert any(w in prop.refusal.reason for w in ("breaking in", "闯入")), prop.refusal.reason


@pytest.mark.parametrize("text, want", [
    ("访客到了，把大门打开", {LOCK: {"locked": False}}),
    ("开门让他进来", {LOCK: {"locked": False}}),
    ("unlock the main door", {LOCK: {"locked": False}}),
    ("有人闯进来了，锁好大门，拉响警报", {LOCK: {"locked": True}, SIREN: {"active": True}}),
    ("keep intruders out", {LOCK: {"locked": True}}),
    ("防止小偷进来，把厂区锁上", {LOCK: {"locked": True}}),
    ("Intruder spotted! Lock up and warn everyone in the yard", {LOCK: {"locked": True}, SIREN: {"active": True}}),
])
def test_arrivals_still_unlock_and_intruders_still_lock(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text, yes", [
    ("小偷进来了", True), ("有人闯入", True), ("someone broke in", True), ("burglars", True), ("break-in", True),
    ("访客到了", False), ("仓库贼冷", False), ("the visitor is here", False), ("ALM-402 入侵报警", False),
    ("the intrusion alarm", False),
])
def test_names_intruder(text, yes):
    assert names_intruder(normalize(text)) is yes


# -- "clear it" of an alarm is its silence; "it" is never another device --------------------------------------------
@pytest.mark.parametrize("text", [
    "the siren's going, clear it", "siren is going, clear it", "the alarm is going off, clear it",
    "the siren's going, clear it off", "clear the alarm", "警报在响，清一下", "警報響緊，復位一下",
])
def test_clearing_an_alarm_silences_it(text):
    assert checked_commands(text) == {SIREN: {"active": False}}


@pytest.mark.parametrize("text, want", [
    ("smoke on line A, clear it", {FAN: {"power": True}}),
    ("line A is full of smoke, clear it out at full blast", {FAN: {"power": True, "speed": "high"}}),
    ("the conveyor is putting out smoke, clear it", {FAN: {"power": True}}),
    ("stop conveyor A, got a jam, need to clear it", {CA: {"running": False}}),
    ("the desk lamp is on, turn it off", {DESK: {"power": False}}),
])
def test_clear_keeps_the_fan_where_smoke_is_said(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", [
    "the conveyor is going, clear it", "the lamp is on, ventilate it", "the siren is on, ventilate it",
    "the pump is making noise, quiet it",
])
def test_it_never_acts_on_another_device(text):
    prop = ASSISTANT.understand(text)
    assert not prop.commands and prop.refusal is not None, (text, prop.commands)


# -- the negated need that is the command's own "it" -----------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("turn the exhaust fan off, its loud and we dont need it", {FAN: {"power": False}}),
    ("turn the exhaust fan off, it's loud and we don't need it", {FAN: {"power": False}}),
    ("kill the desk lamp, its bright and we dont need it", {DESK: {"power": False}}),
    ("turn the exhaust fan off, we dont need it", {FAN: {"power": False}}),
])
def test_a_need_gone_with_its_own_it(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", [
    "turn the exhaust fan on, its loud and we dont need it",  # a need gone never starts anything
    "turn the exhaust fan off, the siren is loud and we dont need it",  # "it" may be the siren: never half
])
def test_a_need_gone_still_refused(text):
    assert refused(text)


# -- an ordinal's elided noun ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("一号传送带停了，二号的也停", {CA: {"running": False}, CB: {"running": False}}),
    ("一号传送带停下，二号的也停", {CA: {"running": False}, CB: {"running": False}}),
    ("一号传送带开起来，二号的也开", {CA: {"running": True}, CB: {"running": True}}),
    ("一号灯关掉，二号的也关", {CEILING: {"power": False}, DESK: {"power": False}}),
    ("A线传送带停下，B线的也停", {CA: {"running": False}, CB: {"running": False}}),
    ("stop conveyor a. and b too", {CA: {"running": False}, CB: {"running": False}}),
])
def test_ordinal_elided_nouns(text, want):
    assert checked_commands(text) == want


def test_an_ordinal_the_fleet_lacks_refuses_the_whole_ask():
    assert refused("二号传送带停了，三号的也停")


# -- a device named by where it stands -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("turn on the lamp on my desk", {DESK: {"power": True}}),
    ("turn on the office lamp on my desk", {DESK: {"power": True}}),  # no model needed (test_session9_needs.py)
    ("turn the lamp on my desk off", {DESK: {"power": False}}),
    ("switch off the lamp on the ceiling", {CEILING: {"power": False}}),
    ("dim the light on my desk to 30%", {DESK: {"level": 30}}),
])
def test_placed_nouns(text, want):
    assert checked_commands(text) == want


def test_a_place_the_fleet_lacks_is_no_device():
    assert refused("turn on the lamp on the wall")


# -- telegraphic clauses ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("warehouse lights out. yard quiet too", {FLOOD: {"power": False}, SIREN: {"active": False}}),
    ("office to 19 degrees and the glare blocked", {AC: {"setpoint": 19.0}, BLINDS: {"position": 0}}),
    ("sun's right in everyone's eyes in the office", {BLINDS: {"position": 0}}),
    ("the sun is straight in people's eyes", {BLINDS: {"position": 0}}),
    ("steam cut off", {STEAM: {"open": 0}}),
])
def test_telegraphic_clauses(text, want):
    assert checked_commands(text) == want


def test_a_removed_thing_reported_gone_is_no_command():
    # "fumes cleared" is a report that the fan may stop: never "clear the fumes" (the fan on)
    assert checked_commands("fumes cleared, fan off") == {FAN: {"power": False}}


# -- two complaints, each about its own device -----------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("sun's in my eyes. and it's stuffy on line A", {BLINDS: {"position": 0}, FAN: {"power": True}}),
    ("its stuffy on line A and the sun's in my eyes", {BLINDS: {"position": 0}, FAN: {"power": True}}),
    ("院子太吵了，还有一号线也好闷", {SIREN: {"active": False}, FAN: {"power": True}}),
    ("院子太吵了，一号线好闷", {SIREN: {"active": False}, FAN: {"power": True}}),
])
def test_two_complaints(text, want):
    assert checked_commands(text) == want


# -- a negation that bounds another device, the ask clear: the command (the convention since session 8) ---------------
@pytest.mark.parametrize("text, want", [
    ("start the pump, don't touch the valve", {PUMP: {"running": True}}),
    ("水泵别动，我只要把蒸汽阀关上", {STEAM: {"open": 0}}),
])
def test_negation_bounding_another_device(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["don't start the pump", "别开门", "start the pump, don't"])
def test_negated_commands_still_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text", ["传送带太吵了，停掉", "传送带那边太吵了，停掉"])
def test_a_bare_verb_after_a_named_device_is_never_another_device_zh(text):
    prop = ASSISTANT.understand(text)
    assert not prop.commands and prop.refusal is not None, (text, prop.commands)


@pytest.mark.parametrize("text, want", [
    ("院子太吵了，关掉", {SIREN: {"active": False}}),
    ("警报太吵了，关掉", {SIREN: {"active": False}}),
    ("台灯太亮了，关掉", {DESK: {"power": False}}),
])
def test_a_bare_verb_on_the_named_device_zh(text, want):
    assert checked_commands(text) == want


# -- how the speaker feels, what a complaint keeps them from: no value, no pattern -----------------------------------
@pytest.mark.parametrize("text, want", [
    ("the hissing on line B is driving me mad, close it off", {STEAM: {"open": 0}}),
    ("the hissing on line B is annoying, close it off", {STEAM: {"open": 0}}),
    ("the siren is driving me nuts, shut it up", {SIREN: {"active": False}}),
    ("its too dark in the warehouse to read the labels", {FLOOD: {"power": True}}),
    ("it's too stuffy on line A to breathe", {FAN: {"power": True}}),
    ("蒸汽那边嘶嘶的，关小到20", {STEAM: {"open": 20}}),
])
def test_feelings_and_places_are_no_values(text, want):
    assert checked_commands(text) == want


def test_an_annoyance_alone_is_no_command():
    assert refused("the hissing is driving me mad")


@pytest.mark.parametrize("text", ["百叶窗拉开，全部关上", "open the blinds, and close everything",
                                  "the warehouse is dark, let the sunlight in"])  # a place bounds a verb's clause
def test_commands_with_all_are_no_complaint_pair(text):
    assert refused(text)
