"""Session 8 (final): a word with 别 that is no "don't" (特别暗, 区别, 告别: bie_words.py), a trailing can't-reason
about people ("…, the packers can't keep up": cant_reasons.py), a lone unknown Chinese noun after a command
(打开台灯，香蕉: bare_nouns_zh.py) and an item that cannot take the verb (lock … the blinds) refused, never dropped.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.bie_words import mask
from console.core.assistant.cant_reasons import drop_cant_reason
from tests.core.assistant.helpers import refused
from tests.core.assistant.helpers import understood as got

LAMP_ON = {"lamp-warehouse": {"power": True}}


# -- 1. 别 inside a word is no negation ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("仓库特别暗，开灯", LAMP_ON),
    ("仓库特别暗，打开仓库的灯", LAMP_ON),
    ("特别热，开空调", {"hvac-office": {"power": True}}),
    ("院子特别吵，关掉警报", {"siren-yard": {"active": False}}),
    ("分别打开台灯和吊灯", {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
])
def test_bie_inside_a_word_is_no_negation(text: str, want: dict) -> None:
    assert got(text) == want


@pytest.mark.parametrize("text", [
    "别开灯", "先别动", "千万别开灯", "别关警报", "仓库特别暗，别开灯", "特别暗，千万别开灯",
    # the same characters where 别 can start an imperative after a noun
    "这部分别动", "小区别开灯", "模特别动",
])
def test_imperative_bie_stays_a_negation(text: str) -> None:
    assert refused(text)


@given(word=st.sampled_from(["特别", "区别", "告别", "级别", "类别", "识别", "差别"]),
       pre=st.sampled_from(["", "仓库", "今天"]), post=st.sampled_from(["", "大", "暗"]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mask_blanks_only_the_word(word: str, pre: str, post: str) -> None:
    text = pre + word + post + "，别开灯"
    out = mask(text)
    assert len(out) == len(text) and "别开灯" in out and word not in out


# -- 2. a can't-reason about people ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Slow the line A conveyor down to 45 rpm, the packers can't keep up.", {"conveyor-a": {"speed": 45.0}}),
    ("set conveyor a to 45 rpm because the packers cannot cope", {"conveyor-a": {"speed": 45.0}}),
    ("set conveyor a to 45 rpm; the workers couldn't keep pace", {"conveyor-a": {"speed": 45.0}}),
])
def test_cant_reason_about_people_is_a_reason(text: str, want: dict) -> None:
    assert got(text) == want


@pytest.mark.parametrize("text", [
    "I can't have the lamp on",
    "switch the lamp on, the lamp can't be off",
    "stop conveyor a, you can't keep it running",
    "set conveyor a to 45 rpm, the pump can't keep up",
    "set conveyor a to 45 rpm, we can't let it run",
    "set conveyor a to 45 rpm, the packers can't stop it",
])
def test_cant_with_a_device_or_verb_stays_refused(text: str) -> None:
    assert refused(text)


def test_cant_you_is_left_alone() -> None:
    assert drop_cant_reason("can't you stop the conveyor?") == "can't you stop the conveyor?"
    assert drop_cant_reason("stop conveyor a, can't you") == "stop conveyor a, can't you"
    assert drop_cant_reason("stop conveyor a, the crew can't keep up") == "stop conveyor a"


# -- 3. a part that cannot be done is refused, not dropped ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "lock the main door and the blinds and stop conveyor a",
    "打开台灯，香蕉",
    "打开台灯，苹果",
    "香蕉，打开台灯",
    "关掉吊灯，西瓜",
])
def test_unreadable_part_refuses_the_whole_ask(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize("text, want", [
    ("打开台灯，准备清洁", {"lamp-office-2": {"power": True}}),
    ("打开台灯，谢谢", {"lamp-office-2": {"power": True}}),
    ("打开台灯，辛苦了", {"lamp-office-2": {"power": True}}),
    ("打开台灯，天黑了", {"lamp-office-2": {"power": True}}),
    ("打开台灯，开会", {"lamp-office-2": {"power": True}}),
    ("打开风扇，排一下风", {"fan-line-a": {"power": True}}),
    ("打开台灯，大家", {"lamp-office-2": {"power": True}}),
])
def test_reasons_and_politeness_keep_working(text: str, want: dict) -> None:
    assert got(text) == want
