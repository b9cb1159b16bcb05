"""Reference cycles are collected on the GUI thread only: a network thread that allocates a lot
never runs the collector (it could destroy Qt objects there), the GUI thread's timer does.  The
survivors of a full collection are frozen (a full collection no longer walks the whole heap); frozen
objects that become cyclic garbage are reclaimed by the periodic unfreeze + full collection."""

from __future__ import annotations

import gc
import threading
import time
import weakref

from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from console.ui.shell import qt_gc
from console.ui.shell.qt_app import make_application


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


class Collections:
    """gc.callbacks: the generation and thread of every collection while installed."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self.seen.append((info["generation"], threading.get_ident()))

    def __enter__(self) -> Collections:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc) -> None:
        gc.callbacks.remove(self)

    def generations(self) -> list[int]:
        return [g for g, _ in self.seen]

    def threads(self) -> set[int]:
        return {t for _, t in self.seen}


def drive_to_a_full_collection(collector: qt_gc.MainThreadCollector, kept: list) -> None:
    """Allocate survivors and run the collector's check until it ran a full collection."""
    t0, _t1, _t2 = collector.threshold
    before = collector.full_collections
    for _ in range(5000):
        kept.extend([] for _ in range(t0 + 1))  # tracked objects that survive: they age
        collector.check()
        if collector.full_collections > before:
            return
    raise AssertionError("the counts never reached a full collection")


def test_a_cycle_holding_a_qt_object_is_collected_by_the_gui_thread_not_by_an_allocating_thread(qtbot):
    app = make_application()
    collector = qt_gc.install(app)
    assert qt_gc.install(app) is collector  # once per application
    assert not gc.isenabled() and collector.timer.isActive()

    obj = QObject()  # owned by Python: deleted (C++ too) when the cycle is collected
    obj.me = obj
    ref = weakref.ref(obj)
    del obj

    kept: list = []

    def churn() -> None:  # what paho's thread does all day: allocate container objects
        for i in range(20 * gc.get_threshold()[0]):  # far past the point where the interpreter collects
            kept.append({"i": i})

    with Collections() as collections:
        t = threading.Thread(target=churn, name="churn")
        t.start()
        t.join()
        assert ref() is not None, "the collector ran on the allocating thread"
        qtbot.waitUntil(lambda: ref() is None, timeout=10000)  # the GUI thread's timer collected it
        drive_to_a_full_collection(collector, kept)  # a full collection (and freeze) ...
        collector.reclaim()  # ... and a reclaim: on this thread too
    assert collector.collected > 0
    assert collections.seen and collections.threads() == {threading.main_thread().ident}
    kept.clear()


def test_a_full_collection_freezes_its_survivors_so_the_next_one_walks_only_new_objects(qtbot):
    """A full collection of ~400,000 objects stalled the GUI thread for 350-590 ms every few seconds
    during bench/ingest.py --ha 10000; frozen, they are not walked again."""
    collector = qt_gc.install(make_application())
    kept: list = []
    with Collections() as collections:
        drive_to_a_full_collection(collector, kept)
    assert 2 in collections.generations()
    frozen = gc.get_freeze_count()
    assert frozen > len(kept)  # the survivors, the kept lists among them, are in the permanent generation
    assert len(gc.get_objects(2)) < frozen // 10  # the oldest generation a full collection walks: small

    # a frozen object that then becomes cyclic garbage: a full collection does not see it ...
    node = Node()
    ref = weakref.ref(node)
    kept.append(node)
    del node
    drive_to_a_full_collection(collector, kept)  # the node survived a full collection: frozen
    kept.clear()
    drive_to_a_full_collection(collector, kept)
    assert ref() is not None
    # ... a reclaim does (unfreeze, collect everything, freeze)
    found = collector.reclaim()
    assert ref() is None and found > 0
    assert collector.reclaims >= 1 and collector.reclaimed >= found
    assert gc.get_freeze_count() > 0  # frozen again
    kept.clear()


def test_a_reclaim_waits_for_an_idle_operator_within_its_bound():
    collector = qt_gc.install(make_application())
    saved = collector.last_reclaim, collector.last_input
    # a time whose sums with the bounds are exact (a monotonic reading like 31830.547789166 + 1800 - itself
    # came out a hair under 1800 in CI, and the bound's own boundary check failed)
    t = collector.last_reclaim = 1024.0
    collector.last_input = t
    assert not collector.reclaim_due(t + collector.reclaim_s - 1)  # not yet
    assert collector.reclaim_due(t + collector.reclaim_s + collector.idle_s)  # due, nobody typing
    collector.last_input = t + collector.reclaim_s  # the operator is busy
    assert not collector.reclaim_due(t + collector.reclaim_s + collector.idle_s / 2)
    assert collector.reclaim_due(t + collector.reclaim_s + collector.idle_s)  # idle again
    collector.last_input = t + collector.reclaim_max_s  # busy all the time: the bound still holds
    assert collector.reclaim_due(t + collector.reclaim_max_s)
    collector.last_reclaim, collector.last_input = saved


def test_frozen_cyclic_garbage_is_reclaimed_by_the_timer_once_the_bound_passed(qtbot):
    collector = qt_gc.install(make_application())
    kept: list = []
    obj = QObject()
    obj.me = obj
    ref = weakref.ref(obj)
    kept.append(obj)
    del obj
    drive_to_a_full_collection(collector, kept)  # frozen
    kept.clear()
    gc.collect()  # what any other full collection does: frozen objects are not looked at
    assert ref() is not None
    reclaims = collector.reclaims
    collector.last_reclaim = time.monotonic() - collector.reclaim_max_s  # the bound has passed
    collector.last_input = time.monotonic()  # even with an operator at work
    qtbot.waitUntil(lambda: ref() is None, timeout=10000)  # the timer reclaimed it
    assert collector.reclaims == reclaims + 1


def test_key_presses_in_a_window_count_as_the_operator_at_work(qtbot):
    collector = qt_gc.install(make_application())
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    collector.last_input = before = time.monotonic() - 1000
    qtbot.waitUntil(lambda: edit.windowHandle() is not None, timeout=10000)

    def type_a_key() -> bool:  # through the window, as the platform delivers it
        QTest.keyClick(edit.windowHandle(), Qt.Key.Key_A)
        return collector.last_input > before

    qtbot.waitUntil(type_a_key, timeout=10000)  # seen once the timer has put its filter on the window
    assert edit.text().startswith("a")  # the key went on to the widget: the filter only looks


def test_a_burst_of_survivors_brings_the_full_collection_forward(qtbot):
    """Thousands of configs discovered at once: a full collection once pending_max objects survived
    middle collections, not threshold[2] middle collections later, so none walks the whole burst."""
    collector = qt_gc.install(make_application())
    kept: list = []
    drive_to_a_full_collection(collector, kept)  # counts start from a full collection
    assert collector.pending == 0
    t0, t1, t2 = collector.threshold
    collector.pending_max = 3 * (t0 + 1)  # three young collections' worth of survivors
    counts = []
    before = collector.full_collections
    try:
        for _ in range(5000):
            kept.extend([] for _ in range(t0 + 1))
            counts.append(gc.get_count())
            collector.check()
            if collector.full_collections > before:
                break
        assert collector.full_collections > before
        assert counts[-1][2] <= t2  # the interpreter's counter had not asked for it yet
        assert collector.pending == 0
    finally:
        collector.pending_max = qt_gc.PENDING_MAX
        kept.clear()
