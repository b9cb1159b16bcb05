"""The watcher of one remote request: a small thread that polls ``should_stop`` and the request
deadline while the engine's own thread is blocked on the network, and aborts the request (shuts its
socket down, so a blocked read returns at once) when either fires.  Its thread is named
``remote-watch`` and is joined when the request ends."""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from console.core.inference.types import StopCheck

log = logging.getLogger(__name__)

WATCH_INTERVAL_S = 0.05


class Watcher:
    """``reason`` is None until the watcher fires, then ``cancelled`` or ``deadline``; it is set
    before ``abort`` is called, so a failure that the abort caused can be told from a real one."""

    def __init__(self, should_stop: StopCheck, deadline: float, abort: Callable[[], None]) -> None:
        self.reason: str | None = None
        self._should_stop = should_stop
        self._deadline = deadline
        self._abort = abort
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="remote-watch", daemon=True)

    def __enter__(self) -> Watcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._done.wait(WATCH_INTERVAL_S):
            try:
                stop = bool(self._should_stop())
            except Exception:  # a broken callback must not kill the watcher
                log.exception("should_stop raised")
                stop = False
            if stop or time.perf_counter() >= self._deadline:
                self.reason = "cancelled" if stop else "deadline"
                self._abort()
                return
