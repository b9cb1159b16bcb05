"""Start an MQTT broker on loopback for the demo and the tests.

Mosquitto (MQTT 5, fast) when it is installed; otherwise amqtt (pure Python, MQTT 3.1.1 only) in a
subprocess so that a pip-only install still gets a working demo.  Either way it listens on
127.0.0.1 only, on a free port, and goes away with the console: the process is owned by a
``ProcessSupervisor`` (supervisor.py: PR_SET_PDEATHSIG, atexit), which with ``watchdog=True`` (the
demo) also restarts it on the same port when it dies; the MQTT link then reconnects by itself.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from console.core.demo.supervisor import ProcessSupervisor

log = logging.getLogger(__name__)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_port(host: str, port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def find_mosquitto() -> str | None:
    return shutil.which("mosquitto") or next(
        (p for p in ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto") if os.access(p, os.X_OK)), None
    )


def amqtt_available() -> bool:
    try:
        import importlib.util

        return importlib.util.find_spec("amqtt") is not None
    except (ImportError, ValueError):
        return False


class BrokerError(RuntimeError):
    pass


@dataclass
class TlsFiles:
    cafile: str
    certfile: str
    keyfile: str
    require_certificate: bool = False


@dataclass
class EmbeddedBroker:
    """A broker subprocess.  ``passwords`` maps user → password (anonymous access is then off)."""

    port: int = 0
    host: str = "127.0.0.1"
    kind: str = "auto"  # auto | mosquitto | amqtt
    passwords: dict[str, str] = field(default_factory=dict)
    tls: TlsFiles | None = None
    max_queued: int = 100_000
    proc: subprocess.Popen | None = None
    workdir: Path | None = None
    protocol: str = "5"
    watchdog: bool = False  # restart the process on the same port when it exits unexpectedly
    supervisor: ProcessSupervisor | None = None

    @property
    def restarts(self) -> int:
        """How many times the watchdog brought the broker back."""
        return self.supervisor.restarts if self.supervisor is not None else 0

    def start(self, timeout: float = 10.0) -> "EmbeddedBroker":
        if not self.port:
            self.port = free_port(self.host)
        kind = self.kind
        if kind == "auto":
            kind = "mosquitto" if find_mosquitto() else ("amqtt" if amqtt_available() else "")
        if not kind:
            raise BrokerError(
                "no MQTT broker available: install Mosquitto (Debian: apt-get install mosquitto) "
                "or the Python broker (pip install amqtt), or configure an external broker"
            )
        self.workdir = Path(tempfile.mkdtemp(prefix="autoglm-broker-"))
        # Mosquitto started as root drops to user 'mosquitto': it must be able to read our files
        os.chmod(self.workdir, 0o755)
        if kind == "mosquitto":
            cmd = self._mosquitto_cmd()
            self.protocol = "5"
        else:
            cmd = self._amqtt_cmd()
            self.protocol = "3.1.1"
        self.kind = kind
        log_path = self.workdir / "broker.log"
        self._log = open(log_path, "wb")  # noqa: SIM115 - lives as long as the process
        self._supervise(cmd)
        if not wait_port(self.host, self.port, timeout) or self.proc is None or self.proc.poll() is not None:
            out = log_path.read_text(errors="replace")[-2000:]
            self.stop()
            raise BrokerError(f"{kind} did not start on {self.host}:{self.port}: {out.strip() or 'no output'}")
        log.info("embedded %s broker on %s:%d", kind, self.host, self.port)
        return self

    def _mosquitto_cmd(self) -> list[str]:
        assert self.workdir is not None
        lines = [
            f"listener {self.port} {self.host}",
            "persistence false",
            f"max_queued_messages {self.max_queued}",
            "max_inflight_messages 0",
            "set_tcp_nodelay true",  # else each command/ack hop can wait ~40 ms for Nagle
            "log_type error",
            "log_type warning",
            "log_type notice",
            "log_dest stdout",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            # as root Mosquitto would switch to user 'mosquitto', and the kernel clears PR_SET_PDEATHSIG on
            # that switch: the broker would outlive a killed console.  It keeps our identity instead.
            lines.append("user root")
        if self.passwords:
            pw = self.workdir / "passwd"
            pw.write_text("".join(f"{u}:{p}\n" for u, p in self.passwords.items()))
            os.chmod(pw, 0o644)
            subprocess.run(["mosquitto_passwd", "-U", str(pw)], check=True, capture_output=True)
            os.chmod(pw, 0o644)
            lines += ["allow_anonymous false", f"password_file {pw}"]
        else:
            lines.append("allow_anonymous true")
        if self.tls:
            for p in (self.tls.cafile, self.tls.certfile, self.tls.keyfile):
                os.chmod(p, 0o644)
            lines += [f"cafile {self.tls.cafile}", f"certfile {self.tls.certfile}", f"keyfile {self.tls.keyfile}"]
            if self.tls.require_certificate:
                lines.append("require_certificate true")
        conf = self.workdir / "mosquitto.conf"
        conf.write_text("\n".join(lines) + "\n")
        os.chmod(conf, 0o644)
        return [find_mosquitto() or "mosquitto", "-c", str(conf)]

    def _amqtt_cmd(self) -> list[str]:
        assert self.workdir is not None
        if self.passwords or self.tls:
            raise BrokerError("the amqtt fallback runs without TLS and passwords; install Mosquitto for those")
        conf = self.workdir / "amqtt.yaml"
        conf.write_text(
            textwrap.dedent(
                f"""\
                listeners:
                  default:
                    type: tcp
                    bind: {self.host}:{self.port}
                plugins:
                  amqtt.plugins.authentication.AnonymousAuthPlugin:
                    allow_anonymous: true
                """
            )
        )
        return [sys.executable, "-m", "amqtt.scripts.broker_script", "-c", str(conf)]

    @property
    def url(self) -> str:
        return f"mqtt://{self.host}:{self.port}"

    def _supervise(self, cmd: list[str]) -> None:
        assert self.workdir is not None
        self.supervisor = ProcessSupervisor(cmd, name=f"{self.kind}:{self.port}", cwd=self.workdir,
                                            output=self._log, restart=self.watchdog, on_spawn=self._spawned)
        self.supervisor.start()

    def _spawned(self, proc: subprocess.Popen | None) -> None:
        self.proc = proc  # the supervisor thread: a (re)started process, or None once it is gone for good

    def stop(self) -> None:
        if self.supervisor is not None:
            self.supervisor.stop(timeout=5)
            self.supervisor = None
        self.proc = None
        if getattr(self, "_log", None) is not None:
            self._log.close()
            self._log = None
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def kill(self) -> None:
        """SIGKILL the broker on purpose, no restart (tests of reconnects); ``restart()`` brings it back
        on the same port."""
        if self.supervisor is not None:
            self.supervisor.stop(timeout=5, kill=True)
            self.supervisor = None
        self.proc = None

    def restart(self, timeout: float = 10.0) -> None:
        assert self.workdir is not None, "start() first"
        conf = self.workdir / ("mosquitto.conf" if self.kind == "mosquitto" else "amqtt.yaml")
        cmd = (
            [find_mosquitto() or "mosquitto", "-c", str(conf)]
            if self.kind == "mosquitto"
            else [sys.executable, "-m", "amqtt.scripts.broker_script", "-c", str(conf)]
        )
        self._supervise(cmd)
        if not wait_port(self.host, self.port, timeout):
            raise BrokerError(f"{self.kind} did not come back on port {self.port}")

    def __enter__(self) -> "EmbeddedBroker":
        return self.start() if self.proc is None else self

    def __exit__(self, *exc) -> None:
        self.stop()
