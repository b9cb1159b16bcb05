"""Session 11 (blind set 64: a crew in Taiwan and Hong Kong typing Traditional Chinese).

Safety first: Cantonese negations (唔好 唔使 咪 唔准 冇 唔 …) are refused exactly as 不要 / 别 are (唔好停A線輸送帶 had
STOPPED conveyor A), and so are the Mandarin ones the guard did not list (不开台灯, 不能解锁大门, 没开台灯:
negated_verbs_zh.py).  Then the vocabulary: every Traditional / HK / TW variant character with one simplified reading
(traditional_zh.py, from OpenCC's data; 冷卻水, 捲簾, 謝謝), 冷氣 as the AC in Traditional script (ac_word_trad.py),
四分一 as a quarter and the Cantonese particles (cantonese_zh.py), 卷帘 as a cover kind word."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.assistant.ac_word_trad import ac_word
from console.core.assistant.cantonese_zh import mandarin
from console.core.assistant.negated_verbs_zh import negated_verb_zh
from console.core.assistant.phrases import normalize
from console.core.assistant.traditional_zh import PAIRS
from console.core.assistant.variants import simplify
from tests.core.assistant.helpers import ASSISTANT, refused, understood

# (command said plainly, in Traditional script; its device; the command with the negation placed before the verb)
COMMANDS = [
    ("停A線輸送帶", "conveyor-a"),
    ("開蒸汽閥", "valve-steam"),
    ("關檯燈", "lamp-office-2"),
    ("解鎖大門", "lock-main-door"),
    ("鎖上大門", "lock-main-door"),
    ("啟動冷卻水泵", "pump-cooling"),
    ("關排風扇", "fan-line-a"),
    ("開B線輸送帶", "conveyor-b"),
    ("開冷氣", "hvac-office"),
    ("把探照燈打開", "lamp-warehouse"),
]
CANTONESE_NOT = ["唔好", "唔使", "唔駛", "唔洗", "咪", "唔准", "唔準", "唔要", "唔可以", "唔", "冇", "千祈唔好", "你唔好",
                 "唔需要"]
MANDARIN_NOT = ["不", "不能", "不可以", "不应该", "不该", "没", "没有", "没有需要", "不要", "别"]


@pytest.mark.parametrize("plain, device", COMMANDS)
def test_plain_commands_work(plain, device):
    """The commands the negations below negate are actionable on their own (else refusing them proves nothing)."""
    assert set(understood(plain)) == {device}
    if "冷氣" not in plain:  # 开冷气 in Simplified script is the cool mode, no unit named (ac_word_trad.py)
        assert set(understood(simplify(plain))) == {device}


@pytest.mark.parametrize("neg", CANTONESE_NOT + MANDARIN_NOT)
@pytest.mark.parametrize("plain, device", COMMANDS)
def test_negated_commands_refused(neg, plain, device):
    assert refused(neg + plain), neg + plain
    assert refused(simplify(neg + plain)), simplify(neg + plain)


@settings(max_examples=150, deadline=None)
@given(neg=st.sampled_from(CANTONESE_NOT + MANDARIN_NOT), cmd=st.sampled_from(COMMANDS),
       lead=st.sampled_from(["", "喂，", "今日", "麻煩你", "阿明，"]), tail=st.sampled_from(["", "啊", "喇", "！", "，唔該"]))
def test_negated_commands_refused_in_context(neg, cmd, lead, tail):
    """A negation before the verb is refused whatever politeness or particle is around it."""
    text = lead + neg + cmd[0] + tail
    assert refused(text), text


@pytest.mark.parametrize("text", [
    "唔好停A線輸送帶",  # blind set 64: STOPPED conveyor A
    "A線輸送帶唔好停",  # the device first
    "唔准開大門鎖",  # had locked the door
    "唔好開蒸汽閥",  # had opened the valve
    "咪住，唔好熄燈",
    "蒸汽閥咪開住",
    "唔使開冷氣，好涼",
    "冇需要開泵",
])
def test_cantonese_harms_refused(text):
    assert refused(text)


# -- nearby asks keep their meaning --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("唔該開檯燈", {"lamp-office-2": {"power": True}}),  # 唔该: please, no negation
    ("開檯燈，唔該", {"lamp-office-2": {"power": True}}),  # … thanks
    ("唔好意思，開檯燈", {"lamp-office-2": {"power": True}}),  # excuse me
    ("光线太刺眼了能不能挡住", {"blinds-office": {"position": 0.0}}),  # 能不能: a request
    ("台灯关不掉，快关", {"lamp-office-2": {"power": False}}),  # 关不掉: won't switch off
    ("院子里呜呜叫个不停，关掉", {"siren-yard": {"active": False}}),  # 叫个不停: keeps on
    ("把A线传送带停了", {"conveyor-a": {"running": False}}),
    ("停A線輸送帶", {"conveyor-a": {"running": False}}),
])
def test_nearby_asks_keep_meaning(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", ["冷氣開大啲", "台灯调暗啲", "檯燈光啲"])
def test_cantonese_relative_refused(text):
    """大啲 / 暗啲 is "a bit more": a relative change, refused as 大一点 is."""
    assert refused(text)


@pytest.mark.parametrize("text, want", [
    ("唔好停", "不要停"), ("唔使开", "不用开"), ("咪关灯", "别关灯"), ("唔准开门", "不准开门"), ("冇开灯", "没有开灯"),
    ("唔开灯", "不开灯"), ("唔该帮我开灯", "请帮我开灯"), ("开灯，唔该", "开灯，谢谢"), ("唔好意思", "不好意思"),
    ("阀门开到四分一", "阀门开到四分之一"), ("开到三分二", "开到三分之二"),
    ("十四分一", "十四分一"), ("三分一秒", "三分一秒"),  # part of a number, a time
    ("咪系a线", "咪系a线"), ("笑咪咪", "笑咪咪"),  # "isn't it", a smile: no negation
    ("开大啲", "开大一点"), ("开咗", "开了"), ("佢哋喺度", "他们在度"),
])
def test_mandarin_reading(text, want):
    assert mandarin(text) == want


@pytest.mark.parametrize("text, hit", [
    ("不开台灯", "不开"), ("不能解锁大门", "不能解"), ("没开台灯", "没开"), ("没有需要开泵", "没有需要开"),
    ("能不能挡住", None), ("台灯关不掉", None), ("叫个不停", None), ("不停地响", None), ("大门锁了没有", None),
    ("没有人", None), ("开不开", None),
])
def test_negated_verb(text, hit):
    got = negated_verb_zh(text)
    assert (got is None) if hit is None else (got is not None and got.startswith(hit))


# -- the vocabulary: Traditional characters, 冷氣, 卷帘 ------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("唔該幫我開冷氣", {"hvac-office": {"power": True}}),
    ("冷氣溫度調到24度", {"hvac-office": {"setpoint": 24.0}}),  # had also set cool mode
    ("冷氣轉成送風模式就好", {"hvac-office": {"mode": "fan"}}),
    ("開冷氣，cool mode，26度", {"hvac-office": {"power": True, "mode": "cool", "setpoint": 26.0}}),
    ("檯燈開一下，謝謝", {"lamp-office-2": {"power": True}}),
    ("冷卻水泵啟動", {"pump-cooling": {"running": True}}),
    ("閥門開到四分一", {"valve-steam": {"open": 25.0}}),
    ("捲簾拉到70%", {"blinds-office": {"position": 70.0}}),
    ("麻煩 desk lamp 調到 80%", {"lamp-office-2": {"level": 80.0}}),
    ("冷卻水停掉", {"pump-cooling": {"running": False}}),
    ("冷卻水流量調到20", {"pump-cooling": {"flow": 20.0}}),
    ("麻煩把蒸氣全開", {"valve-steam": {"open": 100.0}}),
    ("冷卻水流量開到最大", {"pump-cooling": {"running": True, "flow": 50.0}}),
    ("輸送帶B速度調到90 rpm", {"conveyor-b": {"speed": 90.0}}),  # 输送带B beside 传送带B (demo-aliases.json)
    # the Simplified (mainland) 冷气 keeps its cool-mode reading of the earlier sets
    ("办公室开冷气，二十五度", {"hvac-office": {"power": True, "mode": "cool", "setpoint": 25.0}}),
    ("把冷氣關掉", {"hvac-office": {"power": False}}),
])
def test_set64_words(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text, want", [
    ("開冷氣", "開空調"), ("冷氣機關掉", "空調關掉"), ("冷氣溫度", "空調溫度"),
    ("冷氣模式", "冷氣模式"), ("吹冷氣太久", "吹冷氣太久"), ("空調開冷氣", "空調開冷氣"), ("开冷气", "开冷气"),
])
def test_ac_word(text, want):
    assert ac_word(text) == want


def test_traditional_table_is_one_reading():
    pairs = {PAIRS[i]: PAIRS[i + 1] for i in range(0, len(PAIRS), 2)}
    assert len(PAIRS) % 2 == 0 and len(pairs) > 2000

    def gb(c):
        try:
            c.encode("gb2312")
            return True
        except UnicodeEncodeError:
            return False
    assert not [k for k in pairs if gb(k)]  # never a character simplified text uses (乾 著 於 stay)
    assert all(gb(v) for v in pairs.values())
    assert not set(pairs) & set(pairs.values())


@pytest.mark.parametrize("text, want", [
    ("冷卻水", "冷却水"), ("捲簾", "卷帘"), ("謝謝", "谢谢"), ("麻煩", "麻烦"), ("衞生間", "卫生间"),
    ("帯気関転伝窓", "带气关转传窗"),  # the Japanese forms of the hand table
    ("乾燥", "乾燥"), ("著名", "著名"), ("后门", "后门"),  # simplified text: unchanged
])
def test_simplify(text, want):
    assert simplify(text) == want


def test_normalize_reads_cantonese_negation():
    assert "不要停" in normalize("唔好停A線輸送帶")
    assert ASSISTANT.understand("唔好停A線輸送帶").commands == ()
