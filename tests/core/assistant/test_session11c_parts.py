"""Session 11c, silently dropped parts (blind set 75), each as a class, both languages.

- two designators under one kind noun (传送带A和B, "conveyor a and b") name two devices, or the ask is refused
  (designator_lists.py);
- an elided part with its own particle ("and the desk one off too"), "that one on the desk", or a bare "and the desk
  one" after a full stop names the other device of the kind (ellipsis_parts.py, designator_lists.py);
- a drill names the alarm: "everything in the warehouse on, we're doing a drill" sounds the siren (unnamed_alarms.py);
- a leading clause that is a complaint of its own is never dropped as a reason (lead_reasons.py).
"""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import ASSISTANT, checked, refused

CEILING, DESK, FLOOD, SIREN = "lamp-office-1", "lamp-office-2", "lamp-warehouse", "siren-yard"
CA, CB, FAN = "conveyor-a", "conveyor-b", "fan-line-a"


@pytest.mark.parametrize("text, want", [
    ("传送带A和B速度都设为60", {CA: {"speed": 60.0}, CB: {"speed": 60.0}}),
    ("conveyor a and b speed 60", {CA: {"speed": 60.0}, CB: {"speed": 60.0}}),
    ("stop conveyor a and b", {CA: {"running": False}, CB: {"running": False}}),
    ("ceiling lamp off, and that one on the desk off too", {CEILING: {"power": False}, DESK: {"power": False}}),
    ("ceiling lamp off, and the one on the desk too", {CEILING: {"power": False}, DESK: {"power": False}}),
    ("ceiling lamp off, and the desk one off too", {CEILING: {"power": False}, DESK: {"power": False}}),
    ("turn the ceiling lamp on. and the desk one", {CEILING: {"power": True}, DESK: {"power": True}}),
    ("turn off all the lights. and the warehouse one",
     {CEILING: {"power": False}, DESK: {"power": False}, FLOOD: {"power": False}}),
    ("everything in the warehouse on, we're doing a drill", {FLOOD: {"power": True}, SIREN: {"active": True}}),
    ("仓库里全部打开，我们在演习", {FLOOD: {"power": True}, SIREN: {"active": True}}),
])
def test_every_part_done(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


@pytest.mark.parametrize("text, want", [
    ("stop conveyor b and a fan", {CB: {"running": False}, FAN: {"power": False}}),  # "a" the article
    ("everything in the warehouse on", {FLOOD: {"power": True}}),  # no drill: never the siren unnamed
    ("need to read drawings, desk lamp on", {DESK: {"power": True}}),
])
def test_nearby_keep_their_meaning(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


@pytest.mark.parametrize("text", [
    "stop conveyor a and c",
    "传送带A和C都停",
    # 院子太吵了，(还有)一号线(也)好闷: two complaints, both met since session 12 (blind set 75; test_session12_harms.py)
    "turn the ceiling lamp on. and the blue one",
])
def test_unreadable_part_refuses_the_whole(text: str) -> None:
    assert refused(text)



def test_own_particle_never_dropped() -> None:
    """"and the desk one on too" says its own way: never the ceiling lamp alone (refused: nothing half done)."""
    assert refused("ceiling lamp off, and the desk one on too")
