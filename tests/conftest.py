"""Shared fixtures: a real Mosquitto on a free loopback port, a real llama.cpp model server, fresh
settings and data dirs per test, and a check that no test leaves a thread of ours running."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from console.core.demo.broker import EmbeddedBroker, find_mosquitto  # noqa: E402
from console.core.inference.bundled_model import bundled_model_path  # noqa: E402
from console.core.mqtt.link import BrokerConfig  # noqa: E402

# resolved before any test redirects the data dirs: `make test` fetched it there
BUNDLED_GGUF = bundled_model_path()


@pytest.fixture(scope="session")
def bundled_gguf():
    if not BUNDLED_GGUF.is_file():
        pytest.fail(f"bundled model missing at {BUNDLED_GGUF}: run `make test` (it fetches it)")
    return BUNDLED_GGUF


@pytest.fixture(scope="session")
def llama(bundled_gguf, tmp_path_factory):
    """One real llama.cpp OpenAI-compatible server for the session (tests/llama_server.py), serving the
    bundled GGUF as ``smollm2`` and requiring the API key ``test-key-123``."""
    from tests.llama_server import LlamaServer

    server = LlamaServer(bundled_gguf, tmp_path_factory.mktemp("llama") / "server.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def mosquitto():
    """One real Mosquitto for the session (tests use unique topic prefixes to stay apart)."""
    if find_mosquitto() is None:
        pytest.fail("Mosquitto is not installed: run `make test` (it installs it) or apt-get install mosquitto")
    broker = EmbeddedBroker(kind="mosquitto").start()
    yield broker
    broker.stop()


class StockMosquitto(EmbeddedBroker):
    """Mosquitto as a stock install runs it: default limits (20 in flight, 1,000 queued per client)."""

    def _mosquitto_cmd(self) -> list[str]:
        conf = self.workdir / "mosquitto.conf"
        conf.write_text(f"listener {self.port} {self.host}\nallow_anonymous true\npersistence false\nlog_dest stdout\n")
        os.chmod(conf, 0o644)
        return [find_mosquitto() or "mosquitto", "-c", str(conf)]


@pytest.fixture(scope="session")
def stock_mosquitto():
    """A second real Mosquitto for the session with no limits raised (the embedded one raises them)."""
    if find_mosquitto() is None:
        pytest.fail("Mosquitto is not installed: run `make test` (it installs it) or apt-get install mosquitto")
    broker = StockMosquitto(kind="mosquitto").start()
    yield broker
    broker.stop()


@pytest.fixture
def prefix() -> str:
    return f"t{uuid.uuid4().hex[:10]}"


@pytest.fixture
def broker_cfg(mosquitto, prefix) -> BrokerConfig:
    return BrokerConfig(host=mosquitto.host, port=mosquitto.port, prefix=prefix)


@pytest.fixture(autouse=True)
def fresh_dirs(tmp_path, monkeypatch):
    """Each test gets its own data/log/model dirs and its own QSettings file."""
    monkeypatch.setenv("AUTOGLM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AUTOGLM_LOG_DIR", str(tmp_path / "logs"))
    try:
        from PySide6.QtCore import QSettings

        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    except ImportError:
        pass
    yield


OUR_THREADS = ("mqtt-link", "command-sweeper", "sim-ticker", "model-worker", "doctor", "services-start",
               "telemetry-spans")


@pytest.fixture(autouse=True)
def no_leaked_threads():
    before = {t.ident for t in threading.enumerate()}
    yield
    deadline = time.monotonic() + 5
    leaked = []
    while time.monotonic() < deadline:
        leaked = [
            t.name
            for t in threading.enumerate()
            if t.ident not in before and t.is_alive() and t.name.startswith(OUR_THREADS)
        ]
        if not leaked:
            break
        time.sleep(0.05)
    assert not leaked, f"test left threads running: {leaked}"


def wait_for(predicate, timeout: float = 10.0, interval: float = 0.02, what: str = "condition"):
    """Poll until ``predicate()`` is truthy; fail with ``what`` otherwise. Returns the value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


MQTT_USER, MQTT_PASSWORD = "operator", "s3cret-pw"


@pytest.fixture(scope="session")
def password_mosquitto():
    """A real Mosquitto with a password file (user ``MQTT_USER``, password ``MQTT_PASSWORD``), no anonymous."""
    if find_mosquitto() is None:
        pytest.fail("Mosquitto is not installed: run `make test` (it installs it) or apt-get install mosquitto")
    broker = EmbeddedBroker(kind="mosquitto", passwords={MQTT_USER: MQTT_PASSWORD}).start()
    yield broker
    broker.stop()
