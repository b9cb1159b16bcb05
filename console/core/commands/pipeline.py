"""The command pipeline: validate → persist → publish → track to a terminal state (PROTOCOL.md).

``submit`` validates a command against the device's capabilities, decides (the only place that
does, for every origin) whether the operator must confirm it first (``confirmation.py``), writes it
``QUEUED`` to the outbox and, when the link is up, publishes it (QoS 1, QoS 2 for high-risk
devices; under MQTT 5 with Response Topic and Correlation Data).  From then on the state only moves forward:

    QUEUED → SENT (handed to paho) → DELIVERED (PUBACK / PUBCOMP) → ACCEPTED → SUCCEEDED
    terminal failures: REJECTED, FAILED, TIMEOUT, EXPIRED, CANCELLED

Each transition is committed to SQLite first and only then handed to the listeners (the UI), so
what the operator sees is always on disk.  A sweeper thread re-sends (same id: devices apply an id
once) commands whose device ack did not come within ``ack_timeout_s``, up to ``max_attempts``, and
then gives up with ``TIMEOUT``.  After a reconnect, and after the console restarts,
``QUEUED``/``SENT`` commands are replayed in submission order.

Time (the ttl, judged on the console's clock only, from the command's ``ts``): the console never
shows a terminal state it cannot know.  A ``QUEUED`` command past its ttl was never handed to
paho: ``EXPIRED``.  A ``SENT``/``DELIVERED`` one may have reached the device (whose clock may be
behind): it keeps its state, its detail becomes ``OUTCOME_UNKNOWN``, it is not sent again, and the
device's answer, whenever it comes (done, accepted, rejected — ``expired…`` gives ``EXPIRED`` —,
failed), moves it as usual; none within ``late_answer_s`` after the ttl: ``TIMEOUT``, saying the
outcome is unknown.  So that a late command is not applied at all, each publish carries, besides
the absolute ``ts`` + ``ttl_s``, the time it has left as ``expires_in_s`` (a device measures it from
receipt, with its own monotonic clock: docs/PROTOCOL-PROPOSALS.md) and, under MQTT 5, as the
Message Expiry Interval (the broker drops it when it is late).  It also names this console
(``console``: the client id), so that other consoles can show who sent it (``commands.others``).

Transports: a device that speaks PROTOCOL.md gets the command on its ``cmd`` topic and acks it (the
native path, the default).  ``transport_for(device_id)`` may name another :class:`Transport` for a
device from another source (Home Assistant discovery, ``console.core.sources``): it publishes what
that device understands, has no ids to deduplicate so it is sent once (``max_attempts``), and
reports the outcome through ``on_ack`` (``done`` once the device's state shows the values: SUCCEEDED;
none within ``ack_timeout_s``: TIMEOUT with the transport's ``timeout_detail``, e.g. the last state
seen).  A device that will never show the state (optimistic) ends at DELIVERED, the last state it
can have, closed with ``settle_on_delivery``'s sentence.  Everything else (outbox, replay, audit,
confirmation) is the same for every transport.

Threads: ``submit``/``cancel`` run on the caller's (GUI) thread, PUBACKs and acks arrive on the
link's network thread, the sweeper has its own.  One lock guards the in-memory index; it is never
held while calling paho (paho calls ``on_publish`` holding its own lock: that order would deadlock).
A Transport's ``publish`` is called without it; its other methods with it held (they may take
their own locks, never call back into the pipeline).
"""

from __future__ import annotations

import copy
import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from console.core.commands.confirmation import Confirmation, ConfirmationRequired, Confirmed, confirmation_required
from console.core.commands.outbox import CommandRow, Outbox
from console.core.events import Event
from console.core.protocol import Ack, Command, CommandState, DeviceMeta, ProtocolError, device_topic, encode_json

log = logging.getLogger(__name__)

S = CommandState
# forward-only: a state may only be replaced by one of higher rank (terminal states are final)
RANK = {S.QUEUED: 0, S.SENT: 1, S.DELIVERED: 2, S.ACCEPTED: 3}
EXPIRED_PREFIX = "expired"
# the detail (and error) of a SENT/DELIVERED command past its ttl: only the device can say what came of it
OUTCOME_UNKNOWN = "ttl passed; outcome unknown until the device answers"
__all__ = ["CommandPipeline", "Confirmation", "ConfirmationRequired", "PipelineConfig", "Transport"]


class Link(Protocol):
    """What the pipeline needs from MqttLink (a protocol so tests can use a real link or a bare one)."""

    cfg: Any
    connected: bool
    delivered: Event  # (mid, ok) for each PUBACK / PUBCOMP
    connection_made: Event  # (session_present) once a CONNACK has been handled

    def publish(self, topic: str, payload: bytes, qos: int = 1, retain: bool = False,
                properties: Properties | None = None) -> Any: ...


@dataclass(frozen=True)
class PipelineConfig:
    ack_timeout_s: float = 10.0  # device ack (accepted/done) expected this long after a send
    max_attempts: int = 3  # sends of one command (the first one included) before TIMEOUT/FAILED
    default_ttl_s: float = 30.0
    sweep_interval_s: float = 0.2
    late_answer_s: float = 300.0  # how long after its ttl a command that may have arrived waits for an answer


Listener = Callable[[CommandRow], None]


class Transport(Protocol):
    """How a command reaches a device that does not speak PROTOCOL.md (see the module docstring)."""

    max_attempts: int  # sends of one command before TIMEOUT / FAILED (1: never sent twice)

    def publish(self, link: Link, row: CommandRow) -> Any: ...  # paho's MQTTMessageInfo of the last publish

    def settle_on_delivery(self, row: CommandRow) -> str: ...  # non-empty: close at DELIVERED, saying this

    def timeout_detail(self, row: CommandRow) -> str: ...  # why it timed out (e.g. the last state seen)


def native_transport(device_id: str) -> Transport | None:
    """The default lookup: every device speaks PROTOCOL.md (None: the native path)."""
    return None


class CommandPipeline:
    def __init__(
        self,
        outbox: Outbox,
        link: Link,
        meta_lookup: Callable[[str], DeviceMeta | None],
        cfg: PipelineConfig | None = None,
        transport_for: Callable[[str], Transport | None] | None = None,
    ) -> None:
        self.outbox = outbox
        self.transport_for = transport_for or native_transport
        self.link = link
        self.meta_lookup = meta_lookup
        self.cfg = cfg or PipelineConfig()
        self.prefix: str = link.cfg.prefix
        self.v5 = getattr(link.cfg, "protocol", "5") == "5"
        self._lock = threading.Lock()
        self._open: dict[str, CommandRow] = {}  # every non-terminal command, by id
        self._deadline: dict[str, float] = {}  # id → when to give up waiting for the device
        self._mid: dict[int, str] = {}  # paho message id → command id, until PUBACK/PUBCOMP
        self._pending_mid: dict[str, int] = {}  # command id → the mid paho still holds
        self._early: dict[int, tuple[bool, float]] = {}  # PUBACKs seen before publish() returned
        self._sending: set[str] = set()
        self._give_up: dict[str, float] = {}  # id → monotonic time an OUTCOME_UNKNOWN command times out
        self._props: dict[str, Properties] = {}  # per-device MQTT 5 property templates  # ids between "SENT persisted" and "mid registered"
        self._listeners: list[Listener] = []
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._replay_wanted = True
        self._sweeper: threading.Thread | None = None
        self.unknown_acks = 0
        self.others: Any = None  # commands.others.OtherConsoles, when wired (services): the views read it
        # the timeline's steps the outbox does not store: (command_id, step, start, end, attrs), emitted
        # after the lock is released ("validated" on submit, "published" once paho took it)
        self.stage = Event("command-stage")
        self.trace_for: Callable[[Command, int], str] | None = None  # a W3C traceparent for a new command
        self.timelines: Any = None  # telemetry.TimelineRecorder, when wired (services): the views read it
        self.mismatched_acks = 0
        self._held: set[str] = set()  # open commands whose device is not known yet (see _send)
        for row in outbox.open_commands():  # a restart: pick up where the last run stopped
            self._open[row.id] = row
            if row.state in (S.DELIVERED, S.ACCEPTED):
                self._deadline[row.id] = time.monotonic() + self.cfg.ack_timeout_s
        link.delivered.connect(self.on_delivered)
        link.connection_made.connect(self._on_link_connected)

    # -- listeners ------------------------------------------------------------------------------
    def add_listener(self, fn: Listener) -> None:
        self._listeners.append(fn)

    def remove_listener(self, fn: Listener) -> None:
        if fn in self._listeners:
            self._listeners.remove(fn)

    def _notify(self, row: CommandRow) -> None:
        for fn in list(self._listeners):
            try:
                fn(row)
            except Exception:  # noqa: BLE001 - a view bug must not break the pipeline
                log.exception("command listener failed")

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._sweeper is not None:
            return
        self._stop.clear()
        self._sweeper = threading.Thread(target=self._sweep_loop, name="command-sweeper", daemon=True)
        self._sweeper.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._sweeper is not None:
            self._sweeper.join(5)
            self._sweeper = None

    # -- submitting -----------------------------------------------------------------------------
    def _validate(self, device_id: str, params: dict[str, Any] | None, action: str) -> tuple[DeviceMeta, dict]:
        meta = self.meta_lookup(device_id)
        if meta is None:
            raise ProtocolError(f"unknown device {device_id!r}: no meta received from it yet")
        return meta, meta.validate_params(action, params if action == "set" else (params or {}))

    def submit(
        self,
        device_id: str,
        params: dict[str, Any] | None = None,
        *,
        action: str = "set",
        origin: str = "operator",
        ttl_s: float | None = None,
        trace: str = "",
        confirmed: Confirmed = False,
        always_confirm: bool = False,
    ) -> CommandRow:
        """Validate, persist ``QUEUED`` and (if connected) send; returns the ``QUEUED`` row.

        The one place that decides whether a command may go, for every origin, from the device's meta
        as it is now: raises ProtocolError when the device or the values are not valid, and
        ConfirmationRequired (see ``confirmation.py``) when the operator must say yes first (a
        high-risk command, or any with ``always_confirm``) and ``confirmed`` does not already cover it.
        Whoever proposed the command, the operator confirms it: the UI asks, then calls again with
        ``confirmed=exc.confirmation()``.  Nothing is stored or sent when it raises."""
        started = time.time()
        meta, clean = self._validate(device_id, params, action)
        need = confirmation_required(meta, action, clean, always=always_confirm, confirmed=confirmed)
        if need is not None:
            raise need
        cmd = Command.new(device_id, clean, action=action, ttl_s=ttl_s or self.cfg.default_ttl_s, origin=origin)
        qos = 2 if meta.is_high_risk(clean) else 1
        if not trace and self.trace_for is not None:
            try:
                trace = self.trace_for(cmd, qos)
            except Exception:  # noqa: BLE001 - tracing must never stop a command
                log.exception("tracing the command %s failed", cmd.id)
        if trace:
            cmd = Command(**{**cmd.__dict__, "trace": trace})
        validated = time.time()
        connected = self.link.connected
        with self._lock:
            # older commands still waiting go first: then this one waits for the replay as well
            older_waiting = self._replay_wanted or any(r.state is S.QUEUED for r in self._open.values())
            if connected and not older_waiting:
                # the common case: QUEUED and SENT (attempt 1) in one commit, both before publishing
                row = self.outbox.add_sent(cmd, qos)
                queued = row.as_queued()
                self._deadline[row.id] = time.monotonic() + self.cfg.ack_timeout_s
                self._sending.add(row.id)
            else:
                queued = row = self.outbox.add(cmd, qos)
            self._open[row.id] = row
        self.stage.emit(cmd.id, "validated", started, validated, {"origin": origin, "qos": qos})
        self._notify(queued)
        if row is not queued:
            self._notify(row)
            self._publish(row)
        elif connected:
            self._request_replay()
        return queued

    def cancel(self, command_id: str, reason: str = "cancelled by the operator") -> CommandRow | None:
        """Cancel a command that has not reached a device yet (QUEUED or SENT)."""
        with self._lock:
            row = self._open.get(command_id)
            if row is None or row.state is not S.QUEUED or command_id in self._sending:
                return None  # once handed to paho it may reach the device: it can no longer be cancelled
            row = self._finish(row, S.CANCELLED, reason)
        self._notify(row)
        return row

    # -- state changes (call with the lock held; notify after releasing it) --------------------------
    def _finish(self, row: CommandRow, state: CommandState, detail: str, error: str | None = None) -> CommandRow:
        row = self.outbox.transition(row, state, detail=detail, error=detail if error is None else error)
        self._open.pop(row.id, None)
        self._deadline.pop(row.id, None)
        self._give_up.pop(row.id, None)
        mid = self._pending_mid.pop(row.id, None)
        if mid is not None:
            self._mid.pop(mid, None)
        return row

    def _advance(self, row: CommandRow, state: CommandState, detail: str = "") -> CommandRow:
        row = self.outbox.transition(row, state, detail=detail)
        self._open[row.id] = row
        return row

    def _send(self, command_id: str, states: tuple[CommandState, ...]) -> None:
        """Persist SENT, then hand the command to paho; never holds the lock while in paho."""
        now = time.time()
        changed: list[CommandRow] = []
        with self._lock:
            row = self._open.get(command_id)
            if row is None or row.state not in states or command_id in self._sending:
                return
            if row.command.expired(now) and row.state in (S.QUEUED, S.SENT):
                past = self._past_ttl(row, time.monotonic())  # never sent again: EXPIRED or outcome unknown
                changed.extend([past] if past is not None else [])
                row = None
            elif self.meta_lookup(row.device_id) is None:
                # after a restart a device's meta, and with it its transport (native, or a discovered
                # device's HA topics), comes back only after the CONNACK: until then it is not sent
                # anywhere (replayed once the meta is known, see _held_known; its ttl runs as usual)
                self._held.add(command_id)
                row = None
            elif row.attempts >= self._max_attempts(row):
                if row.state in (S.QUEUED, S.SENT):
                    changed.append(self._finish(row, S.FAILED, f"not delivered after {row.attempts} attempts"))
                else:
                    changed.append(self._finish(row, S.TIMEOUT, f"no device ack after {row.attempts} attempts"))
                row = None
            else:
                self._held.discard(command_id)
                attempt = row.attempts + 1
                row = self.outbox.transition(row, S.SENT, detail=f"attempt {attempt}", attempts=attempt)
                self._open[row.id] = row
                self._deadline[row.id] = time.monotonic() + self.cfg.ack_timeout_s
                self._sending.add(command_id)
                changed.append(row)
        for r in changed:
            self._notify(r)
        if row is not None:
            self._publish(row)

    def _max_attempts(self, row: CommandRow) -> int:
        transport = self.transport_for(row.device_id)
        return self.cfg.max_attempts if transport is None else max(1, transport.max_attempts)

    def _past_ttl(self, row: CommandRow, mono: float) -> CommandRow | None:
        """A QUEUED/SENT/DELIVERED command past its ttl (lock held; see the module docstring): the
        changed row to notify, or None.  QUEUED: EXPIRED (never sent, that is known); otherwise
        OUTCOME_UNKNOWN once, then TIMEOUT ``late_answer_s`` later if the device never answered."""
        if row.state is S.QUEUED:
            return self._finish(row, S.EXPIRED, f"ttl of {row.command.ttl_s:g} s passed before delivery")
        if row.error != OUTCOME_UNKNOWN:
            self._give_up[row.id] = mono + self.cfg.late_answer_s
            self._deadline.pop(row.id, None)
            row = self.outbox.transition(row, row.state, detail=OUTCOME_UNKNOWN, error=OUTCOME_UNKNOWN)
            self._open[row.id] = row
            return row
        if mono >= self._give_up.setdefault(row.id, mono + self.cfg.late_answer_s):  # setdefault: after a restart
            return self._finish(row, S.TIMEOUT, f"no answer from the device {self.cfg.late_answer_s:g} s after "
                                                f"its ttl passed: outcome unknown")
        return None

    def wire_payload(self, cmd: Command, now: float | None = None) -> dict[str, Any]:
        """What is published: the command, the time it has left (``expires_in_s``, measured by the
        device from receipt) and this console's client id (``console``)."""
        left = cmd.ts + cmd.ttl_s - (time.time() if now is None else now)
        out = cmd.payload()
        out["expires_in_s"] = round(max(0.0, left), 3)
        console = getattr(self.link.cfg, "client_id", "")
        if console:
            out["console"] = console
        return out

    def _properties(self, cmd: Command, expires_in_s: float = 0.0) -> Properties | None:
        """MQTT 5 Response Topic + Correlation Data + Message Expiry Interval (whole seconds, at
        least 1) (paho's Properties() is slow to build: copy one)."""
        if not self.v5:
            return None
        template = self._props.get(cmd.device_id)
        if template is None:
            template = Properties(PacketTypes.PUBLISH)
            template.ResponseTopic = device_topic(self.prefix, cmd.device_id, "ack")
            if len(self._props) < 10_000:
                self._props[cmd.device_id] = template
        props = copy.copy(template)
        props.CorrelationData = cmd.id.encode()
        props.MessageExpiryInterval = max(1, math.ceil(expires_in_s))
        if cmd.trace:  # W3C trace context for the device (docs/PROTOCOL-PROPOSALS.md)
            props.UserProperty = [("traceparent", cmd.trace)]
        return props

    def _publish(self, row: CommandRow) -> None:
        """Hand a row already persisted as SENT (and in ``_sending``) to paho; register its mid."""
        cmd = row.command
        command_id = cmd.id
        transport = self.transport_for(cmd.device_id)
        started = time.monotonic()
        wall = time.time()
        try:
            if transport is not None:
                info = transport.publish(self.link, row)
            else:
                topic = device_topic(self.prefix, cmd.device_id, "cmd")
                payload = self.wire_payload(cmd)
                info = self.link.publish(topic, encode_json(payload), qos=row.qos,
                                         properties=self._properties(cmd, payload["expires_in_s"]))
        except (ValueError, OSError, ProtocolError) as exc:  # bad topic/payload or a socket error: retried by the sweep
            log.warning("publishing %s failed: %s", cmd.id, exc)
            with self._lock:
                self._sending.discard(command_id)
            return
        mid, rc = info.mid, info.rc
        self.stage.emit(command_id, "published", wall, time.time(), {"attempt": row.attempts, "mid": mid, "rc": rc})
        early = None
        with self._lock:
            self._sending.discard(command_id)
            if rc not in (0, 4):  # 4 = MQTT_ERR_NO_CONN: paho keeps it and re-sends on reconnect
                log.warning("paho refused %s (rc %s); the sweep retries it", cmd.id, rc)
                return
            if command_id in self._open:
                old = self._pending_mid.pop(command_id, None)
                if old is not None:
                    self._mid.pop(old, None)
                self._mid[mid] = command_id
                self._pending_mid[command_id] = mid
                early = self._early.pop(mid, None)
                if early is not None and early[1] < started:
                    early = None  # a PUBACK for an older message that had the same mid
        if early is not None:
            self.on_delivered(mid, early[0])

    # -- network thread -------------------------------------------------------------------------
    def on_delivered(self, mid: int, ok: bool) -> None:
        """PUBACK (QoS 1) or PUBCOMP (QoS 2) for ``mid``."""
        changed = None
        with self._lock:
            cid = self._mid.pop(mid, None)
            if cid is None:
                # publish() has not returned yet (or it is the link's own status message)
                now = time.monotonic()
                self._early[mid] = (ok, now)
                if len(self._early) > 1024:
                    self._early = {m: v for m, v in self._early.items() if now - v[1] < 30}
                return
            self._pending_mid.pop(cid, None)
            row = self._open.get(cid)
            if row is None:
                return
            if not ok:
                # the broker refused it (e.g. not authorised): the sweep re-sends until attempts run out
                self._deadline[cid] = 0.0
                row = self.outbox.transition(row, row.state, detail="broker refused the publish",
                                             error="broker refused the publish")
                self._open[cid] = row
                changed = row
            elif RANK.get(row.state, 99) < RANK[S.DELIVERED]:
                transport = self.transport_for(row.device_id)
                settled = transport.settle_on_delivery(row) if transport is not None else ""
                if settled:  # nothing will ever confirm it: DELIVERED is where it ends
                    changed = self._finish(row, S.DELIVERED, settled, error="")
                else:
                    changed = self._advance(row, S.DELIVERED, "PUBCOMP" if row.qos == 2 else "PUBACK")
        if changed is not None:
            self._notify(changed)

    def on_ack(self, device_id: str, ack: Ack) -> None:
        """A device acknowledgement (network thread).  Acks of other consoles' commands are ignored."""
        changed: list[CommandRow] = []
        with self._lock:
            row = self._open.get(ack.id)
            if row is None:
                self.unknown_acks += 1
                return
            if row.device_id != device_id:
                self.mismatched_acks += 1
                log.warning("ack for %s came from %s, not %s: ignored", ack.id, device_id, row.device_id)
                return
            if row.state is S.SENT or row.state is S.QUEUED:
                row = self._advance(row, S.DELIVERED, "implied by the device ack")
                changed.append(row)
            if ack.status == "accepted":
                if RANK.get(row.state, 99) < RANK[S.ACCEPTED]:
                    changed.append(self._advance(row, S.ACCEPTED, "device accepted"))
                    self._deadline[row.id] = time.monotonic() + self.cfg.ack_timeout_s
            elif ack.status == "done":
                detail = f"state seq {ack.state_seq}" if ack.state_seq is not None else "done"
                changed.append(self._finish(row, S.SUCCEEDED, detail, error=""))
            elif ack.status == "rejected":
                state = S.EXPIRED if ack.error.startswith(EXPIRED_PREFIX) else S.REJECTED
                changed.append(self._finish(row, state, ack.error or "rejected by the device"))
            else:
                changed.append(self._finish(row, S.FAILED, ack.error or "the device reported a failure"))
        for r in changed:
            self._notify(r)

    def _on_link_connected(self, session_present: bool) -> None:
        self._request_replay()

    def _request_replay(self) -> None:
        self._replay_wanted = True
        self._wake.set()

    def replay(self) -> None:
        """Send QUEUED commands, and SENT ones paho no longer holds, in submission order."""
        self._replay_wanted = False
        with self._lock:
            todo = [
                r.id
                for r in sorted(self._open.values(), key=lambda r: r.seq)
                if r.state is S.QUEUED or (r.state is S.SENT and r.id not in self._pending_mid)
            ]
            now = time.monotonic()
            for cid, row in self._open.items():  # the link was down: give the devices a fresh chance
                if row.state in (S.DELIVERED, S.ACCEPTED):
                    self._deadline[cid] = now + self.cfg.ack_timeout_s
        if todo:
            log.info("replaying %d queued command(s)", len(todo))
        for cid in todo:
            if self._stop.is_set() or not self.link.connected:
                self._replay_wanted = True
                return
            self._send(cid, (S.QUEUED, S.SENT))

    # -- sweeper --------------------------------------------------------------------------------
    def sweep(self, now: float | None = None) -> None:
        """Expire, time out and re-send; runs every ``sweep_interval_s`` on the sweeper thread."""
        wall = time.time() if now is None else now
        mono = time.monotonic()
        changed: list[CommandRow] = []
        resend: list[str] = []
        connected = self.link.connected
        with self._lock:
            for cid, row in list(self._open.items()):
                if row.state in (S.QUEUED, S.SENT, S.DELIVERED) and row.command.expired(wall):
                    past = self._past_ttl(row, mono)
                    if past is not None:
                        changed.append(past)
                    continue
                deadline = self._deadline.get(cid)
                if not connected or deadline is None or mono < deadline:
                    continue
                if row.state is S.SENT and cid in self._pending_mid and deadline > 0:
                    continue  # paho still holds it and re-sends it itself; wait for the PUBACK
                if row.attempts >= self._max_attempts(row):
                    transport = self.transport_for(row.device_id)
                    if row.error == "broker refused the publish":
                        changed.append(self._finish(row, S.FAILED, f"broker refused it {row.attempts} times"))
                    elif transport is not None:
                        changed.append(self._finish(row, S.TIMEOUT, transport.timeout_detail(row)))
                    else:
                        changed.append(self._finish(row, S.TIMEOUT,
                                                    f"no device ack within {self.cfg.ack_timeout_s:g} s "
                                                    f"after {row.attempts} attempt(s)"))
                    continue
                self._deadline.pop(cid, None)
                resend.append(cid)
        for r in changed:
            self._notify(r)
        for cid in resend:  # already in submission order: _open keeps insertion order
            self._send(cid, (S.SENT, S.DELIVERED, S.ACCEPTED))

    def _sweep_loop(self) -> None:
        next_checkpoint = time.monotonic() + 1.0
        while not self._stop.is_set():
            self._wake.wait(self.cfg.sweep_interval_s)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                if (self._replay_wanted or self._held_known()) and self.link.connected:
                    self.replay()
                self.sweep()
                if time.monotonic() >= next_checkpoint:
                    next_checkpoint = time.monotonic() + 1.0
                    self.outbox.checkpoint()
            except Exception:  # noqa: BLE001 - keep sweeping; the log says what broke
                log.exception("command sweep failed")

    def _held_known(self) -> bool:
        """Whether a command held for its unknown device (``_send``) can go now: its meta is known."""
        if not self._held:
            return False
        with self._lock:
            rows = [self._open[c] for c in self._held if c in self._open]
        return any(self.meta_lookup(r.device_id) is not None for r in rows)

    # -- reading --------------------------------------------------------------------------------
    def waiting_for_device(self) -> set[str]:
        """Open commands not sent since a restart because their device is not known yet (no meta,
        natively or through discovery, so no way to know where to publish them)."""
        with self._lock:
            return {c for c in self._held if c in self._open}

    def open_rows(self) -> list[CommandRow]:
        with self._lock:
            return sorted(self._open.values(), key=lambda r: r.seq)

    def get(self, command_id: str) -> CommandRow | None:
        with self._lock:
            row = self._open.get(command_id)
        return row or self.outbox.get(command_id)
