"""``HaFleet.errors`` is asked by the device table at each row it fills (the GUI thread): a device
without template errors is answered without the fleet's lock, so the GUI never waits for the link's
thread applying a state; a device with errors is copied under the lock, consistently."""

from __future__ import annotations

import json
import threading

from console.core.ha.fleet import HaFleet

CLEAN = {"name": "Clean", "stat_t": "c/state", "unit_of_meas": "C", "dev": {"ids": ["c1"], "name": "Clean"},
         "val_tpl": "{{ value_json.t }}"}
BROKEN = {"name": "Broken", "stat_t": "b/state", "unit_of_meas": "C", "dev": {"ids": ["b1"], "name": "Broken"},
          "val_tpl": "{{ value_json.missing | float }}"}


def _fleet() -> tuple[HaFleet, str, str]:
    fleet = HaFleet()
    fleet.handle("homeassistant/sensor/c/config", json.dumps(CLEAN))
    fleet.handle("homeassistant/sensor/b/config", json.dumps(BROKEN))
    ids = {m.name: m.id for m in fleet.metas()}
    fleet.handle("c/state", '{"t": 21.5}')
    assert [e.kind for e in fleet.handle("b/state", '{"t": 1}')] == ["error"]
    return fleet, ids["Clean"], ids["Broken"]


def _ask(fleet: HaFleet, device_id: str) -> tuple[threading.Thread, threading.Event, list]:
    done, answer = threading.Event(), []

    def ask() -> None:
        answer.append(fleet.errors(device_id))
        done.set()

    thread = threading.Thread(target=ask, name="test-errors-reader")
    thread.start()
    return thread, done, answer


def test_no_errors_is_answered_while_the_link_thread_holds_the_lock():
    fleet, clean, _ = _fleet()
    with fleet._lock:  # as the link's thread does while it applies a state
        thread, done, answer = _ask(fleet, clean)
        assert done.wait(10), "errors() waited for the fleet's lock"
        unknown = _ask(fleet, "no-such-device")
        assert unknown[1].wait(10)
    thread.join(10)
    unknown[0].join(10)
    assert answer == [(0, {}, "")] and unknown[2] == [(0, {}, "")]


def test_errors_are_copied_under_the_lock():
    fleet, _, broken = _fleet()
    with fleet._lock:
        thread, done, answer = _ask(fleet, broken)
        assert not done.wait(0.2)  # waits for the lock: the counts are read consistently
    assert done.wait(10)
    thread.join(10)
    count, kinds, last = answer[0]
    assert count == 1 and kinds == {"error": 1} and last
