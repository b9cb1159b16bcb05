"""The registry's clock alert (issue 15): an Event, Qt-free, that an alert rule can consume.

``FleetRegistry.clock_alert`` emits one ``ClockAlert(device_id, offset_s, over, threshold_s)`` each
time a device's estimated clock offset crosses ``CLOCK_WARN_S`` (past it: ``over``; back within it:
not ``over``), after the registry's lock is released (a listener may read the registry)."""

from __future__ import annotations

import json
import threading
import time

from console.core.fleet.registry import CLOCK_WARN_S, ClockAlert, FleetRegistry
from console.core.protocol import device_topic
from tests.core.fleet.test_registry import LAMP, P, send, state

NOW = float(int(time.time()))  # the protocol refuses a ts far from the real now


def _state(reg: FleetRegistry, seq: int, ts: float, now: float, device: str = "lamp-1") -> None:
    reg.ingest(device_topic(P, device, "state"), json.dumps(state(seq, ts=ts)).encode(), now=now)


def _registry() -> tuple[FleetRegistry, list[tuple[ClockAlert, object]]]:
    reg = FleetRegistry(P)
    send(reg, "meta", LAMP.to_json())
    seen: list[tuple[ClockAlert, object]] = []
    # the listener reads the registry: with the lock still held this would deadlock
    reg.clock_alert.connect(lambda a: seen.append((a, reg.get(a.device_id).clock_warning)))
    return reg, seen


def _in_thread(fn) -> None:
    t = threading.Thread(target=fn, name="test-ingest")
    t.start()
    t.join(timeout=20)
    assert not t.is_alive(), "ingest blocked: the alert was emitted under the registry's lock"


def test_an_offset_past_the_threshold_emits_one_alert_per_crossing():
    reg, seen = _registry()

    def feed():
        _state(reg, 0, NOW + 600.0, NOW)  # one sample: no estimate yet, no alert
        assert seen == []
        _state(reg, 1, NOW + 600.5, NOW + 0.5)  # two samples agree: +600 s
        for i in range(3):  # still over: no second alert
            _state(reg, 2 + i, NOW + 601.0 + i, NOW + 1.0 + i)

    _in_thread(feed)
    assert seen == [(ClockAlert("lamp-1", 600.0, True, CLOCK_WARN_S), True)]


def test_a_clock_set_right_emits_the_all_clear_and_acks_count_too():
    reg, seen = _registry()
    _state(reg, 0, NOW - 30.0, NOW)
    reg.take_changes()
    reg.note_clock("lamp-1", NOW - 29.0, now=NOW + 1.0)  # an ack's ts: the second sample, 30 s behind
    assert reg.take_changes() == ([], {"lamp-1"})  # the table repaints the row with its warning
    assert [(a.device_id, a.offset_s, a.over) for a, _ in seen] == [("lamp-1", -30.0, True)]

    def settle():
        for i in range(8):  # the clock was set right: the old samples age out of the window
            reg.note_clock("lamp-1", NOW + 10 + i, now=NOW + 10 + i)

    _in_thread(settle)
    assert [(a.offset_s, a.over, warned) for a, warned in seen] == [(-30.0, True, True), (0.0, False, False)]


def test_an_offset_at_the_threshold_or_without_a_wall_clock_emits_nothing():
    reg, seen = _registry()
    for i in range(4):
        _state(reg, i, NOW + CLOCK_WARN_S + i, NOW + i)  # exactly at the threshold: not past it
    for i in range(4):
        _state(reg, 10 + i, 12.0 + i, NOW + i)  # uptime, not a wall clock: no sample
    reg.note_clock("ghost", NOW + 900.0, now=NOW)  # a device the registry does not know
    assert seen == [] and not reg.get("lamp-1").clock_warning


def test_a_failing_listener_neither_stops_the_others_nor_the_ingest(caplog):
    reg, seen = _registry()
    reg.clock_alert.connect(lambda a: 1 / 0)
    later: list[ClockAlert] = []
    reg.clock_alert.connect(later.append)
    _state(reg, 0, NOW + 90.0, NOW)
    _state(reg, 1, NOW + 90.0, NOW)
    assert [a.over for a in later] == [True] and len(seen) == 1
    assert reg.get("lamp-1").seq == 1 and reg.counters()["applied"] == 3
    assert "of event 'device clock offset' failed" in caplog.text  # the log names the event
