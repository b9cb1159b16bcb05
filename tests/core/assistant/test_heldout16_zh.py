"""The misses of the blind held-out 16 set assigned to this round (bench/intents_heldout16.jsonl), fixed as classes.

Most serious first: 等办公室没人了就把灯关掉 ("once the office is empty, turn the lights off") was carried out now.
Conditional and deferring words (等…了就…, 等…以后, 一…就…, 到时候, 待…后, …的话, "once", "as soon as", "the moment
…") are refused wherever they appear, by the assistant and by the rules alone (conditions.py); greetings,
situation clauses, 就行 and 等 as a slip for 灯 stay accepted.  Then variant characters (帯/帶 → 带, 線 → 线 …:
variants.py; 把B线传送帯停了 had stopped the pump too), and 全开 on a switched device with no opening ("all on":
办公室的灯全开 → the lamps on, a valve's 全开 stays 100 %).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.conditions import condition_in
from console.core.assistant.layers import Assistant
from console.core.assistant.parser import IntentParser
from console.core.assistant.phrases import normalize
from console.core.assistant.variants import simplify
from console.core.fleet.catalog import load_fleet
from tests.core.assistant.helpers import proposed as got
from tests.core.assistant.helpers import refused

FLEET = load_fleet()
DEMO = Assistant(FLEET, default_aliases())
RULES = IntentParser(FLEET, default_aliases())



# -- 1. conditions and deferrals are refused wherever they appear ---------------------------------------------
ZH_COMMANDS = ["把灯关掉", "把办公室的灯关掉", "关闭蒸汽阀", "停止传送带B", "打开百叶窗", "锁上大门", "启动冷却水泵",
               "把空调设为22度", "打开探照灯", "排风扇开到高档"]
ZH_CONDITIONS = [  # (prefix, suffix) around a command
    ("等办公室没人了就", ""), ("等大家走了就", ""), ("等温度降下来以后", ""), ("等到下班", ""), ("等他们走了再", ""),
    ("一有人进来就", ""), ("一下班就", ""), ("人一走就", ""), ("待人走后", ""), ("待温度降下来后", ""),
    ("到时候", ""), ("回头", ""), ("待会儿", ""), ("一旦有烟，", ""), ("只要没人，就", ""), ("没人的话，", ""),
    ("", "，等大家下班了再说"), ("", "，到时候再说"), ("人走了就", ""), ("仓库没人时就", ""),
]
EN_COMMANDS = ["turn off the lights", "switch off the office lights", "close the steam valve", "stop conveyor b",
               "open the blinds", "lock the main door", "start the cooling pump", "set the ac to 22",
               "turn on the floodlight", "exhaust fan on high"]
EN_CONDITIONS = [
    ("once the office is empty, ", ""), ("as soon as everyone leaves, ", ""), ("soon as the crew is out ", ""),
    ("the moment the line stops, ", ""), ("by the time we get back, ", ""), ("in case it gets smoky, ", ""),
    ("provided nobody is inside, ", ""), ("as long as the yard is clear, ", ""), ("", " once everyone has left"),
    ("", " as soon as the shift ends"), ("", " the moment everyone leaves"), ("", " in a bit"),
    ("", " in a while"), ("", " till the crew is back"), ("when the office is empty then ", ""),
    ("", " whenever it gets dark"),
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lang=st.sampled_from(["en", "zh"]), data=st.data())
def test_any_command_under_a_condition_is_refused(lang, data):
    """Every command of several kinds, under every condition/deferral in either language, is refused, and by the
    rules alone too (never handed to a later layer)."""
    cmd = data.draw(st.sampled_from(ZH_COMMANDS if lang == "zh" else EN_COMMANDS))
    pre, post = data.draw(st.sampled_from(ZH_CONDITIONS if lang == "zh" else EN_CONDITIONS))
    text = f"{pre}{cmd}{post}"
    assert refused(text), (text, DEMO.understand(text).commands)
    assert RULES.parse(text).refusal is not None, text


@pytest.mark.parametrize("text", ["等办公室没人了就把灯关掉", "等办公室没人了就把灯關掉", "一没人就把燈关了",
                                  "As soon as the office is empty, turn off the lights."])
def test_the_heldout_condition_and_its_variants_are_refused(text):
    assert refused(text)
    reason = DEMO.understand(text).refusal.reason
    assert "现在" in reason or "now" in reason  # says what to do: ask for what should happen now


@pytest.mark.parametrize("text, want", [
    ("把仓库的等关掉。", {"lamp-warehouse": {"power": False}}),  # 等: a slip for 灯, not "once"
    ("让阳光照进办公室，开一半就行", {"blinds-office": {"position": 50}}),  # 就行: "that's enough"
    ("空调切到送风模式就行", {"hvac-office": {"mode": "fan"}}),
    ("大家好，把办公室的灯打开", {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
    ("我们下班了，把大门锁上", {"lock-main-door": {"locked": True}}),
    ("一线排风开高档", {"fan-line-a": {"power": True, "speed": "high"}}),  # 一线: an ordinal, not 一…就
    ("把一号线的排风扇打开", {"fan-line-a": {"power": True}}),
    ("lock up the premises, we're heading out", {"lock-main-door": {"locked": True}}),
    ("hi there, turn on the floodlight please", {"lamp-warehouse": {"power": True}}),
    ("stop the second conveyor", {"conveyor-b": {"running": False}}),  # "second": an ordinal, not "the second …"
])
def test_greetings_situations_and_look_alikes_stay_accepted(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text", ["把仓库的等关掉", "开一半就行", "一线排风开高档", "一号线", "一下", "待机",
                                  "stop the second conveyor", "先把灯关了再锁门", "关掉空调，同时再把灯关了",
                                  "把阀门关了就好", "start the pump"])
def test_condition_in_leaves_look_alikes_alone(text):
    assert condition_in(normalize(text)) is None


# -- 2. variant characters read as simplified ---------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("把B线传送帯停了", {"conveyor-b": {"running": False}}),  # 帯: the Japanese form (held-out 16 line 66)
    ("把B線傳送帶停了", {"conveyor-b": {"running": False}}),  # traditional
    ("把B线传送帶停了", {"conveyor-b": {"running": False}}),
    ("打開辦公室的燈", {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
    ("關閉蒸汽閥", {"valve-steam": {"open": 0}}),
    ("把A線排風扇開到高檔", {"fan-line-a": {"power": True, "speed": "high"}}),
    ("鎖上大門", {"lock-main-door": {"locked": True}}),
    ("把蒸気閥関上", {"valve-steam": {"open": 0}}),  # Japanese 気 関
])
def test_variant_characters_read_as_their_simplified_forms(text, want):
    assert got(text) == want


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="帯帶線綫門燈閥氣気開關関調風傳伝転轉窓簾鎖報響abc 12，", max_size=20))
def test_simplify_leaves_no_variant_and_keeps_length(text):
    out = simplify(text)
    assert len(out) == len(text)  # one character for one: match positions stay valid
    assert not set(out) & set("帯帶線綫門燈閥氣気開關関調風傳伝転轉窓簾鎖報響")


def test_simplify_keeps_simplified_and_ascii_text():
    for text in ["把B线传送带停了", "open the valve", "", "办公室空调设为22度"]:
        assert simplify(text) == text


# -- 3. 全开: "all on" on a switched device, fully open on an opening ---------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("办公室的灯全开", {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
    ("台灯全开", {"lamp-office-2": {"power": True}}),
    ("泛光灯全开", {"lamp-warehouse": {"power": True}}),
    ("办公室的燈全開", {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
    ("蒸汽阀全开", {"valve-steam": {"open": 100}}),  # an opening: 100 % (earlier sets pin it)
    ("百叶窗全开", {"blinds-office": {"position": 100}}),
    ("让蒸汽通过，全开", {"valve-steam": {"open": 100}}),
    ("办公室的灯全关", {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}}),
])
def test_all_open_is_on_for_a_switch_and_fully_open_for_an_opening(text, want):
    assert got(text) == want


# -- 4. a "which one?" clause with its own value is never resolved by another clause's device -----------------------
@pytest.mark.parametrize("text", [
    "dim the lamp to 40% and switch off the desk lamp", "switch off the desk lamp and dim the lamp to 40%",
    "set the lamp to 30% and turn on the desk lamp", "把灯调到40%，关掉台灯", "关掉台灯，把灯调到百分之四十",
    "把灯调到百分之三十，同时打开台灯",
])
def test_an_unresolved_lamp_clause_makes_the_ask_a_question(text):
    prop = DEMO.understand(text)  # no model loaded: the question, never the desk lamp at 40 % and off
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)
    assert prop.refusal.kind == "ambiguous"
    assert ("Which one" in prop.refusal.reason) or ("哪一个" in prop.refusal.reason)


@pytest.mark.parametrize("text, want", [
    ("dim the ceiling lamp to 40% and switch off the desk lamp",
     {"lamp-office-1": {"level": 40}, "lamp-office-2": {"power": False}}),
    ("办公室顶灯调到百分之五十，台灯关掉", {"lamp-office-1": {"level": 50}, "lamp-office-2": {"power": False}}),
])
def test_named_lamps_in_two_clauses_each_keep_their_own_change(text, want):
    assert got(text) == want


# -- 5. the top (or bottom) of an ordered setting ---------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("change the line a ventilation to top speed", {"fan-line-a": {"speed": "high", "power": True}}),  # session 11b: the top after a set verb runs the device (31 of 37 blind asks, /tmp/full_convention.txt)
    ("set the fan to the top speed", {"fan-line-a": {"speed": "high", "power": True}}),
    ("exhaust fan to the highest setting", {"fan-line-a": {"speed": "high"}}),
    ("set the exhaust fan to the lowest speed", {"fan-line-a": {"speed": "low"}}),
    ("A线排风扇调到最低档", {"fan-line-a": {"speed": "low"}}),
    ("一号线的排风调到最高档", {"fan-line-a": {"speed": "high", "power": True}}),
    ("run conveyor a at top speed", {"conveyor-a": {"running": True, "speed": 120}}),
    ("full blast on the line a fan", {"fan-line-a": {"power": True, "speed": "high"}}),
    ("full blast on the exhaust", {"fan-line-a": {"power": True, "speed": "high"}}),
])
def test_top_and_bottom_of_a_setting(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text", ["close the steam valve to the top speed", "turn off the exhaust fan, top speed"])
def test_top_speed_never_goes_against_a_down_word(text):
    prop = DEMO.understand(text)
    for c in prop.commands:  # refused, or nothing raised under a "down" word
        assert c.params.get("power") is not True and c.params.get("open") != 100, (text, prop.commands)
