"""Python's cycle collector, on the GUI thread only, with the long-lived heap frozen.

Owns: the interpreter's automatic collection (switched off here) and ``gc.freeze()``'s permanent
generation.  Threads: everything here runs on the GUI thread (a QTimer and event filters on
top-level windows); no lock.

Why the GUI thread.  The console runs paho's network threads, the model worker and the doctor
beside Qt.  Python collects reference cycles in whichever thread happens to allocate when a
threshold is crossed; if a cycle holds a Qt wrapper (a closed dialog, a finished panel's helper),
its C++ object is then destroyed on a network thread while the GUI thread may be using Qt — a
crash (seen here as a segfault in ``gc`` under paho's ``on_message``).  So automatic collection is
switched off and the interpreter's generational policy runs from a 100 ms timer on the GUI thread
(every 100 ms so that each young generation stays small at thousands of messages a second; the
middle generation every ``MIDDLE_EVERY`` = 3 young collections instead of the interpreter's 10, so
each walks ~0.4 s of survivors: 5-20 ms here instead of 15-70 ms).
pyqtgraph ships the same idea (``pyqtgraph.util.garbage_collector``); importing pyqtgraph before
the first paint costs start-up time, so this is the few lines it needs.

Why freeze. A full collection walks every tracked object: with 10,000 discovered entities
(bench/ingest.py --ha 10000, ~370,000 objects) that is 250-400 ms of CPU, and even counting the
oldest generation (``len(gc.get_objects(2))``, which the previous version did at each middle
collection) cost ~10 ms. So after each full collection everything that survived it is moved to the
permanent generation with ``gc.freeze()`` (CPython's documented technique;
``gc.get_freeze_count()``). A later full collection walks only what reached the oldest generation
since the last one and is still alive, so it costs in proportion to the *new* long-lived objects,
not the heap. It runs on the interpreter's own counter (more than ``threshold[2]`` = 10 middle
collections since the last full one, ``gc.get_count()[2]``: ~4 s here), which walks nothing, or
sooner once ``PENDING_MAX`` (100,000) objects survived middle collections since the last one
(counted at each middle collection from the young generations' sizes, a few thousand objects), so
that a burst (10,000 configs discovered at connect) is not walked in one heap-sized pause. Measured
(bench, 5 runs): the longest timer call per run 88-116 ms, instead of 340-460 ms (3 runs of the
previous version, same hour). Full collections every 20,000 survivors (~1.5 s) gave 25-50 ms pauses
but so many of them that stall p99 was worse (50-64 ms, 3 runs), and froze objects younger, more of
which became garbage while frozen. What start-up left when the collector is installed (modules,
classes, the first widgets) is frozen at once, uncollected. CPython's extra "old generation grew by
a quarter" rule is not needed: it exists to keep full collections of a large heap rare, and the
frozen heap is no longer walked. Frozen objects freed by reference counting (most of them: a
device's state replaced every second) are freed at once as always; freezing only stops the *cycle*
collector from looking at them.

The trade-off: a frozen object that later becomes part of a garbage *cycle* (a dialog closed hours
after start-up, a device removed from the fleet whose records point at each other) is not collected
until it is unfrozen. That happens in a *reclaim*: ``gc.unfreeze()``, a full collection of
everything, ``gc.freeze()`` — one pause in proportion to the whole heap (230-410 ms at the bench's
~370,000 objects, finding 90-5,400 frozen objects that had become garbage in ~35 s). A reclaim runs
once ``RECLAIM_S`` (10 min) have passed since the last one and the operator has not touched any
window (key, mouse, wheel, touch) for ``IDLE_S`` (5 s), so the pause falls where nobody is typing or
clicking; an operator who never stops has it at most ``RECLAIM_MAX_S`` (30 min) after the last one.
So frozen cyclic garbage lives at most 30 min (10 min on an unattended console): at the bench's rate
(typically a few hundred objects in 35 s, once 5,400) at most ~250,000 objects (~25 MB) before a
reclaim frees them; and the heap-sized pause is ~0.1% of GUI time instead of one every few seconds.
Activity is seen by event filters on the top-level windows (found once a second), not on the
application, which would put a Python call (~4 µs) in front of every event of the GUI thread.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication

INTERVAL_MS = 100
PENDING_MAX = 100_000  # a full collection once this many survived middle collections (a burst)
MIDDLE_EVERY = 3  # a middle collection every this many young ones (the interpreter's threshold[1] is 10)
RECLAIM_S = 600.0  # a reclaim (unfreeze + full collection of everything) at most this often ...
IDLE_S = 5.0  # ... once nobody has touched a window for this long ...
RECLAIM_MAX_S = 1800.0  # ... or regardless, this long after the last one

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


class MainThreadCollector(QObject):
    def __init__(self, app: QCoreApplication, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(app)
        t0, t1, t2 = gc.get_threshold()
        self.threshold = (t0, min(t1, MIDDLE_EVERY), t2)
        self.collected = 0  # objects found unreachable, in all collections
        self.full_collections = 0  # of the unfrozen objects, each followed by gc.freeze()
        self.reclaims = 0  # unfreeze + full collection of everything + freeze
        self.reclaimed = 0  # objects found by the reclaims
        # survivors of middle collections since the last full one (an upper bound of what the next
        # full collection walks: many are freed by reference counting meanwhile)
        self.pending = 0
        self.pending_max = PENDING_MAX
        self.reclaim_s, self.idle_s, self.reclaim_max_s = RECLAIM_S, IDLE_S, RECLAIM_MAX_S
        now = time.monotonic()
        self.last_reclaim = now
        self.last_input = now
        self._ticks = 0
        gc.disable()
        gc.freeze()  # what start-up left (modules, classes): not walked until the first reclaim
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False

    def _watch_windows(self) -> None:
        """Our event filter on every top-level window (once a second: windows come and go; installing
        it again is a no-op for Qt): the operator's input reaches these first."""
        self._ticks += 1
        if self._ticks % 10 != 1 or not isinstance(QCoreApplication.instance(), QGuiApplication):
            return
        for w in QGuiApplication.topLevelWindows():
            w.installEventFilter(self)

    def reclaim_due(self, now: float) -> bool:
        since = now - self.last_reclaim
        if since >= self.reclaim_max_s:
            return True
        return since >= self.reclaim_s and now - self.last_input >= self.idle_s

    def check(self) -> None:
        """What the interpreter would have done, only here and never walking the frozen heap: the
        youngest generation when it is over its threshold, the middle one when its count is too,
        the oldest (unfrozen part) when the middle one was collected threshold[2] times; first a
        reclaim when one is due.  Also a full collection once ``pending_max`` objects survived
        middle collections since the last one (a burst: thousands of devices discovered), so
        that no full collection walks more than about that many."""
        self._watch_windows()
        now = time.monotonic()
        if self.reclaim_due(now):
            self.reclaim(now)
            return
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if c0 <= t0:
            return
        gen = 0 if c1 <= t1 else 1 if c2 <= t2 and self.pending <= self.pending_max else 2
        if gen == 1:
            young = len(gc.get_objects(0)) + len(gc.get_objects(1))  # a few thousand: well under 1 ms
            found = gc.collect(1)
            self.pending += max(0, young - found)  # survivors moved to the oldest generation
        else:
            found = gc.collect(gen)
        self.collected += found
        if gen == 2:
            gc.freeze()  # the survivors of a full collection: not walked again until a reclaim
            self.pending = 0
            self.full_collections += 1

    def reclaim(self, now: float | None = None) -> int:
        """Frozen objects that became cyclic garbage: unfreeze, collect everything, freeze again."""
        gc.unfreeze()
        found = gc.collect(2)
        gc.freeze()
        self.collected += found
        self.reclaimed += found
        self.reclaims += 1
        self.pending = 0
        self.last_reclaim = time.monotonic() if now is None else now
        return found


_installed: MainThreadCollector | None = None


def install(app: QCoreApplication) -> MainThreadCollector:
    """Once per application (later calls return the same collector)."""
    global _installed
    if _installed is None or _installed.parent() is not app:
        _installed = MainThreadCollector(app)
    return _installed
