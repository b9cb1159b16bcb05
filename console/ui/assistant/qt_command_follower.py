"""Follows chosen commands to their terminal state, on the GUI thread: what a view of a few sent
commands (the assistant's Result column) listens to instead of polling the outbox.

The pipeline calls its listeners on the link's network thread and the sweeper's thread
(``CommandPipeline.add_listener``).  The listener here only filters by id (under a lock) and emits
a signal; Qt queues it to this object's (GUI) thread, where ``changed(row)`` is emitted for a
followed command whose state moved forward.  States only move forward (QUEUED → SENT → DELIVERED →
ACCEPTED → terminal): an update that arrives late from the other thread is dropped.  An update that
came before ``follow`` was called (a device that acks before ``submit`` returned) is not lost:
``follow`` reads the command's row from the outbox once more.  A terminal command is forgotten.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.core.commands.outbox import CommandRow
from console.core.protocol import CommandState

log = logging.getLogger(__name__)

_RANK = {CommandState.QUEUED: 0, CommandState.SENT: 1, CommandState.DELIVERED: 2, CommandState.ACCEPTED: 3}


def rank(state: CommandState) -> int:
    return 9 if state.terminal else _RANK.get(state, 0)


class QtCommandFollower(QObject):
    changed = Signal(object)  # CommandRow: a followed command in a later state (GUI thread)
    _arrived = Signal(object)  # CommandRow from the pipeline's threads

    def __init__(self, pipeline: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pipeline = pipeline
        self._lock = threading.Lock()
        self._followed: dict[str, CommandState] = {}  # command id → the state last reported
        self._arrived.connect(self._on_arrived)

        def listener(row: CommandRow) -> None:  # network / sweeper thread: filter and hop, nothing else
            with self._lock:
                if row.id not in self._followed:
                    return
            try:
                self._arrived.emit(row)
            except RuntimeError:  # this object was deleted: its destroyed handler removes us
                pass

        self._listener = listener
        pipeline.add_listener(listener)
        self.destroyed.connect(lambda *_: pipeline.remove_listener(listener))

    def follow(self, row: CommandRow) -> None:
        """Report ``row``'s command from now on (it is in ``row.state`` as far as the caller knows)."""
        if row.state.terminal:
            return
        with self._lock:
            self._followed[row.id] = row.state
        try:
            stored = self.pipeline.outbox.get(row.id)  # what happened before we listened for it
        except Exception:  # noqa: BLE001 - the listener still reports what comes next
            log.exception("could not read command %s back from the outbox", row.id)
            return
        if stored is not None:
            self._on_arrived(stored)

    def following(self) -> list[str]:
        with self._lock:
            return list(self._followed)

    def clear(self) -> None:
        with self._lock:
            self._followed.clear()

    def stop(self) -> None:
        """Stop listening to the pipeline (also done when this object is destroyed)."""
        self.clear()
        self.pipeline.remove_listener(self._listener)

    def _on_arrived(self, row: CommandRow) -> None:  # GUI thread
        with self._lock:
            shown = self._followed.get(row.id)
            if shown is None or rank(row.state) <= rank(shown):
                return
            if row.state.terminal:
                del self._followed[row.id]
            else:
                self._followed[row.id] = row.state
        self.changed.emit(row)
