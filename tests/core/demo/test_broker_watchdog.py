"""The embedded broker's supervisor: restarted on the same port when it dies (the demo), never
restarted when stopped on purpose, and never outliving the process that owns it (PR_SET_PDEATHSIG
for SIGKILL, atexit for an ordinary exit), even when a short-lived thread started it."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap

import psutil
import pytest

from console.core.demo.broker import EmbeddedBroker, wait_port
from console.core.services import build_services
from tests.conftest import wait_for

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def gone(pid: int) -> bool:
    """Ended (a zombie counts: a container's init may not reap the orphan at once)."""
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_killed_demo_broker_is_restarted_on_its_port_and_everything_reconnects(tmp_path, caplog):
    svc = build_services(broker_url=None, demo=True, outbox_path=tmp_path / "outbox.db")
    try:
        svc.start_blocking()
        expected = {d.id for d in svc.fleet.devices}
        wait_for(lambda: expected <= svc.registry.online_ids(), 20, what="the demo fleet online")
        broker = svc.embedded
        assert broker is not None and broker.watchdog
        old_pid, port, connects = broker.proc.pid, broker.port, svc.link.connects
        with caplog.at_level(logging.WARNING, logger="console.core.demo.supervisor"):
            os.kill(old_pid, signal.SIGKILL)
            wait_for(lambda: broker.proc is not None and broker.proc.pid != old_pid, 15, what="a new broker process")
        assert broker.restarts == 1 and broker.port == port
        assert wait_port(broker.host, port, 10)
        assert any("exited unexpectedly" in r.getMessage() and str(old_pid) in r.getMessage() for r in caplog.records)
        wait_for(lambda: svc.link.connects > connects and svc.link.connected, 20, what="the link reconnected")
        wait_for(lambda: expected <= svc.registry.online_ids(), 20, what="the fleet online again")
    finally:
        svc.stop()
    assert svc.embedded.proc is None and gone(old_pid)


def test_a_broker_stopped_or_killed_on_purpose_is_not_restarted():
    broker = EmbeddedBroker(kind="mosquitto", watchdog=True).start()
    sup, pid = broker.supervisor, broker.proc.pid
    broker.kill()
    assert sup is not None and not sup._thread.is_alive()  # the watchdog ended: nothing can restart it
    assert sup.restarts == 0 and broker.proc is None and gone(pid)
    broker.restart()  # the tests' way back, on the same port
    try:
        assert broker.proc is not None and broker.proc.poll() is None and broker.proc.pid != pid
    finally:
        broker.stop()
    assert broker.supervisor is None and broker.proc is None


def test_without_the_watchdog_an_unexpected_exit_is_logged_and_left_alone(caplog):
    broker = EmbeddedBroker(kind="mosquitto").start()
    try:
        sup, pid = broker.supervisor, broker.proc.pid
        with caplog.at_level(logging.WARNING, logger="console.core.demo.supervisor"):
            os.kill(pid, signal.SIGKILL)
            wait_for(lambda: broker.proc is None, 10, what="the exit noticed")
        sup._thread.join(5)
        assert not sup._thread.is_alive() and sup.restarts == 0
        assert any("exited unexpectedly" in r.getMessage() for r in caplog.records)
    finally:
        broker.stop()


OWNER = textwrap.dedent("""
    import sys, threading, time
    from console.core.demo.broker import EmbeddedBroker, wait_port
    box = {}
    starter = threading.Thread(target=lambda: box.update(b=EmbeddedBroker(kind="mosquitto", watchdog=True).start()))
    starter.start(); starter.join()  # the thread that asked for the broker is gone: the broker must stay
    b = box["b"]
    assert wait_port(b.host, b.port, 5)
    print(b.proc.pid, flush=True)
    if sys.argv[1] == "exit":
        sys.exit(0)  # no stop(): atexit must end the broker
    time.sleep(120)
""")


@pytest.mark.parametrize("how", ["sigkill", "exit"])
def test_the_broker_never_outlives_its_owner(how):
    owner = subprocess.Popen([sys.executable, "-c", OWNER, how], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        pid = int(owner.stdout.readline())
        if how == "sigkill":
            assert pid in {c.pid for c in psutil.Process(owner.pid).children()}
            assert not gone(pid)  # alive after its starter thread ended
            owner.kill()  # no handler, no atexit: only the kernel's death signal can end the broker
        assert owner.wait(20) == (-signal.SIGKILL if how == "sigkill" else 0)
        wait_for(lambda: gone(pid), 10, what=f"broker {pid} gone after the owner's {how}")
    finally:
        if owner.poll() is None:
            owner.kill()
            owner.wait(5)
