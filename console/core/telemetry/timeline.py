"""One timeline per command: what happened to it, step by step, each step with its time.

    origin (click / words) → [model: prompt tokens, TTFT, decode] → validated → persisted (outbox)
    → published (handed to paho) → delivered (PUBACK / PUBCOMP) → accepted → done (or how it ended)

Most steps are already on disk: the outbox commits every transition with its time (``Outbox.history``),
so a timeline survives a restart.  The rest are kept here, in memory, for the last ``capacity``
commands: the pipeline's ``stage`` event ("validated": submit's entry and the end of validation;
"published": when paho took each attempt) and the model request that proposed a command, when its
proposer links it (``link_model``).  ``build_timeline`` is the pure function that merges them.

Threads: ``on_stage`` / the row listener run on the GUI thread (submit), the link's network thread
(PUBACK, acks) and the sweeper (re-sends); one lock guards the marks, never held while emitting
``changed`` (the view takes the command id and rebuilds on its own thread).
"""

from __future__ import annotations

import collections
import threading
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from console.core.commands.outbox import CommandRow, Transition
from console.core.events import Event
from console.core.protocol import CommandState

S = CommandState
# what a step is called (the view translates these), in the order steps at one instant are shown
STEP_ORDER = ("origin", "model", "validated", "persisted", "published", "delivered", "accepted", "succeeded",
              "rejected", "failed", "timeout", "expired", "cancelled")
_FROM_STATE = {S.QUEUED: "persisted", S.SENT: "published", S.DELIVERED: "delivered", S.ACCEPTED: "accepted",
               S.SUCCEEDED: "succeeded", S.REJECTED: "rejected", S.FAILED: "failed", S.TIMEOUT: "timeout",
               S.EXPIRED: "expired", S.CANCELLED: "cancelled"}
ORIGIN_WORDS = {"operator": "click", "assistant": "words", "replay": "replay"}


@dataclass(frozen=True)
class Mark:
    """A step the outbox does not store: (step, start, end, attrs), wall-clock seconds."""

    step: str
    start: float
    end: float
    attrs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    name: str  # one of STEP_ORDER
    start: float  # epoch seconds
    end: float
    detail: str = ""
    attrs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def duration_s(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass(frozen=True)
class Timeline:
    command_id: str
    device_id: str
    origin: str
    state: CommandState
    qos: int
    trace: str  # the command's traceparent ("" when it was not traced)
    steps: tuple[Step, ...]

    @property
    def total_s(self) -> float:
        return (self.steps[-1].end - self.steps[0].start) if self.steps else 0.0

    def step(self, name: str) -> Step | None:
        return next((s for s in self.steps if s.name == name), None)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]


def model_mark(metrics: Any, ended_at: float) -> Mark:
    """A model request (inference ``RequestMetrics``) that ended at ``ended_at`` as a timeline mark."""
    e2e = float(getattr(metrics, "e2e_s", 0.0) or 0.0)
    ttft = getattr(metrics, "ttft_s", None)
    tps = getattr(metrics, "decode_tps", None)
    attrs = {"prompt_tokens": int(getattr(metrics, "prompt_tokens", 0) or 0),
             "new_tokens": int(getattr(metrics, "new_tokens", 0) or 0),
             "ttft_s": None if ttft is None else float(ttft),
             "decode_s": max(0.0, e2e - float(ttft)) if ttft is not None else None,
             "decode_tps": None if tps is None else float(tps)}
    return Mark("model", ended_at - e2e, ended_at, attrs)


def build_timeline(row: CommandRow, history: Iterable[Transition], marks: Iterable[Mark] = ()) -> Timeline:
    """Merge the outbox's transitions and the in-memory marks into ordered steps; each step starts
    where the one before it ended unless it knows its own start (validation, publish, the model)."""
    marks = list(marks)
    published = {int(m.attrs.get("attempt", 0)) for m in marks if m.step == "published"}
    items: list[tuple[float, int, Step, bool]] = []  # (sort time, rank, step, knows its own start)

    def add(step: Step, sort_at: float | None = None, own_start: bool = False) -> None:
        items.append((step.end if sort_at is None else sort_at, STEP_ORDER.index(step.name), step, own_start))

    origin = row.command.origin
    for m in marks:
        if m.step == "validated":
            add(Step("origin", m.start, m.start, ORIGIN_WORDS.get(origin, origin), {"origin": origin}), own_start=True)
            add(Step("validated", m.start, m.end, "", dict(m.attrs)), own_start=True)
        elif m.step == "published":
            detail = f"attempt {m.attrs.get('attempt', '?')}"
            add(Step("published", m.start, m.end, detail, dict(m.attrs)), sort_at=m.start, own_start=True)
        elif m.step == "model":
            add(Step("model", m.start, m.end, "", dict(m.attrs)), own_start=True)
    attempt = 0
    for t in history:
        name = _FROM_STATE.get(t.state)
        if name is None:
            continue
        if t.state is S.SENT:
            attempt += 1
            if attempt in published:
                continue  # the publish mark says more (when paho took it)
        elif t.state is S.QUEUED and any(it[2].name == "persisted" for it in items):
            continue  # a restart's copy into another outbox: the first one counts
        add(Step(name, t.at, t.at, t.detail, {}))
    items.sort(key=lambda it: (it[0], it[1]))
    steps: list[Step] = []
    prev_end: float | None = None
    for _, _, s, own_start in items:
        start = s.start if own_start or prev_end is None else min(prev_end, s.end)
        steps.append(Step(s.name, start, s.end, s.detail, s.attrs))
        prev_end = s.end if prev_end is None else max(prev_end, s.end)
    return Timeline(row.id, row.device_id, origin, row.state, row.qos, row.command.trace, tuple(steps))


class TimelineRecorder:
    """The in-memory marks of the last ``capacity`` commands; ``timeline(pipeline, id)`` builds one."""

    def __init__(self, capacity: int = 4096) -> None:
        self.capacity = capacity
        self._marks: "collections.OrderedDict[str, list[Mark]]" = collections.OrderedDict()
        self._lock = threading.Lock()
        self.changed = Event("timeline-changed")  # (command_id): a step was added
        self._pipeline: Any = None

    # -- wiring ---------------------------------------------------------------------------------
    def attach(self, pipeline: Any) -> "TimelineRecorder":
        self._pipeline = pipeline
        pipeline.stage.connect(self.on_stage)
        pipeline.add_listener(self._on_row)
        pipeline.timelines = self
        return self

    def detach(self) -> None:
        if self._pipeline is not None:
            self._pipeline.stage.disconnect(self.on_stage)
            self._pipeline.remove_listener(self._on_row)
            if self._pipeline.timelines is self:
                self._pipeline.timelines = None
            self._pipeline = None

    # -- recording ------------------------------------------------------------------------------
    def on_stage(self, command_id: str, step: str, start: float, end: float, attrs: Mapping[str, Any]) -> None:
        self._add(command_id, Mark(step, start, end, dict(attrs or {})))

    def link_model(self, command_id: str, metrics: Any, ended_at: float) -> None:
        """The model request that proposed ``command_id`` (its ``RequestMetrics``, ended at ``ended_at``)."""
        self._add(command_id, model_mark(metrics, ended_at))

    def _add(self, command_id: str, mark: Mark) -> None:
        with self._lock:
            marks = self._marks.get(command_id)
            if marks is None:
                marks = self._marks[command_id] = []
                while len(self._marks) > self.capacity:
                    self._marks.popitem(last=False)
            marks.append(mark)
        self.changed.emit(command_id)

    def _on_row(self, row: CommandRow) -> None:
        self.changed.emit(row.id)

    def marks(self, command_id: str) -> list[Mark]:
        with self._lock:
            return list(self._marks.get(command_id, ()))

    # -- reading --------------------------------------------------------------------------------
    def timeline(self, command_id: str, pipeline: Any = None) -> Timeline | None:
        return timeline_for(pipeline or self._pipeline, command_id, self)


def timeline_for(pipeline: Any, command_id: str, recorder: TimelineRecorder | None = None) -> Timeline | None:
    """The timeline of one of this console's commands (None: not in this outbox, e.g. another
    console's); without a recorder, the outbox's steps only."""
    row = pipeline.get(command_id)
    if row is None:
        return None
    recorder = recorder if recorder is not None else getattr(pipeline, "timelines", None)
    marks = recorder.marks(command_id) if recorder is not None else []
    return build_timeline(row, pipeline.outbox.history(command_id), marks)
