"""Whether the broker's per-client limits drop messages for this fleet's size ("Broker limits").

Reads the retained device metas under the prefix twice: at QoS 0 in the console's way (the
reference count), then as a plain QoS 1 subscriber with the broker's default flow control (no
Receive Maximum asked for).  A stock Mosquitto keeps 20 in flight and 1,000 queued per client and
drops the rest: fewer metas the second time means other clients (and consoles before this one)
miss devices.  The console copes (QoS 0 reads, staged subscriptions, re-fetching what is missing),
so this is a warning with the setting to change, not a failure.
"""

from __future__ import annotations

import random
import ssl
import time
from dataclasses import replace

import paho.mqtt.client as mqtt

from console.core.envcheck.result import OK, SKIP, WARN, CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP
from console.core.mqtt.link import BrokerConfig, connect_properties, make_client
from console.core.protocol import device_wildcard

NAME = QT_TRANSLATE_NOOP("Doctor", "Broker limits")
GROUP = QT_TRANSLATE_NOOP("Doctor", "Broker")
QUIET_S = 0.5  # a retained burst is over when nothing came for this long


def count_retained(cfg: BrokerConfig, topic_filter: str, qos: int, timeout: float) -> int | None:
    """Distinct topics of retained messages a fresh subscriber gets; None if it could not connect."""
    cfg = replace(cfg, client_id=f"autoglm-doctor-limits-{random.getrandbits(32):08x}")
    client = make_client(cfg, clean=True)
    topics: set[str] = set()
    state = {"connected": False, "subscribed": False, "last": 0.0}

    def on_connect(c, userdata, flags, reason_code, properties):
        state["connected"] = not reason_code.is_failure

    def on_subscribe(c, userdata, mid, reason_codes, properties):
        state["subscribed"], state["last"] = True, time.monotonic()

    def on_message(c, userdata, msg):
        if msg.retain:
            topics.add(msg.topic)
            state["last"] = time.monotonic()

    client.on_connect, client.on_subscribe, client.on_message = on_connect, on_subscribe, on_message
    try:
        client.connect(cfg.host, cfg.port, keepalive=max(10, int(timeout * 2)),
                       properties=connect_properties(cfg, clean=True))
        deadline = time.monotonic() + timeout
        while not state["connected"] and time.monotonic() < deadline:
            if client.loop(timeout=0.05) != mqtt.MQTT_ERR_SUCCESS:
                return None
        if not state["connected"]:
            return None
        client.subscribe(topic_filter, qos)
        while time.monotonic() < deadline:
            if state["subscribed"] and time.monotonic() - state["last"] > QUIET_S:
                break
            if client.loop(timeout=0.05) != mqtt.MQTT_ERR_SUCCESS:
                break
        return len(topics)
    except (OSError, ssl.SSLError, ValueError):
        return None
    finally:
        disconnect_quietly(client)


def disconnect_quietly(client: mqtt.Client) -> None:
    """Best effort: send DISCONNECT and give it one short loop to leave; a probe never raises here."""
    try:
        client.disconnect()
        client.loop(timeout=0.05)
    except Exception:  # noqa: BLE001 - best effort
        pass


def step_limits(cfg: BrokerConfig, timeout: float) -> CheckResult:
    expected = QT_TRANSLATE_NOOP("Doctor", "a QoS 1 subscriber gets every retained device meta")
    metas = device_wildcard(cfg.prefix, "meta")
    total = count_retained(cfg, metas, 0, timeout * 4)
    if total is None:
        return CheckResult(NAME, SKIP, QT_TRANSLATE_NOOP("Doctor", "could not read the retained metas"), expected,
                           group=GROUP)
    if total == 0:
        return CheckResult(NAME, OK, QT_TRANSLATE_NOOP("Doctor", "no retained device metas under '{prefix}/' yet: "
                                                       "nothing to compare").format(prefix=cfg.prefix),
                           expected, group=GROUP, details={"metas": 0})
    got = count_retained(replace(cfg, receive_maximum=0), metas, 1, timeout * 4) or 0
    details = {"metas": total, "qos1_received": got}
    if got >= total:
        return CheckResult(NAME, OK, QT_TRANSLATE_NOOP("Doctor", "a QoS 1 subscriber got all {total} retained device "
                                                       "metas").format(total=total), expected,
                           group=GROUP, details=details)
    hint = QT_TRANSLATE_NOOP(
        "Doctor", "The broker drops messages past its per-client limits: a plain QoS 1 subscriber got {got} of "
        "{total} device metas (Mosquitto's defaults: max_inflight_messages 20, max_queued_messages 1000). This "
        "console copes (it reads meta/state/status at QoS 0 in stages and fetches what is missing again), but other "
        "clients and older consoles miss devices. In mosquitto.conf set max_queued_messages 0 (no limit) or at least "
        "{queued} (3 messages per device), and max_inflight_messages 0; then restart Mosquitto. See "
        "docs/DEPLOYMENT.md, \"Broker limits\".").format(got=got, total=total, queued=3 * total)
    return CheckResult(NAME, WARN, QT_TRANSLATE_NOOP("Doctor", "a QoS 1 subscriber got {got} of {total} retained "
                                                     "device metas").format(got=got, total=total), expected,
                       hint, group=GROUP, details=details)
