"""Broker checks against a real Mosquitto: anonymous, good and bad credentials, a closed port, TLS
with a CA generated here, certificate problems."""

from __future__ import annotations

import socket

import pytest

from console.core.demo.broker import EmbeddedBroker, free_port
from console.core.envcheck import DoctorContext, make_context, run_doctor
from console.core.envcheck.mqtt_checks import STEPS, broker_rows, check_broker, step_dns, step_tls
from console.core.envcheck.runner import Check
from console.core.mqtt.link import BrokerConfig
from tests.pki import make_pki, pki_folder

USER, GOOD = "operator", "c0rrect-horse"


def _by_name(rows):
    return {r.name: r for r in rows}


@pytest.fixture(scope="module")
def pki_dir():
    with pki_folder() as d:
        yield d


@pytest.fixture(scope="module")
def auth_broker():
    b = EmbeddedBroker(kind="mosquitto", passwords={USER: GOOD}).start()
    yield b
    b.stop()


@pytest.fixture(scope="module")
def tls_broker(pki_dir):
    """TLS with a certificate for 127.0.0.1 and localhost, and a password file."""
    tls = make_pki(pki_dir / "good").server_tls()
    b = EmbeddedBroker(kind="mosquitto", passwords={USER: GOOD}, tls=tls).start()
    yield b, tls
    b.stop()


# -- plain ------------------------------------------------------------------------------------------
def test_anonymous_broker_all_steps_pass(broker_cfg):
    rows = broker_rows(broker_cfg, timeout=5)
    assert [r.name for r in rows] == STEPS
    by = _by_name(rows)
    assert by["Broker TLS"].status == "skip"  # plain MQTT on loopback
    for name in ("Broker DNS", "Broker TCP", "Broker login (CONNACK)", "Broker round trip"):
        assert by[name].status == "ok", by[name]
    rt = by["Broker round trip"]
    assert 0 < rt.details["min_ms"] <= rt.details["median_ms"] <= rt.details["max_ms"]
    assert "over 10 messages" in rt.value


def test_good_credentials_log_in(auth_broker):
    cfg = BrokerConfig(host=auth_broker.host, port=auth_broker.port, username=USER, password=GOOD, prefix="tgood")
    by = _by_name(broker_rows(cfg, timeout=5))
    assert by["Broker login (CONNACK)"].status == "ok"
    assert f"as '{USER}'" in by["Broker login (CONNACK)"].value
    assert by["Broker round trip"].status == "ok"


@pytest.mark.parametrize("protocol, shown", [("5", "MQTT 5"), ("3.1.1", "MQTT 3.1.1 return code 5")])
def test_bad_password_reports_the_reason_code(auth_broker, protocol, shown):
    cfg = BrokerConfig(host=auth_broker.host, port=auth_broker.port, username=USER, password="wrong-pw",
                       protocol=protocol)
    rows = broker_rows(cfg, timeout=5)
    by = _by_name(rows)
    login = by["Broker login (CONNACK)"]
    assert login.status == "fail"
    # Mosquitto 2 answers "Not authorized" (135) for a wrong password; 134 is the other legal answer
    assert login.details["reason_code"] in (134, 135)
    assert f"reason code {login.details['reason_code']}" in login.value and shown in login.value
    assert "password" in login.hint.lower()
    assert "wrong-pw" not in login.value + login.hint
    assert by["Broker round trip"].status == "skip"


def test_anonymous_refused_says_to_give_credentials(auth_broker):
    cfg = BrokerConfig(host=auth_broker.host, port=auth_broker.port)
    login = _by_name(broker_rows(cfg, timeout=5))["Broker login (CONNACK)"]
    assert login.status == "fail" and login.details["reason_code"] == 135
    assert "anonymous" in login.hint


def test_closed_port_fails_at_tcp_and_skips_the_rest():
    port = free_port()  # nothing listens there once the probe socket is closed
    cfg = BrokerConfig(host="127.0.0.1", port=port)
    rows = broker_rows(cfg, timeout=3)
    by = _by_name(rows)
    assert by["Broker TCP"].status == "fail"
    assert "connection refused" in by["Broker TCP"].value
    assert "start the broker" in by["Broker TCP"].hint
    assert [by[n].status for n in STEPS[2:]] == ["skip", "skip", "skip"]


# -- TLS ------------------------------------------------------------------------------------------
def test_tls_with_the_test_ca_verifies_and_logs_in(tls_broker):
    b, tls = tls_broker
    cfg = BrokerConfig(host="127.0.0.1", port=b.port, tls=True, ca_file=tls.cafile, username=USER, password=GOOD,
                       prefix="ttls")
    by = _by_name(broker_rows(cfg, timeout=5))
    assert by["Broker TLS"].status == "ok", by["Broker TLS"]
    assert "verified" in by["Broker TLS"].value and "TLSv1" in by["Broker TLS"].value
    assert by["Broker TLS"].details["days_left"] >= 28
    assert by["Broker login (CONNACK)"].status == "ok"
    assert by["Broker round trip"].status == "ok"


def test_tls_by_host_name_localhost(tls_broker):
    b, tls = tls_broker
    cfg = BrokerConfig(host="localhost", port=b.port, tls=True, ca_file=tls.cafile, username=USER, password=GOOD)
    by = _by_name(broker_rows(cfg, timeout=5))
    assert by["Broker DNS"].status == "ok" and "127.0.0.1" in by["Broker DNS"].value
    assert by["Broker TLS"].status == "ok"


def test_tls_without_the_ca_fails_verification_with_a_ca_hint(tls_broker):
    b, _ = tls_broker
    cfg = BrokerConfig(host="127.0.0.1", port=b.port, tls=True, username=USER, password=GOOD)
    by = _by_name(broker_rows(cfg, timeout=5))
    assert by["Broker TLS"].status == "fail"
    assert "certificate verify failed" in by["Broker TLS"].value
    assert "CA file" in by["Broker TLS"].hint
    assert by["Broker login (CONNACK)"].status == "skip"


def test_tls_insecure_mode_connects_but_warns(tls_broker):
    b, _ = tls_broker
    cfg = BrokerConfig(host="127.0.0.1", port=b.port, tls=True, insecure=True, username=USER, password=GOOD)
    by = _by_name(broker_rows(cfg, timeout=5))
    assert by["Broker TLS"].status == "warn" and "NOT verified" in by["Broker TLS"].value
    assert by["Broker login (CONNACK)"].status == "ok"


def test_certificate_for_another_name_fails_with_a_name_hint(pki_dir):
    tls = make_pki(pki_dir / "othername", server_dns=("broker.example.internal",), server_ip=()).server_tls()
    with EmbeddedBroker(kind="mosquitto", tls=tls) as b:
        cfg = BrokerConfig(host="127.0.0.1", port=b.port, tls=True, ca_file=tls.cafile)
        row = _by_name(broker_rows(cfg, timeout=5))["Broker TLS"]
    assert row.status == "fail"
    assert "not for '127.0.0.1'" in row.hint


def test_tls_against_a_plain_port_fails_the_handshake(mosquitto):
    cfg = BrokerConfig(host=mosquitto.host, port=mosquitto.port, tls=True)
    row = _by_name(broker_rows(cfg, timeout=3))["Broker TLS"]
    assert row.status == "fail"
    assert "plain" in row.hint and "TLS" in row.hint  # both of its hints name the plain port and TLS


def test_plain_mqtt_with_a_password_to_another_host_warns():
    # no connection is made for a plain-MQTT TLS row: this judges the configuration only
    row, go_on = step_tls(BrokerConfig(host="10.1.2.3", username="u", password="p"), timeout=1)
    assert row.status == "warn" and go_on
    assert "mqtts://" in row.hint


def test_dns_failure_skips_the_rest():
    # a real failing lookup would ask the network's DNS server (tests stay off the internet), so the
    # resolver is handed a function that fails the way getaddrinfo does
    def no_such_host(host, port, type=0):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    row = step_dns(BrokerConfig(host="broker.nowhere"), resolve=no_such_host)
    assert row.status == "fail" and "does not resolve" in row.hint
    assert step_dns(BrokerConfig(host="localhost")).status == "ok"


def test_no_broker_configured_is_a_skip():
    rows = check_broker(DoctorContext(broker=None))
    assert len(rows) == 1 and rows[0].status == "skip"


def test_bad_broker_url_is_reported_not_raised():
    ctx = make_context("ftp://example/x")
    rows = run_doctor(ctx, checks=[Check("broker", "Broker", check_broker, 10)])
    assert rows[0].name == "Broker URL" and rows[0].status == "fail"
    assert "mqtt://" in rows[0].expected
