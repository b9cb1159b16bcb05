"""Session 8, blind set 33 (night rounds): leave to go dark is lights off; "light it up"; "brighten (up)" a place's one
switch-only light, a beneficiary ("for the cleaners"), a "just enough to …" purpose and an end-of-shift reason at
the end of a clause (go_dark.py, trailing_asides.py, brighter_on.py, phrases.move_particles, layers._it_places).

"Nobody's left in the warehouse, it can go dark." had switched the floodlight ON (darkness is the lamp's thing, its
default "up"): the worst kind of miss.  Leave to go dark (can / may / let … go dark, lights can go out, 可以黑了) is
now "lights off", read as "down" by the direction check, and no light may go on or up under it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.direction import DOWN, direction_of
from console.core.assistant.go_dark import dark_words, go_dark, says_go_dark
from console.core.assistant.phrases import move_particles, normalize
from console.core.assistant.proposal import build_proposal
from console.core.assistant.trailing_asides import drop_trailing
from tests.core.assistant.helpers import ASSISTANT, FLEET, refused
from tests.core.assistant.helpers import understood as got

BY_ID = FLEET.by_id()
LAMPS = [m.id for m in FLEET.devices if m.kind == "lamp"]
OFF = {"power": False}
ON = {"power": True}


# -- the held-out 33 asks --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Nobody's left in the warehouse, it can go dark.", {"lamp-warehouse": OFF}),
    ("Warehouse is done, it can go dark; the office too.",
     {"lamp-warehouse": OFF, "lamp-office-1": OFF, "lamp-office-2": OFF}),
    ("Heading to the warehouse now, light it up.", {"lamp-warehouse": ON}),
    ("Brighten up the warehouse for the cleaners.", {"lamp-warehouse": ON}),
    ("Office lighting down to 10 percent, just enough to mop by.",
     {"lamp-office-1": {"level": 10.0}, "lamp-office-2": {"level": 10.0}}),
    ("Halt all production, end of shift.", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
])
def test_heldout33_night(text: str, want: dict) -> None:
    assert got(text) == want


# -- leave to go dark: more forms, both languages --------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("the warehouse can go dark", {"lamp-warehouse": OFF}),
    ("let the warehouse go dark", {"lamp-warehouse": OFF}),
    ("let it go dark, nobody's in the warehouse", {"lamp-warehouse": OFF}),
    ("the office may go dark now", {"lamp-office-1": OFF, "lamp-office-2": OFF}),
    ("you can let the office and the warehouse go dark", {m: OFF for m in LAMPS}),
    ("everything can go dark", {m: OFF for m in LAMPS}),
    ("the warehouse lights can go out", {"lamp-warehouse": OFF}),
    ("the warehouse is fine to go dark now", {"lamp-warehouse": OFF}),
    ("仓库可以黑了", {"lamp-warehouse": OFF}),
    ("仓库没人了，可以黑了", {"lamp-warehouse": OFF}),
    ("办公室和仓库都可以黑了", {m: OFF for m in LAMPS}),
    ("可以让仓库黑下来", {"lamp-warehouse": OFF}),
    ("可以让办公室和仓库都黑下来", {m: OFF for m in LAMPS}),
    ("没人了，让仓库黑下来吧", {"lamp-warehouse": OFF}),
    ("let the warehouse lights go out", {"lamp-warehouse": OFF}),
    ("office lights on, let the warehouse go dark",
     {"lamp-office-1": ON, "lamp-office-2": ON, "lamp-warehouse": OFF}),
])
def test_leave_to_go_dark_is_lights_off(text: str, want: dict) -> None:
    assert got(text) == want


# -- darkness as a complaint still wants light; the old readings stay ------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("it's dark in the warehouse", {"lamp-warehouse": ON}),
    ("the warehouse is too dark", {"lamp-warehouse": ON}),
    ("仓库太暗了", {"lamp-warehouse": ON}),
    ("light up the warehouse", {"lamp-warehouse": ON}),
    ("lights out in the warehouse", {"lamp-warehouse": OFF}),
    ("仓库可以关灯了", {"lamp-warehouse": OFF}),
    ("Halt all production.", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("End of shift: halt all production.", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("Halt all production, shift's over.", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("停掉所有生产，收工了", {"conveyor-a": {"running": False}, "conveyor-b": {"running": False}}),
    ("Ventilate line A, low speed is enough.", {"fan-line-a": {"power": True, "speed": "low"}}),
    ("set the AC to 22 for me", {"hvac-office": {"setpoint": 22.0}}),
    ("open the blinds for the cleaners", {"blinds-office": {"position": 100.0}}),
    ("brighten up the warehouse for the night shift", {"lamp-warehouse": ON}),
    ("brighten the warehouse", {"lamp-warehouse": ON}),
    ("light the warehouse up", {"lamp-warehouse": ON}),
    ("brighten the office up", {"lamp-office-1": ON, "lamp-office-2": ON}),
    # a place inside the beneficiary stays the place: never every light
    ("turn on the lights for the warehouse crew", {"lamp-warehouse": ON}),
    ("lock up for the night", {"lock-main-door": {"locked": True}}),
])
def test_nearby_keep_their_meaning(text: str, want: dict) -> None:
    assert got(text) == want


# -- harmful variants: refused ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "at the end of the shift, halt all production",
    "halt all production at end of shift",
    "halt all production end of shift",
    "下班的时候停掉所有生产",
    "don't let the warehouse go dark",
    "never let the office go dark",
    "不要让仓库黑下来",
    "can the warehouse go dark?",
    "仓库可以黑了吗",
    "the warehouse should go dark at night",
    "it can go dark when everyone's gone",
    "it can go dark in 10 minutes",
    "brighten the office",  # two lights with a level: which level?
    "brighten the screen",
    "Heading to the warehouse now, light it",
])
def test_harmful_refused(text: str) -> None:
    assert refused(text), text


def test_heading_is_no_heating() -> None:
    """"heading" is one letter from "heating": "Heading to the office now, light it up" never heats the office."""
    assert got("Heading to the office now, light it up.") == {"lamp-office-1": ON, "lamp-office-2": ON}
    assert refused("Heading to the office.")


# -- the parts -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("nobody's left in the warehouse, it can go dark.", "nobody's left in the warehouse, lights off."),
    ("let the warehouse go dark", "the warehouse lights off"),
    ("everything can go dark", "all lights off"),
    ("the lights can go out", "the lights off"),
    ("仓库没人了,可以黑了", "仓库没人了,可以关灯了"),
    ("可以让它黑下来了", "可以关灯了"),
    ("don't let it go dark", "don't let it go dark"),
    ("it can't go dark", "it can't go dark"),
    ("it's dark", "it's dark"),
    ("太暗了", "太暗了"),
    ("可以暗一点", "可以暗一点"),
    ("不可以黑", "不可以黑"),
])
def test_go_dark_rewrite(text: str, want: str) -> None:
    assert go_dark(text, "lights", "灯") == want


def test_dark_words_need_one_light_kind() -> None:
    names = {"lamp": {"en": ["lamp", "lights"], "zh": ["灯"]}, "light": {"en": ["light"]}}
    assert dark_words({"lamp"}, names) == ("lights", "灯")
    assert dark_words(set(), names) is None
    assert dark_words({"lamp", "light"}, names) is None


@pytest.mark.parametrize("text, want", [
    ("light it up", "light up it"),
    ("light the warehouse up", "light up the warehouse"),
    ("brighten the office up", "brighten up the office"),
    ("the light up there", "the light up there"),
    ("light it up and the fan off", "light it up and the fan off"),
])
def test_light_up_particle(text: str, want: str) -> None:
    assert move_particles(text) == want


def _names(text: str) -> bool:
    return "warehouse" in text or "conveyor" in text


@pytest.mark.parametrize("text, want", [
    ("brighten up the warehouse for the cleaners.", "brighten up the warehouse."),
    ("office lighting down to 10 percent, just enough to mop by.", "office lighting down to 10 percent."),
    ("halt all production, end of shift.", "halt all production"),
    ("halt all production — end of the day", "halt all production"),
    ("turn on the lights for the warehouse crew", "turn on the lights for the warehouse crew"),
    ("office lights down, just enough to see the conveyor", "office lights down, just enough to see the conveyor"),
    ("halt all production end of shift", "halt all production end of shift"),
    ("halt all production at end of shift", "halt all production at end of shift"),
    ("at the end of the shift, halt all production", "at the end of the shift, halt all production"),
    ("20% is enough to see", "20% is enough to see"),
    ("for the cleaners", "for the cleaners"),  # nothing acts without it
])
def test_drop_trailing(text: str, want: str) -> None:
    assert drop_trailing(text, _names) == want


# -- properties: places × forms × languages: leave to go dark never switches a light on -----------------------------
_PLACES_EN = ["the warehouse", "the office", "it", "everything", "the place", "the office and the warehouse"]
_FORMS_EN = ["{p} can go dark", "{p} may go dark", "{p} could go dark now", "let {p} go dark",
             "you can let {p} go dark",
             "{p} is fine to go dark", "nobody's left, {p} can go dark", "we're done, {p} can go dark."]
_PLACES_ZH = ["仓库", "办公室", "", "办公室和仓库都", "这里"]
_FORMS_ZH = ["{p}可以黑了", "{p}没人了，可以黑了", "可以让{p}黑下来", "{p}可以黑灯了", "收工了，{p}可以黑了", "{p}可以关灯了",
             "让{p}黑下来吧", "没人了，让{p}黑掉", "{p}可以暗了", "{p}可以让它黑下来了"]


def _proposal(text: str, chosen: dict):
    return build_proposal(text, "en", chosen, set(), by_id=BY_ID, aliases=ASSISTANT.aliases, max_commands=50)


def _never_on(text: str) -> None:
    prop = ASSISTANT.understand(text)
    for c in prop.commands:
        if c.device_id in LAMPS:
            assert c.params.get("power") is not True and c.params.get("level", 0) in (0, 0.0), (text, c.params)
    assert DOWN in direction_of(normalize(text)), text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_PLACES_EN), st.sampled_from(_FORMS_EN), st.booleans())
def test_go_dark_en_never_on(place: str, form: str, title: bool) -> None:
    text = form.format(p=place)
    _never_on(text[0].upper() + text[1:] if title else text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_PLACES_ZH), st.sampled_from(_FORMS_ZH))
def test_go_dark_zh_never_on(place: str, form: str) -> None:
    _never_on(form.format(p=place))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_PLACES_EN[:2] + ["仓库", "办公室"]), st.sampled_from(_FORMS_EN[:6] + _FORMS_ZH[:4]))
def test_direction_check_refuses_light_on_under_leave(place: str, form: str) -> None:
    """Whatever a layer proposed, the gate's direction check refuses a light switched on under leave to go dark."""
    text = form.format(p=place)
    if not says_go_dark(normalize(text)):
        return  # a Chinese place in an English form or the reverse: no leave said
    prop = _proposal(text, {"lamp-warehouse": {"power": True}})
    assert ASSISTANT.direction_problem(text, prop) is not None, text
    off = _proposal(text, {"lamp-warehouse": {"power": False}})
    assert ASSISTANT.direction_problem(text, off) is None, text


def test_another_clause_may_ask_light_up() -> None:
    text = "office lights on, let the warehouse go dark"
    ok = _proposal(text, {"lamp-office-1": {"power": True}, "lamp-warehouse": {"power": False}})
    assert ASSISTANT.direction_problem(text, ok) is None
    bad = _proposal(text, {"lamp-office-1": {"power": True}, "lamp-warehouse": {"power": True}})
    assert ASSISTANT.direction_problem(text, bad) is not None
