"""Session 10b: reasons and chatter beside a command, described devices, values (each as a class).

1. Reasons and chatter beside a complete command add nothing (incident_reasons.py): "…, shift change", "ok trial run,
   …", "…, it's pulling too much heat off the sealer" ("off" after a verb of taking is no way), "…, we need to
   evacuate", "…, nobody's in there / in the office" (emptiness, no negated command), "…, people can see right into
   the office" / "yard test's done, …" (the reason's one place bounds the command), "that wailing in the yard won't
   stop, shut it up" ("won't stop" is a report; its subject is the "it"), "open up, the delivery guys are outside"
   (people arrived: let them in).
2. "let the guy from maintenance in" is the maintenance guy let in (person_from.py).
3. Keeping people out "while we're running the guarding test" is locking now (keep_out_span.py).
4. "yard drill: wail tone, sound it now": the heading's one device (event_headings.py).
5. Described devices: "something's hissing over on line B, shut it" (described_it.py), "the rattling thing on line B"
   (the catalog's own described word beats the generic machine-sound list, described.py), "not sure what it's called"
   (a hedge on the name, negated_problems.py), "smoke from the welding" (a process, no place: nuisance_sources.py).
6. Values: "half speed" = 50 % of the maximum of a 0-based range (assign.py); "cieling lamp 60" (typo, then the bare
   number after one dimmable lamp, device_decimal.py).
7. "<place> on <mode> mode" sets the mode only; "we've got the heat mode on already" is a state report (mode_on.py).
"""

from __future__ import annotations

import pytest

from console.core.assistant.incident_reasons import _reason
from console.core.assistant.keep_out_span import keep_out_span
from console.core.assistant.mode_on import ModeOn
from console.core.assistant.negated_problems import problems_as_states
from console.core.assistant.person_from import person_from
from tests.core.assistant.helpers import ASSISTANT, proposed, refused, understood

_LOCK = {"lock-main-door": {"locked": True}}
_UNLOCK = {"lock-main-door": {"locked": False}}
_SIREN_OFF = {"siren-yard": {"active": False}}
_FAN_ON = {"fan-line-a": {"power": True}}


@pytest.mark.parametrize("text, want", [
    # 1. reasons and chatter
    ("stop both conveyors, shift change", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("stop conveyor b, it's shift change", {"conveyor-b": {"running": False}}),
    ("ok trial run, start conveyor A at 60 rpm", {"conveyor-a": {"running": True, "speed": 60.0}}),
    ("okay test run, start conveyor B", {"conveyor-b": {"running": True}}),
    ("drop the line A fan to low, it's pulling too much heat off the sealer", {"fan-line-a": {"speed": "low"}}),
    ("alert the workers, we need to evacuate", {"siren-yard": {"active": True}}),
    ("AC off pls, nobody's in there", {"hvac-office": {"power": False}}),
    ("switch off the AC, no one's here anymore", {"hvac-office": {"power": False}}),
    ("could you switch off the aircon and close the blinds, nobody's in the office",
     {"hvac-office": {"power": False}, "blinds-office": {"position": 0.0}}),
    ("close the blinds, people can see right into the office", {"blinds-office": {"position": 0.0}}),
    ("yard test's done, silence that thing", _SIREN_OFF),
    ("that wailing in the yard won't stop, shut it up", _SIREN_OFF),
    ("open up, the delivery guys are outside", _UNLOCK),
    # 2. a person from somewhere, let in
    ("let the guy from maintenance in, he's at the entrance", _UNLOCK),
    ("let the lady from accounts in", _UNLOCK),
    # 3. keep people out during our activity
    ("nobody gets in while we're running the guarding test", _LOCK),
    ("make sure no one can get in while we're cleaning line b", _LOCK),
    # 4. an event heading of one device
    ("yard drill: wail tone, sound it now", {"siren-yard": {"active": True, "pattern": "wail"}}),
    # 5. described devices
    ("something's hissing over on line B, shut it", {"valve-steam": {"open": 0.0}}),
    ("the rattling thing on line B, can you stop it?", {"conveyor-b": {"running": False}}),
    ("the rattling thing on line a, stop it", {"conveyor-a": {"running": False}}),
    ("could you turn on the fan on line A? not sure what it's called, the exhaust one", _FAN_ON),
    ("turn on the fan on line A, no idea what it's called", _FAN_ON),
    ("一号线的风扇打开，不知道叫什么", _FAN_ON),
    ("line A is full of smoke from the welding", _FAN_ON),
    ("line a is full of fumes from the grinding", _FAN_ON),
    # 6. values
    ("run conveyor A at half speed for the warm-up", {"conveyor-a": {"running": True, "speed": 60.0}}),
    ("run conveyor B at half speed", {"conveyor-b": {"running": True, "speed": 60.0}}),
    ("pump at half flow", {"pump-cooling": {"flow": 25.0}}),
    ("cieling lamp 60", {"lamp-office-1": {"level": 60.0}}),
    # 7. modes
    ("office on heat mode please", {"hvac-office": {"mode": "heat"}}),
    ("the office on cool mode", {"hvac-office": {"mode": "cool"}}),
    ("office temp 19, we've got the heat mode on already", {"hvac-office": {"setpoint": 19.0}}),
    # Chinese equivalents
    ("通知工人，我们要疏散", {"siren-yard": {"active": True}}),
    ("通知工人，要疏散了", {"siren-yard": {"active": True}}),
    ("办公室温度调到19，制热模式已经开着了", {"hvac-office": {"setpoint": 19.0}}),
    ("办公室温度调到19，已经是制热模式了", {"hvac-office": {"setpoint": 19.0}}),
    ("A线传送带半速运行", {"conveyor-a": {"running": True, "speed": 60.0}}),
    ("A线传送带速度调到一半", {"conveyor-a": {"speed": 60.0}}),
])
def test_now_read(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text, want", [
    ("set the ceiling lamp to half", {"lamp-office-1": {"level": 50}}),  # a % range: 50 as before
    ("open the steam valve halfway", {"valve-steam": {"open": 50}}),
    ("ac on cool mode twenty two degrees", {"hvac-office": {"power": True, "mode": "cool", "setpoint": 22.0}}),
    ("office AC on heat mode", {"hvac-office": {"power": True, "mode": "heat"}}),  # the device's own "on"
    ("turn on lamp 2", {"lamp-office-2": {"power": True}}),
    ("ceiling lamp 60", {"lamp-office-1": {"level": 60}}),
    ("let the maintenance guy in", _UNLOCK),
    ("something's hissing over on line B, open it", {"valve-steam": {"open": 100}}),  # the ask's own way
    ("run conveyor A at full speed", {"conveyor-a": {"running": True, "speed": 120}}),
    ("办公室温度调到19，制热模式", {"hvac-office": {"mode": "heat", "setpoint": 19.0}}),  # no 已经: the mode is asked
])
def test_old_meaning_kept(text, want):
    assert proposed(text) == want


@pytest.mark.parametrize("text", [
    "stop both conveyors at shift change",  # bound to the command: a schedule
    "stop both conveyors, shift change at 6",
    "AC off when nobody's in there",  # a condition
    "don't switch the AC off, nobody's in there",  # the command's own negation
    "that wailing in the yard won't stop, don't shut it up",
    "nobody gets in while the conveyor is running",  # a device's state: a condition
    "nobody gets in when we're testing",
    "nobody gets in while we're running the test at 8",
    "open up",  # nobody arrived: which device?
    "there's smoke from the kitchen, clear it",  # a place the fleet lacks
    "set the AC to half temperature",  # 16–30 °C: no share of a range that starts above 0
    "cieling lamp 2",  # a device's number, or a level?
    "don't turn on the fan on line A, not sure what it's called",
    "the humming thing on line b, stop it",  # a sound of any machine: which one?
    "lamp 60",  # a kind of several devices
    "don't open up, the delivery guys are outside",
    "shift change, start conveyor b at 8",
    "let the guy from maintenance in at 6",
    "office on heat mode at 6pm",
    "something's hissing over on line B, don't shut it",
    "nobody's in the office",  # a reason alone does nothing
    "让工人出去",  # people asked to leave, no evacuation: no siren
    "不要通知工人疏散",
    "空调半速",  # no speed range to take a share of
])
def test_still_refused(text):
    assert refused(text), ASSISTANT.understand(text)


@pytest.mark.parametrize("clause, reason", [
    ("shift change", True), ("ok trial run", True), ("nobody's in there", True), ("nobody's in the office", True),
    ("that wailing in the yard won't stop", True), ("it's pulling too much heat off the sealer", True),
    ("the delivery guys are outside", True),
    ("shift change at 6", False), ("nobody's in there at 6", False), ("nobody's in there when it's dark", False),
    ("turn it off the sealer", False), ("switch it off", False), ("don't stop", False),
])
def test_reason_clauses(clause, reason):
    assert _reason(clause, ASSISTANT._zones_named) is reason


def test_rewrites():
    assert person_from("let the guy from maintenance in") == "let the maintenance guy in"
    assert person_from("let the guy from the warehouse in") == "let the warehouse guy in"
    assert person_from("turn on the lights from the warehouse") == "turn on the lights from the warehouse"
    assert person_from("let the lamp from maintenance in") == "let the lamp from maintenance in"  # no person
    assert keep_out_span("nobody gets in while we're running the guarding test") == \
        "nobody gets in, we're running the guarding test"
    assert keep_out_span("nobody gets in while the pump is running") == "nobody gets in while the pump is running"
    on = ModeOn(["cool", "heat", "fan", "auto"])
    place = {"office", "the office"}.__contains__
    assert on.rewrite("office on heat mode please", place) == "put office on heat mode please"
    assert on.rewrite("ac on heat mode", place) == "ac on heat mode"
    assert on.rewrite("office temp 19, we've got the heat mode on already", place) == "office temp 19"
    assert on.rewrite("we've got the heat mode on already", place) == "we've got the heat mode on already"
    assert problems_as_states("turn on the fan, not sure what it's called") == "turn on the fan"
    assert problems_as_states("don't turn on the fan") == "don't turn on the fan"
