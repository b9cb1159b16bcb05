"""Session 10: the direction gate reads a clause that says a nuisance is over as binding nothing up.

"air on line A's clear now, ventilation can go off" proposed the right command (fan off) but the gate that
bench/intents.py counts wrong-direction with (``Assistant.direction_problem``) flagged it: "air" is the fan's own
"up" word (as in "air out line a"), so the first clause read as a situation that wants the fan up, and the fan going
off was "the opposite of what was asked".  A clause that says the nuisance is over (symptom_over.over_clause) now binds
its devices down (like a need that is gone), never up, in the gate's clause ways and its both-ways test.
"""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import ASSISTANT, proposed, refused

FAN = "fan-line-a"


@pytest.mark.parametrize("text", [
    "air on line A's clear now, ventilation can go off",
    "the air on line A is clear now, switch the extraction off",
    "一号线气味散了，排风可以停了",
    "the smoke on line a has cleared, stop the fan",
])
def test_over_then_off_passes_the_gate(text):
    prop = ASSISTANT.understand(text)
    assert proposed(text) == {FAN: {"power": False}}
    assert ASSISTANT.direction_problem(text, prop) is None


@pytest.mark.parametrize("text", [
    "the smoke on line A has cleared, turn the fan on",
    "一号线烟散了，把排风打开",
    "air on line A's clear now, run the ventilation",
])
def test_over_then_on_stays_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text", ["air out line a", "line a needs fresh air", "一号线通通风"])
def test_the_air_word_still_binds_up_where_nothing_is_over(text):
    prop = ASSISTANT.understand(text)
    assert proposed(text) == {FAN: {"power": True}}
    assert ASSISTANT.direction_problem(text, prop) is None
