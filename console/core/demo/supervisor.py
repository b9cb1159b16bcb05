"""A child process (the embedded broker) that dies with the console and, if asked, comes back.

``ProcessSupervisor`` owns one subprocess and one daemon thread, ``broker-watchdog-<name>``:
- the thread starts the process and then waits for it, so it lives exactly as long as the process
  is supervised.  On Linux the child asks the kernel for ``PR_SET_PDEATHSIG`` (SIGKILL), which fires
  when the *thread* that forked it ends: a short-lived starter thread would kill the broker at once,
  this one ends only on ``stop()`` or with the whole console (SIGKILL, a crash), taking the broker
  along;
- when the process exits and nobody asked for it, the exit is logged and, with ``restart=True``,
  the same command starts again after a back-off (0.5 s doubling to 5 s, back to 0.5 s after a run
  of 10 s);
- ``atexit`` stops every supervisor still running, for exits that skip the owner's ``stop()``.

States: starting → running ⇄ (restarting) → stopped.  ``_proc`` and ``_stopping`` change under
``_lock``; ``stop()`` sets ``_stopping`` first, so the thread never restarts what was stopped, and a
process spawned while ``stop()`` runs is terminated by the thread itself.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
_live: weakref.WeakSet[ProcessSupervisor] = weakref.WeakSet()


def _pdeathsig_preexec() -> Callable[[], None] | None:
    """The child's first act (after fork, before exec): die with SIGKILL when its forking thread ends."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def preexec() -> None:  # nothing here may take a lock: other threads of ours run during the fork
        prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        if os.getppid() != parent:  # the console died before prctl: go too
            os._exit(1)

    return preexec


class ProcessSupervisor:
    def __init__(self, cmd: list[str], *, name: str, cwd: Path, output: IO[bytes], restart: bool = False,
                 on_spawn: Callable[[subprocess.Popen | None], None] | None = None) -> None:
        self.cmd, self.name, self.cwd, self.output = cmd, name, cwd, output
        self.restart = restart
        self.restarts = 0  # unexpected exits that were restarted
        self._on_spawn = on_spawn or (lambda proc: None)
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._stopping = False
        self._wake = threading.Event()  # set by stop(): cuts a back-off short
        self._first = threading.Event()
        self._first_error: OSError | None = None
        self._thread: threading.Thread | None = None

    @property
    def proc(self) -> subprocess.Popen | None:
        with self._lock:
            return self._proc

    def start(self, timeout: float = 10.0) -> subprocess.Popen:
        """Spawn on the supervisor thread; returns the process (raises OSError if it cannot run)."""
        self._thread = threading.Thread(target=self._run, name=f"broker-watchdog-{self.name}", daemon=True)
        self._thread.start()
        if not self._first.wait(timeout):
            raise OSError(f"{self.name} was not spawned within {timeout:g} s")
        if self._first_error is not None:
            raise self._first_error
        _live.add(self)
        proc = self.proc
        assert proc is not None
        return proc

    def _spawn(self) -> subprocess.Popen:
        return subprocess.Popen(self.cmd, stdout=self.output, stderr=subprocess.STDOUT, cwd=self.cwd,
                                preexec_fn=_pdeathsig_preexec(), close_fds=True)

    def _run(self) -> None:
        backoff = 0.5
        first = True
        while True:
            try:
                proc = self._spawn()
            except OSError as exc:
                if first:
                    self._first_error = exc
                    self._first.set()
                    return
                log.error("%s could not be restarted: %s; next try in %.1f s", self.name, exc, backoff)
                if self._wake.wait(backoff):
                    return
                backoff = min(backoff * 2, 5.0)
                continue
            with self._lock:
                self._proc = proc
                stopping = self._stopping
            self._on_spawn(proc)
            if first:
                first = False
                self._first.set()
            if stopping:  # stop() ran while we were spawning: it could not see this process
                _terminate(proc)
                return
            began = time.monotonic()
            rc = proc.wait()
            with self._lock:
                if self._stopping:
                    return
            if not self.restart:
                log.warning("%s (pid %d) exited unexpectedly with code %s", self.name, proc.pid, rc)
                self._on_spawn(None)
                return
            backoff = 0.5 if time.monotonic() - began > 10 else backoff
            self.restarts += 1
            log.warning("%s (pid %d) exited unexpectedly with code %s; restarting it in %.1f s",
                        self.name, proc.pid, rc, backoff)
            if self._wake.wait(backoff):
                return
            backoff = min(backoff * 2, 5.0)

    def stop(self, timeout: float = 5.0, kill: bool = False) -> None:
        """Stop supervising and end the process (SIGTERM, SIGKILL after ``timeout``; ``kill``: SIGKILL)."""
        with self._lock:
            self._stopping = True
            proc = self._proc
        self._wake.set()
        if proc is not None:
            _terminate(proc, timeout, kill)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        _live.discard(self)


def _terminate(proc: subprocess.Popen, timeout: float = 5.0, kill: bool = False) -> None:
    if proc.poll() is None:
        proc.kill() if kill else proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)


@atexit.register
def _stop_all() -> None:
    """Interpreter exit (sys.exit, an uncaught exception, a handled signal): no broker stays behind."""
    for sup in list(_live):
        sup.stop(timeout=2.0)
