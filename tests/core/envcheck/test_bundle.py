"""Redaction, and the diagnostic bundle: secrets planted in a log file, the broker URL and the
telemetry must not reach the zip; the rest must."""

from __future__ import annotations

import json
import zipfile

import pytest

from console.core.demo.broker import EmbeddedBroker
from console.core.envcheck import build_report, make_context, run_doctor, write_bundle
from console.core.envcheck.mqtt_checks import check_broker
from console.core.envcheck.redact import redact, redact_obj
from console.core.envcheck.runner import Check
from console.core.logsetup import setup_logging


@pytest.mark.parametrize("text, secret", [
    ("mqtt://op:S3cretPw@broker.local:1883", "S3cretPw"),
    ("mqtts://user:p%40ss-word@h:8883/x", "p%40ss-word"),
    ("connect password=hunter22 user=x", "hunter22"),
    ("Authorization: Bearer abcdef123456789", "abcdef123456789"),
    ("headers={'Authorization': 'Basic dXNlcjpwYXNz'}", "dXNlcjpwYXNz"),
    ('{"password": "hunter2", "api_key": "k-123456"}', "k-123456"),
    ("HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyz123", "hf_abcdefghijklmnopqrstuvwxyz123"),
    ("key sk-abcdefghijklmnopqrst in a line", "sk-abcdefghijklmnopqrst"),
    ("mosquitto_pub --password hunter2 -u x", "hunter2"),
    ("api_key: 'abc123xyz'", "abc123xyz"),
    ("secret_token=zzz999", "zzz999"),
])
def test_redact_masks_secrets(text, secret):
    out = redact(text)
    assert secret not in out and "***" in out


@pytest.mark.parametrize("text", [
    "prompt_tokens: 53 max_new_tokens=128 tokenizer: tokenizer.json",
    "3 passed in 2s; password file /etc/mosquitto/passwd",
    "broker mqtt://127.0.0.1:1883 connected",
    "The broker rejected these credentials: check the user name and password",
])
def test_redact_leaves_harmless_text_alone(text):
    assert redact(text) == text


def test_known_secrets_go_whatever_their_shape():
    assert redact("the pw was Zq9-secret! yesterday", known=["Zq9-secret!"]) == "the pw was *** yesterday"
    assert redact_obj({"password": "x1", "nested": ["mqtt://a:b@c"], "n": 3}) == {
        "password": "***", "nested": ["mqtt://a:***@c"], "n": 3}


PLANTED = {
    "log_password": "LogPw-7781",
    "log_bearer": "BearerTok9988776655",
    "log_url_pw": "UrlPw-4455",
    "broker_pw": "BrokerPw-3141",
    "telemetry_token": "TelemTok-2718",
}


def test_bundle_contains_no_secret(tmp_path):
    """Plant secrets in a real log file (written by the console's logging), in the broker URL the
    doctor checks (a real Mosquitto with that password) and in the telemetry; none may reach the zip."""
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    import logging

    root = logging.getLogger()
    earlier = [h for h in root.handlers if getattr(h, "_autoglm", False)]  # another test's console logging
    for h in earlier:
        root.removeHandler(h)
    setup_logging(log_dir=log_dir, stderr=False)
    log = logging.getLogger("test.planted")
    try:
        log.warning("connecting with password=%s", PLANTED["log_password"])
        log.warning("remote engine headers: {'Authorization': 'Bearer %s'}", PLANTED["log_bearer"])
        log.warning("broker url mqtt://operator:%s@10.0.0.5:1883", PLANTED["log_url_pw"])
        log.warning("decoded 17 tokens at 12.5 tok/s")  # must survive
    finally:
        for h in list(logging.getLogger().handlers):
            if getattr(h, "_autoglm", False):
                h.close()
                root.removeHandler(h)
        for h in earlier:
            root.addHandler(h)
    (log_dir / "console.log.1").write_text(f"older log: token={PLANTED['log_password']}\n")

    with EmbeddedBroker(kind="mosquitto", passwords={"operator": PLANTED["broker_pw"]}) as b:
        url = f"mqtt://operator:{PLANTED['broker_pw']}@127.0.0.1:{b.port}"
        ctx = make_context(url)
        rows = run_doctor(ctx, checks=[Check("broker", "Broker", check_broker, 30)])
    assert {r.name: r.status for r in rows}["Broker login (CONNACK)"] == "ok"
    report = build_report(rows)
    report["checks"][0]["details"]["url"] = url  # as if a check had echoed the URL

    def telemetry():
        return {"vram_mib": [812, 815, 820], "latency_ms": [40.1, 39.8],
                "engine": {"endpoint": "https://api.example/v1", "api_key": PLANTED["telemetry_token"]}}

    dest = write_bundle(tmp_path / "out" / "bundle.zip", report, log_dir=log_dir, telemetry_provider=telemetry,
                        known_secrets=[ctx.broker.password])
    assert dest.is_file() and not (tmp_path / "out" / "bundle.zip.part").exists()
    with zipfile.ZipFile(dest) as zf:
        names = set(zf.namelist())
        blobs = {n: zf.read(n).decode("utf-8") for n in names}
    assert {"report.json", "report.md", "manifest.json", "telemetry.json", "logs/console.log",
            "logs/console.log.1"} <= names
    everything = "\n".join(blobs.values())
    for what, secret in PLANTED.items():
        assert secret not in everything, f"{what} leaked into the bundle"
    # what is not secret is still there
    assert "decoded 17 tokens at 12.5 tok/s" in blobs["logs/console.log"]
    assert "mqtt://operator:***@10.0.0.5:1883" in blobs["logs/console.log"]
    assert json.loads(blobs["telemetry.json"])["vram_mib"] == [812, 815, 820]
    rep = json.loads(blobs["report.json"])
    assert rep["checks"][0]["details"]["url"] == f"mqtt://operator:***@127.0.0.1:{b.port}"
    assert "# AutoGLM Console environment report" in blobs["report.md"]


def test_bundle_without_telemetry_or_logs_says_so(tmp_path):
    dest = write_bundle(tmp_path / "b.zip", build_report([]), log_dir=tmp_path / "no-logs")
    with zipfile.ZipFile(dest) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["files"] == ["report.json", "report.md"]
    assert "no telemetry" in manifest["telemetry"]


def test_a_failing_telemetry_provider_does_not_lose_the_bundle(tmp_path):
    def broken():
        raise RuntimeError("ring buffer gone, token=abc12345")

    dest = write_bundle(tmp_path / "b.zip", build_report([]), telemetry_provider=broken)
    with zipfile.ZipFile(dest) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert "telemetry: RuntimeError" in manifest["errors"][0]
    assert "abc12345" not in manifest["errors"][0]


def test_bundle_carries_the_model_telemetry_snapshot(tmp_path):
    """The panel's telemetry_provider will be Telemetry.snapshot: a real one goes into the zip as JSON."""
    from console.core.inference.telemetry import Telemetry
    from console.core.inference.types import RequestMetrics

    tel = Telemetry(hz=4.0, window_s=60.0)
    try:
        for _ in range(3):
            tel.sample_once()
        tel.record_request(RequestMetrics(ttft_s=0.05, e2e_s=0.4, prompt_tokens=12, new_tokens=8))
        dest = write_bundle(tmp_path / "t.zip", build_report([]), telemetry_provider=lambda: tel.snapshot(300))
    finally:
        tel.close()
    with zipfile.ZipFile(dest) as zf:
        data = json.loads(zf.read("telemetry.json"))
    assert len(data["samples"]["rss"]) == 3 and all(v > 0 for v in data["samples"]["rss"])
    assert data["requests"][0]["new_tokens"] == 8
