"""Ctrl+C and SIGTERM in the terminal close the console as Quit does.

While ``app.exec()`` runs, Python only regains control when Qt calls back into it, so a Python
signal handler alone would wait for the next mouse move.  ``QtQuitOnSignals`` points
``signal.set_wakeup_fd`` at one end of a socket pair and watches the other with a
``QSocketNotifier``: the C-level handler writes a byte, the notifier fires on the GUI thread, and the
Python handler (which ran there in between) has asked the application to quit.  The same quit path
as the File menu's Quit follows: ``aboutToQuit`` → the console closes → the services stop → the
embedded broker is stopped.  A second signal while closing ends the process at once (the broker
then dies through PR_SET_PDEATHSIG, console.core.demo.supervisor).

``uninstall()`` puts the previous handlers and wakeup fd back (run_gui calls it after ``exec``).
"""

from __future__ import annotations

import logging
import os
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class QtQuitOnSignals(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.received: list[int] = []
        self._rsock, self._wsock = socket.socketpair()
        for s in (self._rsock, self._wsock):
            s.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._wsock.fileno(), warn_on_full_buffer=False)
        self._old = {sig: signal.signal(sig, self._on_signal) for sig in SIGNALS}
        self._notifier = QSocketNotifier(self._rsock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        """Runs on the GUI thread; merely running Python here lets the pending handler run."""
        try:
            while self._rsock.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def _on_signal(self, signum: int, frame) -> None:
        self.received.append(signum)
        if len(self.received) > 1:  # a second Ctrl+C: the close hangs, or the operator insists
            log.warning("%s again while closing: exiting now", signal.Signals(signum).name)
            os._exit(128 + signum)
        log.info("%s: closing the console", signal.Signals(signum).name)
        QTimer.singleShot(0, self._app.quit)  # also right when exec() starts, if it has not yet

    def uninstall(self) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)
        signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)
        self._rsock.close()
        self._wsock.close()
