"""Qt face of the model worker: the Qt-free ``ModelRunner`` thread reports through queued signals.

The runner's thread (``model-worker``) owns the engine; this object only turns each report into a
signal, so slots run on the GUI thread.  States travel as ``WorkerState`` members (the signal carries
``object``, so the enum arrives, not its string).  torch is imported by the worker thread, never here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Signal

from console.core.inference.jobs import WorkerState
from console.core.inference.runner import ModelRunner
from console.core.inference.types import ChatMessage, Engine, GenParams, RequestMetrics
from console.ui.qt_collect import gui_waits

if TYPE_CHECKING:
    from console.core.inference.loader import LoadOptions
    from console.core.inference.telemetry import Telemetry


class _Emitter:
    """RunnerEvents → signals (called on the worker thread: only emit)."""

    def __init__(self, w: "QtModelWorker") -> None:
        self.w = w

    def state(self, state: WorkerState, info: dict) -> None:
        self.w.stateChanged.emit(state, info)

    def load_progress(self, stage: str, fraction: float) -> None:
        self.w.loadProgress.emit(stage, float(fraction))

    def estimate(self, info: dict) -> None:
        self.w.estimateReady.emit(info)

    def loaded(self, info: dict) -> None:
        self.w.modelLoaded.emit(info)

    def unloaded(self, info: dict) -> None:
        self.w.modelUnloaded.emit(info)

    def text(self, request_id: int, piece: str) -> None:
        self.w.textReceived.emit(request_id, piece)

    def started(self, request_id: int, queue_wait_s: float) -> None:
        self.w.requestStarted.emit(request_id, float(queue_wait_s))

    def finished(self, request_id: int, metrics: RequestMetrics) -> None:
        self.w.requestFinished.emit(request_id, metrics)

    def error(self, request_id: int, message: str, hint: str) -> None:
        self.w.errorOccurred.emit(request_id, message, hint)

    def queue_changed(self, waiting: int) -> None:
        self.w.queueChanged.emit(int(waiting))


class QtModelWorker(QObject):
    stateChanged = Signal(object, dict)  # WorkerState, engine info
    loadProgress = Signal(str, float)  # stage, 0..1
    estimateReady = Signal(dict)  # LoadPlan.summary() or {"error", "hint"}
    modelLoaded = Signal(dict)
    modelUnloaded = Signal(dict)  # unload report: collected/returned and the memory numbers
    textReceived = Signal(int, str)  # request id, text piece
    requestStarted = Signal(int, float)  # request id, queue wait (s)
    requestFinished = Signal(int, object)  # request id, RequestMetrics
    errorOccurred = Signal(int, str, str)  # request id (0: load/unload), message, hint
    queueChanged = Signal(int)  # requests waiting

    def __init__(self, telemetry: Telemetry | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = ModelRunner(_Emitter(self), telemetry=telemetry)

    def start(self) -> None:
        self.runner.start()

    def stop(self, timeout: float = 30.0) -> bool:
        with gui_waits():  # the worker's unload may ask for a collection: it runs there while we wait
            return self.runner.stop(timeout)

    @property
    def running(self) -> bool:
        return self.runner.running

    def load(self, options: LoadOptions) -> int:
        self.start()
        return self.runner.submit_load(options)

    def unload(self) -> int:
        self.start()
        return self.runner.submit_unload()

    def estimate(self, options: LoadOptions) -> int:
        self.start()
        return self.runner.submit_estimate(options)

    def connect_engine(self, factory: Callable[[], Engine], info: dict | None = None) -> int:
        self.start()
        return self.runner.submit_connect(factory, info)

    def generate(self, messages: list[ChatMessage], params: GenParams) -> int:
        self.start()
        return self.runner.submit_generate(messages, params)

    def cancel(self, request_id: int | None = None) -> bool:
        return self.runner.cancel(request_id)

    def choose(self, utterance: str, options, timeout_s: float = 20.0) -> int | None:
        """The assistant's chooser: which option the loaded engine finds likeliest (None: no pick).
        Blocks the calling thread (the assistant's parse thread, never the GUI's) for at most
        ``timeout_s``; the scoring runs on the worker thread.  Touches no Qt object."""
        return self.runner.choose(utterance, options, timeout_s)
