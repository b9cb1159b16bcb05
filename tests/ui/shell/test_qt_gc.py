"""Reference cycles are collected on the GUI thread only: a network thread that allocates a lot
never runs the collector (it could destroy Qt objects there), the GUI thread's timer does."""

from __future__ import annotations

import gc
import threading
import weakref

from console.ui.shell import qt_gc
from console.ui.shell.qt_app import make_application


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_cycles_are_collected_by_the_gui_thread_not_by_an_allocating_thread(qtbot):
    app = make_application()
    collector = qt_gc.install(app)
    assert qt_gc.install(app) is collector  # once per application
    assert not gc.isenabled() and collector.timer.isActive()

    node = Node()
    ref = weakref.ref(node)
    del node

    kept: list = []

    def churn() -> None:  # what paho's thread does all day: allocate container objects
        for i in range(20 * gc.get_threshold()[0]):  # far past the point where the interpreter collects
            kept.append({"i": i})

    t = threading.Thread(target=churn, name="churn")
    t.start()
    t.join()
    assert ref() is not None, "the collector ran on the allocating thread"
    qtbot.waitUntil(lambda: ref() is None, timeout=5000)  # the GUI thread's timer collected it
    assert collector.collected > 0
    kept.clear()


def drive_to_a_full_collection_check(collector: qt_gc.MainThreadCollector, kept: list) -> list[int]:
    """Allocate survivors and run the collector's check until a check finds every generation over its
    threshold (where the interpreter considers a full collection); the generations it collected."""
    t0, t1, _t2 = collector.threshold
    seen: list[int] = []

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(record)
    try:
        for _ in range(5000):
            kept.extend([] for _ in range(t0 + 1))  # tracked objects that survive: they age
            c0, c1, _c2 = gc.get_count()
            full_due = c0 > t0 and c1 > t1  # the collector lets growth, not t2, decide on the oldest
            collector.check()
            if full_due:
                return seen
    finally:
        gc.callbacks.remove(record)
    raise AssertionError("the counts never reached a full collection")


def test_a_full_collection_waits_until_the_old_objects_grew_by_a_quarter(qtbot):
    """CPython's rule (long_lived_pending < long_lived_total / 4 skips the full collection), checked
    against the oldest generation's real size: a full collection of a large heap stalled the GUI
    thread for 350-590 ms every few seconds during bench/ingest.py --ha 10000."""
    collector = qt_gc.install(make_application())
    kept: list = []
    collector.long_lived_pending = 0
    collector.long_lived_total = 10**9  # a huge heap that has hardly grown
    seen = drive_to_a_full_collection_check(collector, kept)
    assert 2 not in seen and seen[-1] == 1  # the middle generation instead
    assert collector.long_lived_pending > 0  # the survivors moved to the oldest generation are counted

    # many survivors counted, but the oldest generation is no larger than now: still no full collection
    collector.long_lived_total = len(gc.get_objects(2))
    collector.long_lived_pending = collector.long_lived_total
    seen = drive_to_a_full_collection_check(collector, kept)
    assert seen[-1] == 1
    assert collector.long_lived_pending < collector.long_lived_total // 4  # its real growth instead

    # the oldest generation really grew (twice its size at the last full collection): collected
    collector.long_lived_total = max(1, len(gc.get_objects(2)) // 2)
    collector.long_lived_pending = collector.long_lived_total
    seen = drive_to_a_full_collection_check(collector, kept)
    assert seen[-1] == 2
    assert collector.long_lived_pending == 0
    assert collector.long_lived_total > 0  # the oldest generation's size after it
    kept.clear()
