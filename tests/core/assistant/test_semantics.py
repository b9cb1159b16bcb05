"""Catalog semantics (semantics.py, ha_semantics.py), typos (typos.py) and ordinal names (ordinals.py)."""

from __future__ import annotations

import json

import pytest

from console.core.assistant.aliases import default_aliases
from console.core.assistant.direction import DOWN, UP
from console.core.assistant.ha_semantics import derive, meaning_for
from console.core.assistant.layers import SEMANTICS, Assistant
from console.core.assistant.ordinals import Ordinals, id_ordinal
from console.core.assistant.semantics import parse_declared, score_kinds
from console.core.assistant.typos import TypoFixer
from console.core.fleet.catalog import load_fleet
from console.core.protocol import Capability, DeviceMeta, ProtocolError

FLEET = load_fleet()


def test_the_demo_catalog_declares_what_its_kinds_do():
    m = meaning_for(FLEET.devices, FLEET.semantics)
    assert m.describe(FLEET.by_id()["blinds-office"]) == "lets daylight in"
    assert m.describe(FLEET.by_id()["valve-steam"], "zh") == "让蒸汽通过"
    assert m.device_ordinal["conveyor-b"] == 2 and m.zone_ordinal["line-b"] == 2
    kinds = {k: [k] for k in m.kinds}
    [hit] = score_kinds("let the sunlight in", m, kinds, {"cover", "lamp"})
    assert hit.kind == "cover" and hit.direction == UP
    assert score_kinds("keep the sun out", m, kinds, {"cover"})[0].direction == DOWN
    assert score_kinds("let the sunlight in", m, kinds, {"lamp"}) == []  # only kinds the fleet has


def test_catalog_semantics_are_optional_and_checked(tmp_path):
    raw = json.loads((FLEET_PATH := __import__("console.core.fleet.catalog", fromlist=["x"]).default_fleet_path())
                     .read_text(encoding="utf-8"))
    raw.pop("semantics")
    plain = tmp_path / "plain-fleet.json"
    plain.write_text(json.dumps(raw), encoding="utf-8")
    f = load_fleet(plain)
    assert f.semantics == {} and [d.id for d in f.devices] == [d.id for d in FLEET.devices]
    raw["semantics"] = ["not", "an", "object"]
    bad = tmp_path / "bad-fleet.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ProtocolError, match="semantics"):
        load_fleet(bad)
    with pytest.raises(ValueError, match="kinds.cover"):
        parse_declared({"kinds": {"cover": "lets light in"}})
    # without declared semantics the derived table (the Home Assistant kinds) still reads the demo kinds
    a = Assistant(f, default_aliases())
    assert [(c.device_id, c.params) for c in a.understand("let the sunlight in").commands] == [
        ("blinds-office", {"position": 100})]
    assert FLEET_PATH.name == "demo-fleet.json"


def ha_meta(device_id: str, name: str, kind: str, caps: dict) -> DeviceMeta:
    return DeviceMeta(id=device_id, name=name, kind=kind, zone="garage",
                      capabilities={n: Capability.from_json(n, s) for n, s in caps.items()})


def test_home_assistant_devices_get_semantics_from_kind_and_device_class():
    garage = ha_meta("ha-garage", "Garage door", "cover",
                     {"position": {"type": "int", "min": 0, "max": 100, "unit": "%", "writable": True}})
    water = ha_meta("ha-water", "Water main", "valve",
                    {"open": {"type": "int", "min": 0, "max": 100, "unit": "%", "writable": True}})
    horn = ha_meta("ha-horn", "Yard horn", "siren", {"active": {"type": "bool", "writable": True}})
    m = derive([garage, water, horn])
    assert set(m.kinds) == {"cover", "valve", "siren"}
    assert "car" in m.device_things["ha-garage"] and "water" in m.device_things["ha-water"]
    a = Assistant([garage, water, horn], None)
    assert [(c.device_id, c.params) for c in a.understand("cut off the water").commands] == [
        ("ha-water", {"open": 0})]
    assert [(c.device_id, c.params) for c in a.understand("let the cars in").commands] == [
        ("ha-garage", {"position": 100})]
    assert [(c.device_id, c.params) for c in a.understand("stop the noise").commands] == [
        ("ha-horn", {"active": False})]


def test_typos_within_a_small_edit_distance():
    fix = TypoFixer({"the", "turn", "off", "switch", "siren", "light", "conveyor", "ten", "office"}).fix
    assert fix("turn of teh siren pls") == "turn off the siren pls"
    assert fix("swich off the lihgt") == "switch off the light"
    assert fix("convyor") == "conveyor" and fix("ofice") == "office"
    assert fix("kitchen") == "kitchen"  # nothing near: left for the rules to refuse
    assert fix("nto") == "not"  # a typo of a negation is read as the negation (and refused)
    assert fix("turn of the lights of the office") == "turn off the lights of the office"


def test_ordinals():
    assert id_ordinal("conveyor-b") == 2 and id_ordinal("lamp-office-2") == 2 and id_ordinal("pump") is None
    o = Ordinals(FLEET.devices, default_aliases(), {}, {})
    assert o.rewrite("start conveyor number two") == "start conveyor-b"
    assert o.rewrite("stop the first belt") == "stop the conveyor-a"
    assert o.rewrite("二号传送带停下") == "conveyor-b 停下"
    assert o.rewrite("stop the belt on the second line") == "stop the belt on the line-b"
    assert o.rewrite("set conveyor a to 2 rpm") == "set conveyor a to 2 rpm"  # a value, not a number
    assert o.rewrite("start conveyor number nine") == "start conveyor number nine"


@pytest.mark.parametrize("text, want", [
    ("start the number one conveyor", [("conveyor-a", {"running": True})]),
    ("启动一号传送带", [("conveyor-a", {"running": True})]),
    ("stop teh conveyer on line b", [("conveyor-b", {"running": False})]),
    ("turn off the desk lamp and also the ceiling lamp", [("lamp-office-1", {"power": False}),
                                                          ("lamp-office-2", {"power": False})]),
    ("全部关掉", None),
])
def test_through_the_assistant(text, want):
    prop = Assistant(FLEET, default_aliases()).understand(text)
    assert prop.refusal is None, prop.refusal
    if want is not None:
        assert sorted((c.device_id, c.params) for c in prop.commands) == want
    else:
        assert len(prop.commands) == 9 and all(v is False for c in prop.commands for v in c.params.values())
    assert prop.layer in ("rules", SEMANTICS)
