"""The doctor's "Model server" row against the real llama.cpp OpenAI-compatible server of the remote
engine's tests (the session-wide ``llama`` fixture: serves the bundled GGUF as ``smollm2`` and wants
an API key), a port nothing listens on, and the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from console.cli import build_parser
from console.core.demo.broker import free_port
from console.core.envcheck import DoctorContext, default_checks, doctor_main, make_context, run_checks
from console.core.envcheck.child import ctx_from_json, ctx_to_json
from console.core.envcheck.remote_checks import check_remote
from tests.llama_server import ALIAS, API_KEY

ROOT = Path(__file__).resolve().parents[3]


def _remote_only():
    return [c for c in default_checks() if c.id == "remote"]


def test_not_configured_is_a_skip():
    for url in (None, "", "   "):
        row = check_remote(DoctorContext(remote_url=url))
        assert (row.name, row.group, row.status, row.value) == ("Model server", "Model server", "skip", "not configured")
        # a context built as the GUI's panel builds it names the Model panel's field, not the flag
        assert "the URL field of the Model panel's remote server" in row.expected and "--remote-url" not in row.expected
    assert [c.group for c in _remote_only()] == ["Model server"]


def test_doctor_main_json_names_the_flag_when_no_server_is_configured(capfd):
    """The command line's report (JSON, as `autoglm-console doctor --json` prints it): no panel there."""
    rc = doctor_main(json_out=True, remote_url=None, checks=_remote_only())
    out, _ = capfd.readouterr()
    row = next(c for c in json.loads(out)["checks"] if c["name"] == "Model server")
    assert rc == 0 and (row["status"], row["value"]) == ("skip", "not configured")
    assert row["expected"] == ("a server URL (--remote-url or AUTOGLM_REMOTE_URL) when the console uses a "
                               "remote model server")
    assert "Model panel" not in out and "model panel" not in out


class _NoModels:
    """An OpenAI-compatible endpoint on loopback whose model list is empty, as a server that is still
    loading its model may answer (llama.cpp always lists the model it serves)."""

    def __init__(self):
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                body = b'{"object": "list", "data": []}' if self.path == "/v1/models" else b"{}"
                self.send_response(200 if self.path == "/v1/models" else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def no_models():
    server = _NoModels()
    yield server
    server.stop()


def test_a_server_that_lists_no_models_names_where_the_model_is_set(no_models, capfd):
    gui = check_remote(DoctorContext(remote_url=no_models.url))  # the GUI panel's kind of context
    assert gui.status == "warn" and "lists no models" in gui.value, gui
    assert gui.hint.startswith("Name the model as the server serves it (the Model field of the Model panel's "
                               "remote server), or check the server's log")
    assert "--remote-model" not in gui.hint
    # a model named but nothing listed: the same hint, not "It serves: nothing"
    named = check_remote(DoctorContext(remote_url=no_models.url, remote_model="glm"))
    assert named.status == "fail" and named.hint == gui.hint, named

    rc = doctor_main(json_out=False, remote_url=no_models.url, checks=_remote_only())
    out, _ = capfd.readouterr()
    port = no_models.server.server_address[1]
    assert rc == 0 and f"[WARN] Model server: http://127.0.0.1:{port} lists no models" in out
    fix = next(line for line in out.splitlines() if "fix: Name the model" in line)
    assert "(--remote-model or AUTOGLM_REMOTE_MODEL)" in fix
    assert "Model panel" not in out and "model panel" not in out


@pytest.mark.slow
@pytest.mark.parametrize("model", [None, ALIAS])
def test_server_up_is_ok_with_its_models_and_the_latency(llama, model):
    ctx = DoctorContext(remote_url=llama.url, remote_model=model, remote_api_key=API_KEY)
    row = check_remote(ctx)
    assert row.status == "ok", row
    assert row.value.startswith(f"1 model(s): {ALIAS} at http://127.0.0.1:{llama.port}") and row.value.endswith(" ms)")
    assert row.details["url"] == f"http://127.0.0.1:{llama.port}"
    assert row.details["models"] == [ALIAS]
    assert 0 < row.details["latency_ms"] <= ctx.remote_timeout_s * 1000  # an answer comes within the limit
    assert f"{row.details['latency_ms']:.0f} ms" in row.value
    assert API_KEY not in json.dumps(row.to_dict())


@pytest.mark.slow
def test_a_model_the_server_does_not_serve_fails_and_lists_what_it_serves(llama):
    row = check_remote(DoctorContext(remote_url=llama.url, remote_model="qwen-72b", remote_api_key=API_KEY))
    assert row.status == "fail"
    assert "'qwen-72b'" in row.value and "does not list" in row.value
    assert f"It serves: {ALIAS}" in row.hint
    assert row.expected == "answers GET /v1/models and serves 'qwen-72b'"
    assert row.details["models"] == [ALIAS] and row.details["latency_ms"] > 0
    # a context built as the GUI's panel builds it names the Model panel's field, not the flag
    assert "Name one of those (the Model field of the Model panel's remote server)" in row.hint
    assert "--remote-model" not in row.hint


@pytest.mark.slow
def test_doctor_main_names_the_flag_for_a_model_the_server_does_not_serve(llama, capfd):
    rc = doctor_main(json_out=False, remote_url=llama.url, remote_model="qwen-72b", remote_api_key=API_KEY,
                     checks=_remote_only())
    out, err = capfd.readouterr()
    assert rc == 1 and "[FAIL] Model server: the server does not list the model 'qwen-72b'" in out
    fix = next(line for line in out.splitlines() if "fix: It serves:" in line)
    assert fix.strip() == (f"fix: It serves: {ALIAS}. Name one of those (--remote-model or AUTOGLM_REMOTE_MODEL), "
                           "or leave the name empty for the first one it serves.")
    assert "Model panel" not in out and "model panel" not in out
    assert API_KEY not in out + err


@pytest.mark.slow
def test_a_missing_or_wrong_api_key_fails_with_the_key_hint_and_never_shows_the_key(llama):
    no_key = check_remote(DoctorContext(remote_url=llama.url))
    assert no_key.status == "fail" and "HTTP 401" in no_key.value
    assert "API key" in no_key.hint
    wrong = check_remote(DoctorContext(remote_url=llama.url, remote_api_key="Wrong-Key-81123"))
    assert wrong.status == "fail" and "HTTP 401" in wrong.value
    assert "Wrong-Key-81123" not in json.dumps(wrong.to_dict())
    assert "Wrong-Key-81123" not in repr(DoctorContext(remote_api_key="Wrong-Key-81123"))


def test_a_closed_port_fails_fast_with_what_to_start():
    port = free_port()  # nothing listens there once the probe socket is closed
    ctx = DoctorContext(remote_url=f"http://127.0.0.1:{port}/v1", remote_timeout_s=2.0)
    rows = run_checks(_remote_only(), ctx)  # through the runner, as the doctor runs it
    assert len(rows) == 1
    row = rows[0]
    # refused at once: the check's own answer, not the runner giving up on it at its time limit
    assert row.status == "fail" and not row.details.get("timed_out")
    assert f"cannot reach the model server at http://127.0.0.1:{port}" in row.value
    assert "Connection refused" in row.value and "1 attempt)" in row.value  # one try, no retries
    assert "python -m llama_cpp.server" in row.hint and "vllm serve" in row.hint and f"--port {port}" in row.hint
    # a context built as the GUI's panel builds it keeps the panel's words
    assert row.hint.endswith(", or fix the URL in the model panel.") and "--remote-url" not in row.hint
    assert row.details["models"] == [] and row.details["latency_ms"] is None


def test_a_url_that_is_not_http_is_a_failed_row():
    row = check_remote(DoctorContext(remote_url="ftp://models.example/v1"))
    assert row.status == "fail" and "not an http(s) URL" in row.value and "http://localhost:8000/v1" in row.hint


def test_context_round_trip_keeps_the_server_and_drops_the_key():
    ctx = make_context(remote_url="http://gpu-box:8000/v1", remote_model="m", remote_api_key="Sk-Key-4471",
                       remote_timeout_s=3.0)
    raw = ctx_to_json(ctx)
    assert "Sk-Key-4471" not in json.dumps(raw)  # the child's spec goes on its command line
    back = ctx_from_json(raw)
    assert (back.remote_url, back.remote_model, back.remote_timeout_s, back.remote_api_key) == (
        "http://gpu-box:8000/v1", "m", 3.0, None)


def test_doctor_main_text_shows_the_failed_row_and_its_fix(capfd):
    port = free_port()
    checks = [c for c in default_checks() if c.id in ("python", "remote")]
    rc = doctor_main(json_out=False, remote_url=f"http://127.0.0.1:{port}", remote_model=ALIAS,
                     remote_api_key="Sk-NotShown-5521", checks=checks)
    out, err = capfd.readouterr()
    assert rc == 1
    assert "\nModel server\n" in out
    assert f"[FAIL] Model server: cannot reach the model server at http://127.0.0.1:{port}" in out
    assert "fix: Is vLLM or SGLang running" in out
    # a terminal has no model panel: the hint names the flag and the variable instead
    fix = next(line for line in out.splitlines() if "fix: Is vLLM or SGLang running" in line)
    assert fix.endswith(", or pass the right URL with --remote-url (or set AUTOGLM_REMOTE_URL).")
    assert "model panel" not in out
    assert "Sk-NotShown-5521" not in out + err


def test_the_command_line_reads_the_flags_and_the_environment(monkeypatch):
    monkeypatch.delenv("AUTOGLM_REMOTE_URL", raising=False)
    monkeypatch.delenv("AUTOGLM_REMOTE_MODEL", raising=False)
    args = build_parser().parse_args(["doctor"])
    assert (args.remote_url, args.remote_model) == (None, None)
    args = build_parser().parse_args(["doctor", "--remote-url", "http://a:1/v1", "--remote-model", "m"])
    assert (args.remote_url, args.remote_model) == ("http://a:1/v1", "m")
    monkeypatch.setenv("AUTOGLM_REMOTE_URL", "http://env-host:8000/v1")
    monkeypatch.setenv("AUTOGLM_REMOTE_MODEL", "env-model")
    args = build_parser().parse_args(["doctor"])
    assert (args.remote_url, args.remote_model) == ("http://env-host:8000/v1", "env-model")
    args = build_parser().parse_args(["doctor", "--remote-url", "http://flag:1"])
    assert args.remote_url == "http://flag:1"  # the flag wins


@pytest.mark.slow
def test_cli_doctor_json_with_remote_url_has_the_row(llama):
    """The whole command, every check, as an operator runs it; the key comes from the environment."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AUTOGLM_REMOTE_API_KEY=API_KEY)
    env.pop("AUTOGLM_REMOTE_URL", None)
    proc = subprocess.run([sys.executable, "-m", "console", "doctor", "--json", "--remote-url", llama.url,
                           "--remote-model", ALIAS], capture_output=True, text=True, env=env, timeout=240, cwd=ROOT)
    report = json.loads(proc.stdout)  # the whole of stdout is the one JSON document
    row = next(c for c in report["checks"] if c["name"] == "Model server")
    assert row["status"] == "ok" and row["group"] == "Model server", row
    assert row["details"]["models"] == [ALIAS] and row["details"]["latency_ms"] > 0
    assert row["details"]["url"] == f"http://127.0.0.1:{llama.port}"
    assert API_KEY not in proc.stdout + proc.stderr
    assert proc.returncode == (1 if report["summary"]["fail"] else 0)


def test_generating_against_a_server_that_lists_no_models_gives_the_doctors_hint(no_models):
    """The engine's own error for the same server says what the doctor row says, in the GUI's words
    by default and in the command line's where those are passed (as the doctor passes them)."""
    from console.core.inference.remote import RemoteEngine, RemoteEngineError
    from console.core.inference.types import ChatMessage, GenParams

    gui = check_remote(DoctorContext(remote_url=no_models.url))
    for kw, want in (({}, gui.hint), ({"model_setting": "--remote-model"}, "(--remote-model)")):
        engine = RemoteEngine(no_models.url, retries=0, **kw)
        with pytest.raises(RemoteEngineError) as err:
            engine.generate([ChatMessage("user", "stop both conveyors")], GenParams(max_new_tokens=2),
                            lambda s: None, lambda: False)
        assert str(err.value) == f"{engine.base_url} lists no models", err.value
        assert want in err.value.hint, err.value.hint
        assert ("Model panel" in err.value.hint) == (not kw), err.value.hint
        engine.close()
