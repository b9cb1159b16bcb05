"""Session 7, fixer B: the memoised reading and phrase matches (latency), a value that leaked from one clause to
another's device ("open the office blinds at 6 and turn on the office ceiling light" gave the ceiling lamp level 6),
and the bundled aliases on a Home Assistant fleet (adopted_aliases.py, absent_devices.py)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import Assistant
from console.core.assistant.phrases import PhraseTable, normalize
from console.core.assistant.reader import _read, read
from console.core.assistant.semantics import needle, phrase_regex
from console.core.ha.fleet import HaFleet
from tests.core.assistant.helpers import ASSISTANT, FLEET, checked_commands, refusal_kind, rows


# -- latency: the memos change no answer ----------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["cool", "ing", "water", "pump", "冷却", "水", "泵", " ", "...", "a", "-"]),
                min_size=1, max_size=6).map("".join).map(str.strip).filter(bool),
       st.lists(st.sampled_from(["cool", "ing", "water", "pump", "冷却", "水", "泵", " ", "  ", "a", "-", "the"]),
                max_size=10).map("".join))
def test_a_phrase_whose_needle_is_not_in_the_text_never_matches(phrase, text):
    if phrase_regex(phrase).search(text):
        assert needle(phrase) in text, (phrase, text)


def test_the_needle_property_can_fail():
    """The phrase itself as its needle would skip real matches ("..." and runs of spaces): the property sees it."""
    for phrase, text in [("cooling ... water", "cooling the water"), ("cooling water", "cooling  water")]:
        assert phrase_regex(phrase).search(text) and phrase not in text
        assert needle(phrase) in text


def test_a_memoised_reading_is_a_copy_the_caller_may_change():
    vocab = ASSISTANT.rules.vocab
    text = normalize("set the office ac to 22 and turn on the desk lamp")
    first = read(text, vocab)
    assert first.mentions and first.numbers and first.actions
    first.mentions.clear()
    first.numbers.append(first.numbers[0])
    first.actions.append("off")
    first.direction.add("down")
    assert read(text, vocab) == _read(text, vocab)


def test_phrase_matches_are_found_again_after_a_phrase_is_added():
    table = PhraseTable()
    table.add("desk lamp", 1)
    table.compile()
    assert [m.group(0) for m in table.finditer("the desk lamp and the ceiling lamp")] == ["desk lamp"]
    table.add("ceiling lamp", 2)
    table.compile()
    assert [m.group(0) for m in table.finditer("the desk lamp and the ceiling lamp")] == ["desk lamp", "ceiling lamp"]


@pytest.mark.parametrize("name", ["utterances.jsonl", "utterances_fresh.jsonl", "utterances_holdout.jsonl"])
def test_memoised_phrase_matches_equal_a_fresh_search(name):
    table = ASSISTANT.rules.vocab.lex
    for row in rows(name):
        text = normalize(row["text"])
        fresh = [(m.span(), m.group(0)) for m in table.regex.finditer(text) if m.group(0).strip()]
        for _ in range(2):
            assert [(m.span(), m.group(0)) for m in table.finditer(text)] == fresh, text


# -- the fleet changes at run time: a new device is seen, an old assistant keeps its own tables ----------------
def _switch(obj: str, name: str, area: str | None = "Line B") -> dict:
    device = {"identifiers": [f"plant_{obj}"], "name": name, "manufacturer": "Shelly"}
    if area:
        device["suggested_area"] = area
    return {"topic": f"homeassistant/switch/plant_{obj}/relay/config",
            "config": {"name": None, "unique_id": f"plant_{obj}_relay", "command_topic": f"plant/{obj}/set",
                       "state_topic": f"plant/{obj}/state", "device": device}}


def _light(obj: str, name: str, area: str = "Office") -> dict:
    return {"topic": f"homeassistant/light/plant_{obj}/light/config",
            "config": {"name": None, "unique_id": f"plant_{obj}_light", "command_topic": f"plant/{obj}/set",
                       "state_topic": f"plant/{obj}/state", "schema": "json", "brightness": True,
                       "device": {"identifiers": [f"plant_{obj}"], "name": name, "suggested_area": area}}}


def _ha_fleet(*entries: dict) -> HaFleet:
    fleet = HaFleet()  # as the console builds it: one discovery config at a time
    for entry in entries:
        fleet.handle_config(entry["topic"], json.dumps(entry["config"]))
    return fleet


def _assistant(fleet: HaFleet) -> Assistant:
    return Assistant(fleet.metas(), default_aliases())


def _ids(prop) -> dict[str, dict]:
    assert prop.refusal is None, (prop.utterance, prop.refusal)
    return {c.device_id: dict(c.params) for c in prop.commands}


def _name_of(fleet: HaFleet, name: str) -> str:
    return next(m.id for m in fleet.metas() if m.name == name)


def test_a_device_discovered_later_is_seen_and_the_earlier_assistant_keeps_its_answer():
    fleet = _ha_fleet(_light("desk", "Desk light"))
    before = _assistant(fleet)
    asks = ["turn on the hall light", "hall light on please"]
    for ask in asks:
        assert before.understand(ask).refusal is not None
    hall_config = _switch("hall", "Hall light", "Hall")
    fleet.handle_config(hall_config["topic"], json.dumps(hall_config["config"]))
    after = _assistant(fleet)
    hall = _name_of(fleet, "Hall light")
    for ask in asks:  # interleaved: a memo shared between the two would answer one with the other's reading
        assert _ids(after.understand(ask)) == {hall: {"power": True}}
        assert before.understand(ask).refusal is not None
        assert _ids(after.understand(ask)) == {hall: {"power": True}}


# -- a value binds only to its own clause's device -------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "open the office blinds at 6 and turn on the office ceiling light",
    "open the office blinds at 6, then turn on the ceiling light",
    "open the office blinds at 6 and turn on the lamps",
    "open the blinds at 8 and switch on the desk lamp",
    "open the steam valve at 3 and start conveyor a",
    "set conveyor b at 8 and turn on the desk lamp",
    "open the office blinds at 6 please and turn on the office ceiling light",
    "blinds at 6 and ceiling light on",
])
def test_a_bare_at_hour_in_one_clause_refuses_the_ask_as_time_or_value(text):
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)
    assert "time or a value" in prop.refusal.reason


@pytest.mark.parametrize("text", ["open the blinds at 6", "open the office blinds at 6", "ceiling light on at 8",
                                  "open the blinds at 6 please", "set conveyor b at 8, thanks", "open the valve at 5 pls"])
def test_a_bare_at_hour_alone_asks_time_or_value(text):
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands
    assert "time or a value" in prop.refusal.reason and "'at " in prop.refusal.reason
    assert "please" not in prop.refusal.reason and "thanks" not in prop.refusal.reason


@pytest.mark.parametrize("text, want", [("set conveyor b at 40 please", {"conveyor-b": {"speed": 40.0}}),
                                        ("open the blinds at 60 please", {"blinds-office": {"position": 60.0}})])
def test_a_value_past_twelve_before_please_stays_a_value(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["open the blinds at six", "open the blinds at 6 pm", "open the blinds at 6:00",
                                  "open the office blinds at 6 pm and turn on the office ceiling light"])
def test_clock_times_stay_schedules(text):
    assert refusal_kind(text) == "unsupported"


@pytest.mark.parametrize("text, want", [
    ("open the office blinds at 60% and turn on the office ceiling light",
     {"blinds-office": {"position": 60.0}, "lamp-office-1": {"power": True}}),
    ("open the office blinds at 6 % and turn on the office ceiling light",
     {"blinds-office": {"position": 6.0}, "lamp-office-1": {"power": True}}),
    ("open the office blinds at 60 and turn on the office ceiling light",
     {"blinds-office": {"position": 60.0}, "lamp-office-1": {"power": True}}),
    ("open the steam valve at 30 and turn on the ceiling light",
     {"valve-steam": {"open": 30.0}, "lamp-office-1": {"power": True}}),
    ("turn on the ceiling light and open the blinds to 30",
     {"lamp-office-1": {"power": True}, "blinds-office": {"position": 30.0}}),
    ("把办公室百叶窗开到6，然后打开办公室吸顶灯", {"blinds-office": {"position": 6.0}, "lamp-office-1": {"power": True}}),
    ("把百叶窗开到百分之六十，再把吸顶灯打开", {"blinds-office": {"position": 60.0}, "lamp-office-1": {"power": True}}),
    ("打开百叶窗到6，并打开吸顶灯", {"blinds-office": {"position": 6.0}, "lamp-office-1": {"power": True}}),
])
def test_a_value_with_its_unit_or_its_to_binds_only_its_own_clause(text, want):
    assert checked_commands(text) == want


# -- the bundled aliases on a Home Assistant fleet -------------------------------------------------------------
COOLING_ASKS = ["stop the cooling water", "turn off the cooling water", "stop the coolant pump", "停冷却水",
                "关掉冷却水", "把冷却水停了", "stop the cooling water on line b"]


@pytest.mark.parametrize("name", ["Coolant pump", "Cooling water", "冷却水泵"])
@pytest.mark.parametrize("ask", COOLING_ASKS)
def test_a_home_assistant_switch_named_as_the_bundled_pump_takes_its_words(name, ask):
    fleet = _ha_fleet(_switch("cw", name), _light("desk", "Desk light"), _switch("plug", "Kitchen plug", None))
    assert _ids(_assistant(fleet).understand(ask)) == {_name_of(fleet, name): {"power": False}}


@pytest.mark.parametrize("ask", COOLING_ASKS[:-1])
def test_without_such_a_device_the_cooling_water_is_still_refused(ask):
    fleet = _ha_fleet(_switch("fan", "Extractor"), _light("desk", "Desk light"), _switch("plug", "Kitchen plug", None))
    prop = _assistant(fleet).understand(ask)
    assert prop.refusal is not None and not prop.commands


@pytest.mark.parametrize("ask", ["turn off the floodlight on line b", "B线探照灯关掉", "停冷却水，关掉排风扇",
                                 "stop the cooling water and turn off the desk lamp", "close the steam valve"])
def test_a_device_word_absent_from_that_fleet_is_refused(ask):
    fleet = _ha_fleet(_switch("cw", "Coolant pump"), _light("ceiling", "Ceiling light"))
    prop = _assistant(fleet).understand(ask)
    assert prop.refusal is not None and not prop.commands, (ask, prop.commands)
    assert prop.refusal.kind == "unknown_device"


@pytest.mark.parametrize("ask", ["turn on the front door", "switch off the door lock", "关掉大门", "关掉正门"])
def test_a_switch_never_takes_a_lock_s_words(ask):
    fleet = _ha_fleet(_switch("entrance", "Entrance"), _light("desk", "Desk light"))
    prop = _assistant(fleet).understand(ask)
    assert prop.refusal is not None and not prop.commands, (ask, prop.commands)


def test_a_fan_named_cooling_water_takes_no_pump_words():
    fleet = _ha_fleet({"topic": "homeassistant/fan/plant_cw/fan/config",
                       "config": {"name": None, "unique_id": "plant_cw_fan", "command_topic": "plant/cw/set",
                                  "state_topic": "plant/cw/state",
                                  "device": {"identifiers": ["plant_cw"], "name": "Cooling water"}}})
    a = _assistant(fleet)
    assert not re.search("冷却", json.dumps(dict(a.aliases.devices.get(_name_of(fleet, "Cooling water"), {})),
                                          ensure_ascii=False))


def test_the_demo_fleet_adopts_nothing():
    assert ASSISTANT.aliases == default_aliases()
    smaller = Assistant([m for m in FLEET.devices if m.id != "pump-cooling"], default_aliases())
    assert smaller.aliases == default_aliases()
    assert smaller.understand("stop the cooling water").refusal is not None


@pytest.mark.parametrize("area, office_ok", [("Office", True), ("Warehouse", False)])
def test_an_adopted_word_that_names_another_place_stays_out(area, office_ok):
    fleet = _ha_fleet(_light("ceiling", "Ceiling light", area), _switch("plug", "Kitchen plug", None))
    a, lamp = _assistant(fleet), _name_of(fleet, "Ceiling light")
    assert _ids(a.understand("关掉吊灯")) == {lamp: {"power": False}}
    assert _ids(a.understand("turn off the overhead light")) == {lamp: {"power": False}}
    for ask in ("turn off the office ceiling light", "关掉办公室吊灯"):
        prop = a.understand(ask)
        if office_ok:
            assert _ids(prop) == {lamp: {"power": False}}
        else:
            assert prop.refusal is not None and not prop.commands, (ask, prop.commands)
