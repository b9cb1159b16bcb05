"""Session 9, a new blind set's misses, each as a class (both languages where it applies).

Harms:
1. "<value> 就够了" rates the value, it is no "less of a thing": 冷却水流量调到20就够了 sets the flow only, never stops the
   pump (direction.LESS).
2. "Open the door" is no lock command: 帮我把正门打开一下 / 把门打开 / 开门 / "open the front door" are refused with the reason;
   把门锁打开 / 开锁 / "unlock the door", and a door opened for someone who arrived or is let in, still unlock (open_door.py).
3. A definite singular that fits two devices equally is asked back, never guessed by the model: "switch the office lamp
   on pls", 把办公室那盏灯开了 ("Which one: …?"); plurals / both / 灯都 stay all; an indefinite ("one of the lamps", "a lamp",
   一盏灯) or a word telling them apart ("the lamp on my desk", "the big light") still lets the model pick
   (definite_ties.py, targets.py, layers._choose); 一盏灯 counts, it is no "lamp number 1" (ordinals.py).
Over-refusals (a negative word describing the problem, a filler, a remark, a softened amount):
4. negated_problems.py: "not enough light", "cant see a thing", "coolant's not circulating, get it going"; a hedge
   about the wording; people.py / outdoors.py / spaced_clauses_zh.py: someone who can't get in, a stranger outside, 客人到了
   as a clause; fillers.py: "ugh"; cut_verbs.py: "cut the cooling water"; value_remarks.py: "…, the high setting is
   deafening"; reader.py: a pace complaint's number is a speed; screening._ABSOLUTE / amount_hedges.py: halfway and a
   quarter are targets; purpose_nouns.py: "water for cooling".
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.definite_ties import model_may_pick, one_named_zh
from console.core.assistant.direction import less_in
from console.core.assistant.layers import MODEL, Assistant
from console.core.assistant.negated_problems import problems_as_states
from console.core.assistant.open_door import opens_door_only
from console.core.assistant.proposal import AMBIGUOUS
from tests.core.assistant.helpers import FLEET, ASSISTANT, checked_commands, refused

_DOOR = "lock-main-door"
_LAMPS = {"lamp-office-1", "lamp-office-2"}


class _Recorder:
    """A chooser that records each tie it is asked about and picks the first reading."""

    def __init__(self) -> None:
        self.asked: list[list[str]] = []

    def __call__(self, utterance: str, options) -> int:
        self.asked.append(list(options))
        return 0


def _with_model(text: str):
    rec = _Recorder()
    return Assistant(FLEET, default_aliases(), chooser=rec).understand(text), rec


# -- 1. 就够了 after a value ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("冷却水流量调到20就够了", {"pump-cooling": {"flow": 20.0}}),
    ("冷却水流量调到二十就够了", {"pump-cooling": {"flow": 20.0}}),
    ("阀门开一半就足够了", {"valve-steam": {"open": 50.0}}),
    ("冷却水流量20就行", {"pump-cooling": {"flow": 20.0}}),
])
def test_enough_after_a_value_rates_it(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize("text, want", [
    ("蒸汽够了", {"valve-steam": {"open": 0.0}}),  # less of a thing: still down
    ("冷却水足够了", {"pump-cooling": {"running": False}}),
])
def test_enough_of_a_thing_is_still_less(text: str, want: dict) -> None:
    assert checked_commands(text) == want


def test_only_the_value_rating_is_no_less_word() -> None:
    assert not less_in("流量调到20就够了") and not less_in("开一半就足够了")
    assert less_in("蒸汽够了") and less_in("冷却水足够了") and less_in("no more steam")


# -- 2. the door is not opened ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["帮我把正门打开一下", "把门打开", "开门", "把大门打开", "正门开一下", "请把大门打开吧",
                                  "open the front door", "open the main door please", "can you open the door"])
def test_opening_the_door_is_refused(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)
    assert not any(c.params.get("locked") is False for c in _with_model(text)[0].commands)


@pytest.mark.parametrize("text", ["把门锁打开", "开锁", "解锁大门", "打开大门门锁", "把正门的锁打开", "unlock the door",
                                  "unlock the front door", "访客到了，把大门打开", "开门让消防检查员进来，他在外面等着",
                                  "请打开正门，让访客进来", "open up the building"])
def test_the_locks_own_words_and_someone_let_in_still_unlock(text: str) -> None:
    assert checked_commands(text) == {_DOOR: {"locked": False}}


@given(st.sampled_from(["", "帮我", "请", "麻烦"]), st.sampled_from(["把正门", "把门", "把大门", "把前门"]),
       st.sampled_from(["打开", "打开一下", "开一下", "开开"]), st.sampled_from(["", "吧", "。"]))
@settings(max_examples=40, deadline=None)
def test_no_way_of_saying_open_the_door_unlocks(lead: str, door: str, verb: str, tail: str) -> None:
    assert not any(c.params.get("locked") is False for c in ASSISTANT.understand(f"{lead}{door}{verb}{tail}").commands)


def test_opens_door_only_reads_the_words() -> None:
    assert opens_door_only("把门打开") and opens_door_only("open the front door")
    assert not opens_door_only("把门锁打开") and not opens_door_only("unlock the door")
    assert not opens_door_only("访客到了，把大门打开") and not opens_door_only("开门让他进来")
    assert not opens_door_only("open up the building")


# -- 3. a definite singular is asked back --------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "switch the office lamp on pls", "office lamp to 60 pls", "um can you turn on the office lamp?",
    "uh the lamp in the office turn it on", "turn on the office lamp", "set the office lamp to 30%", "start the conveyor",
    "把办公室那盏灯开了", "把办公室那个灯开一下", "把那个办公室的灯打开", "办公室这盏灯关了",
])
def test_a_definite_singular_tie_is_asked_back_never_given_to_the_model(text: str) -> None:
    prop, rec = _with_model(text)
    assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS and not prop.commands, (text, prop)
    assert rec.asked == [], text
    assert "Which one" in prop.refusal.reason or "哪一个" in prop.refusal.reason


@pytest.mark.parametrize("text", ["turn on the office lamps", "turn on both office lamps", "turn on all the office lamps",
                                  "把办公室的灯都开了", "把办公室的灯开了", "办公室两盏灯都打开"])
def test_plurals_and_all_still_mean_every_one(text: str) -> None:
    assert {d for d, p in checked_commands(text).items()} == _LAMPS


@pytest.mark.parametrize("text", ["turn on one of the office lamps", "turn on a lamp in the office", "turn on an office lamp",
                                  "turn on either office lamp", "开一盏办公室的灯", "把一盏灯调到百分之四十",
                                  # "the office lamp on my desk": the rules read it since session 12 (placed_nouns.py)
                                  "switch on the small office lamp"])
def test_an_indefinite_or_a_telling_word_may_go_to_the_model(text: str) -> None:
    """(Where the rules read the telling word themselves, "the light on the ceiling", no model is needed at all.)"""
    prop, rec = _with_model(text)
    assert rec.asked and prop.layer == MODEL and prop.ok, (text, prop)
    assert [c.picked_by_model for c in prop.commands if c.device_id in _LAMPS] == [True]


def test_a_tie_between_kinds_is_still_the_models() -> None:
    """Not one noun: the gate leaves ties between devices of different kinds alone."""
    lamps = [m for m in FLEET.devices if m.id in _LAMPS]
    assert not model_may_pick("turn on the office lamp", lamps, default_aliases())
    assert model_may_pick("turn on one of the office lamps", lamps, default_aliases())
    assert model_may_pick("turn on the desk light in the office", lamps, default_aliases())
    assert not model_may_pick("把办公室那盏灯开了", lamps, default_aliases())
    assert model_may_pick("把办公室天花板上的灯开了", lamps, default_aliases())


def test_one_named_in_chinese_is_one_lamp_not_a_filler() -> None:
    assert one_named_zh("把办公室那盏灯开了", ["灯"]) and one_named_zh("那个办公室的灯打开", ["灯"])
    assert not one_named_zh("那个，把办公室的灯关了", ["灯"]) and not one_named_zh("那个把办公室的灯关了", ["灯"])
    assert not one_named_zh("把办公室的灯开了", ["灯"])


def test_a_counted_lamp_is_no_lamp_number_one() -> None:
    """一盏灯 counts one lamp: never lamp-office-1 by its number without the model (二号灯 / 第二盏 still are numbers)."""
    prop = ASSISTANT.understand("把一盏灯调到百分之四十")
    assert prop.refusal is not None and not prop.commands
    assert checked_commands("第二盏灯打开") == {"lamp-office-2": {"power": True}}
    assert checked_commands("二号传送带停下") == {"conveyor-b": {"running": False}}


# -- 4. a negative word describing the problem ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("not enough light in the warehouse", {"lamp-warehouse": {"power": True}}),
    ("there isn't enough light in the warehouse", {"lamp-warehouse": {"power": True}}),
    ("cant see a thing in the warehouse", {"lamp-warehouse": {"power": True}}),
    ("coolant's not circulating, get it going", {"pump-cooling": {"running": True}}),
    ("cooling water isn't going on line B, get it flowing", {"pump-cooling": {"running": True}}),
    ("product isn't moving on line A, get it going", {"conveyor-a": {"running": True}}),
    ("the coolant has stopped flowing, get it going", {"pump-cooling": {"running": True}}),
    ("product isn't moving on line A, start conveyor b", {"conveyor-b": {"running": True}}),
    ("the delivery driver can't get in at the front, let him in", {_DOOR: {"locked": False}}),
    ("外面送货的进不来，让他进来吧", {_DOOR: {"locked": False}}),
    ("客人到了 让他们进来 解锁一下", {_DOOR: {"locked": False}}),
    ("make sure nobody can get in, there's some weird guy hanging around outside", {_DOOR: {"locked": True}}),
    ("the air conditioner... can you put it on heat? not sure if that's the right word", {"hvac-office": {"mode": "heat"}}),
    ("AC heat mode, if that's the right word", {"hvac-office": {"mode": "heat"}}),
    ("空调调成制热，不知道这么说对不对", {"hvac-office": {"mode": "heat"}}),
    ("it stinks on line A, ugh", {"fan-line-a": {"power": True}}),
    ("cut the cooling water", {"pump-cooling": {"running": False}}),
    ("cut the fan on line a", {"fan-line-a": {"power": False}}),
    ("line A fan to medium pls, the high setting is deafening", {"fan-line-a": {"speed": "medium"}}),
    ("一线排风调到中档，高档太吵了", {"fan-line-a": {"speed": "medium"}}),
    ("line B is going too slow, put it at 100", {"conveyor-b": {"speed": 100.0}}),
    ("二号线太慢了，调到100", {"conveyor-b": {"speed": 100.0}}),
    ("let the sunlight in but only like halfway", {"blinds-office": {"position": 50.0}}),
    ("let a little daylight in like a quarter", {"blinds-office": {"position": 25.0}}),
    ("让光线进来一点 开四分之一", {"blinds-office": {"position": 25.0}}),
    ("sun is blinding us uh bring it down halfway", {"blinds-office": {"position": 50.0}}),
    ("bring the blinds down halfway", {"blinds-office": {"position": 50.0}}),
    ("water for cooling, full blast", {"pump-cooling": {"running": True, "flow": 50.0}}),
])
def test_the_problem_stated_is_fixed(text: str, want: dict) -> None:
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", [
    "dont stop the pump", "the pump isnt running, dont start it", "the coolant isn't flowing", "don't cut the cooling water",
    "not enough", "you're not moving, get it going", "don't put the AC on heat, not sure if that's the right word",
    "cut conveyor a speed to 30", "the high setting is deafening", "open the blinds but no more than halfway",
    "raise the blinds a bit", "调高一半", "turn the fan up halfway", "there's some weird guy hanging around outside",
])
def test_negations_relatives_and_remarks_alone_stay_refused(text: str) -> None:
    assert refused(text), text


@pytest.mark.parametrize("text, want", [
    ("把A线排气扇打开，高速运转", {"fan-line-a": {"power": True, "speed": "high"}}),  # a second setting, no remark
    ("办公室温度调到26度，制冷模式", {"hvac-office": {"setpoint": 26.0, "mode": "cool"}}),
    ("line A fan to medium, high is off", None),  # a way in the "remark": not dropped (refused as before)
    ("put the AC on cooling", {"hvac-office": {"mode": "cool"}}),
    ("cut the steam", {"valve-steam": {"open": 0.0}}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict | None) -> None:
    if want is None:
        assert refused(text)
    else:
        assert checked_commands(text) == want


@given(st.sampled_from(["cant", "isnt", "doesnt", "dont", "wont", "arent", "couldnt"]))
def test_a_contraction_without_its_apostrophe_is_that_contraction(word: str) -> None:
    assert problems_as_states(f"the pump {word} x") == f"the pump {word[:-1]}'t x"


@given(st.sampled_from(["dont", "don't", "do not", "never"]), st.sampled_from(["stop", "start", "open", "close"]),
       st.sampled_from(["the pump", "the valve", "conveyor a", "the blinds"]))
@settings(max_examples=40, deadline=None)
def test_a_negated_command_after_a_problem_stays_refused(neg: str, verb: str, what: str) -> None:
    assert refused(f"the coolant isn't flowing, {neg} {verb} {what}")
