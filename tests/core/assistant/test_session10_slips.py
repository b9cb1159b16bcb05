"""Session 10: over-refusals mended as classes (world_reasons_zh, verb_slips_zh, tail_extras, loose_words_en,
described_it, bare_both, zone_lists' singular head): the asks that must now work, nearby asks that keep their old
meaning, and the harmful variants that stay refused."""

from __future__ import annotations

import pytest

from console.core.assistant.bare_both import only_both
from console.core.assistant.world_reasons_zh import event_reason
from tests.core.assistant.helpers import ASSISTANT, proposed, refused, understood

SIREN_ON = {"siren-yard": {"active": True}}
SIREN_OFF = {"siren-yard": {"active": False}}
BLINDS_SHUT = {"blinds-office": {"position": 0}}
FAN_OFF = {"fan-line-a": {"power": False}}
LOCKED = {"lock-main-door": {"locked": True}}
BOTH_STOP = {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}


# -- a drill, glare on a screen: Chinese reasons ------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("启动警报器，演习开始", SIREN_ON),
    ("提醒大家，消防演习开始了", SIREN_ON),
    ("把警报器打开，疏散演练开始了", SIREN_ON),
    ("警报器响起来，应急演练现在开始", SIREN_ON),
    ("关掉警报器，演习结束了", SIREN_OFF),
    ("百叶窗帮忙关上，屏幕反光", BLINDS_SHUT),
    ("把百叶窗关上，显示器反光", BLINDS_SHUT),
])
def test_event_reasons_zh(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "演习开始，把警报器关了",  # a drill starting never silences the siren
    "关掉警报器，消防演习开始了",
    "把百叶窗打开，屏幕反光",  # glare never opens the blinds
    "把灯打开，演习开始",  # the reason is about the siren: nothing of it asked
    "演习开始",  # a reason alone does nothing
    "屏幕反光",
    "明天演习开始，启动警报器",  # a schedule stays refused
    "别启动警报器，演习开始",  # a negation stays refused
])
def test_event_reasons_that_stay_refused(text):
    assert refused(text)


@pytest.mark.parametrize("clause, kind", [
    ("演习开始", "drill"), ("消防演习开始了", "drill"), ("开始演练了", "drill"), ("演习结束", "drill_over"),
    ("屏幕反光", "glare"), ("演习室", None), ("演习开始前", None), ("屏幕", None), ("启动警报器", None),
])
def test_event_reason_clauses(clause, kind):
    assert event_reason(clause) == kind


# -- pinyin slips of a verb: 管 → 关, 所 → 锁 -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("排风扇管了吧", FAN_OFF),
    ("把排风扇管掉", FAN_OFF),
    ("所门 我走了", LOCKED),
    ("所门", LOCKED),
    ("帮我所大门", LOCKED),
])
def test_verb_slips_zh(text, want):
    assert proposed(text) == want


@pytest.mark.parametrize("text", [
    "水管了",  # a pipe, never a slip
    "排风扇管一下",  # "see to the fan": no way said
    "厕所门锁上",  # 厕所 is a word: no 锁 of 所
    "别把排风扇管了",  # the negation stays
    "排风扇管了吧，别关",
])
def test_verb_slip_lookalikes_stay_refused(text):
    assert refused(text)


def test_right_words_keep_their_meaning():
    assert proposed("所有门锁上") == LOCKED
    assert proposed("排风扇关了吧") == FAN_OFF


# -- trailing kisses, emoticons and "as well" --------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("百叶窗关上 xx", BLINDS_SHUT),
    ("close the blinds xx", BLINDS_SHUT),
    ("close the blinds xxx", BLINDS_SHUT),
    ("close the blinds :)", BLINDS_SHUT),
    ("close the blinds thx", BLINDS_SHUT),
    ("conveyor A speed 75, conveyor B speed 75 as well",
     {"conveyor-a": {"speed": 75}, "conveyor-b": {"speed": 75}}),
    ("conveyor A to 60 rpm, conveyor B to 60 rpm too",
     {"conveyor-a": {"speed": 60}, "conveyor-b": {"speed": 60}}),
])
def test_tail_extras(text, want):
    assert proposed(text) == want


@pytest.mark.parametrize("text", [
    "set the fan to xx",  # a value still missing
    "stop conveyor xx",  # a name, maybe: never both conveyors
    "open the blinds to xx",
    "别把百叶窗关上 xx",
])
def test_tail_extras_that_stay_refused(text):
    assert refused(text)


# -- English lists: variant spelling, "lock up", "line a and b", "both" ---------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("conveyer A and conveyer B, stop both", BOTH_STOP),
    ("conveyor A and conveyor B, stop both", BOTH_STOP),
    ("conveyers a and b off", BOTH_STOP),
    ("lights out in the warehouse and lock up", {"lamp-warehouse": {"power": False}, **LOCKED}),
    ("warehouse floodlight off, lock up", {"lamp-warehouse": {"power": False}, **LOCKED}),
    ("turn everything off on line A and B", {"conveyor-a": {"running": False}, "fan-line-a": {"power": False},
                                             "conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
])
def test_english_lists(text, want):
    assert proposed(text) == want


@pytest.mark.parametrize("text", ["stop both", "both off", "两个都关掉", "lights out in the warehouse and unlock"])
def test_bare_both_and_unlock_stay_refused(text):
    assert refused(text)


def test_everything_keeps_every_device():
    assert len(proposed("stop everything")) > 4
    assert only_both("stop both") and not only_both("stop both, in fact everything")


# -- a place's sound, then "it" --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("二号线一直嘶嘶的，把它关上", {"valve-steam": {"open": 0}}),
    ("二号线老是嘶嘶响，把它关掉", {"valve-steam": {"open": 0}}),
    ("line b keeps hissing, shut it off", {"valve-steam": {"open": 0}}),
])
def test_described_it(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "一号线一直嘶嘶的，把它关上",  # no valve on line 1
    "line a keeps hissing, shut it off",
    "二号线一直嘶嘶的，别把它关上",
])
def test_described_it_elsewhere_stays_refused(text):
    assert refused(text)


def test_reread_keeps_the_ask_as_said():
    prop = ASSISTANT.understand("排风扇管了吧")
    assert prop.utterance == "排风扇管了吧"
