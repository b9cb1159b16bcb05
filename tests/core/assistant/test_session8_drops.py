"""Session 8, blind set 33 (night rounds): silent drops and the asks beside them.

- every noun of a list under one verb is carried out, or the ask is refused (noun_lists_zh.py for Chinese lists in
  one clause; ellipsis_parts.py for English bare nouns after "and", with the ask's full stop, a comma list closed by
  "and"; noun_pairs.py for "&"): 二号线的冷却水和蒸汽都关了, "Nobody's on line B, stop the product flow and the
  coolant." had each dropped a device;
- 重新 + a running word is a restart (resume_zh.py): 让二号线重新输送货物，转速一百;
- a place + a kind's thing + 一半 is that device at 50 %, never the place's read-only % (layers._setting_by_place);
- a need that is gone, said alone in Chinese, is an off (need_gone_alone.py), a need *to do* something a negated
  command;
- who waits at the entrance is let in ("waiting" is no typo of the siren's "wailing").
"""

from __future__ import annotations

import itertools
import json

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.assistant.noun_lists_zh import _lists
from console.core.assistant.phrases import normalize
from console.core.assistant.resume_zh import resume_zh
from console.core.fleet.catalog import default_fleet_path, load_fleet
from tests.core.assistant.helpers import ASSISTANT, proposed, refused, understood

_PUMP_OFF = {"pump-cooling": {"running": False}}
_STEAM_SHUT = {"valve-steam": {"open": 0.0}}
_FAN_OFF = {"fan-line-a": {"power": False}}
_UNLOCK = {"lock-main-door": {"locked": False}}


# -- 1. the blind set's lines ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("二号线的冷却水和蒸汽都关了", {**_PUMP_OFF, **_STEAM_SHUT}),
    ("Nobody's on line B, stop the product flow and the coolant.",
     {"conveyor-b": {"running": False}, **_PUMP_OFF}),
    ("让二号线重新输送货物，转速一百", {"conveyor-b": {"running": True, "speed": 100.0}}),
    ("二号线的蒸汽开一半", {"valve-steam": {"open": 50.0}}),
    ("一号线现在空气很好了，不用排风了", _FAN_OFF),
    ("The cleaning crew is waiting at the entrance, let them in.", _UNLOCK),
])
def test_blind_set_lines(text, want):
    assert understood(text) == want


# -- 2. silent drops: every listed noun, or a refusal ----------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("冷却水和蒸汽都关了", {**_PUMP_OFF, **_STEAM_SHUT}),
    ("二号线没人了，冷却水和蒸汽都关了", {**_PUMP_OFF, **_STEAM_SHUT}),
    ("二号线的蒸汽和冷却水都关掉", {**_PUMP_OFF, **_STEAM_SHUT}),
    ("冷却水、蒸汽都停了吧", {**_PUMP_OFF, **_STEAM_SHUT}),
    ("冷却水和蒸汽，都关了", {**_PUMP_OFF, **_STEAM_SHUT}),
    ("一号线的排风和传送带都停了", {**_FAN_OFF, "conveyor-a": {"running": False}}),
    ("二号线的冷却水和一号线的排风都关了", {**_PUMP_OFF, **_FAN_OFF}),
    ("把冷却水和蒸汽都打开", {"pump-cooling": {"running": True}, "valve-steam": {"open": 100.0}}),
    ("stop the product flow and the coolant on line B.", {"conveyor-b": {"running": False}, **_PUMP_OFF}),
    ("Line B is empty, stop the product flow and the coolant.", {"conveyor-b": {"running": False}, **_PUMP_OFF}),
    ("stop production line 1 and the steam.", {"conveyor-a": {"running": False}, **_STEAM_SHUT}),
    ("stop conveyor b and the coolant!", {"conveyor-b": {"running": False}, **_PUMP_OFF}),
    ("stop the coolant & the steam", {**_PUMP_OFF, **_STEAM_SHUT}),
    ("stop the coolant, the steam and the conveyor on line b",
     {**_PUMP_OFF, **_STEAM_SHUT, "conveyor-b": {"running": False}}),
])
def test_every_listed_noun_is_carried_out(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "冷却水和那个都关了",  # "that one": a listed noun nobody read
    "turn off the fan and that thing.",
    "stop the coolant and the product flow.",  # which line's product? never the pump alone
    "一号线的排风和二号线的传送带都停了",  # had stopped both conveyors (line A's too) and dropped the fan
    "lock the main door and the blinds and start the fan.",  # a named kind bare after "and": the blinds had been dropped
])
def test_a_listed_noun_not_understood_refuses_the_whole_ask(text):
    assert refused(text)


# nouns each naming one device of the demo fleet, and Chinese list forms under one verb
_NOUNS_ZH = {"冷却水": "pump-cooling", "蒸汽": "valve-steam", "台灯": "lamp-office-2", "吊灯": "lamp-office-1",
             "空调": "hvac-office", "排风": "fan-line-a", "探照灯": "lamp-warehouse"}
_FORMS_ZH = ("{x}和{y}都{v}", "把{x}和{y}{v}", "{x}、{y}都{v}", "{x}跟{y}也都{v}", "{v}{x}和{y}",
             "现在没人了，{x}和{y}都{v}")
_VERBS_ZH = ("关了", "关掉", "停了", "打开")


@pytest.mark.parametrize("form", _FORMS_ZH)
@pytest.mark.parametrize("x, y", list(itertools.combinations(_NOUNS_ZH, 2)))
def test_property_a_chinese_list_never_drops_a_noun(form, x, y):
    for v in _VERBS_ZH:
        if form.startswith("{v}") and v.endswith("了"):
            continue
        text = form.format(x=x, y=y, v=v)
        prop = ASSISTANT.understand(text)
        if prop.refusal is not None:
            continue
        got = {c.device_id for c in prop.commands}
        assert {_NOUNS_ZH[x], _NOUNS_ZH[y]} <= got, (text, got)
        assert ASSISTANT.direction_problem(text, prop) is None, text


_NOUNS_EN = {"the coolant": "pump-cooling", "the steam": "valve-steam", "the desk lamp": "lamp-office-2",
             "the exhaust fan": "fan-line-a", "conveyor b": "conveyor-b", "the office ac": "hvac-office"}


@pytest.mark.parametrize("end", ["", ".", "!", " please."])
@pytest.mark.parametrize("lead", ["", "nobody's around, ", "we're done here. "])
@pytest.mark.parametrize("x, y", list(itertools.permutations(_NOUNS_EN, 2)))
def test_property_an_english_pair_never_drops_a_noun(x, y, lead, end):
    text = f"{lead}turn off {x} and {y}{end}"
    prop = ASSISTANT.understand(text)
    if prop.refusal is None:
        got = {c.device_id for c in prop.commands}
        assert {_NOUNS_EN[x], _NOUNS_EN[y]} <= got, (text, got)


def test_a_listed_noun_the_fleet_lacks_refuses(tmp_path):
    """Over another fleet (no steam valve): 蒸汽 names nothing, so the pump is never stopped alone."""
    raw = json.loads(default_fleet_path().read_text(encoding="utf-8"))
    raw["devices"] = [d for d in raw["devices"] if d["kind"] != "valve"]
    path = tmp_path / "no-valve.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    asst = Assistant(load_fleet(path), default_aliases())
    prop = asst.understand("二号线的冷却水和蒸汽都关了")
    assert prop.refusal is not None and not prop.commands
    assert {c.device_id for c in asst.understand("二号线的冷却水关了").commands} == {"pump-cooling"}


def test_lists_shares_a_place_said_once_only():
    assert _lists(normalize("二号线的冷却水和蒸汽都关了"))[0][2] == ["二号线的冷却水", "二号线的蒸汽"]
    assert _lists(normalize("二号线的冷却水和一号线的排风都关了"))[0][2] == ["二号线的冷却水", "一号线的排风"]
    assert _lists(normalize("冷却水和蒸汽都开着")) == []  # a state, no verb
    lamps = ("lamp-office-1", "lamp-office-2", "lamp-warehouse")
    assert proposed("办公室和仓库的灯都关掉") == {d: {"power": False} for d in lamps}  # places, one noun: as before


# -- 3. 重新 + a running word: a restart ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("让二号线重新输送货物", {"conveyor-b": {"running": True}}),
    ("二号线重新生产", {"conveyor-b": {"running": True}}),
    ("二号线重新输送货物，转速一百", {"conveyor-b": {"running": True, "speed": 100.0}}),
    ("冷却水重新循环", {"pump-cooling": {"running": True}}),
    ("二号线重新开始生产", {"conveyor-b": {"running": True}}),  # as before
    ("二号线重新调到一百转", {"conveyor-b": {"speed": 100.0}}),  # set anew: the value only, as before
])
def test_again_restarts(text, want):
    assert understood(text) == want


def test_again_rewrite_is_narrow():
    assert resume_zh("二号线重新输送货物") == "二号线重启输送货物"
    assert resume_zh("重新设置转速") == "重新设置转速"
    assert resume_zh("重新开始生产") == "重新开始生产"


@pytest.mark.parametrize("text", ["不要让二号线重新输送货物", "别重新生产", "如果二号线重新生产就打开冷却水"])
def test_again_negated_or_conditional_stays_refused(text):
    assert refused(text)


# -- 4. half of the device the clause names --------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("二号线蒸汽开一半", {"valve-steam": {"open": 50.0}}),
    ("二号线的蒸汽开到80", {"valve-steam": {"open": 80.0}}),
    ("二号线的蒸汽开一半，冷却水停掉", {"valve-steam": {"open": 50.0}, **_PUMP_OFF}),
    ("蒸汽阀开一半", {"valve-steam": {"open": 50.0}}),  # as before
    ("百叶窗开一半", {"blinds-office": {"position": 50.0}}),
])
def test_half_of_the_named_thing(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", ["二号线开一半", "二号线的负载开一半"])
def test_half_of_a_place_or_a_read_only_value_stays_refused(text):
    assert refused(text)


# -- 5. a need that is gone, said alone --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("不用排风了", _FAN_OFF),
    ("一号线不用通风了", _FAN_OFF),
    ("不需要冷却水了", _PUMP_OFF),
    ("二号线用不着蒸汽了", _STEAM_SHUT),
    ("仓库不需要照明了", {"lamp-warehouse": {"power": False}}),
    ("一号线不用排风了，谢谢", _FAN_OFF),
    ("一号线不用通风了，关了吧", _FAN_OFF),  # beside its command, as before (negated_reasons.py)
    ("二号线不再需要冷却水了", _PUMP_OFF),  # as before
])
def test_need_gone_alone_is_off(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "不用关了", "不用开灯了", "一号线不用关排风了", "大门不用锁了", "办公室不用制冷了", "不用排风了，打开灯",
    "一号线不用排风了吗", "如果空气好了，不用排风了", "明天一号线不用排风了", "no need to switch the fan off",
    "we don't need the fan", "line a does not need the exhaust anymore",  # English: a negation, as decided before
    # a need that is gone *to do* something is a negated command (these had locked, closed and opened)
    "大门不再需要锁了", "不再需要锁门了", "阀门不再需要关了", "不再需要打开阀门了",
])
def test_negated_commands_stay_refused(text):
    assert refused(text)


# -- 6. who waits at the entrance -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The courier is waiting at the entrance, let them in.",
    "The cleaners are back, let them in.",
    "the night shift is waiting at the entrance, let them in",
    "let the night shift crew in",
    "let in the cleaning crew",
    "保洁在门口等着，让她们进来",
    "清洁工在门口，让他们进来",
])
def test_people_waiting_are_let_in(text):
    assert understood(text) == _UNLOCK


@pytest.mark.parametrize("text, want", [
    ("the cleaning crew is waiting at the entrance, lock the door", {"lock-main-door": {"locked": True}}),
    ("set the siren to wailing", {"siren-yard": {"pattern": "wail"}}),
])
def test_nearby_asks_keep_their_meaning(text, want):
    assert proposed(text) == want


@pytest.mark.parametrize("text", [
    "the cleaning crew is waiting at the entrance, do not let them in",
    "the cleaning crew is waiting at the entrance",
    "let the dog in",
])
def test_no_person_or_no_let_in_unlocks_nothing(text):
    assert refused(text)
