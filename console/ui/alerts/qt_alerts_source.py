"""The alert engine seen from the GUI thread: its events (any thread) batched into Qt signals.

``engine.changed`` and ``actions.proposed`` fire on the network and ticker threads; this object only
notes what came (under a lock) and, on a 250 ms timer on the GUI thread, emits ``changed()`` once,
``raised(list)`` with the alerts that became active since the last frame (the banner and the
desktop notification) and ``proposals()`` when a rule's command waits for the operator.  A storm of
thousands of alerts is one repaint a frame, never one signal per alert.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.alerts.store import AlertState


class QtAlertsSource(QObject):
    changed = Signal()
    raised = Signal(list)  # [Alert] that became active since the last frame
    proposals = Signal()

    def __init__(self, alerts, parent: QObject | None = None, interval_ms: int = 250) -> None:
        super().__init__(parent)
        self.alerts = alerts
        self.engine = alerts.engine
        self._lock = threading.Lock()
        self._dirty = False
        self._new: list = []
        self._proposed = False
        self._told: set[str] = set()
        self.engine.changed.connect(self._on_changed)
        if self.engine.actions is not None:
            self.engine.actions.proposed.connect(self._on_proposed)
        self.engine.rules_changed.connect(self._on_rules)
        self.others = getattr(alerts, "others", None)  # share.OtherAlerts: the other consoles' alerts
        if self.others is not None:
            self.others.changed.connect(self._on_rules)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)
        self._timer.start()

    def _on_changed(self, alert) -> None:  # any thread
        with self._lock:
            self._dirty = True
            if alert.state is AlertState.ACTIVE and alert.acked_at is None and len(self._new) < 1000:
                self._new.append(alert)

    def _on_proposed(self, proposal) -> None:  # any thread
        with self._lock:
            self._proposed = True

    def _on_rules(self, _what) -> None:  # the rules, or another console's alerts, changed
        with self._lock:
            self._dirty = True

    def flush(self) -> None:
        with self._lock:
            dirty, new, proposed = self._dirty, self._new, self._proposed
            self._dirty, self._new, self._proposed = False, [], False
        fresh = []
        for a in new:  # an alert changes again when its action is noted: told once
            if a.id not in self._told:
                self._told.add(a.id)
                fresh.append(a)
        if len(self._told) > 50_000:
            self._told.clear()
        if dirty:
            self.changed.emit()
        if fresh:
            self.raised.emit(fresh)
        if proposed:
            self.proposals.emit()

    def shutdown(self) -> None:
        self._timer.stop()
        self.engine.changed.disconnect(self._on_changed)
        self.engine.rules_changed.disconnect(self._on_rules)
        if self.others is not None:
            self.others.changed.disconnect(self._on_rules)
        if self.engine.actions is not None:
            self.engine.actions.proposed.disconnect(self._on_proposed)
