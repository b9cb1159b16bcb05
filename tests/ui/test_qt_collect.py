"""The model worker's garbage collection runs on the GUI thread (console/ui/qt_collect.py): a worker
thread's ``free_torch_memory`` finalizes cyclic garbage on the GUI thread, not its own; while the
GUI thread waits for that worker (a join) the worker collects itself instead of deadlocking; a
request the GUI does not serve in time is given up, never collected on the worker."""

from __future__ import annotations

import threading

import pytest

from console.core.inference.torch_memory import collect_garbage, free_torch_memory
from console.ui import qt_collect
from console.ui.shell.qt_app import make_application
from tests.core.inference.test_torch_memory_collect import _Cycle


@pytest.fixture
def bridge(qtbot):
    app = make_application()
    bridge = qt_collect.install(lambda: None, app)  # the one make_application installed
    assert qt_collect.install(lambda: None, app) is bridge
    wait_s = bridge.wait_s
    yield bridge
    bridge.wait_s = wait_s


def _worker(fn) -> threading.Thread:
    t = threading.Thread(target=fn, name="model-worker-test")
    t.start()
    return t


def test_a_worker_collection_runs_on_the_gui_thread(qtbot, bridge):
    seen: list[str] = []
    served = bridge.served
    _Cycle(seen)
    done = threading.Event()
    t = _worker(lambda: (free_torch_memory(), done.set()))
    qtbot.waitUntil(done.is_set, timeout=30000)
    t.join(30)
    assert seen == ["MainThread"] and bridge.served == served + 1


def test_while_the_gui_thread_joins_the_worker_the_worker_collects(qtbot, bridge):
    bridge.wait_s = 600.0  # only the gui_waits path can end the join below in time
    seen: list[str] = []
    direct = bridge.direct
    _Cycle(seen)
    t = _worker(free_torch_memory)
    with qt_collect.gui_waits():
        t.join(60)
    assert not t.is_alive()
    assert seen == ["model-worker-test"] and bridge.direct == direct + 1
    served = bridge.served
    qtbot.wait(50)  # the queued request, already answered, runs no second collection
    assert bridge.served == served


def test_an_unserved_request_is_given_up_and_served_later_on_the_gui_thread(qtbot, bridge):
    bridge.wait_s = 0.2
    seen: list[str] = []
    given_up = bridge.given_up
    _Cycle(seen)
    results: list[bool] = []
    t = _worker(lambda: results.append(collect_garbage()))
    t.join(60)  # the GUI thread processes no events meanwhile
    assert not t.is_alive() and results == [False] and bridge.given_up == given_up + 1 and seen == []
    qtbot.waitUntil(lambda: seen == ["MainThread"], timeout=10000)


def test_the_hook_is_taken_back_with_its_application_object(qtbot, bridge):
    from PySide6.QtCore import QObject

    from console.core.inference.torch_memory import get_collect_hook

    parent = QObject()
    other = qt_collect.install(lambda: None, parent)
    try:
        assert other is not bridge and get_collect_hook() == other.collect
        with qtbot.waitSignal(other.destroyed, timeout=10000):
            parent.deleteLater()
        assert get_collect_hook() is None and qt_collect._bridge is None
    finally:
        make_application()  # the application's bridge again
    assert get_collect_hook() is not None and qt_collect._bridge is not None
