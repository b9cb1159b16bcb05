"""The blind held-out 18 set (bench/intents_heldout18.jsonl): the misses of this file fixed as classes of asks.

1. SAFETY: a delay or duration anywhere in the ask ("In ten minutes, halt product on line B" had run now) is a
   schedule and refused, whatever rule strips remarks, purposes or situations (delays.py; the gate of every layer
   reads it on the ask as typed). "for the night" stays a purpose; rates ("thirty litres a minute") stay values.
2. A work-order / ticket label ("WO-114: …", "#114 …", 工单114：…) is no value (labels.py).
3. A reason clause after the command ("…, need to read some drawings") is no part of the ask (asides.py).
4. A negated mode ("no cooling", 不要制冷) never sets that mode: after another mode it restates it, beside "turn off
   the ac" it is the reason, alone or against the same mode it is a refused negation (negated_modes.py).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.delays import delay_in
from console.core.assistant.labels import drop_labels
from console.core.assistant.negated_modes import rewrite_negated_modes
from tests.core.assistant.helpers import checked_commands as _got
from tests.core.assistant.helpers import refusal_kind as _refused


# -- 1. delays and durations: refused wherever they sit ------------------------------------------------------------
# (verb part, object part): "{verb} {object}" is a command the assistant carries out (checked below)
COMMANDS_EN = [("halt", "product on line B"), ("turn off", "the desk lamp"), ("close", "the steam valve"),
               ("stop", "conveyor b"), ("open", "the office blinds"), ("start", "the cooling pump"),
               ("switch on", "the warehouse floodlight"), ("sound", "the yard siren"), ("lock", "the main door"),
               ("set", "the office AC to 22 degrees")]
DELAYS_EN = ["in ten minutes", "in 10 min", "in half an hour", "after lunch", "later", "at 18:00", "in five mins",
             "in a couple of minutes", "in an hour", "within the next 15 minutes", "twenty minutes from now",
             "in a bit", "soon", "at six", "at half past five", "after the break", "in an hour and a half",
             "in twenty-five minutes", "later on", "in a few minutes"]
COMMANDS_ZH = [("停掉", "B线传送带"), ("关掉", "台灯"), ("关闭", "蒸汽阀"), ("打开", "办公室百叶窗"), ("启动", "冷却水泵"),
               ("打开", "仓库泛光灯"), ("锁上", "大门")]
DELAYS_ZH = ["十分钟后", "10分钟以后", "半小时以后", "过一会儿", "等会", "一个小时之后", "过十分钟", "晚点", "稍后",
             "半个钟头后", "五分钟之后", "待会儿", "下班后", "两小时后"]


@pytest.mark.parametrize("verb, obj", COMMANDS_EN)
def test_each_english_command_alone_is_carried_out(verb: str, obj: str) -> None:
    assert _got(f"{verb} {obj}")  # so that the refusals below are the delay's doing


@pytest.mark.parametrize("verb, obj", COMMANDS_ZH)
def test_each_chinese_command_alone_is_carried_out(verb: str, obj: str) -> None:
    assert _got(f"把{obj}{verb}" if verb != "打开" else f"{verb}{obj}")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cmd=st.sampled_from(COMMANDS_EN), delay=st.sampled_from(DELAYS_EN),
       where=st.sampled_from(["start", "start_comma", "end", "end_comma", "middle", "clause"]),
       polite=st.sampled_from(["", "please ", "could you "]))
def test_an_english_delay_anywhere_is_refused(cmd: tuple[str, str], delay: str, where: str, polite: str) -> None:
    verb, obj = cmd
    text = {"start": f"{delay} {polite}{verb} {obj}", "start_comma": f"{delay.capitalize()}, {polite}{verb} {obj}",
            "end": f"{polite}{verb} {obj} {delay}", "end_comma": f"{polite}{verb} {obj}, {delay}.",
            "middle": f"{polite}{verb}, {delay}, {obj}",
            "clause": f"{polite}{verb} {obj} {delay} and turn on the office ceiling light"}[where]
    _refused(text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cmd=st.sampled_from(COMMANDS_ZH), delay=st.sampled_from(DELAYS_ZH),
       where=st.sampled_from(["start", "end", "middle", "comma"]), polite=st.sampled_from(["", "请", "麻烦"]))
def test_a_chinese_delay_anywhere_is_refused(cmd: tuple[str, str], delay: str, where: str, polite: str) -> None:
    verb, obj = cmd
    text = {"start": f"{delay}{polite}把{obj}{verb}", "end": f"{polite}把{obj}{verb}，{delay}",
            "middle": f"{polite}把{obj}{delay}{verb}", "comma": f"{delay}，{polite}{verb}{obj}"}[where]
    _refused(text)


@pytest.mark.parametrize("text", [
    "In ten minutes, halt product on line B", "halt product on line B in ten minutes",
    "close the steam valve in half an hour",  # had opened it to 50 % ("half" read as the value)
    "in half an hour turn off the office lamps", "stop the cooling pump for ten minutes",
    "stop conveyor b for a minute", "stop the pump for half an hour", "run the fan at high for 20 minutes",
    "关掉台灯十分钟", "冷却水泵停半小时", "lock up for the night in ten minutes",
    "turn off the desk lamp, I'm leaving in ten minutes", "WO-114: in ten minutes, stop conveyor b",
    "stop conveyor b in ten minutes, need to clear a jam"])
def test_delays_and_durations_that_other_rules_could_strip_are_refused(text: str) -> None:
    assert _refused(text) == "unsupported"


@pytest.mark.parametrize("text, want", [
    ("lock up for the night", {"lock-main-door": {"locked": True}}),
    ("Secure the building for the night.", {"lock-main-door": {"locked": True}}),
    ("run the cooling pump at thirty litres a minute", {"pump-cooling": {"running": True, "flow": 30.0}}),
    ("冷却水泵流量调到每分钟三十升", {"pump-cooling": {"flow": 30.0}}),
    ("二号传送带以每分钟五十转运行", {"conveyor-b": {"running": True, "speed": 50.0}}),
    ("stop the second conveyor", {"conveyor-b": {"running": False}}),
    ("set the coolant to 20 liters per minute", {"pump-cooling": {"flow": 20.0}}),
])
def test_purposes_rates_and_ordinals_are_no_delay(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", ["thirty litres a minute", "每分钟三十升", "50转每分钟", "三十升每分钟",
                                  "the second line", "for the night", "as soon as possible", "halfway"])
def test_delay_in_ignores_rates_and_purposes(text: str) -> None:
    assert delay_in(text) is None


# -- 2. work-order and ticket labels --------------------------------------------------------------------------------
@pytest.mark.parametrize("label", ["WO-114: {c}", "WO 114 - {c}", "#114 {c}", "#114: {c}", "Ticket 52: {c}",
                                   "[JOB-7] {c}", "Work order 7 - {c}", "{c} (WO-114)", "{c}, per ticket 52",
                                   "ref #52: {c}"])
@pytest.mark.parametrize("cmd, want", [
    ("set the line A exhaust fan speed to medium", {"fan-line-a": {"speed": "medium"}}),
    ("close the steam valve", {"valve-steam": {"open": 0.0}}),
    ("open the office blinds to 40%", {"blinds-office": {"position": 40.0}}),
])
def test_a_work_order_label_is_no_value(label: str, cmd: str, want: dict) -> None:
    assert _got(label.format(c=cmd)) == want


@pytest.mark.parametrize("text, want", [
    ("工单114：把A线排风扇调到中速", {"fan-line-a": {"speed": "medium"}}),
    ("工单号：114，关闭蒸汽阀", {"valve-steam": {"open": 0.0}}),
    ("【工单 WO-114】关闭蒸汽阀", {"valve-steam": {"open": 0.0}}),
    ("把百叶窗开到百分之四十（工单号114）", {"blinds-office": {"position": 40.0}}),
])
def test_a_chinese_work_order_label_is_no_value(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", ["#2 conveyor off", "set the desk lamp to 114", "line-2: stop everything",
                                  "turn off the lamp at 5 pm", "把台灯调到114"])
def test_numbers_that_are_no_label_stay(text: str) -> None:
    assert drop_labels(text) == text


def test_a_label_keeps_a_real_out_of_range_value_refused() -> None:
    assert _refused("WO-114: set the desk lamp to 114") == "out_of_range"


# -- 3. a reason clause after the command ---------------------------------------------------------------------------
@pytest.mark.parametrize("reason", ["need to read some drawings", "have to check the wiring diagram",
                                    "want to see the whiteboard", "gotta read the meter", "going to read a manual",
                                    "really need to see the drawings"])
@pytest.mark.parametrize("cmd, want", [
    ("turn the desk lamp on at 80%", {"lamp-office-2": {"power": True, "level": 80.0}}),
    ("switch the ceiling light on", {"lamp-office-1": {"power": True}}),
    ("open the office blinds halfway", {"blinds-office": {"position": 50.0}}),
])
@pytest.mark.parametrize("sep", [", ", " - ", "; "])
def test_a_reason_after_the_command_is_no_part(cmd: str, want: dict, reason: str, sep: str) -> None:
    assert _got(f"{cmd}{sep}{reason}") == want


@pytest.mark.parametrize("text, want", [
    ("把台灯开到百分之八十，要看图纸", {"lamp-office-2": {"power": True, "level": 80.0}}),
    ("把台灯打开，得看图纸", {"lamp-office-2": {"power": True}}),
    ("打开办公室顶灯，需要看白板", {"lamp-office-1": {"power": True}}),
    ("把台灯开到80%，想看图纸", {"lamp-office-2": {"power": True, "level": 80.0}}),
])
def test_a_chinese_reason_after_the_command_is_no_part(text: str, want: dict) -> None:
    assert _got(text) == want


def test_a_reason_that_is_a_command_of_its_own_is_still_read() -> None:
    assert _got("turn the desk lamp on at 80%, need to set the AC to 22") == {
        "lamp-office-2": {"power": True, "level": 80.0}, "hvac-office": {"setpoint": 22.0}}


def test_a_reason_alone_is_no_command() -> None:
    _refused("need to read some drawings")


# -- 4. a negated mode never sets it ---------------------------------------------------------------------------------
@pytest.mark.parametrize("neg", ["no cooling", "not cooling", "without cooling", "no cooling please"])
@pytest.mark.parametrize("shape, mode", [("office AC: {m} mode only, {n}", None), ("set the office AC to {m}, {n}", None),
                                          ("office ac to {m} mode, {n}", None)])
@pytest.mark.parametrize("m", ["fan", "auto", "heat"])
def test_a_negated_mode_after_another_mode_restates_it(shape: str, mode: None, m: str, neg: str) -> None:
    assert _got(shape.format(m=m, n=neg)) == {"hvac-office": {"mode": m}}


@pytest.mark.parametrize("text, mode", [
    ("office AC: fan mode only, no heating", "fan"), ("set the office AC to auto, no heating please", "auto"),
    ("空调调成送风模式，不要制冷", "fan"), ("办公室空调只送风，不制冷", "fan"), ("办公室空调调成制热，不要制冷", "heat"),
    ("把空调设成自动模式，不需要制热", "auto"),
])
def test_negated_modes_in_both_languages(text: str, mode: str) -> None:
    assert _got(text) == {"hvac-office": {"mode": mode}}


@pytest.mark.parametrize("text", [
    "no need for cooling in the office, turn off the ac", "no need for heating, turn off the ac",
    "turn off the ac, no heating needed", "don't need cooling, switch the ac off", "we don't need heating, AC off",
    "no cooling in the office, switch the aircon off", "不需要制冷，把空调关掉", "办公室不需要制冷了，把空调关掉",
    "no more heating", "no more cooling in the office", "别再制冷了"])
def test_a_negated_mode_beside_switching_off_is_the_reason(text: str) -> None:
    assert _got(text) == {"hvac-office": {"power": False}}


@pytest.mark.parametrize("text", [
    "no cooling in the office", "no heating", "office AC: cool mode, no cooling", "turn on the AC, no cooling",
    "no need for heating, open the blinds", "空调开到制冷，不要制冷", "don't cool the office", "不要开空调"])
def test_a_negated_mode_that_is_the_ask_stays_refused(text: str) -> None:
    _refused(text)


def test_the_rewrite_keeps_the_place_and_leaves_other_things_alone() -> None:
    assert rewrite_negated_modes("no need for cooling in the office, turn off the ac") == "in the office, turn off the ac"
    assert rewrite_negated_modes("stop the cooling pump, no cooling water") == "stop the cooling pump, no cooling water"
    assert rewrite_negated_modes("turn on the cooling pump") == "turn on the cooling pump"
