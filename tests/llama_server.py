"""llama-cpp-python's OpenAI-compatible server as a subprocess: the real model server of the remote
engine's and the doctor's tests.  It serves the bundled GGUF from .venv-llama (built by
packaging/install-llama-server.sh, which `make test` runs); the session-wide one is the ``llama``
fixture of tests/conftest.py."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from console.core.demo.broker import free_port
from console.core.inference.remote import RemoteEngine
from console.core.inference.types import GenParams

REPO = Path(__file__).resolve().parents[1]
LLAMA_PY = REPO / ".venv-llama" / "bin" / "python"
API_KEY = "test-key-123"
ALIAS = "smollm2"


class LlamaServer:
    """llama-cpp-python's server as a subprocess on a free loopback port."""

    def __init__(self, gguf: Path, log_path: Path, api_key: str | None = API_KEY) -> None:
        if not LLAMA_PY.exists():
            pytest.fail(f"{LLAMA_PY} is missing: run `bash packaging/install-llama-server.sh` "
                        "(`make test` does) to build llama-cpp-python's server")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.api_key = api_key
        self.log_path = log_path
        cmd = [str(LLAMA_PY), "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", ALIAS,
               "--host", "127.0.0.1", "--port", str(self.port), "--n_threads", "1", "--n_ctx", "2048",
               "--interrupt_requests", "False", "--verbose", "False"]
        if api_key:
            cmd += ["--api_key", api_key]
        self._log = open(log_path, "wb")
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT, cwd=REPO)
        probe = RemoteEngine(self.url, api_key=api_key, timeout_s=5, retries=0)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.stop()
                pytest.fail(f"llama.cpp server exited with {self.proc.returncode}:\n{self.log_tail()}")
            if probe.health().ok:
                return
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"llama.cpp server did not answer /v1/models within 120 s:\n{self.log_tail()}")

    def engine(self, **kw) -> RemoteEngine:
        kw.setdefault("api_key", self.api_key)
        kw.setdefault("model", ALIAS)
        return RemoteEngine(self.url, **kw)

    def log_tail(self) -> str:
        return self.log_path.read_bytes()[-3000:].decode("utf-8", "replace")

    def warm_up(self, messages) -> None:
        """Run ``messages`` once: the server keeps the prompt's KV cache, so the next request with
        it answers at once (prompt processing runs at ~25 tokens/s on these shared cores)."""
        self.engine(timeout_s=120).generate(messages, GenParams(max_new_tokens=1), lambda s: None, lambda: False)

    def stop(self, kill: bool = False) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.kill() if kill else self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._log.close()
