"""Session 10, over-refusals of chatter and reasons beside a command (each as a class, both languages where it applies).

1. Leaving / passing-through chatter is no part of the ask (leaving_chatter.py): "kill the floodlite, im leaving",
   "…, everyone upstairs has gone home" (an unknown place inside such a clause is chatter, not a device), 楼上的人都走了.
2. Reasons that are no negated command: "it's not that hot" (incident_reasons._NOT_THAT), "I can't read the screen"
   after a question mark (clauses._SPLIT), "could someone …" (lead_ins.py), "phone says … tripped" (report_sources.py),
   "warehouse is too dim" (dim_as_dark.py), "a truck's coming in".
3. A relative word with an explicit target after a dash is the target (screening._ABSOLUTE).
4. Keeping people out "overnight" / "tonight" is locking now (keep_out_span.py); a real schedule stays refused.
5. "pause it for a sec" is a stop now (brief_pause.py); a duration stays refused.
6. Terse state lists are read item by item (headings.terse_states), an "and" between two terse items too.
"""

from __future__ import annotations

import pytest

from console.core.assistant.brief_pause import brief_pause
from console.core.assistant.dim_as_dark import dim_as_dark
from console.core.assistant.headings import terse_states
from console.core.assistant.keep_out_span import keep_out_span
from console.core.assistant.leaving_chatter import drop_leaving, leaving
from console.core.assistant.report_sources import drop_report_source
from tests.core.assistant.helpers import ASSISTANT, checked_commands, refusal_kind, refused

_AC_OFF = {"hvac-office": {"power": False}}
_LOCK = {"lock-main-door": {"locked": True}}
_FLOOD_OFF = {"lamp-warehouse": {"power": False}}


# -- 1. leaving chatter ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("switch the AC off, everyone upstairs has gone home", _AC_OFF),
    ("switch the AC off, everybody downstairs has left", _AC_OFF),
    ("AC off and blinds closed, heading out", {**_AC_OFF, "blinds-office": {"position": 0.0}}),
    ("lock up and kill the lights in the office, im off",
     {**_LOCK, "lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}}),
    ("make sure no one can get in, im off", _LOCK),
    ("kill the floodlite, im leaving", _FLOOD_OFF),
    ("kill the floodlight, i'm off home", _FLOOD_OFF),
    ("floodlight off - we're heading out now", _FLOOD_OFF),
    ("im off, kill the floodlight", _FLOOD_OFF),
    ("AC off, gotta go", _AC_OFF),
    ("blinds open, steam valve closed, pump off please, maintenance crew coming through",
     {"blinds-office": {"position": 100.0}, "valve-steam": {"open": 0.0}, "pump-cooling": {"running": False}}),
    ("空调关掉，楼上的人都走了", _AC_OFF),
    ("把空调关了，我先走了", _AC_OFF),
])
def test_leaving_chatter_is_dropped(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text, kind", [
    ("turn on the lights upstairs", "unknown_device"),  # an unknown place that bounds the command: never chatter
    ("switch on the lamps upstairs, im off", "unknown_device"),
    ("把楼上的灯打开", "unknown_device"),
    ("im off", None),  # nothing left: never read as "off"
    ("we're leaving", None),
    ("don't switch the AC off, im leaving", None),  # the command's own negation stays
])
def test_leaving_chatter_never_hides_a_refusal(text, kind):
    assert refused(text)
    if kind is not None:
        assert refusal_kind(text) == kind


def test_a_place_in_the_chatter_still_bounds_the_command():
    # "everyone in the warehouse has gone home" names a fleet place: kept, and it bounds "lights off"
    assert checked_commands("lights off, everyone in the warehouse has gone home") == _FLOOD_OFF


@pytest.mark.parametrize("clause, want", [
    ("im off", True), ("i'm leaving now", True), ("heading out", True), ("everyone upstairs has gone home", True),
    ("maintenance crew coming through", True), ("the cleaners are passing by", True), ("我下班了", True),
    ("turn it off", False), ("off", False), ("lights off", False), ("the pump is off", False),
    ("everyone out", False), ("the siren has gone off", False),
])
def test_leaving_clause(clause, want):
    assert leaving(clause) is want


def test_drop_leaving_keeps_a_clause_that_names_the_fleet():
    names = lambda c: "warehouse" in c  # noqa: E731
    assert drop_leaving("lights off, everyone in the warehouse has gone home", names) == \
        "lights off, everyone in the warehouse has gone home"
    assert drop_leaving("lights off, everyone upstairs has gone home", names) == "lights off"
    assert drop_leaving("im off", names) == "im off"


# -- 2. reasons that are no negated command ------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("AC to fan mode, it's not that hot", {"hvac-office": {"mode": "fan"}}),
    ("AC to fan mode, it is not so hot in here", {"hvac-office": {"mode": "fan"}}),
    ("turn the AC off, it isn't that warm", _AC_OFF),
    ("warehouse is too dim, a truck's coming in", {"lamp-warehouse": {"power": True}}),
    ("the warehouse is really dim", {"lamp-warehouse": {"power": True}}),
    ("Could someone close the blinds? I can't read the screen.", {"blinds-office": {"position": 0.0}}),
    ("close the blinds? I can't read the screen", {"blinds-office": {"position": 0.0}}),
    ("can anybody close the blinds", {"blinds-office": {"position": 0.0}}),
    ("phone says cooling pump tripped, start it again pls", {"pump-cooling": {"running": True}}),
    ("the app is showing the cooling pump tripped - restart it", {"pump-cooling": {"running": True}}),
])
def test_a_reason_beside_the_command(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", [
    "don't turn the AC on, it's not that hot",  # a negated command stays a negation
    "AC to fan mode, don't cool",
    "it's not that hot",
    "could someone check if the blinds are closed?",  # a condition
    "can anyone not open the blinds",
    "phone says cooling pump tripped",  # a report alone
    "is the pump on? turn it off",  # a question stays a question
    "dim the warehouse",
])
def test_reason_forms_that_stay_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text, want", [
    # a remark after a question mark stays a remark: never read alone ("too noisy" is no siren off)
    ("Can you set the exhaust fan in line A to low? It is too noisy for the workers.",
     {"fan-line-a": {"speed": "low"}}),
    ("人都走了，把灯关了", {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False},
                     "lamp-warehouse": {"power": False}}),  # the older clause-pass reading is kept
])
def test_nearby_asks_keep_their_meaning(text, want):
    assert checked_commands(text) == want


def test_dim_the_verb_is_kept():
    assert checked_commands("dim the desk lamp to 20") == {"lamp-office-2": {"level": 20.0}}
    assert dim_as_dark("dim it to 20") == "dim it to 20"
    assert dim_as_dark("warehouse is too dim") == "warehouse is too dark"
    assert dim_as_dark("it's so dim the lamp") == "it's so dim the lamp"


def test_report_source_only_at_the_start_and_before_a_clause():
    assert drop_report_source("phone says the pump tripped, start it") == "the pump tripped, start it"
    assert drop_report_source("phone says the pump tripped") == "phone says the pump tripped"
    assert drop_report_source("the boss says the pump tripped, start it") == "the boss says the pump tripped, start it"
    assert drop_report_source("start it, phone says the pump tripped") == "start it, phone says the pump tripped"


# -- 3. a relative word with the target after a dash ---------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("cooler in the office please - 20 degrees", {"hvac-office": {"setpoint": 20.0}}),
    ("cooler in the office please — 20 degrees", {"hvac-office": {"setpoint": 20.0}}),
    ("warmer in the office - twenty three degrees", {"hvac-office": {"setpoint": 23.0}}),
    ("make the desk lamp dimmer - 20%", {"lamp-office-2": {"level": 20.0}}),
])
def test_relative_word_with_a_dashed_target(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["cooler in the office please", "cooler by 2 - 20 degrees",
                                  "cooler in the office - 35 degrees"])
def test_relative_word_without_a_usable_target_is_refused(text):
    assert refused(text)


# -- 4. keeping people out for a period ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "make sure no one can get in overnight",  # "tonight" is a day word: refused since session 11b (blind set 71)
    "ensure nobody gets in over the weekend", "make sure no one can get in all night",
])
def test_keeping_people_out_for_a_period_locks_now(text):
    assert checked_commands(text) == _LOCK


@pytest.mark.parametrize("text", [
    "lock the door at 10pm", "lock the door tonight", "make sure no one can get in tonight at 8",
    "tonight at 8 make sure nobody can get in", "unlock the door overnight", "make sure nobody can get in tonight",
])
def test_a_real_schedule_stays_refused(text):
    assert refused(text)
    assert refusal_kind(text) == "unsupported"


def test_keep_out_span_only_after_the_wish():
    assert keep_out_span("make sure no one can get in overnight") == "make sure no one can get in for the night"
    assert keep_out_span("lock the door overnight") == "lock the door overnight"
    assert keep_out_span("make sure no one can get in tonight at 8") == "make sure no one can get in tonight at 8"


# -- 5. a brief pause ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("the rattling on line A - pause it for a sec", {"conveyor-a": {"running": False}}),
    ("pause conveyor a for a sec", {"conveyor-a": {"running": False}}),
    ("stop conveyor b for a moment", {"conveyor-b": {"running": False}}),
    ("pause the cooling pump for a bit", {"pump-cooling": {"running": False}}),
])
def test_pause_for_a_sec_stops_now(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", [
    "pause it for 10 minutes", "pause conveyor a for 10 minutes", "stop conveyor b for a minute",
    "open the valve for a sec", "start conveyor a for a moment", "don't stop conveyor a for a sec",
    "turn the siren on for a bit",
])
def test_a_duration_or_another_verb_stays_refused(text):
    assert refused(text)


def test_brief_pause_text():
    assert brief_pause("pause it for a sec") == "pause it"
    assert brief_pause("start it for a sec") == "start it for a sec"
    assert brief_pause("pause it for 10 seconds") == "pause it for 10 seconds"


# -- 6. terse state lists -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("blinds open, steam valve closed, pump off please",
     {"blinds-office": {"position": 100.0}, "valve-steam": {"open": 0.0}, "pump-cooling": {"running": False}}),
    ("AC off and blinds closed", {**_AC_OFF, "blinds-office": {"position": 0.0}}),
    ("blinds shut, steam valve opened", {"blinds-office": {"position": 0.0}, "valve-steam": {"open": 100.0}}),
])
def test_terse_state_lists(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", [
    "pump stopped and valve closed",  # only reports
    "the valve is closed and the pump stopped",
])
def test_reports_stay_reports(text):
    assert refused(text)


def test_terse_states_and_split_only_between_terse_items():
    assert terse_states("ac off and blinds closed") == "ac off, close the blinds"
    assert terse_states("turn on the lamp and the fan, valve closed") == "turn on the lamp and the fan, valve closed"


# -- 7. an "i.e." restating the list stays refused (an exception plus a second list: which one is meant?) -----------
def test_exception_restated_by_ie_stays_refused():
    prop = ASSISTANT.understand(
        "pause everything on line B except the steam, i.e. stop the product flow and the circulation")
    assert prop.refusal is not None and not prop.commands
