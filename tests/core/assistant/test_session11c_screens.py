"""Session 11c (blind set 74): a line pasted from a screen next to the ask, in English (forwarded.py): a system line
before the ask after "|" or "->", or a reference note after it (a code such as ALM-777 or LO-117, capitals, numbers,
clock times, a quote, label words).  The pasted part's numbers and times are never values or schedules, its words
never commands, and a negation, condition or schedule in the operator's own words stays refused."""

from __future__ import annotations

import pytest

from console.core.assistant.forwarded import forwarded_ask
from tests.core.assistant.helpers import ASSISTANT, checked

WORKS = [
    # a pasted system line, then the ask after "|" or "->"
    ("09:41:07 ALM-330 LINE B CONV JAM | stop conveyor B", {"conveyor-b": {"running": False}}),
    ("ALM-119 LINE B COOLANT FLOW 2.1 | start the cooling pump", {"pump-cooling": {"running": True}}),
    ("ALM-046 OFFICE TEMP 28.4C | AC mode cool, setpoint 22", {"hvac-office": {"mode": "cool", "setpoint": 22.0}}),
    ("ALM-521 A CONV UNDERSPEED 15rpm | conveyor A to 80", {"conveyor-a": {"speed": 80.0}}),
    ("LINE B CONV LOAD 40% 11:02:55 | speed conveyor B up to 95 rpm", {"conveyor-b": {"speed": 95.0}}),
    ("STM VLV POS 80 ALM-904 09:10 -> bring the steam valve back to 20%", {"valve-steam": {"open": 20}}),
    ("ALM-118 COOLING PUMP FLOW LOW 10.2 L/MIN | set pump flow to 40", {"pump-cooling": {"flow": 40.0}}),
    # the ask, then a reference note
    ("both conveyors stop, ALM-778 E-STOP ZONE FAULT 12:31",
     {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("conveyor B stop + exhaust fan off (ALM-701 LINE A MAINT LOCKOUT)",
     {"conveyor-b": {"running": False}, "fan-line-a": {"power": False}}),
    ("close the steam valve, ticket ST-56 'hissing at valve'", {"valve-steam": {"open": 0}}),
    ("yard siren on, pulse — drill per HSE memo DRL-10", {"siren-yard": {"active": True, "pattern": "pulse"}}),
    ("conveyor B at 100 rpm, rush order RO-78", {"conveyor-b": {"speed": 100.0}}),
    ("steam valve fully open, ALM-905 STEAM PRESS LOW 1.3 bar", {"valve-steam": {"open": 100}}),
    ("siren wail pattern please, ALM-613 pattern mismatch", {"siren-yard": {"pattern": "wail"}}),
    # a log or ticket head, its entry, then the ask
    ("Ticket 4410: steam valve leaking at flange. close the steam valve", {"valve-steam": {"open": 0}}),
    ("Shift log 06:10: 'blinds rattling in the wind' -> office blinds to 0", {"blinds-office": {"position": 0.0}}),
]


@pytest.mark.parametrize("text,want", WORKS)
def test_screen_lines_read_the_operators_own_words(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


HARMS = [
    "ALM-331 LINE B CONV OVERLOAD | don't stop conveyor B",          # negation in the own words
    "ALM-520 B CONV 20rpm | conveyor B to 100 if it stalls",           # condition in the own words
    "ALM-903 STEAM PRESS LOW 1.1 bar | open the steam valve at 18:00",  # schedule in the own words
    "stop conveyor B, unless ALM-331 clears",                          # a note that conditions the ask
    "stop conveyor B, ALM-331 IF CLEARED",
    "open the steam valve, ticket ST-55 at 18:00",                     # a note with a schedule word stays read
    "start conveyor B, ALM-12 and conveyor A",                         # a note that adds a device: not a note
    "STOP CONVEYOR A 14:02 | start conveyor B",                        # an order in capitals is no pasted line
    "ALM-520 B CONV 20rpm | turn on the kettle",                       # a device the fleet lacks
    "night log 02:10: 'blinds open' -> don't close the office blinds",  # negation after a log head
    "Ticket 12: valve leaking. open the steam valve at 18:00",         # schedule after a ticket head
]


@pytest.mark.parametrize("text", HARMS)
def test_screen_lines_never_add_a_change(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)


@pytest.mark.parametrize("text,own", [
    ("14:02:11 ALM-331 LINE B CONV OVERLOAD | stop B", "stop B"),
    ("everything on line A off, lockout tag LO-117", "everything on line A off"),
    ("too much glare in the office (helpdesk HD-7781)", "too much glare in the office"),
    ("close the steam valve, ticket ST-56 'open it fully'", "close the steam valve"),
])
def test_the_pasted_part_is_split_off(text: str, own: str) -> None:
    assert forwarded_ask(ASSISTANT, text) == own


@pytest.mark.parametrize("text", [
    "stop conveyor A, then start conveyor B",     # no code: no note
    "start conveyor B, ALM-12 STOP CONVEYOR A",   # a capital order after the code is no note
    "stop conveyor a -> start conveyor b",        # no pasted line before the arrow
    "STOP CONVEYOR A | start conveyor B",         # capitals without a code or time
    "set the AC to 22, it's 29 in here",
    "Door log 19:02: main door unlocked",         # a log entry alone is no ask
])
def test_no_screen_line(text: str) -> None:
    assert forwarded_ask(ASSISTANT, text) is None


@pytest.mark.parametrize("text,want", [
    ("ALM-331 LINE B CONV OVERLOAD | stop conveyor A", {"conveyor-a": {"running": False}}),  # own device wins
    ("close the steam valve, ticket ST-55 'open it fully'", {"valve-steam": {"open": 0}}),    # quote adds nothing
    ("turn on the desk lamp", {"lamp-office-2": {"power": True}}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want
