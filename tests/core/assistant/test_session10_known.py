"""Session 10, known misreads mended as classes:

1. a trailing appositive "the <value> one" naming an enum value of the device named before is that value (described.py:
   "sound the alarm in the yard, the wailing one" → wail), never dropped; in an ask that stops the device it only says
   which one; a value the device lacks is refused;
2. a clause that only says who asked ("组长让开的", "the boss asked for it") is dropped, never read as a device or a
   place, and never changes a way (who_asked.py);
3. an apposition "就是二号线那个嗡嗡响的泵" describing the device named before confirms it (a hum says nothing of a kind);
   one describing another device stays refused (described.py);
4. a described device that fits several, where only one can take the value said, is that one (described.py);
5. a simile ("feels like a fridge", 像冰箱一样, 跟蒸笼似的) is how cold or hot it is, no device (similes.py);
6. "I know the floodlight can't dim" after a group ask is an aside the group convention already honours
   (known_limits.py);
7. "X off, Y on <place>": "on" is Y's way in a list of terse ways, refused as ambiguous otherwise, never dropped and
   never given X's way (on_place.py);
8. one device asked to be off and at a level (or on and at 0) is refused (clashes.py);
9. "set <a room> to N" is the room's one degree-taker where N fits its setpoint (place_degrees.py).
"""

from __future__ import annotations

import pytest

from console.core.assistant.clashes import clash_in
from console.core.assistant.similes import plain_similes
from console.core.assistant.who_asked import drop_who_asked
from tests.core.assistant.helpers import ASSISTANT, FLEET, proposed, refusal_kind, refused, understood

PUMP, VALVE, CONV_A, CONV_B, FAN = "pump-cooling", "valve-steam", "conveyor-a", "conveyor-b", "fan-line-a"
DESK, CEILING, FLOOD, LOCK, SIREN = "lamp-office-2", "lamp-office-1", "lamp-warehouse", "lock-main-door", "siren-yard"
HVAC, BLINDS = "hvac-office", "blinds-office"


# -- 1. "the wailing one": the value, never dropped ----------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("sound the alarm in the yard, the wailing one", {SIREN: {"active": True, "pattern": "wail"}}),
    ("sound the alarm in the yard, the pulsing one", {SIREN: {"active": True, "pattern": "pulse"}}),
    ("sound the yard siren, the steady one", {SIREN: {"active": True, "pattern": "steady"}}),
    ("sound the alarm in the yard, the howling one", {SIREN: {"active": True, "pattern": "wail"}}),
    ("exhaust fan on line a on, the fast one", {FAN: {"power": True, "speed": "high"}}),
    ("turn the line a fan on, the slow one", {FAN: {"power": True, "speed": "low"}}),
    ("院子警报响起来，呜呜响的那种", {SIREN: {"active": True, "pattern": "wail"}}),
    ("院子警报响起来，呜呜响的那个", {SIREN: {"active": True, "pattern": "wail"}}),
    ("院子警报响起来，就是嘀嘀响的那个", {SIREN: {"active": True, "pattern": "pulse"}}),
    ("院子警报响起来，脉冲的那个", {SIREN: {"active": True, "pattern": "pulse"}}),
    # near: no value in the apposition, or the device stops (the sound says which one, as it is now)
    ("sound the alarm in the yard, the loud one", {SIREN: {"active": True}}),
    ("stop the yard siren, the wailing one", {SIREN: {"active": False}}),
    ("silence the siren in the yard, the wailing one", {SIREN: {"active": False}}),
    ("院子警报关掉，呜呜响的那个", {SIREN: {"active": False}}),
    ("the whirring thing over line A, turn it off", {FAN: {"power": False}}),
])
def test_appositive_value(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "turn on the desk lamp, the wailing one",  # a lamp has no pattern
    "sound the alarm in the yard, the wailing one on line a",  # another place
    "turn on the desk lamp, the fast one",
])
def test_appositive_value_that_does_not_fit(text: str) -> None:
    assert refused(text)


# -- 2. who asked ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("一号传送带启动一下，组长让开的", {CONV_A: {"running": True}}),
    ("一号传送带停一下，组长让关的", {CONV_A: {"running": False}}),
    ("主管说的，把台灯关掉", {DESK: {"power": False}}),
    ("二号线冷却泵关掉，经理要求的", {PUMP: {"running": False}}),
    ("把台灯打开，是班长安排的", {DESK: {"power": True}}),
    ("start conveyor a, the boss asked for it", {CONV_A: {"running": True}}),
    ("stop conveyor b, supervisor's orders", {CONV_B: {"running": False}}),
    ("stop conveyor b, the boss asked for it.", {CONV_B: {"running": False}}),
    ("orders from the boss: lock the main door", {LOCK: {"locked": True}}),
    ("turn off the desk lamp, per the manager", {DESK: {"power": False}}),
])
def test_who_asked_is_dropped(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "一号传送带停一下，组长让开的",  # stop, but the lead asked to start: never either way
    "一号传送带明天启动，组长让开的",  # a schedule stays refused
    "don't start conveyor a, the boss asked for it",
    "组长让开的",  # nothing else said
])
def test_who_asked_harms_stay_refused(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize(("text", "want"), [
    ("一号传送带停一下，组长让开的", "一号传送带停一下，组长让开的"),
    ("台灯关掉，组长让开灯的", "台灯关掉，组长让开灯的"),  # more than a way after the verb: no such clause
    ("start conveyor a, the boss asked for it", "start conveyor a"),
    ("the boss asked for it", "the boss asked for it"),
    ("stop conveyor a, the boss wants the pump on", "stop conveyor a, the boss wants the pump on"),
])
def test_who_asked_text(text: str, want: str) -> None:
    assert drop_who_asked(text) == want


# -- 3. an apposition that confirms the device ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("冷却水泵打开，就是二号线那个嗡嗡响的泵", {PUMP: {"running": True}}),
    ("冷却水泵打开，就是二号线那个泵", {PUMP: {"running": True}}),
    ("cooling pump on, the humming one on line 2", {PUMP: {"running": True}}),
    ("start the cooling pump, the humming one on line b", {PUMP: {"running": True}}),
])
def test_apposition_confirms(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "冷却水泵打开，就是一号线那个嗡嗡响的泵",  # another place
    "冷却水泵打开，就是二号线那个嗡嗡响的传送带",  # another kind
    "cooling pump on, the humming one on line 1",
    "the humming one on line 2, stop it",  # three devices there: which one?
])
def test_apposition_that_points_elsewhere(text: str) -> None:
    assert refused(text)


# -- 4. the one described device that takes the value ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("the thing that moves stuff along line A, run it at 60", {CONV_A: {"running": True, "speed": 60.0}}),
    ("the thing that moves stuff along line A, set it to 60 rpm", {CONV_A: {"speed": 60.0}}),
    ("the thing on line a, set it to high", {FAN: {"speed": "high"}}),  # only the fan has a "high"
    ("一号线那个东西，调到高速", {FAN: {"speed": "high"}}),
])
def test_described_value_picks(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "the thing that moves stuff along line A, turn it on",  # no value: fan or conveyor?
    "the thing on line 2, set it to 30",  # pump, valve and conveyor all take 30
    "the thing on line 2, set it to 80",  # valve and conveyor take 80
    "the thing that moves stuff along line A, run it at 500",  # nothing takes 500
    "the thing on line a, set it to high at 60",  # one value each: no one device takes both
])
def test_described_value_still_asks(text: str) -> None:
    assert refused(text)


# -- 5. similes -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("office feels like a fridge, set the temp to 26", {HVAC: {"setpoint": 26.0}}),
    ("it's like a sauna in the office, AC to 22", {HVAC: {"setpoint": 22.0}}),
    ("办公室像冰箱一样，空调调到26度", {HVAC: {"setpoint": 26.0}}),
    ("办公室冷得像冰箱，温度调到26", {HVAC: {"setpoint": 26.0}}),
    ("办公室跟蒸笼似的，空调调到22度", {HVAC: {"setpoint": 22.0}}),
])
def test_simile_is_no_device(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "office feels like a fridge, turn the fridge off",  # the fridge named as a device: none here
    "把冰箱和空调关掉",  # 和 is "and": a device the fleet lacks
    "office feels like a fridge, set the temp to 26 tomorrow",
    "office feels like a fridge, don't touch the AC",
])
def test_simile_harms(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize(("text", "want"), [
    ("office feels like a fridge", "office feels cold"),
    ("the office is like an oven", "the office is hot"),
    ("办公室跟蒸笼似的", "办公室很热"),
    ("把冰箱和空调关掉", "把冰箱和空调关掉"),
    ("it feels like a zoo", "it feels like a zoo"),
])
def test_simile_text(text: str, want: str) -> None:
    assert plain_similes(text) == want


# -- 6. "I know X can't dim" ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("dim all the lights to 35%, I know the floodlight can't dim", {CEILING: {"level": 35.0}, DESK: {"level": 35.0}}),
    ("I know the floodlight can't dim, dim all the lights to 35%", {CEILING: {"level": 35.0}, DESK: {"level": 35.0}}),
    ("所有灯调到35%，我知道仓库大灯不能调光", {CEILING: {"level": 35.0}, DESK: {"level": 35.0}}),
])
def test_known_limit_aside(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "dim all the lights to 35% tomorrow, I know the floodlight can't dim",
    "don't dim the lights, I know the floodlight can't dim",
])
def test_known_limit_harms(text: str) -> None:
    assert refused(text)


def test_known_limit_does_not_hide_a_change_to_the_device() -> None:
    # the rest switches the floodlight off, which it can: the aside is not dropped for it (read as before)
    got = proposed("turn off all the lights, I know the floodlight can't dim")
    assert got[FLOOD] == {"power": False}


# -- 7. "X off, Y on <place>" ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("coolant off, steam on line b", {PUMP: {"running": False}, VALVE: {"open": 100.0}}),
    ("coolant off and steam on line b", {PUMP: {"running": False}, VALVE: {"open": 100.0}}),
    ("desk lamp off, fan on line a", {DESK: {"power": False}, FAN: {"power": True}}),
    ("conveyor a off, conveyor b on line b", {CONV_A: {"running": False}, CONV_B: {"running": True}}),
    ("coolant on, steam off line b", {PUMP: {"running": True}, VALVE: {"open": 0.0}}),
    ("stop conveyor a and the conveyor on line b", {CONV_A: {"running": False}, CONV_B: {"running": False}}),
    ("coolant off, steam on in line b", {PUMP: {"running": False}, VALVE: {"open": 100.0}}),
    ("desk lamp off and fan on line a please", {DESK: {"power": False}, FAN: {"power": True}}),
    ("stop conveyor a, steam on in line b", {CONV_A: {"running": False}, VALVE: {"open": 100.0}}),
    # near: reports and topics keep their old reading
    ("coolant's leaking on line B, stop the coolant flow", {PUMP: {"running": False}}),
    ("waht moves goods on line B - pause it", {CONV_B: {"running": False}}),
    ("It stinks on line A, air it out", {FAN: {"power": True}}),
    ("The conveyor on line two, please set it to 110 rpm.", {CONV_B: {"speed": 110.0}}),
])
def test_on_place_in_a_list(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "stop conveyor a, steam on line b",  # no terse list: on, or where?
    "coolant off, the steam on line b",
    "lights off, the conveyor on line b",
    "turn off the desk lamp, steam on line b",
])
def test_on_place_ambiguous_is_refused(text: str) -> None:
    assert refusal_kind(text) == "ambiguous"


@pytest.mark.parametrize("text", [
    "desk lamp off, fan on line a",
    "conveyor a off, conveyor b on line b",
    "coolant off, steam on line b",
])
def test_on_place_never_the_other_clauses_way(text: str) -> None:
    prop = ASSISTANT.understand(text)
    second = prop.commands[-1].params if prop.commands else {}
    assert False not in [v for k, v in second.items() if isinstance(v, bool)] or len(prop.commands) < 2


# -- 8. off and at a level at once --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "set the desk lamp to 50% and turn it off",
    "set the desk lamp to 50% and then turn it off",
    "台灯调到50%然后关掉",
    "turn the desk lamp off and set it to 70%",
    "start conveyor b and set it to 0 rpm",
])
def test_clash_is_refused(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize(("text", "want"), [
    ("turn on the desk lamp at 50%", {DESK: {"level": 50.0, "power": True}}),
    ("start conveyor b at 60", {CONV_B: {"running": True, "speed": 60.0}}),
    ("turn off the desk lamp, the ceiling lamp to 50%", {DESK: {"power": False}, CEILING: {"level": 50.0}}),
    ("turn off the AC and set it to 22", {HVAC: {"power": False, "setpoint": 22.0}}),  # a setpoint is kept while off
])
def test_no_clash(text: str, want: dict) -> None:
    assert understood(text) == want


def test_clash_message_both_languages() -> None:
    class C:
        def __init__(self, dev: str, params: dict) -> None:
            self.device_id, self.params = dev, params

    by_id = FLEET.by_id()
    en, zh = clash_in([C(DESK, {"level": 50, "power": False})], by_id, {DESK: "Office desk lamp"})
    assert "Office desk lamp" in en and "50" in en and "50" in zh
    assert clash_in([C(DESK, {"level": 0, "power": False})], by_id, {}) is None
    assert clash_in([C(DESK, {"level": 0, "power": True})], by_id, {}) is not None
    assert clash_in([C(LOCK, {"locked": False})], by_id, {}) is None


# -- 9. "set the office to 22" ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("set the office to 22", {HVAC: {"setpoint": 22.0}}),
    ("office to 22", {HVAC: {"setpoint": 22.0}}),
    ("put the office on 22", {HVAC: {"setpoint": 22.0}}),
    ("22 in the office", {HVAC: {"setpoint": 22.0}}),
    ("22 degrees in the office", {HVAC: {"setpoint": 22.0}}),
    ("set it to 22 in the office", {HVAC: {"setpoint": 22.0}}),
    ("办公室调到22", {HVAC: {"setpoint": 22.0}}),
    ("把办公室设到22", {HVAC: {"setpoint": 22.0}}),
    ("办公室调到二十二", {HVAC: {"setpoint": 22.0}}),
    ("办公室调到22度", {HVAC: {"setpoint": 22.0}}),
    ("set the office to 22 and the desk lamp to 40", {HVAC: {"setpoint": 22.0}, DESK: {"level": 40.0}}),
    # near: a device named keeps its reading
    ("set the office lights to 22", {CEILING: {"level": 22.0}, DESK: {"level": 22.0}}),
])
def test_room_to_degrees(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "set the office to 22%",  # a percent: lamps or blinds, asked back
    "set the office to 40",  # out of the AC's 16–30 °C: lamps or blinds, asked back
    "办公室调到40",
    "set the warehouse to 22",  # no device there takes degrees
    "don't set the office to 22",
    "set the office to 22 tomorrow",
])
def test_room_to_degrees_stays_refused(text: str) -> None:
    assert refused(text)
