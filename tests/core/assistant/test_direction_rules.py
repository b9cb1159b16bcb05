"""The direction check's rules one by one (issue 16), each pinned so that changing it fails here:
the exact reason the operator reads, switches both ways, which settings have no direction (locks,
unordered modes, an amount without both bounds, a °C setpoint without its current value), ordered
modes and amounts against the current value, and that ``check_proposal`` checks every command
against that device's own current values.  The properties over random fleets are in test_direction.py."""

from __future__ import annotations

from console.core.assistant.direction import DOWN, UP, violation
from console.core.assistant.direction_check import check_proposal
from console.core.assistant.proposal import Proposal, ProposedCommand
from console.core.protocol import Capability, DeviceMeta


def device(**caps: Capability) -> DeviceMeta:
    return DeviceMeta(id="dev-1", name="Test device", kind="test", zone="lab", capabilities=dict(caps))


PUMP = device(running=Capability("running", "bool", True), locked=Capability("locked", "bool", True),
              flow=Capability("flow", "float", True, min=0, max=50, unit="L/min"))
FAN = device(speed=Capability("speed", "enum", True, values=("low", "medium", "high")),
             mode=Capability("mode", "enum", True, values=("heat", "cool", "auto")))


def test_the_reason_says_which_value_goes_which_way():
    assert violation(PUMP, {"running": True}, {DOWN}) == (
        "Test device: running → True opens, starts or raises it, the opposite of what was asked")
    assert violation(PUMP, {"running": False}, {UP}) == (
        "Test device: running → False closes, stops or lowers it, the opposite of what was asked")
    assert violation(PUMP, {"flow": 50.0}, {DOWN}) == (
        "Test device: flow → 50.0 opens, starts or raises it, the opposite of what was asked")


def test_a_switch_set_off_goes_down_and_on_goes_up():
    assert violation(PUMP, {"running": False}, {DOWN}) is None
    assert violation(PUMP, {"running": True}, {UP}) is None
    assert violation(PUMP, {"running": False}, {UP}) is not None


def test_a_bool_that_is_no_switch_has_no_direction():
    assert violation(PUMP, {"locked": True}, {DOWN}) is None and violation(PUMP, {"locked": False}, {UP}) is None


def test_ordered_modes_move_against_the_current_one_and_other_modes_have_no_direction():
    assert violation(FAN, {"speed": "low"}, {UP}, {"speed": "high"}) is not None
    assert violation(FAN, {"speed": "low"}, {DOWN}, {"speed": "high"}) is None
    assert violation(FAN, {"speed": "high"}, {UP}, {"speed": "low"}) is None
    assert violation(FAN, {"speed": "high"}, {DOWN}) is None  # current unknown: no way to tell
    assert violation(FAN, {"mode": "heat"}, {DOWN}, {"mode": "cool"}) is None  # heat/cool are not ordered


def test_an_amount_moves_against_its_current_value():
    assert violation(PUMP, {"flow": 10.0}, {UP}, {"flow": 20.0}) is not None
    assert violation(PUMP, {"flow": 10.0}, {DOWN}, {"flow": 20.0}) is None
    assert violation(PUMP, {"flow": 30.0}, {UP}, {"flow": 20.0}) is None


def test_a_yes_or_no_for_an_amount_has_no_direction():
    assert violation(PUMP, {"flow": True}, {UP}, {"flow": 20.0}) is None
    unit = device(open=Capability("open", "int", True, min=0, max=1))
    assert violation(unit, {"open": True}, {DOWN}) is None


def test_only_an_amount_with_both_bounds_apart_has_a_maximum_and_minimum():
    no_min = device(level=Capability("level", "int", True, max=100))
    no_max = device(level=Capability("level", "int", True, min=0))
    fixed = device(level=Capability("level", "int", True, min=5, max=5))
    assert violation(no_min, {"level": 100}, {DOWN}) is None
    assert violation(no_max, {"level": 0}, {UP}) is None
    assert violation(fixed, {"level": 5}, {DOWN}) is None and violation(fixed, {"level": 5}, {UP}) is None


def test_a_celsius_setpoint_has_no_direction_of_its_own_whatever_the_case_of_its_unit():
    for unit in ("°C", "°c"):
        ac = device(setpoint=Capability("setpoint", "float", True, min=16, max=30, unit=unit))
        assert violation(ac, {"setpoint": 30.0}, {DOWN}) is None, unit
        assert violation(ac, {"setpoint": 30.0}, {DOWN}, {"setpoint": 20.0}) is not None, unit


def command(device_id: str, params: dict) -> ProposedCommand:
    return ProposedCommand(device_id, device_id, params, False, "")


def test_check_proposal_reads_each_devices_own_current_values():
    ac1 = DeviceMeta("ac-1", "AC one", "hvac", "office",
                     {"setpoint": Capability("setpoint", "float", True, min=16, max=30, unit="°C")})
    ac2 = DeviceMeta("ac-2", "AC two", "hvac", "lab", dict(ac1.capabilities))
    by_id = {"ac-1": ac1, "ac-2": ac2}
    now = {"ac-1": {"setpoint": 25.0}, "ac-2": {"setpoint": 17.0}}
    text = "cooler, like 19 degrees"
    prop = Proposal(text, "en", (command("ac-1", {"setpoint": 19.0}), command("ac-2", {"setpoint": 19.0})))
    assert check_proposal(text, prop, by_id, now.get) == (
        "AC two: setpoint → 19.0 opens, starts or raises it, the opposite of what was asked")
    assert check_proposal(text, prop, by_id) is None  # current values unknown: °C alone has no direction


def test_check_proposal_skips_a_device_it_does_not_know_and_checks_the_next():
    pump = DeviceMeta("pump-1", "Pump", "pump", "lab", dict(PUMP.capabilities))
    prop = Proposal("stop the pumps", "en", (command("ghost", {"running": True}), command("pump-1", {"running": True})))
    assert check_proposal("stop the pumps", prop, {"pump-1": pump}) == (
        "Pump: running → True opens, starts or raises it, the opposite of what was asked")
    assert check_proposal("", Proposal("", "en", (command("pump-1", {"running": True}),)), {"pump-1": pump}) is None
