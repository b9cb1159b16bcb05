"""Session 7, fixer G: four defects found by hand, each as a class.

A person let out is the entrance unlocked, never a valve (let_out.py); a coordinated device that cannot take the verb
refuses the whole ask, naming it (each_part.py); "there" with no place named asks which place (there_place.py); a
question addressed to someone ("would you like …?", "should I …?", 要不要…？) is no command, while a polite request
(could you …?, 能把…吗？) stays one (lexicon.py, reader.py)."""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import ASSISTANT, checked_commands, refusal_kind, refused

_DOOR = "lock-main-door"
_MACHINES = ("valve-", "pump-", "conveyor-")

# -- 1. "let … out" with a person: the main entrance, never a machine ------------------------------------------------
_WHO_EN = ("them", "him", "her", "us", "the visitors", "the crew", "the guests", "the cleaners", "the inspector",
           "the delivery driver", "everyone")
_WHO_ZH = ("他们", "她们", "他", "她", "我们", "客人", "访客", "工人", "大家", "快递员")


def _no_machine(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert not [c.device_id for c in prop.commands if c.device_id.startswith(_MACHINES)], (text, prop.commands)


@pytest.mark.parametrize("who", _WHO_EN)
@pytest.mark.parametrize("way", ["let {} out", "let {} in", "please let {} out", "let {} out of the building",
                                 "let {} outside"])
def test_person_let_out_or_in_is_never_a_machine_en(who: str, way: str) -> None:
    _no_machine(way.format(who))


@pytest.mark.parametrize("who", _WHO_ZH)
@pytest.mark.parametrize("way", ["让{}出去", "放{}出来", "让{}进来", "放{}进来", "请让{}离开"])
def test_person_let_out_or_in_is_never_a_machine_zh(who: str, way: str) -> None:
    _no_machine(way.format(who))


@pytest.mark.parametrize("text", ["let them out", "let the visitors out", "let the crew out", "let us out",
                                  "let her out of the building", "放他们出去", "放客人出来", "让他们出来",
                                  "放工人出去"])
def test_person_let_out_unlocks_the_entrance(text: str) -> None:
    assert checked_commands(text) == {_DOOR: {"locked": False}}


@pytest.mark.parametrize(("text", "device"), [("let the steam out", "valve-steam"), ("let the steam out on line b",
                                                                                     "valve-steam")])
def test_a_thing_let_out_is_still_its_device(text: str, device: str) -> None:
    assert set(checked_commands(text)) == {device}


@pytest.mark.parametrize("text", ["don't let them out", "别放他们出去", "不要放客人出来", "never let the crew out"])
def test_negated_let_out_stays_refused(text: str) -> None:
    assert refused(text)


# -- 2. one verb, several devices: one that cannot take it refuses the whole ask ------------------------------------
@pytest.mark.parametrize(("text", "part"), [
    ("lock the door and the blinds", "blinds"), ("lock the blinds and the door", "blinds"),
    ("unlock the door and the pump", "pump"), ("open the valve and the door", "door"),
    ("lock the door, the blinds and the siren", "blinds"), ("unlock the door and the conveyors", "conveyor"),
    ("lock the door and the lights", "lamp"), ("把门和百叶窗锁上", "百叶窗"), ("把门和灯锁上", "灯"),
    ("unlock the door and the ac", "air")])
def test_a_device_that_cannot_take_the_verb_refuses_the_whole_ask(text: str, part: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)
    assert prop.refusal.kind == "unsupported"
    assert part in prop.refusal.reason.lower()


@pytest.mark.parametrize(("text", "want"), [
    ("close the blinds and the valve", {"blinds-office": {"position": 0.0}, "valve-steam": {"open": 0.0}}),
    ("cut off the steam and the coolant on line b", {"valve-steam": {"open": 0.0}, "pump-cooling": {"running": False}}),
    ("lock up the building and lights out everywhere", {_DOOR: {"locked": True}, "lamp-office-1": {"power": False},
                                                        "lamp-office-2": {"power": False},
                                                        "lamp-warehouse": {"power": False}}),
    ("make the office ac cooler, like 19 degrees", {"hvac-office": {"setpoint": 19.0}})])
def test_devices_that_all_take_the_verb_still_work(text: str, want: dict) -> None:
    assert checked_commands(text) == want


# -- 3. "there" with no place named: which place? ---------------------------------------------------------------------
@pytest.mark.parametrize("text", ["switch on the lights there", "switch on the lights in there", "lights off over there",
                                  "turn the lamps on there please", "把那里的灯打开", "那边的灯关掉", "那儿的灯都打开"])
def test_there_without_a_place_asks_which(text: str) -> None:
    assert refusal_kind(text) == "ambiguous"


@pytest.mark.parametrize(("text", "want"), [
    ("the warehouse is dark, switch on the lights there", {"lamp-warehouse": {"power": True}}),
    ("turn off the office air conditioner, nobody's in there today", {"hvac-office": {"power": False}}),
    ("alert all the workers out there with a steady tone", {"siren-yard": {"active": True, "pattern": "steady"}})])
def test_there_with_a_place_or_outdoors_still_reads(text: str, want: dict) -> None:
    assert checked_commands(text) == want


# -- 4. a question addressed to someone is no command; a polite request is --------------------------------------------
@pytest.mark.parametrize("text", [
    "Would you like the blinds open?", "would you like the lights on?", "would you like me to open the valve?",
    "do you want the siren off?", "should I open the blinds?", "should we stop the conveyors?",
    "shall I switch off the lights?", "is the blinds open?", "要不要开灯？", "要不要把百叶窗打开？", "百叶窗打开吗？",
    "要不要关掉警报"])
def test_questions_are_refused(text: str) -> None:
    assert refusal_kind(text) == "nothing_actionable"


@pytest.mark.parametrize(("text", "want"), [
    ("could you open the blinds?", {"blinds-office": {"position": 100.0}}),
    ("would you open the blinds?", {"blinds-office": {"position": 100.0}}),
    ("please open the blinds?", {"blinds-office": {"position": 100.0}}),
    ("can you kill the siren?", {"siren-yard": {"active": False}}),
    ("能把台灯关了吗？", {"lamp-office-2": {"power": False}}), ("能把台灯关了吗", {"lamp-office-2": {"power": False}}),
    ("可以开一下空调吗？", {"hvac-office": {"power": True}}), ("帮我把百叶窗打开吗？", {"blinds-office": {"position": 100.0}})])
def test_polite_requests_stay_commands(text: str, want: dict) -> None:
    assert checked_commands(text) == want
