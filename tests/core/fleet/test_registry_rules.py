"""FleetRegistry's rules one by one (issue 16): seq per boot, Last Will, removal, the device limit,
the frame-timer reads, the counters, devices of other sources and the assistant's exposure.

Each test pins one rule so that a change to it (a planted bug, a mutant) fails here, not only in
the fuzz or the integration tests.  Time is given explicitly (``now=``), never read from the clock."""

from __future__ import annotations

import json
import logging
import time

import pytest

from console.core.fleet.registry import DeviceRecord, FleetRegistry
from console.core.protocol import Ack, DeviceMeta, DeviceTopic, device_topic, short_repr
from tests.core.fleet.test_registry import LAMP, P, add_up, send, state

NOW = float(int(time.time()))
FAN = DeviceMeta.from_json({"id": "fan-1", "name": "Fan", "kind": "fan", "zone": "hall", "capabilities": {
    "power": {"type": "bool", "writable": True}}})


def _fleet(*metas: DeviceMeta) -> FleetRegistry:
    reg = FleetRegistry(P)
    for meta in metas:
        send(reg, "meta", meta.to_json(), device=meta.id)
    return reg


# -- seq, boots, Last Will ------------------------------------------------------------------------
def test_the_first_state_is_taken_whatever_its_seq_then_only_newer_ones():
    reg = _fleet(LAMP)
    send(reg, "state", state(40, ts=100.0, level=40))  # no state yet: any seq is the start
    send(reg, "state", state(40, ts=200.0, level=41))  # same seq: not newer, and not a reboot
    send(reg, "state", state(41, ts=50.0, level=42))  # newer seq, whatever the ts
    rec = reg.get("lamp-1")
    assert (rec.seq, rec.state_ts, rec.values["level"], rec.reset_pending) == (41, 50.0, 42, False)
    assert reg.counters()["stale_dropped"] == 1
    assert reg.last_error == ""  # a stale state is ordering, not an error


def test_a_stale_state_changes_nothing_and_says_why(caplog):
    caplog.set_level(logging.DEBUG, "console.core.fleet.registry")
    reg = _fleet(LAMP)
    send(reg, "state", state(5, ts=100.0, level=5))
    before = reg.get("lamp-1")
    reg.take_changes()
    reg.ingest(device_topic(P, "lamp-1", "state"), json.dumps(state(3, ts=100.0, level=3)).encode(), now=NOW + 9)
    rec = reg.get("lamp-1")
    assert (rec.seq, rec.state_ts, rec.values, rec.last_update) == (5, 100.0, {"level": 5}, before.last_update)
    assert reg.take_changes() == ([], set())  # nothing for the table to repaint
    assert reg.counters()["stale_dropped"] == 1 and reg.rejected_by_reason() == {}


def test_a_reboot_without_a_last_will_is_seen_from_seq_going_back_while_the_clock_went_on():
    reg = _fleet(LAMP)
    send(reg, "state", state(9, ts=1000.0, level=9))
    send(reg, "state", state(0, ts=1000.0, level=1))  # seq back, same ts: an old message, stale
    send(reg, "state", state(0, ts=1000.5, level=2))  # seq back, clock on: the device rebooted
    rec = reg.get("lamp-1")
    assert (rec.seq, rec.values["level"], rec.state_ts) == (0, 2, 1000.5)
    send(reg, "state", state(1, ts=1001.0, level=3))
    assert reg.get("lamp-1").values["level"] == 3
    assert add_up(reg)["stale_dropped"] == 1


def test_online_starts_a_new_boot_and_accepts_the_next_state_once():
    reg = _fleet(LAMP)
    send(reg, "status", b"online")
    rec = reg.get("lamp-1")
    assert (rec.online, rec.boot, rec.reset_pending) == (True, 1, True)
    send(reg, "state", state(7, ts=500.0, level=7))
    send(reg, "status", b"offline")  # the Last Will
    rec = reg.get("lamp-1")
    assert (rec.online, rec.boot, rec.reset_pending) == (False, 1, False)
    send(reg, "state", state(2, ts=400.0, level=2))  # still the old boot's numbering: stale
    assert reg.get("lamp-1").values["level"] == 7
    send(reg, "status", b"online")  # back: boot 2, the seq restarts
    send(reg, "state", state(0, ts=100.0, level=1))
    send(reg, "state", state(0, ts=100.0, level=9))  # the reset is used once: same seq again is stale
    rec = reg.get("lamp-1")
    assert (rec.boot, rec.seq, rec.values["level"], rec.online) == (2, 0, 1, True)
    assert add_up(reg)["stale_dropped"] == 2


def test_online_twice_counts_one_boot_per_online_after_anything_but_online():
    reg = _fleet(LAMP)
    for body in (b"online", b"online", b"offline", b"online", b"offline", b"offline"):
        send(reg, "status", body)
    rec = reg.get("lamp-1")
    assert (rec.boot, rec.online) == (2, False)


def test_a_status_is_online_or_offline_and_nothing_else():
    reg = _fleet(LAMP)
    for body in (b" online\n", b"offline "):
        send(reg, "status", body)  # surrounding blanks are tolerated
    assert reg.get("lamp-1").online is False
    for body in (b"Online", b"on", b"", b"x" * 100):
        send(reg, "status", body)
    assert reg.rejected_by_reason() == {"malformed": 4}
    assert reg.last_error == (f"{device_topic(P, 'lamp-1', 'status')}: status must be online or offline, "
                              f"not {'x' * 40!r}")
    assert reg.get("lamp-1").online is False


def test_an_unchanged_meta_keeps_the_values_and_a_new_one_prunes_them():
    reg = _fleet(LAMP)
    send(reg, "state", state(1, power=True, level=10, mode="a"))
    send(reg, "meta", LAMP.to_json())  # the same meta again (retained, on reconnect): nothing pruned
    assert reg.get("lamp-1").values == {"power": True, "level": 10, "mode": "a"}
    smaller = {**LAMP.to_json(), "capabilities": {"level": {"type": "int", "min": 0, "max": 5, "writable": True}}}
    send(reg, "meta", smaller)
    rec = reg.get("lamp-1")
    assert rec.values == {} and rec.meta.capabilities.keys() == {"level"}
    assert (rec.bad_values, reg.counters()["bad_values"]) == (1, 1) and "level" in rec.last_bad
    send(reg, "state", state(2, level=9, power=1))  # two more wrong values: they add up
    assert (reg.get("lamp-1").bad_values, reg.counters()["bad_values"]) == (2, 2)
    send(reg, "state", state(3, level=10))
    assert (reg.get("lamp-1").bad_values, reg.counters()["bad_values"]) == (3, 3)


def test_a_meta_on_another_devices_topic_and_a_payload_that_is_not_json_are_refused_with_why(caplog):
    caplog.set_level(logging.DEBUG, "console.core.fleet.registry")
    reg = _fleet(LAMP)
    send(reg, "meta", FAN.to_json())  # fan-1's meta on lamp-1's topic
    assert reg.get("fan-1") is None and reg.meta("lamp-1") == LAMP
    assert reg.last_error == f"{device_topic(P, 'lamp-1', 'meta')}: meta id 'fan-1' does not match topic id 'lamp-1'"
    send(reg, "state", b"{")
    assert reg.last_error.startswith(f"{device_topic(P, 'lamp-1', 'state')}: payload is not UTF-8 JSON: ")
    assert reg.rejected_by_reason() == {"invalid_meta": 1, "malformed": 1}
    logged = [r.getMessage() for r in caplog.records if r.getMessage().startswith("ignored message")]
    assert logged == [f"ignored message (invalid_meta): {device_topic(P, 'lamp-1', 'meta')}: meta id 'fan-1' does "
                      "not match topic id 'lamp-1'", f"ignored message (malformed): {reg.last_error}"]
    assert all(r.levelno == logging.DEBUG for r in caplog.records if r.getMessage().startswith("ignored message"))


def test_the_defaults_stale_after_five_minutes_and_hold_half_a_million_devices():
    reg = FleetRegistry(P)
    assert (reg.stale_after_s, reg.max_devices) == (300.0, 500_000)


def test_state_applied_tells_each_applied_state_after_the_lock_is_released():
    reg = _fleet(LAMP)
    seen = []
    # the listener reads the registry: under the lock this would deadlock
    reg.state_applied.connect(lambda dev, values, now: seen.append((dev, dict(values), now, reg.get(dev).seq)))
    reg.ingest(device_topic(P, "lamp-1", "state"), json.dumps(state(3, level=7)).encode(), now=NOW)
    reg.ingest(device_topic(P, "lamp-1", "state"), json.dumps(state(2, level=1)).encode(), now=NOW + 1)  # stale
    reg.ingest(device_topic(P, "lamp-1", "status"), b"online", now=NOW + 2)  # not a state
    reg.ingest(device_topic(P, "lamp-1", "meta"), json.dumps(LAMP.to_json()).encode(), now=NOW + 3)
    reg.ingest(device_topic(P, "lamp-1", "state"), b"{", now=NOW + 4)  # refused
    assert seen == [("lamp-1", {"level": 7}, NOW, 3)]
    assert reg.upsert_external("ha-1", source="ha", values={"power": True}, now=NOW + 5)
    assert reg.upsert_external("ha-1", source="ha", online=True, now=NOW + 6)  # no values: nothing to judge
    assert seen[1:] == [("ha-1", {"power": True}, NOW + 5, -1)]


def test_a_failing_state_listener_is_logged_by_name_and_changes_nothing(caplog):
    reg = _fleet(LAMP)
    reg.state_applied.connect(lambda *a: 1 / 0)
    send(reg, "state", state(1, level=2))
    assert reg.get("lamp-1").values == {"level": 2} and "of event 'state applied' failed" in caplog.text


# -- the counters ---------------------------------------------------------------------------------
def test_count_settles_what_the_router_settled_in_exactly_one_counter():
    reg = FleetRegistry(P)
    reg.count("ack", "applied")
    reg.count("ack", "ignored")
    reg.count(None, "bad_topic", "x/y: outside")
    reg.count(None, "bad_topic", "x/z: outside")
    reg.count("ack", "malformed", "not json")
    c = add_up(reg)
    assert (c["received"], c["applied"], c["ignored"], c["rejected"], c["stale_dropped"]) == (5, 1, 1, 3, 0)
    assert reg.rejected_by_reason() == {"bad_topic": 2, "malformed": 1} and reg.last_error == "not json"
    reg.count("ack", "malformed")  # no detail given: none shown
    assert reg.last_error == "" and reg.rejected_by_reason()["malformed"] == 2


def test_a_topic_is_parsed_here_when_the_link_did_not_and_a_bad_one_is_counted():
    reg = FleetRegistry(P)
    reg.ingest("elsewhere/devices/lamp-1/state", b"{}")
    reg.ingest(f"{P}/devices/lamp-1/state/extra", b"{}")
    assert reg.rejected_by_reason() == {"bad_topic": 2}
    assert reg.last_error.startswith(f"{P}/devices/lamp-1/state/extra: ")
    # a parsed topic is trusted as given: the link already split it
    reg.ingest("ignored-topic-text", json.dumps(LAMP.to_json()).encode(), DeviceTopic("lamp-1", "meta"))
    assert reg.meta("lamp-1") == LAMP and add_up(reg)["received"] == 3


def test_counters_report_every_field_and_the_device_count():
    reg = _fleet(LAMP, FAN)
    send(reg, "state", state(1, level=1, colour="red", power="no"))
    send(reg, "state", state(0, level=2))  # stale
    send(reg, "ack", b"{}")  # not the registry's kind: ignored
    send(reg, "cmd", b"{}")  # nor is a command
    send(reg, "state", b"{")  # malformed
    assert reg.counters() == {"received": 7, "applied": 3, "stale_dropped": 1, "rejected": 1, "ignored": 2,
                              "unknown_keys": 1, "bad_values": 1, "devices": 2}
    assert len(reg) == 2


def test_an_exception_inside_apply_is_counted_as_internal_error_and_the_registry_goes_on(caplog):
    reg = _fleet(LAMP)
    class Broken(dict):
        def __setitem__(self, key, value):
            raise RuntimeError("the record's store is broken; " * 8)
    reg._devices["lamp-1"].values = Broken()  # a corrupted record (a bug): merging into it raises
    send(reg, "state", state(1, level=5))
    topic = device_topic(P, "lamp-1", "state")
    assert reg.rejected_by_reason() == {"internal_error": 1}
    [record] = [r for r in caplog.records if r.getMessage() == f"registry failed on {topic}"]
    exc = record.exc_info[1]
    assert isinstance(exc, RuntimeError) and len(short_repr(str(exc), 120)) == 120  # cut to 120
    assert reg.last_error == f"{topic}: RuntimeError: {short_repr(str(exc), 120)}"
    send(reg, "meta", FAN.to_json(), device="fan-1")
    assert reg.meta("fan-1") == FAN and add_up(reg)["received"] == 3


# -- the device limit -----------------------------------------------------------------------------
@pytest.mark.parametrize("kind, body", [("meta", None), ("state", state(1)), ("status", b"online")])
def test_the_device_limit_refuses_the_next_device_with_a_reason(kind, body):
    reg = FleetRegistry(P, max_devices=1)
    send(reg, "meta", LAMP.to_json())
    payload = FAN.to_json() if body is None else body
    send(reg, kind, payload, device="fan-1")
    assert reg.ids() == ["lamp-1"] and reg.get("fan-1") is None
    assert reg.rejected_by_reason() == {"too_many_devices": 1}
    assert reg.last_error.endswith("device limit 1 reached; fan-1 ignored")
    send(reg, "state", state(1, level=1))  # the known device still gets its updates
    assert reg.get("lamp-1").values == {"level": 1}


def test_removing_a_device_frees_its_place_under_the_limit():
    reg = FleetRegistry(P, max_devices=1)
    send(reg, "meta", LAMP.to_json())
    send(reg, "meta", b"")
    send(reg, "meta", FAN.to_json(), device="fan-1")
    assert reg.ids() == ["fan-1"] and reg.rejected_by_reason() == {}


# -- what the table reads -------------------------------------------------------------------------
def test_take_changes_gives_new_ids_in_order_and_dirty_ids_once():
    reg = _fleet(LAMP, FAN)
    assert reg.take_changes() == (["lamp-1", "fan-1"], {"lamp-1", "fan-1"})
    assert reg.take_changes() == ([], set())
    send(reg, "state", state(1, level=3))
    send(reg, "state", state(2, level=4))
    assert reg.take_changes() == ([], {"lamp-1"})


def test_mark_dirty_hands_known_devices_back_and_ignores_unknown_ones():
    reg = _fleet(LAMP, FAN)
    reg.take_changes()
    reg.mark_dirty(["fan-1", "ghost"])
    assert reg.take_changes() == ([], {"fan-1"})


def test_a_removed_then_re_added_device_is_new_again_at_the_end():
    reg = _fleet(LAMP, FAN)
    reg.take_changes()
    send(reg, "meta", b"")
    assert reg.take_changes() == ([], set()) and reg.take_removed() == ["lamp-1"]
    send(reg, "meta", LAMP.to_json())
    assert reg.take_changes() == (["lamp-1"], {"lamp-1"})
    assert reg.ids() == ["fan-1", "lamp-1"] and reg.take_removed() == []


def test_get_and_get_many_return_copies_in_the_order_asked():
    reg = _fleet(LAMP, FAN)
    send(reg, "state", state(1, level=10))
    got = reg.get_many(["fan-1", "ghost", "lamp-1"])
    assert [i for i, _ in got] == ["fan-1", "lamp-1"]
    assert isinstance(got[1][1], DeviceRecord) and got[1][1].values == {"level": 10}
    got[1][1].values["level"] = 99  # a view that scribbles on its snapshot changes nothing here
    one = reg.get("lamp-1")
    one.values["level"] = 98
    one.seq = 1234
    assert reg.get("lamp-1").values == {"level": 10} and reg.get("lamp-1").seq == 1
    assert reg.get("ghost") is None and reg.meta("ghost") is None and reg.meta("fan-1") == FAN


def test_age_and_staleness_count_from_the_last_applied_message():
    reg = FleetRegistry(P, stale_after_s=60.0)
    assert DeviceRecord("x").age() is None and not reg.is_stale(DeviceRecord("x"), now=NOW)
    reg.ingest(device_topic(P, "lamp-1", "meta"), json.dumps(LAMP.to_json()).encode(), now=NOW)
    rec = reg.get("lamp-1")
    assert rec.last_update == NOW and rec.age(NOW + 60.0) == 60.0 and rec.age(NOW - 5.0) == 0.0
    assert not reg.is_stale(rec, now=NOW + 60.0) and reg.is_stale(rec, now=NOW + 60.5)
    assert 0.0 <= rec.age() < 3600.0  # now read from the clock when not given
    reg.ingest(device_topic(P, "lamp-1", "state"), json.dumps(state(1, ts=NOW, level=1)).encode(), now=NOW + 7)
    assert reg.get("lamp-1").last_update == NOW + 7  # every applied message counts, states too
    reg.ingest(device_topic(P, "lamp-1", "status"), b"online", now=NOW + 9)
    assert reg.get("lamp-1").last_update == NOW + 9


def test_online_ids_are_the_online_devices_with_a_meta():
    reg = _fleet(LAMP, FAN)
    send(reg, "status", b"online")
    send(reg, "status", b"offline", device="fan-1")
    send(reg, "status", b"online", device="bare-1")  # online, but never described itself
    assert reg.online_ids() == {"lamp-1"}


def test_an_acks_timestamp_is_a_clock_sample_of_its_device():
    reg = _fleet(LAMP)
    now = time.time()
    reg.note_ack_clock("lamp-1", Ack("c1", "done", now + 120.0))
    reg.note_ack_clock("lamp-1", Ack("c2", "done", now + 120.0))
    reg.note_ack_clock("ghost", Ack("c3", "done", now + 120.0))
    rec = reg.get("lamp-1")
    assert len(rec.clock_samples) == 2 and rec.clock_warning
    assert 119.0 < rec.clock_offset_s <= 120.0
    assert reg.get("ghost") is None


def test_clock_samples_keep_the_last_eight_and_take_the_largest():
    reg = _fleet(LAMP)
    for i in range(10):
        reg.note_clock("lamp-1", NOW + 100.0 - i, now=NOW)
    rec = reg.get("lamp-1")
    assert rec.clock_samples == tuple(100.0 - i for i in range(2, 10)) and rec.clock_offset_s == 98.0
    reg.note_clock("lamp-1", NOW - 30 * 86_400.0, now=NOW)  # exactly at the no-RTC bound: still a sample
    assert reg.get("lamp-1").clock_samples[-1] == -30 * 86_400.0
    reg.note_clock("lamp-1", NOW - 30 * 86_400.0 - 1, now=NOW)  # past it: not a wall clock
    assert reg.get("lamp-1").clock_samples[-1] == -30 * 86_400.0


# -- other sources, exposure ----------------------------------------------------------------------
def test_an_external_device_is_added_merged_replaced_and_removed_by_its_source_only():
    reg = FleetRegistry(P)
    assert reg.upsert_external("ha-1", source="ha", meta=FAN, values={"power": True}, online=True,
                               info={"manufacturer": "Acme", "model": 7, "area": "Hall", "secret": "x"}, now=NOW)
    rec = reg.get("ha-1")
    assert (rec.source, rec.meta, rec.values, rec.online, rec.last_update) == ("ha", FAN, {"power": True}, True, NOW)
    assert (rec.manufacturer, rec.model, rec.area) == ("Acme", "7", "Hall") and not hasattr(rec, "secret")
    assert reg.take_changes() == (["ha-1"], {"ha-1"})
    reg.upsert_external("ha-1", source="ha", values={"speed": 2})  # merged, the rest as it was
    assert NOW <= reg.get("ha-1").last_update <= time.time()  # now read from the clock when not given
    rec = reg.get("ha-1")
    assert (rec.values, rec.meta, rec.online, rec.manufacturer) == ({"power": True, "speed": 2}, FAN, True, "Acme")
    reg.upsert_external("ha-1", source="ha", values={"speed": 3}, replace_values=True, online=False)
    rec = reg.get("ha-1")
    assert (rec.values, rec.online) == ({"speed": 3}, False)
    assert reg.source_of("ha-1") == "ha" and reg.source_of("ghost") is None
    assert not reg.remove_external("ha-1", source="zigbee") and reg.get("ha-1") is not None
    assert not reg.remove_external("ghost", source="ha")
    assert reg.remove_external("ha-1", source="ha") and reg.get("ha-1") is None
    assert reg.take_removed() == ["ha-1"]
    # none of that was a message received here: the message counters stay at zero
    assert reg.counters()["received"] == 0 and reg.external_rejected == {}


def test_a_native_device_is_never_overwritten_by_another_source_nor_the_reverse(caplog):
    caplog.set_level(logging.DEBUG, "console.core.fleet.registry")
    reg = _fleet(LAMP)
    assert not reg.upsert_external("lamp-1", source="ha", values={"power": False})
    assert reg.get("lamp-1").source == "native" and reg.get("lamp-1").values == {}
    assert reg.external_rejected == {"id_clash": 1}
    assert reg.last_error == "ha device lamp-1 has the id of a native device"
    assert not reg.remove_external("lamp-1", source="ha") and reg.get("lamp-1") is not None
    reg.upsert_external("ha-2", source="ha")
    assert not reg.upsert_external("ha-2", source="zigbee")
    assert reg.external_rejected == {"id_clash": 2} and reg.counters()["rejected"] == 0
    assert [r.getMessage() for r in caplog.records if r.msg.startswith("refused")] == [
        "refused: ha device lamp-1 has the id of a native device",
        "refused: zigbee device ha-2 has the id of a ha device"]


def test_an_external_device_past_the_limit_is_refused():
    reg = FleetRegistry(P, max_devices=1)
    assert reg.upsert_external("ha-1", source="ha")
    assert not reg.upsert_external("ha-2", source="ha") and reg.ids() == ["ha-1"]


def test_the_operator_can_hide_a_device_from_the_assistant_and_show_it_again():
    reg = _fleet(LAMP, FAN)
    assert reg.exposed("lamp-1") and reg.exposed("fan-1")
    reg.set_exposed("lamp-1", False)
    reg.set_exposed("lamp-1", False)
    assert not reg.exposed("lamp-1") and reg.exposed("fan-1")
    reg.set_exposed("lamp-1", True)
    reg.set_exposed("fan-1", True)  # already shown: stays shown
    assert reg.exposed("lamp-1") and reg.exposed("fan-1")
