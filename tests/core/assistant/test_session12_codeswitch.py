"""Session 12 (blind sets 76, 79): code-switched Chinese/English and Singlish asks (code_switch.py), 抽风 as the fan's
word (catalog semantics), "line A 的烟散了, fan off" (symptom_over.py), ", start of shift" (trailing_asides.py).

- the asks that must now work, each with its direction checked on the words as said;
- nearby asks that keep their old meaning;
- the harmful variants (negations, a refusal kept, a sound no kind makes, a name no device has) that stay refused.
"""

from __future__ import annotations

import json

import pytest

from console.core.assistant.code_switch import code_switched
from console.core.assistant.ha_semantics import KIND_TABLE
from console.core.assistant.phrases import normalize
from console.core.assistant.symptom_over import _placed
from console.core.assistant.trailing_asides import drop_trailing
from tests.core.assistant.helpers import ASSISTANT, FLEET, refused, understood

FAN_ON = {"fan-line-a": {"power": True}}
FAN_OFF = {"fan-line-a": {"power": False}}
SIREN_OFF = {"siren-yard": {"active": False}}

NOW_READ = [
    # Singlish request shapes and particles
    ("can close the valve or not", {"valve-steam": {"open": 0.0}}),
    ("can close the valve or not?", {"valve-steam": {"open": 0.0}}),
    ("could you open the valve or not", {"valve-steam": {"open": 100.0}}),
    ("floodlight can off already", {"lamp-warehouse": {"power": False}}),
    ("floodlight can on already", {"lamp-warehouse": {"power": True}}),
    ("Pls start conveyor A, thks", {"conveyor-a": {"running": True}}),
    ("Pls stop conveyor A, tq", {"conveyor-a": {"running": False}}),
    ("help me open the blinds can?", {"blinds-office": {"position": 100.0}}),
    ("help me close the blinds can?", {"blinds-office": {"position": 0.0}}),
    ("open the blinds can?", {"blinds-office": {"position": 100.0}}),
    ("quiet lah the yard", SIREN_OFF),
    ("have to let the contractors in", {"lock-main-door": {"locked": False}}),
    # a thing named by its sound
    ("the thing howling in the yard, silence it", SIREN_OFF),
    ("whatever's howling in the yard, kill it", SIREN_OFF),
    ("whatever is beeping in the yard, stop it", SIREN_OFF),
    # English and Chinese in one ask
    ("ceiling 那个灯 off", {"lamp-office-1": {"power": False}}),
    ("ceiling 那个灯 on", {"lamp-office-1": {"power": True}}),
    ("desk 的灯 off", {"lamp-office-2": {"power": False}}),
    ("line A 的烟散了, fan switch off 吧", FAN_OFF),
    ("line A 的烟散了, fan off", FAN_OFF),
    ("抽风 full blast, line A 烟好大", {"fan-line-a": {"power": True, "speed": "high"}}),
    ("line A 有味道，抽风开一下", FAN_ON),
    ("抽风关掉", FAN_OFF),
    ("warehouse 要 light，yard 要安静", {"lamp-warehouse": {"power": True}, **SIREN_OFF}),
    ("warehouse 要 light", {"lamp-warehouse": {"power": True}}),
    ("line B cooling flow to 45", {"pump-cooling": {"flow": 45.0}}),
    ("set cooling flow to 30", {"pump-cooling": {"flow": 30.0}}),
    # the time of day as a reason
    ("everything on line A on, start of shift", {**FAN_ON, "conveyor-a": {"running": True}}),
    ("everything on line A off, start of shift", {**FAN_OFF, "conveyor-a": {"running": False}}),
]


@pytest.mark.parametrize("text, want", NOW_READ)
def test_now_read(text, want):
    assert understood(text) == want


KEPT = [
    ("close the valve", {"valve-steam": {"open": 0.0}}),
    ("floodlight off", {"lamp-warehouse": {"power": False}}),
    ("ceiling light off", {"lamp-office-1": {"power": False}}),
    ("open the blinds", {"blinds-office": {"position": 100.0}}),
    ("that howling in the yard, silence it", SIREN_OFF),
    ("排风开一下", FAN_ON),
    ("一号线的烟散了，风扇关了吧", FAN_OFF),
    ("line B cooling pump flow to 45", {"pump-cooling": {"flow": 45.0}}),
    ("everything on line A on, end of shift", {**FAN_ON, "conveyor-a": {"running": True}}),
]


@pytest.mark.parametrize("text, want", KEPT)
def test_nearby_asks_keep_their_meaning(text, want):
    assert understood(text) == want


HARMFUL = [
    "can you not close the valve or not",  # a real "not" in the body
    "don't close the valve or not",
    "open the blinds can not?",
    "dont open the blinds can?",
    "can open the valve or not, if the pressure is low",  # a condition
    "warehouse 不要 light",  # 不要 is a negation
    "yard 不要安静",
    "抽风不要开",
    "不要开抽风",
    "floodlight can't off already",
    "floodlight cannot off already",
    "you don't have to let the contractors in",
    "don't quiet lah the yard",
    "help me, the blinds are stuck",  # a plea, no verb
    "that humming in the office, silence it",  # no kind of the fleet hums
    "line B heating flow to 45",  # no device named heating
    "line A 的烟散了, fan on 吧",  # the smoke is gone: never the fan on
    "everything on line A on at start of shift lah, if the crew is in",
]


@pytest.mark.parametrize("text", HARMFUL)
def test_harmful_variants_refused(text):
    assert refused(text), text


@pytest.mark.parametrize("text", ["close the valve", "floodlight off", "仓库的灯关掉", "stop conveyor a",
                                  "can you close the valve", ""])
def test_plain_asks_not_rewritten(text):
    assert code_switched(normalize(text), FLEET.devices) is None


@pytest.mark.parametrize("text, words", [
    ("can close the valve or not", "close the valve"),
    ("can you not close the valve or not", None),
    ("floodlight can off already", "floodlight off"),
    ("quiet lah the yard", "quiet the yard"),
    ("Pls start conveyor A, thks", "start conveyor a"),
    ("help me open the blinds can?", "open the blinds"),
    ("have to let the contractors in", "let the contractors in"),
    ("whatever's howling in the yard, kill it", "that howling in the yard, kill it"),
    ("ceiling 那个灯 off", "ceiling light off"),
    ("warehouse 要 light", "warehouse light on"),
    ("warehouse 不要 light", None),
    ("line b cooling flow to 45", "line b cooling pump flow to 45"),
    ("line b flow to 45", None),  # "line" is a zone's word: no device by it alone
    ("open the blinds as soon as you can", None),  # a hedge, no Singlish "can?"
    ("start the scan?", None),
    ("the thing humming in the office, silence it", "that humming in the office, silence it"),
])
def test_code_switched_words(text, words):
    assert code_switched(normalize(text), FLEET.devices) == words


def test_setting_after_a_shared_name_word_is_left():
    # "office level": two office lamps have a level; never one of them picked
    assert code_switched("office level to 30", FLEET.devices) is None


def test_fan_word_in_catalogs():
    raw = json.loads(open("resources/fleets/demo-fleet.json", encoding="utf-8").read())
    assert "抽风" in raw["semantics"]["kinds"]["fan"]["things"]["zh"]
    assert "抽风" in KIND_TABLE["fan"]["things"]


def test_place_before_english_clause_keeps_a_space():
    assert _placed("fan off", "line a 的", True) == "line a fan off"
    assert _placed("关掉风机", "二号线的", True) == "二号线关掉风机"


@pytest.mark.parametrize("text, left", [
    ("everything on line a on, start of shift", "everything on line a on"),
    ("lights on, start of the day", "lights on"),
    ("lights on at the start of the shift", "lights on at the start of the shift"),  # bound: no boundary
])
def test_start_of_shift_is_a_reason(text, left):
    assert drop_trailing(text, ASSISTANT._names_any) == left
