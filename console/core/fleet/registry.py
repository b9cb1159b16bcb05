"""The console's view of the fleet: devices discovered from retained meta, state merged by seq.

``FleetRegistry.ingest`` runs on the MQTT network thread: the link routes it the meta, state and
status messages (``link.route(FLEET_KINDS, registry.ingest)``) with their topic already parsed.  It parses and merges at once (cheap) and
only marks the device dirty; the UI takes the set of dirty devices on a frame timer, so however
many messages arrive for one device between two frames, the table sees one row update.  Memory is
one record per device: bounded, whatever the message rate.

The counters (received, applied, stale_dropped, rejected, ignored) cover all the device traffic:
what the link's router settles itself (acks, which go to the command pipeline; topics of the wrong
shape) arrives on ``count`` (``link.traffic.connect(registry.count)``).  Every message lands in
exactly one of them, so ``received == applied + stale_dropped + rejected + ignored`` always holds;
``rejected`` is kept by reason (``rejected_by_reason()``: bad_topic, malformed, invalid_meta,
invalid_state, too_many_devices, internal_error).  Expected bad input is logged at debug level only.

State is bounded (``fleet.values``): only capabilities declared in meta are kept, each value checked
against its capability (a wrong one is counted, the last good one stays); undeclared keys are
counted per device and in total, with a capped tuple of their names on the record.  An empty
retained meta removes the device; ``take_removed`` tells the table which rows to drop.

Clocks: each state ``ts`` (and each ack ``ts``, through ``note_clock``) gives a sample of the
device's clock minus ours at receipt; the offset is the largest of the last ``CLOCK_SAMPLES`` (a
sample is late by the message's transit, never early; an old retained state is far behind), shown
once there are two; past ``CLOCK_WARN_S`` it is logged once per device and ``clock_warning`` is set.
A ts of 0 or more than ``NO_RTC_S`` off (uptime, no real-time clock) gives no sample.  Each time a
device's offset crosses the threshold (past it, or back within it), ``clock_alert`` emits a
:class:`ClockAlert` (Qt-free: an alert rule or a view connects to it), on the thread that
ingested the message, after the registry's lock is released.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from console.core.events import Event
from console.core.fleet import values as bounded
from console.core.protocol import (
    STATUS_OFFLINE,
    STATUS_ONLINE,
    DeviceMeta,
    DeviceTopic,
    ProtocolError,
    StateMessage,
    decode_json,
    parse_device_topic,
    short_repr,
)

log = logging.getLogger(__name__)

FLEET_KINDS = ("meta", "state", "status")  # the device-topic kinds the registry applies
CLOCK_SAMPLES = 8  # clock samples kept per device
CLOCK_WARN_S = 5.0  # a device clock further off than this is flagged (and logged once)
NO_RTC_S = 30 * 86_400.0  # further off than this: the ts is not a wall clock (uptime), no sample


@dataclass(frozen=True)
class ClockAlert:
    """A device's clock offset crossed ``threshold_s``: ``over`` it (True) or back within it (False)."""

    device_id: str
    offset_s: float  # device clock minus the console's, seconds (ahead > 0)
    over: bool
    threshold_s: float = CLOCK_WARN_S


@dataclass
class DeviceRecord:
    id: str
    meta: DeviceMeta | None = None
    values: dict[str, Any] = field(default_factory=dict)
    seq: int = -1
    state_ts: float = 0.0
    boot: int = 0
    reset_pending: bool = True
    online: bool | None = None
    last_update: float = 0.0  # wall clock of the last message we applied for this device
    clock_samples: tuple[float, ...] = ()  # the last CLOCK_SAMPLES (device ts - our receipt time)
    clock_offset_s: float | None = None  # device clock minus ours, once two samples agree on a bound
    clock_warning: bool = False  # |clock_offset_s| > CLOCK_WARN_S (logged once per device)
    clock_warned: bool = False  # the warning was logged
    unknown_keys: tuple[str, ...] = ()  # names of undeclared state keys (at most MAX_UNKNOWN_NAMES)
    unknown_count: int = 0  # state values with an undeclared key, dropped
    bad_values: int = 0  # state values of the wrong type or out of range, dropped
    last_bad: str = ""  # why the last one was
    # where the device comes from: "native" (PROTOCOL.md) or another source ("ha": Home Assistant
    # discovery, see console.core.sources), with what that source says about it
    source: str = "native"
    manufacturer: str = ""
    model: str = ""
    area: str = ""

    def age(self, now: float | None = None) -> float | None:
        if not self.last_update:
            return None
        return max(0.0, (time.time() if now is None else now) - self.last_update)


class FleetRegistry:
    """Thread-safe device table fed by MQTT messages.  Never trusts a payload it cannot parse."""

    def __init__(
        self,
        prefix: str,
        *,
        stale_after_s: float = 300.0,
        max_devices: int = 500_000,
    ) -> None:
        self.prefix = prefix
        self.stale_after_s = stale_after_s
        self.max_devices = max_devices
        self._lock = threading.Lock()
        self._devices: dict[str, DeviceRecord] = {}
        self._order: list[str] = []  # insertion order: stable row numbers for the table model
        self._dirty: set[str] = set()
        self._new: list[str] = []
        self.received = 0
        self.applied = 0
        self.stale_dropped = 0
        self.ignored = 0
        self.rejected: dict[str, int] = {}  # messages received and refused, by reason
        self.external_rejected: dict[str, int] = {}  # refusals of other sources' updates (not messages here)
        self.unknown_keys = 0
        self.bad_values = 0
        self.last_error = ""
        self._removed: list[str] = []
        self._hidden: frozenset[str] = frozenset()  # devices the operator hid from the assistant
        self.clock_alert = Event("device clock offset")  # (ClockAlert) on each threshold crossing
        # (device_id, values, now) after a state was applied, the lock released: ``values`` is the
        # record's merged dict, to read during the call only (console.core.alerts judges its rules there)
        self.state_applied = Event("state applied")
        self._clock_alerts: list[ClockAlert] = []  # crossings seen under the lock, emitted after it

    def _take_clock_alerts(self) -> list[ClockAlert]:
        """The crossings noted since the last call (the lock is held); emitted once it is released."""
        if not self._clock_alerts:
            return []
        alerts, self._clock_alerts = self._clock_alerts, []
        return alerts

    # -- ingest (network thread) ------------------------------------------------------------
    def _reject(self, reason: str, detail: str) -> None:
        """A refused update that is not a message received here (another source's): noted apart."""
        self.external_rejected[reason] = self.external_rejected.get(reason, 0) + 1
        self.last_error = detail
        log.debug("refused: %s", detail)

    def _settle(self, outcome: str, detail: str) -> None:
        """Count one received message in exactly one counter (the lock is held)."""
        if outcome == "applied":
            self.applied += 1
        elif outcome == "stale":
            self.stale_dropped += 1
        elif outcome == "ignored":
            self.ignored += 1
        else:
            self.rejected[outcome] = self.rejected.get(outcome, 0) + 1
            self.last_error = detail
            log.debug("ignored message (%s): %s", outcome, detail)

    def count(self, kind: str | None, outcome: str, detail: str = "") -> None:
        """Count a message the link's router settled itself (``link.traffic``): ``outcome`` is
        ``"applied"``, ``"ignored"`` or the reason it was rejected (``"bad_topic"``, ``"malformed"``)."""
        with self._lock:
            self.received += 1
            self._settle(outcome, detail)

    def ingest(self, topic: str, payload: bytes, device: DeviceTopic | None = None, *,
               now: float | None = None) -> None:
        """Apply a meta, state or status message.  ``device`` is the topic already parsed (the
        link's route); without it the topic is parsed here.  Other kinds are counted, not applied
        (acks belong to the command pipeline, commands are not state)."""
        now = time.time() if now is None else now
        if device is None:
            try:
                device = parse_device_topic(self.prefix, topic)
            except ProtocolError as exc:
                self.count(None, "bad_topic", f"{topic}: {exc}")
                return
        with self._lock:
            self.received += 1
            try:
                outcome, detail = self._apply(device, payload, now)
            except Exception as exc:  # noqa: BLE001 - a bug here must neither lose the count nor the link
                log.exception("registry failed on %s", topic)
                outcome, detail = "internal_error", f"{type(exc).__name__}: {short_repr(str(exc), 120)}"
            self._settle(outcome, f"{topic}: {detail}")
            alerts = self._take_clock_alerts()
            rec = self._devices.get(device.device_id) if outcome == "applied" and device.kind == "state" else None
        for alert in alerts:
            self.clock_alert.emit(alert)
        if rec is not None:
            self.state_applied.emit(device.device_id, rec.values, now)

    def _apply(self, dt: DeviceTopic, payload: bytes, now: float) -> tuple[str, str]:
        """Apply one message (the lock is held); returns (outcome, detail) for ``_settle``."""
        if dt.kind not in FLEET_KINDS:
            return "ignored", ""
        if dt.kind == "status":
            text = payload.decode("utf-8", "replace").strip()
            if text not in (STATUS_ONLINE, STATUS_OFFLINE):
                return "malformed", f"status must be online or offline, not {short_repr(text[:40])}"
            return self._apply_status(dt.device_id, text == STATUS_ONLINE, now)
        if dt.kind == "meta" and not payload:  # retained meta cleared: the device was removed
            return ("applied", "removed") if self._remove(dt.device_id) else ("ignored", "")
        try:
            raw = decode_json(payload)
        except ProtocolError as exc:
            return "malformed", str(exc)
        try:
            if dt.kind == "meta":
                return self._apply_meta(DeviceMeta.from_json(raw, expected_id=dt.device_id), now)
            return self._apply_state(dt.device_id, StateMessage.from_json(raw), now)
        except ProtocolError as exc:
            return f"invalid_{dt.kind}", str(exc)

    def _record(self, device_id: str) -> DeviceRecord | None:
        rec = self._devices.get(device_id)
        if rec is None:
            if len(self._devices) >= self.max_devices:
                self.last_error = f"device limit {self.max_devices} reached; {device_id} ignored"
                return None
            rec = DeviceRecord(device_id)
            self._devices[device_id] = rec
            self._order.append(device_id)
            self._new.append(device_id)
        return rec

    def _touch(self, rec: DeviceRecord, now: float) -> None:
        rec.last_update = now
        self._dirty.add(rec.id)

    def _apply_status(self, device_id: str, online: bool, now: float) -> tuple[str, str]:
        rec = self._record(device_id)
        if rec is None:
            return "too_many_devices", self.last_error
        if online:
            # a device announces each boot with `online`; its seq restarts, so accept the next state,
            # also after an `online` without an `offline` between (a reboot faster than its Last Will,
            # whose clock may be behind: the seq/ts reboot check in _apply_state cannot see it)
            if rec.online is not True:
                rec.boot += 1
            rec.reset_pending = True
        rec.online = online
        self._touch(rec, now)
        return "applied", ""

    def _apply_meta(self, meta: DeviceMeta, now: float) -> tuple[str, str]:
        rec = self._record(meta.id)
        if rec is None:
            return "too_many_devices", self.last_error
        if rec.meta != meta:
            rec.meta = meta
            self._count_values(rec, *bounded.prune(rec.values, meta, rec.unknown_keys))
        self._touch(rec, now)
        return "applied", ""

    def _count_values(self, rec: DeviceRecord, res: bounded.MergeResult, names: tuple[str, ...]) -> None:
        rec.unknown_keys = names
        rec.unknown_count += res.unknown
        self.unknown_keys += res.unknown
        if res.bad:
            rec.bad_values += res.bad
            rec.last_bad = res.last_bad
            self.bad_values += res.bad

    def _apply_state(self, device_id: str, msg: StateMessage, now: float) -> tuple[str, str]:
        rec = self._record(device_id)
        if rec is None:
            return "too_many_devices", self.last_error
        newer = msg.seq > rec.seq
        # a reboot we did not see (no LWT reached us): seq went back but the device clock went on
        rebooted = msg.seq < rec.seq and msg.ts > rec.state_ts
        if not (rec.reset_pending or newer or rebooted):
            return "stale", f"seq {msg.seq} after {rec.seq}"
        rec.reset_pending = False
        rec.seq = msg.seq
        rec.state_ts = msg.ts
        self._clock_sample(rec, msg.ts, now)
        self._count_values(rec, *bounded.merge(rec.values, rec.meta, msg.values, rec.unknown_keys))
        self._touch(rec, now)
        return "applied", ""

    def _clock_sample(self, rec: DeviceRecord, device_ts: float, now: float) -> None:
        """Add one clock sample (the lock is held); see the module docstring."""
        sample = device_ts - now
        if device_ts <= 0 or abs(sample) > NO_RTC_S:
            return
        rec.clock_samples = (*rec.clock_samples[-(CLOCK_SAMPLES - 1):], sample)
        if len(rec.clock_samples) < 2:
            return
        rec.clock_offset_s = max(rec.clock_samples)
        warn = abs(rec.clock_offset_s) > CLOCK_WARN_S
        if warn and not rec.clock_warned:
            log.warning("device %s: its clock is %+.1f s off the console's (ahead > 0); its timestamps are "
                        "off by that much, and it may judge absolute ttls wrongly", rec.id, rec.clock_offset_s)
            rec.clock_warned = True
        if warn != rec.clock_warning:
            rec.clock_warning = warn
            self._dirty.add(rec.id)
            self._clock_alerts.append(ClockAlert(rec.id, rec.clock_offset_s, warn))

    def note_clock(self, device_id: str, device_ts: float, now: float | None = None) -> None:
        """A device timestamp seen elsewhere (an ack's ``ts``: ``link.route("ack", ...)``)."""
        now = time.time() if now is None else now
        with self._lock:
            rec = self._devices.get(device_id)
            if rec is not None:
                self._clock_sample(rec, device_ts, now)
            alerts = self._take_clock_alerts()
        for alert in alerts:
            self.clock_alert.emit(alert)

    def note_ack_clock(self, device_id: str, ack) -> None:
        """``note_clock`` as an ack route handler: ``link.route("ack", registry.note_ack_clock)``."""
        self.note_clock(device_id, ack.ts)

    def _remove(self, device_id: str) -> bool:
        """Forget a device; ``take_removed`` reports it to the table once.  False if it was not here."""
        if device_id not in self._devices:
            return False
        del self._devices[device_id]
        self._order.remove(device_id)
        self._dirty.discard(device_id)
        if device_id in self._new:
            self._new.remove(device_id)  # added and removed between two frames: never shown
        self._removed.append(device_id)
        return True

    # -- reading (any thread; the UI uses these on its frame timer) ------------------------------
    def take_changes(self) -> tuple[list[str], set[str]]:
        """New device ids (in order) and the ids changed since the last call."""
        with self._lock:
            new, dirty = self._new, self._dirty
            self._new, self._dirty = [], set()
            return new, dirty

    def take_removed(self) -> list[str]:
        """Ids removed since the last call (a row the table shows must go; one re-added since is
        also in the next ``take_changes``' new ids)."""
        with self._lock:
            removed, self._removed = self._removed, []
            return removed

    def mark_dirty(self, device_ids) -> None:
        """Hand these devices to the next ``take_changes`` again (a consumer that took too many)."""
        with self._lock:
            self._dirty.update(d for d in device_ids if d in self._devices)

    def get_many(self, device_ids) -> list[tuple[str, DeviceRecord]]:
        """Snapshots of several devices under one lock acquisition (the UI's frame update)."""
        out = []
        with self._lock:
            for dev_id in device_ids:
                rec = self._devices.get(dev_id)
                if rec is not None:
                    out.append((dev_id, DeviceRecord(**{**rec.__dict__, "values": dict(rec.values)})))
        return out

    def ids(self) -> list[str]:
        with self._lock:
            return list(self._order)

    def get(self, device_id: str) -> DeviceRecord | None:
        with self._lock:
            rec = self._devices.get(device_id)
            if rec is None:
                return None
            return DeviceRecord(**{**rec.__dict__, "values": dict(rec.values)})

    def meta(self, device_id: str) -> DeviceMeta | None:
        with self._lock:
            rec = self._devices.get(device_id)
            return rec.meta if rec else None

    def is_stale(self, rec: DeviceRecord, now: float | None = None) -> bool:
        age = rec.age(now)
        return age is not None and age > self.stale_after_s

    def online_ids(self) -> set[str]:
        with self._lock:
            return {i for i, r in self._devices.items() if r.online and r.meta is not None}

    def counters(self) -> dict[str, int]:
        with self._lock:
            return {
                "received": self.received,
                "applied": self.applied,
                "stale_dropped": self.stale_dropped,
                "rejected": sum(self.rejected.values()),
                "ignored": self.ignored,
                "unknown_keys": self.unknown_keys,
                "bad_values": self.bad_values,
                "devices": len(self._devices),
            }

    def rejected_by_reason(self) -> dict[str, int]:
        """Messages refused, by reason (they add up to ``counters()["rejected"]``)."""
        with self._lock:
            return dict(self.rejected)

    def __len__(self) -> int:
        with self._lock:
            return len(self._devices)

    # -- devices of other sources (any thread; console.core.sources feeds them) --------------------
    def upsert_external(self, device_id: str, *, source: str, meta: DeviceMeta | None = None,
                        values: dict[str, Any] | None = None, replace_values: bool = False,
                        online: bool | None = None, info: dict[str, str] | None = None,
                        now: float | None = None) -> bool:
        """Add or update a device another source describes (``meta``, ``values`` merged, or replaced
        with ``replace_values``, ``online``, ``info``: manufacturer/model/area; None leaves a field
        as it is) and mark it dirty.  False, and nothing changes, when the id belongs to a device of
        another source (a native device is never overwritten by a discovered one, nor the reverse)."""
        now = time.time() if now is None else now
        with self._lock:
            rec = self._devices.get(device_id)
            if rec is not None and rec.source != source:
                self._reject("id_clash", f"{source} device {device_id} has the id of a {rec.source} device")
                return False
            rec = self._record(device_id)
            if rec is None:
                return False
            rec.source = source
            if meta is not None:
                rec.meta = meta
            if values is not None:
                rec.values = dict(values) if replace_values else {**rec.values, **values}
            if online is not None:
                rec.online = online
            for key, value in (info or {}).items():
                if key in ("manufacturer", "model", "area"):
                    setattr(rec, key, str(value))
            self._touch(rec, now)
        if values is not None:
            self.state_applied.emit(device_id, rec.values, now)
        return True

    def remove_external(self, device_id: str, *, source: str) -> bool:
        """Forget a device of ``source`` (its source removed it); True if it was there."""
        with self._lock:
            rec = self._devices.get(device_id)
            if rec is None or rec.source != source:
                return False
            self._remove(device_id)
            return True

    def source_of(self, device_id: str) -> str | None:
        with self._lock:
            rec = self._devices.get(device_id)
            return rec.source if rec else None

    # -- exposure to the assistant (a source applies the operator's choice; any thread) ------------
    def set_exposed(self, device_id: str, exposed: bool) -> None:
        with self._lock:
            self._hidden = self._hidden - {device_id} if exposed else self._hidden | {device_id}

    def exposed(self, device_id: str) -> bool:
        """False when the operator hid the device from the assistant (it stays in the table)."""
        return device_id not in self._hidden
