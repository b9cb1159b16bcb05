"""Device-based discovery (``PREFIX/device/<id>/config`` with ``dev``, ``o`` and ``cmps``) fed random,
truncated and hostile payloads and templates: only ProtocolError comes out, every device the fleet
keeps is a protocol-valid DeviceMeta, removals leave nothing behind, state and commands never crash."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from console.core.ha.fleet import HaFleet
from console.core.ha.topics import COMPONENTS
from console.core.protocol import DeviceMeta, ProtocolError

TEMPLATES = ["{{ value }}", "{{ value_json.state }}", "{{ value_json['t'] | float(0) | round(1) }}",
             "{{ value_json.x.y[0] }}", "{{ ''.__class__ }}", "{{ range(10**9)|list }}", "{% for", "{{ 'a'*10**9 }}",
             "{{ value_json.t | float }}", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", ""]
TOPICS = ["~/state", "dev/state", "dev/set", "~/set", "dev/avty", "#", "dev/+/x", ""]
_scalars = hs.one_of(hs.none(), hs.booleans(), hs.integers(-10**6, 10**6), hs.floats(allow_nan=True),
                     hs.text(max_size=12), hs.sampled_from(TEMPLATES), hs.sampled_from(TOPICS),
                     hs.text(min_size=190, max_size=260))  # past PROTOCOL.md's text and name limits
_values = hs.recursive(_scalars, lambda c: hs.one_of(hs.lists(c, max_size=3),
                                                     hs.dictionaries(hs.text(max_size=6), c, max_size=3)),
                       max_leaves=8)
KEYS = ["stat_t", "cmd_t", "val_tpl", "name", "uniq_id", "dev_cla", "pl_on", "pl_off", "schema", "brightness",
        "min", "max", "step", "ops", "options", "fx_list", "modes", "min_temp", "max_temp", "avty_t", "json_attr_t",
        "pos_t", "set_pos_t", "pct_cmd_t", "pct_stat_t", "pr_modes", "stat_val_tpl", "cmd_on_tpl", "cmd_off_tpl",
        "stat_tpl", "bri_tpl", "pattern", "mode", "reports_position", "avty", "qos", "ret", "opt"]


def _component():
    good = hs.fixed_dictionaries(
        {"p": hs.sampled_from(COMPONENTS)},
        optional={"stat_t": hs.sampled_from(TOPICS[:5]), "cmd_t": hs.sampled_from(TOPICS[:4]),
                  "val_tpl": hs.sampled_from(TEMPLATES), "uniq_id": hs.text(max_size=8), "name": hs.text(max_size=10)})
    noisy = hs.builds(lambda base, extra: {**base, **extra}, good, hs.dictionaries(hs.sampled_from(KEYS), _values,
                                                                                    max_size=6))
    return hs.one_of(good, noisy, hs.fixed_dictionaries({"p": hs.sampled_from(COMPONENTS)}), _values)


def _device_payload():
    return hs.fixed_dictionaries(
        {"dev": hs.one_of(hs.fixed_dictionaries({"ids": hs.sampled_from(["d1", "d2", ["d1", "d3"]]),
                                                  "name": hs.one_of(hs.text(max_size=12), hs.text(min_size=199, max_size=210))},
                                                 optional={"mf": hs.text(max_size=6), "sa": hs.text(max_size=6)}),
                          _values),
         "cmps": hs.one_of(hs.dictionaries(hs.text(min_size=1, max_size=6), _component(), max_size=5), _values)},
        optional={"o": hs.one_of(hs.fixed_dictionaries({"name": hs.text(max_size=6)}), _values),
                  "~": hs.sampled_from(["base", "a/b", "", "#"]), "stat_t": hs.sampled_from(TOPICS),
                  "avty_t": hs.sampled_from(TOPICS), "qos": hs.one_of(hs.integers(-1, 3), _scalars)})


def _check(fleet: HaFleet) -> None:
    for meta in fleet.metas():
        assert DeviceMeta.from_json(meta.to_json(), expected_id=meta.id) == meta


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hs.lists(hs.tuples(hs.sampled_from(["d1", "d2"]), _device_payload(), hs.integers(0, 600)), min_size=1, max_size=4),
       hs.lists(hs.text(max_size=40), max_size=3), hs.booleans())
def test_random_and_truncated_device_discovery_never_crashes(messages, states, remove_all):
    fleet = HaFleet()
    for object_id, payload, cut in messages:
        text = json.dumps(payload)
        for body in (text, text[:cut]):  # whole, then truncated (mostly not JSON any more)
            try:
                fleet.handle(f"homeassistant/device/{object_id}/config", body)
            except ProtocolError:
                pass
        _check(fleet)
    for topic in sorted(fleet.subscriptions())[:6]:
        for state in [*states, '{"state": "ON", "t": "21.5", "x": {"y": [1]}}']:
            fleet.handle(topic, state)  # template errors become events, never exceptions
    for meta in fleet.metas():
        for name, cap in meta.capabilities.items():
            if not cap.writable:
                continue
            value = {"bool": True, "enum": (cap.values or ("x",))[0]}.get(cap.type, cap.min if cap.min is not None else 1)
            try:
                pubs = fleet.commands(meta.id, {name: value})
            except ProtocolError:
                continue
            assert all(isinstance(p.payload, bytes) and p.topic and "#" not in p.topic for p in pubs)
    if remove_all:
        for object_id in ("d1", "d2"):
            fleet.handle(f"homeassistant/device/{object_id}/config", "")
        assert fleet.metas() == [] and fleet.subscriptions() == set()
    _check(fleet)


def test_a_component_kept_with_only_its_platform_is_removed_and_the_rest_stays():
    fleet = HaFleet()
    payload = {"dev": {"ids": "box", "name": "Box"}, "o": {"name": "fw"}, "~": "box",
               "cmps": {"relay": {"p": "switch", "cmd_t": "~/relay/set", "stat_t": "~/relay", "uniq_id": "r1",
                                  "name": "Relay"},
                        "temp": {"p": "sensor", "stat_t": "~/temp", "unit_of_meas": "°C", "uniq_id": "t1",
                                 "name": "Temp", "val_tpl": "{{ value_json.t }}"}}}
    fleet.handle("homeassistant/device/box/config", json.dumps(payload))
    assert set(fleet.metas()[0].capabilities) == {"relay", "temp"}
    payload["cmps"]["relay"] = {"p": "switch"}
    fleet.handle("homeassistant/device/box/config", json.dumps(payload))
    assert set(fleet.metas()[0].capabilities) == {"temp"} and fleet.subscriptions() == {"box/temp"}
    with pytest.raises(ProtocolError, match="not JSON"):  # truncated: refused, nothing lost
        fleet.handle("homeassistant/device/box/config", json.dumps(payload)[:37])
    assert set(fleet.metas()[0].capabilities) == {"temp"}
