"""The direction check (direction.py) and, as properties over random fleets and random utterances
built from verb × device × amount templates in both languages, that every proposal of every layer
is valid and goes the way its words say."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.assistant.aliases import default_aliases
from console.core.assistant.direction import DOWN, UP, direction_of, violation
from console.core.assistant.direction_check import check_proposal
from console.core.assistant.layers import Assistant
from console.core.assistant.phrases import normalize
from console.core.fleet.catalog import Fleet, load_fleet
from console.core.protocol import Capability, DeviceMeta

FLEET = load_fleet()
BY_ID = FLEET.by_id()


def test_direction_words_in_both_languages():
    for text in ("close the valve", "shut it all the way", "stop the pump", "turn the lamp off", "lower the blinds",
                 "dim the lamp", "slow the belt down", "cut the coolant", "关掉灯", "停止传送带", "把百叶窗拉上"):
        assert direction_of(normalize(text)) == {DOWN}, text
    for text in ("open the valve", "start the pump", "turn on the lamp", "raise the blinds", "let the sun in",
                 "speed the belt up", "打开阀门", "启动传送带", "让蒸汽通过"):
        assert direction_of(normalize(text)) == {UP}, text
    assert direction_of("set the ac to heat mode") == set()
    assert direction_of("stop everything on line a") == {DOWN}  # "on" before a place is no direction


def test_violations():
    valve, pump, blinds, ac = (BY_ID[i] for i in ("valve-steam", "pump-cooling", "blinds-office", "hvac-office"))
    assert violation(valve, {"open": 100}, {DOWN}) is not None  # "close … completely" → fully open: never
    assert violation(valve, {"open": 0}, {DOWN}) is None
    assert violation(valve, {"open": 50}, {DOWN}) is None  # "close it halfway"
    assert violation(valve, {"open": 0}, {UP}) is not None
    assert violation(pump, {"running": True}, {DOWN}) is not None
    assert violation(pump, {"running": False, "flow": 50.0}, {DOWN}) is not None
    assert violation(pump, {"running": True}, {UP, DOWN}) is None  # "… on and … off": either way
    assert violation(blinds, {"position": 30}, {DOWN}, {"position": 20}) is not None
    assert violation(ac, {"setpoint": 16.0}, {UP}) is None  # °C has no "up" of its own…
    assert violation(ac, {"setpoint": 19.0}, {DOWN}, {"setpoint": 17.0}) is not None  # …but against the current
    assert violation(BY_ID["fan-line-a"], {"speed": "high"}, {DOWN}, {"speed": "low"}) is not None
    assert violation(BY_ID["lock-main-door"], {"locked": False}, {DOWN}) is None  # locks have no direction


# -- properties: random fleets, template utterances -------------------------------------------------
DOWN_VERBS = ["close", "shut", "stop", "turn off", "switch off", "lower", "dim", "cut", "halt", "shut off", "kill",
              "关掉", "关闭", "停止", "把{d}关上"]
UP_VERBS = ["open", "start", "turn on", "switch on", "raise", "let", "fire up", "打开", "启动", "开启", "把{d}打开"]
AMOUNTS = ["", "completely", "fully", "all the way", "halfway", "a quarter", "to 30%", "to the max", "to 0%",
           "at 60 rpm", "to 20 l/min", "a smidge", "完全", "一半", "到最大", "彻底", "to 100%"]
KINDS = ["valve", "cover", "motor", "pump", "lamp", "fan", "siren"]
NAMES = {"valve": ["valve", "steam valve", "阀门"], "cover": ["blinds", "百叶窗"], "motor": ["conveyor", "传送带"],
         "pump": ["pump", "水泵"], "lamp": ["lamp", "灯"], "fan": ["fan", "风扇"], "siren": ["siren", "警报器"]}
CAPS = {
    "valve": {"open": {"type": "int", "min": 0, "max": 100, "unit": "%", "writable": True}},
    "cover": {"position": {"type": "int", "min": 0, "max": 100, "unit": "%", "writable": True}},
    "motor": {"running": {"type": "bool", "writable": True},
              "speed": {"type": "int", "min": 0, "max": 120, "unit": "rpm", "writable": True}},
    "pump": {"running": {"type": "bool", "writable": True},
             "flow": {"type": "float", "min": 0, "max": 50, "unit": "L/min", "writable": True}},
    "lamp": {"power": {"type": "bool", "writable": True},
             "level": {"type": "int", "min": 0, "max": 100, "unit": "%", "writable": True}},
    "fan": {"power": {"type": "bool", "writable": True},
            "speed": {"type": "enum", "values": ["low", "medium", "high"], "writable": True}},
    "siren": {"active": {"type": "bool", "writable": True}},
}


@st.composite
def fleets(draw):
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=6))
    zones = ["line-a", "line-b", "office"]
    metas = []
    for i, k in enumerate(kinds):
        caps = {n: Capability.from_json(n, spec) for n, spec in CAPS[k].items()}
        metas.append(DeviceMeta(id=f"{k}-{i}", name=f"{k} {i}", kind=k, zone=draw(st.sampled_from(zones)),
                                capabilities=caps, risk=draw(st.sampled_from(["low", "high"]))))
    return Fleet("random", tuple(metas))


@st.composite
def utterances(draw, fleet):
    meta = draw(st.sampled_from(fleet.devices))
    name = draw(st.sampled_from(NAMES[meta.kind] + [meta.name, meta.id]))
    down = draw(st.booleans())
    verb = draw(st.sampled_from(DOWN_VERBS if down else UP_VERBS))
    amount = draw(st.sampled_from(AMOUNTS))
    text = verb.format(d=name) if "{d}" in verb else f"{verb} the {name}"
    if verb == "let":
        text = f"let the {name} through"
    return f"{text} {amount}".strip(), down


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_every_proposal_is_valid_and_goes_the_way_its_words_say(data):
    fleet = data.draw(fleets())
    a = Assistant(fleet, default_aliases(), chooser=lambda u, opts: data.draw(st.integers(0, len(opts) - 1)))
    by_id = fleet.by_id()
    for _ in range(4):
        text, down = data.draw(utterances(fleet))
        prop = a.understand(text)
        for c in prop.commands:
            meta = by_id[c.device_id]
            assert meta.validate_params("set", c.params) == c.params, (text, c)
            assert c.high_risk == meta.is_high_risk(c.params)
            for cap, v in c.params.items():
                spec = meta.capabilities[cap]
                if cap in ("running", "power", "active"):
                    assert v is (not down), (text, c.params)  # a down verb never switches on, and the reverse
                elif spec.type in ("int", "float") and cap in ("open", "position", "level") and not any(
                        ch.isdigit() for ch in text):
                    assert (v < spec.max) if down else (v > spec.min), (text, c.params)
        assert check_proposal(text, prop, by_id) is None, text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["close the steam valve {a}", "shut the steam valve {a}", "把蒸汽阀{a}关上", "stop the pump {a}",
                        "lower the blinds {a}", "turn off the siren {a}", "cut the steam {a}", "stop the steam {a}"]),
       st.sampled_from(["", "completely", "fully", "all the way", "totally", "entirely", "完全", "彻底"]),
       st.sampled_from(["", "please ", "could you ", "now "]))
def test_metamorphic_an_amount_word_never_reverses_a_close(template, amount, polite):
    """Adding an amount word or politeness to a "down" ask may refuse it, never turn it around."""
    a = Assistant(FLEET, default_aliases())
    plain = a.understand(polite + template.format(a="").replace("  ", " ").strip())
    prop = a.understand(polite + template.format(a=amount).replace("  ", " ").strip())
    for p in (plain, prop):
        for c in p.commands:
            for cap, v in c.params.items():
                if isinstance(v, bool):
                    assert v is False or cap == "locked"
                else:
                    assert v <= 50, (p.utterance, c.params)
    if plain.commands and prop.commands:
        assert [(c.device_id, c.params) for c in plain.commands] == [(c.device_id, c.params) for c in prop.commands]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([("open", True), ("close", False), ("start", True), ("stop", False), ("turn on", True),
                        ("turn off", False), ("打开", True), ("关上", False)]),
       st.sampled_from([("open", True), ("close", False), ("start", True), ("stop", False), ("turn on", True),
                        ("turn off", False)]),
       st.sampled_from(["steam valve", "window blinds"]), st.sampled_from(["cooling pump", "conveyor a", "desk lamp"]),
       st.sampled_from(["", " fully", " completely", " all the way"]),
       st.sampled_from([" and ", ", then ", " and also ", ", "]))
def test_two_clauses_each_go_their_own_way(first, second, opening, switch, amount, joiner):
    """"open the blinds and close the valve fully": each device follows its own clause's verb, never the other's."""
    (v1, up1), (v2, up2) = first, second
    a = Assistant(FLEET, default_aliases())
    for text, dirs in ((f"{v1} the {opening}{amount}{joiner}{v2} the {switch}", (up1, up2)),
                       (f"{v2} the {switch}{joiner}{v1} the {opening}{amount}", (up2, up1))):
        prop = a.understand(text)
        want = {("valve-steam" if "valve" in opening else "blinds-office"): up1,
                {"cooling pump": "pump-cooling", "conveyor a": "conveyor-a", "desk lamp": "lamp-office-2"}[switch]: up2}
        for c in prop.commands:
            assert c.device_id in want, (text, c)
            for cap, v in c.params.items():
                if isinstance(v, bool):
                    assert v is want[c.device_id], (text, c.params)
                else:
                    assert (v == 100) if want[c.device_id] else (v == 0), (text, c.params)
        assert dirs
