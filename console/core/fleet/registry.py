"""The console's view of the fleet: devices discovered from retained meta, state merged by seq.

``FleetRegistry.ingest`` runs on the MQTT network thread: the link routes it the meta, state and
status messages (``link.route(FLEET_KINDS, registry.ingest)``) with their topic already parsed.  It parses and merges at once (cheap) and
only marks the device dirty; the UI takes the set of dirty devices on a frame timer, so however
many messages arrive for one device between two frames, the table sees one row update.  Memory is
one record per device: bounded, whatever the message rate.

The counters (received, applied, stale_dropped, rejected) cover all the device traffic: what the
link's router settles itself (acks, which go to the command pipeline; topics of the wrong shape)
arrives on ``count`` (``link.traffic.connect(registry.count)``).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from console.core.protocol import (
    STATUS_OFFLINE,
    STATUS_ONLINE,
    DeviceMeta,
    DeviceTopic,
    ProtocolError,
    StateMessage,
    decode_json,
    parse_device_topic,
)

log = logging.getLogger(__name__)

FLEET_KINDS = ("meta", "state", "status")  # the device-topic kinds the registry applies


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
        self.rejected: dict[str, int] = {}
        self.last_error = ""

    # -- ingest (network thread) ------------------------------------------------------------
    def _reject(self, reason: str, detail: str) -> None:
        self.rejected[reason] = self.rejected.get(reason, 0) + 1
        self.last_error = detail
        log.debug("ignored message: %s", detail)

    def count(self, kind: str | None, outcome: str, detail: str = "") -> None:
        """Count a message the link's router settled itself (``link.traffic``): ``outcome`` is
        ``"applied"``, ``"ignored"`` or the reason it was rejected (``"bad_topic"``, ``"malformed"``)."""
        with self._lock:
            self.received += 1
            if outcome == "applied":
                self.applied += 1
            elif outcome != "ignored":
                self._reject(outcome, detail)

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
        dt = device
        with self._lock:
            self.received += 1
            if dt.kind not in FLEET_KINDS:
                return
            try:
                if dt.kind == "status":
                    text = payload.decode("utf-8", "strict").strip()
                    if text not in (STATUS_ONLINE, STATUS_OFFLINE):
                        raise ProtocolError(f"status must be online or offline, not {text[:40]!r}")
                    self._apply_status(dt.device_id, text == STATUS_ONLINE, now)
                elif dt.kind == "meta":
                    if not payload:  # retained meta cleared: the device was removed
                        self._remove(dt.device_id)
                        return
                    meta = DeviceMeta.from_json(decode_json(payload), expected_id=dt.device_id)
                    rec = self._record(dt.device_id)
                    if rec is not None:
                        rec.meta = meta
                        self._touch(rec, now)
                else:
                    self._apply_state(dt.device_id, StateMessage.from_json(decode_json(payload)), now)
            except (ProtocolError, UnicodeDecodeError) as exc:
                self._reject("malformed", f"{topic}: {exc}")

    def _record(self, device_id: str) -> DeviceRecord | None:
        rec = self._devices.get(device_id)
        if rec is None:
            if len(self._devices) >= self.max_devices:
                self._reject("too_many_devices", f"device limit {self.max_devices} reached; {device_id} ignored")
                return None
            rec = DeviceRecord(device_id)
            self._devices[device_id] = rec
            self._order.append(device_id)
            self._new.append(device_id)
        return rec

    def _touch(self, rec: DeviceRecord, now: float) -> None:
        rec.last_update = now
        self.applied += 1
        self._dirty.add(rec.id)

    def _apply_status(self, device_id: str, online: bool, now: float) -> None:
        rec = self._record(device_id)
        if rec is None:
            return
        if online and rec.online is not True:
            # a device announces each boot with `online`; its seq restarts, so accept the next state
            rec.boot += 1
            rec.reset_pending = True
        rec.online = online
        self._touch(rec, now)

    def _apply_state(self, device_id: str, msg: StateMessage, now: float) -> None:
        rec = self._record(device_id)
        if rec is None:
            return
        newer = msg.seq > rec.seq
        # a reboot we did not see (no LWT reached us): seq went back but the device clock went on
        rebooted = msg.seq < rec.seq and msg.ts > rec.state_ts
        if not (rec.reset_pending or newer or rebooted):
            self.stale_dropped += 1
            return
        rec.reset_pending = False
        rec.seq = msg.seq
        rec.state_ts = msg.ts
        rec.values.update(msg.values)
        self._touch(rec, now)

    def _remove(self, device_id: str) -> None:
        if device_id in self._devices:
            del self._devices[device_id]
            self._order.remove(device_id)
            self._dirty.discard(device_id)

    # -- reading (any thread; the UI uses these on its frame timer) ------------------------------
    def take_changes(self) -> tuple[list[str], set[str]]:
        """New device ids (in order) and the ids changed since the last call."""
        with self._lock:
            new, dirty = self._new, self._dirty
            self._new, self._dirty = [], set()
            return new, dirty

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
                "devices": len(self._devices),
            }

    def __len__(self) -> int:
        with self._lock:
            return len(self._devices)
