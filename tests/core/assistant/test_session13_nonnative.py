"""Session 13 (issue 17, fixer A2, blind set 89): second-language English on a multinational floor
(nonnative_idioms.py), "the big light in the ceiling" (placed_nouns.py) and 输送恢复 (resume_zh.py).

"make the floodlight out" / "put off the fan" are off, never on; "speed on 100" is the speed's value; "more cool" is
cooler, never the cool mode; "45 rpm, not more faster" restates the cap it follows; "…, is enough now" / "…,
emergency!" are remarks.  Negations, schedules and lone remarks stay refused.
"""

from __future__ import annotations

import pytest

from console.core.assistant.nonnative_idioms import nonnative_rewrite
from tests.core.assistant.helpers import ASSISTANT, refused, understood


@pytest.mark.parametrize("text,want", [
    ("Please make the floodlight out, nobody is working in warehouse now.", {"lamp-warehouse": {"power": False}}),
    ("make the floodlight out", {"lamp-warehouse": {"power": False}}),
    ("the gurgling thing on line B, make it out", {"pump-cooling": {"running": False}}),
    ("Can you put off the exhaust fan on line A, is too loud for us here", {"fan-line-a": {"power": False}}),
    ("put off the floodlight please", {"lamp-warehouse": {"power": False}}),
    ("Conveyor A speed put to 45 rpm, not more faster", {"conveyor-a": {"speed": 45.0}}),
    ("conveyor A to 45 rpm, not faster", {"conveyor-a": {"speed": 45.0}}),
    ("make the blinds down, the sun is killing me", {"blinds-office": {"position": 0.0}}),
    ("make the blinds up", {"blinds-office": {"position": 100.0}}),
    ("close the fan, is enough now", {"fan-line-a": {"power": False}}),
    ("set the conveyor B speed on 100", {"conveyor-b": {"speed": 100.0}}),
    ("Line B conveyor, make it run on 55", {"conveyor-b": {"running": True, "speed": 55.0}}),
    ("Everything on line B stop, emergency!", {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
    ("stop conveyor B, urgent!", {"conveyor-b": {"running": False}}),
    ("Make the office more cool, 19 degrees", {"hvac-office": {"setpoint": 19.0}}),
    ("big light in the ceiling switch on", {"lamp-office-1": {"power": True}}),
    ("the light in the ceiling switch on", {"lamp-office-1": {"power": True}}),
    ("二号线货物输送恢复", {"conveyor-b": {"running": True}}),
    ("冷却水循环恢复", {"pump-cooling": {"running": True}}),
])
def test_nonnative_asks_read(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text,want", [
    # nearby asks keep their old meaning
    ("turn on the ceiling light", {"lamp-office-1": {"power": True}}),
    ("the lamp in the warehouse off", {"lamp-warehouse": {"power": False}}),
    ("the big light in the warehouse on", {"lamp-warehouse": {"power": True}}),
    ("put the blinds down", {"blinds-office": {"position": 0.0}}),
    ("turn on the lamp on my desk", {"lamp-office-2": {"power": True}}),
    ("二号线恢复生产", {"conveyor-b": {"running": True}}),
    ("Make the office cooler, 19 degrees", {"hvac-office": {"setpoint": 19.0}}),
])
def test_nearby_asks_unchanged(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "don't put off the fan",
    "Conveyor A speed put to 45 rpm, don't go faster",
    "put off the fan until 5 pm",
    "make it out of here",
    "enough",
    "emergency!",
    "二号线货物输送恢复了",
    "二号线货物输送恢复正常",
    "big light switch on",
])
def test_harmful_or_unclear_variants_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text", [
    "make the floodlight out", "put off the exhaust fan", "the pump, make it out", "put off all the lamps",
])
def test_off_idioms_never_on(text):
    words = nonnative_rewrite(text)
    assert words is not None and " off" in words and " on" not in f" {words} ".replace(" on line", "")
    prop = ASSISTANT.understand(text)
    for c in prop.commands:
        assert c.params.get("power") is not True and c.params.get("running") is not True, (text, c.params)


@pytest.mark.parametrize("text", [
    "turn off the fan", "set conveyor b to 50", "make the office warmer", "not faster", "run on line b",
    "turn the fan on 5 minutes", "二号线货物输送恢复",
])
def test_rewrite_leaves_plain_asks(text):
    assert nonnative_rewrite(text) is None
