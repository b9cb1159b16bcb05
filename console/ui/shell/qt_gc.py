"""Python's cycle collector, on the GUI thread only.

The console runs paho's network threads, the model worker and the doctor beside Qt.  Python collects
reference cycles in whichever thread happens to allocate when a threshold is crossed; if a cycle
holds a Qt wrapper (a closed dialog, a finished panel's helper), its C++ object is then destroyed on a
network thread while the GUI thread may be using Qt — a crash (seen here as a segfault in
``gc`` under paho's ``on_message``).  So automatic collection is switched off and the same
generational policy runs from a timer on the GUI thread.  pyqtgraph ships the same idea
(``pyqtgraph.util.garbage_collector``); importing pyqtgraph before the first paint costs start-up
time, so this is the dozen lines it needs.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, app: QCoreApplication, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(app)
        self.threshold = gc.get_threshold()
        self.collected = 0
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """What the interpreter would have done, only here: the youngest generation when it is
        over its threshold, the older ones when theirs are too."""
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if c0 > t0:
            gen = 2 if (c1 > t1 and c2 > t2) else 1 if c1 > t1 else 0
            self.collected += gc.collect(gen)


_installed: MainThreadCollector | None = None


def install(app: QCoreApplication) -> MainThreadCollector:
    """Once per application (later calls return the same collector)."""
    global _installed
    if _installed is None or _installed.parent() is not app:
        _installed = MainThreadCollector(app)
    return _installed
