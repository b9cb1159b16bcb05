"""Session 11b (blind set 71 harms, sets 69/71 over-refusals): each as a class, both languages where it applies.

1. Putting a change off is a negation: "hold off on cutting the steam", "don't bother closing it", "leave the valve
   for now", 暂缓关闭蒸汽, 先放一放 (deferred_asks.py, screening's negation guard).
2. An unknown multi-word place after a verb and "the" ("warm up the break room to 22") is refused, never the one AC
   (compound_places.py).
3. An amount after a described device ("vent the hissing thing on line B halfway") stays with the ask (described.py).
4. A day word after a keep-out wish ("make sure nobody can get in tonight") is a schedule; a period alone
   ("overnight", "all night", "over the weekend") still locks now (keep_out_span.py).
5. A past event or a colleague's report beside the ask is a reason: its numbers, clock times and time words are none
   of the ask's (reported_numbers.py); a hedge ("whenever you get a sec", ", maybe") softens, it conditions nothing
   (polite_hedges.py); 赶紧 is haste, no noun (lexicon.py).
"""

from __future__ import annotations

import pytest

from console.core.assistant.deferred_asks import deferred
from console.core.assistant.keep_out_span import keep_out_span
from console.core.assistant.polite_hedges import drop_polite_hedge
from console.core.assistant.reported_numbers import mask_reported
from tests.core.assistant.helpers import ASSISTANT, proposed, refused

_LOCK = {"lock-main-door": {"locked": True}}


def _cmds(text: str) -> dict:
    return proposed(text)


# -- 1. putting a change off ------------------------------------------------------------------------------------------
DEFER_EN = ["hold off on {v}", "hold off {v}", "don't bother {v}", "put off {v}", "no need for {v}",
            "holding off on {v} for now"]
VERBS_EN = ["cutting the steam", "closing the steam valve", "opening the steam valve", "stopping conveyor b",
            "starting conveyor a", "turning on the desk lamp", "turning off the desk lamp", "locking the main door",
            "unlocking the main door", "sounding the yard siren"]


@pytest.mark.parametrize("frame", DEFER_EN)
@pytest.mark.parametrize("verb", VERBS_EN)
def test_deferred_change_is_refused_en(frame, verb):
    assert refused(frame.format(v=verb))


@pytest.mark.parametrize("text", [
    "暂缓关闭蒸汽", "关蒸汽的事先放一放", "蒸汽不急着关", "先不急着停A线传送带", "暂缓打开蒸汽阀", "台灯先不急着开",
    "leave the steam for now", "leave the steam valve alone for now", "leave the conveyor for now",
    "hold off on the steam", "don't bother with the lights",
])
def test_deferred_change_is_refused_more(text):
    assert refused(text)


@pytest.mark.parametrize("text, want", [
    ("stop the coolant for now", {"pump-cooling": {"running": False}}),
    ("open the steam up a quarter for now", {"valve-steam": {"open": 25}}),
    ("uh, the valve, could you close it... not all the way, leave it at 5", {"valve-steam": {"open": 5}}),
    ("QA-19 hold on all product: stop both conveyors",
     {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("switch the AC to fan mode for now", {"hvac-office": {"mode": "fan"}}),
])
def test_a_change_for_now_keeps_its_meaning(text, want):
    assert _cmds(text) == want


def test_deferred_words():
    assert deferred("hold off on cutting the steam") == "hold off"
    assert deferred("leave the lamp on for now") is None  # a state said: kept_devices.py reads it
    assert deferred("stop the coolant for now") is None
    assert deferred("暂缓关闭蒸汽") == "暂缓"


# -- 2. an unknown place after a verb and "the" -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "warm up the break room to 22", "heat the break room", "cool down the meeting room to 20", "warm up the break area to 22",
    "light up the meeting room", "ventilate the loading bay", "air out the paint shed", "lock the control room",
    "cool the staff room to 21 degrees", "the break room, warm it to 22", "break room, warm it up",
    "the break room is cold, warm it up", "茶水间暖和到22度", "把会议室调到22度", "会议室温度调到22",
])
def test_unknown_place_after_verb_is_refused(text):
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, [(c.device_id, c.params) for c in prop.commands]


@pytest.mark.parametrize("text, want", [
    ("warm up the office to 22", {"hvac-office": {"setpoint": 22}}),
    ("turn on the lights in the warehouse", {"lamp-warehouse": {"power": True}}),
    ("the office is cold, warm it up", {"hvac-office": {"power": True}}),
    ("把办工室台灯打开，客人要看图纸", {"lamp-office-2": {"power": True}}),  # a slip of 办公室, no place
    ("房间暖和点，空调调到24度", {"hvac-office": {"setpoint": 24}}),  # the room one is in
])
def test_known_place_after_verb_still_read(text, want):
    assert _cmds(text) == want


# -- 3. an amount after a described device ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("vent the hissing thing on line B halfway", 50),
    ("vent the hissing thing on line B a quarter", 25),
    ("vent the hissing thing on line B to 30%", 30),
    ("open the hissing thing on line B halfway", 50),
    ("open the thing that hisses on line B 40%", 40),
    ("vent the hissing thing on line B", 100),
    ("close the hissing thing on line B", 0),
])
def test_described_device_keeps_its_amount(text, want):
    assert _cmds(text) == {"valve-steam": {"open": want}}


@pytest.mark.parametrize("text", ["open the hissing thing on line B by 10"])
def test_described_device_relative_amount_refused(text):
    assert refused(text)


# -- 4. keeping people out: a day word is a schedule, a period alone is not ------------------------------------------
@pytest.mark.parametrize("text", [
    "make sure nobody can get in tonight", "make sure nobody gets in this weekend", "make sure no one can get in tonight",
    "lock the door tonight", "确保今晚没人能进来", "make sure no one can get in overnight at 8",
])
def test_keep_out_with_a_day_is_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text", [
    "make sure nobody can get in overnight", "make sure no one can get in all night",
    "ensure nobody gets in over the weekend",
])
def test_keep_out_for_a_period_locks_now(text):
    assert _cmds(text) == _LOCK


def test_keep_out_span_leaves_tonight():
    assert keep_out_span("make sure nobody can get in tonight") == "make sure nobody can get in tonight"
    assert keep_out_span("make sure nobody can get in overnight") == "make sure nobody can get in for the night"


# -- 5. a past event or a report beside the ask is a reason -----------------------------------------------------------
_BOTH_STOP = {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}


@pytest.mark.parametrize("text, want", [
    ("the jam this morning got cleared, but stop conveyor B so we can inspect it", {"conveyor-b": {"running": False}}),
    ("after last week's break-in, secure the entrance", _LOCK),
    ("after yesterday's test, silence the siren", {"siren-yard": {"active": False}}),
    ("之前有人说闷，一号线通风打开，中速", {"fan-line-a": {"power": True, "speed": "medium"}}),
    ("hey, flip the desk lamp off whenever you get a sec", {"lamp-office-2": {"power": False}}),
    ("turn off the desk lamp when you get a minute please", {"lamp-office-2": {"power": False}}),
    ("set the exhaust fan to low, maybe", {"fan-line-a": {"speed": "low"}}),
    ("两条传送带都停掉，质检群里说批次2291有问题", _BOTH_STOP),
    ("A线传送带开到最大，计划员说落后了400件", {"conveyor-a": {"running": True, "speed": 120}}),
    ("保安说人都走了 22:05，把大楼锁好", _LOCK),
    ("群里说办公室热死了 30.1℃，办公室温度设成21", {"hvac-office": {"setpoint": 21}}),
    ("值班群：有人说厂区有外人，赶紧锁好", _LOCK),
    ("演习结束了 11:47，院子安静一下", {"siren-yard": {"active": False}}),
    ("conveyor A to max, the planner says we are 400 units behind", {"conveyor-a": {"running": True, "speed": 120}}),
    ("赶紧关掉蒸汽", {"valve-steam": {"open": 0}}),
])
def test_reason_beside_the_ask_is_no_value_or_schedule(text, want):
    assert _cmds(text) == want


@pytest.mark.parametrize("text", [
    # a time bound to the ask's own command stays a schedule
    "保安说人都走了，22:05把大楼锁好", "lock the main door this morning", "after lunch, stop conveyor B",
    "after 10 minutes, stop conveyor B", "stop the pump when you can", "stop the pump when you get a chance",
    "if you can see smoke, stop the pump", "有人说厂区有外人，今晚锁好",
    # a report alone is no ask
    "计划员说落后了400件", "演习结束了 11:47",
])
def test_ask_own_time_or_report_alone_stays_refused(text):
    assert refused(text)


def test_relayed_setting_keeps_its_number():
    assert _cmds("经理说把阀门开到50%") == {"valve-steam": {"open": 50}}
    assert mask_reported("经理说把阀门开到50%") == "经理说把阀门开到50%"


@pytest.mark.parametrize("text, gone, kept", [
    ("两条传送带都停掉，质检群里说批次2291有问题", "2291", "两条传送带都停掉"),
    ("保安说人都走了 22:05，把大楼锁好", "22:05", "把大楼锁好"),
    ("演习结束了 11:47，院子安静一下", "11:47", "院子安静一下"),
    ("之前有人说闷，一号线通风打开，中速", "之前", "一号线通风打开"),
    ("after last week's break-in, secure the entrance", "after", "secure the entrance"),
    ("the jam this morning got cleared, but stop conveyor b", "this morning", "stop conveyor b"),
])
def test_mask_reported(text, gone, kept):
    out = mask_reported(text)
    assert gone not in out and kept in out


@pytest.mark.parametrize("text", ["lock the main door this morning", "保安说人都走了，22:05把大楼锁好", "stop conveyor b"])
def test_mask_reported_leaves_the_ask(text):
    assert mask_reported(text) == text


def test_hedges():
    assert drop_polite_hedge("flip the desk lamp off whenever you get a sec") == "flip the desk lamp off"
    assert drop_polite_hedge("set the exhaust fan to low, maybe") == "set the exhaust fan to low"
    assert drop_polite_hedge("steam valve to 70% maybe") == "steam valve to 70%"
    assert drop_polite_hedge("stop the pump when you can") == "stop the pump when you can"
