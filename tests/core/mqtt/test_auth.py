"""Credentials, refused logins, client ids and takeovers against real brokers (issue 15)."""

from __future__ import annotations

import logging
import time

import paho.mqtt.client as mqtt
import pytest

from console.cli import broker_config_from_args, build_parser
from console.core.demo.broker import EmbeddedBroker, amqtt_available
from console.core.mqtt.link import Backoff, BrokerConfig, LinkState, MqttLink
from console.core.mqtt.secrets import PASSWORD_ENV, PasswordFileError, password_from
from tests.conftest import MQTT_PASSWORD, MQTT_USER, wait_for


def _fast(**kw) -> dict:
    return {"backoff": Backoff(initial=0.3, jitter=0), "slow_backoff": Backoff(initial=0.5, jitter=0), **kw}


def test_a_refused_login_backs_off_and_says_not_authorized(password_mosquitto, prefix, caplog):
    caplog.set_level(logging.DEBUG)
    cfg = BrokerConfig(host=password_mosquitto.host, port=password_mosquitto.port, prefix=prefix,
                       username=MQTT_USER, password="wrong-pw-xyz", profile="Plant A")
    link = MqttLink(cfg, **_fast())
    states = []
    link.state_changed.connect(lambda s, info: states.append((s, info)))
    link.start()
    try:  # three refusals, each one waited out on the slow schedule (0.5, 1, 2 s) before the next CONNECT
        wait_for(lambda: [s for s, _ in states].count(LinkState.AUTH_FAILED) >= 3, timeout=30,
                 what="three refused logins")
    finally:
        link.stop()
    seen = [s for s, _ in states if s in (LinkState.CONNECTING, LinkState.AUTH_FAILED)]
    first = seen.index(LinkState.AUTH_FAILED)
    # a refused login followed at once by another CONNECT (the old read loop) shows as two CONNECTINGs in a row
    assert seen[first - 1:first + 5] == [LinkState.CONNECTING, LinkState.AUTH_FAILED] * 3, seen
    delays = [info["delay"] for s, info in states if s is LinkState.AUTH_FAILED]
    assert delays[:3] == [0.5, 1.0, 2.0], delays
    assert link.attempts == seen.count(LinkState.CONNECTING), (link.attempts, seen)
    assert not link.connected
    assert "Not authorized: check the user and password of profile 'Plant A'" in link.last_error
    auth = [info for s, info in states if s is LinkState.AUTH_FAILED]
    assert auth and "Not authorized" in auth[-1]["error"] and auth[-1]["next_retry_at"]
    assert "wrong-pw-xyz" not in caplog.text and "wrong-pw-xyz" not in repr(cfg)


def test_cli_flags_parse_into_the_broker_config(tmp_path):
    pw = tmp_path / "pw"
    pw.write_text("hunter2 with spaces\n")
    args = build_parser().parse_args([
        "--broker", "mqtts://broker.plant:8883", "--protocol", "3.1.1", "--client-id", "station-7",
        "--ca-file", "/etc/ca.pem", "--cert", "/etc/c.pem", "--key", "/etc/k.pem", "--user", "op",
        "--password-file", str(pw), "--prefix", "site1"])
    cfg = broker_config_from_args(args, env={})
    assert (cfg.host, cfg.port, cfg.tls, cfg.protocol, cfg.client_id) == ("broker.plant", 8883, True, "3.1.1", "station-7")
    assert (cfg.ca_file, cfg.certfile, cfg.keyfile, cfg.prefix) == ("/etc/ca.pem", "/etc/c.pem", "/etc/k.pem", "site1")
    assert (cfg.username, cfg.password) == ("op", "hunter2 with spaces")
    assert "hunter2" not in repr(cfg)
    with pytest.raises(ValueError, match="--key needs --cert"):
        broker_config_from_args(build_parser().parse_args(["--broker", "mqtts://h", "--key", "k.pem"]), env={})
    with pytest.raises(ValueError, match="TLS broker URL"):
        broker_config_from_args(build_parser().parse_args(["--broker", "mqtt://h", "--ca-file", "ca.pem"]), env={})


def test_the_client_id_of_a_broker_is_made_up_once_and_kept():
    parse = build_parser().parse_args
    first = broker_config_from_args(parse(["--broker", "mqtt://a.example:1883"]), env={}).client_id
    again = broker_config_from_args(parse(["--broker", "mqtt://a.example:1883"]), env={}).client_id
    other = broker_config_from_args(parse(["--broker", "mqtt://b.example:1883"]), env={}).client_id
    assert first.startswith("autoglm-console-") and first == again and other != first


def test_the_password_comes_from_a_file_or_the_environment(tmp_path):
    f = tmp_path / "pw"
    f.write_text("from-file\r\nignored\n")
    assert password_from(f, env={PASSWORD_ENV: "from-env"}) == "from-file"
    assert password_from(None, env={PASSWORD_ENV: "from-env"}) == "from-env"
    assert password_from(None, env={}) is None
    (tmp_path / "empty").write_text("")
    with pytest.raises(PasswordFileError, match="empty"):
        password_from(tmp_path / "empty")
    with pytest.raises(PasswordFileError, match="cannot read"):
        password_from(tmp_path / "missing")


@pytest.mark.parametrize("source", ["file", "env"])
def test_a_broker_url_without_the_password_connects_with_it_from_a_file_or_env(password_mosquitto, prefix,
                                                                               tmp_path, source):
    argv = ["--broker", password_mosquitto.url, "--user", MQTT_USER, "--prefix", prefix]
    env = {}
    if source == "file":
        (tmp_path / "pw").write_text(MQTT_PASSWORD + "\n")
        argv += ["--password-file", str(tmp_path / "pw")]
    else:
        env = {PASSWORD_ENV: MQTT_PASSWORD}
    cfg = broker_config_from_args(build_parser().parse_args(argv), env=env)
    link = MqttLink(cfg, **_fast())
    link.start()
    try:
        assert link.wait_connected(10), link.last_error
    finally:
        link.stop()


@pytest.mark.parametrize("protocol", ["5", "3.1.1"])
def test_two_consoles_with_one_client_id_get_the_takeover_warning(mosquitto, prefix, protocol):
    cfg = BrokerConfig(host=mosquitto.host, port=mosquitto.port, prefix=prefix, client_id="same-console-id",
                       protocol=protocol)
    a, b = MqttLink(cfg, **_fast()), MqttLink(cfg, **_fast())
    a.start()
    try:
        assert a.wait_connected(10)
        b.start()
        wait_for(lambda: a.warning and b.warning, timeout=20, what="both consoles warned")
    finally:
        a.stop()
        b.stop()
    for link in (a, b):
        assert "another client uses this client id (same-console-id)" in link.warning


def test_one_console_alone_gets_no_takeover_warning(mosquitto, prefix):
    cfg = BrokerConfig(host=mosquitto.host, port=mosquitto.port, prefix=prefix, client_id="alone-console-id")
    link = MqttLink(cfg, **_fast())
    link.start()
    try:
        assert link.wait_connected(10)
        connects = link.connects
        time.sleep(1.0)
        assert link.connects == connects and link.warning == ""
    finally:
        link.stop()


def test_a_clean_stop_clears_the_consoles_retained_status(mosquitto, prefix):
    cfg = BrokerConfig(host=mosquitto.host, port=mosquitto.port, prefix=prefix, client_id="tidy-console")
    link = MqttLink(cfg, **_fast())
    link.start()
    assert link.wait_connected(10)
    link.stop()
    seen: list[bytes] = []
    probe = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv5)
    probe.on_message = lambda c, u, m: seen.append(m.payload)
    probe.connect(mosquitto.host, mosquitto.port)
    probe.subscribe(f"{prefix}/consoles/#", 1)
    probe.loop_start()
    try:
        probe.publish(f"{prefix}/consoles/marker", b"m", qos=1).wait_for_publish(5)
        wait_for(lambda: b"m" in seen, what="the marker")
    finally:
        probe.loop_stop()
        probe.disconnect()
    assert seen == [b"m"]  # no retained online/offline of the console that left cleanly


@pytest.mark.skipif(not amqtt_available(), reason="amqtt is not installed")
def test_mqtt5_against_a_311_only_broker_hints_at_the_protocol(prefix):
    broker = EmbeddedBroker(kind="amqtt").start()
    try:
        cfg = BrokerConfig(host=broker.host, port=broker.port, prefix=prefix, protocol="5", keepalive=2)
        link = MqttLink(cfg, **_fast())
        hints = []
        link.state_changed.connect(lambda s, info: info.get("hint") and hints.append(info["hint"]))
        link.start()
        try:
            wait_for(lambda: hints, timeout=20, what="the protocol hint")
        finally:
            link.stop()
    finally:
        broker.stop()
    assert "try --protocol 3.1.1" in hints[0] and "try --protocol 3.1.1" in link.last_error
