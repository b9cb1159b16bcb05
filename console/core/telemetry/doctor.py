"""The doctor's row for tracing: are the OpenTelemetry packages there, is an endpoint configured
(the texts are marked for translation: the Environment panel shows them in the operator's language)."""

from __future__ import annotations

from console.core.i18n import QT_TRANSLATE_NOOP
from console.core.telemetry.config import TelemetryConfig, TelemetryConfigError
from console.core.telemetry.context import OTEL_PIP, otel_missing_reason


def tracing_row(missing: str | None = None, cfg: TelemetryConfig | None = None) -> dict:
    """status, value, expected and hint for the doctor's row (envcheck builds its CheckResult)."""
    missing = otel_missing_reason() if missing is None else missing
    expected = QT_TRANSLATE_NOOP("Doctor", "optional: OpenTelemetry SDK and OTLP/HTTP exporter, for --otlp-endpoint")
    try:
        cfg = TelemetryConfig.load() if cfg is None else cfg
    except TelemetryConfigError as exc:
        return {"status": "warn", "value": QT_TRANSLATE_NOOP("Doctor", "tracing settings not usable"),
                "expected": expected, "hint": str(exc)}
    if missing:
        value = QT_TRANSLATE_NOOP("Doctor", "tracing off: {missing}").format(missing=missing)
        if cfg.enabled:
            return {"status": "warn", "value": value, "expected": expected,
                    "hint": QT_TRANSLATE_NOOP("Doctor", "An OTLP endpoint is configured ({endpoint}) but nothing "
                                              "can export to it: {install}").format(endpoint=cfg.endpoint,
                                                                                    install=OTEL_PIP)}
        return {"status": "skip", "value": value, "expected": expected,
                "hint": QT_TRANSLATE_NOOP("Doctor", "Only needed to send traces to a collector. To use it: "
                                          "{install}").format(install=OTEL_PIP)}
    if not cfg.enabled:
        return {"status": "ok", "value": QT_TRANSLATE_NOOP("Doctor", "installed; tracing off (no endpoint)"),
                "expected": expected}
    return {"status": "ok", "value": QT_TRANSLATE_NOOP("Doctor", "tracing on: {url}, sampling {sample}").format(
        url=cfg.traces_url, sample=f"{cfg.sample:g}"), "expected": expected}
