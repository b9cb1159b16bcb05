"""What one device gets: values checked against the catalog, never clamped; the verb decides power
(assign.py, actions.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.assistant.proposal import OUT_OF_RANGE
from tests.core.assistant.helpers import PARSER, cmds


@settings(max_examples=150, deadline=None)
@given(st.floats(-100, 200, allow_nan=False).map(lambda f: round(f, 1)))
def test_setpoint_in_range_is_kept_exactly_and_out_of_range_names_the_range(value):
    prop = PARSER.parse(f"set the office AC to {value:g} degrees")
    if 16 <= value <= 30:
        assert [(c.device_id, c.params) for c in prop.commands] == [("hvac-office", {"setpoint": value})]
    else:
        assert prop.refusal is not None and prop.refusal.kind == OUT_OF_RANGE
        assert "16–30 °C" in prop.refusal.reason  # the allowed range, never a clamped command


@pytest.mark.parametrize(
    "text, needle",
    [
        ("run conveyor A at 200 rpm", "0–120 rpm"),
        ("set the pump flow to 80 L/min", "0–50 L/min"),
        ("dim the desk lamp to 150%", "0–100 %"),
        ("set the fan speed to turbo", "low, medium or high"),
        ("把空调温度设为40度", "16–30 °C"),
        ("把B线传送带速度设为150转", "0–120 rpm"),
        ("set both conveyors to 130 rpm", "0–120 rpm"),
    ],
)
def test_out_of_range_refusals_name_the_allowed_range(text, needle):
    prop = PARSER.parse(text)
    assert prop.refusal is not None and prop.refusal.kind == OUT_OF_RANGE
    assert needle in prop.refusal.reason
    assert not prop.commands


def test_integer_capability_refuses_a_fraction_instead_of_rounding():
    prop = PARSER.parse("run conveyor A at 60.5 rpm")
    assert prop.refusal is not None and prop.refusal.kind == OUT_OF_RANGE
    assert "whole number" in prop.refusal.reason


def test_the_verb_decides_whether_a_device_is_switched_on():
    assert cmds("set the fan to high") == [("fan-line-a", {"speed": "high"})]
    assert cmds("run the fan at high speed") == [("fan-line-a", {"power": True, "speed": "high"})]
    assert cmds("set conveyor B to 60 rpm") == [("conveyor-b", {"speed": 60})]
    assert cmds("run conveyor B at 60 rpm") == [("conveyor-b", {"running": True, "speed": 60})]


def test_open_and_close_mean_full_travel_unless_a_value_is_given():
    assert cmds("open the steam valve") == [("valve-steam", {"open": 100})]
    assert cmds("close the blinds") == [("blinds-office", {"position": 0})]
    assert cmds("open the steam valve to 30%") == [("valve-steam", {"open": 30})]
    assert cmds("open the blinds halfway") == [("blinds-office", {"position": 50})]
    assert cmds("run conveyor A at max speed") == [("conveyor-a", {"running": True, "speed": 120})]


def test_locks_only_react_to_lock_words():
    assert cmds("unlock the main door") == [("lock-main-door", {"locked": False})]
    prop = PARSER.parse("open the main door")
    assert prop.refusal is not None and "lock" in prop.refusal.reason
