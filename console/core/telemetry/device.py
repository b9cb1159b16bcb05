"""The device's side of a trace (imports the OpenTelemetry SDK: only when tracing is on).

A device that gets a command with a ``traceparent`` (the MQTT 5 user property, else the payload's
``trace``) handles it inside a span of its own, a child of the command's span: the simulator does
this (``Simulator.tracing``).  Embedded in the console it shares the console's provider (one
exporter); run on its own (``autoglm-console simulate --otlp-endpoint URL``) it has its own, with
the service name ``autoglm-simulator``.  A command without a traceparent starts no trace.

Threads: ``start`` / ``DeviceSpan.end`` on the simulator connection's network thread.
"""

from __future__ import annotations

from typing import Any, Iterable

from opentelemetry import trace as trace_api
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from console.core.telemetry.config import TelemetryConfig
from console.core.telemetry.context import TraceParent
from console.core.telemetry.tracing import clean_attrs, make_provider

_PROPAGATOR = TraceContextTextMapPropagator()


class DeviceSpan:
    def __init__(self, span: Any) -> None:
        self.span = span

    def end(self, acks: Iterable[Any] = ()) -> None:
        statuses = [getattr(a, "status", "") for a in acks]
        outcome = statuses[-1] if statuses else "dropped"
        self.span.set_attribute("autoglm.outcome", outcome)
        errors = [getattr(a, "error", "") for a in acks if getattr(a, "error", "")]
        if outcome in ("rejected", "failed"):
            self.span.set_status(trace_api.Status(trace_api.StatusCode.ERROR, errors[0] if errors else outcome))
        self.span.end()


class DeviceTracer:
    def __init__(self, provider: TracerProvider, *, owned: bool = False) -> None:
        self.provider = provider
        self.tracer = provider.get_tracer("autoglm-simulator")
        self._owned = owned

    @classmethod
    def from_config(cls, cfg: TelemetryConfig) -> "DeviceTracer":
        """A simulator in its own process: its own provider and exporter."""
        from dataclasses import replace

        return cls(make_provider(replace(cfg, service_name="autoglm-simulator")), owned=True)

    def start(self, traceparent: str, device_id: str, raw: Any, qos: int) -> DeviceSpan | None:
        """The span of one command on the device, a child of the command's span (None: no valid traceparent)."""
        if TraceParent.parse(traceparent) is None:
            return None
        ctx = _PROPAGATOR.extract({"traceparent": traceparent})
        params = raw.get("params") if isinstance(raw, dict) else None
        attrs = clean_attrs({
            "autoglm.device": device_id,
            "autoglm.command.id": raw.get("id") if isinstance(raw, dict) else None,
            "autoglm.capability": ",".join(sorted(params)) if isinstance(params, dict) else None,
            "messaging.mqtt.qos": int(qos),
        })
        span = self.tracer.start_span(f"device {device_id} handle", context=ctx, kind=trace_api.SpanKind.CONSUMER,
                                      attributes=attrs)
        return DeviceSpan(span)

    def shutdown(self) -> None:
        if self._owned:
            self.provider.shutdown()
        else:
            self.provider.force_flush(5000)
