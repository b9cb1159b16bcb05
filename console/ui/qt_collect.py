"""The core's collect hook answered on the GUI thread: a worker's garbage collection runs there.

Owns: :class:`QtCollectBridge`, one per application, set as ``torch_memory.set_collect_hook``.
The model worker frees a model on its own thread and wants a full collection before it hands
memory back (``torch_memory.collect_garbage``); a collection there could finalize Qt objects off the
GUI thread (``console/ui/shell/qt_gc.py`` says why that crashes), so the bridge posts the request
to the GUI thread, where the application's collector runs it (``qt_gc``'s ``reclaim``: unfreeze,
collect everything, freeze, which also reaches a model that had been frozen with the long-lived
heap), and waits for it.

Threads: ``collect`` runs on any thread; ``_serve`` on the GUI thread.  A call from the GUI thread
collects at once.  While the GUI thread itself waits for the worker (``gui_waits()`` around a join:
the model panel stopping its worker), it runs no Qt code and cannot serve a queued request, so the
worker collects on its own thread then instead of waiting into a deadlock.  A request not served
within ``wait_s`` (a GUI busy for that long) is given up: False, nothing collected on the worker
(reference counting has freed most of it; the GUI's next collection takes the rest).  Lock: only
``_lock`` around the waiting counter.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from PySide6.QtCore import QObject, QThread, Signal

from console.core.inference.torch_memory import get_collect_hook, set_collect_hook

WAIT_S = 10.0  # how long a worker waits for the GUI thread's collection before it gives up
POLL_S = 0.05  # how often a waiting worker looks whether the GUI thread has started waiting for it


class QtCollectBridge(QObject):
    """Runs ``collect`` (the GUI-thread collector's full collection) for any thread that asks."""

    _asked = Signal(object)  # a threading.Event, set once the GUI thread has collected

    def __init__(self, collect: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._collect = collect
        self.wait_s = WAIT_S
        self.served = 0  # collections run on the GUI thread for another thread
        self.direct = 0  # collections run by the asking thread while the GUI thread waited for it
        self.given_up = 0  # requests not served within wait_s
        self._lock = threading.Lock()
        self._gui_waiting = 0
        self._asked.connect(self._serve)  # auto: queued from another thread

    def _serve(self, done: threading.Event) -> None:
        try:
            if not done.is_set():  # the asker may have collected itself meanwhile
                self._collect()
                self.served += 1
        finally:
            done.set()

    def collect(self) -> bool:
        """The core's collect hook: True once a full collection ran, False when it was given up."""
        if QThread.currentThread() is self.thread():
            self._collect()
            return True
        done = threading.Event()
        self._asked.emit(done)
        deadline = time.monotonic() + self.wait_s
        while not done.wait(POLL_S):
            if self._gui_waiting:  # the GUI thread is blocked on us: no Qt code runs there now
                done.set()
                self._collect()
                self.direct += 1
                return True
            if time.monotonic() > deadline:
                self.given_up += 1
                return False
        return True

    @contextmanager
    def gui_waits(self) -> Iterator[None]:
        """Around a GUI-thread wait for a thread that may ask for a collection (a worker's join)."""
        with self._lock:
            self._gui_waiting += 1
        try:
            yield
        finally:
            with self._lock:
                self._gui_waiting -= 1


_bridge: QtCollectBridge | None = None


def install(collect: Callable[[], object], app: QObject) -> QtCollectBridge:
    """Once per application: the core's collect hook asks ``collect`` on ``app``'s (the GUI) thread.
    The hook is taken back when ``app`` (and so the bridge) is destroyed."""
    global _bridge
    if _bridge is None or _bridge.parent() is not app:
        bridge = _bridge = QtCollectBridge(collect, app)
        hook = bridge.collect
        set_collect_hook(hook)

        def forget() -> None:  # refers to the hook only: the bridge's C++ object is gone by now
            global _bridge
            if get_collect_hook() is hook:
                set_collect_hook(None)
                _bridge = None

        bridge.destroyed.connect(forget)
    return _bridge


@contextmanager
def gui_waits() -> Iterator[None]:
    """The installed bridge's ``gui_waits`` (nothing to do without one)."""
    bridge = _bridge
    if bridge is None:
        yield
        return
    with bridge.gui_waits():
        yield
