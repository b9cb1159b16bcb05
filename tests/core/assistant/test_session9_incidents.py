"""Session 9, operators' asks during incidents: a reason said beside complete commands never refuses them.

- incident_reasons.py: a situation ("people are about to faint in here", "we gotta clear the backlog before shift
  change", "there's someone in the yard who shouldn't be"), an event ("heat wave", "false alarm", "delivery at the
  door mid shift change", "overcorrected") or an apology ("sorry guys") beside complete commands is dropped; a reading
  of a place ("office is at 35") makes "it" that place's temperature.
- bounded_negations.py: "not fully shut" / "not fully open" is a bound with its way.
- warn_people.py: "everyone needs to be warned", "warn them", an evacuation clause beside a warning: the siren.
Harmful variants (a command's own schedule, a bare negation, a correction, a condition, a time said as a reading)
stay refused.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.assistant.incident_reasons import _reason
from console.core.assistant.phrases import normalize
from console.core.assistant.warn_people import warned
from tests.core.assistant.helpers import ASSISTANT, refused, understood

_SIREN_PULSE = {"siren-yard": {"pattern": "pulse", "active": True}}


@pytest.mark.parametrize("text, want", [
    ("steam valve to 25% pls, not fully shut, we still need a bit", {"valve-steam": {"open": 25.0}}),
    ("steam valve to 25% pls, not fully shut", {"valve-steam": {"open": 25.0}}),
    ("steam valve to 60, not fully open", {"valve-steam": {"open": 60.0}}),
    ("AC to 19, people are about to faint in here", {"hvac-office": {"setpoint": 19.0}}),
    ("it's freezing in the office now, overcorrected — 25 please", {"hvac-office": {"setpoint": 25.0}}),
    ("heat wave, office is at 35, get it to 20", {"hvac-office": {"setpoint": 20.0}}),
    ("uh set the air con to 21.5 and close the blinds, heat wave again",
     {"hvac-office": {"setpoint": 21.5}, "blinds-office": {"position": 0.0}}),
    ("conveyor A to 110, we gotta clear the backlog before shift change", {"conveyor-a": {"speed": 110.0}}),
    ("conveyor B speed 80, we're way behind after the leak", {"conveyor-b": {"speed": 80.0}}),
    ("delivery at the door mid shift change — let them in and light up the warehouse",
     {"lock-main-door": {"locked": False}, "lamp-warehouse": {"power": True}}),
    ("floodlight and siren on, there's someone in the yard who shouldn't be",
     {"lamp-warehouse": {"power": True}, "siren-yard": {"active": True}}),
    ("stop the line A conveyor and turn the exhaust fan on, sorry, smoke alarm's screaming",
     {"conveyor-a": {"running": False}, "fan-line-a": {"power": True}}),
    ("siren off. false alarm, sorry guys", {"siren-yard": {"active": False}}),
    ("both office lamps on, its dark with the blinds down",
     {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
    ("freeze line B, QC wants to check the cartons", {"conveyor-b": {"running": False}}),
    ("everyone needs to be warned, pulse it", _SIREN_PULSE),
    ("everyone out of the yard, warn them, pulse pattern", _SIREN_PULSE),
    ("Everybody must be warned, evacuate the yard!", {"siren-yard": {"active": True}}),
])
def test_incident_asks_now_work(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text, want", [  # nearby asks keep their meaning
    ("AC to 19", {"hvac-office": {"setpoint": 19.0}}),
    ("start conveyor b, sorry, stop it", {"conveyor-b": {"running": False}}),
    ("siren off. sorry, on", {"siren-yard": {"active": True}}),
    ("warn everyone", {"siren-yard": {"active": True}}),
    ("warn everyone, pulse it", _SIREN_PULSE),
    ("steam valve to 25%", {"valve-steam": {"open": 25.0}}),
])
def test_nearby_asks_keep_their_meaning(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    # a schedule bound to the command, or a reason tied to it
    "conveyor A to 110 before shift change",
    "conveyor A to 110, before shift change",
    "conveyor A to 110, we need it done before shift change",
    "conveyor A to 110, it is needed before shift change",
    "AC to 19 tonight, people are about to faint in here",
    "AC to 19, people are about to faint, at 6",
    "unlock the door, the delivery is at 6",
    # a negation or a condition of a command
    "don't turn the floodlight on, there's someone in the yard",
    "floodlight on, don't switch the siren on",
    "AC to 19, if people faint",
    "if it gets hot, AC to 19, people are fainting",
    # a bound the value breaks, a bare bound
    "steam valve to 0, not fully shut, we still need a bit",
    "steam valve to 100%, not fully open",
    "not fully shut",
    # a correction that cannot be read
    "turn the fan on, sorry, the lamp",
    # a reason alone, an evacuation alone, a warning negated, a place with no siren
    "heat wave, get it to 20",
    "evacuate the yard",
    "don't warn them",
    "evacuate the office, warn them",
    "if it gets smoky, warn everyone",
    "warn them at 6 pm",
])
def test_harmful_variants_stay_refused(text):
    assert refused(text), ASSISTANT.understand(text)


@pytest.mark.parametrize("clause, is_reason", [
    ("people are about to faint in here", True),
    ("we gotta clear the backlog before shift change", True),
    ("qc wants to check the cartons", True),
    ("heat wave again", True),
    ("keep it on", False),
    ("leave it as is", False),
    ("we need it done before 6", False),
    ("it's needed before shift change", False),
    ("we're leaving at 6", False),
    ("there's nobody in the yard", False),
    ("before shift change", False),
])
def test_reason_clauses(clause, is_reason):
    assert _reason(clause, ASSISTANT._zones_named) is is_reason


_CMD = st.sampled_from(["AC to 19", "conveyor A to 110", "siren off", "floodlight on", "freeze line B"])
_TIMES = st.sampled_from(["at 6 pm", "before 8", "tonight", "in ten minutes", "after lunch", "by 6"])
_REASONS = st.sampled_from(["people are about to faint in here", "we're way behind", "heat wave again",
                            "there's someone in the yard", "qc wants to check the cartons"])


@settings(max_examples=40, deadline=None)
@given(_CMD, _TIMES, _REASONS)
def test_a_commands_own_time_stays_refused(cmd, when, why):
    assert refused(f"{cmd} {when}, {why}")


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["don't", "do not", "never"]), st.sampled_from(["warn them", "warn everyone"]))
def test_negated_warnings_are_left_as_said(neg, ask):
    text = normalize(f"{neg} {ask}, everyone must be warned")
    assert warned(text) == text
