"""Bilingual names: the bundled file, a fleet's own file next to it, and bad files (aliases.py)."""

from __future__ import annotations

import json

import pytest

from console.core.assistant.aliases import aliases_for_fleet, aliases_path_for, default_aliases, load_aliases
from console.core.assistant.parser import parse
from console.core.assistant.proposal import OUT_OF_RANGE
from console.core.fleet.catalog import load_fleet
from console.core.protocol import ProtocolError
from tests.core.assistant.helpers import FLEET


def test_aliases_file_next_to_the_fleet_is_loaded(tmp_path):
    fleet_file = tmp_path / "plant-fleet.json"
    fleet_file.write_text(json.dumps({"devices": [
        {"id": "mixer-1", "name": "Dough mixer", "kind": "motor", "zone": "bakery", "risk": "high",
         "capabilities": {"running": {"type": "bool", "writable": True},
                          "speed": {"type": "int", "min": 10, "max": 90, "unit": "rpm", "writable": True}}}]}))
    assert aliases_path_for(fleet_file) == tmp_path / "plant-aliases.json"
    (tmp_path / "plant-aliases.json").write_text(json.dumps(
        {"devices": {"mixer-1": {"en": ["kneader"], "zh": ["和面机"]}}, "zones": {"bakery": {"zh": ["面包房"]}}}),
        encoding="utf-8")
    fleet = load_fleet(fleet_file)
    al = aliases_for_fleet(fleet_file)
    assert [(c.device_id, c.params) for c in parse("start the kneader", fleet, al).commands] == \
        [("mixer-1", {"running": True})]
    zh = parse("启动和面机", fleet, al)
    assert zh.commands[0].device_name == "和面机" and zh.commands[0].summary == "和面机：启动"
    assert parse("run the kneader at 5 rpm", fleet, al).refusal.kind == OUT_OF_RANGE
    # without the aliases the catalog's own names still work
    assert parse("start the dough mixer", fleet, None).commands[0].device_id == "mixer-1"


def test_bundled_aliases_match_the_demo_fleet():
    al = default_aliases()
    ids = {m.id for m in FLEET.devices}
    assert set(al.devices) == ids  # every device has names in both languages, none is stale
    assert all(names.get("en") and names.get("zh") for names in al.devices.values())
    assert set(al.zones) == {m.zone for m in FLEET.devices}
    assert set(al.kinds) == {m.kind for m in FLEET.devices}
    assert al.display_name(FLEET.by_id()["conveyor-a"], "zh") == "A线传送带"


def test_bad_aliases_file_names_the_file(tmp_path):
    bad = tmp_path / "x-aliases.json"
    bad.write_text('{"devices": {"a": {"en": "not a list"}}}')
    with pytest.raises(ProtocolError, match="x-aliases.json"):
        load_aliases(bad)
    bad.write_text("{nope")
    with pytest.raises(ProtocolError, match="not valid JSON"):
        load_aliases(bad)
