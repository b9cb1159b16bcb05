"""Builds and wires the command telemetry for one console (``services.build_services``).

    pipeline.stage ──────────▶ TimelineRecorder (marks)      ──▶ the Commands view's timeline
    pipeline rows  ──────────▶ HealthStats.on_row            ──▶ the Health view
                   └─ ended ─▶ CommandTracer.finish (spans)  ──▶ OTLP/HTTP collector
    pipeline.trace_for ◀────── CommandTracer.begin (traceparent for each new command)
    inference.telemetry.request_recorded ─▶ HealthStats (TTFT, errors), CommandTracer.model_span

Tracing is on only with an endpoint configured and the OpenTelemetry packages installed;
``tracing_status`` says which (the doctor and the Health view show it).  Timelines and the Health
numbers work either way.

Threads: the listeners run where the pipeline and the model worker emit (see timeline.py and
health.py).  Writing a command's spans costs ~1-2 ms (a timeline read from SQLite, ~8 SDK spans): the
row listener only queues the ended command, and the ``telemetry-spans`` thread (started with tracing)
writes them, so the link's network thread never waits on tracing.  ``close`` on the thread that stops
the services, after the pipeline has stopped: it drains the queue, then flushes and shuts the exporter.
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import Any

from console.core.commands.outbox import CommandRow
from console.core.inference.telemetry import request_recorded
from console.core.telemetry.config import TelemetryConfig, TelemetryConfigError
from console.core.telemetry.context import otel_missing_reason
from console.core.telemetry.health import HealthStats
from console.core.telemetry.timeline import TimelineRecorder, timeline_for

log = logging.getLogger(__name__)


class TelemetryHub:
    def __init__(self, cfg: TelemetryConfig | None = None) -> None:
        self.cfg = cfg or TelemetryConfig()
        self.timelines = TimelineRecorder()
        self.health = HealthStats()
        self.tracer: Any = None  # tracing.CommandTracer when on
        self.tracing_status = "off: no OTLP endpoint configured (--otlp-endpoint)"
        if self.cfg.enabled:
            missing = otel_missing_reason()
            if missing:
                self.tracing_status = f"off: OpenTelemetry {missing}"
                log.warning("tracing is configured (%s) but %s", self.cfg.endpoint, self.tracing_status)
            else:
                from console.core.telemetry.tracing import CommandTracer

                self.tracer = CommandTracer(self.cfg)
                self.tracing_status = f"on: {self.cfg.traces_url}, sampling {self.cfg.sample:g}"
        self._pipeline: Any = None
        # ended commands to write; a threading.Event: set it (flush); None: stop
        self._ended: "queue.SimpleQueue[CommandRow | threading.Event | None]" = queue.SimpleQueue()
        self._writer: threading.Thread | None = None
        if self.tracer is not None:
            self._writer = threading.Thread(target=self._write_spans, name="telemetry-spans", daemon=True)
            self._writer.start()
        request_recorded.connect(self._on_model)

    @classmethod
    def from_settings(cls) -> "TelemetryHub":
        """The operator's settings (the command line, else telemetry.json); settings that cannot be used
        leave tracing off, say why (``tracing_status``, the log) and never stop the console."""
        try:
            cfg = TelemetryConfig.load()
        except TelemetryConfigError as exc:
            log.error("tracing is off: %s", exc)
            hub = cls()
            hub.tracing_status = f"off: {exc}"
            return hub
        return cls(cfg)

    @property
    def tracing(self) -> bool:
        return self.tracer is not None

    def attach(self, pipeline: Any) -> "TelemetryHub":
        self._pipeline = pipeline
        self.timelines.attach(pipeline)
        pipeline.add_listener(self._on_row)
        if self.tracer is not None:
            pipeline.trace_for = self.tracer.begin
        return self

    def device_tracer(self) -> Any:
        """For a simulator embedded in this process: the same provider (None when tracing is off)."""
        if self.tracer is None:
            return None
        from console.core.telemetry.device import DeviceTracer

        return DeviceTracer(self.tracer.provider)

    def link_model(self, command_id: str, metrics: Any, ended_at: float) -> None:
        """The model request that proposed a command: a step of its timeline (and of its trace)."""
        self.timelines.link_model(command_id, metrics, ended_at)

    def _on_row(self, row: CommandRow) -> None:
        self.health.on_row(row)
        if self._writer is not None and row.state.terminal and row.command.trace:
            self._ended.put(row)

    def _write_spans(self) -> None:
        while True:
            row = self._ended.get()
            if row is None:
                return
            if isinstance(row, threading.Event):
                row.set()
                continue
            try:
                pipeline, tracer = self._pipeline, self.tracer
                timeline = timeline_for(pipeline, row.id, self.timelines) if pipeline is not None else None
                if timeline is not None and tracer is not None:
                    tracer.finish(row, timeline)
            except Exception:  # noqa: BLE001 - one command's trace must not stop the others'
                log.exception("writing the trace of %s failed", row.id)

    def _on_model(self, telemetry: Any, metrics: Any, ok: bool, t: float) -> None:
        self.health.on_model_request(telemetry, metrics, ok, t)
        if self.tracer is not None and not getattr(metrics, "cancelled", False):
            self.tracer.model_span(metrics, ok, t)

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Every ended command's spans written, then exported (True when the exporter finished in time)."""
        if self.tracer is None:
            return True
        done = threading.Event()
        self._ended.put(done)
        return done.wait(timeout_s) and self.tracer.flush(timeout_s)

    def close(self) -> None:
        """Write what ended (the outbox must still be open), detach, flush and stop the exporter."""
        request_recorded.disconnect(self._on_model)
        if self._writer is not None:
            self._ended.put(None)  # after the commands already queued
            self._writer.join(30)
            self._writer = None
        if self._pipeline is not None:
            self._pipeline.remove_listener(self._on_row)
            if self._pipeline.trace_for == getattr(self.tracer, "begin", None):
                self._pipeline.trace_for = None
            self.timelines.detach()
            self._pipeline = None
        if self.tracer is not None:
            self.tracer.shutdown()
            self.tracer = None
