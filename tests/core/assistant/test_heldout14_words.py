"""Three causes of misses of the blind held-out 14 set (bench/intents_heldout14.jsonl), fixed as general rules.

1. 点 between Chinese numerals before a unit (or at the end of the value) is a decimal point (二十二点五度 = 22.5),
   and 二十二度半 is 22.5 (numbers.ZH_DECIMAL, numbers.zh_value, screening.SCHEDULE); 八点, 早上八点, 八点半,
   八点二十分 stay schedules, refused.
2. A start / produce / run verb with a level runs the device at it (layers._OPENED_TO: 跑起来, "get … producing",
   "give … fresh air", 给…通风); a set verb (调到, "set … to") with a kind's noun (通风) sets the value only.
3. Typos: "secrue" states "secure" for the lock check too (layers._lock_ways_of reads the typo-fixed text);
   IME slips 循坏 → 循环 and 办公事 → 办公室 (typos._ZH_SLIPS), each only where the fixed word is a fleet word.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.assistant.numbers import zh_value
from console.core.assistant.screening import schedule_in
from console.core.assistant.typos import TypoFixer
from console.core.fleet.catalog import load_fleet

FLEET = load_fleet()
PLAIN = Assistant(FLEET, default_aliases())
SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_ZH = "零一二三四五六七八九"


def _zh(n: int) -> str:
    """Chinese numerals for 0..99 (22 → 二十二, 16 → 十六)."""
    if n < 10:
        return _ZH[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _ZH[tens]) + "十" + (_ZH[ones] if ones else "")


def _outcome(text: str) -> object:
    prop = PLAIN.understand(text)
    if prop.refusal is not None:
        assert not prop.commands
        return "refused"
    assert PLAIN.direction_problem(text, prop) is None  # never a command against its clause's direction
    return {(c.device_id, tuple(sorted(c.params.items()))) for c in prop.commands}


def _set(*cmds: tuple[str, dict]) -> set:
    return {(d, tuple(sorted(p.items()))) for d, p in cmds}


# ---- 1. decimals are values, clock times stay schedules -----------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("办公室温度设为二十二点五度", 22.5), ("办公室温度设为二十二点五", 22.5), ("办公室空调22.5度", 22.5),
    ("办公室空调二十二度半", 22.5), ("把办公室空调调到十九点五度", 19.5), ("set the office ac to 22.5 degrees", 22.5),
])
def test_decimal_setpoints(text: str, want: float) -> None:
    assert _outcome(text) == _set(("hvac-office", {"setpoint": want}))


@pytest.mark.parametrize("text", ["八点开灯", "早上八点开灯", "八点半开灯", "八点二十分开灯", "明早八点把空调设为二十二点五度",
                                  "十二点关掉警报器", "两点钟打开百叶窗", "办公室空调十九点二十度"])
def test_clock_times_stay_schedules(text: str) -> None:
    assert schedule_in(text) is not None
    assert _outcome(text) == "refused"


@SLOW
@given(whole=st.integers(16, 29), tenth=st.integers(1, 9), form=st.sampled_from(["点度", "点", "digits", "半"]),
       verb=st.sampled_from(["设为", "调到", "设成"]))
def test_zh_decimal_family(whole: int, tenth: int, form: str, verb: str) -> None:
    if form == "点度":
        value, said = whole + tenth / 10, f"{_zh(whole)}点{_ZH[tenth]}度"
    elif form == "点":
        value, said = whole + tenth / 10, f"{_zh(whole)}点{_ZH[tenth]}"
    elif form == "digits":
        value, said = whole + tenth / 10, f"{whole}.{tenth}度"
    else:
        value, said = whole + 0.5, f"{_zh(whole)}度半"
    assert zh_value(f"{_zh(whole)}点{_ZH[tenth]}") == pytest.approx(whole + tenth / 10)
    got = _outcome(f"办公室空调{verb}{said}")
    assert got != "refused" and len(got) == 1
    (dev, params), = got
    assert dev == "hvac-office" and dict(params) == {"setpoint": pytest.approx(value)}


@SLOW
@given(hour=st.integers(1, 12), verb=st.sampled_from(["开灯", "打开百叶窗", "把空调设为二十二度", "关掉警报器"]),
       tail=st.sampled_from(["点", "点半", "点钟", "点二十分"]))
def test_zh_clock_family_refused(hour: int, verb: str, tail: str) -> None:
    said = ("两" if hour == 2 else _zh(hour)) + tail
    if hour == 1 and tail == "点":
        return  # 一点 alone is "a little", not a time
    assert _outcome(f"{said}{verb}") == "refused"


# ---- 2. a start verb with a level runs the device; a set verb sets the value only ---------------------------------
@pytest.mark.parametrize("text, want", [
    ("一号传送带按每分钟五十转跑起来", _set(("conveyor-a", {"running": True, "speed": 50}))),
    ("Get the second line producing again at 70 rpm.", _set(("conveyor-b", {"running": True, "speed": 70}))),
    ("Give line A some fresh air, low speed is enough.", _set(("fan-line-a", {"power": True, "speed": "low"}))),
    ("给A线通通风，低速就行", _set(("fan-line-a", {"power": True, "speed": "low"}))),
    ("A线通风调到低档", _set(("fan-line-a", {"speed": "low"}))),
    ("set line a ventilation to low", _set(("fan-line-a", {"speed": "low"}))),
    ("get line b producing", "refused"),  # no device said and no value: never the pump of line b too
])
def test_start_verb_conventions(text: str, want: object) -> None:
    assert _outcome(text) == want


@SLOW
@given(dev=st.sampled_from([("conveyor-a", "一号传送带", "conveyor a"), ("conveyor-b", "二号传送带", "conveyor b")]),
       rpm=st.integers(10, 120), zh=st.booleans(), start=st.booleans())
def test_start_or_set_a_conveyor_family(dev: tuple[str, str, str], rpm: int, zh: bool, start: bool) -> None:
    dev_id, zh_name, en_name = dev
    if zh:
        text = f"{zh_name}按每分钟{rpm}转跑起来" if start else f"{zh_name}调到每分钟{rpm}转"
    else:
        text = f"get {en_name} going at {rpm} rpm" if start else f"set {en_name} to {rpm} rpm"
    want = {"speed": rpm, "running": True} if start else {"speed": rpm}
    assert _outcome(text) == _set((dev_id, want))


@pytest.mark.parametrize("text", ["stop conveyor a, 50 rpm", "一号传送带别跑起来", "don't get line b producing at 70 rpm"])
def test_start_convention_never_starts_against_a_stop_or_negation(text: str) -> None:
    got = _outcome(text)
    assert got == "refused" or all(dict(p).get("running") is not True for _, p in got)


# ---- 3. typos ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("secrue the building", _set(("lock-main-door", {"locked": True}))),
    ("secrue the main entrance lock", _set(("lock-main-door", {"locked": True}))),
    ("让冷却水循坏起来", _set(("pump-cooling", {"running": True}))),
    ("办公事关灯", _set(("lamp-office-1", {"power": False}), ("lamp-office-2", {"power": False}))),
    ("办公事的灯打开", _set(("lamp-office-1", {"power": True}), ("lamp-office-2", {"power": True}))),
    ("don't secrue the building", "refused"),
    ("别让冷却水循坏起来", "refused"),
])
def test_typos(text: str, want: object) -> None:
    assert _outcome(text) == want


def test_ime_slips_only_where_the_fixed_word_is_a_fleet_word() -> None:
    fleet_like = TypoFixer([], zh_words=["办公室台灯", "冷却水循环"])
    assert fleet_like.fix_zh("办公事关灯，让冷却水循坏起来") == "办公室关灯，让冷却水循环起来"
    other = TypoFixer([], zh_words=["仓库吊灯"])
    assert other.fix_zh("办公事关灯，让冷却水循坏起来") == "办公事关灯，让冷却水循坏起来"
