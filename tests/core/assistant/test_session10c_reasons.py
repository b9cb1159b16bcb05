"""Session 10c: reasons about the product, the room or the day beside a command; polite and blunt ways of asking
(product_reasons.py, each as a class).

1. A product size inside a reason is no value ("we're doing the 1L bottles first", "for the 500ml changeover"); a
   flow in L/min for the pump stays a value, a size said as the command's value stays refused.
2. Reasons read as devices, places, conditions or schedules: "cartons piling up at the end", "for CIP", "we're behind
   on the yoghurt cups", "we're restocking the cartons", "the projector looks washed out", "a client meeting starts
   shortly", "bit nippy in here this morning", "after the welding", "we need to clear a jam".
3. "AC mode: fan, no need to cool today": "no need to X" beside a command that does not X.
4. "Would you mind slowing / stopping …" (the -ing form is the verb), "crank <X> to max" (raise; max starts it).
5. A lead interjection ("brr, …") is chatter.
The command's own schedule, condition or negation stays refused, and the whole ask's direction check still holds.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.assistant.product_reasons import _rewritten
from tests.core.assistant.helpers import ASSISTANT, proposed, refused

_BOTH_STOP = {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}
_LAMPS_ON = {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}


@pytest.mark.parametrize("text, want", [
    # 1. product sizes
    ("Run conveyor B at 60 rpm, we're doing the 1L bottles first", {"conveyor-b": {"running": True, "speed": 60}}),
    ("line B conveyor to 90rpm for the 500ml changeover", {"conveyor-b": {"speed": 90}}),
    ("both conveyors off, we're doing a changeover to the 1.5L bottles", _BOTH_STOP),
    ("run the coolant pump at 30 L/min, we're doing the 1L bottles first",
     {"pump-cooling": {"flow": 30.0, "running": True}}),
    ("set the coolant pump to 30 L/min for the 500ml changeover", {"pump-cooling": {"flow": 30.0}}),
    # 2. reasons read as devices, places, conditions, schedules
    ("pause line 2, cartons piling up at the end", {"conveyor-b": {"running": False}}),
    ("open the steam valve all the way for CIP", {"valve-steam": {"open": 100}}),
    ("crank conveyor B to max, we're behind on the yoghurt cups", {"conveyor-b": {"running": True, "speed": 120}}),
    ("Pause line A please, we're restocking the cartons", {"conveyor-a": {"running": False}}),
    ("Shut out the sun in the office, the projector looks washed out", {"blinds-office": {"position": 0}}),
    ("Please turn on both office lamps, a client meeting starts shortly", _LAMPS_ON),
    ("set the AC to heat, bit nippy in here this morning", {"hvac-office": {"mode": "heat"}}),
    ("It's really smoky on line A after the welding, full blast extraction please",
     {"fan-line-a": {"power": True, "speed": "high"}}),
    # 3. no need to
    ("AC mode: fan, no need to cool today", {"hvac-office": {"mode": "fan"}}),
    ("AC mode: heat", {"hvac-office": {"mode": "heat"}}),
    # 4. ways of asking
    ("Would you mind slowing conveyor A down to 45 rpm, the packers are falling behind", {"conveyor-a": {"speed": 45}}),
    ("Would you mind stopping both conveyors, we need to clear a jam", _BOTH_STOP),
    ("would you mind turning off the desk lamp", {"lamp-office-2": {"power": False}}),
    ("crank conveyor A to 80, we're restocking the cartons", {"conveyor-a": {"speed": 80}}),
    # 5. interjections
    ("brr, the office is nippy, set it to 24 please", {"hvac-office": {"setpoint": 24}}),
    ("ugh, stop conveyor A", {"conveyor-a": {"running": False}}),
])
def test_now_understood(text: str, want: dict) -> None:
    assert proposed(text) == want


@pytest.mark.parametrize("text", [
    # a size said as the command's own value has no unit of the device
    "set conveyor B to 1L",
    "conveyor B at 1.5L",
    # the command's own negation, condition or schedule
    "Would you mind not stopping conveyor A",
    "don't pause line 2, cartons piling up at the end",
    "pause line 2 if cartons piling up at the end",
    "turn on the lamps at 6, a client meeting starts shortly",
    "turn on the lamps, a client meeting starts at 6",
    "open the steam valve for CIP tomorrow",
    "stop conveyor A after the welding",
    "set the AC to heat, bit nippy in here tomorrow",
    # "no need to" what the command does
    "AC mode: cool, no need to cool today",
    # a feeling against the command (the whole ask's direction check)
    "turn the heat off, bit nippy in here this morning",
    "set the AC to cool, bit nippy in here this morning",
    # a reason about a place the fleet lacks, with "it" of the command bound to it
    "it's cold in the basement, warm it up",
    "it's stuffy in the kitchen, air it out",
    # a pronoun whose place lives only in a dropped reason
    "stop it, cartons piling up at the end",
])
def test_still_refused(text: str) -> None:
    assert refused(text), ASSISTANT.understand(text)


@pytest.mark.parametrize("text, want", [
    ("crank up conveyor B to max", {"conveyor-b": {"speed": 120, "running": True}}),  # session 11b: the top after a set verb runs the device (31 of 37 blind asks, /tmp/full_convention.txt)
    ("close the steam valve all the way for CIP", {"valve-steam": {"open": 0}}),  # for CIP never flips the way
    ("set the AC to heat", {"hvac-office": {"mode": "heat"}}),
    ("stop both conveyors", _BOTH_STOP),
])
def test_nearby_keep_their_meaning(text: str, want: dict) -> None:
    assert proposed(text) == want


def test_rewrites() -> None:
    assert _rewritten("would you mind slowing conveyor a down to 45 rpm") == "slow conveyor a down to 45 rpm"
    assert _rewritten("crank conveyor b to max") == "conveyor b to max"
    assert _rewritten("crank the ac down to 18") == "crank the ac down to 18"  # crank is a raise verb: not "down"
    assert _rewritten("brr, set it to 24") == "set it to 24"
    assert _rewritten("ac mode: fan") == "ac to fan mode"
    assert _rewritten("open the valve for cip") == "open the valve"
    assert _rewritten("pump to 30 l/min for the 500ml changeover") == "pump to 30 l/min"


_WAYS = [("stop", "stopping", {"running": False}), ("pause", "pausing", {"running": False})]
_SIZES = ["1L", "500ml", "1.5L", "330 ml", "2 litre", "250g"]
_PRODUCTS = ["bottles", "cups", "cartons", "bags", "jars", "pouches"]
_FRAMES = ["we're doing the {s} {p} first", "we're doing a changeover to the {s} {p}", "the {s} {p} are next"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["conveyor A", "conveyor B"]), st.sampled_from(_WAYS), st.sampled_from(_SIZES),
       st.sampled_from(_PRODUCTS), st.sampled_from(_FRAMES), st.booleans())
def test_product_sizes_in_reasons(dev: str, way: tuple, size: str, product: str, frame: str, polite: bool) -> None:
    """Any product size in a trailing reason adds nothing; the command keeps its own way (never started)."""
    verb = f"would you mind {way[1]}" if polite else way[0]
    text = f"{verb} {dev}, {frame.format(s=size, p=product)}"
    dev_id = "conveyor-a" if dev.endswith("A") else "conveyor-b"
    assert proposed(text) == {dev_id: way[2]}
    assert refused(f"don't {way[0]} {dev}, {frame.format(s=size, p=product)}")
