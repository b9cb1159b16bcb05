"""Numbers and units: Chinese numerals, English number words, full-width digits, and numbers
that are no value (numbers.py, values.py)."""

from __future__ import annotations

import pytest

from console.core.assistant.numbers import zh_number
from console.core.assistant.proposal import AMBIGUOUS, UNSUPPORTED
from tests.core.assistant.helpers import PARSER, cmds


@pytest.mark.parametrize("text, value", [("二十二", 22), ("十", 10), ("十五", 15), ("一百二十", 120), ("一百二", 120),
                                         ("三十", 30), ("九", 9), ("一百", 100), ("两百", 200)])
def test_zh_number(text, value):
    assert zh_number(text) == value


def test_english_number_words_where_a_value_goes():
    assert cmds("set the AC to twenty two degrees") == [("hvac-office", {"setpoint": 22.0})]
    assert cmds("run conveyor A at sixty rpm") == [("conveyor-a", {"running": True, "speed": 60})]
    assert cmds("set the blinds to forty-five %") == [("blinds-office", {"position": 45})]
    prop = PARSER.parse("set the AC to one hundred degrees")
    assert prop.refusal is not None and "16–30 °C" in prop.refusal.reason


def test_full_width_digits_and_percent():
    assert cmds("把台灯亮度调到４０％") == [("lamp-office-2", {"level": 40})]


@pytest.mark.parametrize("text", ["set the AC to 22 degrees fahrenheit", "set the AC to 72 F", "把空调调到七十二华氏度",
                                  "set the pump to 20 gallons"])
def test_units_we_do_not_know_are_refused_not_read_as_the_devices_unit(text):
    prop = PARSER.parse(text)
    assert prop.refusal is not None and prop.refusal.kind == UNSUPPORTED and not prop.commands


@pytest.mark.parametrize("text", ["turn on lamp 2", "start 2 conveyors", "set conveyor A 40"])
def test_a_number_that_is_not_clearly_a_value_is_refused_not_guessed(text):
    prop = PARSER.parse(text)
    assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS
    assert "refer to" in prop.refusal.reason
