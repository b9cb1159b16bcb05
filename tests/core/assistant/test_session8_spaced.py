"""Session 8 (held-out 28 / 29: speech-to-text Chinese with spaces and fillers), each as a class.

1. Harm: a bare verb part (打开一下, 全部打开 after a spaced device name, "…, open it") unlocked the main door beside the
   named device.  A verb-only part after a spaced part binds to it (clauses.split_spaced), and a generic verb said with
   no device, kind or thing anywhere (打开, 帮我打开, "open", "open it") picks no kind (bare_verbs.py): refused.
2. Speech fillers (um, uh, er, erm, "like," / ", you know," ; 嗯 / 呃 / 那个 before a pause / 就是 at a part's head) are
   dropped (fillers.py), never hiding a negation, a condition or a schedule; 院子那边 is the yard (place_there_zh.py);
   让院子安静下来 silences the yard siren (下来 adds no word of its own).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.bare_verbs import generic_phrases
from console.core.assistant.clauses import split_spaced
from console.core.assistant.fillers import drop_fillers
from tests.core.assistant.helpers import ASSISTANT, FLEET, proposed, refusal_kind, refused

_DOOR = "lock-main-door"
_ALIASES = default_aliases()


# -- 1. the held-out lines ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("那个 办公室顶灯 打开一下", {"lamp-office-1": {"power": True}}),
    ("办公室百叶窗 全部打开", {"blinds-office": {"position": 100}}),
    ("院子警报器 响起来 就是用脉冲的", {"siren-yard": {"active": True, "pattern": "pulse"}}),
    ("院子那边 警报响起来 用持续的声音", {"siren-yard": {"active": True, "pattern": "steady"}}),
    ("um conveyor number two stop", {"conveyor-b": {"running": False}}),
    ("让院子安静下来", {"siren-yard": {"active": False}}),
])
def test_the_held_out_lines(text: str, want: dict) -> None:
    assert proposed(text) == want


# -- 1. a verb-only part is the verb of the part before it; a bare verb picks no device --------------------------------
_VERBS_ZH = ("打开", "关掉", "打开一下", "全部打开", "关掉吧", "都关掉")
_FORMS_ZH = ("{n} {v}", "那个 {n} {v}", "嗯 {n} {v}", "{n}，{v}", "那个 {n} 嗯 {v}", "呃 {n}  {v}", "就是 {n} {v}",
             "{n}{v}")
_VERBS_EN = ("open", "open it", "open it up", "turn it on", "switch it off", "on", "off", "close it")
_FORMS_EN = ("{n}, {v}", "um {n}, {v}", "uh, {n}, {v}", "the {n}, um, {v}", "like, {n}, {v}", "{n}, you know, {v}")


def _names(dev: str, lang: str) -> list[str]:
    names = list(_ALIASES.devices.get(dev, {}).get(lang, ()))
    return names + ([FLEET.by_id()[dev].name.lower()] if lang == "en" else [])


def _only_the_named(text: str, dev: str) -> None:
    prop = ASSISTANT.understand(text)
    ids = {c.device_id for c in prop.commands}
    assert not ids or ids == {dev}, (text, [(c.device_id, c.params) for c in prop.commands])
    if dev != _DOOR:
        assert _DOOR not in ids, text


@pytest.mark.parametrize("dev", [m.id for m in FLEET.devices])
def test_every_named_device_in_chinese_spaced_or_with_fillers_is_the_only_one(dev: str) -> None:
    for name in _names(dev, "zh"):
        for verb in _VERBS_ZH:
            for form in _FORMS_ZH:
                _only_the_named(form.format(n=name, v=verb), dev)


@pytest.mark.parametrize("dev", [m.id for m in FLEET.devices])
def test_every_named_device_in_english_with_fillers_is_the_only_one(dev: str) -> None:
    for name in _names(dev, "en"):
        for verb in _VERBS_EN:
            for form in _FORMS_EN:
                _only_the_named(form.format(n=name, v=verb), dev)


@pytest.mark.parametrize("text, want", [
    ("办公室台灯 打开一下", {"lamp-office-2": {"power": True}}),
    ("那个 仓库探照灯 关掉吧", {"lamp-warehouse": {"power": False}}),
    ("嗯 办公室百叶窗 全部打开", {"blinds-office": {"position": 100}}),
    ("办公室百叶窗，打开", {"blinds-office": {"position": 100}}),
    ("蒸汽阀 打开一下", {"valve-steam": {"open": 100}}),
    ("二号传送带 停一下", {"conveyor-b": {"running": False}}),
    ("office window blinds, open it", {"blinds-office": {"position": 100}}),
    ("um the desk lamp, uh, turn it on", {"lamp-office-2": {"power": True}}),
])
def test_a_spaced_verb_part_binds_to_the_device_before_it(text: str, want: dict) -> None:
    assert proposed(text) == want


@pytest.mark.parametrize("text", ["打开", "开", "打开一下", "帮我打开", "帮我 打开一下", "嗯 打开", "那个 打开一下", "打开吧",
                                  "open", "open it", "open it up", "um, open", "uh open it up", "open please",
                                  "暂停", "pause", "sound"])
def test_a_bare_verb_names_no_device(text: str) -> None:
    assert refused(text), text


@given(st.sampled_from(["打开", "打开一下", "开一下", "open", "open it", "open up"]),
       st.sampled_from(["", "嗯 ", "那个 ", "um ", "uh, ", "就是 "]), st.sampled_from(["", "吧", " please"]))
@settings(max_examples=60, deadline=None)
def test_a_bare_open_never_unlocks_the_door(verb: str, lead: str, tail: str) -> None:
    prop = ASSISTANT.understand(f"{lead}{verb}{tail}")
    assert not any(c.device_id == _DOOR for c in prop.commands), prop


@pytest.mark.parametrize("text, want", [
    ("unlock", {_DOOR: {"locked": False}}),  # the lock's own words still read alone
    ("开锁", {_DOOR: {"locked": False}}),
    ("lock up", {_DOOR: {"locked": True}}),
    ("大门 解锁", {_DOOR: {"locked": False}}),  # the door named: its own verb (大门 打开: no lock verb, open_door.py)
    ("silence the yard", {"siren-yard": {"active": False}}),  # the yard is the siren's own word
    ("quiet the yard", {"siren-yard": {"active": False}}),
    ("make the yard quiet", {"siren-yard": {"active": False}}),
    ("让院子安静", {"siren-yard": {"active": False}}),
    ("院子安静下来", {"siren-yard": {"active": False}}),
    ("ventilate line a", {"fan-line-a": {"power": True}}),
])
def test_a_kinds_own_words_still_read_alone(text: str, want: dict) -> None:
    assert proposed(text) == want


def test_only_the_generic_verbs_of_a_kind_are_set_aside() -> None:
    generic = generic_phrases(ASSISTANT.meaning.kinds, ASSISTANT.rules.vocab)
    assert "open" in generic["lock"] and "打开" in generic["lock"]
    assert not {"unlock", "开锁", "解锁", "lock up", "锁上"} & set(generic["lock"])


def test_split_spaced_keeps_a_verb_part_with_its_device() -> None:
    assert split_spaced("那个 办公室顶灯 打开一下") == ["办公室顶灯 打开一下"]  # 那个 before a pause: a filler
    assert split_spaced("二号传送带 停一下") == ["二号传送带 停一下"]
    assert split_spaced("办公室百叶窗 全部打开") == ["办公室百叶窗 全部打开"]
    assert split_spaced("二号线停产 冷却水也停") == ["二号线停产", "冷却水也停"]  # a part with its own noun stays a part
    assert split_spaced("办公室顶灯 不要打开") == ["办公室顶灯", "不要打开"]  # a negation is no bare verb


# -- 2. fillers ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("um conveyor number two stop", "conveyor number two stop"),
    ("turn off the, um, desk lamp", "turn off the desk lamp"),
    ("stop conveyor b, um, start the pump", "stop conveyor b, start the pump"),
    ("like, turn off the desk lamp", "turn off the desk lamp"),
    ("you know, turn off the desk lamp", "turn off the desk lamp"),
    ("erm, er, stop conveyor b", "stop conveyor b"),
    ("uh like turn off the lamp", "turn off the lamp"),
    ("i'd like the blinds closed", "i'd like the blinds closed"),
    ("it feels like an oven", "it feels like an oven"),
    ("umbrella stand", "umbrella stand"),
    ("那个 办公室顶灯 打开一下", "办公室顶灯 打开一下"),
    ("院子警报器 响起来 就是用脉冲的", "院子警报器 响起来 用脉冲的"),
    ("嗯嗯 台灯关掉", "台灯关掉"),
    ("呃，台灯关掉", "台灯关掉"),
    ("那个灯关掉", "那个灯关掉"),  # a demonstrative, no pause: kept
    ("这就是台灯", "这就是台灯"),
    ("额外开一盏灯", "额外开一盏灯"),
    ("好啊，关掉", "好啊，关掉"),
])
def test_drop_fillers(text: str, want: str) -> None:
    assert drop_fillers(text) == want


@pytest.mark.parametrize("text, want", [
    ("uh conveyor number two stop", {"conveyor-b": {"running": False}}),
    ("turn off the, um, desk lamp", {"lamp-office-2": {"power": False}}),
    ("um, you know, turn off the warehouse floodlight", {"lamp-warehouse": {"power": False}}),
    ("stop conveyor b, um, start the cooling pump", {"conveyor-b": {"running": False}, "pump-cooling": {"running": True}}),
    ("嗯嗯 院子警报器 关掉", {"siren-yard": {"active": False}}),
    ("呃 二号传送带 停一下", {"conveyor-b": {"running": False}}),
    ("院子警报器 响起来 就是用脉冲的", {"siren-yard": {"active": True, "pattern": "pulse"}}),
    ("仓库那边的灯关掉", {"lamp-warehouse": {"power": False}}),
])
def test_asks_with_fillers(text: str, want: dict) -> None:
    assert proposed(text) == want


@pytest.mark.parametrize("text", [
    "嗯 不要开台灯", "那个 如果太热 就 开空调", "就是 明天早上 开台灯", "um, don't stop conveyor b",
    "uh if it gets hot turn on the ac", "um at 6 pm turn on the floodlight", "like, never unlock the door",
    "办公室顶灯 不要打开", "那个 办公室顶灯 嗯 先别打开", "办公室顶灯 十分钟后打开",
    "um the desk lamp, uh, in ten minutes, turn it on",
])
def test_fillers_never_hide_a_negation_condition_or_schedule(text: str) -> None:
    assert refused(text), text


def test_there_without_a_place_before_it_is_still_asked_about() -> None:
    assert refusal_kind("把那边的灯关掉") == "ambiguous"
    assert refused("那个 灯关掉")  # which lamp: never every lamp
