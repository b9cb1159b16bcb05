"""Telemetry settings (command line, settings file) and telemetry as an optional dependency."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from console.core.envcheck.python_env import judge_tracing
from console.core.telemetry.config import TelemetryConfig, TelemetryConfigError
from console.core.telemetry.context import TraceParent, traceparent_from_properties


def test_off_by_default_and_the_endpoint_gets_its_path(tmp_path):
    assert not TelemetryConfig.load(env={}, settings=tmp_path / "none.json").enabled
    cfg = TelemetryConfig.load(env={"AUTOGLM_OTLP_ENDPOINT": "http://127.0.0.1:4318", "AUTOGLM_OTLP_SAMPLE": "0.25"})
    assert cfg.enabled and cfg.sample == 0.25 and cfg.traces_url == "http://127.0.0.1:4318/v1/traces"
    assert TelemetryConfig("https://c.example:443/otlp/v1/traces").traces_url == "https://c.example:443/otlp/v1/traces"


def test_the_settings_file_is_read_and_written(tmp_path):
    path = tmp_path / "telemetry.json"
    TelemetryConfig("http://collector:4318", 0.5).save(path)
    assert json.loads(path.read_text()) == {"otlp_endpoint": "http://collector:4318", "otlp_sample": 0.5}
    assert TelemetryConfig.load(env={}, settings=path) == TelemetryConfig("http://collector:4318", 0.5)
    # the command line wins over the file
    assert not TelemetryConfig.load(env={"AUTOGLM_OTLP_ENDPOINT": ""}, settings=path).enabled


@pytest.mark.parametrize("endpoint, sample, words", [
    ("collector:4318", 1, r"not an http\(s\) URL"),
    ("ftp://collector", 1, r"not an http\(s\) URL"),
    ("http://collector:4318", 1.5, "between 0 and 1"),
    ("http://collector:4318", "lots", "not a number"),
    ("http://collector:4318", float("nan"), "between 0 and 1"),
])
def test_bad_settings_say_what_to_write(endpoint, sample, words):
    with pytest.raises(TelemetryConfigError, match=words):
        TelemetryConfig.from_values(endpoint, sample)


def test_a_broken_settings_file_leaves_tracing_off_and_says_why(tmp_path, monkeypatch):
    from console.core.paths import user_data_dir
    from console.core.telemetry.hub import TelemetryHub

    user_data_dir().mkdir(parents=True, exist_ok=True)
    (user_data_dir() / "telemetry.json").write_text("{not json")
    monkeypatch.delenv("AUTOGLM_OTLP_ENDPOINT", raising=False)
    monkeypatch.delenv("AUTOGLM_OTLP_SAMPLE", raising=False)
    hub = TelemetryHub.from_settings()
    try:
        assert not hub.tracing and "telemetry.json" in hub.tracing_status and "fix or delete" in hub.tracing_status
    finally:
        hub.close()


def test_traceparent_parsing():
    tp = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
    assert tp and tp.sampled and str(tp) == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    for bad in ("", None, 42, "00-" + "0" * 32 + "-00f067aa0ba902b7-01", "ff-4bf92f3577b34da6a3ce929d0e0e4736-"
                "00f067aa0ba902b7-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"):
        assert TraceParent.parse(bad) is None

    class Props:
        UserProperty = [("other", "x"), ("traceparent", "00-a-b-01")]

    assert traceparent_from_properties(Props()) == "00-a-b-01"
    assert traceparent_from_properties(None) == ""


def test_the_doctor_row():
    assert judge_tracing(missing="").status == "ok"
    row = judge_tracing(missing="not installed: opentelemetry.sdk", cfg=TelemetryConfig())
    assert row.status == "skip" and "pip install 'opentelemetry-sdk==1.45.2'" in row.hint
    row = judge_tracing(missing="not installed: opentelemetry.sdk", cfg=TelemetryConfig("http://c:4318"))
    assert row.status == "warn" and "http://c:4318" in row.hint
    on = judge_tracing(missing="", cfg=TelemetryConfig("http://c:4318", 0.1))
    assert on.status == "ok" and on.value == "tracing on: http://c:4318/v1/traces, sampling 0.1"


def test_without_the_packages_tracing_is_off_and_the_console_still_builds(tmp_path):
    """opentelemetry made unimportable in a child process: services build, tracing off, the doctor says so."""
    code = f"""
import sys
sys.modules["opentelemetry"] = None  # as if not installed
import os
os.environ["AUTOGLM_DATA_DIR"] = {str(tmp_path)!r}
os.environ["AUTOGLM_OTLP_ENDPOINT"] = "http://127.0.0.1:9"
from console.core.services import build_services
from console.core.envcheck.python_env import judge_tracing
svc = build_services(broker_url="mqtt://127.0.0.1:9", outbox_path={str(tmp_path / 'o.sqlite3')!r})
print(svc.telemetry.tracing, svc.telemetry.tracing_status)
r = judge_tracing()
print(r.status, r.value)
svc.commands.outbox.close()
svc.telemetry.close()
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    first, second = out.stdout.strip().splitlines()
    assert first.startswith("False off: OpenTelemetry not installed: opentelemetry.sdk")
    assert second.startswith("warn tracing off: not installed")
