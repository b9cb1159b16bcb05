"""W3C trace context without OpenTelemetry: parse a ``traceparent``, find it among MQTT 5 user
properties, and say whether the OpenTelemetry packages are there (imported only when asked)."""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from typing import Any

TRACEPARENT = "traceparent"  # the MQTT 5 user property's name (docs/PROTOCOL-PROPOSALS.md)
_RE = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")
OTEL_PACKAGES = ("opentelemetry.sdk", "opentelemetry.exporter.otlp.proto.http")
OTEL_PIP = "pip install 'opentelemetry-sdk==1.45.2' 'opentelemetry-exporter-otlp-proto-http==1.45.2'"


@dataclass(frozen=True)
class TraceParent:
    trace_id: str  # 32 hex digits
    span_id: str  # 16 hex digits: the span the receiver's span is a child of
    sampled: bool

    @classmethod
    def parse(cls, value: Any) -> "TraceParent | None":
        """A valid version-00 traceparent (all-zero ids are invalid), else None."""
        if not isinstance(value, str):
            return None
        m = _RE.match(value.strip())
        if m is None or m.group(1) == "ff":
            return None
        _, trace_id, span_id, flags = m.groups()
        if trace_id == "0" * 32 or span_id == "0" * 16:
            return None
        return cls(trace_id, span_id, bool(int(flags, 16) & 1))

    def __str__(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-{'01' if self.sampled else '00'}"


def traceparent_from_properties(properties: Any) -> str:
    """The ``traceparent`` user property of an MQTT 5 message's properties ("" if none)."""
    pairs = getattr(properties, "UserProperty", None) if properties is not None else None
    for pair in pairs or ():
        if isinstance(pair, (tuple, list)) and len(pair) == 2 and pair[0] == TRACEPARENT:
            return str(pair[1])
    return ""


def otel_missing_reason() -> str:
    """"" when the OpenTelemetry SDK and the OTLP/HTTP exporter can be imported, else what is missing."""
    missing = []
    for mod in OTEL_PACKAGES:
        try:
            if importlib.util.find_spec(mod) is None:
                missing.append(mod)
        except (ImportError, ValueError):
            missing.append(mod)
    return f"not installed: {', '.join(missing)}" if missing else ""


def otel_available() -> bool:
    return not otel_missing_reason()
