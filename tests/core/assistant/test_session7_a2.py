"""Session 7, fixer A2: four defects found by hand, each as a class of asks.

1. A clause whose own word gives no direction the rules read ("blinds up", 窗帘上去) never takes the direction of
   another clause ("blinds up, lights off" had closed the blinds): the ask is refused (own_way.py); a way particle
   right after a device binds it in the gate's direction check wherever the clauses split ("lights off. blinds up.");
   with a verb of its own ("raise the blinds", 窗帘拉开) every device gets its own clause's direction, in either
   order and language.
2. All production lines (所有产线, 各条线, 全部产线, "all the lines") are the lines' conveyors, never every device of the
   fleet (all_lines.py); 全部关掉 / "everything off" keep meaning every device.
3. A time of day named by what happens then (午休时间, 下班时间, "at lunchtime", "end of shift") is a schedule, refused
   (times_of_day.py); "while we're at lunch" / 我们吃饭的时候 stay "now".
4. "while" + a state of the world ("while it's dark", 下雨时, 天黑期间) is a condition, refused (world_while.py).
Every proposal also passes the gate's direction check (``checked_commands``).
"""

from __future__ import annotations

import itertools

import pytest

from console.core.assistant.all_lines import all_lines
from console.core.assistant.screening import guard, schedule_in
from console.core.assistant.times_of_day import TIME_OF_DAY
from console.core.assistant.world_while import WHILE_WORLD
from tests.core.assistant.helpers import ASSISTANT, refusal_kind
from tests.core.assistant.helpers import checked_commands as _got
from tests.core.assistant.helpers import refused as _refused

# -- 1. each clause its own direction ---------------------------------------------------------------------------
# (clause, the devices it is about with the params its own direction gives them)
_BLINDS_OPEN = {"blinds-office": {"position": 100.0}}
_BLINDS_SHUT = {"blinds-office": {"position": 0.0}}
UP_EN = [("raise the blinds", _BLINDS_OPEN), ("open the blinds", _BLINDS_OPEN),
         ("turn on the desk lamp", {"lamp-office-2": {"power": True}}),
         ("start conveyor A", {"conveyor-a": {"running": True}}),
         ("open the steam valve", {"valve-steam": {"open": 100.0}})]
DOWN_EN = [("lower the blinds", _BLINDS_SHUT), ("close the blinds", _BLINDS_SHUT),
           ("turn off the ceiling lamp", {"lamp-office-1": {"power": False}}),
           ("stop conveyor B", {"conveyor-b": {"running": False}}),
           ("close the steam valve", {"valve-steam": {"open": 0.0}})]
UP_ZH = [("把窗帘拉开", _BLINDS_OPEN), ("窗帘升起", _BLINDS_OPEN), ("打开台灯", {"lamp-office-2": {"power": True}}),
         ("启动A线传送带", {"conveyor-a": {"running": True}}), ("打开蒸汽阀", {"valve-steam": {"open": 100.0}})]
DOWN_ZH = [("窗帘拉上", _BLINDS_SHUT), ("把窗帘放下", _BLINDS_SHUT), ("关掉吊灯", {"lamp-office-1": {"power": False}}),
           ("停止B线传送带", {"conveyor-b": {"running": False}}), ("关闭蒸汽阀", {"valve-steam": {"open": 0.0}})]


def _pairs(ups: list, downs: list, joins: tuple[str, ...]) -> list:
    out = []
    for (u, uw), (d, dw) in itertools.product(ups, downs):
        if set(uw) & set(dw):
            continue  # one device both ways is a contradiction (refused elsewhere), not this class
        for (a, aw), (b, bw) in (((u, uw), (d, dw)), ((d, dw), (u, uw))):
            out += [(a + j + b, {**aw, **bw}) for j in joins]
    return out


@pytest.mark.parametrize(("text", "want"), _pairs(UP_EN, DOWN_EN, (", ", " and ", ", then ")) +
                         _pairs(UP_ZH, DOWN_ZH, ("，", "，然后", "，同时")))
def test_every_device_takes_its_own_clauses_direction(text: str, want: dict) -> None:
    assert _got(text) == want


TERSE_EN = [("blinds up", 100.0), ("blinds down", 0.0), ("shades up", 100.0), ("the blinds right down", 0.0),
            ("office blinds all the way up", 100.0)]
TERSE_ZH = [("窗帘上去", 100.0), ("窗帘下来", 0.0), ("百叶窗升上去", 100.0), ("窗帘放下来", 0.0)]
OTHER_EN = ["lights off", "lights on", "turn the lights off", "desk lamp on", "stop conveyor A", "open the steam valve"]
OTHER_ZH = ["灯关掉", "灯都打开", "关掉台灯", "打开蒸汽阀"]


def _terse_cases() -> list:
    out = []
    for terse, others, join in ((TERSE_EN, OTHER_EN, ", "), (TERSE_ZH, OTHER_ZH, "，")):
        for (t, pos), o in itertools.product(terse, others):
            out += [(f"{t}{join}{o}", pos), (f"{o}{join}{t}", pos)]
    out += [(f"In the office: {t}, {o}", pos) for (t, pos), o in itertools.product(TERSE_EN, OTHER_EN[:3])]
    out += [(f"办公室：{t}，{o}", pos) for (t, pos), o in itertools.product(TERSE_ZH, OTHER_ZH[:2])]
    return out


@pytest.mark.parametrize(("text", "own"), _terse_cases())
def test_a_terse_way_never_takes_another_clauses_direction(text: str, own: float) -> None:
    # "blinds up, lights off" had closed the blinds with the lamps' "off": refused, or the blinds' own way
    prop = ASSISTANT.understand(text)
    blinds = [c.params for c in prop.commands if c.device_id == "blinds-office"]
    assert prop.refusal is not None or blinds == [{"position": own}], (text, prop.commands)
    assert prop.refusal is None or not prop.commands


@pytest.mark.parametrize("text", ["blinds up lights off", "blinds up: lights off", "blinds up - lights off",
                                  "blinds up. lights off.", "lights off. blinds up.", "lights off with the blinds up",
                                  "lights on. blinds down.", "put the blinds up, lights off", "灯关掉。窗帘往上",
                                  "blinds wide, lights off", "lights on, blinds ajar",
                                  "灯打开。窗帘降下来", "lights off, fan up", "steam valve down, pump on"])
def test_a_way_particle_binds_its_own_device_wherever_the_clauses_split(text: str) -> None:
    # the gate's direction check (own_way.particle_ways): never the other word's way for the device the particle follows
    assert _refused(text), (text, ASSISTANT.understand(text).commands)


@pytest.mark.parametrize(("text", "want"), [
    ("raise the blinds all the way up", _BLINDS_OPEN), ("shut the pump down", {"pump-cooling": {"running": False}}),
    ("turn the lights down to 30%", {"lamp-office-1": {"level": 30.0}, "lamp-office-2": {"level": 30.0}}),
    ("lower the blinds right down", _BLINDS_SHUT), ("把窗帘放下来", _BLINDS_SHUT)])
def test_a_particle_that_agrees_with_the_verb_passes(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", ["blinds up, lights off", "In the office: blinds up, lights off", "窗帘上去，灯关掉",
                                  "lights on, blinds down", "灯打开，窗帘下来"])
def test_the_refusal_names_the_clause_and_asks_for_a_verb(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands
    assert "blinds" in prop.refusal.reason or "窗帘" in prop.refusal.reason


@pytest.mark.parametrize(("text", "want"), [
    ("turn off the desk lamp and also the ceiling lamp",
     {"lamp-office-2": {"power": False}, "lamp-office-1": {"power": False}}),
    ("stop conveyor A, and conveyor B too", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("关掉台灯，吊灯也", {"lamp-office-2": {"power": False}, "lamp-office-1": {"power": False}}),
    ("The delivery crew is at the door, let them in.", {"lock-main-door": {"locked": False}}),
])
def test_an_ellipsis_or_a_situation_still_shares_the_verb(text: str, want: dict) -> None:
    assert _got(text) == want


# -- 2. all production lines ------------------------------------------------------------------------------------
LINES_STOP = {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}
LINES_RUN = {"conveyor-a": {"running": True}, "conveyor-b": {"running": True}}


@pytest.mark.parametrize("text", ["所有产线都停下来", "各条线都停了", "全部产线停机", "所有线都停下来", "每条产线都停掉",
                                  "各条生产线都停了", "所有的产线都停下", "全线停机", "把所有产线都停了",
                                  "stop all the lines", "stop all production lines", "all production lines stop",
                                  "stop every production line", "stop every line", "stop each line", "every line off",
                                  "stop every single line"])
def test_all_production_lines_stop_the_lines_only(text: str) -> None:
    assert _got(text) == LINES_STOP


@pytest.mark.parametrize("text", ["所有产线都开起来", "各条线都启动", "全部产线开机", "start all the lines"])
def test_all_production_lines_start_the_lines_only(text: str) -> None:
    assert _got(text) == LINES_RUN


@pytest.mark.parametrize("text", ["全部关掉", "everything off", "所有设备都关掉", "turn everything off"])
def test_everything_still_means_every_device(text: str) -> None:
    got = _got(text)
    assert len(got) > 2 and "lamp-office-1" in got and "conveyor-a" in got


@pytest.mark.parametrize(("text", "same"), [("两条线的传送带停下来", True), ("各条线上的风扇关掉", True), ("二号线停下来", True),
                                             ("安全线", True), ("电线", True), ("所有线路", True), ("所有产线停下来", False),
                                             ("turn off the fans on every line", True), ("stop line b", True),
                                             ("stop every line", False)])
def test_only_an_all_word_before_a_line_word_is_rewritten(text: str, same: bool) -> None:
    assert (all_lines(text) == text) is same


# -- 3. a time of day is a schedule -----------------------------------------------------------------------------
@pytest.mark.parametrize("when_zh", ["午休时间", "午饭时间", "下班时间", "吃饭时间", "午餐时间", "下班前", "下班后", "收工时间"])
@pytest.mark.parametrize("shape", ["{w}把门锁上", "把门锁上，{w}", "{w}把灯关掉", "{w}，停止A线传送带"])
def test_a_chinese_time_of_day_is_a_schedule(when_zh: str, shape: str) -> None:
    assert refusal_kind(shape.format(w=when_zh)) == "unsupported"


@pytest.mark.parametrize("when", ["at lunchtime", "at lunch time", "at lunch", "during the lunch hour", "at midday",
                                  "at the end of shift", "at the end of the shift", "at end of day", "at closing time",
                                  "during lunch", "during the night"])
@pytest.mark.parametrize("shape", ["{w} lock the door", "lock the door {w}", "{w}, turn off the lights",
                                   "stop conveyor A {w}"])
def test_an_english_time_of_day_is_a_schedule(when: str, shape: str) -> None:
    text = shape.format(w=when)
    assert refusal_kind(text) == "unsupported", text


@pytest.mark.parametrize(("text", "want"), [
    ("lock the door while we're at lunch", {"lock-main-door": {"locked": True}}),
    ("the team is at lunch, lock the door", {"lock-main-door": {"locked": True}}),
    ("把门锁上，我们吃饭的时候", {"lock-main-door": {"locked": True}}),
    ("午休期间把门锁上", {"lock-main-door": {"locked": True}}),
    ("下班了，把楼锁上", {"lock-main-door": {"locked": True}}),
    ("Lock the main door, the shift is over", {"lock-main-door": {"locked": True}}),
])
def test_people_away_or_a_state_of_now_stay_now(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", ["we're at lunch", "the crew is at lunch", "关门后面的灯", "下班了", "午休期间"])
def test_time_of_day_words_need_a_time(text: str) -> None:
    assert TIME_OF_DAY.search(text) is None and schedule_in(text) is None


# -- 4. "while" + a state of the world is a condition -----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "keep the lights on while it's dark", "keep the lights on while it is dark", "turn on the AC while it's hot",
    "turn the lights on while it is raining", "while it's dark, keep the warehouse light on",
    "close the blinds whilst it's sunny", "keep the fan on while it stays hot", "desk lamp on while it's still dark",
    "keep the lights on while the sun is down", "close the blinds while the sun's out",
    "天黑时把灯打开", "下雨时把窗帘拉上", "天黑期间把灯开着", "天热时把空调打开", "太热时把风扇打开", "天黑的时候把灯打开",
    "热的时候把空调打开"])
def test_while_the_world_is_some_way_is_a_condition(text: str) -> None:
    assert _refused(text), text
    assert guard(text.lower()) is not None


@pytest.mark.parametrize(("text", "want"), [
    ("Open the steam valve, and stop the cooling water pump while you're at it.",
     {"valve-steam": {"open": 100.0}, "pump-cooling": {"running": False}}),
    ("趁天还亮把窗帘拉开", {"blinds-office": {"position": 100.0}}),
    ("lock the door while we're at lunch", {"lock-main-door": {"locked": True}}),
])
def test_while_about_people_or_seizing_now_stays_now(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", ["while you're at it", "while we're out", "趁天还亮", "同时把灯关掉"])
def test_world_while_needs_the_world(text: str) -> None:
    assert WHILE_WORLD.search(text) is None
