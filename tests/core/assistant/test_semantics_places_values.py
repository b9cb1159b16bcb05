"""Asks that name a place and a value, a feeling, a relative change, or a device somewhere else (issue 17,
held-out 2's misses and the brief that followed them; bench/intents_dev.jsonl lines 198-249 are this file's):

- a place and a value: the value's unit picks the device ("set line a to 90 rpm" → the conveyor); a unit
  that more than one device of the place has (read-only ones too: "set line b to 50%", the conveyor's load
  and the steam valve) is refused, never handed to whatever device accepts it;
- a relative change without a target ("lower the AC", "less steam", "turn the fan down", 蒸汽少一点) is
  refused as relative, never read as off or closed; with a target ("lower the AC to 20 degrees") it is
  the target, and "lower" switches nothing off;
- a feeling word is a climate target only with a number ("chilly, set 24", 好冷，26); alone it is refused;
- a device named in a place it is not in ("start the exhaust fan on line 2") is refused;
- ordinals with a place between ("the first office lamp", 办公室第二盏灯).

Properties run on random fleets (both languages) and check every proposal against the catalog and the
direction check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.direction_check import check_proposal
from console.core.assistant.layers import Assistant
from console.core.assistant.semantics import parse_declared
from console.core.fleet.catalog import Fleet
from console.core.protocol import Capability, DeviceMeta
from tests.core.assistant.helpers import ASSISTANT as DEMO, FLEET

BENCH = Path(__file__).resolve().parents[3] / "bench"
BY_ID = FLEET.by_id()
FIRST, MINE = 197, 52  # this work's lines of the development set (0-based start, count)


def cmds(text: str, a: Assistant = DEMO) -> list[tuple[str, dict]]:
    prop = a.understand(text)
    return sorted((c.device_id, {k: (int(v) if isinstance(v, float) and v.is_integer() else v)
                                 for k, v in c.params.items()}) for c in prop.commands)


def refused(text: str, a: Assistant = DEMO) -> str:
    """``helpers.refused`` as an assertion, for any assistant, that returns the refusal's reason."""
    prop = a.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)
    return prop.refusal.reason


def test_the_appended_dev_lines_pass_and_keep_their_mix():
    rows = [json.loads(x) for x in (BENCH / "intents_dev.jsonl").read_text(encoding="utf-8").splitlines() if x]
    mine = rows[FIRST:FIRST + MINE]
    assert len(mine) == MINE and mine[0]["text"] == "set line b to 50%"
    assert sum(not r["names_device"] for r in mine) * 2 >= MINE and sum(r["lang"] == "zh" for r in mine) >= 12
    misses = []
    for r in mine:
        if "refusal" in r["expect"]:
            ok = DEMO.understand(r["text"]).refusal is not None
        else:
            want = sorted((c["device"], c["params"]) for c in r["expect"]["commands"])
            ok = cmds(r["text"]) == want
        if not ok:
            misses.append(r["text"])
    assert misses == []


# -- a place and a value: the unit picks the device, a shared unit is refused -------------------------
@pytest.mark.parametrize("text, want", [
    ("set line a to 90 rpm", [("conveyor-a", {"speed": 90})]),
    ("line 2 to 25 L/min", [("pump-cooling", {"flow": 25})]),
    ("set the office to 23 degrees", [("hvac-office", {"setpoint": 23})]),
    ("open line b to 40%", [("valve-steam", {"open": 40})]),  # the verb says which: only the valve opens
    ("line b opening 50%", [("valve-steam", {"open": 50})]),  # a settings word narrows the unit
    ("一号线转速调到80转", [("conveyor-a", {"speed": 80})]),
])
def test_a_unit_one_device_of_the_place_has_picks_it(text, want):
    assert cmds(text) == want


@pytest.mark.parametrize("text", ["set line b to 50%", "把二号线调到百分之五十", "set the office to 60%",
                                  "put the warehouse at 50%", "set line b to 50"])
def test_a_value_several_devices_of_the_place_could_take_is_refused(text):
    reason = refused(text)
    assert "name" in reason.lower() or "名称" in reason or "read-only" in reason or "只读" in reason


def test_the_refusal_names_the_devices_the_unit_fits():
    reason = refused("set line b to 50%")
    assert "Line B conveyor" in reason and "Steam valve" in reason and "pump" not in reason.lower()


# -- relative asks without a target -------------------------------------------------------------------
RELATIVE = ["lower the AC", "bring the office temperature down", "turn the heat down in the office",
            "less steam on line b", "ease off the steam", "turn down the ventilation on line a",
            "a bit more light in the warehouse", "turn the desk lamp down", "crank up the fan", "dial back the pump",
            "more coolant", "turn it up", "空调温度低一点", "蒸汽少一点", "冷却水开大一点", "传送带慢一点", "把灯调暗一点",
            # a verb and how far, without a target: 关小 once closed the steam valve fully, 开大 opened it fully
            "蒸汽关小", "阀门开大", "风扇开小", "空调开低", "冷却水开大", "把台灯调暗"]


@pytest.mark.parametrize("text", RELATIVE)
def test_a_relative_ask_without_a_target_is_refused_never_off(text):
    refused(text)


@pytest.mark.parametrize("text, want", [
    ("lower the AC to 20 degrees", [("hvac-office", {"setpoint": 20})]),  # was also "power off"
    ("turn the ac down to 21", [("hvac-office", {"setpoint": 21})]),
    ("turn the ventilation on line A down to low", [("fan-line-a", {"speed": "low"})]),
    ("lower the blinds", [("blinds-office", {"position": 0})]),  # lowering blinds is closing them
    ("lower the office blinds halfway", [("blinds-office", {"position": 50})]),
    ("no more steam on line b", [("valve-steam", {"open": 0})]),  # "no more" is not "more"
    ("turn the steam off", [("valve-steam", {"open": 0})]),  # "turn … off" is not "turn … down"
    ("slow production on line 1 to 20 rpm", [("conveyor-a", {"speed": 20})]),  # "slow" + a number: no "low"
    ("阀门开大到50%", [("valve-steam", {"open": 50})]),
    ("风扇开高速", [("fan-line-a", {"power": True, "speed": "high"})]),  # 开 + 高速 is a speed, not 开高
])
def test_with_a_target_it_is_the_target(text, want):
    assert cmds(text) == want


@pytest.mark.parametrize("text, want", [
    # an explicit top of the range means running at it (held-out5: 排风开到最大 had left the fan off)
    ("A线的风扇开到最大", [("fan-line-a", {"power": True, "speed": "high"})]),
    ("set the fan to minimum", [("fan-line-a", {"speed": "low"})]),
    ("run the exhaust fan at max", [("fan-line-a", {"power": True, "speed": "high"})]),
    ("run conveyor a at max", [("conveyor-a", {"running": True, "speed": 120})]),  # a number's own maximum
])
def test_max_and_min_on_an_ordered_setting_are_its_ends(text, want):
    assert cmds(text) == want


# -- feelings -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, n", [("chilly, set 24", 24), ("too warm in here, 21", 21), ("好冷，26", 26),
                                     ("it's freezing in the office, 25 degrees please", 25), ("好热，调到22度", 22),
                                     ("办公室有点冷，26度吧", 26), ("chilly in the office, 24", 24)])
def test_a_feeling_with_a_number_is_the_climate_target(text, n):
    assert cmds(text) == [("hvac-office", {"setpoint": n})]


@pytest.mark.parametrize("text", ["it's chilly in the office", "太热了", "好冷", "too warm in here",
                                  "the coolant is too hot, 20",  # two kinds meant: no guess
                                  "chilly on line a, 24",  # no climate device there
                                  "hot in here, 35"])  # out of range
def test_a_feeling_without_a_number_or_a_place_for_it_is_refused(text):
    refused(text)


def test_a_feeling_names_no_target_unless_the_catalog_says_which_capability():
    sem = dict(FLEET.semantics)
    kinds = dict(sem["kinds"])
    hvac = dict(kinds["hvac"])
    hvac["feelings"] = {k: v for k, v in hvac["feelings"].items() if k != "target"}
    kinds["hvac"] = hvac
    a = Assistant(FLEET, default_aliases(), semantics={**sem, "kinds": kinds})
    refused("chilly, set 24", a)
    with pytest.raises(ValueError):
        parse_declared({"kinds": {"hvac": {"feelings": {"en": ["chilly"], "target": 3}}}})


# -- a device named in a place it is not in -----------------------------------------------------------
ZONE_WORDS = {"office": ("in the office", "办公室的"), "warehouse": ("in the warehouse", "仓库的"),
              "line-a": ("on line a", "一号线的"), "line-b": ("on line 2", "二号线的")}
OWN_NAMES = {"fan-line-a": ("exhaust fan", "排风扇"), "valve-steam": ("steam valve", "蒸汽阀"),
             "pump-cooling": ("cooling pump", "冷却泵"), "hvac-office": ("office ac", "办公室空调"),
             "siren-yard": ("yard siren", "警笛")}
VERB = {"fan-line-a": ("turn on the {d} {z}", "{z}{d}打开"), "valve-steam": ("open the {d} {z}", "{z}{d}打开"),
        "pump-cooling": ("start the {d} {z}", "{z}{d}启动"), "hvac-office": ("turn on the {d} {z}", "{z}{d}打开"),
        "siren-yard": ("sound the {d} {z}", "{z}{d}打开")}


@pytest.mark.parametrize("dev", sorted(OWN_NAMES))
@pytest.mark.parametrize("zone", sorted(ZONE_WORDS))
@pytest.mark.parametrize("zh", [False, True])
def test_metamorphic_a_named_device_in_another_place_is_refused_in_its_own_it_is_not(dev, zone, zh):
    text = VERB[dev][zh].format(d=OWN_NAMES[dev][zh], z=ZONE_WORDS[zone][zh])
    prop = DEMO.understand(text)
    if BY_ID[dev].zone == zone:
        assert [c.device_id for c in prop.commands] == [dev], (text, prop.refusal)
    else:
        assert prop.commands == () and prop.refusal is not None, (text, cmds(text))


# -- ordinals with a place between ----------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("turn on the first office lamp", [("lamp-office-1", {"power": True})]),
    ("turn off the second office lamp", [("lamp-office-2", {"power": False})]),
    ("把办公室第二盏灯关掉", [("lamp-office-2", {"power": False})]),  # was: both lamps off
    ("set conveyor number 2 to 40 rpm", [("conveyor-b", {"speed": 40})]),
    ("stop both lines", [("conveyor-a", {"running": False}), ("conveyor-b", {"running": False})]),
    ("两条生产线都停下", [("conveyor-a", {"running": False}), ("conveyor-b", {"running": False})]),
    ("turn off the ceiling and desk lamps in the office",
     [("lamp-office-1", {"power": False}), ("lamp-office-2", {"power": False})]),
])
def test_ordinals_and_shared_nouns(text, want):
    assert cmds(text) == want


@pytest.mark.parametrize("text", ["turn on the second warehouse lamp", "turn the second warehouse lamp on",
                                  "stop the third conveyor", "第三盏灯打开"])
def test_an_ordinal_the_fleet_does_not_have_is_refused_never_the_one_device_there(text):
    refused(text)


# -- properties on random fleets --------------------------------------------------------------------------
CAPS = {
    "valve": {"open": {"type": "int", "min": 0, "max": 100, "unit": "%", "writable": True}},
    "cover": {"position": {"type": "int", "min": 0, "max": 100, "unit": "%", "writable": True}},
    "motor": {"running": {"type": "bool", "writable": True},
              "speed": {"type": "int", "min": 0, "max": 120, "unit": "rpm", "writable": True},
              "load": {"type": "float", "unit": "%", "writable": False}},
    "pump": {"running": {"type": "bool", "writable": True},
             "flow": {"type": "float", "min": 0, "max": 50, "unit": "L/min", "writable": True}},
    "lamp": {"power": {"type": "bool", "writable": True},
             "level": {"type": "int", "min": 0, "max": 100, "unit": "%", "writable": True}},
    "fan": {"power": {"type": "bool", "writable": True},
            "speed": {"type": "enum", "values": ["low", "medium", "high"], "writable": True}},
    "hvac": {"power": {"type": "bool", "writable": True},
             "setpoint": {"type": "float", "min": 16, "max": 30, "unit": "°C", "writable": True},
             "temp": {"type": "float", "unit": "°C", "writable": False}},
    "siren": {"active": {"type": "bool", "writable": True}},
}
ZONES = {"line-a": ("line a", "A线"), "line-b": ("line b", "B线"), "office": ("the office", "办公室")}
UNITS = {"%": ("%", "%"), "rpm": ("rpm", "转"), "L/min": ("L/min", "升每分钟"), "°C": ("degrees", "度")}
KIND_WORDS = {"valve": ("valve", "阀门"), "cover": ("blinds", "百叶窗"), "motor": ("conveyor", "传送带"),
              "pump": ("pump", "水泵"), "lamp": ("lamp", "灯"), "fan": ("fan", "风扇"), "hvac": ("ac", "空调"),
              "siren": ("siren", "警报器")}


@st.composite
def fleets(draw):
    kinds = draw(st.lists(st.sampled_from(sorted(CAPS)), min_size=1, max_size=7))
    metas = []
    for i, k in enumerate(kinds):
        caps = {n: Capability.from_json(n, spec) for n, spec in CAPS[k].items()}
        metas.append(DeviceMeta(id=f"{k}-{i}", name=f"{k} unit {chr(97 + i)}", kind=k,
                                zone=draw(st.sampled_from(sorted(ZONES))), capabilities=caps,
                                risk=draw(st.sampled_from(["low", "high"]))))
    return Fleet("random", tuple(metas), FLEET.semantics)


def _unit_of(c: Capability) -> str | None:
    return c.unit if c.type in ("int", "float") else None


def _valid_and_same_way(a: Assistant, fleet: Fleet, text: str):
    prop = a.understand(text)
    by_id = fleet.by_id()
    for c in prop.commands:
        assert by_id[c.device_id].validate_params("set", c.params) == c.params, (text, c)
    assert check_proposal(text, prop, by_id) is None, (text, prop.commands)
    return prop


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_property_a_place_and_a_value_go_to_the_one_device_its_unit_fits_or_nowhere(data):
    fleet = data.draw(fleets())
    a = Assistant(fleet, default_aliases())
    zh = data.draw(st.booleans())
    zone = data.draw(st.sampled_from(sorted({m.zone for m in fleet.devices})))
    unit = data.draw(st.sampled_from(sorted(UNITS)))
    n = data.draw(st.integers(16, 30))
    where, u = ZONES[zone][zh], UNITS[unit][zh]
    text = f"把{where}调到{n}{u}" if zh else f"set {where} to {n} {u}"
    prop = _valid_and_same_way(a, fleet, text)
    fits = [m for m in fleet.devices if m.zone == zone and any(_unit_of(c) == unit for c in m.capabilities.values())]
    if len(fits) != 1:
        assert prop.commands == (), (text, [m.id for m in fits], prop.commands)
    for c in prop.commands:
        assert c.device_id == fits[0].id, (text, c)
        assert list(c.params.values()) == [n], (text, c)


RELATIVE_EN = ["lower the {k}", "turn the {k} down", "turn down the {k}", "turn the {k} up", "crank up the {k}",
               "bring the {k} down", "ease off the {k}", "less {k}", "a bit more {k}", "dial back the {k}",
               "turn the {k} down a notch"]
RELATIVE_ZH = ["{k}低一点", "{k}调低", "{k}小一点", "把{k}调大一些", "{k}开大点", "{k}少一些"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_property_relative_asks_without_a_target_are_never_a_command(data):
    fleet = data.draw(fleets())
    a = Assistant(fleet, default_aliases())
    zh = data.draw(st.booleans())
    kind = data.draw(st.sampled_from(sorted({m.kind for m in fleet.devices})))
    words = [KIND_WORDS[kind][zh]]
    km = a.meaning.kinds.get(kind)
    words += [p for p in (km.things if km else ()) if "..." not in p and (not p.isascii()) == zh][:3]
    template = data.draw(st.sampled_from(RELATIVE_ZH if zh else RELATIVE_EN))
    if kind in ("cover", "valve") and template.startswith("lower the"):
        return  # "lower the blinds" closes them (the convention), tested above
    text = template.format(k=data.draw(st.sampled_from(words)))
    prop = _valid_and_same_way(a, fleet, text)
    assert prop.commands == (), (text, prop.layer, prop.commands)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_property_a_feeling_is_a_target_only_with_a_number_and_only_on_a_climate_device(data):
    fleet = data.draw(fleets())
    a = Assistant(fleet, default_aliases())
    zh = data.draw(st.booleans())
    feel = data.draw(st.sampled_from(["好冷", "太热了", "有点冷"] if zh else ["chilly", "it's freezing", "too warm"]))
    zone = data.draw(st.sampled_from(sorted({m.zone for m in fleet.devices})))
    where = ZONES[zone][zh]
    n = data.draw(st.integers(10, 35))
    assert _valid_and_same_way(a, fleet, f"{where}{feel}" if zh else f"{feel} in {where}").commands == ()
    prop = _valid_and_same_way(a, fleet, f"{where}{feel}，{n}" if zh else f"{feel} in {where}, {n}")
    climate = [m for m in fleet.devices if m.kind == "hvac" and m.zone == zone]  # the place's: all of them
    if not climate or not 16 <= n <= 30:
        assert prop.commands == (), (zone, n, prop.commands)
    else:
        assert sorted((c.device_id, c.params) for c in prop.commands) == [(m.id, {"setpoint": float(n)})
                                                                          for m in sorted(climate, key=lambda m: m.id)]


# -- negations, whatever the new readings would make of the rest ----------------------------------------------
@pytest.mark.parametrize("text", ["nobody should turn on the pump", "the line a fan shouldn't be on",
                                  "it isn't chilly, set 24", "we don't need the fan", "the pump doesn’t need to run",
                                  "no one should open line b to 40%", "别让院子里的警报响", "if it gets chilly set 24"])
def test_negations_and_conditions_are_refused(text):
    refused(text)


@pytest.mark.parametrize("prefix", ["nobody should ", "don't ", "never "])
def test_metamorphic_a_negated_new_dev_line_is_never_a_command(prefix):
    rows = [json.loads(x) for x in (BENCH / "intents_dev.jsonl").read_text(encoding="utf-8").splitlines() if x]
    for r in rows[FIRST:FIRST + MINE]:
        if r["lang"] == "en" and "commands" in r["expect"]:
            assert DEMO.understand(prefix + r["text"]).commands == (), prefix + r["text"]
