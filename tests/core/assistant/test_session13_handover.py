"""Session 13, fixer B2 (blind set 91: a night-shift handover, terse log-style asks).

- a machine "running hot" is its state, never a start nor the room's feeling (running_states.py): "get the cooling
  water circulating again, B is running hot" had also switched the office AC on;
- a log note beside a complete ask says why (trailing_notes.py): a drill signed off, a leak at a tag, the end of a run,
  a guard door open, nobody there till day shift (beside an off / stop only), 误报;
- a read-only device's fault is never what "it" points back at (trailing_notes.read_only_faults_out, it_other_device);
- "AC mode fan" is the AC's fan mode (mode_value_after.py);
- "brighten up" beside a level is the level alone (brighten_values.py; docs/ASSISTANT.md: a value never implies power).
"""

from __future__ import annotations

import pytest

from console.core.assistant.brighten_values import brighten_rewrite
from console.core.assistant.mode_value_after import mode_value_rewrite
from console.core.assistant.running_states import running_state_rewrite
from console.core.assistant.trailing_notes import note_rewrite
from tests.core.assistant.helpers import ASSISTANT, refused, understood

OFF = {"power": False}


# -- the harm: a line running hot adds no command for another device ---------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("get the cooling water circulating again, B is running hot", {"pump-cooling": {"running": True}}),
    ("start the cooling pump, the press is running hot", {"pump-cooling": {"running": True}}),
    ("start the cooling pump, B running warm", {"pump-cooling": {"running": True}}),
    ("stop the cooling pump, B is running cold", {"pump-cooling": {"running": False}}),
    ("stop the pump, B is running hot", {"pump-cooling": {"running": False}}),
    ("start the cooling pump, things are running hot on line B", {"pump-cooling": {"running": True}}),
    ("coolant flow up to 45 L/min, line B is running hot", {"pump-cooling": {"flow": 45.0}}),
])
def test_running_hot_is_a_reason(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "B is running hot",
    "the press is running hot",
    "start the cooling pump, conveyor B is running hot",  # a report about a device: never its start
])
def test_running_hot_never_starts_or_cools(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert not any(c.device_id == "hvac-office" or c.device_id == "conveyor-b" for c in prop.commands)
    assert refused(text)


@pytest.mark.parametrize("text,changed", [
    ("b is running hot", "b is hot"),
    ("get the pump going, the press's been running warm", "get the pump going, the press is warm"),
    ("keep the pump running", None),
    ("keep the pump running hot", None),
    ("the pump is running at 40", None),
])
def test_running_state_rewrite(text: str, changed: str | None) -> None:
    assert running_state_rewrite(ASSISTANT, text) == changed


# -- log notes beside a complete ask -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("sound the yard siren, pulse — evac drill signed off", {"siren-yard": {"active": True, "pattern": "pulse"}}),
    ("warn everyone in the yard — gas drill, it's signed off", {"siren-yard": {"active": True}}),
    ("sound the yard siren — fire drill, approved", {"siren-yard": {"active": True}}),
    ("cooling water pump — stop it, leak under B3 flange", {"pump-cooling": {"running": False}}),
    ("stop the cooling pump, there's a drip at the flange", {"pump-cooling": {"running": False}}),
    ("both conveyors stop. end of run", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("everything on line A off, end of run", {"conveyor-a": {"running": False}, "fan-line-a": OFF}),
    ("stop conveyor B, batch complete", {"conveyor-b": {"running": False}}),
    ("stop conveyor A, guard door open", {"conveyor-a": {"running": False}}),
    ("halt conveyor B — interlock tripped", {"conveyor-b": {"running": False}}),
    ("office AC off, nobody in there till day shift", {"hvac-office": OFF}),
    ("院子里太吵了，误报，让它安静", {"siren-yard": {"active": False}}),
])
def test_notes_dropped(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "office AC on, nobody in there till day shift",  # a start later: a schedule, never a reason
    "start conveyor A, end of run",  # "end of run" beside a start: not a stop's reason
    "start conveyor A, guard door open",
    "don't stop conveyor A, end of run",  # a negation stays refused
    "stop conveyor A if the guard door is open",  # a condition stays refused
    "turn off the heater, gas drill tomorrow",  # a time word stays refused
    "stop conveyor A. end of run in 10 minutes",
    "stop conveyor A, leak under the steam valve",  # a note naming a device is never dropped
    "lock the main door, guard door open",
])
def test_notes_kept_refused(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize("text,changed", [
    ("both conveyors stop. end of run", "both conveyors stop"),
    ("sound the yard siren, pulse — evac drill signed off", "sound the yard siren, pulse"),
    ("end of run, stop conveyor a", None),  # a note first is the ask's lead
    ("start conveyor a, end of run", None),
    ("stop conveyor a, leak under the pump", None),
    ("stop conveyor a", None),
])
def test_note_rewrite(text: str, changed: str | None) -> None:
    assert note_rewrite(ASSISTANT, text) == changed


# -- quoted handover notes, then the operator's own ask ----------------------------------------------------------

@pytest.mark.parametrize("text,want", [
    ('handover says "AC set to fan only overnight" — ok, AC mode fan', {"hvac-office": {"mode": "fan"}}),
    ("AC mode fan", {"hvac-office": {"mode": "fan"}}),
    ("ac mode: fan only", {"hvac-office": {"mode": "fan"}}),
    ('prev note: "yard noisy 2x, sensor fault". still going. quiet it pls', {"siren-yard": {"active": False}}),
    ("sensor fault, quiet it", {"siren-yard": {"active": False}}),
])
def test_quoted_handover(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "the sensor is beeping, quiet it",  # "it" is the sensor itself: never the siren
    "the pump is making noise, quiet it",
    "pump fault, quiet it",  # a fault of a device that can be commanded is still what "it" may be
])
def test_it_still_points_back(text: str) -> None:
    assert refused(text)


@pytest.mark.parametrize("text,changed", [
    ("ac mode fan", "ac fan mode"),
    ("line a fan mode", None),
    ("exhaust fan mode high", None),
])
def test_mode_value_rewrite(text: str, changed: str | None) -> None:
    assert mode_value_rewrite(text) == changed


# -- "brighten up" beside a level -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("brighten up the office, all lights to 70", {"lamp-office-1": {"level": 70.0}, "lamp-office-2": {"level": 70.0}}),
    ("brighten up the office lights to 70%", {"lamp-office-1": {"level": 70.0}, "lamp-office-2": {"level": 70.0}}),
    ("brighten up the warehouse", {"lamp-warehouse": {"power": True}}),  # no value: the lamps on, as before
    ("light up the office", {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
])
def test_brighten_values(text: str, want: dict) -> None:
    assert understood(text) == want


def test_brighten_rewrite_needs_a_value() -> None:
    assert brighten_rewrite("brighten up the office") is None
    assert brighten_rewrite("brighten up the office, all lights to 70") == "brighten the office, all lights to 70"


# -- kept: the second clause of 蒸汽全开，B线开机 is read (our reading; the label dropped it) ---------------------------

def test_steam_and_line_b_start_both_read() -> None:
    got = understood("蒸汽全开，B线开机")
    assert got["valve-steam"] == {"open": 100.0}
    assert got.get("conveyor-b") == {"running": True}
