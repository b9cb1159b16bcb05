"""FleetRegistry on its own: seq ordering, Last Will, bounded state, removal, and the counters'
invariant (received == applied + stale_dropped + rejected + ignored) under hostile traffic."""

from __future__ import annotations

import json
import sys
import time
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from console.core.fleet.values import MAX_PENDING_KEYS, MAX_UNKNOWN_NAMES
from console.core.mqtt.link import MqttLink, make_client
from console.core.protocol import DeviceMeta, device_topic
from tests.conftest import wait_for

P = "reg"
LAMP = DeviceMeta.from_json({"id": "lamp-1", "name": "Lamp", "kind": "lamp", "zone": "office", "capabilities": {
    "power": {"type": "bool", "writable": True},
    "level": {"type": "int", "min": 0, "max": 100, "writable": True},
    "mode": {"type": "enum", "values": ["a", "b"], "writable": True}}})


def send(reg: FleetRegistry, kind: str, payload, device: str = "lamp-1") -> None:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    reg.ingest(device_topic(P, device, kind), body)


def state(seq: int, ts: float = 1.0, **values) -> dict:
    return {"seq": seq, "ts": ts, "values": values}


def add_up(reg: FleetRegistry) -> dict:
    c = reg.counters()
    assert c["received"] == c["applied"] + c["stale_dropped"] + c["rejected"] + c["ignored"], c
    assert sum(reg.rejected_by_reason().values()) == c["rejected"]
    return c


def deep_size(obj, seen=None) -> int:
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set)):
        size += sum(deep_size(v, seen) for v in obj)
    return size


def test_lower_seq_is_dropped_as_stale_and_higher_applied():
    reg = FleetRegistry(P)
    send(reg, "meta", LAMP.to_json())
    send(reg, "state", state(5, level=50))
    send(reg, "state", state(4, level=40))  # older, same device clock: stale
    send(reg, "state", state(6, level=60))
    assert reg.get("lamp-1").values["level"] == 60
    assert add_up(reg)["stale_dropped"] == 1


def test_only_declared_capabilities_of_the_right_type_are_kept():
    reg = FleetRegistry(P)
    send(reg, "meta", LAMP.to_json())
    send(reg, "state", state(1, power=True, level=30, mode="a", colour="red"))
    send(reg, "state", state(2, power="yes", level=3_000_000_000, mode="z"))  # all three wrong
    rec = reg.get("lamp-1")
    assert rec.values == {"power": True, "level": 30, "mode": "a"}  # the last good values stay
    assert (rec.bad_values, rec.unknown_count, rec.unknown_keys) == (3, 1, ("colour",))
    assert "mode" in rec.last_bad
    c = add_up(reg)
    assert (c["applied"], c["bad_values"], c["unknown_keys"]) == (3, 3, 1)


def test_state_before_meta_is_held_bounded_then_pruned_by_the_meta():
    reg = FleetRegistry(P)
    send(reg, "state", state(1, level=20, **{f"k{i}": i for i in range(100)}))
    rec = reg.get("lamp-1")
    assert len(rec.values) == MAX_PENDING_KEYS and rec.unknown_count == 101 - MAX_PENDING_KEYS
    send(reg, "meta", LAMP.to_json())
    assert reg.get("lamp-1").values == {"level": 20}
    assert len(reg.get("lamp-1").unknown_keys) == MAX_UNKNOWN_NAMES
    add_up(reg)


def test_a_key_flood_holds_a_bounded_number_of_bytes():
    """1,000 messages of 20 new 1 KB keys each (issue 13: it used to hold 20,000 keys)."""
    reg = FleetRegistry(P)
    send(reg, "meta", LAMP.to_json())
    for seq in range(1000):
        keys = {f"{seq}-{i}-" + "x" * 1000: "v" * 1000 for i in range(20)}
        send(reg, "state", state(seq, level=seq % 100, **keys))
    rec = reg.get("lamp-1")
    assert rec.unknown_count == 20_000 and len(rec.unknown_keys) == MAX_UNKNOWN_NAMES
    held = deep_size(rec.values) + deep_size(rec.unknown_keys) + deep_size(rec.last_bad)
    assert held < 8_000, held  # 16 names cut to 64 characters, 3 values
    assert add_up(reg)["applied"] == 1001


def test_empty_retained_meta_removes_the_device_once():
    reg = FleetRegistry(P)
    send(reg, "meta", LAMP.to_json())
    reg.take_changes()
    send(reg, "meta", b"")
    send(reg, "meta", b"")  # already gone: ignored, still counted
    assert reg.get("lamp-1") is None and reg.take_removed() == ["lamp-1"] and reg.take_removed() == []
    c = add_up(reg)
    assert (c["applied"], c["ignored"], c["devices"]) == (2, 1, 0)


def test_a_device_added_and_removed_between_two_frames_is_never_new():
    reg = FleetRegistry(P)
    send(reg, "meta", LAMP.to_json())
    send(reg, "meta", b"")
    assert reg.take_changes() == ([], set()) and reg.take_removed() == ["lamp-1"]


def test_rejections_have_reasons():
    reg = FleetRegistry(P)
    send(reg, "state", b"[" * 10_000)
    send(reg, "state", state(1, ts=10**30))
    send(reg, "meta", {"id": "lamp-1", "capabilities": {"x": {"type": "int", "max": 10**30}}})
    send(reg, "status", b"\xff")
    send(reg, "cmd", b"{}")
    assert reg.rejected_by_reason() == {"malformed": 2, "invalid_state": 1, "invalid_meta": 1}
    assert add_up(reg)["ignored"] == 1


def test_offline_last_will_is_applied_through_a_real_broker(broker_cfg):
    reg = FleetRegistry(broker_cfg.prefix)
    link = MqttLink(broker_cfg.with_client_id(f"reg-{uuid.uuid4().hex[:8]}"))
    link.route(FLEET_KINDS, reg.ingest)
    link.traffic.connect(reg.count)
    dev = make_client(broker_cfg.with_client_id(f"dev-{uuid.uuid4().hex[:8]}"), clean=True)
    status = device_topic(broker_cfg.prefix, "lamp-1", "status")
    dev.will_set(status, "offline", qos=1, retain=True)
    link.start()
    try:
        assert link.wait_connected(10)
        dev.connect(broker_cfg.host, broker_cfg.port)
        dev.loop_start()
        dev.publish(status, "online", qos=1, retain=True).wait_for_publish(5)
        wait_for(lambda: (reg.get("lamp-1") or None) and reg.get("lamp-1").online is True, what="online")
        dev.loop_stop()
        dev.socket().close()  # no DISCONNECT: the broker publishes the Last Will
        wait_for(lambda: reg.get("lamp-1").online is False, what="the Last Will")
        add_up(reg)
    finally:
        dev.loop_stop()
        link.stop()


hostile_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30), st.floats(),
    st.text(max_size=30), st.sampled_from(["\ud800", "x" * 2000]),
)
hostile_json = st.recursive(hostile_leaf, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(
    st.text(max_size=8), kids, max_size=3), max_leaves=8)
cap_json = st.fixed_dictionaries({"type": st.sampled_from(["int", "float", "bool", "enum", "x"]),
                                  "min": hostile_leaf, "max": hostile_leaf, "values": hostile_json})


def _body(value) -> bytes:
    return json.dumps(value, allow_nan=True).encode("utf-8", "surrogatepass")


payloads = st.one_of(
    st.fixed_dictionaries({"seq": hostile_leaf | st.integers(0, 50), "ts": hostile_leaf | st.just(1.0),
                           "values": st.dictionaries(st.text(max_size=12), hostile_json, max_size=30)}).map(_body),
    st.fixed_dictionaries({"id": st.just("lamp-1"), "capabilities": st.dictionaries(
        st.sampled_from(["power", "level", "mode", "x"]), cap_json, max_size=3)}).map(_body),
    st.just(_body(LAMP.to_json())),
    st.sampled_from([b"online", b"offline", b"", b"[" * 3000, b'"\\ud800"', b"NaN", b"9" * 5000]),
    hostile_json.map(_body),
    st.binary(max_size=40),
)


@settings(max_examples=300, deadline=None)
@given(msgs=st.lists(st.tuples(st.sampled_from(FLEET_KINDS + ("cmd",)), payloads), max_size=40))
def test_hostile_traffic_counters_add_up_and_state_stays_bounded(msgs):
    reg = FleetRegistry(P)
    for kind, body in msgs:
        reg.ingest(device_topic(P, "lamp-1", kind), body)  # must not raise
    c = add_up(reg)
    assert c["received"] == len(msgs) and "internal_error" not in reg.rejected_by_reason()
    rec = reg.get("lamp-1")
    if rec is not None:
        assert len(rec.unknown_keys) <= MAX_UNKNOWN_NAMES
        if rec.meta is not None:
            assert set(rec.values) <= set(rec.meta.capabilities)
            for name, value in rec.values.items():
                assert rec.meta.capabilities[name].check(value) == value
        else:
            assert len(rec.values) <= MAX_PENDING_KEYS
        assert deep_size(rec.values) < 64_000


# -- clocks and boots (issue 15) ------------------------------------------------------------------
def test_online_twice_without_offline_with_a_clock_behind_keeps_the_new_boots_states():
    """Failure 10: the device rebooted faster than its Last Will and its clock went back; before
    the fix every new-boot state (seq restarting at 0, ts behind the old ones) was dropped as stale."""
    reg = FleetRegistry(P)
    send(reg, "meta", LAMP.to_json())
    send(reg, "status", b"online")
    for seq in range(5):
        send(reg, "state", state(seq, ts=1_000_000.0 + seq, level=seq))
    send(reg, "status", b"online")  # the new boot, no offline before it
    send(reg, "state", state(0, ts=999_000.0, level=70))  # clock behind: ts went back as well
    send(reg, "state", state(1, ts=999_001.0, level=71))
    rec = reg.get("lamp-1")
    assert (rec.seq, rec.values["level"]) == (1, 71)
    assert add_up(reg)["stale_dropped"] == 0
    send(reg, "state", state(0, ts=999_000.5, level=3))  # within the boot, older seqs still lose
    assert reg.get("lamp-1").values["level"] == 71


def test_clock_offset_is_estimated_from_state_and_ack_timestamps_and_flagged_past_the_threshold(caplog):
    reg = FleetRegistry(P)
    send(reg, "meta", LAMP.to_json())
    now = float(int(time.time()))
    reg.ingest(device_topic(P, "lamp-1", "state"), json.dumps(state(0, ts=now - 3600.0)).encode(), now=now)
    assert reg.get("lamp-1").clock_offset_s is None  # one sample (maybe an old retained state): no claim
    reg.ingest(device_topic(P, "lamp-1", "state"), json.dumps(state(1, ts=now + 600.2)).encode(), now=now + 0.2)
    reg.note_clock("lamp-1", now + 600.1 + 0.3, now=now + 0.35)  # an ack, a little transit delay
    rec = reg.get("lamp-1")
    assert abs(rec.clock_offset_s - 600.0) < 0.1 and rec.clock_warning
    for i in range(3):
        reg.note_clock("lamp-1", now + 600.0 + i, now=now + i)
    assert [r.message for r in caplog.records].count(
        "device lamp-1: its clock is +600.0 s off the console's (ahead > 0); its timestamps are off by that "
        "much, and it may judge absolute ttls wrongly") == 1
    reg.ingest(device_topic(P, "lamp-1", "state"), json.dumps(state(2, ts=now + 1.0)).encode(), now=now)
    for i in range(8):  # the clock was set right: the old samples age out
        reg.note_clock("lamp-1", now + 10 + i, now=now + 10 + i)
    assert abs(reg.get("lamp-1").clock_offset_s) < 0.01 and not reg.get("lamp-1").clock_warning


def test_a_timestamp_that_is_not_a_wall_clock_gives_no_offset():
    reg = FleetRegistry(P)
    send(reg, "meta", LAMP.to_json())
    for seq in range(3):
        send(reg, "state", state(seq, ts=12.0 + seq))  # uptime, not a real-time clock
    send(reg, "state", state(3, ts=0))
    rec = reg.get("lamp-1")
    assert rec.clock_offset_s is None and rec.clock_samples == () and not rec.clock_warning
