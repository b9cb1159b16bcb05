"""The model worker's logic, without Qt: one long-lived thread that owns the engine.

Jobs come in through a queue (load, unload, estimate, connect to a remote engine, generate) and are
run one at a time in order; everything the worker has to say goes out through a ``RunnerEvents``
object (the Qt wrapper turns each call into a signal).  Jobs, their payloads and the worker's
states are the typed names of jobs.py.  ``cancel`` stops the running job between
two tokens (or two loading steps) and can drop queued requests; the queue length is reported every
time it changes.  A failing job reports an error and the thread carries on.

``choose`` (the assistant's model layer, called from its ``assistant-parse`` thread) queues a
``ChooseRequest`` and blocks on the request's ``Future`` for at most ``timeout_s``: the worker scores
the options against whatever engine it holds (console.core.inference.scoring) and answers an index or
None; no engine, a stopped worker, a cancel or an error answer None, never an exception.  Futures are
resolved only after ``_cv`` is released (like every event: notify after releasing the lock).  The
scorer (for a local model on a CPU: its int8 copy, then one warm-up pass) is built by the load job
itself, as its last stage (``load_progress("scorer", …)``, before ``loaded``), so no ask ever waits
for it; ``scorer_builds`` counts the builds and ``last_choice`` holds the last choice's timings.

Lock order: ``_cv`` alone (a Future's own lock is never taken while holding it).
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Callable, Protocol

from console.core.inference.jobs import (
    ChooseRequest,
    ConnectRequest,
    EstimateRequest,
    GenerateRequest,
    Job,
    JobKind,
    JobPayload,
    LoadRequest,
    UnloadRequest,
    WorkerState,
)
from console.core.inference.types import ChatMessage, Engine, EngineError, GenParams, RequestMetrics

if TYPE_CHECKING:
    from console.core.inference.loader import LoadedModel, LoadOptions
    from console.core.inference.scoring import EngineChooser
    from console.core.inference.telemetry import Telemetry

log = logging.getLogger(__name__)


class RunnerEvents(Protocol):
    """Called on the worker thread: implementations must only hand the data on (emit a signal)."""

    def state(self, state: WorkerState, info: dict) -> None: ...
    def load_progress(self, stage: str, fraction: float) -> None: ...
    def estimate(self, info: dict) -> None: ...
    def loaded(self, info: dict) -> None: ...
    def unloaded(self, info: dict) -> None: ...
    def text(self, request_id: int, piece: str) -> None: ...
    def started(self, request_id: int, queue_wait_s: float) -> None: ...
    def finished(self, request_id: int, metrics: RequestMetrics) -> None: ...
    def error(self, request_id: int, message: str, hint: str) -> None: ...  # request_id 0: load/unload/estimate
    def queue_changed(self, waiting: int) -> None: ...


EngineFactory = Callable[["LoadedModel"], Engine]


def default_engine_factory(loaded: LoadedModel) -> Engine:
    from console.core.inference.local_engine import LocalEngine

    return LocalEngine(loaded)


class ModelRunner:
    """Owns the engine and the ``model-worker`` thread. Thread-safe submit/cancel from any thread."""

    def __init__(self, events: RunnerEvents, telemetry: Telemetry | None = None,
                 engine_factory: EngineFactory = default_engine_factory) -> None:
        self.events = events
        self.telemetry = telemetry
        self.engine_factory = engine_factory
        self.engine: Engine | None = None
        self.engine_info: dict = {}
        self._jobs: deque[Job] = deque()
        self._cv = threading.Condition()
        self._ids = itertools.count(1)
        self._other_ids = itertools.count(1)
        self._current: Job | None = None
        self._cancel = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._chooser: EngineChooser | None = None  # the engine's, built by the load; worker thread only
        self.scorer_builds = 0  # EngineChoosers built (once per load or connect)
        self.last_choice: dict = {}  # the last choice's queue_wait_s and score_s (set on the worker thread)
        self.state = WorkerState.IDLE

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> "ModelRunner":
        if self._thread is None:
            self._stopping.clear()
            self._thread = threading.Thread(target=self._serve, name="model-worker", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> bool:
        """Cancel everything, unload the engine, and join the thread. True when it ended in time."""
        if self._thread is None:
            return True
        self._stopping.set()
        self._cancel.set()
        with self._cv:
            dropped = list(self._jobs)
            self._jobs.clear()
            self._cv.notify_all()
        _answer_none(dropped)
        self._thread.join(timeout)
        ok = not self._thread.is_alive()
        if ok:
            self._thread = None
        return ok

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- submitting ----------------------------------------------------------------------------
    def _submit(self, payload: JobPayload) -> int:
        # requests are numbered 1, 2, 3 … as the operator sees them; other jobs get negative ids
        request = payload.kind is JobKind.GENERATE
        job = Job(next(self._ids) if request else -next(self._other_ids), payload)
        with self._cv:
            self._jobs.append(job)
            waiting = self._waiting_locked()
            self._cv.notify_all()
        self.events.queue_changed(waiting)
        return job.id

    def submit_load(self, options: LoadOptions) -> int:
        return self._submit(LoadRequest(options))

    def submit_unload(self) -> int:
        return self._submit(UnloadRequest())

    def submit_estimate(self, options: LoadOptions) -> int:
        return self._submit(EstimateRequest(options))

    def submit_connect(self, factory: Callable[[], Engine], info: dict | None = None) -> int:
        """Replace the engine by ``factory()`` (e.g. a RemoteEngine), built on the worker thread."""
        return self._submit(ConnectRequest(factory, dict(info or {})))

    def submit_generate(self, messages: list[ChatMessage], params: GenParams) -> int:
        return self._submit(GenerateRequest(tuple(messages), params))

    def choose(self, utterance: str, options: list[str] | tuple[str, ...], timeout_s: float = 20.0) -> int | None:
        """The index of the option the engine finds likeliest, or None (no engine, a tie, an error,
        the worker stopped or busy past ``timeout_s``).  Blocks the calling thread (never the worker's)."""
        if not options:
            return None
        job = Job(-next(self._other_ids), ChooseRequest(str(utterance), tuple(str(o) for o in options)))
        with self._cv:
            if self._thread is None or self._stopping.is_set() or self.engine is None:
                return None  # nothing to ask: at once
            self._jobs.append(job)
            waiting = self._waiting_locked()
            self._cv.notify_all()
        self.events.queue_changed(waiting)
        reply = job.payload.reply
        try:
            return reply.result(timeout_s)
        except FutureTimeout:
            if reply.cancel():  # still queued: the worker will skip it
                with self._cv:
                    if job in self._jobs:
                        self._jobs.remove(job)
            log.warning("the model took over %.0f s to choose; the operator is asked instead", timeout_s)
            return None
        except Exception:  # noqa: BLE001 - cancelled or failed: no pick
            return None

    @property
    def chooser(self) -> "EngineChooser | None":
        """The current engine's chooser (built by the load; None without an engine).  Read-only."""
        return self._chooser

    def _waiting_locked(self) -> int:
        return sum(1 for j in self._jobs if j.is_request)

    def waiting(self) -> int:
        with self._cv:
            return self._waiting_locked()

    def cancel(self, request_id: int | None = None) -> bool:
        """Cancel one job (queued or running), or, with None, the running job and every queued request."""
        found = False
        with self._cv:
            if request_id is None:
                dropped = [j for j in self._jobs if j.is_request]
                for j in dropped:
                    self._jobs.remove(j)
                found = bool(dropped)
                if self._current is not None:
                    self._cancel.set()
                    found = True
            else:
                dropped = [j for j in self._jobs if j.id == request_id]
                for j in dropped:
                    self._jobs.remove(j)
                found = bool(dropped)
                if self._current is not None and self._current.id == request_id:
                    self._cancel.set()
                    found = True
            waiting = self._waiting_locked()
        for j in dropped:
            if j.is_request:
                m = RequestMetrics(queue_wait_s=time.perf_counter() - j.enqueued_at, cancelled=True,
                                   finish_reason="cancelled")
                self.events.finished(j.id, m)
        self.events.queue_changed(waiting)
        return found

    # -- the worker thread ---------------------------------------------------------------------
    def _set_state(self, state: WorkerState, info: dict | None = None) -> None:
        self.state = state
        self.events.state(state, dict(info or {}))

    def _should_stop(self) -> bool:
        return self._cancel.is_set() or self._stopping.is_set()

    def _serve(self) -> None:
        self._set_state(WorkerState.IDLE)
        try:
            while True:
                with self._cv:
                    while not self._jobs and not self._stopping.is_set():
                        self._cv.wait()
                    if self._stopping.is_set():
                        break
                    job = self._jobs.popleft()
                    self._current = job
                    self._cancel.clear()
                    waiting = self._waiting_locked()
                self.events.queue_changed(waiting)
                try:
                    self._run_job(job)
                except Exception as exc:  # noqa: BLE001 - one bad job must not end the worker
                    log.exception("model worker job %s failed", job.kind)
                    self.events.error(job.id if job.is_request else 0,
                                      f"{type(exc).__name__}: {exc}", "see the log file for details")
                finally:
                    with self._cv:
                        self._current = None
                if not self._stopping.is_set():
                    self._set_state(WorkerState.READY if self.engine is not None else WorkerState.IDLE,
                                    self.engine_info)
        finally:
            with self._cv:
                left = list(self._jobs)
            _answer_none(left)  # nobody waits past the thread's end
            self._close_engine()
            self._set_state(WorkerState.STOPPED)

    def _run_job(self, job: Job) -> None:
        p = job.payload
        if isinstance(p, LoadRequest):
            self._do_load(p)
        elif isinstance(p, UnloadRequest):
            self._do_unload()
        elif isinstance(p, EstimateRequest):
            self._do_estimate(p)
        elif isinstance(p, ConnectRequest):
            self._do_connect(p)
        elif isinstance(p, ChooseRequest):
            self._do_choose(p, job.enqueued_at)
        else:
            self._do_generate(job.id, job.enqueued_at, p)

    def _close_engine(self) -> dict:
        if self.engine is None:
            return {}
        engine, self.engine = self.engine, None
        self.engine_info = {}
        self._chooser = None  # its scorer holds the model and a KV cache
        try:
            engine.close()
        except Exception:  # noqa: BLE001
            log.exception("closing the engine failed")
        return dict(getattr(engine, "unload_report", {}) or {})

    def _do_estimate(self, req: EstimateRequest) -> None:
        from console.core.inference.loader import plan_load

        try:
            plan = plan_load(req.options)
        except EngineError as exc:
            self.events.estimate({"error": str(exc), "hint": exc.hint, "source": req.options.source})
            return
        info = plan.summary()
        info["source"] = req.options.source
        self.events.estimate(info)

    def _do_load(self, req: LoadRequest) -> None:
        from console.core.inference.loader import LoadCancelled, load_model

        opts = req.options
        if self.engine is not None:
            self._set_state(WorkerState.UNLOADING, self.engine_info)
            report = self._close_engine()
            self.events.unloaded(report)
        self._set_state(WorkerState.LOADING, {"source": opts.source})
        try:
            loaded = load_model(opts, progress=self.events.load_progress, should_stop=self._should_stop)
        except LoadCancelled:
            self.events.error(0, "loading cancelled", "")
            return
        except EngineError as exc:
            self.events.error(0, str(exc), exc.hint)
            return
        try:
            self.engine = self.engine_factory(loaded)
        except Exception:
            from console.core.inference.loader import unload

            unload(loaded)
            raise
        self.engine_info = {"backend": "local", **loaded.info()}
        self._prepare_chooser()
        self.events.loaded(dict(self.engine_info))

    def _do_unload(self) -> None:
        if self.engine is None:
            self.events.unloaded({"message": "nothing was loaded"})
            return
        self._set_state(WorkerState.UNLOADING, self.engine_info)
        self.events.unloaded(self._close_engine())

    def _do_connect(self, req: ConnectRequest) -> None:
        info = dict(req.info)
        if self.engine is not None:
            self._set_state(WorkerState.UNLOADING, self.engine_info)
            self.events.unloaded(self._close_engine())
        self._set_state(WorkerState.LOADING, info)
        try:
            self.engine = req.factory()
        except EngineError as exc:
            self.events.error(0, str(exc), exc.hint)
            return
        self.engine_info = {"backend": getattr(self.engine, "name", "remote"), **info}
        self._prepare_chooser()
        self.events.loaded(dict(self.engine_info))

    def _prepare_chooser(self) -> None:
        """The assistant's chooser for the new engine, built now (worker thread, part of the load):
        for a local model its scorer (the int8 copy on a CPU) and one warm-up pass.  A failure only
        costs the model layer's speed: the first ask builds it instead (and says why in the log)."""
        from console.core.inference.scoring import EngineChooser

        self._chooser = None
        if self.engine is None or self._should_stop():
            return
        local = getattr(self.engine, "loaded", None) is not None
        if local:
            self.events.load_progress("scorer", 0.0)
        try:
            chooser = EngineChooser(self.engine, self._should_stop)
            self.scorer_builds += 1
            chooser.prepare()
            self._chooser = chooser
        except Exception:  # noqa: BLE001 - the model still loaded; choices build their scorer later
            log.warning("the assistant's scorer could not be prepared while loading", exc_info=True)
        if local:
            self.events.load_progress("scorer", 1.0)
            self.events.load_progress("ready", 1.0)

    def _do_choose(self, req: ChooseRequest, enqueued_at: float) -> None:
        reply = req.reply
        if not reply.set_running_or_notify_cancel():
            return  # the asker gave up while it was queued
        pick: int | None = None
        t0 = time.perf_counter()
        try:
            if self.engine is not None and not self._should_stop():
                if self._chooser is None:  # only when preparing it during the load failed
                    from console.core.inference.scoring import EngineChooser

                    self._chooser = EngineChooser(self.engine, self._should_stop)
                    self.scorer_builds += 1
                pick = self._chooser(req.utterance, req.options)
                if self._should_stop() or not (isinstance(pick, int) and 0 <= pick < len(req.options)):
                    pick = None
        except Exception:  # noqa: BLE001 - a failing model means no pick, never a wrong one
            log.exception("the model could not choose")
            pick = None
        finally:
            self.last_choice = {"queue_wait_s": t0 - enqueued_at, "score_s": time.perf_counter() - t0}
            reply.set_result(pick)

    def _do_generate(self, rid: int, enqueued_at: float, req: GenerateRequest) -> None:
        wait = time.perf_counter() - enqueued_at
        self.events.started(rid, wait)
        if self.engine is None:
            self.events.error(rid, "no model is loaded", "load a model (or connect to a server) first")
            return
        if self._should_stop():
            m = RequestMetrics(queue_wait_s=wait, cancelled=True, finish_reason="cancelled")
            self.events.finished(rid, m)
            return
        self._set_state(WorkerState.GENERATING, {"request": rid, **self.engine_info})
        try:
            metrics = self.engine.generate(list(req.messages), req.params, lambda piece: self.events.text(rid, piece),
                                           self._should_stop)
        except EngineError as exc:
            m = getattr(exc, "metrics", None) or RequestMetrics(finish_reason="error")  # remote errors carry metrics
            m.queue_wait_s = wait
            m.finish_reason = "error"
            if self.telemetry is not None:
                self.telemetry.record_request(m, ok=False)
            self.events.error(rid, str(exc), exc.hint)
            return
        metrics.queue_wait_s = wait
        if self._cancel.is_set():
            metrics.cancelled = True
            metrics.finish_reason = "cancelled"
        if self.telemetry is not None:
            self.telemetry.record_request(metrics, ok=True)
        self.events.finished(rid, metrics)


def _answer_none(jobs: list[Job]) -> None:
    """Dropped choose jobs answer None (call without holding ``_cv``)."""
    for j in jobs:
        if isinstance(j.payload, ChooseRequest) and j.payload.reply.set_running_or_notify_cancel():
            j.payload.reply.set_result(None)
