"""Session 10 (fixer c, Chinese over-refusals): a meeting as the reason (meeting_reasons_zh: 客户来了要开会, 要开安全会 —
开会 never "on"), someone arrived outside (outdoors: 外面来了个送货的) and 开下门 as the lock's "open" (open_door,
layers._lock_ways_of), a described device with its determiner last (described: 二号线呲呲放气的那个关上), and 透透气 as
"ventilate" (ventilate_zh).  The asks that must now work, nearby asks that keep their old meaning, and the harmful
variants that stay refused."""

from __future__ import annotations

import pytest

from console.core.assistant.meeting_reasons_zh import drop_meeting, meeting_clause
from console.core.assistant.open_door import opens_the_door_zh
from console.core.assistant.outdoors import drop_someone_outside, outside_said
from console.core.assistant.ventilate_zh import ventilate
from tests.core.assistant.helpers import refused, understood

AC_24 = {"hvac-office": {"setpoint": 24.0}}
FAN_OFF = {"fan-line-a": {"power": False}}
FAN_ON = {"fan-line-a": {"power": True}}
UNLOCKED = {"lock-main-door": {"locked": False}}
LOCKED = {"lock-main-door": {"locked": True}}
STEAM_SHUT = {"valve-steam": {"open": 0.0}}
STEAM_OPEN = {"valve-steam": {"open": 100.0}}


# -- a meeting is why, never "on" ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("麻烦把空调调到24度，客户来了要开会", AC_24),
    ("客户来了要开会，把空调调到24度", AC_24),
    ("把空调调到24度，要开会了", AC_24),  # had also switched the AC on (开 of 开会)
    ("一号线那个呼呼吹风的先关掉，要开安全会", FAN_OFF),
    ("一号线风扇关掉，要开安全会", FAN_OFF),  # had clashed: 关掉 and the 开 of 开会
    ("开安全会，一号线风扇关掉", FAN_OFF),
    ("关掉一号线风扇，我们在开会", FAN_OFF),
    ("客人到了要开个碰头会，把百叶窗关上", {"blinds-office": {"position": 0.0}}),
    ("一号线风扇关掉", FAN_OFF),  # the old meaning
    ("把空调调到24度", AC_24),
])
def test_meeting_reason(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "开会",  # nothing else to do
    "要开会",
    "一号线风扇别关，要开安全会",  # a negation stays one
    "把空调调到24度，别开会",
    "把空调调到24度，明天要开会",  # a time: the screening's
    "一号线风扇关掉，要开台灯吗",
])
def test_meeting_reason_refused(text):
    assert refused(text)


@pytest.mark.parametrize("clause, is_meeting", [
    ("客户来了要开会", True), ("要开安全会", True), ("马上要开个早会了", True), ("大家都去开会了", True),
    ("开会", True), ("领导到了开会", True),
    ("不开会了", False), ("别开会", False), ("明天开会", False), ("开台灯", False), ("把灯打开会更亮", False),
    ("开风扇会好点", False), ("要开会员卡", False),
])
def test_meeting_clause(clause, is_meeting):
    assert meeting_clause(clause) is is_meeting


@pytest.mark.parametrize("text, out", [
    ("把空调调到24度，客户来了要开会", "把空调调到24度"),
    ("要开会", "要开会"),  # nothing would be left
    ("把灯打开会更亮", "把灯打开会更亮"),
    ("把空调调到24度，不开会了", "把空调调到24度，不开会了"),
])
def test_drop_meeting(text, out):
    assert drop_meeting(text) == out


# -- someone arrived outside; 开下门 is the lock's open -----------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("外面来了个送货的，帮他开下门", UNLOCKED),
    ("外面来了个送货的，帮他开门", UNLOCKED),
    ("外面来人了，开一下门", UNLOCKED),
    ("外面有访客，帮他开下门", UNLOCKED),
    ("外面到了几位客人，开个门", UNLOCKED),
    ("客人来了，开门", UNLOCKED),
    ("客人来了，开下门", UNLOCKED),
    ("保洁阿姨到了，开下门让她进来", UNLOCKED),  # the old meaning
    ("开一下门，客人要进来", UNLOCKED),
    ("客人走了，锁门", LOCKED),
])
def test_someone_arrived_open_the_door(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "开门",  # a door opened for nobody: the lock only locks and unlocks
    "开下门",
    "外面下雨了，开下门",  # outside as a place: the yard siren only
    "客人来了，别开门",
    "有人闯进来了，开一下门",  # an intruder is no one to open for
    "外面来了个送货的，别开门",
    "明天外面来了个送货的，帮他开下门",
])
def test_open_the_door_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text, said", [
    ("外面来了个送货的，帮他开下门", None), ("外面来人了，开门", None), ("外头到了一位客人", None),
    ("外面来的风太冷", "外面"), ("外面下雨了", "外面"), ("外面的灯打开", "外面"),
])
def test_outside_said(text, said):
    assert outside_said(text) == said


def test_someone_outside_blanked():
    assert drop_someone_outside("外面来了个送货的，帮他开下门").startswith(" ")


@pytest.mark.parametrize("text, opens", [
    ("帮他开下门", True), ("开门", True), ("开一下门", True), ("开个门", True), ("开下大门", True),
    ("开门口的灯", False), ("别开门", False), ("关门", False), ("把门打开", False),
])
def test_opens_the_door_zh(text, opens):
    assert opens_the_door_zh(text) is opens


# -- a described device with its determiner last -------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("二号线呲呲放气的那个关上", STEAM_SHUT),
    ("把二号线呲呲放气的那个关上", STEAM_SHUT),
    ("二号线放气的那个关上", STEAM_SHUT),
    ("二号线呲呲的那个关上", STEAM_SHUT),
    ("二号线呲呲放气的那个打开", STEAM_OPEN),
    ("一号线呼呼吹风的那个关掉", FAN_OFF),
    ("一号线那个呼呼吹风的先关掉", FAN_OFF),
    ("二号线那个呲呲放气的关上", STEAM_SHUT),  # the old frame
    ("二号线的那个蒸汽阀关上", STEAM_SHUT),  # a name after the determiner: as before
    ("二号线推箱子的那个停一下", {"conveyor-b": {"running": False}}),
])
def test_described_determiner_last(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "一号线呲呲放气的那个关上",  # line 1 has no valve: never another device
    "二号线呼呼的那个关了",  # line 2 has no fan
    "二号线嗡嗡响的那个停了",  # a hum says no kind: which one?
    "二号线呲呲放气的那个别关",
])
def test_described_determiner_last_refused(text):
    assert refused(text)


# -- 透透气 is "ventilate" ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("一号线好闷，透透气", FAN_ON),
    ("一号线好闷，透气", FAN_ON),
    ("一号线好闷，透透风", FAN_ON),
    ("一号线好闷，换个气", FAN_ON),
    ("一号线透口气", FAN_ON),
    ("一号线通一下风", FAN_ON),
    ("一号线好闷，通通风", FAN_ON),  # the old meaning
    ("一号线好闷，换换气", FAN_ON),
])
def test_ventilate(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "一号线别透气了", "不用给一号线透透气了", "二号线好闷，透透气",  # line 2 has no fan
    "一号线透气性太差",
])
def test_ventilate_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text, out", [
    ("透透气", "通通风"), ("透一下气", "通通风"), ("通一下风", "通通风"), ("换一下气", "换换气"), ("透气", "通风"),
    ("不透气", "不透气"), ("透气性", "透气性"), ("没透气", "没透气"),
])
def test_ventilate_words(text, out):
    assert ventilate(text) == out
