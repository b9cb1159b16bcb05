"""The misses of the blind held-out 5 set (terse night-shift style), fixed at the root
(bench/intents_heldout5.jsonl, now dev material).

Most serious first: two schedules were carried out NOW.  "at 6am let the sunshine into the office" set the
blinds to position 6 (the "6" of 6am read as a value) and 明早八点让阳光照进办公室 opened them at once.  A
clock time or a day word is a schedule: refused by the guard before any value is read, and again by the
gate every layer's proposal passes; the property test below holds it for command asks of every kind, with a
clock/day phrase before or after, in both languages.  Then terse asks ("conv b stop asap", "2nd conveyor",
"cool, 21", "temperature target", "+"), situation clauses that are chatter when the rest resolves ("last
one out", "cant see a thing", "crew waiting outside"), "flowing" as a start word after need/get, and an
explicit top of the range (max, full blast, 开到最大) that also switches the device on.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.assistant.parser import IntentParser
from console.core.assistant.screening import guard, schedule_in
from console.core.fleet.catalog import load_fleet

FLEET = load_fleet()
DEMO = Assistant(FLEET, default_aliases())
RULES = IntentParser(FLEET, default_aliases())


def got(text: str) -> dict[str, dict]:
    prop = DEMO.understand(text)
    assert prop.refusal is None, (text, prop.refusal)
    return {c.device_id: dict(c.params) for c in prop.commands}


# -- 1. schedules are refused, whatever layer reads the rest -------------------------------------------------
EN_ASKS = ["let the sunshine into the office", "open the office blinds", "turn on the floodlight",
           "set the ac to 22", "stop conveyor b", "start the cooling pump", "close the steam valve",
           "lock the main entrance", "exhaust fan high", "sound the yard siren", "conveyor a speed 70",
           "blinds to 40%", "get the coolant going"]
ZH_ASKS = ["让阳光照进办公室", "打开百叶窗", "打开探照灯", "把空调设为22度", "停止传送带B", "启动冷却水泵",
           "关闭蒸汽阀", "锁上大门", "排风扇开到最大", "把阀门开到30%"]
EN_WHEN = ["at 6am", "at 6 am", "6:30", "at 18:00", "at 7pm", "at 7 p.m.", "tonight", "tomorrow", "this evening",
           "this morning", "at midnight", "at noon", "at 9 o'clock", "first thing tomorrow", "on monday"]
ZH_WHEN = ["明早八点", "明早", "明天", "今晚", "八点", "下午三点", "七点半", "晚上十点", "早上6点", "凌晨两点",
           "周一", "十二点"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lang=st.sampled_from(["en", "zh"]), before=st.booleans(), data=st.data())
def test_any_ask_with_a_clock_time_or_day_is_refused(lang, before, data):
    """Any command ask, prefixed or suffixed with a clock/day phrase in either language, is refused."""
    ask = data.draw(st.sampled_from(EN_ASKS if lang == "en" else ZH_ASKS))
    when = data.draw(st.sampled_from(EN_WHEN if lang == "en" else ZH_WHEN))
    sep = " " if lang == "en" else ""
    text = f"{when}{sep}{ask}" if before else f"{ask}{sep}{when}" if lang == "zh" else f"{ask} {when}"
    prop = DEMO.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)
    assert RULES.parse(text).refusal is not None, text  # the rules alone refuse it too


@pytest.mark.parametrize("text", ["at 6am let the sunshine into the office", "明早八点让阳光照进办公室"])
def test_the_two_held_out_schedules_are_refused_naming_the_schedule(text):
    prop = DEMO.understand(text)
    assert prop.refusal is not None and not prop.commands
    assert "定时" in prop.refusal.reason or "schedule" in prop.refusal.reason.lower()


@pytest.mark.parametrize("text,when", [("at 6am open the blinds", "6am"), ("lights on at 18:00", "18:00"),
                                       ("下午三点半开灯", "下午"), ("十二点关灯", "十二点"), ("7 p.m.", "7 p.m.")])
def test_schedule_in_names_the_time(text, when):
    assert schedule_in(text) == when
    assert guard(text) is not None


@pytest.mark.parametrize("text", ["set the fan to 50%", "ac 21.5", "valve 40 l/min", "调高一点", "把灯点亮",
                                  "一点点", "2nd conveyor speed 70", "set the ac to 22.5", "open the valve to 60"])
def test_values_and_a_bit_are_not_schedules(text):
    assert schedule_in(text) is None


# -- 2. terse asks -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("conv b stop asap", {"conveyor-b": {"running": False}}),
    ("conv a stop pls", {"conveyor-a": {"running": False}}),
    ("2nd conveyor speed 70", {"conveyor-b": {"speed": 70}}),
    ("1st conveyor speed 40 thx", {"conveyor-a": {"speed": 40}}),
    ("office ac on, cool, 21", {"hvac-office": {"power": True, "mode": "cool", "setpoint": 21}}),
    ("office ac on, heat, 23", {"hvac-office": {"power": True, "mode": "heat", "setpoint": 23}}),
    ("office temperature target 20.5", {"hvac-office": {"setpoint": 20.5}}),
    ("floodlight off + lock main entrance", {"lamp-warehouse": {"power": False}, "lock-main-door": {"locked": True}}),
    ("office too hot, cool mode 22 and keep the sun out fully",
     {"hvac-office": {"mode": "cool", "setpoint": 22}, "blinds-office": {"position": 0}}),
])
def test_terse_asks(text, want):
    assert got(text) == want


def test_a_bare_number_after_a_mode_out_of_range_is_refused_not_clamped():
    prop = DEMO.understand("office ac on, cool, 45")
    assert prop.refusal is not None and not prop.commands


def test_set_the_coolant_is_not_a_cool_mode():
    assert got("set the coolant to 20 liters per minute") == {"pump-cooling": {"flow": 20}}


# -- 3. situation clauses ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("pls lock mian door, last one out", {"lock-main-door": {"locked": True}}),
    ("too dark in the warehouse, cant see a thing", {"lamp-warehouse": {"power": True}}),
    ("morning crew waiting outside, open up the building so they can get in", {"lock-main-door": {"locked": False}}),
])
def test_a_situation_clause_is_chatter_when_the_rest_resolves(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text", ["last one out", "cant see a thing", "morning crew waiting outside",
                                  "turn on the desk lamp and also fix the printer", "fan, the yard siren"])
def test_nothing_resolves_or_a_part_is_an_ask_still_refuses(text):
    prop = DEMO.understand(text)
    assert prop.refusal is not None and not prop.commands


# -- 4. start words and the top of the range ------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("need coolant flowing on line b, 40 l/min", {"pump-cooling": {"running": True, "flow": 40}}),
    ("smoky on line 1, max extraction", {"fan-line-a": {"power": True, "speed": "high"}}),
    ("一号线烟太大了，排风开到最大", {"fan-line-a": {"power": True, "speed": "high"}}),
    ("fumes on line a, full blast on the exhaust", {"fan-line-a": {"power": True, "speed": "high"}}),
    ("set the exhaust fan to high", {"fan-line-a": {"speed": "high"}}),  # value-only below the top: no start
    ("line b is going too fast, drop it to 40 rpm", {"conveyor-b": {"speed": 40}}),
])
def test_flowing_and_max_mean_running(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text", ["at 6 let the sunshine into the office", "at 6 open the blinds",
                                  "fan on, at 6 sharp", "at 5:45 stop conveyor a"])
def test_a_bare_at_n_opening_the_ask_is_a_time(text):
    prop = DEMO.understand(text)
    assert prop.refusal is not None and not prop.commands


@pytest.mark.parametrize("text,want", [("at 60 percent open the valve", {"valve-steam": {"open": 60}}),
                                       ("conveyor a, at 60 rpm", {"conveyor-a": {"speed": 60}})])
def test_at_n_with_a_unit_is_still_a_value(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text", ["open the blinds at 6", "ceiling light on at 8", "close the valve at 12."])
def test_a_bare_hour_sized_at_n_closing_the_ask_is_refused(text):
    prop = DEMO.understand(text)
    assert prop.refusal is not None and not prop.commands


@pytest.mark.parametrize("text,want", [("open the blinds at 6 %", {"blinds-office": {"position": 6}}),
                                       ("get the aircon going at 22", {"hvac-office": {"power": True,
                                                                                       "setpoint": 22}})])
def test_at_n_with_a_unit_or_past_twelve_is_a_value(text, want):
    assert got(text) == want


def test_a_huge_paste_is_refused_before_any_reading():
    """A 1 MB paste was read clause by clause (90 s for 200 kB) before "too long": now refused first.
    Counted, not timed: the clause splitter must never see it."""
    from console.core.assistant import layers
    from console.core.assistant.layers import Assistant
    from console.core.fleet.catalog import load_fleet

    seen: list[int] = []
    real = layers.split_clauses
    layers.split_clauses = lambda text: seen.append(len(text)) or real(text)
    try:
        p = Assistant(load_fleet()).understand("turn on the desk lamp and " * 40_000)
    finally:
        layers.split_clauses = real
    assert p.refusal is not None and p.refusal.kind == "nothing_actionable" and "too long" in p.refusal.reason
    assert seen == [] and not p.commands
