"""The misses of the blind held-out 4 set, fixed at the root (bench/intents_heldout4.jsonl, now dev material).

Most serious first: "Line one, stop everything" proposed stopping the whole fleet (the clause "stop
everything" was read alone, fleet-wide, and its devices added).  A place named anywhere in the ask bounds
"everything"; the property test below holds it for every zone, in both languages, with chatter and another
clause around it.  Then: 六成 is 60 % (成 = tenths), a value clause the whole reading did not place is never
dropped silently ("… make it 24"), an enum goes to the device named before it ("floodlight and also the yard
siren, steady tone"), a closing "go" starts, chatter that explains ("the courier is here") is skipped,
"put it on automatic mode" sets only the mode, and "the front door lock" is the lock, not the verb "lock".
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.clauses import is_chatter
from console.core.assistant.layers import Assistant
from console.core.assistant.phrases import normalize
from console.core.fleet.catalog import load_fleet

FLEET = load_fleet()
BY_ID = FLEET.by_id()
DEMO = Assistant(FLEET, default_aliases())


def got(text: str) -> dict[str, dict]:
    prop = DEMO.understand(text)
    assert prop.refusal is None, (text, prop.refusal)
    return {c.device_id: dict(c.params) for c in prop.commands}


# -- 1. scope: a place named anywhere bounds "everything" ---------------------------------------------------
ZONES = {
    "line-a": (["line one", "line a", "line 1"], ["一号线", "A线"]),
    "line-b": (["line two", "line b", "line 2"], ["二号线", "B线"]),
    "office": (["office", "the office"], ["办公室"]),
    "warehouse": (["warehouse", "the warehouse zone", "the warehouse"], ["仓库"]),
}
EN_ASKS = ["{z}, stop everything", "{z}: everything off", "everyone has left {z}, switch off everything there",
           "in {z}, turn everything off", "{z}, shut it all down", "we're leaving {z}, power everything down",
           "{z} is empty now, turn everything off in there"]
ZH_ASKS = ["{z}，全部停下来", "{z}的东西全部关掉", "{z}没人了，把那里的东西都关掉", "大家都走了，{z}全部关掉"]
# another clause that names a device of its own (it may lie outside the zone: the ask names it)
OTHER = {"en": [("and start the cooling pump", "pump-cooling"), ("then turn on the floodlight", "lamp-warehouse"),
                ("and also close the steam valve", "valve-steam")],
         "zh": [("然后打开探照灯", "lamp-warehouse")]}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zone=st.sampled_from(sorted(ZONES)), lang=st.sampled_from(["en", "zh"]), data=st.data())
def test_an_ask_naming_a_zone_proposes_nothing_outside_it(zone, lang, data):
    """For any ask naming zone Z: no proposed device lies outside Z unless the ask names that device."""
    en, zh = ZONES[zone]
    name = data.draw(st.sampled_from(en if lang == "en" else zh))
    text = data.draw(st.sampled_from(EN_ASKS if lang == "en" else ZH_ASKS)).format(z=name)
    named = set()
    if data.draw(st.booleans()):
        extra, dev = data.draw(st.sampled_from(OTHER[lang]))
        text = f"{text}{', ' if lang == 'en' else '，'}{extra}"
        named.add(dev)
    prop = DEMO.understand(text)
    outside = [c.device_id for c in prop.commands if BY_ID[c.device_id].zone != zone and c.device_id not in named]
    assert not outside, (text, outside)


@pytest.mark.parametrize("text, want", [
    ("Line one, stop everything", {"fan-line-a": {"power": False}, "conveyor-a": {"running": False}}),
    ("Everyone has left the warehouse zone, switch off everything there",
     {"lamp-warehouse": {"power": False}, "siren-yard": {"active": False}}),
    ("一号线，全部停下来", {"fan-line-a": {"power": False}, "conveyor-a": {"running": False}}),
    ("办公室没人了，把那里的东西都关掉", {"lamp-office-1": {"power": False}, "lamp-office-2": {"power": False},
                                  "hvac-office": {"power": False}}),
])
def test_everything_after_a_place_is_that_place(text, want):
    assert got(text) == want


def test_everything_with_no_place_is_still_the_whole_fleet():
    switchable = {m.id for m in FLEET.devices if any(c in m.capabilities for c in ("power", "running", "active"))}
    assert set(got("everything off")) == switchable
    assert set(got("全部关掉")) == switchable


def test_the_scope_gate_refuses_what_lies_outside_the_place_named():
    """The safety net under the clause pass: a proposal with a device outside the place named, which no
    clause names, is refused (here built by hand, as a layer bug would)."""
    whole = DEMO.understand("turn off everything")
    assert whole.ok and len(whole.commands) > 2
    out = DEMO._scope_gate("line one, turn off everything", whole)
    assert out.refusal is not None and "outside the place named" in out.refusal.reason


# -- 2. 成: tenths of the whole ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, dev, cap, value", [
    ("蒸汽阀开到六成", "valve-steam", "open", 60),
    ("把蒸汽阀开到三成", "valve-steam", "open", 30),
    ("蒸汽阀开到七成半", "valve-steam", "open", 75),
    ("办公室百叶窗拉开八成", "blinds-office", "position", 80),
    ("吊灯亮度调到两成", "lamp-office-1", "level", 20),
    ("蒸汽阀开到十成", "valve-steam", "open", 100),
    ("蒸汽阀开到一半", "valve-steam", "open", 50),
])
def test_cheng_is_tenths(text, dev, cap, value):
    assert got(text)[dev][cap] == value


def test_cheng_after_a_verb_is_no_number():
    assert normalize("把办公室空调调成自动模式") == "把办公室空调调成自动模式"
    assert normalize("开到六成") == "开到60%"
    assert got("把办公室空调调成自动模式") == {"hvac-office": {"mode": "auto"}}


# -- 3. a value clause is placed or the ask is refused, never dropped --------------------------------------
@pytest.mark.parametrize("text, want", [
    ("It's freezing in the office, switch to heating and make it 24", {"mode": "heat", "setpoint": 24}),
    ("It's chilly in the office, switch to heating and make it 23", {"mode": "heat", "setpoint": 23}),
    ("办公室太冷了，切换到制热，调到25度", {"mode": "heat", "setpoint": 25}),
])
def test_mode_and_target_both_kept(text, want):
    assert got(text) == {"hvac-office": want}


def test_a_value_the_whole_reading_did_not_place_refuses_the_ask():
    # the floodlight has no dimmer: "make it 40" cannot be placed; before, it was dropped silently
    for text in ("turn on the floodlight, make it 40", "turn on the floodlight, 40 percent"):
        prop = DEMO.understand(text)
        assert prop.refusal is not None and not prop.commands, text


# -- 4. an enum belongs to the device named before it -------------------------------------------------------
@pytest.mark.parametrize("text, first, siren", [
    ("Turn on the warehouse floodlight and also the yard siren, steady tone", "lamp-warehouse", "steady"),
    ("Switch on the desk lamp and also the yard siren, wail tone", "lamp-office-2", "wail"),
    ("Turn on the ceiling lamp and the yard alarm, pulse pattern", "lamp-office-1", "pulse"),
])
def test_enum_binds_to_the_device_before_it(text, first, siren):
    assert got(text) == {first: {"power": True}, "siren-yard": {"active": True, "pattern": siren}}


def test_an_enum_no_named_device_takes_is_still_refused():
    prop = DEMO.understand("turn on the ceiling lamp and the floodlight, pulse pattern")
    assert prop.refusal is not None and not prop.commands


# -- 5. "go", chatter that explains, mode-only, "the front door lock" ---------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Yard siren: pulse pattern, go", {"siren-yard": {"active": True, "pattern": "pulse"}}),
    ("Conveyor B at 40 rpm, go", {"conveyor-b": {"running": True, "speed": 40}}),
    ("conveyor b, go to 40 rpm", {"conveyor-b": {"speed": 40}}),
])
def test_a_closing_go_starts(text, want):
    assert got(text) == want


@pytest.mark.parametrize("clause", ["the courier is here", "the delivery driver is here", "the shift is over",
                                    "the visitors are waiting outside", "so they can get in", "快递到了",
                                    "the morning crew is waiting outside"])
def test_explanations_are_chatter(clause):
    assert is_chatter(clause, set())
    assert not is_chatter(clause, {"lock-main-door"})  # naming a device is never chatter


@pytest.mark.parametrize("text, locked", [
    ("Unlock the front door lock, the courier is here", False),
    ("The morning crew is waiting outside, unsecure the building so they can get in", False),
    ("The visitors are waiting outside, unlock the front door", False),
    ("Lock the main door, the shift is over", True),
    ("解锁大门，快递到了", False),
    ("Unlock the front door lock", False),
    ("lock the front door lock", True),
])
def test_lock_asks_with_explanations(text, locked):
    assert got(text) == {"lock-main-door": {"locked": locked}}


@pytest.mark.parametrize("text, want", [
    ("Office temperature control: put it on automatic mode", {"hvac-office": {"mode": "auto"}}),
    ("Office air conditioning: put it on fan mode", {"hvac-office": {"mode": "fan"}}),
    ("put the office ac on", {"hvac-office": {"power": True}}),
    ("Line A exhaust fan on high", {"fan-line-a": {"power": True, "speed": "high"}}),
    ("turn the fan on high", {"fan-line-a": {"power": True, "speed": "high"}}),
])
def test_mode_only_asks_set_only_the_mode(text, want):
    assert got(text) == want
