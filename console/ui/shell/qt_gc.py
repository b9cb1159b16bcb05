"""Python's cycle collector, on the GUI thread only.

The console runs paho's network threads, the model worker and the doctor beside Qt.  Python collects
reference cycles in whichever thread happens to allocate when a threshold is crossed; if a cycle
holds a Qt wrapper (a closed dialog, a finished panel's helper), its C++ object is then destroyed on a
network thread while the GUI thread may be using Qt — a crash (seen here as a segfault in
``gc`` under paho's ``on_message``).  So automatic collection is switched off and the same
generational policy runs from a timer on the GUI thread.  pyqtgraph ships the same idea
(``pyqtgraph.util.garbage_collector``); importing pyqtgraph before the first paint costs start-up
time, so this is the dozen lines it needs.

Two things keep the collections short while thousands of messages a second arrive (bench/ingest.py
--ha 10000: a 500 ms period let 5,000-20,000 young objects pile up, 5-15 ms per collection, and the
full collection of ~400,000 long-lived objects took 250 ms of CPU, 350-590 ms of wall time):
collections run every 100 ms, so each young generation is small; and the oldest generation is
collected (checked at each middle collection) only when it has grown by a quarter since its last full collection: CPython's own rule
(``long_lived_pending < long_lived_total / 4``, gcmodule.c, which ``gc.collect(2)`` skips), then
checked against the generation's real size, since at a steady 2,500 messages/s the survivors that
rule counts are mostly replaced a second later and it fired every ~15 s.  Cycles that become garbage
in the oldest generation still count towards its size: they are collected once they are a quarter.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 100


class MainThreadCollector(QObject):
    def __init__(self, app: QCoreApplication, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(app)
        self.threshold = gc.get_threshold()
        self.collected = 0
        # CPython's counters for the full collection: objects that reached the oldest generation since
        # the last full collection, and the oldest generation's size after it
        self.long_lived_pending = 0
        self.long_lived_total = 0
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """What the interpreter would have done, only here: the youngest generation when it is
        over its threshold, the middle one when its is too, the oldest when it grew by a quarter."""
        c0, c1, _ = gc.get_count()
        t0, t1, _ = self.threshold
        if c0 <= t0:
            return
        # the oldest generation is not made to wait for t2 middle collections (~12 s): its growth decides,
        # so after a burst of new objects (thousands of discovered devices) it is collected within a second
        # or two, not 12 s later in the middle of the traffic that follows
        gen = 2 if c1 > t1 else 0
        if gen == 2 and self.long_lived_pending < self.long_lived_total // 4:
            gen = 1  # the interpreter's rule: a full collection only once the old objects grew by 1/4
        elif gen == 2 and self.long_lived_total:
            # The survivors counted above are mostly objects replaced soon after (a device's record at
            # each state message): the oldest generation's real growth decides (~10 ms to count 400,000)
            grown = len(gc.get_objects(2)) - self.long_lived_total
            if grown < self.long_lived_total // 4:
                self.long_lived_pending = max(0, grown)
                gen = 1
        if gen == 1:
            young = len(gc.get_objects(0)) + len(gc.get_objects(1))
            found = gc.collect(1)
            self.long_lived_pending += max(0, young - found)  # the survivors moved to the oldest
        else:
            found = gc.collect(gen)
            if gen == 2:
                self.long_lived_pending = 0
                self.long_lived_total = len(gc.get_objects(2))
        self.collected += found


_installed: MainThreadCollector | None = None


def install(app: QCoreApplication) -> MainThreadCollector:
    """Once per application (later calls return the same collector)."""
    global _installed
    if _installed is None or _installed.parent() is not app:
        _installed = MainThreadCollector(app)
    return _installed
