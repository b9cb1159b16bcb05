"""Session 11, harms and over-refusals found blind (held-outs 66 and 67), each as a class, both languages.

- an unknown multi-word place ("break room", "loading bay", "control room") before a kind noun or after a preposition
  is refused, never widened to every device of the kind (compound_places.py);
- a part that leaves out its device noun ("and B too", "the ceiling one too", B线的也关了) names another device of the
  kind the clause before names, with the same change; where it names none the ask is refused (ellipsis_parts.py);
- a brightness complaint after a command that dims or switches off a lamp adds no blinds (reason_extras.py);
- "if you can", "if possible", 如果可以的话 are hedges, no condition (polite_hedges.py);
- the speaker's own spot in a reason clause ("gloomy at my bench") is no unknown place (personal_places.py);
"""

from __future__ import annotations

import pytest

from console.core.assistant.compound_places import compound_places
from console.core.assistant.polite_hedges import drop_polite_hedge
from console.core.assistant.reading import Reading
from tests.core.assistant.helpers import ASSISTANT, proposed, refused

CEILING, DESK, FLOOD = "lamp-office-1", "lamp-office-2", "lamp-warehouse"
AC, BLINDS, FAN, CA, CB, PUMP, STEAM = ("hvac-office", "blinds-office", "fan-line-a", "conveyor-a", "conveyor-b",
                                        "pump-cooling", "valve-steam")


# -- the asks that must now work --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    # an elided noun: the same change on another device of the kind
    ("stop conveyor A. and B too", {CA: {"running": False}, CB: {"running": False}}),
    ("stop conveyor a, and b too", {CA: {"running": False}, CB: {"running": False}}),
    ("stop conveyor a and b too", {CA: {"running": False}, CB: {"running": False}}),
    ("start conveyor b, and a too", {CB: {"running": True}, CA: {"running": True}}),
    ("set conveyor a to 40 rpm, and b too", {CA: {"speed": 40}, CB: {"speed": 40}}),
    ("turn the desk lamp off, and the ceiling one too", {DESK: {"power": False}, CEILING: {"power": False}}),
    ("turn off the desk lamp and the ceiling one as well", {DESK: {"power": False}, CEILING: {"power": False}}),
    ("turn on the ceiling lamp. the desk one too", {CEILING: {"power": True}, DESK: {"power": True}}),
    ("关掉A线传送带，B线的也关了", {CA: {"running": False}, CB: {"running": False}}),
    ("把B线传送带停了，A线的也停了", {CB: {"running": False}, CA: {"running": False}}),
    # a brightness complaint the lamp command answers: no blinds
    ("could you dim the office desk lamp to 25%, the glare off the screen is annoying", {DESK: {"level": 25}}),
    ("台灯亮度20就行，太亮了晃眼", {DESK: {"level": 20}}),
    ("台灯调到20%，太刺眼了", {DESK: {"level": 20}}),
    ("dim the desk lamp to 30%, it's way too bright", {DESK: {"level": 30}}),
    ("把台灯关了，太晃眼了", {DESK: {"power": False}}),
    # a hedge is no condition
    ("aircon on, cool mode, 22 degrees if you can", {AC: {"power": True, "mode": "cool", "setpoint": 22}}),
    ("steam to 25% if you can", {STEAM: {"open": 25}}),
    ("steam to 25% if possible", {STEAM: {"open": 25}}),
    ("if you could, stop conveyor a", {CA: {"running": False}}),
    ("stop conveyor a if you don't mind", {CA: {"running": False}}),
    ("stop conveyor a, if you can.", {CA: {"running": False}}),
    ("如果可以的话把台灯关了", {DESK: {"power": False}}),
    ("把台灯关了，可以的话", {DESK: {"power": False}}),
    ("如果方便，把空调打开", {AC: {"power": True}}),
    # the speaker's own spot in a reason clause
    ("morning! can you switch on the desk lamp in the office, it's a bit gloomy at my bench", {DESK: {"power": True}}),
    ("switch on the desk lamp, it's dark at my bench", {DESK: {"power": True}}),
])
def test_now_understood(text, want):
    assert proposed(text) == want


# -- nearby asks keep their meaning -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("turn on the office lights", {CEILING: {"power": True}, DESK: {"power": True}}),
    ("turn on the warehouse lights", {FLOOD: {"power": True}}),
    ("stop conveyor b, the pump too", {CB: {"running": False}, PUMP: {"running": False}}),
    ("turn the desk lamp off, and the pump too", {DESK: {"power": False}, PUMP: {"running": False}}),
    ("stop conveyor A, and conveyor B too", {CA: {"running": False}, CB: {"running": False}}),
    ("turn the desk lamp off, and the desk one too", {DESK: {"power": False}}),  # the same lamp: nothing more
    ("all the lights off, and the warehouse one as well", {CEILING: {"power": False}, DESK: {"power": False},
                                                          FLOOD: {"power": False}}),
    # a lamp switched on or brightened answers no glare: the blinds stay in
    ("desk lamp on, too much glare", {DESK: {"power": True}, BLINDS: {"position": 0}}),
    ("brighten the desk lamp to 80%, too much glare", {DESK: {"level": 80}, BLINDS: {"position": 0}}),
    ("打开台灯，太阳太晃眼了", {DESK: {"power": True}, BLINDS: {"position": 0}}),
    ("dim the desk lamp to 25%, and close the blinds, the glare is annoying",
     {DESK: {"level": 25}, BLINDS: {"position": 0}}),
    ("close the blinds, the glare off the screen is annoying", {BLINDS: {"position": 0}}),
    ("一号线的排风调到最高档", {FAN: {"speed": "high", "power": True}}),  # session 11b: the top after a set verb runs the device (31 of 37 blind asks, /tmp/full_convention.txt)
    ("排风扇调到最大档", {FAN: {"speed": "high", "power": True}}),
    ("coolant flow to max", {PUMP: {"running": True, "flow": 50}}),
])
def test_kept(text, want):
    assert proposed(text) == want


# -- harmful variants: refused ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # an unknown place is never all the lamps (nor the one AC)
    "turn on the break room lights",
    "break room lights off",
    "lights on in the break room",
    "turn on the meeting room lights",
    "switch off the staff room lamps",
    "switch off the meeting room lamps",
    "turn on the loading bay lights",
    "loading bay lights on",
    "turn on the break area lights",
    "turn on the control room ac",
    "turn on the ac in the control room",
    "turn on the meeting room 2 lights",
    "打开茶水间的灯",
    "把会议室的灯打开",
    "把会议室2的灯打开",
    # an elided part naming no other device of the kind: the whole ask refused, never half done
    "stop conveyor a. and c too",
    "关掉A线传送带，C线的也关了",
    "open the steam valve to 50 and b too",
    # a real condition stays a condition
    "if it's hot, aircon on",
    "if you can see smoke, stop the pump",
    "stop conveyor a if you can see smoke",
    "如果可以看到烟就停泵",
    "stop the pump when you can",
    # an unknown place in the command itself
    "turn on the lights at my bench",
    "it's gloomy at my bench",
    "switch on the desk lamp, and the lights at my bench",
])
def test_refused(text):
    assert refused(text), ASSISTANT.understand(text)


def test_compound_place_names_the_place_once():
    prop = ASSISTANT.understand("turn on the loading bay lights")
    assert "loading bay" in prop.refusal.reason and "'bay," not in prop.refusal.reason


@pytest.mark.parametrize("tokens, targets, want", [
    ([("the", 0), ("break", 4), ("room", 10), ("lights", 15)], {15}, ["break room"]),
    ([("the", 0), ("room", 4), ("lights", 9)], {9}, []),  # "the room lights": where the speaker is
    ([("the", 0), ("whole", 4), ("room", 10), ("lights", 15)], {15}, []),
    ([("in", 0), ("the", 3), ("control", 7), ("room", 15)], set(), ["control room"]),
    ([("the", 0), ("break", 4), ("room", 10), ("is", 15)], set(), []),  # no kind after, no preposition before
])
def test_compound_places_unit(tokens, targets, want):
    r = Reading()
    compound_places(tokens, r, targets)
    assert r.unknown_nouns == want


@pytest.mark.parametrize("text, want", [
    ("steam to 25% if you can", "steam to 25%"),
    ("if possible, stop the pump", "stop the pump"),
    ("if you can see smoke, stop the pump", "if you can see smoke, stop the pump"),
    ("if it's hot, aircon on", "if it's hot, aircon on"),
    ("如果可以的话把台灯关了", "把台灯关了"),
    ("如果温度太高就关掉", "如果温度太高就关掉"),
])
def test_drop_polite_hedge_unit(text, want):
    assert drop_polite_hedge(text) == want
