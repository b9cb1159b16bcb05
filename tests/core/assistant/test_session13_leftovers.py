"""Session 13 leftovers (issue 17, fixer D): English pasted references beside the ask (pasted_refs_en.py) and the
one-word "storeroom" of the warehouse (demo-aliases.json, like "store room").

A log line's stamp, an alarm / ticket / badge code, a display's reading or someone's quoted text said around a
complete ask had the whole ask refused (a schedule, "what does 4471 refer to?", an unknown unit): they are the
record's, never the ask's time, value or device.  What would be dropped may never hold a negation, a condition, a
time word, a device pointed back at or a fleet name: such asks stay refused, whole.
"""

from __future__ import annotations

import pytest

from console.core.assistant.pasted_refs_en import drop_pasted_en
from tests.core.assistant.helpers import ASSISTANT, refused, understood


def _names(text: str) -> bool:
    return any(w in text.lower() for w in ("conveyor", "lamp", "pump", "valve", "door", "fan", "line a", "office"))


@pytest.mark.parametrize("text,want", [
    ("pause line A, carton jam per operator log 10:44", {"conveyor-a": {"running": False}}),
    ("driver buzzing on the intercom (log 06:58) — let him in", {"lock-main-door": {"locked": False}}),
    ("quiet the yard, drill over (HSE msg 14:30 'all clear')", {"siren-yard": {"active": False}}),
    ("Lamp fault cleared (TKT 4471), warehouse floodlight back on pls", {"lamp-warehouse": {"power": True}}),
    ("visitor badge V-221 printed, she's waiting outside — let her in", {"lock-main-door": {"locked": False}}),
    ("production on line A was stopped by ALM-701, it's cleared — resume production on line A",
     {"conveyor-a": {"running": True}}),
    ("office temp to 20, cooling mode, it's sweltering (display 30.4C)",
     {"hvac-office": {"mode": "cool", "setpoint": 20.0}}),
    ("office temperature to 22 degrees please, wall display says 29C", {"hvac-office": {"setpoint": 22.0}}),
    ("open the steam valve a quarter, log says STM PRESS 4.2 bar", {"valve-steam": {"open": 25.0}}),
    ("let the steam through at 40%, operator says PRESS 2.0", {"valve-steam": {"open": 40.0}}),
    ("unlock main door — visitor log 'V-0931 Dr. Patel 10:30 arrived'", {"lock-main-door": {"locked": False}}),
    ("Office AC off, last one out. Door log 19:02 'EXIT badge 1144'", {"hvac-office": {"power": False}}),
    ("need some light in the warehouse, gate log 'TRK-5521 inbound'", {"lamp-warehouse": {"power": True}}),
    ("everything in the warehouse off, night checklist item 7",
     {"lamp-warehouse": {"power": False}, "siren-yard": {"active": False}}),
    ("ceiling lamp on at 40%, Jess texted 'it's gloomy in here'", {"lamp-office-1": {"power": True, "level": 40.0}}),
    ("AC to auto mode, PM said 'stop fiddling with it' 😅", {"hvac-office": {"mode": "auto"}}),
    ("turn on the office desk lamp and the ceiling one too — msg from reception: 'dark in here'",
     {"lamp-office-2": {"power": True}, "lamp-office-1": {"power": True}}),
    ("from the log: `2024-05-12T03:14:07Z WARN fan-line-a speed=low expected=high` can u set the line A exhaust fan "
     "to high", {"fan-line-a": {"speed": "high"}}),
    ("supervisor: 'secure the building, last guy left 18:40'", {"lock-main-door": {"locked": True}}),
    ("sensor-line-a reads 31.6C / 78%RH @ 13:55 — run the line A fan on high",
     {"fan-line-a": {"power": True, "speed": "high"}}),
    # the one-word storeroom is the warehouse, as "store room" always was
    ("can't see a thing in the storeroom, can we get some light in there", {"lamp-warehouse": {"power": True}}),
    ("hi sorry, new here - can you turn on the big light in the storeroom? the warehouse one",
     {"lamp-warehouse": {"power": True}}),
])
def test_pasted_references_are_the_records(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    # a time of the ask's own, bare or in a bracket without a record word: a schedule
    "stop conveyor A (14:30)",
    "pause line A per operator log at 10:44",
    "stop the pump (ALM-118) at 15:00",
    "start the cooling pump at 18:00 for the night run",
    "start the pump, badge 1144 tomorrow",
    "lock the main door, door log 19:02 'back at 20:00'",
    "open the steam valve (log: after 14:30)",
    "supervisor: 'open the door at 19:00, last guy left 18:40'",
    "secure the building, lock up at 18:40",
    # a negation or condition in what would be dropped, quoted or not
    "AC off, PM said 'don't'",
    "open the steam valve, ticket says not yet",
    "start conveyor B, msg from Lee: 'not yet'",
    "close the blinds, report says 'only if sunny'",
    "supervisor: 'secure the building, last guy left 18:40, not yet'",
    # a device pointed back at in the quote
    "turn the desk lamp on, log says 'turn it off'",
    # a record beside no ask, or an ask the catalog cannot do
    "what's it like in the warehouse humidity-wise? ALM-770 HUM HI",
    "set conveyor A load to 50%, ticket TK-18 says 'balance the load'",
    "ALM-331 B CONV OVERLOAD 14:02 — don't stop conveyor B yet, just watching it",
    "storeroom door",
    # a code joined to a device is no note
    "start conveyor B, ALM-12 and conveyor A",
    "start conveyor B with ALM-12 conveyor A",
])
def test_harmful_variants_stay_refused(text: str) -> None:
    assert refused(text), ASSISTANT.understand(text)


@pytest.mark.parametrize("text,want", [
    ("stop conveyor A", {"conveyor-a": {"running": False}}),
    ("set the line A exhaust fan to high", {"fan-line-a": {"speed": "high"}}),
    ("everything off in the store room", {"lamp-warehouse": {"power": False}, "siren-yard": {"active": False}}),
    ("open the steam valve to 40%", {"valve-steam": {"open": 40.0}}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text,want", [
    ("pause line A, carton jam per operator log 10:44", "pause line A, carton jam"),
    ("driver buzzing on the intercom (log 06:58) — let him in", "driver buzzing on the intercom — let him in"),
    ("Lamp fault cleared (TKT 4471), warehouse floodlight back on pls",
     "Lamp fault cleared, warehouse floodlight back on pls"),
    ("office temperature to 22 degrees please, wall display says 29C", "office temperature to 22 degrees please"),
    ("ceiling lamp on at 40%, Jess texted 'it's gloomy in here'", "ceiling lamp on at 40%"),
])
def test_what_is_dropped(text: str, want: str) -> None:
    assert drop_pasted_en(text, _names) == want


@pytest.mark.parametrize("text", [
    "stop conveyor A (14:30)",  # no record word: a time, kept
    "start conveyor A, log says wait",  # a condition word
    "lock the door, door log says 'conveyor B off'",  # a fleet name after the record word
    "turn the desk lamp on, log says 'turn it off'",  # pointed back
    "把冷却水泵停了，ALM-118",  # Chinese: reported_numbers.py's
    "stop conveyor A",  # nothing pasted
])
def test_nothing_dropped(text: str) -> None:
    assert drop_pasted_en(text, _names) is None
