"""Session 14, blind set 98 (Singapore / Malaysia): "the pump on already?" asks about a state (it had started the
pump), and Simplified 冷气 as the thing talked about is the AC itself (ac_word_trad.py), never after a verb."""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import refused, understood


@pytest.mark.parametrize("text", [
    "the pump on already?", "AC off already?", "lights off already?", "conveyor B stopped yet?",
    "the fan running or not?", "set the AC to 22, is it?",
])
def test_a_state_asked_with_already_is_a_question(text):
    assert refused(text)


@pytest.mark.parametrize("text,want", [
    ("on the pump already", {"pump-cooling": {"running": True}}),  # no question mark: Singlish "go on, do it"
    ("pump on", {"pump-cooling": {"running": True}}),
    ("冷气太冷了，调到26度啦", {"hvac-office": {"setpoint": 26.0}}),
    ("冷气换 auto mode", {"hvac-office": {"mode": "auto"}}),
    ("冷气调去制热模式", {"hvac-office": {"mode": "heat"}}),
    ("把台灯和冷气都关掉", {"lamp-office-2": {"power": False}, "hvac-office": {"power": False}}),
    ("冷气开起来，然后设定24度", {"hvac-office": {"power": True, "setpoint": 24.0}}),
    # after a verb, 冷气 is the mainland cool mode as before
    ("办公室开冷气，二十五度", {"hvac-office": {"power": True, "mode": "cool", "setpoint": 25.0}}),
    ("空调开冷气", {"hvac-office": {"power": True, "mode": "cool"}}),
    ("空调切到冷气", {"hvac-office": {"mode": "cool"}}),
])
def test_singapore_and_malaysia_wording(text, want):
    assert understood(text) == want
