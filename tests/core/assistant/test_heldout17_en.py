"""The blind held-out 17 set (bench/intents_heldout17.jsonl), the English misses fixed as classes of asks.

1. A possessive 's before a capability word ("the AC's mode", "the conveyor's speed") is no value; "fan-only mode" /
   "fan only" / 送风 is the AC's mode fan.
2. "Everything on line B off: product, coolant and steam": the heading's switch word goes to every item of the list
   (colon_lists.py); never the preposition "on" of "everything on line b".
3. "for the night / the weekend / today / the day" is a purpose (purposes.py); "tonight", clock times stay schedules.
4. "restart" / 重启 start a device; "it tripped" after the ask is a situation.
5. A relative word with a target ("more coolant, 40 litres a minute"), and a value moved to a target ("bring it up to
   24"), set the value only (relative_target.py); an explicit switch verb still switches.
6. "move product on both lines at 60 rpm" starts each conveyor at the speed; "back on" is the switch word.
"""

from __future__ import annotations

import pytest

from console.core.assistant.colon_lists import distribute
from console.core.assistant.purposes import drop_time_purpose
from tests.core.assistant.helpers import checked_commands as _got
from tests.core.assistant.helpers import refusal_kind as _refused

LINE_B_OFF = {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}, "valve-steam": {"open": 0.0}}
LINE_B_ON = {"conveyor-b": {"running": True}, "pump-cooling": {"running": True}, "valve-steam": {"open": 100.0}}


# -- 1. possessives before a capability word; fan-only mode ---------------------------------------------------------
@pytest.mark.parametrize("mode", ["auto", "cool", "heat", "fan"])
@pytest.mark.parametrize("shape", ["Switch the office air conditioner's mode to {m}.",
                                   "set the office AC's mode to {m}", "change the office aircon’s mode to {m}",
                                   "set the climate control's mode to {m}"])
def test_a_possessive_before_a_capability_is_no_value(shape: str, mode: str) -> None:
    assert _got(shape.format(m=mode)) == {"hvac-office": {"mode": mode}}


@pytest.mark.parametrize("text, want", [
    ("set conveyor b's speed to 30 rpm", {"conveyor-b": {"speed": 30.0}}),
    ("set the cooling pump's flow to 25 l/min", {"pump-cooling": {"flow": 25.0}}),
    ("set the office AC's setpoint to 22", {"hvac-office": {"setpoint": 22.0}}),
    ("set the office blinds' position to 40%", {"blinds-office": {"position": 40.0}}),
])
def test_possessives_before_other_capabilities(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", [
    "Switch the office climate control to fan-only mode.", "switch the office air conditioner to fan only mode",
    "set the office climate control to fan-only", "office AC to fan only please", "把办公室空调调成送风",
    "办公室空调切到送风模式"])
def test_fan_only_is_the_acs_fan_mode(text: str) -> None:
    assert _got(text) == {"hvac-office": {"mode": "fan"}}


def test_an_unknown_mode_word_is_still_refused() -> None:
    assert _refused("switch the office AC's mode to turbo") == "out_of_range"


# -- 2. a heading with everything + a switch word, then a colon list --------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Everything on line B off: product, coolant and steam.", LINE_B_OFF),
    ("everything on line b off: the product, the coolant, and the steam", LINE_B_OFF),
    ("Stop everything on line B: product, coolant and steam.", LINE_B_OFF),
    ("shut off everything on line b: steam, coolant & product", LINE_B_OFF),
    ("everything on line b on: product, coolant and steam", LINE_B_ON),
    ("everything off in the warehouse: floodlight and siren",
     {"lamp-warehouse": {"power": False}, "siren-yard": {"active": False}}),
    ("Everything in the office off: ceiling lamp, desk lamp and AC.",
     {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False}, "hvac-office": {"power": False}}),
])
def test_the_headings_switch_word_goes_to_every_item(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", ["everything on line b: product, coolant and steam",  # "on" is a preposition
                                  "everything on line b off: product, coolant and lamps",  # lamps lie outside line b
                                  "everything on line b off: product and don't touch the steam"])
def test_a_colon_list_never_guesses_a_way_or_a_place(text: str) -> None:
    _refused(text)


def test_distribute_text() -> None:
    assert distribute("everything on line b off: product, coolant and steam.") == \
        "everything on line b off: product off, coolant off and steam off"
    assert distribute("everything on line b: product, coolant and steam") == \
        "everything on line b: product, coolant and steam"  # no way said: unchanged
    assert distribute("everything off: lamps, set the ac to 22") == "everything off: lamps, set the ac to 22"
    assert distribute("line b off: product, coolant") == "line b off: product, coolant"  # no everything/all


# -- 3. time-span purposes --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Lock up for the night.", "lock up for today", "lock up for the weekend",
                                  "secure the building for the weekend", "lock the main door for the night, thanks"])
def test_a_time_span_is_a_purpose(text: str) -> None:
    assert _got(text) == {"lock-main-door": {"locked": True}}


def test_a_purpose_on_other_devices() -> None:
    assert _got("turn off the office lights for the day") == {"lamp-office-1": {"power": False},
                                                               "lamp-office-2": {"power": False}}


@pytest.mark.parametrize("text", ["lock up for tonight", "lock up tonight at 9", "lock up for the night at 10",
                                  "lock up this weekend", "lock up at the weekend", "lock up for the night at 9pm",
                                  "for the night, close the blinds tomorrow"])
def test_schedules_stay_refused(text: str) -> None:
    assert _refused(text) == "unsupported"


def test_drop_time_purpose_text() -> None:
    assert drop_time_purpose("lock up for the night.") == "lock up ."
    assert drop_time_purpose("lock up for tonight") == "lock up for tonight"


# -- 4. restart ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Restart the cooling water pump, it tripped.", {"pump-cooling": {"running": True}}),
    ("restart the cooling pump, it stalled", {"pump-cooling": {"running": True}}),
    ("restart conveyor b, it faulted", {"conveyor-b": {"running": True}}),
    ("restart the line a fan because it tripped", {"fan-line-a": {"power": True}}),
    ("重启冷却水泵", {"pump-cooling": {"running": True}}),
    ("冷却水泵跳闸了，重新启动一下", {"pump-cooling": {"running": True}}),
])
def test_restart_starts(text: str, want: dict) -> None:
    assert _got(text) == want


def test_a_report_before_restart_restarts() -> None:
    # held-out 15 pinned a refusal ("never stop conveyor b"); session 11 reads the report as a report
    # (restart_reports.py, blind sets 72/75): the restart starts it, and never stops it
    from tests.core.assistant.helpers import ASSISTANT

    prop = ASSISTANT.understand("conveyor b stopped, restart it")
    assert [(c.device_id, c.params) for c in prop.commands] == [("conveyor-b", {"running": True})]
    assert ASSISTANT.direction_problem(prop.utterance, prop) is None  # the product's gate reads the report too


@pytest.mark.parametrize("text", ["don't restart the cooling pump", "restart the cooling pump at 6am",
                                  "restart the cooling pump if it tripped"])
def test_restart_keeps_the_refusals(text: str) -> None:
    _refused(text)


# -- 5. a relative word with a target: the value only -------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("More coolant, 40 litres a minute.", {"pump-cooling": {"flow": 40.0}}),
    ("more coolant, 40 l/min", {"pump-cooling": {"flow": 40.0}}),
    ("More coolant: 40 litres per minute", {"pump-cooling": {"flow": 40.0}}),
    ("more coolant, forty litres a minute", {"pump-cooling": {"flow": 40.0}}),
    ("less coolant, 15 l/min", {"pump-cooling": {"flow": 15.0}}),
    ("more coolant, to 40 l/min", {"pump-cooling": {"flow": 40.0}}),
    ("less steam, 30%", {"valve-steam": {"open": 30.0}}),
    ("The office is chilly — bring it up to 24.", {"hvac-office": {"setpoint": 24.0}}),
    ("it's cold in the office, bring it up to 23", {"hvac-office": {"setpoint": 23.0}}),
    ("crank the coolant up to 50", {"pump-cooling": {"flow": 50.0}}),
    ("make it cooler in the office, like 19 degrees", {"hvac-office": {"setpoint": 19.0}}),
])
def test_a_relative_word_with_a_target_sets_the_value_only(text: str, want: dict) -> None:
    assert _got(text) == want


def test_an_explicit_switch_verb_still_switches() -> None:
    assert _got("start the pump, more coolant, 40 l/min") == {"pump-cooling": {"flow": 40.0, "running": True}}


@pytest.mark.parametrize("text", ["more coolant", "less steam", "more coolant, 40"])
def test_a_relative_word_without_a_target_stays_refused(text: str) -> None:
    _refused(text)


# -- 6. move product at a speed; back on --------------------------------------------------------------------------
@pytest.mark.parametrize("speed", [30, 60])
@pytest.mark.parametrize("shape, ids", [("Move product on both lines at {s} rpm.", ("conveyor-a", "conveyor-b")),
                                        ("move product on line b at {s} rpm", ("conveyor-b",))])
def test_moving_product_at_a_speed_starts_each_conveyor(shape: str, ids: tuple,
                                                        speed: int) -> None:
    assert _got(shape.format(s=speed)) == {i: {"running": True, "speed": float(speed)} for i in ids}


def test_setting_both_speeds_starts_nothing() -> None:
    assert _got("set both conveyors to 60 rpm") == {"conveyor-a": {"speed": 60.0}, "conveyor-b": {"speed": 60.0}}


@pytest.mark.parametrize("text, want", [
    ("Ceiling lamp in the office — back on, full brightness.",
     {"lamp-office-1": {"power": True, "level": 100.0}}),
    ("desk lamp back on, 50%", {"lamp-office-2": {"power": True, "level": 50.0}}),
    ("office desk lamp: back on at 40%", {"lamp-office-2": {"power": True, "level": 40.0}}),
    ("the floodlight back off, please", {"lamp-warehouse": {"power": False}}),
])
def test_back_on_is_the_switch_word(text: str, want: dict) -> None:
    assert _got(text) == want
