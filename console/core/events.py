"""One small event type for the Qt-free core: ``Event.connect(fn)`` / ``disconnect(fn)`` / ``emit(*args)``.

In the spirit of napari's ``EventEmitter``, without its machinery: an event has a name and a list of
listeners, called in the order they connected, on the emitting thread.  A listener that raises is
logged with the event's name and never stops the others, nor the thread that emits (the MQTT link's
network thread emits most of them: a view's bug must not stop the traffic).

Thread safety: connect/disconnect may run on any thread while another emits.  The list is
copy-on-write (a tuple replaced under a lock), so ``emit`` reads it without locking.  A listener
connected during an emit is called from the next emit on; one disconnected during an emit is not
called again, not even later in that same emit.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable

log = logging.getLogger(__name__)

Listener = Callable[..., object]


class Event:
    """A named event; ``emit(*args)`` calls every connected listener with ``args``."""

    __slots__ = ("name", "_listeners", "_lock")

    def __init__(self, name: str) -> None:
        self.name = name
        self._listeners: tuple[Listener, ...] = ()
        self._lock = threading.Lock()

    def connect(self, fn: Listener) -> Listener:
        """Call ``fn`` on every emit from now on (once, even if connected twice); returns ``fn``."""
        with self._lock:
            if fn not in self._listeners:
                self._listeners = self._listeners + (fn,)
        return fn

    def disconnect(self, fn: Listener) -> bool:
        """Stop calling ``fn`` (a bound method may be given again: equal ones match); False if absent."""
        with self._lock:
            if fn not in self._listeners:
                return False
            self._listeners = tuple(f for f in self._listeners if f != fn)
            return True

    @property
    def listeners(self) -> tuple[Listener, ...]:
        return self._listeners

    def emit(self, *args: object) -> None:
        listeners = self._listeners
        for fn in listeners:
            if self._listeners is not listeners and fn not in self._listeners:
                continue  # disconnected by an earlier listener of this emit
            try:
                fn(*args)
            except Exception:  # noqa: BLE001 - one listener's bug must not stop the others
                log.exception("listener %s of event %r failed", _name(fn), self.name)

    def __repr__(self) -> str:
        return f"<Event {self.name!r}: {len(self._listeners)} listener(s)>"


def _name(fn: Listener) -> str:
    return getattr(fn, "__qualname__", None) or repr(fn)
