"""Session 8 (held-outs 26/27), fixer "en": six classes of asks, each with the asks that must now work, the near
misses that keep their meaning, and the harmful variants that must be refused.

1. A number word after an AC's mode in a list ("office AC on, cool mode, twenty-two") is the setpoint, as the digits
   are (bare_numbers.py); a lone number-word clause is never a skipped "situation": placed by the whole reading or
   the ask is refused (it had been silently dropped).
2. A missing space between two known words ("setthe", "turnoff", "switchon") is put back (typos.py); "donot" is a
   negation.
3. Glare is daylight the blinds let in: "too much glare", "so much glare", "blinding", 太晃眼 close them (catalog
   semantics + ha_semantics.py).
4. Fan-only mode named by what it does beside a negated heating/cooling (fan_only.py); both modes negated in one
   clause ("no heating and no cooling") is a negation, never mode cool and never the AC off (negated_modes.py).
5. A verb that means running the fan ("air it out", "ventilate", "<extraction> on high") + a speed: on + speed; a
   verb that only sets a value ("set/crank … to high", "turn … down to low"): the speed only; "<value> is enough"
   rates the value (value_enough.py, thing_on.py).
6. "blinds up/down" alone (cover_ways.py; beside another clause own_way.py's refusal stands), "on lines a
   and b" (zone_lists.py), modal lead-ins "you'd better …"
   (lead_ins.py).
Every proposal also passes the gate's direction check (``checked_commands``).
"""

from __future__ import annotations

import pytest

from console.core.assistant.bare_numbers import after_mode, spelled_number
from console.core.assistant.fan_only import fan_only
from console.core.assistant.lead_ins import drop_lead_ins
from console.core.assistant.negated_modes import rewrite_negated_modes
from console.core.assistant.thing_on import thing_on_value
from console.core.assistant.typos import TypoFixer
from console.core.assistant.value_enough import without_value_enough
from tests.core.assistant.helpers import ASSISTANT
from tests.core.assistant.helpers import checked_commands as _got
from tests.core.assistant.helpers import refused as _refused

AC = "hvac-office"
FAN = "fan-line-a"
BLINDS = "blinds-office"
OPEN_BLINDS = {BLINDS: {"position": 100.0}}
CLOSE_BLINDS = {BLINDS: {"position": 0.0}}
BOTH_LINES_OFF = {"fan-line-a": {"power": False}, "conveyor-a": {"running": False}, "conveyor-b": {"running": False},
                  "pump-cooling": {"running": False}}


# -- 1. a number word after a mode; a lone number clause ------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("office AC on, cool mode, twenty-two", {"power": True, "mode": "cool", "setpoint": 22.0}),
    ("office AC on, cool mode, twenty two", {"power": True, "mode": "cool", "setpoint": 22.0}),
    ("office AC on, cool mode, 22", {"power": True, "mode": "cool", "setpoint": 22.0}),
    ("office ac, heat mode, nineteen point five", {"mode": "heat", "setpoint": 19.5}),
    ("office ac: cool, twenty-one", {"mode": "cool", "setpoint": 21.0}),
    ("office AC on, cool mode, twenty-two degrees", {"power": True, "mode": "cool", "setpoint": 22.0}),
    ("办公室空调开，制冷，二十二度", {"power": True, "mode": "cool", "setpoint": 22.0}),
    ("set the office ac to twenty-two", {"setpoint": 22.0}),
])
def test_number_word_after_a_mode_is_the_setpoint(text: str, want: dict) -> None:
    assert _got(text) == {AC: want}


@pytest.mark.parametrize("text", [
    "office ac on, twenty-two",  # no mode before it: which setting? never dropped
    "turn on the desk lamp, twenty",
    "office AC on, cool mode, fifty",  # out of the setpoint's range: refused, never dropped
    "office AC on, cool mode, 50",
])
def test_an_unplaced_number_word_is_refused_never_dropped(text: str) -> None:
    assert _refused(text)


@pytest.mark.parametrize("before, yes", [("office ac on, cool mode, ", True), ("cool, ", True), ("heat mode at ", True),
                                         ("office ac on, ", False), ("cool mode in the office ", False),
                                         ("the cooling pump ", False)])
def test_after_mode(before: str, yes: bool) -> None:
    assert after_mode(before) is yes


@pytest.mark.parametrize("clause, digits", [("twenty-two", "22"), ("say twenty two degrees", "22"), ("nineteen", "19"),
                                            ("and twenty", "20"), ("last one out", None), ("banana", None),
                                            ("twenty-two lamps on", None), ("22", None)])
def test_spelled_number(clause: str, digits: str | None) -> None:
    assert spelled_number(clause) == digits


# -- 2. a missing space between two known words ------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("setthe office ac to 19.5", {AC: {"setpoint": 19.5}}),
    ("turnoff the desk lamp", {"lamp-office-2": {"power": False}}),
    ("turnon the desk lamp", {"lamp-office-2": {"power": True}}),
    ("switchon the exhaust fan on line a", {FAN: {"power": True}}),
    ("stopthe pump", {"pump-cooling": {"running": False}}),
    ("closethe steam valve", {"valve-steam": {"open": 0.0}}),
    ("turnoff the siren and setthe office ac to 20", {"siren-yard": {"active": False}, AC: {"setpoint": 20.0}}),
])
def test_missing_space_is_put_back(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", ["donot stop the pump", "donot open the valve", "dontstop the pump"])
def test_a_run_together_negation_stays_refused(text: str) -> None:
    assert _refused(text)


def test_split_only_when_exactly_one_pair_with_a_joining_word() -> None:
    fixer = TypoFixer(["set", "the", "turn", "off", "on", "lamp", "now", "here", "with", "out", "them", "mall", "all",
                       "shut", "down"])
    assert fixer.fix("setthe lamp") == "set the lamp"
    assert fixer.fix("turnoff") == "turn off"
    assert fixer.fix("thelamp") == "the lamp"
    assert fixer.fix("shutdown") == "shut down"
    assert fixer.fix("seton") == "set on"
    assert fixer.fix("themall") == "themall"  # the+mall and them+all: two splits, left as it is
    assert fixer.fix("without") == "without"  # "out" joins nothing: never "with out"
    assert fixer.fix("nowhere") == "nowhere"  # two ordinary words, no joining word
    assert fixer.fix("upon") == "upon"  # too short to tell
    assert fixer.fix("the lamp") == "the lamp"  # known words untouched


@pytest.mark.parametrize("text, want", [("without steam", {"valve-steam": {"open": 0.0}}),
                                        ("shutdown conveyor a", {"conveyor-a": {"running": False}})])
def test_split_keeps_real_words(text: str, want: dict) -> None:
    assert _got(text) == want


# -- 3. glare ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["too much glare in the office", "so much glare in the office",
                                  "the glare in the office is blinding", "glaring sun in the office",
                                  "too much glare in the office, please", "too sunny in the office",
                                  "the sun is in my eyes in the office", "办公室太晃眼了", "办公室阳光刺眼",
                                  "Too much glare on my screen in the office, keep the sun out completely."])
def test_glare_closes_the_blinds(text: str) -> None:
    assert _got(text) == CLOSE_BLINDS


@pytest.mark.parametrize("text, want", [
    ("too much glare in the office, blinds to 30%", {BLINDS: {"position": 30.0}}),
    ("let the sun in in the office", OPEN_BLINDS),
    ("Please dim the office desk lamp to 30 percent; the glare on my screen is bothering me.",
     {"lamp-office-2": {"level": 30.0}}),
    ("it's too dark in the office", {"lamp-office-1": {"power": True}, "lamp-office-2": {"power": True}}),
])
def test_near_glare_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", ["too much glare on line a", "too much glare in the kitchen"])
def test_glare_where_no_blinds_is_refused(text: str) -> None:
    assert _refused(text)


# -- 4. fan-only mode by what it does; both modes negated -------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I'd like the office air to just move around, no heating and no cooling please.",
    "just circulate the air in the office, no heating or cooling",
    "office ac: no heating and no cooling, just move the air",
    "office ac: just circulate, no cooling",
    "the office air should just circulate, neither heating nor cooling",
    "office ac to fan mode, neither heating nor cooling",
    "office ac: fan mode, no heating and no cooling",
    "办公室空调不制冷也不制热，只让空气流通",
    "办公室空调不制冷也不制热，只送风",
    "办公室空调只吹风，不要制冷",
    "办公室空调送风模式，不要制冷也不要制热",
])
def test_fan_only_named_by_what_it_does(text: str) -> None:
    assert _got(text) == {AC: {"mode": "fan"}}


@pytest.mark.parametrize("text", [
    "no heating and no cooling in the office",  # had set mode cool
    "no heating, no cooling in the office",
    "office ac, no heating and no cooling",  # never the AC off either
    "办公室空调不制冷也不制热",
    "不要制冷也不要制热",
    "cool mode in the office, no heating and no cooling",
    "I'd like the office air to just move around",  # no negated mode: the air could be the fan's
    "circulate the air in the office",
])
def test_negated_modes_without_a_mode_chosen_are_refused(text: str) -> None:
    assert _refused(text)


@pytest.mark.parametrize("text, want", [
    ("turn off the office ac, no heating or cooling needed", {AC: {"power": False}}),
    ("no more heating or cooling in the office", {AC: {"power": False}}),
    ("cool mode in the office, no heating", {AC: {"mode": "cool"}}),
    ("office ac: fan mode only, no cooling", {AC: {"mode": "fan"}}),
    ("办公室空调不制冷，开制热", {AC: {"mode": "heat", "power": True}}),
    ("办公室不需要制冷或制热了，关掉温控", {AC: {"power": False}}),
])
def test_near_negated_modes_keep_their_meaning(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text, out", [
    ("i'd like the office air to just move around, no heating and no cooling please.",
     "i'd like the office ac to fan mode, no heating and no cooling please."),
    ("just circulate the air in the office, no cooling", "fan mode in the office, no cooling"),
    ("circulate the air in the office", "circulate the air in the office"),  # no negated mode
    ("air out line a, no heating", "air out line a, no heating"),  # "air out" is the exhaust fan's
])
def test_fan_only_rewrite(text: str, out: str) -> None:
    assert fan_only(text) == out


def test_both_modes_negated_is_one_clause() -> None:
    assert rewrite_negated_modes("fan mode, no heating and no cooling") == "fan mode"
    assert rewrite_negated_modes("no heating, no cooling in the office") == "don't heat, don't cool in the office"
    assert rewrite_negated_modes("no heating and no cooling") == "don't heat or cool"
    # a need for neither is the reason beside a command (negated_reasons.py), not rewritten here
    assert rewrite_negated_modes("办公室不需要制冷或制热了，关掉温控") == "办公室不需要制冷或制热了，关掉温控"


# -- 5. a fan verb + a speed: on + speed; a set verb: the speed only ---------------------------------------------------
@pytest.mark.parametrize("text, speed", [
    ("It's so stuffy on line one I can hardly breathe, please air it out at medium.", "medium"),
    ("please air it out at medium on line a", "medium"),
    ("air line a out on high", "high"),
    ("air out line a at medium", "medium"),
    ("Ventilate line A, low speed is enough.", "low"),
    ("ventilate line a, low speed will do", "low"),
    ("Line A stinks, get the extraction on high.", "high"),
    ("line a ventilation on medium", "medium"),
    ("Line A stinks, get the extraction going on high", "high"),
    ("一号线通风，开到中档", "medium"),
    ("A线排风扇开到中档", "medium"),
])
def test_running_verb_and_speed_switch_the_fan_on(text: str, speed: str) -> None:
    assert _got(text) == {FAN: {"power": True, "speed": speed}}


@pytest.mark.parametrize("text, speed", [
    ("set the line a fan to high", "high"),
    ("line A is smoky, crank the extraction to high", "high"),
    ("Set the Line A exhaust fan speed to high.", "high"),
    ("Turn the ventilation on line A down to low.", "low"),
    ("ventilation on line A down to low", "low"),
    ("set the extraction to high on line a", "high"),
    ("一线换气调到中档", "medium"),
    ("line a exhaust fan high", "high"),
])
def test_value_only_verbs_set_only_the_speed(text: str, speed: str) -> None:
    assert _got(text) == {FAN: {"speed": speed}}


@pytest.mark.parametrize("text", ["don't air out line a", "no more ventilating line a at high"])
def test_negated_fan_verbs_never_switch_on(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert not any(c.params.get("power") is True for c in prop.commands)


@pytest.mark.parametrize("text, values, out", [
    ("ventilate line a, low speed is enough.", ["low"], "ventilate line a, ."),
    ("ventilate line a, medium will be plenty", ["medium"], "ventilate line a,"),
    ("open the blinds, halfway is enough", [], "open the blinds,"),
    ("enough coolant", [], "enough coolant"),
    ("that is enough", [], "that is enough"),
    ("stop the fan, it's enough", ["low"], "stop the fan, it's enough"),
])
def test_value_enough(text: str, values: list, out: str) -> None:
    assert " ".join(without_value_enough(text, values).split()) == out


def test_thing_on_value() -> None:
    things, removes = ("extraction", "ventilation", "fumes", "air", "let ... in"), ("fumes",)
    assert thing_on_value("get the extraction on high", things, removes, ["high"])
    assert not thing_on_value("fumes on high on line a", things, removes, ["high"])  # what it takes away
    assert not thing_on_value("ventilation on line a down to low", things, removes, ["low"])  # "on" a place
    assert not thing_on_value("set the extraction to high", things, removes, ["high"])


# -- 6. blinds up/down; lines a and b; modal lead-ins ------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("blinds up", OPEN_BLINDS), ("blinds up please", OPEN_BLINDS), ("put the blinds up", OPEN_BLINDS),
    ("roll the blinds up", OPEN_BLINDS), ("could you pull the office blinds up please", OPEN_BLINDS),
    ("office blinds down", CLOSE_BLINDS), ("pull the blinds down", CLOSE_BLINDS),
    ("the blinds right down", CLOSE_BLINDS),
    ("blinds all the way down", CLOSE_BLINDS), ("the office blinds down please", CLOSE_BLINDS),
    ("blinds all the way up", OPEN_BLINDS), ("blinds halfway down", {BLINDS: {"position": 50.0}}),
    ("blinds down to 30%", {BLINDS: {"position": 30.0}}),
    ("both blinds down", CLOSE_BLINDS), ("please blinds up", OPEN_BLINDS),
])
def test_cover_up_and_down(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", ["lights down", "office lamps down", "lamp up", "volume up", "office ac down",
                                  "steam valve up", "ac down", "turn the blinds down", "turn the blinds up",
                                  "blinds up, lights off", "lights on, blinds down"])
def test_up_down_on_other_devices_stays_refused(text: str) -> None:
    assert _refused(text)  # "lights down" is never "off", a valve "up" never "open"


@pytest.mark.parametrize("text", ["stop everything on lines a and b", "stop everything on lines 1 and 2 please",
                                  "lines a and b: everything off", "lines a and b, stop everything",
                                  "everything off on both lines a and b", "stop everything on line a and line b"])
def test_everything_on_a_list_of_lines(text: str) -> None:
    assert _got(text) == BOTH_LINES_OFF  # each line's devices, never the rest of the fleet


@pytest.mark.parametrize("text, want", [
    ("start the conveyors on lines a and b", {"conveyor-a": {"running": True}, "conveyor-b": {"running": True}}),
    ("stop the conveyors on lines a and b", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
])
def test_a_kind_on_a_list_of_lines(text: str, want: dict) -> None:
    assert _got(text) == want


def test_lines_without_a_preposition_is_not_rewritten() -> None:
    assert _refused("stop lines a and b")  # the production lines (conveyors) or the places? asked, never guessed


@pytest.mark.parametrize("text, want", [
    ("you'd better close the steam valve", {"valve-steam": {"open": 0.0}}),
    ("you should close the steam valve", {"valve-steam": {"open": 0.0}}),
    ("better close the steam valve", {"valve-steam": {"open": 0.0}}),
    ("you had better open the steam valve to 30%", {"valve-steam": {"open": 30.0}}),
    ("someone should stop conveyor a", {"conveyor-a": {"running": False}}),
    ("we'd better close the steam valve, and you should stop the pump",
     {"valve-steam": {"open": 0.0}, "pump-cooling": {"running": False}}),
    ("最好把蒸汽阀关掉", {"valve-steam": {"open": 0.0}}),
])
def test_modal_lead_ins(text: str, want: dict) -> None:
    assert _got(text) == want


@pytest.mark.parametrize("text", ["you'd better not close the steam valve", "you should not open the valve",
                                  "we should never stop the pump", "最好不要关蒸汽阀"])
def test_negated_modal_lead_ins_stay_refused(text: str) -> None:
    assert _refused(text)


@pytest.mark.parametrize("text, out", [
    ("you'd better close the steam valve", "close the steam valve"),
    ("you should not open the valve", "you should not open the valve"),
    ("the valve should be closed", "the valve should be closed"),
])
def test_drop_modal_lead_in(text: str, out: str) -> None:
    assert drop_lead_ins(text).strip() == out
