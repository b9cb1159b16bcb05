"""Command telemetry, Qt-free: one timeline per command, OpenTelemetry traces, the Health numbers.

- ``timeline``: the steps of one command (origin → validation → outbox → publish → PUBACK/PUBCOMP →
  accepted → done, with the model request that proposed it when one is linked), from the outbox's
  transitions (on disk) and the pipeline's ``stage`` event (in memory).
- ``health``: command success rate, ack latency p50/p95, model TTFT p95 and the model engine's error
  rate over the last hour, each against its target.
- ``tracing``: each command a trace, each step a span, exported over OTLP/HTTP; the device continues
  the trace from the ``traceparent`` MQTT 5 user property (``device``: the simulator's side).
  Needs the optional packages opentelemetry-sdk and opentelemetry-exporter-otlp-proto-http; without
  them tracing is off (``otel_available``) and the doctor says so.
- ``hub``: builds and wires the three (``services.build_services``).

Nothing here imports OpenTelemetry at import time: ``tracing`` and ``device`` are imported only when
tracing is on.
"""

from __future__ import annotations

from console.core.telemetry.config import TelemetryConfig, TelemetryConfigError
from console.core.telemetry.context import otel_available, otel_missing_reason

__all__ = ["TelemetryConfig", "TelemetryConfigError", "otel_available", "otel_missing_reason"]
