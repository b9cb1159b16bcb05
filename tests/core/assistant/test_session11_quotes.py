"""Session 11, blind set 65: a pasted system message (an alarm line, an HMI message, a ticket, a colleague's chat)
before the operator's own ask (quoted_reports.py), and the set's neighbours of that class.

1. The quote is a report: its codes, ids and readings are never values or schedules, its state words never
   commands; the ask after it is read as if said alone; where the ask points back ("kill it", 关一下) the quote's
   one device is its antecedent.  A negation, condition, schedule or unknown device in the ask stays refused, and a
   quote never makes the ask do more than it says.
2. "end of shift, …" is a time heading (time_headings.py); "at the end of shift, …" stays a schedule.
3. "set the cooling pump to max flow" runs the pump at its top (switch_values.set_to_max); "set … to max" stays a value.
4. "sun's off the screens now, …" is a reason (sun_glare.sun_gone); "sun in everyone's eyes" is no place.
"""

from __future__ import annotations

import pytest

from console.core.assistant.quoted_reports import drop_quoted_tail, drop_report_since, split_quoted
from console.core.assistant.sun_glare import sun_gone
from tests.core.assistant.helpers import ASSISTANT, refused, understood

_FAN_OFF = {"fan-line-a": {"power": False}}
_LAMPS_OFF = {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False},
              "lamp-warehouse": {"power": False}}


# -- 1. a quoted message, then the ask --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("ALM 0412 line A fan overcurrent -> kill it", _FAN_OFF),
    ("ALM 9031 line A exhaust fan overcurrent → switch it off", _FAN_OFF),
    ("EVT 118 steam valve position fault. close the steam valve", {"valve-steam": {"open": 0.0}}),
    ("EVT 2240 steam valve leak. shut the steam valve", {"valve-steam": {"open": 0.0}}),
    ("Ticket #2207 'desk lamp too bright' -> dim the desk lamp to 30%", {"lamp-office-2": {"level": 30.0}}),
    ("ticket #17 'ceiling lamp at 100%' -> set the ceiling lamp to 40%", {"lamp-office-1": {"level": 40.0}}),
    ("alarm says 'Line A conveyor load 98%' - slow conveyor A to 60 rpm", {"conveyor-a": {"speed": 60.0}}),
    ('fyi from shift lead: "warehouse floodlight left on all weekend". switch it off',
     {"lamp-warehouse": {"power": False}}),
    ("HMI popup 'Main entrance unlocked after hours' - lock the main door", {"lock-main-door": {"locked": True}}),
    ("ALM 7710 conveyor A motor temp high → stop conveyor A and run the line A fan on high",
     {"conveyor-a": {"running": False}, "fan-line-a": {"power": True, "speed": "high"}}),
    ("[HMI] Cooling water pump: FLOW LOW. set pump flow to 35 L/min", {"pump-cooling": {"flow": 35.0}}),
    ("msg from security: building closing. turn all the lights off", _LAMPS_OFF),
    ("message from the night guard: place is empty. turn all the lights off", _LAMPS_OFF),
    ("BMS alert: 'office blinds fault cleared' -> open the blinds fully", {"blinds-office": {"position": 100.0}}),
    ("WO 5530 maintenance lockout on the cooling pump, turn the pump off", {"pump-cooling": {"running": False}}),
    ("conveyor B shows 'E-STOP RESET' — start it back up", {"conveyor-b": {"running": True}}),
    ("QA-19 hold on all product: stop both conveyors",
     {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("@ops desk lamp still off? turn it on pls", {"lamp-office-2": {"power": True}}),
    ("ticket: 'stuffy but not hot in office' -> put the AC in fan mode", {"hvac-office": {"mode": "fan"}}),
    ("HMI: 'COOLANT FLOW 0 L/min' -> get the coolant flowing", {"pump-cooling": {"running": True}}),
    ("ticket says office is dark but glary w/ blinds fully open -> open the blinds halfway",
     {"blinds-office": {"position": 50.0}}),
    ("[ticket 3391] office too cold since 8am, pls put the AC on heat mode, 23 degrees",
     {"hvac-office": {"mode": "heat", "setpoint": 23.0}}),
    ("heat mode in the office please, ticket 'office freezing since 7'", {"hvac-office": {"mode": "heat"}}),
    ("line 2 paused on the HMI, restart production", {"conveyor-b": {"running": True}}),
    ("收到反馈：仓库的灯一直亮着，关一下", {"lamp-warehouse": {"power": False}}),
    ("收到告警：A线排风扇过流，把排风扇关了", _FAN_OFF),
    ("HMI报蒸汽阀泄漏，蒸汽阀关掉", {"valve-steam": {"open": 0.0}}),
    ("HMI：冷却水流量为零，让冷却水循环起来", {"pump-cooling": {"running": True}}),
])
def test_quoted_message_then_ask(text: str, want: dict) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "ALM 0415 conveyor A overspeed. don't stop conveyor A, just watch it",  # a negation in the ask
    "ALM 0415 conveyor A overspeed -> stop conveyor A at 6pm",  # a schedule in the ask
    "ALM 0415 conveyor A overspeed -> if it gets worse stop conveyor A",  # a condition
    "ticket 8812 'office too cold': set the AC to 35",  # out of range: the quote adds nothing
    "HMI says load 92% on conveyor A, set conveyor A load to 50%",  # a reading is no setting
    "canteen just messaged @ops: turn on the kitchen lights",  # no kitchen
    "[ticket 4410] office lamp flickering - turn the office lamp off",  # which office lamp?
    "HMI 'DOOR 1 CLOSED' -> open the main door",  # a lock opens no door
    "ALM 3301 garage door open -> close the garage door",  # no garage door
    "ALM 0412 line A fan overcurrent, conveyor A jam -> kill it",  # two devices: which one?
    "EVT 118 steam valve 40% -> ok",  # the reading is never the value
    "HMI: 'SET VALVE 80%' -> noted",  # the quote's words are never the ask
    "收到告警：A线排风扇过流，别关排风扇",  # a negation in the ask
    "收到告警：A线排风扇过流，明早八点关掉排风扇",  # a schedule in the ask
])
def test_quoted_message_never_does_more(text: str) -> None:
    assert refused(text), text


@pytest.mark.parametrize("text, want", [
    ("stop conveyor b now", {"conveyor-b": {"running": False}}),
    ("ops channel: 'visitor at front desk' – unlock the main entrance", {"lock-main-door": {"locked": False}}),
    ("reception: 'visitor arrived' - let her in", {"lock-main-door": {"locked": False}}),
    ("set all lights to 40% — ticket 'lights too harsh'",
     {"lamp-office-1": {"level": 40.0}, "lamp-office-2": {"level": 40.0}}),
    ("@ops the yard is way too loud, neighbours complaining", {"siren-yard": {"active": False}}),
    ("Change the yard alarm's pattern to pulse.", {"siren-yard": {"pattern": "pulse"}}),  # 's is no quote
    ("收到工单：办公室好冷，设成制热模式", {"hvac-office": {"mode": "heat"}}),
    ("收到告警：二号线冷却不足，冷却水开到最大", {"pump-cooling": {"running": True, "flow": 50.0}}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert understood(text) == want


def test_split_quoted_shapes() -> None:
    assert split_quoted("alm 0412 line a fan overcurrent -> kill it")[:2] == ("line a fan overcurrent", "kill it")
    assert split_quoted("hmi popup 'main entrance unlocked' - lock the main door")[:2] == \
        ("main entrance unlocked", "lock the main door")
    assert split_quoted("[hmi] cooling water pump: flow low. set pump flow to 35 l/min")[:2] == \
        ("cooling water pump: flow low", "set pump flow to 35 l/min")
    assert split_quoted("qa-19 hold on all product: stop both conveyors")[:2] == \
        ("hold on all product", "stop both conveyors")
    assert split_quoted("hmi报蒸汽阀泄漏,蒸汽阀关掉")[:2] == ("蒸汽阀泄漏", "蒸汽阀关掉")
    for plain in ("stop conveyor a", "change the yard alarm's pattern to pulse", "line a: stop the conveyor",
                  "set the ac to 22", "alarm 5 on"):
        assert split_quoted(plain) is None, plain
    assert drop_quoted_tail("heat mode in the office please, ticket 'office freezing since 7'") == \
        "heat mode in the office please"
    assert drop_report_since("office too cold since 8am, put the ac on heat mode") == \
        "office too cold, put the ac on heat mode"
    assert drop_report_since("lights off since 6pm, ok") == "lights off since 6pm, ok"  # a state, no ask after


@pytest.mark.parametrize("text", [
    "office too cold since 8am",  # no ask after the report: stays as it was
    "turn the AC on since 8am, it's cold",  # the ask's own time words
    "lights off since 6pm, ok",
])
def test_since_outside_a_report_stays_refused(text: str) -> None:
    assert refused(text), text


# -- 2. end of shift, as a heading -----------------------------------------------------------------------------------
def test_end_of_shift_heading_with_comma() -> None:
    assert understood("end of shift, turn off everything on line A") == \
        {"fan-line-a": {"power": False}, "conveyor-a": {"running": False}}


@pytest.mark.parametrize("text", [
    "at the end of shift, turn off everything on line A",
    "end of shift, lights off at 6pm",
    "end of shift, don't turn off line A",
    "tonight at end of day, lock up the building",
    "End of shift, lights off.",  # a terse rest after a comma: as before (test_session7_h)
])
def test_end_of_shift_schedules_stay_refused(text: str) -> None:
    assert refused(text), text


# -- 3. max flow ------------------------------------------------------------------------------------------------------
def test_set_to_max_flow_runs_the_pump() -> None:
    assert understood("HMI says loop temp rising, set the cooling pump to max flow") == \
        {"pump-cooling": {"running": True, "flow": 50.0}}
    # session 11b: the top after a set verb runs the device (31 of 37 blind asks, /tmp/full_convention.txt)
    assert understood("set the cooling pump to max") == {"pump-cooling": {"running": True, "flow": 50.0}}
    assert understood("crank the coolant up to the max") == {"pump-cooling": {"running": True, "flow": 50.0}}


# -- 4. the sun -------------------------------------------------------------------------------------------------------
def test_sun_off_the_screens_is_a_reason() -> None:
    assert understood("sun's off the screens now, let the daylight into the office") == \
        {"blinds-office": {"position": 100.0}}
    assert understood("the sun is off the windows, close the blinds") == {"blinds-office": {"position": 0.0}}
    assert sun_gone("turn the lights off") is None
    assert sun_gone("sun's off the screens now") == "sun's gone now"
    assert sun_gone("the glare off the screen is annoying") is None  # glare off a screen is the glare itself


def test_sun_in_everyones_eyes() -> None:
    assert understood("ticket 3310: sun in everyone's eyes in the office") == {"blinds-office": {"position": 0.0}}
    assert refused("sun in everyone's eyes in the basement")


def test_the_gate_reads_the_ask_alone() -> None:
    prop = ASSISTANT.understand("conveyor B shows 'E-STOP RESET' — start it back up")
    assert prop.ok and ASSISTANT.direction_problem(prop.utterance, prop) is None
