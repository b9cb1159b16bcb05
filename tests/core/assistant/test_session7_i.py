"""Session 7, fixer I: the Chinese misses of held-outs 24 and 25, each as a class.

A device word with one wrong character is that device (a same-sound slip: homophones_zh.py) or refused, never the
whole place nor another device; 别响了 / 别转了 after a device is "stop it" (stop_doing_zh.py) while 别 + a command verb
stays a refused negation; a negated purpose about people before the command, or alone, is the lock (keep_out_lead.py);
a relative word followed by a target said as 百分之N is that target (screening._ABSOLUTE)."""

from __future__ import annotations

import re

import pytest

from console.core.assistant.keep_out_lead import keep_out_alone
from tests.core.assistant.helpers import ASSISTANT, checked_commands, refusal_kind, refused

_NOUNS = sorted({x for table in (ASSISTANT.aliases.devices, ASSISTANT.aliases.kinds) for names in table.values()
                 for x in names.get("zh", ()) if len(x) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", x)})
_ZONES = [x for names in ASSISTANT.aliases.zones.values() for x in names.get("zh", ())]
_WRONG = "条掉孔代夜气管子"  # same-sound slips (条/掉 of 调, 孔 of 空, 代 of 带, 夜 of 叶) and other characters


def _devices(text: str) -> set[str]:
    return {c.device_id for c in ASSISTANT.understand(text).commands}


def _slips(word: str) -> list[str]:
    out = [word[:j] + c + word[j + 1:] for j in range(len(word)) for c in _WRONG if c != word[j]]
    return [s for s in out if s not in ASSISTANT.typos.homophones.known]  # 空气 is a word of its own (the air)


# -- 1. a device word with one wrong character: that device, or a refusal --------------------------------------------
@pytest.mark.parametrize("word", _NOUNS)
@pytest.mark.parametrize("place", ["", "办公室", "仓库"])
def test_one_character_off_is_that_device_or_refused(word: str, place: str) -> None:
    meant = _devices(f"{place}{word}关掉") | _devices(f"{place}{word}打开")
    if any(z in word for z in _ZONES):  # 仓库 + 办公室百叶窗: the full name names its device
        meant |= _devices(f"{word}关掉") | _devices(f"{word}打开")
    for slip in _slips(word):
        for verb in ("关掉", "打开"):
            got = _devices(f"{place}{slip}{verb}")
            assert got <= meant, (f"{place}{slip}{verb}", got, meant)


@pytest.mark.parametrize("ask, want", [
    ("办公室空条关掉", {"hvac-office": {"power": False}}),
    ("办公室空掉关掉", {"hvac-office": {"power": False}}),
    ("办公室孔调关掉", {"hvac-office": {"power": False}}),
    ("把办公室的空条打开", {"hvac-office": {"power": True}}),
    ("百夜窗打开", {"blinds-office": {"position": 100.0}}),
    ("办公室百夜窗关上", {"blinds-office": {"position": 0.0}}),
    ("A线传送代停掉", {"conveyor-a": {"running": False}}),
])
def test_same_sound_slip_is_read_as_the_word(ask: str, want: dict) -> None:
    assert checked_commands(ask) == want


@pytest.mark.parametrize("ask", ["办公室风子关掉", "办公室桌子打开", "办公室管调关掉", "气门打开", "办公室夜机打开"])
def test_other_slip_is_refused_not_widened(ask: str) -> None:
    assert refusal_kind(ask) in ("unknown_device", "ambiguous")


@pytest.mark.parametrize("ask", ["把空调调到22度", "办公室空气不好，把排风扇打开", "办公室的灯关掉", "把这盏灯关掉",
                                 "蒸汽开到一半", "把一线的排风开到最大档", "水管漏了，把水泵关掉", "警告院子里的大家",
                                 "办公室调到二十二度", "仓库太黑了，给点光", "A线换气调到中档风速", "把台灯打开"])
def test_real_words_next_to_device_words_are_no_slips(ask: str) -> None:
    slips = ASSISTANT.typos.homophones
    assert slips.fix(ask) == ask and slips.near_miss(ask) is None, ask


# -- 2. 别响了 / 别转了 after a device: stop it now ------------------------------------------------------------------
@pytest.mark.parametrize("ask, want", [
    ("院子那个警报器别响了，关了吧", {"siren-yard": {"active": False}}),
    ("院子的警笛别响了，吵死了", {"siren-yard": {"active": False}}),
    ("警报别再响了", {"siren-yard": {"active": False}}),
    ("警笛别鸣了", {"siren-yard": {"active": False}}),
    ("A线风扇别转了", {"fan-line-a": {"power": False}}),
    ("排风扇别吹了", {"fan-line-a": {"power": False}}),
])
def test_stop_doing_is_off(ask: str, want: dict) -> None:
    assert checked_commands(ask) == want


@pytest.mark.parametrize("ask", ["别关警报", "别开阀门", "不要停泵", "别响警报", "别让警报响了", "警报别关了",
                                 "别停传送带", "风扇别开了"])
def test_negated_command_still_refused(ask: str) -> None:
    assert refused(ask), ask


# -- 3. a negated purpose about people before the command, or alone: the lock -----------------------------------------
@pytest.mark.parametrize("ask", ["外人别进来，把楼锁上。", "外人别进来，锁门", "别让人进来，把大门锁好", "陌生人不许进来，锁上大门",
                                 "don't let anyone in, lock the door", "no one gets in, lock up"])
def test_keep_out_purpose_is_the_lock(ask: str) -> None:
    assert checked_commands(ask) == {"lock-main-door": {"locked": True}}


def test_keep_out_purpose_alone_is_recognised() -> None:
    # alone it stays refused for now (test_heldout11_12_zh.py::test_negations_stay_refused keeps 别让外人进来 refused);
    # keep_out_alone is what layers._keep_out would read as "lock the door" once that convention changes
    for ask in ["别让外人进来", "外人别进来", "don't let anyone in", "no one gets in"]:
        assert keep_out_alone(ask), ask
    assert not keep_out_alone("外人别进来，开锁") and not keep_out_alone("don't lock the door")


@pytest.mark.parametrize("ask", ["别让外人进来", "don't let anyone in"])
def test_keep_out_purpose_alone_still_refused(ask: str) -> None:
    assert refused(ask), ask


@pytest.mark.parametrize("ask", ["don't lock the door", "别锁门", "外人别进来，开锁", "别让人进来，把门打开",
                                 "don't let anyone in, unlock the door", "不要锁大门"])
def test_negated_lock_or_unlock_still_refused(ask: str) -> None:
    assert refused(ask), ask


# -- 4. a relative word with a target in the next clause: the target ---------------------------------------------------
@pytest.mark.parametrize("ask, want", [
    ("办公室顶灯调暗点，百分之二十就行。", {"lamp-office-1": {"level": 20.0}}),
    ("顶灯调亮一点，到百分之八十", {"lamp-office-1": {"level": 80.0}}),
    ("顶灯调亮一点，到80%", {"lamp-office-1": {"level": 80.0}}),
    ("温度低一点，22度就好", {"hvac-office": {"setpoint": 22.0}}),
    ("蒸汽阀开大一点，百分之六十", {"valve-steam": {"open": 60.0}}),
])
def test_relative_with_target_is_the_target(ask: str, want: dict) -> None:
    assert checked_commands(ask) == want


@pytest.mark.parametrize("ask", ["办公室顶灯调暗点", "顶灯调亮一点", "温度低一点", "蒸汽阀开大一点"])
def test_relative_without_target_still_refused(ask: str) -> None:
    assert refusal_kind(ask) == "unsupported"
