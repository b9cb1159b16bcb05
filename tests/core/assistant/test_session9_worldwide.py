"""Session 9, blind sets by non-native English speakers (Indian, German, Filipino usage) and a Chinese-speaking site:
ordinary commands in wordings the rules did not read (worldwide.py).

English: "on" / "off" as verbs at the head of a clause ("kindly off the desk lamp"), closing particles (ja, na, bitte,
lah, po, yaar) and "do the needful", a dropped subject before a reason ("…, is too bright for me"), "<device> lock it
pls", "run it with 90", a simile after a feeling ("like an oven"), "too much sound" (noise), "line B is heating up"
(a reason). Chinese: 流量给30, 一号二号传送带, 下午 inside a reason about the sun, a rhetorical 怎么没在走 before a
command, 让外面的人进来, 声音不对 (a symptom, no self-correction), trailing reasons (误报, 停电了…, 大家冻坏了), 蒸汽放出去.

"Put the exhaust fan on medium": the existing convention stays (set a level → the level only, no power part).
"""

from __future__ import annotations

import pytest

from console.core.assistant.worldwide import worldwide
from tests.core.assistant.helpers import refused, understood

PUMP, VALVE, CONV_A, CONV_B, FAN = "pump-cooling", "valve-steam", "conveyor-a", "conveyor-b", "fan-line-a"
DESK, CEILING, FLOOD, LOCK, SIREN = "lamp-office-2", "lamp-office-1", "lamp-warehouse", "lock-main-door", "siren-yard"
HVAC, BLINDS = "hvac-office", "blinds-office"
ON, OFF = {"power": True}, {"power": False}
RUN = {"running": True}


# -- the blind lines ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Kindly off the desk lamp, I am leaving now", {DESK: OFF}),
    ("off the fan in line A, it is making too much sound na", {FAN: OFF}),
    ("On the lights of the office and off the fan", {CEILING: ON, DESK: ON, FAN: OFF}),
    ("Switch on the warehouse floodlight please, do the needful", {FLOOD: ON}),
    ("Too much smoke at line A, do the needful", {FAN: ON}),
    ("Put the exhaust fan on medium, bitte", {FAN: {"speed": "medium"}}),
    ("Office desk lamp, dim it to 10 ja", {DESK: {"level": 10.0}}),
    ("desk lamp to 30 percent only, is too bright for me", {DESK: {"level": 30.0}}),
    ("Main door lock it pls", {LOCK: {"locked": True}}),
    ("Start the belt on line B and run it with 90", {CONV_B: {"running": True, "speed": 90.0}}),
    ("It's so hot in office, like an oven. 20 degree please", {HVAC: {"setpoint": 20.0}}),
    ("Can you get the water circulating, line B is heating up", {PUMP: RUN}),
    ("冷却泵启动，流量给30", {PUMP: {"running": True, "flow": 30.0}}),
    ("冷却泵重新开，流量先给30", {PUMP: {"running": True, "flow": 30.0}}),
    ("一号二号传送带都调到60转", {CONV_A: {"speed": 60.0}, CONV_B: {"speed": 60.0}}),
    ("下午太阳刺眼，遮住一半吧", {BLINDS: {"position": 50.0}}),
    ("冷却水怎么没在走，赶紧循环起来", {PUMP: RUN}),
    ("开锁，让外面的人进来", {LOCK: {"locked": False}}),
    ("空调切到送风模式，压缩机声音不对", {HVAC: {"mode": "fan"}}),
    ("警报器关掉！！误报", {SIREN: {"active": False}}),
    ("百叶窗全打开，停电了灯用不了", {BLINDS: {"position": 100.0}}),
    ("空调打开，制热，24度，冷气吹太久大家冻坏了", {HVAC: {"power": True, "mode": "heat", "setpoint": 24.0}}),
    ("蒸汽全部放出去，管道要泄压", {VALVE: {"open": 100.0}}),
])
def test_the_blind_lines(text: str, want: dict) -> None:
    assert understood(text) == want


# -- the same classes, other words -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("pls off the fan", {FAN: OFF}),
    ("on the desk lamp please", {DESK: ON}),
    ("Kindly on the warehouse floodlight", {FLOOD: ON}),
    ("dim the desk lamp to 10 yaar", {DESK: {"level": 10.0}}),
    ("desk lamp to 30 lah", {DESK: {"level": 30.0}}),
    ("desk lamp off, is too bright", {DESK: OFF}),
    ("一号二号传送带都停", {CONV_A: {"running": False}, CONV_B: {"running": False}}),
    ("传送带B启动，转速给40", {CONV_B: {"running": True, "speed": 40.0}}),
    ("百叶窗全打开，停电了", {BLINDS: {"position": 100.0}}),
    # nearby asks keep their old meaning
    ("switch the lights on", {CEILING: ON, DESK: ON, FLOOD: ON}),
    ("On line A, stop the conveyor", {CONV_A: {"running": False}}),
    ("空调切到送风模式，不对，制冷模式", {HVAC: {"mode": "cool"}}),
])
def test_the_same_classes_in_other_words(text: str, want: dict) -> None:
    assert understood(text) == want


# -- harmful variants stay refused -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "kindly don't off the desk lamp",       # a negation
    "off the fan if it gets too loud",      # a condition
    "on the lights at 6 pm",                # a schedule
    "off the oven",                         # a device the fleet lacks
    "do the needful",                       # nothing said
    "don't run conveyor b with 90",
    "冷却泵启动，流量别给30",                  # 别: a negation
    "明天下午把百叶窗遮住一半",                 # a schedule, no reason about the sun
    "太阳刺眼，下午把百叶窗遮住一半",             # 下午 outside the reason: a schedule
    "冷却水怎么没在走",                        # a question alone
    "蒸汽别放出去",                           # a negation
    "三号四号传送带都调到60转",                 # conveyors the fleet lacks
])
def test_harmful_variants_are_refused(text: str) -> None:
    assert refused(text)


# -- the rewrites themselves -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("kindly off the desk lamp", "kindly turn off the desk lamp"),
    ("on the lights of the office and off the fan", "turn on the lights of the office and turn off the fan"),
    ("run it with 90", "run it at 90"),
    ("main door lock it pls", "main door, lock it pls"),
    ("流量先给30", "流量先调到30"),
    ("一号二号传送带", "一号和二号传送带"),
    ("警报器关掉！！误报", "警报器关掉"),
    ("蒸汽全部放出去", "蒸汽阀全部打开"),
    ("开锁，让外面的人进来", "开锁，让人进来"),
    # unchanged: a place after on / off, the lights on, a negated reason, a correction, a schedule
    ("on the second line, stop moving product", "on the second line, stop moving product"),
    ("off the line b conveyor", "off the line b conveyor"),
    ("turn the lights on", "turn the lights on"),
    ("警报器关掉，不是误报", "警报器关掉，不是误报"),
    ("空调切到送风模式，不对，制冷模式", "空调切到送风模式，不对，制冷模式"),
    ("下午三点遮住一半", "下午三点遮住一半"),
    ("set it to 10 japan", "set it to 10 japan"),
    ("unlock the front door and then lock it", "unlock the front door and then lock it"),
    ("it is making too much sound", "it is making too much noise"),
])
def test_the_rewrites(text: str, want: str) -> None:
    assert worldwide(text) == want
