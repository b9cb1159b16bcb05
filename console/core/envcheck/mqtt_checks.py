"""The configured broker, step by step: DNS, TCP, TLS, MQTT CONNACK, round trip.

Each step has its own time limit; a failed step marks the later ones "skip" (they cannot run), so
the report names the first thing that is wrong.  The round trip publishes on a topic private to
this check (``PREFIX/consoles/<doctor id>/doctor``) and waits for its own messages to come back.
The doctor then adds "Broker limits" (``envcheck.broker_limits``): whether the broker's per-client
queues drop the fleet's retained metas.
"""

from __future__ import annotations

import ipaddress
import random
import socket
import ssl
import statistics
import time
from dataclasses import replace
from datetime import datetime, timezone
from typing import Callable

import paho.mqtt.client as mqtt

from console.core.mqtt.link import BrokerConfig, make_client, tls_context
from console.core.envcheck.result import FAIL, OK, SKIP, WARN, CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP
from console.core.envcheck.broker_limits import disconnect_quietly, step_limits

GROUP = QT_TRANSLATE_NOOP("Doctor", "Broker")
RTT_SAMPLES = 10

# what the operator can actually do about a password, wherever the console runs
WHERE_THE_PASSWORD_COMES_FROM = QT_TRANSLATE_NOOP(
    "Doctor", "a profile: Devices → Connections…, the password saved in the OS keyring, or, without a keyring, "
    "typed when the console asks at connect time; --broker or an unattended station: --user with --password-file "
    "PATH or $AUTOGLM_MQTT_PASSWORD, never in the URL")

# what to do about a refused CONNACK, by MQTT 5 reason code (paho maps 3.1.1 codes onto these)
CONNACK_HINTS = {
    128: QT_TRANSLATE_NOOP("Doctor", "The broker refused for an unspecified reason: its log says why."),
    132: QT_TRANSLATE_NOOP("Doctor", "The broker does not speak this MQTT version: set the protocol to 3.1.1 (amqtt "
                           "speaks only 3.1.1)."),
    133: QT_TRANSLATE_NOOP("Doctor", "The broker rejected the client id: use a different one (letters and digits)."),
    134: QT_TRANSLATE_NOOP("Doctor", "Wrong user name or password: check both ({where}), or ask the broker's "
                           "operator.").format(where=WHERE_THE_PASSWORD_COMES_FROM),
    135: QT_TRANSLATE_NOOP("Doctor", "The broker does not let this client in: give a user name and password (the "
                           "broker has allow_anonymous false) or ask its operator to allow this user."),
    136: QT_TRANSLATE_NOOP("Doctor", "The broker is not available right now: try again, or check its log."),
    137: QT_TRANSLATE_NOOP("Doctor", "The broker is busy: try again later."),
    138: QT_TRANSLATE_NOOP("Doctor", "This client is banned by the broker: ask its operator."),
    140: QT_TRANSLATE_NOOP("Doctor", "The broker wants a different authentication method."),
    149: QT_TRANSLATE_NOOP("Doctor", "The broker rejected the packet size: check its max_packet_size."),
    151: QT_TRANSLATE_NOOP("Doctor", "The broker's quota is exceeded: try again later or ask its operator."),
    159: QT_TRANSLATE_NOOP("Doctor", "Connecting too often: wait before trying again."),
}




# paho reports MQTT 3.1.1 CONNACK return codes as the MQTT 5 reason codes below
V311_RETURN_CODES = {132: 1, 133: 2, 136: 3, 134: 4, 135: 5}


def connack_hint(code: int, with_credentials: bool) -> str:
    if code == 135 and with_credentials:
        return QT_TRANSLATE_NOOP("Doctor", "The broker rejected these credentials: check the user name and password "
                                 "(Mosquitto answers 'Not authorized' for a wrong password too; {where}), or ask "
                                 "the broker's operator whether this user may connect.").format(
            where=WHERE_THE_PASSWORD_COMES_FROM)
    if code == 135:
        return QT_TRANSLATE_NOOP("Doctor", "The broker does not accept anonymous clients (allow_anonymous false): "
                                 "give a user name and password ({where}).").format(where=WHERE_THE_PASSWORD_COMES_FROM)
    return CONNACK_HINTS.get(code, QT_TRANSLATE_NOOP("Doctor", "The broker refused the connection: its log says why."))


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _row(name: str, status: str, value: str, expected: str = "", hint: str = "", **details) -> CheckResult:
    return CheckResult(name, status, value, expected, hint, group=GROUP, details=details)


def _skip_rest(names: list[str], why: str) -> list[CheckResult]:
    return [_row(n, SKIP, QT_TRANSLATE_NOOP("Doctor", "not tried: {why}").format(why=why)) for n in names]


STEPS = [QT_TRANSLATE_NOOP("Doctor", "Broker DNS"), QT_TRANSLATE_NOOP("Doctor", "Broker TCP"),
         QT_TRANSLATE_NOOP("Doctor", "Broker TLS"), QT_TRANSLATE_NOOP("Doctor", "Broker login (CONNACK)"),
         QT_TRANSLATE_NOOP("Doctor", "Broker round trip")]


RESOLVABLE = QT_TRANSLATE_NOOP("Doctor", "resolvable")
ACCEPTING = QT_TRANSLATE_NOOP("Doctor", "accepting connections")


def step_dns(cfg: BrokerConfig, resolve: Callable = socket.getaddrinfo) -> CheckResult:
    name = STEPS[0]
    if _is_ip(cfg.host):
        return _row(name, OK, QT_TRANSLATE_NOOP("Doctor", "{host} is an IP address (no lookup)").format(host=cfg.host),
                    RESOLVABLE)
    try:
        infos = resolve(cfg.host, cfg.port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        return _row(name, FAIL, f"{cfg.host}: {exc}", RESOLVABLE,
                    QT_TRANSLATE_NOOP("Doctor", "The name '{host}' does not resolve: check the spelling in the broker "
                                      "URL, /etc/hosts and the DNS server (resolvectl status / /etc/resolv.conf), or "
                                      "use the broker's IP address.").format(host=cfg.host))
    addrs = sorted({i[4][0] for i in infos})
    return _row(name, OK, f"{cfg.host} -> {', '.join(addrs)}", RESOLVABLE, addresses=addrs)


def step_tcp(cfg: BrokerConfig, timeout: float) -> tuple[CheckResult, bool]:
    name = STEPS[1]
    where = f"{cfg.host}:{cfg.port}"
    t0 = time.perf_counter()
    try:
        with socket.create_connection((cfg.host, cfg.port), timeout=timeout):
            pass
    except ConnectionRefusedError:
        return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "{where}: connection refused").format(where=where),
                    ACCEPTING,
                    QT_TRANSLATE_NOOP("Doctor", "Nothing listens on {where}: start the broker (Debian: mosquitto -c "
                                      "/etc/mosquitto/mosquitto.conf, or systemctl start mosquitto), and check the "
                                      "port (1883 plain, 8883 TLS).").format(where=where)), False
    except (socket.timeout, TimeoutError):
        return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "{where}: no answer within {s} s").format(
            where=where, s=f"{timeout:g}"), ACCEPTING,
                    QT_TRANSLATE_NOOP("Doctor", "The host does not answer: it is down, or a firewall drops the "
                                      "packets on that port.")), False
    except OSError as exc:
        return _row(name, FAIL, f"{where}: {exc}", ACCEPTING,
                    QT_TRANSLATE_NOOP("Doctor", "The network cannot reach the broker: check the address, routes and "
                                      "firewall.")), False
    ms = (time.perf_counter() - t0) * 1000
    return _row(name, OK, QT_TRANSLATE_NOOP("Doctor", "{where} connected in {ms} ms").format(where=where, ms=f"{ms:.1f}"),
                ACCEPTING, connect_ms=round(ms, 2)), True


def step_tls(cfg: BrokerConfig, timeout: float) -> tuple[CheckResult, bool]:
    name = STEPS[2]
    if not cfg.tls:
        if cfg.username and not _is_loopback(cfg.host):
            return _row(name, WARN, QT_TRANSLATE_NOOP("Doctor", "plain MQTT: the password crosses the network "
                                                      "unencrypted"), "mqtts:// (TLS)",
                        QT_TRANSLATE_NOOP("Doctor", "Use TLS (mqtts://host:8883 with the broker's CA file) for a broker "
                                          "on another machine.")), True
        return _row(name, SKIP, QT_TRANSLATE_NOOP("Doctor", "plain MQTT (mqtt://), no TLS"),
                    QT_TRANSLATE_NOOP("Doctor", "TLS when the broker is on another machine")), True
    expected = QT_TRANSLATE_NOOP("Doctor", "handshake with a verified certificate")
    try:
        ctx = tls_context(cfg)
    except (OSError, ssl.SSLError) as exc:
        return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "cannot load the TLS files: {error}").format(error=str(exc)),
                    expected, QT_TRANSLATE_NOOP("Doctor", "Check the CA/certificate/key paths in the broker settings "
                                                "(readable PEM files).")), False
    try:
        with socket.create_connection((cfg.host, cfg.port), timeout=timeout) as raw:
            with ctx.wrap_socket(raw, server_hostname=cfg.host) as s:
                version = s.version()
                cert = s.getpeercert() or {}
    except ssl.SSLCertVerificationError as exc:
        msg = exc.verify_message or str(exc)
        if "hostname" in msg.lower() or "ip address mismatch" in msg.lower():
            hint = QT_TRANSLATE_NOOP("Doctor", "The certificate is not for '{host}': connect with the name the "
                                     "certificate was issued for, or have the broker's certificate re-issued with "
                                     "this name in its subjectAltName.").format(host=cfg.host)
        elif "expired" in msg.lower():
            hint = QT_TRANSLATE_NOOP("Doctor", "The broker's certificate has expired: renew it on the broker.")
        else:
            hint = QT_TRANSLATE_NOOP("Doctor", "The broker's certificate is not signed by a CA this machine trusts: "
                                     "give the broker's CA file in the broker settings (CA file), or install that CA "
                                     "into the system store (/usr/local/share/ca-certificates + "
                                     "update-ca-certificates).")
        return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "certificate verify failed: {error}").format(error=msg),
                    expected, hint), False
    except ssl.SSLError as exc:
        return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "TLS handshake failed: {error}").format(error=str(exc)),
                    expected, QT_TRANSLATE_NOOP("Doctor", "The port may not speak TLS (is it the plain 1883 "
                                                "listener?), or the TLS versions/ciphers do not match: check the "
                                                "broker's listener settings.")), False
    except (socket.timeout, TimeoutError):
        return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "no TLS answer within {s} s").format(s=f"{timeout:g}"),
                    expected, QT_TRANSLATE_NOOP("Doctor", "The port accepts TCP but never answers the TLS handshake: "
                                                "it may be a plain MQTT port.")), False
    except OSError as exc:  # reset / EOF mid-handshake: the other side does not speak TLS
        return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "TLS handshake failed: {error}").format(error=str(exc)),
                    expected, QT_TRANSLATE_NOOP("Doctor", "The broker closed the connection during the TLS handshake: "
                                                "port {port} is probably a plain MQTT port (1883): use mqtt:// there, "
                                                "or the broker's TLS port (usually 8883).").format(port=cfg.port)
                    ), False
    not_after = cert.get("notAfter")
    days_left = None
    if not_after:
        expires = datetime.fromtimestamp(ssl.cert_time_to_seconds(not_after), tz=timezone.utc)
        days_left = (expires - datetime.now(timezone.utc)).days
    value = (QT_TRANSLATE_NOOP("Doctor", "{version}, certificate valid for {days} more days").format(
        version=str(version), days=days_left) if days_left is not None else str(version))
    if cfg.insecure:
        return _row(name, WARN, QT_TRANSLATE_NOOP("Doctor", "{value} (NOT verified: insecure mode)").format(value=value),
                    expected, QT_TRANSLATE_NOOP("Doctor", "Certificate verification is off: anyone on the path can "
                                                "impersonate the broker. Give the broker's CA file and turn insecure "
                                                "mode off.")), True
    if days_left is not None and days_left < 14:
        return _row(name, WARN, value, expected, QT_TRANSLATE_NOOP("Doctor", "The broker's certificate expires soon: "
                                                                   "renew it."), days_left=days_left), True
    return _row(name, OK, QT_TRANSLATE_NOOP("Doctor", "{value}, verified").format(value=value), expected,
                tls_version=version, days_left=days_left), True


class _Probe:
    """A paho client driven by hand (client.loop) on the check's own thread."""

    def __init__(self, cfg: BrokerConfig) -> None:
        cid = f"autoglm-doctor-{random.getrandbits(32):08x}"
        self.cfg = replace(cfg, client_id=cid)
        self.client = make_client(self.cfg, clean=True)
        self.connack = None
        self.closed = None
        self.suback = None
        self.received: dict[bytes, float] = {}
        self.topic = f"{cfg.prefix}/consoles/{cid}/doctor"
        self.client.on_connect = self._on_connect
        self.client.on_disconnect = self._on_disconnect
        self.client.on_subscribe = self._on_subscribe
        self.client.on_message = self._on_message

    def _on_connect(self, client, userdata, flags, reason_code, properties) -> None:
        self.connack = reason_code

    def _on_disconnect(self, client, userdata, flags, reason_code, properties) -> None:
        self.closed = reason_code

    def _on_subscribe(self, client, userdata, mid, reason_codes, properties) -> None:
        self.suback = reason_codes

    def _on_message(self, client, userdata, msg) -> None:
        self.received[bytes(msg.payload)] = time.perf_counter()

    def pump(self, until: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not until():
            if time.monotonic() > deadline:
                return False
            rc = self.client.loop(timeout=0.02)
            if rc != mqtt.MQTT_ERR_SUCCESS:  # the connection is gone: nothing more will arrive
                return until()
        return True


def step_connack(cfg: BrokerConfig, timeout: float) -> tuple[CheckResult, _Probe | None]:
    name = STEPS[3]
    proto = "MQTT 5" if cfg.protocol == "5" else "MQTT 3.1.1"
    who = (QT_TRANSLATE_NOOP("Doctor", "as '{user}'").format(user=cfg.username) if cfg.username else
           QT_TRANSLATE_NOOP("Doctor", "anonymously"))
    expected = QT_TRANSLATE_NOOP("Doctor", "CONNACK success")
    probe = _Probe(cfg)
    props = None
    if cfg.protocol == "5":
        from console.core.mqtt import link as mqtt_link

        props = mqtt_link.connect_properties(probe.cfg, clean=True)
    try:
        probe.client.connect(cfg.host, cfg.port, keepalive=max(10, int(timeout * 2)), properties=props)
    except (OSError, ssl.SSLError, ValueError) as exc:
        return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "connect failed: {error}").format(error=str(exc)), expected,
                    QT_TRANSLATE_NOOP("Doctor", "See the TCP/TLS rows above.")), None
    probe.pump(lambda: probe.connack is not None or probe.closed is not None, timeout)
    rc = probe.connack
    if rc is None:
        probe.client.disconnect()
        why = (QT_TRANSLATE_NOOP("Doctor", "the broker closed the connection") if probe.closed is not None else
               QT_TRANSLATE_NOOP("Doctor", "no answer in {s} s").format(s=f"{timeout:g}"))
        return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "no CONNACK ({proto}, {who}): {why}").format(
            proto=proto, who=who, why=why), expected,
                    QT_TRANSLATE_NOOP("Doctor", "The broker did not answer the MQTT handshake: it may speak another "
                                      "MQTT version (try protocol 3.1.1) or another protocol on this port (TLS port "
                                      "without mqtts://?).")), None
    code = int(rc.value)
    if rc.is_failure:
        probe.client.disconnect()
        v311 = V311_RETURN_CODES.get(code) if cfg.protocol != "5" else None
        code_txt = (QT_TRANSLATE_NOOP("Doctor", "reason code {code}, MQTT 3.1.1 return code {v311}").format(
            code=code, v311=v311) if v311 else
                    QT_TRANSLATE_NOOP("Doctor", "reason code {code}, {proto}").format(code=code, proto=proto))
        return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "refused {who}: {reason} ({code})").format(
            who=who, reason=str(rc), code=code_txt), expected, connack_hint(code, bool(cfg.username)),
                    reason_code=code, reason=str(rc)), None
    return _row(name, OK, QT_TRANSLATE_NOOP("Doctor", "accepted {who} ({proto})").format(who=who, proto=proto), expected,
                reason_code=code), probe


def step_round_trip(probe: _Probe, timeout: float, samples: int = RTT_SAMPLES) -> CheckResult:
    name = STEPS[4]
    expected = QT_TRANSLATE_NOOP("Doctor", "own messages come back (QoS 1)")
    client = probe.client
    try:
        client.subscribe(probe.topic, qos=1)
        if not probe.pump(lambda: probe.suback is not None, timeout):
            return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "no SUBACK within {s} s").format(s=f"{timeout:g}"),
                        expected, QT_TRANSLATE_NOOP("Doctor", "The broker accepted the login but does not answer a "
                                                    "subscription: check its log."))
        codes = probe.suback or []
        if any(getattr(c, "is_failure", False) for c in codes):
            return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "subscription to {topic} refused: {reason}").format(
                topic=probe.topic, reason=str(codes[0])), expected,
                        QT_TRANSLATE_NOOP("Doctor", "The broker's ACL does not let this user subscribe under "
                                          "'{prefix}/': allow '{prefix}/#' for this user (mosquitto: acl_file)."
                                          ).format(prefix=probe.cfg.prefix))
        rtts = []
        for i in range(samples):
            payload = f"doctor-{i}-{random.getrandbits(32):08x}".encode()
            t0 = time.perf_counter()
            client.publish(probe.topic, payload, qos=1)
            if not probe.pump(lambda p=payload: p in probe.received, timeout):
                return _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "message {n} did not come back within {s} s"
                                                          ).format(n=i + 1, s=f"{timeout:g}"), expected,
                            QT_TRANSLATE_NOOP("Doctor", "Published but nothing arrived: the broker's ACL may drop "
                                              "publishes under '{prefix}/', or the broker is overloaded.").format(
                                prefix=probe.cfg.prefix))
            rtts.append((probe.received[payload] - t0) * 1000)
        # the other checks run at the same time (torch imports hold the GIL): the minimum is the
        # broker's own latency, the median and max include that contention
        low, med, worst = min(rtts), statistics.median(rtts), max(rtts)
        return _row(name, OK, QT_TRANSLATE_NOOP("Doctor", "min {low} ms, median {med} ms, max {worst} ms over {n} "
                                                "messages").format(low=f"{low:.1f}", med=f"{med:.1f}",
                                                                   worst=f"{worst:.1f}", n=samples),
                    expected, min_ms=round(low, 2), median_ms=round(med, 2), max_ms=round(worst, 2))
    finally:
        disconnect_quietly(client)


def broker_rows(cfg: BrokerConfig, timeout: float = 5.0, resolve: Callable = socket.getaddrinfo
                ) -> list[CheckResult]:
    rows = [step_dns(cfg, resolve)]
    if rows[-1].status == FAIL:
        return rows + _skip_rest(STEPS[1:], QT_TRANSLATE_NOOP("Doctor", "the name does not resolve"))
    tcp, ok = step_tcp(cfg, timeout)
    rows.append(tcp)
    if not ok:
        return rows + _skip_rest(STEPS[2:], QT_TRANSLATE_NOOP("Doctor", "no TCP connection"))
    tls, ok = step_tls(cfg, timeout)
    rows.append(tls)
    if not ok:
        return rows + _skip_rest(STEPS[3:], QT_TRANSLATE_NOOP("Doctor", "no TLS connection"))
    login, probe = step_connack(cfg, timeout)
    rows.append(login)
    if probe is None:
        return rows + _skip_rest(STEPS[4:], QT_TRANSLATE_NOOP("Doctor", "not logged in"))
    rows.append(step_round_trip(probe, timeout))
    return rows


def check_broker(ctx) -> list[CheckResult]:
    if ctx.broker is None:
        return [_row(GROUP, SKIP, QT_TRANSLATE_NOOP("Doctor", "none configured: demo mode starts an embedded broker "
                                                    "on 127.0.0.1"),
                     QT_TRANSLATE_NOOP("Doctor", "a broker URL (mqtt://host:1883 or mqtts://host:8883)"))]
    rows = broker_rows(ctx.broker, ctx.broker_timeout_s)
    if rows[-1].status == OK:  # the round trip worked: will the broker's limits drop the fleet's messages?
        rows.append(step_limits(ctx.broker, ctx.broker_timeout_s))
    return rows
