"""A reliable MQTT connection (paho-mqtt 2.x), Qt-free.

One thread of ours drives the paho client (``client.loop``) so that reconnecting is ours too:
exponential backoff from 1 s, doubling, capped at 30 s, with jitter, and a state the UI can show
with the time of the next try.  paho's callbacks only hand data on, through explicit events and
routes (``console.core.events.Event``; listeners run on the link's thread and must be quick):

    link.route(kinds, handler)            messages by device-topic kind (see ``mqtt.router``):
                                          ``route("ack", pipeline.on_ack)``,
                                          ``route(("meta", "state", "status"), registry.ingest)``
    link.route_other(handler)             (topic, payload) of topics that are not ours
    link.subscribe_extra(filter, handler) subscribe to another filter (``homeassistant/#``), now and at
                                          every reconnect; its messages go to ``handler(topic, payload)``
    link.traffic                          (kind, outcome, detail) of messages the router settles itself
    link.state_changed                    (LinkState, info: error, next_retry_at, delay, session_present)
    link.connection_made                  (session_present) once a CONNACK has been fully handled (paho
                                          has re-sent its own in-flight messages): the pipeline replays
    link.delivered                        (mid, ok) for each PUBACK / PUBCOMP
"""

from __future__ import annotations

import enum
import logging
import random
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any, Iterable
from urllib.parse import urlparse

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from console.core.events import Event
from console.core.mqtt.router import DeviceHandler, RawHandler, TopicRouter
from console.core.protocol import DEFAULT_PREFIX, STATUS_OFFLINE, STATUS_ONLINE, console_status_topic, device_wildcard

log = logging.getLogger(__name__)


class LinkState(str, enum.Enum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    WAITING = "waiting to retry"
    STOPPED = "stopped"


@dataclass
class Backoff:
    """1, 2, 4 … capped, each delay spread by ±jitter so a fleet of consoles does not stampede."""

    initial: float = 1.0
    factor: float = 2.0
    cap: float = 30.0
    jitter: float = 0.2
    rng: random.Random = field(default_factory=random.Random)
    attempt: int = 0

    def base(self, attempt: int) -> float:
        return min(self.cap, self.initial * (self.factor**attempt))

    def next(self) -> float:
        delay = self.base(self.attempt)
        self.attempt += 1
        if self.jitter:
            delay *= 1.0 + self.rng.uniform(-self.jitter, self.jitter)
        return min(delay, self.cap * (1.0 + self.jitter))

    def reset(self) -> None:
        self.attempt = 0


@dataclass(frozen=True)
class BrokerConfig:
    host: str = "127.0.0.1"
    port: int = 1883
    tls: bool = False
    ca_file: str = ""
    certfile: str = ""
    keyfile: str = ""
    insecure: bool = False  # skip certificate verification: the UI marks this in red
    username: str = ""
    password: str = ""  # never persisted with the profile: it lives in the OS keyring
    client_id: str = ""
    protocol: str = "5"  # "5" or "3.1.1"
    keepalive: int = 30
    session_expiry_s: int = 3600
    prefix: str = DEFAULT_PREFIX
    # QoS 1/2 publishes in flight at once; keep it at or below the broker's Receive Maximum
    # (Mosquitto's default is 20; paho queues the rest and sends them as acks come back)
    max_inflight: int = 20

    @classmethod
    def from_url(cls, url: str, **kw: Any) -> "BrokerConfig":
        """``mqtt://user:pass@host:port`` or ``mqtts://host:8883`` (TLS)."""
        if "://" not in url:
            url = "mqtt://" + url
        u = urlparse(url)
        if u.scheme not in ("mqtt", "mqtts", "tcp", "ssl"):
            raise ValueError(f"unsupported broker URL scheme {u.scheme!r}; use mqtt:// or mqtts://")
        tls = u.scheme in ("mqtts", "ssl")
        if not u.hostname:
            raise ValueError(f"broker URL {url!r} has no host")
        return cls(
            host=u.hostname,
            port=u.port or (8883 if tls else 1883),
            tls=tls,
            username=u.username or "",
            password=u.password or "",
            **kw,
        )

    def url(self) -> str:
        return f"{'mqtts' if self.tls else 'mqtt'}://{self.host}:{self.port}"

    def with_client_id(self, client_id: str) -> "BrokerConfig":
        return replace(self, client_id=client_id)


def make_client(cfg: BrokerConfig, *, clean: bool = False) -> mqtt.Client:
    """A paho client configured from ``cfg`` (protocol, TLS, credentials); not connected."""
    v5 = cfg.protocol == "5"
    kwargs: dict[str, Any] = {
        "callback_api_version": mqtt.CallbackAPIVersion.VERSION2,
        "client_id": cfg.client_id,
        "protocol": mqtt.MQTTv5 if v5 else mqtt.MQTTv311,
    }
    if not v5:
        kwargs["clean_session"] = clean or not cfg.client_id
    client = mqtt.Client(**kwargs)
    client.max_inflight_messages_set(max(1, cfg.max_inflight))
    if cfg.username:
        client.username_pw_set(cfg.username, cfg.password or None)
    if cfg.tls:
        client.tls_set_context(tls_context(cfg))
    return client


def tls_context(cfg: BrokerConfig) -> ssl.SSLContext:
    """TLS for ``cfg``: the CA file (else the system store), a client certificate if given, and
    verification on unless ``cfg.insecure``."""
    ctx = ssl.create_default_context(cafile=cfg.ca_file or None)
    if cfg.certfile:
        ctx.load_cert_chain(cfg.certfile, cfg.keyfile or None)
    if cfg.insecure:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def enable_nodelay(client: mqtt.Client) -> None:
    """Turn Nagle's algorithm off on the client's socket (paho leaves it on): a command or an ack
    is one small packet that must go now, not wait up to 40 ms for the peer's delayed ACK."""
    sock = client.socket()
    if sock is None:
        return
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except (OSError, AttributeError):  # not TCP (a websocket wrapper, a unix socket): nothing to do
        pass


def connect_properties(cfg: BrokerConfig, clean: bool) -> Properties | None:
    if cfg.protocol != "5":
        return None
    props = Properties(PacketTypes.CONNECT)
    props.SessionExpiryInterval = 0 if clean else cfg.session_expiry_s
    return props


class MqttLink:
    """The console's connection: Last Will, persistent session, wildcard subscriptions, backoff."""

    READ_BURST = 64

    def __init__(
        self,
        cfg: BrokerConfig,
        *,
        subscriptions: list[tuple[str, int]] | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        if not cfg.client_id:
            cfg = cfg.with_client_id(f"autoglm-console-{random.getrandbits(40):010x}")
        self.cfg = cfg
        self.router = TopicRouter(cfg.prefix)
        self.traffic = self.router.traffic
        self.state_changed = Event("link state")
        self.connection_made = Event("link connected")
        self.delivered = Event("publish delivered")
        self.subscriptions = subscriptions or [
            (device_wildcard(cfg.prefix, kind), 1) for kind in ("meta", "state", "status", "ack")
        ]
        self.backoff = backoff or Backoff()
        self.state = LinkState.DISCONNECTED
        self.last_error = ""
        self.next_retry_at: float | None = None
        self.connects = 0
        self.messages_in = 0
        self._after_connect: bool | None = None
        self._stop = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._connected = threading.Event()
        self._extra_qos: dict[str, int] = {}  # subscribe_extra's filters, renewed at each connect
        self._client = make_client(cfg)
        self._client.on_connect = self._on_connect
        self._client.on_disconnect = self._on_disconnect
        self._client.on_message = self._on_message
        self._client.on_publish = self._on_publish
        status = console_status_topic(cfg.prefix, cfg.client_id)
        self.status_topic = status
        self._client.will_set(status, STATUS_OFFLINE, qos=1, retain=True)

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="mqtt-link", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Say goodbye (retained ``offline``), disconnect, and join the network thread."""
        if self._thread is None:
            return
        if self._connected.is_set():
            try:
                info = self._client.publish(self.status_topic, STATUS_OFFLINE, qos=1, retain=True)
                deadline = time.monotonic() + 1.0
                while not info.is_published() and time.monotonic() < deadline:
                    time.sleep(0.01)
                self._stopping = True
                self._client.disconnect()
                # let the network thread write the DISCONNECT and close the socket, so that a later
                # start() finds a closed client and connects afresh
                deadline = time.monotonic() + 1.0
                while self._client.socket() is not None and time.monotonic() < deadline:
                    time.sleep(0.005)
            except Exception:  # noqa: BLE001 - best effort on the way out
                log.debug("disconnect failed", exc_info=True)
        self._stop.set()
        self._thread.join(timeout)
        self._thread = None
        self._stopping = False
        self._set_state(LinkState.STOPPED)

    def wait_connected(self, timeout: float) -> bool:
        return self._connected.wait(timeout)

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    @property
    def client_id(self) -> str:
        return self.cfg.client_id

    # -- routes (any thread; see console.core.mqtt.router) -------------------------------------------
    def route(self, kinds: str | Iterable[str], handler: DeviceHandler) -> None:
        """Hand messages of these device-topic kinds to ``handler`` (``"ack"``: ``(device_id, Ack)``)."""
        self.router.route(kinds, handler)

    def unroute(self, kinds: str | Iterable[str], handler: DeviceHandler) -> None:
        self.router.unroute(kinds, handler)

    def route_other(self, handler: RawHandler) -> None:
        """Hand ``(topic, payload)`` of every topic that is not ours, and of extra filters without a
        handler of their own, to ``handler``."""
        self.router.route_other(handler)

    # -- extra subscriptions (any thread) ------------------------------------------------------------
    def subscribe_extra(self, topic_filter: str, handler: RawHandler | None = None, qos: int = 1) -> None:
        """Subscribe to ``topic_filter`` besides our device topics, now if connected and at every
        reconnect; matching messages go to ``handler(topic, payload)`` (None: to ``route_other``)."""
        if self.router.add_extra(topic_filter, handler):
            self._extra_qos = {**self._extra_qos, topic_filter: qos}  # copy-on-write: on_connect reads it
            self._client.subscribe(topic_filter, qos)  # not connected: paho says so, on_connect does it

    def unsubscribe_extra(self, topic_filter: str) -> None:
        if self.router.remove_extra(topic_filter):
            self._extra_qos = {f: q for f, q in self._extra_qos.items() if f != topic_filter}
            self._client.unsubscribe(topic_filter)

    # -- publishing -----------------------------------------------------------------------------
    def publish(
        self,
        topic: str,
        payload: bytes | str,
        qos: int = 1,
        retain: bool = False,
        properties: Properties | None = None,
    ) -> mqtt.MQTTMessageInfo:
        return self._client.publish(topic, payload, qos=qos, retain=retain, properties=properties)

    # -- network thread -------------------------------------------------------------------------
    def _set_state(self, state: LinkState, **info: Any) -> None:
        self.state = state
        self.state_changed.emit(state, {"error": self.last_error, "next_retry_at": self.next_retry_at, **info})

    def _wait_retry(self) -> None:
        delay = self.backoff.next()
        self.next_retry_at = time.time() + delay
        self._set_state(LinkState.WAITING, delay=delay)
        log.info("broker %s unreachable (%s); next try in %.1f s", self.cfg.url(), self.last_error, delay)
        self._stop.wait(delay)
        self.next_retry_at = None

    def _run(self) -> None:
        first = True
        while not self._stop.is_set():
            if self._stopping and self._client.socket() is None:
                break  # stop() disconnected us: do not reconnect on the way out
            if not self._client.is_connected() and self._client.socket() is None:
                self._set_state(LinkState.CONNECTING)
                try:
                    if first:
                        self._client.connect(
                            self.cfg.host,
                            self.cfg.port,
                            keepalive=self.cfg.keepalive,
                            clean_start=False if self.cfg.protocol == "5" else mqtt.MQTT_CLEAN_START_FIRST_ONLY,
                            properties=connect_properties(self.cfg, clean=False),
                        )
                        first = False
                    else:
                        self._client.reconnect()
                except (OSError, ssl.SSLError, ValueError) as exc:
                    self.last_error = f"{type(exc).__name__}: {exc}"
                    self._wait_retry()
                    continue
            rc = self._client.loop(timeout=0.05)
            if rc == mqtt.MQTT_ERR_SUCCESS:
                # paho's loop() handles about one packet per call (select, read, housekeeping);
                # under load, read on while packets keep coming (at most READ_BURST per round)
                for _ in range(self.READ_BURST):
                    before = self.messages_in
                    if self._client.loop_read() != mqtt.MQTT_ERR_SUCCESS or self.messages_in == before:
                        break
            if self._after_connect is not None:
                session_present, self._after_connect = self._after_connect, None
                self.connection_made.emit(session_present)
            if rc != mqtt.MQTT_ERR_SUCCESS and not self._stop.is_set() and not self._stopping:
                if self._connected.is_set():
                    self._connected.clear()
                if not self.last_error:
                    self.last_error = mqtt.error_string(rc)
                self._wait_retry()
        self._connected.clear()

    def _on_connect(self, client, userdata, flags, reason_code, properties) -> None:
        if reason_code.is_failure:
            self.last_error = f"broker refused the connection: {reason_code}"
            log.warning("%s", self.last_error)
            return  # paho drops the socket; _run backs off
        self.backoff.reset()
        self.last_error = ""
        self.connects += 1
        enable_nodelay(client)
        for topic, qos in [*self.subscriptions, *self._extra_qos.items()]:
            client.subscribe(topic, qos)
        client.publish(self.status_topic, STATUS_ONLINE, qos=1, retain=True)
        self._connected.set()
        present = bool(getattr(flags, "session_present", False))
        self._after_connect = present
        self._set_state(LinkState.CONNECTED, session_present=present)

    def _on_disconnect(self, client, userdata, flags, reason_code, properties) -> None:
        self._connected.clear()
        if self._stop.is_set() or self._stopping:
            return
        if reason_code is not None and reason_code.is_failure and not self.last_error:
            self.last_error = f"disconnected: {reason_code}"
        self._set_state(LinkState.DISCONNECTED)

    def _on_message(self, client, userdata, msg: mqtt.MQTTMessage) -> None:
        self.messages_in += 1
        try:
            self.router.dispatch(msg.topic, msg.payload)
        except Exception:  # noqa: BLE001 - never let a bad topic kill the link (handlers are guarded)
            log.exception("routing failed on %s", msg.topic)

    def _on_publish(self, client, userdata, mid, reason_code, properties) -> None:
        self.delivered.emit(mid, not reason_code.is_failure)
