"""OpenTelemetry traces of commands and model requests, exported over OTLP/HTTP (imports the SDK:
import this module only when ``context.otel_available()``; ``hub`` does).

Each command is a trace.  Its ``traceparent`` is decided when it is submitted (``begin``: random
trace and span ids, the sampling decision of ``ParentBased(TraceIdRatioBased(sample))``), stored
with the command in the outbox and sent to the device (the MQTT 5 user property ``traceparent`` and
the payload's ``trace``).  The spans are written once the command has ended (``finish``), from its
timeline, with their real start and end times: the root span ("command set", with the span id the
device already saw, forced through the id generator) and one child per step.  So a command that
outlives a restart still ends in one trace, and nothing is held in memory for a command that never
ends.  A model request is a span of its own (``model_span``): TTFT, prompt and generated tokens.

Threads: ``begin`` on the caller's (GUI) thread; ``finish`` on whichever thread saw the command end
(network, sweeper); ``model_span`` on the model worker's.  The SDK's BatchSpanProcessor exports from
its own thread; ``shutdown`` flushes and stops it.  ``_ids`` is thread-local, so no lock is needed.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from opentelemetry import trace as trace_api
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.id_generator import RandomIdGenerator
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

from console.core.commands.outbox import CommandRow
from console.core.protocol import CommandState
from console.core.telemetry.config import TelemetryConfig
from console.core.telemetry.context import TraceParent
from console.core.telemetry.timeline import Timeline

log = logging.getLogger(__name__)
SCOPE = "autoglm-console"


def ns(t: float) -> int:
    return int(t * 1e9)


def clean_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    """OpenTelemetry attribute values: str, bool, int, float (None dropped, the rest as text)."""
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue
        out[k] = v if isinstance(v, (str, bool, int, float)) else str(v)
    return out


class ForcedIds(RandomIdGenerator):
    """Random ids, except the next root span's, when ``force``d on this thread (a command's root span
    must carry the ids its traceparent already announced)."""

    def __init__(self) -> None:
        self._local = threading.local()

    def force(self, trace_id: int, span_id: int) -> None:
        self._local.ids = (trace_id, span_id)

    def generate_trace_id(self) -> int:
        ids = getattr(self._local, "ids", None)
        return ids[0] if ids else super().generate_trace_id()

    def generate_span_id(self) -> int:
        ids = getattr(self._local, "ids", None)
        if ids:
            self._local.ids = None
            return ids[1]
        return super().generate_span_id()


def make_provider(cfg: TelemetryConfig, ids: RandomIdGenerator | None = None) -> TracerProvider:
    provider = TracerProvider(resource=Resource.create({"service.name": cfg.service_name}),
                              sampler=ParentBased(TraceIdRatioBased(cfg.sample)), id_generator=ids)
    # a command is ~8 spans, written at once when it ends: room for a burst of a few thousand commands
    # (past that the SDK drops spans and logs "Queue full"; the console and the commands are unaffected)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=cfg.traces_url, timeout=cfg.timeout_s),
                                                   max_queue_size=32768, max_export_batch_size=2048,
                                                   schedule_delay_millis=1000))
    return provider


def command_attrs(row: CommandRow) -> dict[str, Any]:
    cmd = row.command
    return clean_attrs({
        "autoglm.device": cmd.device_id,
        "autoglm.capability": ",".join(sorted(cmd.params)) or cmd.action,
        "autoglm.command.id": cmd.id,
        "autoglm.command.action": cmd.action,
        "autoglm.command.origin": cmd.origin,
        "autoglm.command.attempts": row.attempts,
        "messaging.mqtt.qos": row.qos,
        "autoglm.outcome": row.state.value.lower(),
    })


class CommandTracer:
    def __init__(self, cfg: TelemetryConfig) -> None:
        self.cfg = cfg
        self._ids = ForcedIds()
        self.provider = make_provider(cfg, self._ids)
        self.tracer = self.provider.get_tracer(SCOPE)
        self._sampler = self.provider.sampler
        self.finished = 0  # commands whose spans were written (sampled ones)

    def begin(self, cmd: Any, qos: int = 1, started: float | None = None) -> str:
        """A traceparent for a new command (the pipeline's ``trace_for``)."""
        trace_id = self._ids.generate_trace_id()
        span_id = RandomIdGenerator().generate_span_id()
        sampled = self._sampler.should_sample(None, trace_id, "command").decision.is_sampled()
        return str(TraceParent(f"{trace_id:032x}", f"{span_id:016x}", sampled))

    def finish(self, row: CommandRow, timeline: Timeline) -> bool:
        """Write the command's spans (once it has ended); False when it was not traced or sampled."""
        tp = TraceParent.parse(timeline.trace)
        if tp is None or not tp.sampled or not timeline.steps:
            return False
        start, end = timeline.steps[0].start, max(s.end for s in timeline.steps)
        self._ids.force(int(tp.trace_id, 16), int(tp.span_id, 16))
        root = self.tracer.start_span(f"command {row.command.action}", kind=trace_api.SpanKind.PRODUCER,
                                      start_time=ns(start), attributes=command_attrs(row))
        if root.get_span_context().span_id != int(tp.span_id, 16):  # another root took the ids: never mislabel
            log.warning("trace of %s: span id not kept", row.id)
        ctx = trace_api.set_span_in_context(root)
        for step in timeline.steps:
            attrs = {f"autoglm.step.{k}": v for k, v in step.attrs.items()}
            attrs.update({"autoglm.command.id": row.id, "autoglm.step.detail": step.detail or None})
            child = self.tracer.start_span(step.name, context=ctx, start_time=ns(step.start),
                                           attributes=clean_attrs(attrs))
            child.end(end_time=ns(max(step.start, step.end)))
        if row.state is CommandState.SUCCEEDED:
            root.set_status(trace_api.Status(trace_api.StatusCode.OK))
        elif row.state.terminal:
            root.set_status(trace_api.Status(trace_api.StatusCode.ERROR, row.error or row.state.value))
        root.end(end_time=ns(end))
        self.finished += 1
        return True

    def model_span(self, metrics: Any, ok: bool, ended_at: float) -> None:
        """A model request as a span of its own: TTFT, tokens, queue wait."""
        e2e = float(getattr(metrics, "e2e_s", 0.0) or 0.0)
        ttft = getattr(metrics, "ttft_s", None)
        span = self.tracer.start_span("model request", kind=trace_api.SpanKind.CLIENT, start_time=ns(ended_at - e2e),
                                      attributes=clean_attrs({
                                          "gen_ai.usage.input_tokens": int(getattr(metrics, "prompt_tokens", 0) or 0),
                                          "gen_ai.usage.output_tokens": int(getattr(metrics, "new_tokens", 0) or 0),
                                          "autoglm.model.ttft_ms": None if ttft is None else float(ttft) * 1000,
                                          "autoglm.model.queue_wait_ms": float(getattr(metrics, "queue_wait_s", 0.0)
                                                                               or 0.0) * 1000,
                                          "autoglm.model.cached_prompt_tokens":
                                              int(getattr(metrics, "cached_prompt_tokens", 0) or 0),
                                          "autoglm.model.finish_reason": getattr(metrics, "finish_reason", "") or None,
                                      }))
        if ttft is not None:
            span.add_event("first token", timestamp=ns(ended_at - e2e + float(ttft)))
        if not ok:
            span.set_status(trace_api.Status(trace_api.StatusCode.ERROR, "the model request failed"))
        span.end(end_time=ns(ended_at))

    def flush(self, timeout_s: float = 10.0) -> bool:
        return self.provider.force_flush(int(timeout_s * 1000))

    def shutdown(self) -> None:
        self.provider.shutdown()
