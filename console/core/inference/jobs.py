"""The model worker's contract: its states, the kinds of job it runs, and each job's typed payload.

``ModelRunner`` (runner.py), its Qt face (console.ui.model.qt_model_worker) and the Model panel share
these names instead of bare strings: a state is a ``WorkerState``, a job is a ``Job`` whose payload is
one of the frozen request dataclasses below, and the payload's class says the job's ``JobKind``.
Both enums are ``StrEnum``s, so a state still equals its old string ("ready") and reads well in logs.
No Qt and no torch here.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Callable, ClassVar, Union

from console.core.inference.types import ChatMessage, Engine, GenParams

if TYPE_CHECKING:
    from console.core.inference.loader import LoadOptions


class WorkerState(StrEnum):
    IDLE = "idle"  # no engine
    LOADING = "loading"  # loading a model or connecting to a server
    READY = "ready"  # an engine is there, nothing running
    GENERATING = "generating"
    UNLOADING = "unloading"
    STOPPED = "stopped"  # the thread ended

    @property
    def has_engine(self) -> bool:
        """Requests can be sent (an engine is loaded)."""
        return self in (WorkerState.READY, WorkerState.GENERATING)

    @property
    def busy(self) -> bool:
        """A load or a request is running: there is something to cancel."""
        return self in (WorkerState.LOADING, WorkerState.GENERATING)

    @property
    def changing_engine(self) -> bool:
        """A load or an unload is under way: another one must wait."""
        return self in (WorkerState.LOADING, WorkerState.UNLOADING)


class JobKind(StrEnum):
    LOAD = "load"
    UNLOAD = "unload"
    ESTIMATE = "estimate"
    CONNECT = "connect"
    GENERATE = "generate"
    CHOOSE = "choose"


@dataclass(frozen=True)
class LoadRequest:
    """Load a local model (the current engine is unloaded first)."""

    kind: ClassVar[JobKind] = JobKind.LOAD
    options: "LoadOptions"


@dataclass(frozen=True)
class UnloadRequest:
    kind: ClassVar[JobKind] = JobKind.UNLOAD


@dataclass(frozen=True)
class EstimateRequest:
    """Plan a load and say whether it fits; loads nothing."""

    kind: ClassVar[JobKind] = JobKind.ESTIMATE
    options: "LoadOptions"


@dataclass(frozen=True)
class ConnectRequest:
    """Replace the engine by ``factory()`` (e.g. a RemoteEngine), built on the worker thread."""

    kind: ClassVar[JobKind] = JobKind.CONNECT
    factory: Callable[[], Engine]
    info: dict = field(default_factory=dict)  # shown while connecting and merged into engine_info


@dataclass(frozen=True)
class GenerateRequest:
    kind: ClassVar[JobKind] = JobKind.GENERATE
    messages: tuple[ChatMessage, ...]
    params: GenParams


@dataclass(frozen=True)
class ChooseRequest:
    """Which of ``options`` did the operator mean by ``utterance`` (the assistant's model layer)?  The
    worker scores them against its engine (console.core.inference.scoring) and puts the index, or
    None (no engine, a tie, an error, cancelled), into ``reply``; the asker waits on it."""

    kind: ClassVar[JobKind] = JobKind.CHOOSE
    utterance: str
    options: tuple[str, ...]
    reply: "Future[int | None]" = field(default_factory=Future, compare=False)


JobPayload = Union[LoadRequest, UnloadRequest, EstimateRequest, ConnectRequest, GenerateRequest, ChooseRequest]


@dataclass
class Job:
    """One queued job: requests are numbered 1, 2, 3 … as the operator sees them, other jobs -1, -2 …"""

    id: int
    payload: JobPayload
    enqueued_at: float = field(default_factory=time.perf_counter)

    @property
    def kind(self) -> JobKind:
        return self.payload.kind

    @property
    def is_request(self) -> bool:
        return self.payload.kind is JobKind.GENERATE
