"""Misses of the blind held-out 15 set (bench/intents_heldout15.jsonl) about clauses, places and lists, fixed as
general rules over any phrasing, in both languages.

1. A possessive 's between a name and a name or a setting word ("line b's conveyor", "the second line's
   conveyor", "the office's AC") is no word of its own (reader._possessives); "the pump's running" stays a state.
2. Both things an AC does under an off verb are the AC off, no mode (hvac_both.py): "switch off the heating and
   cooling in the office", 关掉办公室的制冷和制热; a shared off verb too ("turn off the cooling pump and the heating").
3. "shut everything down on line b": "on" before a place is a preposition, so the verb keeps its particle
   (phrases.move_particles) and reads as "shut down everything on line b" (the earlier sets' reading).
4. A kind named again for each of several places ("the conveyor on line a and the one on line b",
   停止一号线的传送带和二号线的传送带) is each place's own device (targets._per_zone, reader._the_one).
5. "outside" names the fleet's outdoor devices (the yard siren) and nothing indoor; where a person is ("he's
   waiting outside") is no place at all (outdoors.py); a person let in is the entrance (people.py).
6. A purpose heading before a colon is why, not a part ("Closing the office down: AC off, blinds shut, main
   entrance locked."), and a terse target state in a list ("main entrance locked") is its command (headings.py).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.headings import purpose_heading, terse_states
from console.core.assistant.hvac_both import stop_both
from console.core.assistant.layers import Assistant
from console.core.assistant.outdoors import outdoor_devices, outside_said
from console.core.assistant.people import blank_people
from console.core.fleet.catalog import load_fleet

FLEET = load_fleet()
PLAIN = Assistant(FLEET, default_aliases())
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

AC_OFF = {("hvac-office", (("power", False),))}
BOTH_CONVEYORS_STOP = {("conveyor-a", (("running", False),)), ("conveyor-b", (("running", False),))}
UNLOCK = {("lock-main-door", (("locked", False),))}


def _outcome(text: str, assistant: Assistant = PLAIN) -> object:
    prop = assistant.understand(text)
    if prop.refusal is not None:
        assert not prop.commands
        return "refused"
    assert assistant.direction_problem(text, prop) is None  # never a command against its clause's direction
    return {(c.device_id, tuple(sorted(c.params.items()))) for c in prop.commands}


def _set(*cmds: tuple[str, dict]) -> set:
    return {(d, tuple(sorted(p.items()))) for d, p in cmds}


# ---- 1. possessives --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("stop the second line's conveyor", _set(("conveyor-b", {"running": False}))),
    ("stop line b's conveyor", _set(("conveyor-b", {"running": False}))),
    ("start line a's conveyor", _set(("conveyor-a", {"running": True}))),
    ("turn off the office's AC", AC_OFF),
    ("close line b's valve", _set(("valve-steam", {"open": 0}))),
    ("set conveyor b's speed to 40", _set(("conveyor-b", {"speed": 40}))),
    ("turn the first line's fan on", _set(("fan-line-a", {"power": True}))),
    ("关掉二号线的传送带", _set(("conveyor-b", {"running": False}))),
    ("把办公室的空调关掉", AC_OFF),
])
def test_possessive_names(text: str, want: set) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize("text", ["the pump's running", "the conveyor's stopped", "line b's pump is running",
                                  "the valve's open"])
def test_possessive_state_is_no_command(text: str) -> None:
    assert _outcome(text) == "refused"  # "'s" = "is": how a device is, never a command


# ---- 2. heating and cooling off ---------------------------------------------------------------------------------------
_PAIRS_EN = ["heating and cooling", "cooling and heating", "heating/cooling", "heating or cooling", "heat and cool"]
_OFF_EN = ["switch off the {p} in the office", "turn off {p} in the office", "turn the {p} off in the office",
           "office {p} off", "shut off both {p} in the office", "stop the {p} in the office",
           "Switch off the {p} in the office."]
_PAIRS_ZH = ["制冷和制热", "制热和制冷", "制冷制热", "冷暖", "制冷与制热"]
_OFF_ZH = ["关掉办公室的{p}", "把办公室的{p}都关掉", "停止办公室的{p}", "办公室{p}关了", "关闭{p}"]


@pytest.mark.parametrize("pair", _PAIRS_EN)
@pytest.mark.parametrize("shape", _OFF_EN)
def test_heating_and_cooling_off_en(shape: str, pair: str) -> None:
    assert _outcome(shape.format(p=pair)) == AC_OFF  # the AC off; no mode leaks in


@pytest.mark.parametrize("pair", _PAIRS_ZH)
@pytest.mark.parametrize("shape", _OFF_ZH)
def test_heating_and_cooling_off_zh(shape: str, pair: str) -> None:
    assert _outcome(shape.format(p=pair)) == AC_OFF


@pytest.mark.parametrize("text, want", [
    ("turn off the cooling pump and the heating", _set(("pump-cooling", {"running": False}), ("hvac-office", {"power": False}))),
    ("switch off the floodlight and the cooling", _set(("lamp-warehouse", {"power": False}), ("hvac-office", {"power": False}))),
    ("stop the cooling pump", _set(("pump-cooling", {"running": False}))),  # a thing named after what it does
    ("turn off the cooling pump", _set(("pump-cooling", {"running": False}))),
])
def test_shared_off_verb_never_sets_a_mode(text: str, want: set) -> None:
    assert _outcome(text) == want


def test_stop_both_leaves_other_text() -> None:
    for text in ("switch on the heating and cooling", "stop the cooling pump", "lights on and fan off",
                 "turn off the lamps and put the heating on"):
        assert stop_both(text) == text
    assert stop_both("lights on and heating and cooling off") == "lights on and turn off the ac"


# ---- 3. shut everything down on a place --------------------------------------------------------------------------------
_ZONE_OFF = {
    "line-b": _set(("conveyor-b", {"running": False}), ("pump-cooling", {"running": False})),
    "line-a": _set(("fan-line-a", {"power": False}), ("conveyor-a", {"running": False})),
    "office": _set(("lamp-office-1", {"power": False}), ("lamp-office-2", {"power": False}), ("hvac-office", {"power": False})),
}
_ZONE_WORDS = {"line-b": ["line b", "line B", "line two", "the second line"], "line-a": ["line a", "line 1"],
               "office": ["the office"]}
_SHUT_SHAPES = ["Shut everything down on {z}.", "shut down everything on {z}", "{z}, shut everything down",
                "shut it all down on {z}", "turn everything off on {z}", "stop everything on {z}"]


@SLOW
@given(zone=st.sampled_from(sorted(_ZONE_WORDS)), data=st.data())
def test_everything_down_on_a_place_is_one_reading(zone: str, data: st.DataObject) -> None:
    word = data.draw(st.sampled_from(_ZONE_WORDS[zone]))
    shape = data.draw(st.sampled_from(_SHUT_SHAPES))
    if zone == "office":
        shape = shape.replace(" on {z}", " in {z}")
    got = _outcome(shape.format(z=word))
    assert got == _ZONE_OFF[zone], shape.format(z=word)  # every phrasing the same: never the valve alone


# ---- 4. one kind, one per place ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "停止一号线的传送带和二号线的传送带", "把一号线的传送带和二号线的传送带都停下", "停止A线的传送带和B线的传送带",
    "stop the conveyor on line one and the one on line two", "stop the conveyor on line a and the conveyor on line b",
    "stop line a's conveyor and line b's conveyor", "stop the line one conveyor and the line two conveyor",
    "stop the conveyor on line 1 and the conveyor on line 2", "stop the conveyor on line b and the one on line a",
])
def test_a_kind_per_place_is_each_place_s_device(text: str) -> None:
    assert _outcome(text) == BOTH_CONVEYORS_STOP  # never "which one?", never one of them dropped


@pytest.mark.parametrize("text", ["turn off the lamp in the office and the lamp in the warehouse",
                                  "turn off the light in the warehouse and the one in the office"])
def test_a_kind_per_place_with_several_there_still_asks(text: str) -> None:
    assert _outcome(text) == "refused"  # the office has two lamps: which one? (never a silent pick or drop)


# ---- 5. outside, people let in -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Alert everybody outside, use the wail pattern", _set(("siren-yard", {"active": True, "pattern": "wail"}))),
    ("warn everyone outdoors", _set(("siren-yard", {"active": True}))),
    ("sound the siren outside", _set(("siren-yard", {"active": True}))),
    ("stop the noise outside", _set(("siren-yard", {"active": False}))),
    ("外面的警报器响起来", _set(("siren-yard", {"active": True}))),
])
def test_outside_is_the_outdoor_devices(text: str, want: set) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize("text", ["lights on outside", "turn on the light outside", "open the blinds outside",
                                  "外面的灯打开", "stop conveyor b outside"])
def test_outside_never_an_indoor_device(text: str) -> None:
    assert _outcome(text) == "refused"


def test_outside_without_outdoor_devices_stays_a_foreign_place() -> None:
    indoor = Assistant(FLEET, default_aliases(), exposed=lambda d: d != "siren-yard")
    assert indoor.outdoor == frozenset()
    assert _outcome("Alert everybody outside, use the wail pattern", indoor) == "refused"
    assert _outcome("lights on outside", indoor) == "refused"
    # where a person is, in any fleet, is no place of the ask
    assert _outcome("Let the fire inspector in, he's waiting outside.", indoor) == UNLOCK


_PEOPLE = ["the fire inspector", "the courier", "the visitors", "the cleaners", "our new technician",
           "the delivery driver", "the fire crew", "the guests"]
_SITUATIONS = ["", ", he's waiting outside", ", they're outside", ", she's waiting outside.",
               ", the crew is stuck outside", ", they are here"]


@SLOW
@given(who=st.sampled_from(_PEOPLE), why=st.sampled_from(_SITUATIONS), into=st.booleans(), cap=st.booleans())
def test_letting_a_person_in_unlocks(who: str, why: str, into: bool, cap: bool) -> None:
    text = f"let {who} {'into the building' if into else 'in'}{why}"
    assert _outcome(text.capitalize() if cap else text) == UNLOCK


@pytest.mark.parametrize("text", ["let the dog in", "don't let the courier in", "let the courier in at 6pm",
                                  "let the courier in tomorrow", "if the courier comes, let him in"])
def test_letting_in_keeps_its_refusals(text: str) -> None:
    assert _outcome(text) == "refused"


@pytest.mark.parametrize("text, want", [
    ("let the sunlight in", _set(("blinds-office", {"position": 100}))),
    ("let the light in", _set(("blinds-office", {"position": 100}))),
    ("开门让消防检查员进来，他在外面等着", UNLOCK),
])
def test_light_still_comes_in_by_the_blinds(text: str, want: set) -> None:
    assert _outcome(text) == want


def test_outdoor_words() -> None:
    assert outdoor_devices(FLEET.devices, PLAIN.meaning.device_things) == frozenset({"siren-yard"})
    assert outside_said("let the fire inspector in, he's waiting outside.") is None
    assert outside_said("alert everybody outside") == "outside"
    assert blank_people("let the dog in") == "let the dog in"
    assert blank_people("let the courier in").split() == ["let", "in"]


# ---- 6. purpose headings, terse states ---------------------------------------------------------------------------------
_CLOSE_OFFICE = _set(("hvac-office", {"power": False}), ("blinds-office", {"position": 0}), ("lock-main-door", {"locked": True}))


@pytest.mark.parametrize("head", ["Closing the office down", "Closing up", "Shutting the office down for the night",
                                  "Locking up", "Wrapping up in the office", "Leaving"])
@pytest.mark.parametrize("items", ["AC off, blinds shut, main entrance locked.", "AC off, blinds shut, lock the main entrance",
                                   "blinds shut, main entrance locked, AC off", "AC off; blinds shut; main door locked"])
def test_purpose_heading_is_no_part(head: str, items: str) -> None:
    assert _outcome(f"{head}: {items}") == _CLOSE_OFFICE


@pytest.mark.parametrize("text, want", [
    ("Shutting line b down: conveyor off, valve closed", _set(("conveyor-b", {"running": False}), ("valve-steam", {"open": 0}))),
    ("Wrapping up for the night: office lights off, main door locked",
     _set(("lamp-office-1", {"power": False}), ("lamp-office-2", {"power": False}), ("lock-main-door", {"locked": True}))),
    ("AC off, blinds shut, main entrance locked", _CLOSE_OFFICE),
    ("下班了：空调关掉，百叶窗关上，大门锁上", _CLOSE_OFFICE),
    ("ceiling lamp: off", _set(("lamp-office-1", {"power": False}))),  # a heading that is a device stays the device
    ("Yard siren: pulse pattern, go", _set(("siren-yard", {"active": True, "pattern": "pulse"}))),
])
def test_headings_and_lists(text: str, want: set) -> None:
    assert _outcome(text) == want


@pytest.mark.parametrize("text", [
    "Closing the office down: AC off, stop conveyor b",  # outside the heading's place
    "main entrance locked",  # a state alone is a report, not a list of commands
    "Closing the office down: AC off, blinds shut at 6pm",  # a schedule stays refused
    "Closing the office down: don't lock the main door, AC off",  # a negation stays refused
])
def test_headings_keep_the_refusals(text: str) -> None:
    assert _outcome(text) == "refused"


def test_heading_and_terse_state_text() -> None:
    assert purpose_heading("closing the office down: ac off, blinds shut") == ("closing the office down", "ac off, blinds shut")
    assert purpose_heading("ceiling lamp: off") is None  # one item: no list
    assert purpose_heading("office: ac off, blinds shut") is None  # no -ing heading
    assert terse_states("ac off, main entrance locked") == "ac off, lock the main entrance"
    assert terse_states("conveyor b stopped, restart it") == "conveyor b stopped, restart it"
    assert terse_states("main entrance locked") == "main entrance locked"


@pytest.mark.parametrize("text", ["blinds up, unlock the main entrance", "lights on, blinds up, unlock the main entrance",
                                  "blinds down, lock the main door", "unlock the main entrance and blinds up"])
def test_a_terse_up_down_clause_is_never_dropped(text: str) -> None:
    # "blinds up" is not read (up/down alone is no verb the rules know): the whole ask is refused, never the lock alone
    got = _outcome(text)
    assert got == "refused" or any(d == "blinds-office" for d, _ in got)
