"""Session 7, fixer J: a device noun the fleet does not have never becomes other devices (foreign_nouns.py), and
"conveyor 1 and 2 rpm" (an ordinal, then a number with a unit) is asked back (ordinal_or_value.py).

办公室冰箱打开 had unlocked the main door, 仓库冰箱打开 had sounded the yard siren, "turn off the office TV" had switched
off the office's lamps and AC, "set conveyor 1 and 2 rpm" had set conveyor A to 2 rpm."""

from __future__ import annotations

import pytest

from console.core.assistant.foreign_nouns import NOUNS_EN, NOUNS_ZH, foreign_noun_in, foreign_nouns, noun_regex
from tests.core.assistant.helpers import ASSISTANT, checked_commands, proposed, refusal_kind

_PLACES_EN = ["", "office", "warehouse", "yard", "line a", "line b"]
_PLACES_ZH = ["", "办公室", "仓库", "院子", "A线", "B线"]
_VERBS_EN = ["turn on", "turn off", "open", "close", "start", "stop"]
_VERBS_ZH = ["打开", "关掉", "启动", "停掉"]


def _frames_en(noun: str) -> list[str]:
    out = []
    for verb in _VERBS_EN:
        for place in _PLACES_EN:
            if not place:
                out += [f"{verb} the {noun}", f"{verb} the {noun} please"]
                continue
            prep = "on" if place.startswith("line") else "in"
            out += [f"{verb} the {place} {noun}", f"{verb} the {noun} {prep} the {place}".replace("the line", "line")]
    return out


def _frames_zh(noun: str) -> list[str]:
    return [f for verb in _VERBS_ZH for place in _PLACES_ZH
            for f in (f"{place}{noun}{verb}", f"把{place}的{noun}{verb}" if place else f"把{noun}{verb}",
                      f"{verb}{place}{noun}")]


# -- 1. an unknown noun, in every place and with every verb: refused, no command ---------------------------------
@pytest.mark.parametrize("noun", [n for n in NOUNS_EN if n != "tv"] + ["TV", "fridges"])
def test_unknown_noun_en_refused_everywhere(noun: str) -> None:
    for text in _frames_en(noun):
        assert refusal_kind(text) == "unknown_device", text


@pytest.mark.parametrize("noun", NOUNS_ZH)
def test_unknown_noun_zh_refused_everywhere(noun: str) -> None:
    for text in _frames_zh(noun):
        assert refusal_kind(text) == "unknown_device", text


@pytest.mark.parametrize("text, noun", [("办公室冰箱打开", "冰箱"), ("仓库冰箱打开", "冰箱"),
                                        ("turn off the office TV", "tv"), ("open the office fridge", "fridge")])
def test_found_by_hand_names_the_noun(text: str, noun: str) -> None:
    prop = ASSISTANT.understand(text)
    assert not prop.commands and prop.refusal is not None and noun in prop.refusal.reason.lower()


# -- 2. the same frames with a device the fleet has still propose -----------------------------------------------
@pytest.mark.parametrize("text, device", [
    ("turn on the office lamps", "lamp-office-1"), ("turn off the lights in the office", "lamp-office-1"),
    ("turn on the warehouse lamp", "lamp-warehouse"), ("open the office blinds", "blinds-office"),
    ("close the blinds in the office", "blinds-office"), ("start the conveyor on line a", "conveyor-a"),
    ("stop the line b conveyor", "conveyor-b"), ("办公室灯打开", "lamp-office-1"), ("把仓库的灯关掉", "lamp-warehouse"),
    ("办公室百叶窗打开", "blinds-office"), ("把办公室的百叶窗关掉", "blinds-office"), ("启动A线传送带", "conveyor-a"),
    ("B线传送带停掉", "conveyor-b"), ("打开仓库灯", "lamp-warehouse"),
])
def test_real_device_word_still_proposes(text: str, device: str) -> None:
    assert device in checked_commands(text), text


# -- 3. generic words, purposes and a noun beside a named device keep their meaning -----------------------------
@pytest.mark.parametrize("text", [
    "turn off everything in the office", "turn off all the stuff in the warehouse", "办公室所有设备关掉",
    "把仓库的东西都关掉", "办公室全部关掉", "let the sunlight in", "把蒸汽关掉", "办公室好冷，开暖气到25度",
    "Dim the office ceiling light to 35%, the projector is on.",
    "The projector is on, so bring the office ceiling lamp down to twenty percent.",
])
def test_known_words_keep_their_meaning(text: str) -> None:
    assert checked_commands(text), text


def test_a_word_the_fleet_knows_is_not_foreign() -> None:
    nouns = foreign_nouns(lambda w: w in {"printer", "打印机"})
    assert "printer" not in nouns and "打印机" not in nouns and "fridge" in nouns
    pat = noun_regex(nouns)
    assert foreign_noun_in("start the printer", pat, lambda _t: False) is None
    assert foreign_noun_in("start the fridge", pat, lambda _t: False) == "fridge"
    # a device named too: the fridge as a switch verb's object still refuses (session 10), elsewhere read as before
    assert foreign_noun_in("start the fridge", pat, lambda _t: True) == "fridge"
    assert foreign_noun_in("the lamp by the fridge, on", pat, lambda _t: True) is None
    assert foreign_noun_in("turn on the tvs", pat, lambda _t: False) == "tvs"
    assert foreign_noun_in("the tvstand", pat, lambda _t: False) is None  # whole words only


# -- 4. an ordinal, "and", then a number with a unit: asked back, never the value on one device ----------------
@pytest.mark.parametrize("text", [
    "set conveyor 1 and 2 rpm", "conveyor 1 and 2 rpm", "set conveyor one and two rpm please",
    "set conveyor number 1 and 2 rpm", "set fan 1 and 2 percent", "set lamp 1 & 2 %", "把1号传送带和2转速",
    "一号传送带和二转", "把1号风扇和2档",
])
def test_ordinal_then_number_with_unit_is_asked_back(text: str) -> None:
    assert refusal_kind(text) == "ambiguous", text


@pytest.mark.parametrize("text, want", [
    ("set conveyor 1 to 2 rpm", {"conveyor-a": {"speed": 2}}),
    ("conveyor 1 and 2 at 30 rpm", {"conveyor-a": {"speed": 30}, "conveyor-b": {"speed": 30}}),
    ("set conveyors 1 and 2 to 30 rpm", {"conveyor-a": {"speed": 30}, "conveyor-b": {"speed": 30}}),
])
def test_ordinal_lists_with_their_value_still_propose(text: str, want: dict) -> None:
    got = proposed(text)
    assert {d: {k: float(v) for k, v in p.items() if k == "speed"} for d, p in got.items()} == \
        {d: {k: float(v) for k, v in p.items()} for d, p in want.items()}


# -- 5. an unknown noun joined to a real device by "and" / 和: refused, never the real device alone ---------------
@pytest.mark.parametrize("text", [
    "turn on the desk lamp and the fridge", "turn off the office tv and lamps", "turn off the fridge & the lamps",
    "close the blinds and the microwave", "把台灯和冰箱打开", "把冰箱和办公室的灯关掉", "把台灯和办公室的冰箱打开", "百叶窗与电视关掉",
])
def test_unknown_noun_joined_to_a_device_refused(text: str) -> None:
    assert refusal_kind(text) == "unknown_device", text
