"""A reliable MQTT connection (paho-mqtt 2.x), Qt-free.

One thread of ours drives the paho client (``client.loop``) so that reconnecting is ours too:
exponential backoff from 1 s, doubling, capped at 30 s, with jitter, after *every* failed attempt
(a refused CONNACK too, whichever read saw it), and a state the UI can show with the time of the
next try.  A refused login (``LinkState.AUTH_FAILED``) and a session another client takes over
(same client id) back off on a slower schedule (10 s doubling to 5 min) with a message that says
what to fix (``mqtt.failures``); ``link.attempts`` counts CONNECTs sent.  A clean ``stop()``
clears our retained ``PREFIX/consoles/ID/status`` (an empty retained message); the Last Will
leaves ``offline`` there only when the console went away without saying goodbye.  paho's callbacks only hand data on, through explicit events and
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
    link.offload_extra_many(worker, ...)  ``subscribe_extra_many``'s filters are then received and read
                                          by a child process (``mqtt.offload``), not by this one

Subscriptions, and why (measured against a stock Mosquitto 2.0 in docs/DEPLOYMENT.md, "Broker
limits"): a broker queues at most so many messages per client (Mosquitto: 20 in flight, 1,000
queued) and drops the rest, and a wildcard subscription's retained messages arrive as one burst.
So meta, state and status, all retained and all superseded by the next one, are read at QoS 0
(nothing queued for us while we are away: a reconnect re-subscribes and gets every retained
message again), acks at QoS 1; an MQTT 5 CONNECT asks for a Receive Maximum of 65,535 (Mosquitto
otherwise uses its 20); the wildcards are subscribed in stages, meta first, so that one retained
burst drains before the next is asked for (``mqtt.stages``).  ``link.meta_recovery`` is the net
under all that: a device heard from without a meta or a status gets that topic subscribed to
again, in batches (``mqtt.meta_recovery``).  Both are polled by the network thread between reads.
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
from typing import Any, Callable, Iterable
from urllib.parse import urlparse

import paho.mqtt.client as mqtt
from paho.mqtt.matcher import MQTTMatcher
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from console.core.events import Event
from console.core.mqtt.failures import V311_HINT, Failure, FailureWatch, auth_message, takeover_message
from console.core.mqtt.meta_recovery import MetaRecovery
from console.core.mqtt.offload import Offload
from console.core.mqtt.router import DeviceHandler, RawHandler, TopicRouter
from console.core.mqtt.stages import StagedSubscriptions
from console.core.protocol import DEFAULT_PREFIX, STATUS_OFFLINE, STATUS_ONLINE, console_status_topic, device_wildcard

log = logging.getLogger(__name__)


class LinkState(str, enum.Enum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    WAITING = "waiting to retry"
    AUTH_FAILED = "not authorized"  # the broker refused the user/password: slow retries until fixed
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

    @classmethod
    def slow(cls) -> "Backoff":
        """For failures that retrying soon cannot fix (a refused login, a session taken over)."""
        return cls(initial=10.0, cap=300.0)


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
    password: str = field(default="", repr=False)  # never persisted with the profile, never in a repr
    client_id: str = ""
    protocol: str = "5"  # "5" or "3.1.1"
    keepalive: int = 30
    session_expiry_s: int = 3600
    prefix: str = DEFAULT_PREFIX
    ha_prefix: str = "homeassistant"  # Home Assistant discovery prefix ("": no discovery)
    # where discovered devices' state topics are received and read: "process" (a child process,
    # console.core.ha.ingest_process: the GUI never waits for the interpreter lock behind them) or
    # "thread" (this link's thread: the fallback, and what the ingest process's failure falls back to)
    ha_ingest: str = "process"
    # QoS 1/2 publishes in flight at once; keep it at or below the broker's Receive Maximum
    # (Mosquitto's default is 20; paho queues the rest and sends them as acks come back)
    max_inflight: int = 20
    # QoS 1/2 messages the broker may send us before our acks (MQTT 5 Receive Maximum; 0: leave it
    # out, and Mosquitto then uses its max_inflight_messages, 20)
    receive_maximum: int = 65535
    profile: str = ""  # the connection profile this came from, for messages ("": --broker)

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


class QuietMatcher(MQTTMatcher):
    """paho's per-topic callback matcher, without its garbage when no per-topic callback is registered.

    paho asks ``iter_match`` on every incoming message, and ``MQTTMatcher.iter_match`` builds a
    recursive generator whose closure refers to itself: about six objects of cyclic garbage a message
    that only the cycle collector frees (15,000 a second at 2,500 messages/s, the bulk of the GUI
    thread's collections in bench/ingest.py --ha).  The console registers no per-topic callbacks (its
    own router dispatches), so with none registered there is nothing to match; with some it is paho's."""

    def iter_match(self, topic):
        root = self._root
        if not root._children and root._content is None:
            return iter(())
        return super().iter_match(topic)


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
    client._on_message_filtered = QuietMatcher()  # see QuietMatcher (paho 2.x keeps this private attribute)
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
    if cfg.receive_maximum > 0:
        props.ReceiveMaximum = min(cfg.receive_maximum, 65535)
    return props


# retained and superseded by the next message: QoS 0 (see the module docstring); acks at QoS 1
READ_QOS = {"meta": 0, "state": 0, "status": 0, "ack": 1}


class MqttLink:
    """The console's connection: Last Will, persistent session, wildcard subscriptions, backoff."""

    READ_BURST = 64

    def __init__(
        self,
        cfg: BrokerConfig,
        *,
        subscriptions: list[tuple[str, int]] | None = None,
        backoff: Backoff | None = None,
        slow_backoff: Backoff | None = None,
    ) -> None:
        if not cfg.client_id:
            cfg = cfg.with_client_id(f"autoglm-console-{random.getrandbits(40):010x}")
        self.cfg = cfg
        self.router = TopicRouter(cfg.prefix)
        self.traffic = self.router.traffic
        self.state_changed = Event("link state")
        self.connection_made = Event("link connected")
        self.delivered = Event("publish delivered")
        if subscriptions:
            self.stages = StagedSubscriptions.at_once(subscriptions)
        else:
            self.stages = StagedSubscriptions.for_devices(cfg.prefix, READ_QOS)
        self.subscriptions = self.stages.all()
        self.meta_recovery = MetaRecovery(cfg.prefix)
        self.router.seen.connect(self._seen)
        self.backoff = backoff or Backoff()
        self.slow_backoff = slow_backoff or Backoff.slow()
        self.watch = FailureWatch(cfg.protocol)
        self.state = LinkState.DISCONNECTED
        self.last_error = ""
        self.warning = ""  # a session taken over: shown until a connection stays up
        self.attempts = 0  # CONNECT packets sent (initial connect and every reconnect)
        self.next_retry_at: float | None = None
        self.connects = 0
        self.messages_in = 0
        self._retained = False  # the message being routed came from a retained burst (mqtt.stages)
        self._after_connect: bool | None = None
        self._stop = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._connected = threading.Event()
        self._extra_qos: dict[str, int] = {}  # subscribe_extra's filters, renewed at each connect
        self.offload: Offload | None = None  # subscribe_extra_many's filters read by a child process
        self._offloaded: dict[str, int] = {}  # the filters it reads (copy-on-write)
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
        if self.offload is not None and not self.offload.dead:
            self.offload.start()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="mqtt-link", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Say goodbye (retained ``offline``), disconnect, and join the network thread."""
        if self._thread is None:
            return
        if self._connected.is_set():
            try:
                # a clean goodbye leaves nothing retained behind (the Last Will's offline is for crashes)
                info = self._client.publish(self.status_topic, b"", qos=1, retain=True)
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
        if self.offload is not None:
            self.offload.stop()
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
        if topic_filter in self._offloaded and self.router.remove_extra(topic_filter):
            self._offloaded = {f: q for f, q in self._offloaded.items() if f != topic_filter}
            self.offload.unsubscribe([topic_filter])
            return
        if self.router.remove_extra(topic_filter):
            self._extra_qos = {f: q for f, q in self._extra_qos.items() if f != topic_filter}
            self._client.unsubscribe(topic_filter)

    SUBSCRIBE_BATCH = 500  # topic filters per SUBSCRIBE packet (Home Assistant's own client sends 500)

    def subscribe_extra_many(self, topic_filters: Iterable[str], handler: RawHandler | None = None,
                             qos: int = 1) -> int:
        """``subscribe_extra`` for many filters (thousands of discovered state topics): one SUBSCRIBE
        per SUBSCRIBE_BATCH new filters, now if connected and at every reconnect; the count of new ones."""
        new = [f for f in topic_filters if self.router.add_extra(f, handler)]
        if new and self.offload is not None and not self.offload.dead:
            self._offloaded = {**self._offloaded, **{f: qos for f in new}}
            if self.offload.subscribe([(f, qos) for f in new]):
                return len(new)
            self._offload_died()  # the pipe is gone: the in-process path, these filters included
            return len(new)
        if new:
            self._extra_qos = {**self._extra_qos, **{f: qos for f in new}}
            for i in range(0, len(new), self.SUBSCRIBE_BATCH):
                self._client.subscribe([(f, qos) for f in new[i:i + self.SUBSCRIBE_BATCH]])
        return len(new)

    def offload_extra_many(self, worker: str, worker_args: tuple = (), *,
                           on_batch: Callable[[Any], None]) -> Offload:
        """From now on, :meth:`subscribe_extra_many`'s filters are received by a child process that hands
        each message to ``worker`` (an import path, ``"package.module:Factory"``, built there with
        ``worker_args``) and sends what it read to ``on_batch`` at 20 Hz (``mqtt.offload``).  Their
        handlers here are kept: if the child dies, this link subscribes to the filters itself and they
        get the messages, as without an offload.  Call before :meth:`start`."""
        if self._thread is not None:
            raise RuntimeError("offload_extra_many must be called before the link starts")
        self.offload = Offload(self.cfg, worker, worker_args, on_batch=on_batch, on_dead=self._offload_died,
                               client_kit=(make_client, connect_properties, enable_nodelay))
        return self.offload

    def _offload_died(self) -> None:
        """The ingest process is gone: its filters are subscribed here (the in-process path)."""
        moved, self._offloaded = self._offloaded, {}
        if not moved:
            return
        self._extra_qos = {**self._extra_qos, **moved}
        items = list(moved.items())
        for i in range(0, len(items), self.SUBSCRIBE_BATCH):
            self._client.subscribe(items[i:i + self.SUBSCRIBE_BATCH])

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

    def _wait_retry(self, failure: Failure = Failure.OTHER, hint: str = "") -> None:
        """Back off after a failed attempt: the slow schedule for what retrying soon cannot fix."""
        slow = failure in (Failure.AUTH, Failure.TAKEOVER)
        delay = (self.slow_backoff if slow else self.backoff).next()
        self.next_retry_at = time.time() + delay
        state = LinkState.AUTH_FAILED if failure is Failure.AUTH else LinkState.WAITING
        self._set_state(state, delay=delay, warning=self.warning, hint=hint)
        log.info("broker %s: %s; next try in %.1f s", self.cfg.url(), self.last_error or "unreachable", delay)
        self._stop.wait(delay)
        self.next_retry_at = None

    def _attempt(self, first: bool) -> bool:
        """Open the socket and send CONNECT; False (after backing off) when that already failed."""
        self._set_state(LinkState.CONNECTING, warning=self.warning)
        self.watch.attempt()
        self.attempts += 1
        try:
            if first:
                self._client.connect(
                    self.cfg.host,
                    self.cfg.port,
                    keepalive=self.cfg.keepalive,
                    clean_start=False if self.cfg.protocol == "5" else mqtt.MQTT_CLEAN_START_FIRST_ONLY,
                    properties=connect_properties(self.cfg, clean=False),
                )
            else:
                self._client.reconnect()
        except (OSError, ssl.SSLError, ValueError) as exc:
            self.last_error = f"{type(exc).__name__}: {exc}"
            self._wait_retry()
            return False
        return True

    def _pump(self) -> int:
        """One ``loop`` and, while packets keep coming, up to READ_BURST reads: the first failing
        return code of any of them (a refused CONNACK may be seen by either)."""
        rc = self._client.loop(timeout=0.05)
        if rc != mqtt.MQTT_ERR_SUCCESS:
            return rc
        # paho's loop() handles about one packet per call (select, read, housekeeping);
        # under load, read on while packets keep coming (at most READ_BURST per round)
        for _ in range(self.READ_BURST):
            before = self.messages_in
            read_rc = self._client.loop_read()
            if read_rc != mqtt.MQTT_ERR_SUCCESS:
                return read_rc
            if self.messages_in == before:
                break
        return mqtt.MQTT_ERR_SUCCESS

    def _run(self) -> None:
        first = True
        while not self._stop.is_set():
            if self._stopping and self._client.socket() is None:
                break  # stop() disconnected us: do not reconnect on the way out
            if not self._client.is_connected() and self._client.socket() is None:
                ok = self._attempt(first)
                first = False
                if not ok:
                    continue
            rc = self._pump()
            if self._after_connect is not None:
                session_present, self._after_connect = self._after_connect, None
                self.connection_made.emit(session_present)
            if rc == mqtt.MQTT_ERR_SUCCESS and self._connected.is_set():
                self._next_stage()
            lost = rc != mqtt.MQTT_ERR_SUCCESS or self._client.socket() is None
            if lost and not self._stop.is_set() and not self._stopping:
                self._failed(rc)
        self._connected.clear()

    def _failed(self, rc: int) -> None:
        """The connection (or the attempt) ended: say why, in words the operator can act on, and back off."""
        self._connected.clear()
        if not self.last_error:
            self.last_error = mqtt.error_string(rc) if rc != mqtt.MQTT_ERR_SUCCESS else "connection closed"
        failure, hint = self.watch.classify(), ""
        if failure is Failure.AUTH:
            self.last_error = auth_message(self.cfg.profile, self.cfg.url())
        elif failure is Failure.TAKEOVER:
            self.warning = takeover_message(self.cfg.client_id, self.cfg.profile, self.cfg.url())
            self.last_error = self.warning
            log.warning("%s", self.warning)
        elif self.watch.needs_v311_hint():
            hint = V311_HINT
            if V311_HINT not in self.last_error:
                self.last_error = f"{self.last_error} ({V311_HINT})"
        if self.watch.stable:
            self.slow_backoff.reset()
        self._wait_retry(failure, hint)

    def _seen(self, device, payload: bytes) -> None:
        if self._retained:
            self.stages.seen(device.kind, time.monotonic())
        self.meta_recovery.observe(device, payload)

    def _next_stage(self) -> None:
        """The next subscription stage once the last one drained (``mqtt.stages``); after the last,
        ask again for what never came (``mqtt.meta_recovery``: batched, rate-limited)."""
        if not self.stages.done:
            more = self.stages.due(time.monotonic())
            if more:
                self._client.subscribe(more)
            return
        ask, drop = self.meta_recovery.due()
        if drop:
            self._client.unsubscribe(drop)
        if ask:
            log.info("asking again for %d device metas/statuses the broker did not deliver", len(ask))
            # QoS 1 when the broker lets us take 65,535 in flight: a Mosquitto whose queue to us is
            # full of live states drops QoS 0 messages, these included, but not in-flight QoS 1 ones
            qos = 1 if self.cfg.protocol == "5" and self.cfg.receive_maximum >= 1000 else 0
            self._client.subscribe([(t, qos) for t in ask])

    def _on_connect(self, client, userdata, flags, reason_code, properties) -> None:
        if reason_code.is_failure:
            self.watch.refused(reason_code.value)
            self.last_error = f"broker refused the connection: {reason_code}"
            log.warning("%s", self.last_error)
            return  # paho drops the socket; _run backs off
        self.backoff.reset()
        self.watch.connected()
        self.last_error = ""
        self.connects += 1
        enable_nodelay(client)
        self.meta_recovery.reconnected()
        for topic, qos in self.stages.start(time.monotonic()):
            client.subscribe(topic, qos)
        extra = list(self._extra_qos.items())  # batched: discovery may have thousands
        for i in range(0, len(extra), self.SUBSCRIBE_BATCH):
            client.subscribe(extra[i:i + self.SUBSCRIBE_BATCH])
        client.publish(self.status_topic, STATUS_ONLINE, qos=1, retain=True)
        self._connected.set()
        present = bool(getattr(flags, "session_present", False))
        self._after_connect = present
        self._set_state(LinkState.CONNECTED, session_present=present, warning=self.warning)

    def _on_disconnect(self, client, userdata, flags, reason_code, properties) -> None:
        self._connected.clear()
        if self._stop.is_set() or self._stopping:
            return
        self.watch.disconnected(reason_code.value if reason_code is not None else None)
        if self.watch.stable:
            self.warning = ""  # up long enough: whoever shared our id is gone
        if reason_code is not None and reason_code.is_failure and not self.last_error:
            self.last_error = f"disconnected: {reason_code}"
        self._set_state(LinkState.DISCONNECTED, warning=self.warning)

    def _on_message(self, client, userdata, msg: mqtt.MQTTMessage) -> None:
        self.messages_in += 1
        # a subscription's retained burst is what a stage waits out; live messages (states at 1 Hz)
        # never stop coming, so they must not hold the next stage back
        self._retained = bool(msg.retain)
        try:
            self.router.dispatch(msg.topic, msg.payload)
        except Exception:  # noqa: BLE001 - never let a bad topic kill the link (handlers are guarded)
            log.exception("routing failed on %s", msg.topic)

    def _on_publish(self, client, userdata, mid, reason_code, properties) -> None:
        self.delivered.emit(mid, not reason_code.is_failure)
