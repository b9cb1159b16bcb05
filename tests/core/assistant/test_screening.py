"""Asks refused before any device is looked at, each with a reason (screening.py)."""

from __future__ import annotations

import pytest

from console.core.assistant.proposal import NOTHING_ACTIONABLE, READ_ONLY, UNKNOWN_DEVICE, UNSUPPORTED
from tests.core.assistant.helpers import PARSER, cmds


@pytest.mark.parametrize(
    "text, kind",
    [
        ("turn on the kitchen lights", UNKNOWN_DEVICE),
        ("turn on the lights in the basement", UNKNOWN_DEVICE),
        ("start the coffee machine", UNKNOWN_DEVICE),
        ("打开厨房的灯", UNKNOWN_DEVICE),
        ("set conveyor A load to 50%", READ_ONLY),
        ("把仓库温度设为20度", READ_ONLY),
        ("hello", NOTHING_ACTIONABLE),
        ("how do I start the pump?", NOTHING_ACTIONABLE),
        ("", NOTHING_ACTIONABLE),
        ("x" * 5000, NOTHING_ACTIONABLE),
    ],
)
def test_refusals_say_why(text, kind):
    prop = PARSER.parse(text)
    assert prop.refusal is not None and prop.refusal.kind == kind
    assert len(prop.refusal.reason) > 10 and not prop.commands


@pytest.mark.parametrize(
    "text",
    [
        "don't stop conveyor A",  # read word by word this is "stop conveyor A"
        "不要关灯",
        "turn off all lights except the desk lamp",  # would switch the desk lamp off too
        "stop conveyor A if the load is above 90%",
        "turn off the lamp in 5 minutes",
        "30分钟后关灯",
        "raise the blinds by 20%",  # would set the position to 20
        "把空调调高2度",  # would set the setpoint to 2
        "make the office warmer",
    ],
)
def test_negations_exceptions_conditions_and_relative_changes_are_refused(text):
    prop = PARSER.parse(text)
    assert prop.refusal is not None and prop.refusal.kind == UNSUPPORTED and not prop.commands


def test_target_values_after_relative_sounding_verbs_are_fine():
    assert cmds("increase the AC to 25 degrees") == [("hvac-office", {"setpoint": 25.0})]
    assert cmds("把吊灯调暗到20%") == [("lamp-office-1", {"level": 20})]
    assert cmds("set conveyor A speed: 40") == [("conveyor-a", {"speed": 40})]
    assert cmds("set the AC to 22") == [("hvac-office", {"setpoint": 22.0})]
