"""A telemetry.json no editor wrote (nested deeper than the parser takes, not UTF-8, huge): the
settings are refused with the file named and what to do, tracing stays off and the console builds.
Before: a deeply nested file raised RecursionError out of TelemetryConfig.load.  Real files."""

from __future__ import annotations

import pytest

from console.core.telemetry.config import SETTINGS_MAX_BYTES, TelemetryConfig, TelemetryConfigError
from console.core.telemetry.hub import TelemetryHub


@pytest.mark.parametrize("content, words", [
    (b'{"otlp_endpoint": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
    (b'{"otlp_endpoint": "http://c\xff:4318"}', "not UTF-8"),
    (b" " * (SETTINGS_MAX_BYTES + 1), "larger than"),
])
def test_a_hostile_settings_file_is_named_and_tracing_stays_off(tmp_path, monkeypatch, content, words):
    settings = tmp_path / "telemetry.json"
    settings.write_bytes(content)
    with pytest.raises(TelemetryConfigError, match=f"telemetry settings {settings}.*{words}.*fix or delete"):
        TelemetryConfig.load(env={}, settings=settings)
    monkeypatch.setenv("AUTOGLM_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("AUTOGLM_OTLP_ENDPOINT", raising=False)
    monkeypatch.delenv("AUTOGLM_OTLP_SAMPLE", raising=False)
    hub = TelemetryHub.from_settings()  # the console's path: a safe default, never a traceback
    assert not hub.tracing and words in hub.tracing_status and str(settings) in hub.tracing_status
