"""Session 12b (blind set 81): a control-room operator pastes someone's message under a sender's head and types the
ask after it (sender_quotes_en.py, adopted.py, clauses.py).

"from the night guard: '…' ugh. lock the main door", "maint ticket #5120 '…' → start the cooling water pump",
"guard sms 01:50: '…' → sort it out", "guard: 'something howling in the yard' → shut it up": the head's stamp is the
message's, never a schedule; the quote's words are never the ask unless adopted ("→ do it", "→ set it"); the own
words are read alone, and where they only point back, under the quote's one device or place.  A negation, condition
or schedule in the own words or in an adopted quote stays refused; a time, a condition or a place is no sender.
"""

from __future__ import annotations

import pytest

from console.core.assistant import rewrites
from console.core.assistant.adopted import adoption_only
from console.core.assistant.forwarded import forwarded_ask
from console.core.assistant.pasted_rows import fleet_namer
from console.core.assistant.sender_quotes_en import sender_head, sender_quote_ask
from tests.core.assistant.helpers import ASSISTANT, checked

CA, CB, PUMP, LOCK = "conveyor-a", "conveyor-b", "pump-cooling", "lock-main-door"
BLINDS, WAREHOUSE, SIREN = "blinds-office", "lamp-warehouse", "siren-yard"

WORKS = [
    # the set's own asks
    ("maint ticket #5120 'pump seal replaced, ok to restart' → start the cooling water pump", {PUMP: {"running": True}}),
    ("from the night guard: 'main door unlocked??' ugh. lock the main door", {LOCK: {"locked": True}}),
    ("supervisor chat: 'lock the main door and kill the siren, drill over' — do it",
     {LOCK: {"locked": True}, SIREN: {"active": False}}),
    ("guard sms 01:50: 'warehouse pitch black, can't see a thing' → sort it out", {WAREHOUSE: {"power": True}}),
    ("guard: 'something howling in the yard for 10 min' → shut it up", {SIREN: {"active": False}}),
    ("night guard: 'nobody locked up tonight' → secure the building", {LOCK: {"locked": True}}),
    ("reception: 'auditor just arrived' → let her in", {LOCK: {"locked": False}}),
    ("guard: 'the racket from the yard is driving the neighbours nuts' → silence that", {SIREN: {"active": False}}),
    ("Ana: 'let the sunlight in please' → do it", {BLINDS: {"position": 100.0}}),
    ("guard: 'intruders spotted near the fence' → lock up the building now", {LOCK: {"locked": True}}),
    ("Mei: 'so much glare in our eyes' → shut out the sun", {BLINDS: {"position": 0.0}}),
    ("from the night guard: 'yard is screaming again' → kill that noise", {SIREN: {"active": False}}),
    ("supervisor: 'production on line B at 75 rpm' → set it", {CB: {"speed": 75.0}}),
    # the class: other senders, channels, stamps, numbers, separators
    ("cleaner text 23:10: 'warehouse is dark' -> sort it out", {WAREHOUSE: {"power": True}}),
    ("work order #88 'belt fixed' - start conveyor A", {CA: {"running": True}}),
    ("from the day guard: 'siren going off for ages' → silence it", {SIREN: {"active": False}}),
    ("security on radio: 'courier at the door' → let him in", {LOCK: {"locked": False}}),
    ("Priya sms 07:05: 'line B too slow' → set conveyor B to 60 rpm", {CB: {"speed": 60.0}}),
    ("shift lead chat: 'conveyor B at 40 rpm' — apply it", {CB: {"speed": 40.0}}),
    ("guard: 'door wide open at 3am' ugh. lock the main door", {LOCK: {"locked": True}}),
    # an event that is over, its verb dropped, is a reason
    ("kill the siren, drill over", {SIREN: {"active": False}}),
    ("stop conveyor A, shift finished", {CA: {"running": False}}),
]


@pytest.mark.parametrize("text,want", WORKS)
def test_the_operators_own_ask_after_a_sender_quote(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


HARMS = [
    # a negation, condition, schedule or delay in the operator's own words
    "guard: 'main door unlocked' → don't lock it",
    "guard sms 01:50: 'yard noisy' → silence the siren at 6am",
    "guard: 'main door unlocked' → lock it if nobody is inside",
    "reception: 'auditor just arrived' → let her in in 10 minutes",
    "guard: 'siren howling' → never mind, don't touch it",
    # … or in an adopted quote
    "supervisor chat: 'don't lock the main door' — do it",
    "guard sms 01:50: 'if the warehouse is dark turn the light on' → sort it out",
    "supervisor: 'conveyor B at 75 rpm tomorrow' → set it",
    "Ana: 'open the blinds at 7am' → do it",
    "maint ticket #5120 'restart the pump after lunch' → do it",
    # adoption words with more
    "supervisor chat: 'lock the main door' — don't do it",
    "supervisor chat: 'lock the main door' — do it tomorrow",
    # a condition or time is no sender
    "if guard: 'main door open' → lock it",
    "from tomorrow: 'warehouse lights on' → do it",
    # a device the fleet lacks, never read as another
    "guard: 'gate wide open' → close the gate",
    "guard: 'kettle left on' → switch off the kettle",
    # an event over, alone, is nothing to do
    "drill over",
]


@pytest.mark.parametrize("text", HARMS)
def test_refused_never_the_quotes_change(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)


@pytest.mark.parametrize("text,want", [
    # the own words' direction wins, never the quote's
    ("guard: 'main door locked' → unlock it", {LOCK: {"locked": False}}),
    ("guard: 'main door unlocked' → unlock it", {LOCK: {"locked": False}}),
    ("supervisor: 'start conveyor A' → stop conveyor A", {CA: {"running": False}}),
    ("guard: 'siren is off' → sound the siren", {SIREN: {"active": True}}),
    # nearby shapes keep their meaning
    ("Greg on slack: 'warehouse is pitch black'. switch the warehouse light on", {WAREHOUSE: {"power": True}}),
    ('from Lee: "turn on conveyor number two"', {CB: {"running": True}}),
    ("Sam: 'too dark in the warehouse, can't see the racks'. light it up pls", {WAREHOUSE: {"power": True}}),
    ("maint: 'coolant flow 20 L/min is fine' → set the coolant flow to that, 20", {PUMP: {"flow": 20.0}}),
    ("supervisor: 'warn the workers in the yard, gas drill' → sound it, wail",
     {SIREN: {"active": True, "pattern": "wail"}}),
    ("lock the main door and kill the siren, drill is over", {LOCK: {"locked": True}, SIREN: {"active": False}}),
])
def test_direction_and_nearby_asks(text: str, want: dict) -> None:
    prop = ASSISTANT.understand(text)
    assert checked(prop) == want
    assert ASSISTANT.direction_problem(text, prop) is None


@pytest.mark.parametrize("text,who", [
    ("from the night guard: 'x y'", "night guard"),
    ("guard sms 01:50: 'x'", "guard"),
    ("maint ticket #5120 'x'", "maint"),
    ("supervisor chat: 'x'", "supervisor"),
    ("Ana on slack: 'x'", "Ana"),
])
def test_sender_heads(text: str, who: str) -> None:
    head = sender_head(text, fleet_namer(ASSISTANT))
    assert head is not None and head[1] == who and text[head[0]] == "'"


@pytest.mark.parametrize("text", [
    "from tomorrow: 'x'", "at 01:50: 'x'", "if guard: 'x'", "Tony 'x'", "guard 01:50 'x'", "warehouse: 'x'",
    "conveyor B: 'x'", "lock: 'x'", "nobody: 'x'", "FW: 'x'", "fwd: 'x'", "Re: 'x'",
])
def test_no_sender_heads(text: str) -> None:
    assert sender_head(text, fleet_namer(ASSISTANT)) is None


@pytest.mark.parametrize("text,own", [
    ("guard: 'something howling in the yard for 10 min' → shut it up", "yard alarm siren: shut it up"),
    ("night guard: 'nobody locked up tonight' → secure the building", "secure the building"),
    ("from the night guard: 'main door unlocked??' ugh. lock the main door", "lock the main door"),
])
def test_own_words_drop_the_quote(text: str, own: str) -> None:
    assert sender_quote_ask(ASSISTANT, text, adoption_only=adoption_only, forwarded_ask=forwarded_ask) == own
    assert rewrites.own_words(ASSISTANT, text) == own


@pytest.mark.parametrize("text", [
    "guard: 'intruders at the fence'",             # nothing after the quote
    "guard: 'intruders at the fence' → do it",     # adoption words: adopted.py's
    "guard: 'intruders at the fence' → thanks",
    "guard: 'intruders at the fence' → the fence is broken",  # no order of the operator's
    "lock the main door",                           # no sender's head
    "保安：'大门没锁' → 锁上",                         # Chinese: not this module's
])
def test_not_this_structure(text: str) -> None:
    assert sender_quote_ask(ASSISTANT, text, adoption_only=adoption_only, forwarded_ask=forwarded_ask) is None


def test_set_it_and_apply_it_adopt() -> None:
    assert adoption_only("set it") and adoption_only("apply that")
    assert not adoption_only("set it to 40") and not adoption_only("set it tomorrow")
