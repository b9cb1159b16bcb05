"""The core's event type: listeners in connect order, one listener's exception logged with the event's
name without stopping the others, and connect/disconnect safe during an emit and across threads."""

from __future__ import annotations

import logging
import threading

from console.core.events import Event


def test_listeners_are_called_in_connect_order_with_the_emitted_args():
    ev = Event("order")
    calls = []
    ev.connect(lambda *a: calls.append(("first", a)))
    ev.connect(lambda *a: calls.append(("second", a)))
    ev.emit(1, "x")
    assert calls == [("first", (1, "x")), ("second", (1, "x"))]


def test_connecting_the_same_listener_twice_calls_it_once():
    ev = Event("twice")
    calls = []
    fn = calls.append
    assert ev.connect(fn) is fn
    ev.connect(fn)
    ev.emit("a")
    assert calls == ["a"]
    assert ev.disconnect(fn) is True and ev.disconnect(fn) is False
    ev.emit("b")
    assert calls == ["a"]


def test_a_raising_listener_is_logged_with_the_event_name_and_the_others_still_run(caplog):
    ev = Event("device state")
    calls = []

    def broken(value):
        raise RuntimeError("view bug")

    ev.connect(lambda v: calls.append(("before", v)))
    ev.connect(broken)
    ev.connect(lambda v: calls.append(("after", v)))
    with caplog.at_level(logging.ERROR, logger="console.core.events"):
        ev.emit(7)
    assert calls == [("before", 7), ("after", 7)]
    [record] = [r for r in caplog.records if r.name == "console.core.events"]
    assert "'device state'" in record.getMessage() and "broken" in record.getMessage()
    assert record.exc_info and record.exc_info[0] is RuntimeError


def test_a_listener_disconnected_during_an_emit_is_not_called_later_in_it():
    ev = Event("disconnect during emit")
    calls = []

    def last(v):
        calls.append(("last", v))

    def first(v):
        calls.append(("first", v))
        ev.disconnect(last)
        ev.disconnect(first)  # and itself: the emit goes on

    ev.connect(first)
    ev.connect(lambda v: calls.append(("middle", v)))
    ev.connect(last)
    ev.emit(1)
    assert calls == [("first", 1), ("middle", 1)]
    ev.emit(2)
    assert calls == [("first", 1), ("middle", 1), ("middle", 2)]


def test_a_listener_connected_during_an_emit_is_called_from_the_next_emit_on():
    ev = Event("connect during emit")
    calls = []
    late = calls.append

    ev.connect(lambda v: ev.connect(late))
    ev.emit(1)
    assert calls == []
    ev.emit(2)
    assert calls == [2]


def test_connect_and_disconnect_from_other_threads_while_emitting_lose_no_listener():
    ev = Event("threads")
    stable = []
    ev.connect(stable.append)
    stop = threading.Event()

    def churn(n):
        fns = [lambda v, i=i: None for i in range(50)]
        while not stop.is_set():
            for fn in fns:
                ev.connect(fn)
            for fn in fns:
                ev.disconnect(fn)

    workers = [threading.Thread(target=churn, args=(n,), name=f"churn-{n}") for n in range(3)]
    for w in workers:
        w.start()
    try:
        for i in range(5000):
            ev.emit(i)
    finally:
        stop.set()
        for w in workers:
            w.join()
    assert stable == list(range(5000))  # every emit reached the listener that stayed connected
    assert ev.listeners == (stable.append,)
