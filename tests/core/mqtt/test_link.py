"""The MQTT link: backoff 1, 2, 4 … 30 s with jitter (a short scale against a real closed port and
a real Mosquitto that appears later), TLS with a CA made by the test, the insecure switch."""

from __future__ import annotations

import random
import threading
import time

import pytest

from console.core.demo.broker import EmbeddedBroker, free_port
from console.core.mqtt.link import Backoff, BrokerConfig, LinkState, MqttLink
from tests.conftest import wait_for
from tests.pki import make_pki, pki_folder


def test_backoff_doubles_from_1s_and_caps_at_30s():
    b = Backoff(jitter=0)
    assert [b.next() for _ in range(8)] == [1, 2, 4, 8, 16, 30, 30, 30]
    b.reset()
    assert b.next() == 1


def test_backoff_jitter_stays_within_its_band():
    b = Backoff(jitter=0.2, rng=random.Random(7))
    delays = [b.next() for _ in range(200)]
    for i, d in enumerate(delays):
        base = min(30.0, 2.0**i)
        assert base * 0.8 <= d <= base * 1.2
    assert len({round(d, 6) for d in delays[10:]}) > 100  # spread, not one value: no stampede


class Recorder:
    def __init__(self):
        self.events: list[tuple[float, LinkState, dict]] = []
        self.lock = threading.Lock()

    def __call__(self, state, info):
        with self.lock:
            self.events.append((time.monotonic(), state, dict(info)))

    def of(self, state):
        with self.lock:
            return [(t, i) for t, s, i in self.events if s is state]


def test_link_backs_off_on_a_real_closed_port_then_connects_when_the_broker_appears():
    port = free_port()
    rec = Recorder()
    backoff = Backoff(initial=0.05, factor=2.0, cap=0.4, jitter=0.0)
    link = MqttLink(BrokerConfig(port=port, prefix="backoff"), backoff=backoff)
    link.state_changed.connect(rec)
    link.start()
    broker = None
    try:
        wait_for(lambda: len(rec.of(LinkState.WAITING)) >= 6, timeout=10, what="six retries")
        waits = rec.of(LinkState.WAITING)
        assert [round(i["delay"], 3) for _, i in waits[:6]] == [0.05, 0.1, 0.2, 0.4, 0.4, 0.4]
        assert all(i["next_retry_at"] and "refused" in i["error"].lower() for _, i in waits)
        tries = [t for t, _ in rec.of(LinkState.CONNECTING)]
        # each try starts no earlier than the delay announced before it (a lower bound only)
        for (t_wait, info), t_next in zip(waits[:5], tries[1:6]):
            assert t_next - t_wait >= info["delay"] * 0.95
        broker = EmbeddedBroker(port=port, kind="mosquitto").start()
        assert link.wait_connected(10)
        assert link.state is LinkState.CONNECTED and backoff.attempt == 0 and link.last_error == ""
    finally:
        link.stop()
        if broker is not None:
            broker.stop()
    assert link.state is LinkState.STOPPED


# -- TLS ------------------------------------------------------------------------------------------


@pytest.fixture
def tls_broker():
    with pki_folder() as folder:  # not tmp_path: Mosquitto started as root cannot enter it
        pki = make_pki(folder, client_cn="console")
        broker = EmbeddedBroker(kind="mosquitto", tls=pki.server_tls(require_certificate=True)).start()
        yield broker, pki
        broker.stop()


def test_tls_with_a_test_ca_and_a_client_certificate(tls_broker):
    broker, pki = tls_broker
    cert, key = pki.client
    base = BrokerConfig(host="127.0.0.1", port=broker.port, tls=True, certfile=str(cert), keyfile=str(key),
                        prefix="tls")
    assert BrokerConfig.from_url(f"mqtts://127.0.0.1:{broker.port}").tls

    # verification is on by default: the system trust store does not know our test CA
    rec = Recorder()
    untrusted = MqttLink(base, backoff=Backoff(initial=0.05, cap=0.1, jitter=0))
    untrusted.state_changed.connect(rec)
    untrusted.start()
    try:
        wait_for(lambda: rec.of(LinkState.WAITING), what="a refused TLS handshake")
        assert "CERTIFICATE_VERIFY_FAILED" in rec.of(LinkState.WAITING)[0][1]["error"]
        assert not untrusted.connected
    finally:
        untrusted.stop()

    # with the CA file it verifies and connects, and messages flow
    got = []
    trusted = MqttLink(BrokerConfig(**{**base.__dict__, "ca_file": str(pki.ca)}))
    trusted.route("status", lambda t, p, device: got.append((t, p)))
    trusted.start()
    try:
        assert trusted.wait_connected(10)
        trusted.publish("tls/devices/lamp-x/status", b"online", qos=1, retain=True)
        wait_for(lambda: ("tls/devices/lamp-x/status", b"online") in got, what="message over TLS")
    finally:
        trusted.stop()

    # the explicit insecure switch skips verification (the UI shows it in red)
    insecure = MqttLink(BrokerConfig(**{**base.__dict__, "insecure": True}))
    insecure.start()
    try:
        assert insecure.wait_connected(10)
    finally:
        insecure.stop()


def test_tls_without_a_client_certificate_is_refused_by_the_broker(tls_broker):
    broker, pki = tls_broker
    rec = Recorder()
    link = MqttLink(BrokerConfig(port=broker.port, tls=True, ca_file=str(pki.ca), prefix="tls"),
                    backoff=Backoff(initial=0.05, cap=0.1, jitter=0))
    link.state_changed.connect(rec)
    link.start()
    try:
        wait_for(lambda: len(rec.of(LinkState.WAITING)) >= 2, what="retries after the refusal")
        assert not link.connected
    finally:
        link.stop()
