"""Session 9, harmful readings found by hand, each as a class (both languages where it applies).

1. A symptom clause adds no command and starts nothing: "Our product on line A should move at 30 rpm, it is going too
   fast for packing" sets conveyor A's speed only (no exhaust fan at "fast" = high, no start: the pace complaint says
   it runs already); a level word said of how something is ("too fast", "is super high") is no value
   (symptom_values.masked_levels), and a pace complaint never goes the other way ("the fan is too fast, set it to
   high" is refused: symptom_values.pace_problem).
2. A setting word picks the device of a place that has it: "set the line B load to half", 二号线的负载调到一半 are the
   conveyor's read-only load (refused), never the steam valve's opening (targets._hinted).
3. A clause that is a bare unknown noun refuses the ask: 打开台灯，桌子 (桌子 shares only 子 with 院子:
   bare_nouns_zh.known_noun_zh), 打开台灯，桌.
4. "the smoke on line a is super high, fan on" switches the fan on only: the "high" is the smoke's; likewise "the
   temperature is really high in the office, AC on", A线烟很大很高，风扇打开.
"""

from __future__ import annotations

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.bare_nouns_zh import known_noun_zh
from console.core.assistant.layers import Assistant
from console.core.assistant.symptom_values import masked_levels, pace_said
from console.core.protocol import Capability, DeviceMeta
from tests.core.assistant.helpers import checked_commands, refusal_kind, refused

_FAN_ON = {"fan-line-a": {"power": True}}


# -- 1. a symptom clause explains the ask ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Our product on line A should move at 30 rpm, it is going too fast for packing.", {"conveyor-a": {"speed": 30.0}}),
    ("Our product on line A should move at 30 rpm, it is going too fast.", {"conveyor-a": {"speed": 30.0}}),
    ("Our product on line A should move at 30 rpm, it is going way too slow.", {"conveyor-a": {"speed": 30.0}}),
    ("Our product on line B should move at 30 rpm, it is going too fast for packing.", {"conveyor-b": {"speed": 30.0}}),
    ("Our product on line A should move at 30 rpm as it is going too fast", {"conveyor-a": {"speed": 30.0}}),
    ("line A conveyor at 30 rpm, it is going too fast for packing", {"conveyor-a": {"speed": 30.0}}),
    ("set conveyor a to 30 rpm, speed is too high for packing", {"conveyor-a": {"speed": 30.0}}),
    ("line b is going too fast, drop it to 40 rpm", {"conveyor-b": {"speed": 40.0}}),
    ("A线的产品应该每分钟30转，现在太快了，包装跟不上", {"conveyor-a": {"speed": 30.0}}),
    ("一号线传送带调到30转，太快了，包装来不及", {"conveyor-a": {"speed": 30.0}}),
])
def test_a_pace_complaint_sets_the_value_only(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text, want", [  # no complaint: the kind's own word still starts it (held-out sets)
    ("Product on line A needs to move at 70 rpm.", {"conveyor-a": {"speed": 70.0, "running": True}}),
    ("line b get product moving at 45 rpm", {"conveyor-b": {"speed": 45.0, "running": True}}),
    ("Line B: let product move at 55 rpm", {"conveyor-b": {"speed": 55.0, "running": True}}),
    ("line b product moving too slow, start conveyor b at 60 rpm", {"conveyor-b": {"speed": 60.0, "running": True}}),
    ("the fan is too fast, set it to low", {"fan-line-a": {"speed": "low"}}),  # the way the complaint asks
    ("the fan is too slow, set it to high", {"fan-line-a": {"speed": "high"}}),
    ("set the fan to fast", {"fan-line-a": {"speed": "high"}}),  # "fast" as the value it names
    ("make sure the fan is high", {"fan-line-a": {"speed": "high"}}),  # a wish: the level is the target
    ("fan on high", {"fan-line-a": {"speed": "high", "power": True}}),
])
def test_nearby_asks_keep_their_meaning(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", [  # how something is, no target: never a level of the fan
    "the fan is too fast", "the fan is too slow", "line A is going too fast", "fan on line a is going fast",
    "the fan seems too slow", "the fan is really low", "it is going too fast", "the fan is high",
])
def test_a_level_said_of_how_something_is_is_no_setting(text):
    assert refused(text)


@pytest.mark.parametrize("text", [  # the complaint asks one way, the value goes the other: refused, never done
    "the fan is too fast, set it to high", "the fan is too slow, set it to low", "风扇太快了，调到高速",
    "conveyor a is too fast, run it at 120 rpm", "line a fan is way too fast, put it on high",
])
def test_a_pace_complaint_never_goes_the_other_way(text):
    assert refused(text)


@pytest.mark.parametrize("text, masked", [
    ("it is going too fast", True), ("the smoke is super high", True), ("temperature's really high", True),
    ("the fumes are way too high", True), ("set the fan to high", False), ("fan on high", False),
    ("make sure the fan is high", False), ("run the fan fast", False),
])
def test_masked_levels(text, masked):
    assert (masked_levels(text) != text) is masked


@pytest.mark.parametrize("text, said", [
    ("it is going too fast for packing", True), ("way too slow", True), ("传送带太快了", True), ("太慢", True),
    ("not too fast", False), ("run it fast", False), ("不快", False), ("move at 30 rpm", False),
])
def test_pace_said(text, said):
    assert pace_said(text) is said


# -- 2. a setting word picks the device that has it --------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "二号线的负载调到一半", "set the line B load to half", "line b load to 50%", "把二号线的负荷降到一半",
    "set the load on line b to 50%", "二号线负载调到50%", "lower the line b load to 50%", "open the line b load halfway",
    "set the line A load to half", "set conveyor A load to 50%",
])
def test_a_read_only_setting_of_a_place_is_refused_as_read_only(text):
    assert refusal_kind(text) == "read_only"


@pytest.mark.parametrize("text, want", [
    ("line b opening 50%", {"valve-steam": {"open": 50.0}}),
    ("二号线的蒸汽开一半", {"valve-steam": {"open": 50.0}}),
    ("line 2 product flow 80 rpm", {"conveyor-b": {"speed": 80.0}}),  # the pump's flow takes no rpm
    ("set the line b flow to 30", {"pump-cooling": {"flow": 30.0}}),
    ("二号线流量调到30", {"pump-cooling": {"flow": 30.0}}),
    ("set the office temperature to 22", {"hvac-office": {"setpoint": 22.0}}),
    ("stop the product flow and the coolant on line B.", {"conveyor-b": {"running": False},
                                                         "pump-cooling": {"running": False}}),
])
def test_setting_words_of_a_place_nearby(text, want):
    assert checked_commands(text) == want


def test_set_line_b_to_half_is_still_which_device():
    assert refusal_kind("set line b to 50%") == "ambiguous"


def _meta(did: str, kind: str, caps: dict) -> DeviceMeta:
    return DeviceMeta(id=did, name=did.title(), kind=kind, zone="hall",
                      capabilities={n: Capability.from_json(n, s) for n, s in caps.items()}, risk="low")


def test_any_fleet_a_read_only_setting_is_never_moved_to_another_device():
    pct = {"type": "int", "min": 0, "max": 100, "unit": "%", "writable": True}
    fleet = [_meta("mixer", "motor", {"running": {"type": "bool", "writable": True},
                                       "load": {"type": "float", "unit": "%", "writable": False}}),
             _meta("shutter", "cover", {"position": pct})]
    asst = Assistant(fleet, {"zones": {"hall": {"en": ["hall"], "zh": ["大厅"]}}})
    for text in ("set the hall load to 40%", "大厅的负载调到一半"):
        prop = asst.understand(text)
        assert prop.refusal is not None and prop.refusal.kind == "read_only" and not prop.commands, text
    prop = asst.understand("hall position 40%")
    assert prop.refusal is None and {c.device_id: c.params for c in prop.commands} == {"shutter": {"position": 40}}


# -- 3. a bare unknown noun is a part nobody understood ----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "打开台灯，桌子", "打开台灯，椅子", "打开台灯，杯子", "打开台灯，水果", "打开台灯，桌", "关掉吊灯，箱子",
    "打开台灯，香蕉", "turn on the desk lamp, banana", "turn on the desk lamp, chair",
])
def test_a_bare_unknown_noun_refuses_the_ask(text):
    assert refused(text)


@pytest.mark.parametrize("text, want", [
    ("打开台灯，谢谢", {"lamp-office-2": {"power": True}}),
    ("打开台灯，嗯", {"lamp-office-2": {"power": True}}),
    ("二号线停产，换模具", {"conveyor-b": {"running": False}}),
    ("一号线太闷了，排风", {"fan-line-a": {"power": True}}),
])
def test_nearby_chinese_parts_keep_their_meaning(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("noun, known", [
    ("桌子", False), ("水果", False), ("光盘", False), ("院子", True), ("院", True), ("冷却液", True), ("烟灰", True),
    ("蒸汽", True),
])
def test_known_noun_zh(noun, known):
    assert known_noun_zh(noun, ["院子", "冷却", "烟", "蒸汽"]) is known


# -- 4. a level said of a symptom is not the fan's ---------------------------------------------------------------------
@pytest.mark.parametrize("thing", ["smoke", "fumes", "dust", "noise", "smell"])
@pytest.mark.parametrize("how", ["super", "really", "very", "crazy", "way too", "so", ""])
def test_a_symptom_level_switches_the_fan_on_only(thing, how):
    verb = "are" if thing == "fumes" else "is"
    assert checked_commands(f"the {thing} on line a {verb} {how} high, fan on".replace("  ", " ")) == _FAN_ON


@pytest.mark.parametrize("text, want", [
    ("the smoke on line a is super high, fan on", _FAN_ON),
    ("smoke levels are high on line a, turn on the fan", _FAN_ON),
    ("A线烟很大很高，风扇打开", _FAN_ON),
    ("A线烟雾浓度太高了，打开风扇", _FAN_ON),
    ("the temperature is really high in the office, AC on", {"hvac-office": {"power": True}}),
    ("the temperature is too high in the office, turn the AC on", {"hvac-office": {"power": True}}),
    ("办公室温度很高，空调打开", {"hvac-office": {"power": True}}),
    ("humidity in the office is really high, ac on", {"hvac-office": {"power": True}}),
    ("the temperature is really high in the office, set the AC to 22", {"hvac-office": {"setpoint": 22.0}}),
])
def test_a_symptom_level_is_no_setting(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text, want", [  # a level said of the device, as its target, stays
    ("the smoke on line a is high, fan on high", {"fan-line-a": {"speed": "high", "power": True}}),
    ("A线烟很大，风扇开高档", {"fan-line-a": {"speed": "high", "power": True}}),
    ("line a smoke is crazy high, run the fan on high", {"fan-line-a": {"speed": "high", "power": True}}),
])
def test_the_devices_own_level_stays(text, want):
    assert checked_commands(text) == want
