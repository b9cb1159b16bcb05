"""Session 10: a device the fleet lacks, as the object of a switch verb, refuses the ask even where a reason names a
kind ("turn off the projector, the lamps look washed out" had switched off every lamp: the reason's "lamps" made the
ask name a kind, so the projector was dropped as an unknown word; foreign_nouns._VERB_BEFORE)."""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import proposed, refusal_kind


@pytest.mark.parametrize("text", [
    "turn off the projector, the lamps look washed out",
    "turn off the projector, the lights are too bright",
    "switch on the kettle, the office lamp is on anyway",
    "把投影仪关了，灯太亮",
])
def test_an_absent_device_as_the_object_refuses(text):
    assert refusal_kind(text) == "unknown_device"


@pytest.mark.parametrize("text, want", [
    ("desk lamp off", {"lamp-office-2": {"power": False}}),
    ("turn off the desk lamp", {"lamp-office-2": {"power": False}}),
    ("lights off in the warehouse", {"lamp-warehouse": {"power": False}}),
])
def test_fleet_objects_keep_their_reading(text, want):
    assert proposed(text) == want
