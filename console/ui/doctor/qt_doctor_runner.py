"""The doctor off the GUI thread: a QObject that runs ``run_doctor`` in a ``doctor-run`` thread and
only emits signals (each result as it arrives, then the whole list).  Writing a diagnostic bundle
goes the same way (``doctor-bundle``)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from console.core.envcheck import Check, DoctorContext, run_doctor, write_bundle

log = logging.getLogger(__name__)


class QtDoctorRunner(QObject):
    # (run number, CheckResult) from the worker thread, queued to the GUI thread; the number lets the
    # panel drop late rows of a run it has stopped
    resultReady = Signal(int, object)
    finished = Signal(int, object)  # (run number, list[CheckResult])
    bundleSaved = Signal(str)
    bundleFailed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._bundle_thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.run_id = 0

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, ctx: DoctorContext, checks: list[Check] | None = None) -> bool:
        """Start a run; False (and nothing happens) while one is still going."""
        if self.running:
            return False
        self._stop = threading.Event()
        stop = self._stop
        ctx.stop = stop  # the torch/driver child process watches it and is killed on stop()
        self.run_id += 1
        run_id = self.run_id

        def emit(r) -> None:
            if not stop.is_set():
                self.resultReady.emit(run_id, r)

        def work() -> None:
            try:
                results = run_doctor(ctx, checks, on_result=emit, stop=stop)
            except Exception:  # noqa: BLE001 - run_doctor reports check failures itself; this is a bug
                log.exception("doctor run failed")
                results = []
            if not stop.is_set():
                try:
                    self.finished.emit(run_id, results)
                except RuntimeError:  # the panel was deleted while the checks ran
                    log.debug("doctor finished after its panel was deleted")

        self._thread = threading.Thread(target=work, name="doctor-run", daemon=True)
        self._thread.start()
        return True

    def save_bundle(self, dest: Path, report: dict, log_dir: Path | None, telemetry: Any,
                    known_secrets: list[str]) -> None:
        """Write the zip in the background; ``telemetry`` is the snapshot taken on the GUI thread."""
        provider: Callable[[], Any] | None = (lambda: telemetry) if telemetry is not None else None

        def work() -> None:
            try:
                path = write_bundle(dest, report, log_dir=log_dir, telemetry_provider=provider,
                                    known_secrets=known_secrets)
            except OSError as exc:
                self._emit(self.bundleFailed, f"{exc.strerror or exc} ({dest})")
                return
            self._emit(self.bundleSaved, str(path))

        self._bundle_thread = threading.Thread(target=work, name="doctor-bundle", daemon=True)
        self._bundle_thread.start()

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the panel was deleted meanwhile
            log.debug("doctor bundle finished after its panel was deleted")

    def stop(self, timeout: float = 5.0) -> None:
        """Abandon a run (its checks finish on their own, within their time limits) and join."""
        self._stop.set()
        for t in (self._thread, self._bundle_thread):
            if t is not None:
                t.join(timeout)
        self._thread = None
        self._bundle_thread = None
