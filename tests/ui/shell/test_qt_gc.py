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
