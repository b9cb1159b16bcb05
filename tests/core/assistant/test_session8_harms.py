"""Session 8, harmful readings found by hand, each as a class (both languages where it applies).

1. A door the fleet lacks is not the one it has: "unlock the back door", 把后门锁上 are refused as unknown devices
   (other_doors.py); "the door", "the entrance", 大门, 门 still mean the fleet's lock; a fleet with a "Back door lock"
   keeps it.
2. A question is no command: "should the valve be closed?", 该不该把阀门关上？ (lexicon.QUESTION_EN_CLAUSE / QUESTION_ZH,
   terse._PASSIVE_Q); "could / can / would you …", 能不能把阀门关上？ stay requests.
3. A report of a state is no command: "the valve is shut", 台灯开着 (state_reports.lone_state_report), and beside a
   command it is dropped or, alone with other states, refused (present_reports.py); a wish or a checklist item stays.
4. A contradiction is never read one way: "open the blinds, too much sun" (direction_check._single_ways with the
   assistant's situations), "turn off the AC, it's boiling", "switch on the desk lamp, it's too bright"
   (opposite_feelings.py), 让门关着，打开灯 (the lock's way from its own clauses); the same direction still works.
5. A need that is gone never starts what meets it: 一号线不再需要通风了，打开吧 (negated_reasons.need_gone_up).
6. No part is silently dropped: "stop production line 1 and the steam" (the steam takes the verb:
   ellipsis_parts.py), "office ac on, banana", 打开台灯，把那个修好 (junk_parts.py), "stop line 2, and the coolant"
   (the place's devices the whole reading lacked: layers._place_verb_part).
7. "Everything on" never sounds an alarm the ask does not name (unnamed_alarms.py); "everything off" still silences it.
"""

from __future__ import annotations

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.assistant.other_doors import other_door_in
from console.core.assistant.phrases import normalize
from console.core.assistant.present_reports import without_reports
from console.core.assistant.state_reports import lone_state_report
from console.core.fleet.catalog import Fleet, load_fleet
from console.core.protocol import Capability, DeviceMeta
from tests.core.assistant.helpers import ASSISTANT, PARSER, checked_commands, refusal_kind, refused

_DOOR = "lock-main-door"
_LOCKED = {_DOOR: {"locked": True}}
_UNLOCKED = {_DOOR: {"locked": False}}
_VALVE_SHUT = {"valve-steam": {"open": 0.0}}
_SWITCHES_ON = {d: {"power": True} for d in ("lamp-office-1", "lamp-office-2", "lamp-warehouse", "hvac-office",
                                             "fan-line-a")} | {d: {"running": True} for d in ("conveyor-a", "conveyor-b",
                                                                                               "pump-cooling")}

_FLEET = load_fleet()
_BOOL = {"type": "bool", "writable": True}


def _meta(i: int, kind: str, zone: str, caps: dict, name: str) -> DeviceMeta:
    return DeviceMeta(id=f"{kind}-{i}", name=name, kind=kind, zone=zone,
                      capabilities={n: Capability.from_json(n, s) for n, s in caps.items()}, risk="low")


def _commands(asst: Assistant, text: str) -> dict:
    prop = asst.understand(text)
    assert prop.refusal is None, (text, prop.refusal)
    return {c.device_id: dict(c.params) for c in prop.commands}


# -- 1. a door the fleet lacks ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "unlock the back door", "lock the back entrance", "open up for the staff at the back door", "unlock the side door",
    "lock the fire door", "unlock the rear door", "lock the door at the back", "unlock the staff entrance",
    "could you unlock the back door please", "secure the side entrance", "unlock the backdoor",
    "the staff are waiting at the back door, open up", "lock the emergency exit",
    "打开后门", "锁上侧门", "锁好消防门", "把后门锁上", "后门开一下", "请把侧门锁好", "把消防门打开", "员工在后门等着，开门",
    "安全门锁上", "把车库门锁上"])
def test_a_door_the_fleet_lacks_is_refused(text: str) -> None:
    assert refusal_kind(text) == "unknown_device"


@pytest.mark.parametrize(("text", "want"), [
    ("unlock the door", _UNLOCKED), ("lock the entrance", _LOCKED), ("lock the front door", _LOCKED),
    ("lock the main door", _LOCKED), ("unlock the entrance door", _UNLOCKED), ("lock the doors", _LOCKED),
    ("锁上大门", _LOCKED), ("把门锁上", _LOCKED), ("锁好正门", _LOCKED), ("锁上前门", _LOCKED), ("把大门锁好", _LOCKED),
    # 然后 + 门: "then lock the door", never 后门
    ("关掉台灯然后门锁上", {"lamp-office-2": {"power": False}} | _LOCKED)])
def test_the_fleets_own_door_keeps_its_reading(text: str, want: dict) -> None:
    assert checked_commands(text) == want


def test_the_phrase_finder_keeps_generic_and_present_doors() -> None:
    present = ["main entrance lock", "front door"]
    assert other_door_in("unlock the back door", present) == "back door"
    assert other_door_in("把后门锁上", present) == "后门"
    assert other_door_in("关掉台灯然后门锁上", present) is None
    assert other_door_in("为了安全门要锁好", present) is None
    assert other_door_in("lock the front door", present) is None
    assert other_door_in("unlock the back door", present + ["back door lock"]) is None


_TWO_DOORS = Assistant(Fleet("doors", (_meta(0, "lock", "office", {"locked": _BOOL}, "Main entrance lock"),
                                        _meta(1, "lock", "line-b", {"locked": _BOOL}, "Back door lock")),
                             _FLEET.semantics), default_aliases())


@pytest.mark.parametrize(("text", "want"), [
    ("unlock the back door lock", {"lock-1": {"locked": False}}), ("lock the back door lock", {"lock-1": {"locked": True}}),
    ("把后门解锁", {"lock-1": {"locked": False}}), ("unlock the main entrance lock", {"lock-0": {"locked": False}})])
def test_a_fleet_with_that_door_keeps_it(text: str, want: dict) -> None:
    assert _commands(_TWO_DOORS, text) == want


def test_the_gate_refuses_a_lacking_door_whatever_layer_read_it() -> None:
    unlock = PARSER.parse("unlock the main entrance")
    assert unlock.ok
    assert ASSISTANT._gate("unlock the back door", unlock).refusal is not None
    assert ASSISTANT._gate("unlock the main entrance", unlock).refusal is None


# -- 2. a question is no command -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "should the valve be closed?", "should the valve be closed", "ok so should the valve be closed?",
    "must the valve be closed?", "the pressure is up, should we close the valve?", "shall I turn the lamp off?",
    "should I close the valve?", "shall the blinds be opened?", "might the valve be closed?",
    "does the AC need to be on?", "should we switch off the floodlight?", "is the steam valve closed?",
    "要不要把阀门关上？", "该不该把阀门关上？", "应不应该关阀门", "是不是应该把阀门关上？", "阀门要不要关", "要不要把大门锁上",
    "该不该把风扇打开"])
def test_a_question_is_refused(text: str) -> None:
    assert refused(text), (text, ASSISTANT.understand(text).commands)


@pytest.mark.parametrize(("text", "want"), [
    ("could you close the valve?", _VALVE_SHUT), ("can you close the valve?", _VALVE_SHUT),
    ("would you close the valve?", _VALVE_SHUT), ("will you close the valve?", _VALVE_SHUT),
    ("can you please lock the door?", _LOCKED), ("could the blinds be opened?", {"blinds-office": {"position": 100.0}}),
    ("the valve should be closed", _VALVE_SHUT),
    ("能不能把阀门关上？", _VALVE_SHUT), ("可以把阀门关上吗？", _VALVE_SHUT), ("把阀门关上好吗？", _VALVE_SHUT),
    ("能把阀门关上吗", _VALVE_SHUT), ("能不能关一下台灯", {"lamp-office-2": {"power": False}})])
def test_a_polite_request_keeps_working(text: str, want: dict) -> None:
    assert checked_commands(text) == want


# -- 3. a report of a state is no command ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "the valve is shut", "the desk lamp is on", "the conveyor is running", "the fan is off", "the AC is on",
    "the lamp's on", "the floodlight is on", "the main door is unlocked", "the siren is sounding", "the blinds are open",
    "台灯开着", "阀门关着呢", "台灯是开着的", "风扇开着", "警报在响", "大门锁着", "泵在运行", "台灯开着？",
    # only states, or a report with verbless states after it: how things are
    "the valve is shut, the lamp is on", "lights are off, door is locked", "the lamps are off, the door locked",
    "台灯开着，阀门关着", "the floodlight is on, siren off"])
def test_a_report_is_refused(text: str) -> None:
    assert refused(text), (text, ASSISTANT.understand(text).commands)
    assert refusal_kind(text) == "nothing_actionable"


@pytest.mark.parametrize(("text", "want"), [
    ("the valve is shut, turn on the desk lamp", {"lamp-office-2": {"power": True}}),
    ("the lamps are off, lock the door", _LOCKED),
    ("the desk lamp is on, so close the blinds", {"blinds-office": {"position": 0.0}}),
    ("台灯开着，把窗帘拉上", {"blinds-office": {"position": 0.0}}),
    # the report is the command's antecedent (state_reports.command_for_report, as before)
    ("the floodlight is still on, switch it off", {"lamp-warehouse": {"power": False}}),
    ("仓库的灯还开着，关掉吧", {"lamp-warehouse": {"power": False}}),
    # a wish, a checklist item, a command about a device in a state: commands
    ("I want the valve shut", _VALVE_SHUT), ("make sure the desk lamp is on", {"lamp-office-2": {"power": True}}),
    ("让台灯开着", {"lamp-office-2": {"power": True}}), ("空调开着吧", {"hvac-office": {"power": True}}),
    ("1. valve shut 2. desk lamp on", _VALVE_SHUT | {"lamp-office-2": {"power": True}}),
    ("Checklist: 1. office blinds closed 2. main entrance lock locked", {"blinds-office": {"position": 0.0}} | _LOCKED),
    ("Start the pump that was stopped.", {"pump-cooling": {"running": True}})])
def test_a_report_beside_a_command_is_the_command(text: str, want: dict) -> None:
    assert checked_commands(text) == want


def test_the_report_functions() -> None:
    assert lone_state_report("the valve is shut") == "the valve is shut"
    assert lone_state_report("阀门关着呢") == "阀门关着呢"
    for text in ("make sure the lamp is on", "让门关着", "start the pump that was stopped", "valve shut",
                 "the valve is shut, close the lamp"):
        assert lone_state_report(normalize(text)) is None, text
    assert without_reports("the lamps are off, lock the door") == "lock the door"
    assert without_reports("the valve is shut, the lamp is on") == ""
    assert without_reports("close the valve, turn on the lamp") is None
    assert without_reports("the valve is shut") is None  # one clause: the guard's


# -- 4. a contradiction is never read one way --------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "open the blinds, too much sun", "too much sun, open the blinds", "open the blinds, too much glare",
    "open the valve, cut off the steam", "open the steam valve, no more steam", "silence the siren, we need to warn everyone",
    "open the blinds, no more sunlight", "start the pump, enough coolant",
    "拉开窗帘，太晒了", "把窗帘拉开，太刺眼了", "太晒了，把窗帘拉开", "打开蒸汽阀，蒸汽够了",
    "switch on the desk lamp, it's too bright", "too bright in here, turn the desk lamp on",
    "the office is way too bright, switch on the desk lamp", "打开台灯，太亮了",
    "turn off the AC, it's boiling", "turn off the heating, it's freezing", "turn on the heating, it's boiling",
    "switch on the cooling, it's freezing", "it's freezing, set the AC to cool mode", "the office is sweltering, AC off",
    "关掉空调，热死了", "太热了，把空调关了", "太热了，开暖气",
    "让门关着，打开灯"])
def test_a_contradiction_is_refused(text: str) -> None:
    assert refused(text), (text, ASSISTANT.understand(text).commands)


@pytest.mark.parametrize(("text", "want"), [
    ("close the blinds, too much sun", {"blinds-office": {"position": 0.0}}),
    ("拉上窗帘，太晒了", {"blinds-office": {"position": 0.0}}),
    ("open the blinds, let the sun in", {"blinds-office": {"position": 100.0}}),
    ("open the blinds to 30%, too much sun", {"blinds-office": {"position": 30.0}}),  # a value between: no extreme
    ("close the steam valve, no more steam", _VALVE_SHUT),
    ("turn on the fan, no more fumes", {"fan-line-a": {"power": True}}),  # less of what it removes: more of it
    ("it's too bright, turn off the desk lamp", {"lamp-office-2": {"power": False}}),
    ("turn on the desk lamp, the tv is too bright", {"lamp-office-2": {"power": True}}),  # the screen, not the room
    ("turn off the AC, it's freezing", {"hvac-office": {"power": False}}),
    ("turn off the heating, it's boiling", {"hvac-office": {"power": False}}),
    ("太冷了，关掉空调", {"hvac-office": {"power": False}}),
    ("It's sweltering in the office; could you please switch the cooling on at 21 degrees?",
     {"hvac-office": {"power": True, "mode": "cool", "setpoint": 21.0}}),
    ("Line A ventilation off, it's too cold in there.", {"fan-line-a": {"power": False}}),
    ("The office is too dim, switch the lights on.", {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
    ("Air's fine on line A now, you can stop the extraction", {"fan-line-a": {"power": False}}),
    ("lamp 1 off, lamp 2 on", {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": True}}),
    ("有人闯进来了，锁好大门", _LOCKED)])
def test_the_same_way_keeps_working(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize(("text", "wrong"), [
    ("open the blinds, too much sun", "close the blinds"), ("拉开窗帘，太晒了", "把窗帘拉开"),
    ("open the valve, cut off the steam", "close the steam valve"), ("turn off the AC, it's boiling", "turn off the AC"),
    ("switch on the desk lamp, it's too bright", "switch on the desk lamp")])
def test_the_gate_refuses_either_way_of_a_contradiction(text: str, wrong: str) -> None:
    prop = ASSISTANT.understand(wrong)
    assert prop.ok
    assert ASSISTANT.direction_problem(text, prop) is not None


_CLIMATE = Assistant(Fleet("climate", (
    _meta(0, "hvac", "lab", {"power": _BOOL, "mode": {"type": "enum", "values": ["cool", "heat"], "writable": True}},
          "Lab climate unit"),
    _meta(1, "lamp", "lab", {"power": _BOOL}, "Lab bench light")), _FLEET.semantics), default_aliases())


@pytest.mark.parametrize("text", ["turn off the lab climate unit, it's boiling", "switch on the lab bench light, it's "
                                  "too bright", "lab climate unit to heat mode, it's roasting"])
def test_feelings_hold_on_another_fleet(text: str) -> None:
    prop = _CLIMATE.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)


# -- 5. a need that is gone never starts what meets it ----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["一号线不再需要通风了，打开吧", "一号线不再需要通风了 打开吧", "一号线不再需要通风了打开吧",
                                  "一号线用不着通风了，打开吧", "办公室不再需要照明了，把灯打开"])
def test_a_need_gone_beside_an_on_command_is_refused(text: str) -> None:
    assert refused(text), (text, ASSISTANT.understand(text).commands)


@pytest.mark.parametrize(("text", "want"), [
    ("一号线不再需要通风了，关了吧", {"fan-line-a": {"power": False}}), ("不再需要冷却水", {"pump-cooling": {"running": False}}),
    ("办公室不再需要照明了，把灯关掉", {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}}),
    ("办公室不用制冷了 关掉吧", {"hvac-office": {"power": False}})])
def test_a_need_gone_turns_it_off(text: str, want: dict) -> None:
    assert checked_commands(text) == want


# -- 6. no part silently dropped ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("stop production line 1 and the steam", {"conveyor-a": {"running": False}} | _VALVE_SHUT),
    ("stop production line 1 and the coolant", {"conveyor-a": {"running": False}, "pump-cooling": {"running": False}}),
    ("stop conveyor b and the steam", {"conveyor-b": {"running": False}} | _VALVE_SHUT),
    ("停掉二号线传送带和冷却水", {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    ("stop line 2 and the coolant please", {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    ("stop line 2, but start the coolant", {"conveyor-b": {"running": False}, "pump-cooling": {"running": True}}),
    ("stop everything on line 2 but keep the coolant running",
     {"conveyor-b": {"running": False}, "pump-cooling": {"running": True}}),
    ("Cut the steam and the coolant", {"pump-cooling": {"running": False}} | _VALVE_SHUT),
    ("stop conveyor b, and the coolant too", {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    # politeness, reasons and filler are no part
    ("office ac on, please", {"hvac-office": {"power": True}}), ("office ac on, thanks a lot", {"hvac-office": {"power": True}}),
    ("office ac on, cheers mate", {"hvac-office": {"power": True}}), ("打开台灯，谢谢", {"lamp-office-2": {"power": True}}),
    ("desk lamp off plz, last one out", {"lamp-office-2": {"power": False}}),
    ("turn on the desk lamp, for the visitors", {"lamp-office-2": {"power": True}}),
    ("Sound the yard alarm siren, wail pattern — the drill starts now.", {"siren-yard": {"active": True, "pattern": "wail"}}),
    ("开台灯，咖啡机在用", {"lamp-office-2": {"power": True}})])
def test_every_part_is_carried_out(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", [
    "office ac on, banana", "office ac on, bananas please", "please banana, office ac on", "打开台灯，把那个修好",
    "关掉风扇，把文件打印一下", "stop conveyor a and the fumes", "lock the door, and the coolant too"])
def test_a_part_that_adds_nothing_refuses_the_ask(text: str) -> None:
    assert refused(text), (text, ASSISTANT.understand(text).commands)


# -- 7. "everything on" never sounds an unnamed alarm ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("全部打开", _SWITCHES_ON), ("turn everything on", _SWITCHES_ON), ("everything on", _SWITCHES_ON),
    ("turn on all devices", _SWITCHES_ON), ("所有设备打开", _SWITCHES_ON), ("把所有东西都打开", _SWITCHES_ON),
    ("全部开启", _SWITCHES_ON), ("start everything", _SWITCHES_ON),
    ("switch everything on in the warehouse", {"lamp-warehouse": {"power": True}}),
    ("turn on the warehouse", {"lamp-warehouse": {"power": True}}), ("仓库全部打开", {"lamp-warehouse": {"power": True}})])
def test_everything_on_leaves_the_siren_out(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["turn everything on, including the siren", "turn everything on and sound the siren",
                                  "turn everything on and warn everyone"])
def test_everything_on_with_the_siren_named_sounds_it(text: str) -> None:
    assert checked_commands(text) == _SWITCHES_ON | {"siren-yard": {"active": True}}


@pytest.mark.parametrize("text", ["turn everything off", "全部关掉"])
def test_everything_off_still_silences_it(text: str) -> None:
    got = checked_commands(text)
    assert got["siren-yard"] == {"active": False} and len(got) == 9


@pytest.mark.parametrize(("text", "want"), [
    ("sound the alarm", {"siren-yard": {"active": True}}), ("yard siren on", {"siren-yard": {"active": True}}),
    ("拉响警报", {"siren-yard": {"active": True}}), ("警报打开", {"siren-yard": {"active": True}}),
    ("the building is on fire, alert everybody", {"siren-yard": {"active": True}})])
def test_a_named_alarm_still_sounds(text: str, want: dict) -> None:
    assert checked_commands(text) == want


def test_a_place_with_only_an_alarm_refuses_everything_on() -> None:
    asst = Assistant(Fleet("yard", (_meta(0, "siren", "yard", {"active": _BOOL}, "Gate horn"),
                                    _meta(1, "lamp", "office", {"power": _BOOL}, "Desk light")),
                           _FLEET.semantics), default_aliases())
    prop = asst.understand("turn on everything in the yard")
    assert prop.refusal is not None and not prop.commands
    assert _commands(asst, "turn everything on") == {"lamp-1": {"power": True}}
    assert _commands(asst, "sound the gate horn") == {"siren-0": {"active": True}}
