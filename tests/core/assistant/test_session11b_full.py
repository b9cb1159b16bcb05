"""Session 11b: max / full / 最大 after a set verb or a bare "X to" runs a device that has a switch.

The conventions table says "max, full blast, 最大 on a device with a switch also switch it on"; the code had kept a
set verb ("set … to max", 调到最大, "ceiling lamp to full") a value only.  Of the 37 asks in the dev set and held-outs
1-71 where a set verb or a bare "X to" takes max / maximum / full / 最大 / 最高 / 拉满 on a device with a switch, 31
expect the switch on too and 6 the value only (/tmp/full_convention.txt), so the convention now holds after a set
verb too (max_runs.AT_MAX, layers.Assistant._at_max_runs, relative_target.value_only).  A device without a switch
(valve, blinds), a number (百分之百, "100 percent"), a value moved to a number, "full of fumes" and a negation, a
condition, a schedule or a down word keep their old meaning.
"""

from __future__ import annotations

import pytest

from console.core.assistant.max_runs import AT_MAX
from console.core.assistant.phrases import normalize
from tests.core.assistant.helpers import ASSISTANT, checked_commands

CEILING, DESK, FAN, PUMP, CA, CB = ("lamp-office-1", "lamp-office-2", "fan-line-a", "pump-cooling", "conveyor-a",
                                    "conveyor-b")
AC, VALVE, BLINDS = "hvac-office", "valve-steam", "blinds-office"
LAMP_ON = {"level": 100.0, "power": True}
PUMP_ON = {"flow": 50.0, "running": True}
FAN_ON = {"speed": "high", "power": True}


# -- the asks that now run the device at its top -------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("ceiling lamp to full", {CEILING: LAMP_ON}),  # held-outs 55, 70
    ("bring the ceiling lamp to full", {CEILING: LAMP_ON}),  # held-out 71
    ("desk lamp to full", {DESK: LAMP_ON}),  # held-out 58
    ("turn the desk lamp up to full", {DESK: LAMP_ON}),  # held-out 51 ("up to": still the top)
    ("ceiling lamp to full brightness", {CEILING: LAMP_ON}),  # held-out 49
    ("set all office lights to full", {CEILING: LAMP_ON, DESK: LAMP_ON}),
    ("顶灯亮度调到最大", {CEILING: LAMP_ON}),  # held-out 51
    ("把顶灯亮度调到最大", {CEILING: LAMP_ON}),  # held-out 59
    ("台灯亮度拉满", {DESK: LAMP_ON}),
    ("冷却水泵流量调到最大", {PUMP: PUMP_ON}),  # held-out 71
    ("二号线的冷却水流量调到最大", {PUMP: PUMP_ON}),  # held-out 67
    ("crank the coolant up to the max", {PUMP: PUMP_ON}),
    ("set the cooling pump to max", {PUMP: PUMP_ON}),
    ("circulate coolant at full", {PUMP: PUMP_ON}),
    ("set the extraction to max", {FAN: FAN_ON}),
    ("一号线的排风调到最高档", {FAN: FAN_ON}),
    ("排风扇调到最大档", {FAN: FAN_ON}),
    ("set the conveyor a speed to maximum", {CA: {"speed": 120.0, "running": True}}),
    ("crank conveyor B to max", {CB: {"speed": 120.0, "running": True}}),
    ("set the office temperature to max", {AC: {"setpoint": 30.0, "power": True}}),
])
def test_set_to_the_top_runs_the_device(text: str, want: dict) -> None:
    assert checked_commands(text) == want


# -- nearby asks that keep their meaning ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("open the steam valve fully", {VALVE: {"open": 100.0}}),  # no switch: nothing to add
    ("set the steam valve to max", {VALVE: {"open": 100.0}}),
    ("blinds to full", {BLINDS: {"position": 100.0}}),
    ("吸顶灯亮度调到百分之百", {CEILING: {"level": 100.0}}),  # a number, not a top word (held-outs 17, 28)
    ("Set all office lights to 100 percent", {CEILING: {"level": 100.0}, DESK: {"level": 100.0}}),
    ("crank the coolant up to 50 l/min", {PUMP: {"flow": 50.0}}),  # a value moved to a number
    ("turn the coolant down to 10 l/min", {PUMP: {"flow": 10.0}}),
    ("more coolant, 40 l/min", {PUMP: {"flow": 40.0}}),
    ("set the fan to high", {FAN: {"speed": "high"}}),
    ("line a is full of fumes, clear the air", {FAN: {"power": True}}),
    ("Could you set the office to 21 degrees, please? It's a full house for the training", {AC: {"setpoint": 21.0}}),
    ("pump 流量 20 L/min 就行，不用开满", {PUMP: {"flow": 20.0}}),
    ("ceiling lamp to full, desk lamp to 20", {CEILING: LAMP_ON, DESK: {"level": 20.0}}),
    ("排风扇开到最大", {FAN: FAN_ON}),  # as before
    ("max extraction on line A", {FAN: FAN_ON}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert checked_commands(text) == want


# -- harmful variants: refused, never a switch on -----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "don't set the fan to max",
    "don't bring the ceiling lamp to full",
    "别把冷却水流量调到最大",
    "不要把顶灯亮度调到最大",
    "set the fan to max at 5 pm",
    "set the fan to max in ten minutes",
    "if it gets smoky set the fan to max",
    "明天早上把冷却水流量调到最大",
    "如果温度高了就把冷却水流量调到最大",
    "turn the desk lamp down to full",
    "turn off the desk lamp, it was at full",
    "stop the pump, it was at full flow",
])
def test_negations_conditions_and_down_words_are_refused(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None, (text, prop.commands)
    assert not prop.commands


def test_the_top_words() -> None:
    for said in ("ceiling lamp to full", "bring it to the full", "coolant at full", "lights on full",
                 "desk lamp full brightness", "to full brightness", "台灯亮度拉满", "set the fan to max"):
        assert AT_MAX.search(normalize(said)), said
    for said in ("line a is full of fumes", "it's a full house today", "open the valve fully", "fullness",
                 "100 percent", "百分之百"):
        assert not AT_MAX.search(normalize(said)), said
