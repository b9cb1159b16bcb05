"""The blind held-out 18 set (bench/intents_heldout18.jsonl), Chinese misses fixed as classes of asks.

1. 恢复生产 / 恢复运行 / 复产 (resume production) start what produces or runs (resume_zh.py); a bare 恢复 is no switch.
2. A clause that is only a set verb and a value (开到百分之三十, 设定二十六度) binds to the clause before it
   (value_clauses_zh.py); 设定 / 设置 + a value is a value slot (lexicon.py); 转起来 / 循环起来 run a pump.
3. A siren verb with a pattern (用wail模式响起来, 以脉冲方式鸣响) or after a purpose that opens the ask
   (提醒院子里的大家注意，…响起来) is the siren (siren_purpose_zh.py).
Every proposal also passes the per-clause direction check.
"""

from __future__ import annotations

import pytest

from console.core.assistant.resume_zh import resume_zh
from console.core.assistant.siren_purpose_zh import siren_after_purpose
from console.core.assistant.value_clauses_zh import bind_value_clauses_zh
from tests.core.assistant.helpers import checked_commands as _got
from tests.core.assistant.helpers import refusal_kind as _refused


# -- 1. resume production / running ---------------------------------------------------------------------------------
@pytest.mark.parametrize("line, conveyor", [("B线", "conveyor-b"), ("二号线", "conveyor-b"), ("A线", "conveyor-a"),
                                            ("一号线", "conveyor-a")])
@pytest.mark.parametrize("shape", ["{l}恢复生产", "恢复{l}生产", "恢复{l}的生产", "{l}复产", "请{l}恢复生产吧"])
def test_resume_production_starts_the_lines_conveyor(shape: str, line: str, conveyor: str) -> None:
    assert _got(shape.format(l=line)) == {conveyor: {"running": True}}


@pytest.mark.parametrize("text", ["resume production on line B", "B线恢复生产"])
def test_resume_production_in_both_languages(text: str) -> None:
    assert _got(text) == {"conveyor-b": {"running": True}}


@pytest.mark.parametrize("text, want", [
    ("冷却泵恢复运行", {"pump-cooling": {"running": True}}),
    ("B线传送带恢复运转", {"conveyor-b": {"running": True}}),
    ("冷却泵转起来", {"pump-cooling": {"running": True}}),
    ("冷却泵循环起来", {"pump-cooling": {"running": True}}),
    ("冷却水转起来", {"pump-cooling": {"running": True}}),
])
def test_resume_and_running_words_start_a_named_device(text: str, want: dict) -> None:
    assert _got(text) == want


def test_a_bare_resume_is_no_switch() -> None:
    assert resume_zh("恢复办公室空调的默认设置") == "恢复办公室空调的默认设置"
    assert _refused("恢复办公室空调的默认设置")  # never "AC on"


@pytest.mark.parametrize("text", ["不要恢复B线生产", "如果温度正常就恢复B线生产", "明天早上恢复B线生产", "B线恢复生产了吗"])
def test_resume_keeps_the_refusals(text: str) -> None:
    assert _refused(text)


def test_stopping_the_circulation_is_down() -> None:
    assert _got("停止冷却泵循环") == {"pump-cooling": {"running": False}}


# -- 2. a value-only clause binds to the clause before it ------------------------------------------------------------
@pytest.mark.parametrize("verb", ["设定", "设置", "设为", "调到", "设成"])
@pytest.mark.parametrize("on", ["打开", "启动", "开启"])
@pytest.mark.parametrize("value", [("二十六度", 26.0), ("24度", 24.0), ("二十二度", 22.0)])
def test_a_set_clause_after_switching_the_ac_on_is_its_setpoint(verb: str, on: str, value: tuple) -> None:
    words, want = value
    assert _got(f"{on}办公室空调，{verb}{words}") == {"hvac-office": {"power": True, "setpoint": want}}


@pytest.mark.parametrize("text, want", [
    ("让蒸汽通过，开到百分之三十，同时冷却水循环起来",
     {"valve-steam": {"open": 30.0}, "pump-cooling": {"running": True}}),
    ("冷却水循环起来，同时让蒸汽通过，开到百分之三十",
     {"valve-steam": {"open": 30.0}, "pump-cooling": {"running": True}}),
    ("打开蒸汽阀，开到三成，冷却泵启动", {"valve-steam": {"open": 30.0}, "pump-cooling": {"running": True}}),
    ("冷却泵启动，调到每分钟三十升，蒸汽阀关掉", {"pump-cooling": {"running": True, "flow": 30.0},
                                        "valve-steam": {"open": 0.0}}),
    ("B线传送带启动，设定30转每分钟", {"conveyor-b": {"running": True, "speed": 30.0}}),
    ("办公室百叶窗拉开，开到一半", {"blinds-office": {"position": 50.0}}),
    ("办公室台灯打开，设置亮度百分之四十", {"lamp-office-2": {"power": True, "level": 40.0}}),
])
def test_a_value_clause_binds_to_the_device_before_it(text: str, want: dict) -> None:
    assert _got(text) == want


def test_the_binding_is_only_of_value_only_clauses() -> None:
    assert bind_value_clauses_zh("让蒸汽通过，开到百分之三十，同时冷却水循环起来") == "让蒸汽通过开到百分之三十，同时冷却水循环起来"
    assert bind_value_clauses_zh("开到百分之三十，让蒸汽通过") == "开到百分之三十，让蒸汽通过"  # nothing before it
    assert bind_value_clauses_zh("打开台灯，关掉顶灯") == "打开台灯，关掉顶灯"
    assert bind_value_clauses_zh("open the valve, to 30%") == "open the valve, to 30%"


@pytest.mark.parametrize("text", ["打开办公室空调，设定四十五度",  # out of range: refused, never clamped
                                  "打开仓库大灯，调到百分之四十",  # the floodlight has no dimmer
                                  "设定二十六度"])  # no device at all
def test_a_value_clause_keeps_the_refusals(text: str) -> None:
    assert _refused(text)


# -- 3. the siren with a pattern, or after a purpose -------------------------------------------------------------
@pytest.mark.parametrize("pattern, words", [("wail", "wail"), ("pulse", "脉冲"), ("steady", "steady"),
                                            ("pulse", "pulse")])
@pytest.mark.parametrize("shape", ["提醒院子里的大家注意，用{w}模式响起来", "用{w}模式响起来",
                                   "以{w}方式鸣响", "通知院子里的人，用{w}模式响一下",
                                   "用{w}模式响起来，提醒院子里的大家注意"])
def test_a_siren_verb_with_a_pattern_sounds_the_siren(shape: str, pattern: str, words: str) -> None:
    assert _got(shape.format(w=words)) == {"siren-yard": {"active": True, "pattern": pattern}}


@pytest.mark.parametrize("text", ["提醒院子里的大家注意，响起来", "通知院子里的人，响起来"])
def test_a_purpose_first_then_the_bare_verb_sounds_the_siren(text: str) -> None:
    assert _got(text) == {"siren-yard": {"active": True}}


def test_the_siren_rewrite_leaves_other_asks_alone() -> None:
    assert siren_after_purpose("用制冷模式运行办公室空调") == "用制冷模式运行办公室空调"
    assert siren_after_purpose("警报器用wail模式响起来") == "警报器用wail模式响起来"  # its own siren word
    assert _got("用制冷模式运行办公室空调") == {"hvac-office": {"mode": "cool"}}


@pytest.mark.parametrize("text", ["不要用wail模式响起来", "如果有人闯入就用wail模式响起来", "今晚八点用脉冲模式响起来"])
def test_the_siren_keeps_the_refusals(text: str) -> None:
    assert _refused(text)
