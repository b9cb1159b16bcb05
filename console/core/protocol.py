"""The MQTT wire contract (resources/PROTOCOL.md): topics, payloads and validation.

Pure functions and small dataclasses, no I/O, no Qt.  Both the console and the simulator use it,
so the two sides cannot drift apart.
"""

from __future__ import annotations

import enum
import json
import math
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

DEFAULT_PREFIX = "autoglm"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
DEVICE_TOPIC_KINDS = ("meta", "state", "status", "cmd", "ack")
STATUS_ONLINE = "online"
STATUS_OFFLINE = "offline"
ACK_STATUSES = ("accepted", "done", "rejected", "failed")
ORIGINS = ("operator", "assistant", "replay")
ACTIONS = ("set", "refresh")
CAP_TYPES = ("bool", "int", "float", "enum")


class ProtocolError(ValueError):
    """A payload or topic that does not follow the contract; the message says what is wrong."""


class CommandState(str, enum.Enum):
    QUEUED = "QUEUED"
    SENT = "SENT"
    DELIVERED = "DELIVERED"
    ACCEPTED = "ACCEPTED"
    SUCCEEDED = "SUCCEEDED"
    REJECTED = "REJECTED"
    FAILED = "FAILED"
    TIMEOUT = "TIMEOUT"
    EXPIRED = "EXPIRED"
    CANCELLED = "CANCELLED"

    @property
    def terminal(self) -> bool:
        return self in TERMINAL_STATES

    @property
    def replayable(self) -> bool:
        return self in (CommandState.QUEUED, CommandState.SENT)


TERMINAL_STATES = frozenset(
    {
        CommandState.SUCCEEDED,
        CommandState.REJECTED,
        CommandState.FAILED,
        CommandState.TIMEOUT,
        CommandState.EXPIRED,
        CommandState.CANCELLED,
    }
)


# ---------------------------------------------------------------------------------------------
# Topics
# ---------------------------------------------------------------------------------------------


def device_topic(prefix: str, device_id: str, kind: str) -> str:
    if kind not in DEVICE_TOPIC_KINDS:
        raise ValueError(f"unknown device topic kind {kind!r}")
    return f"{prefix}/devices/{device_id}/{kind}"


def console_status_topic(prefix: str, client_id: str) -> str:
    return f"{prefix}/consoles/{client_id}/status"


def device_wildcard(prefix: str, kind: str = "+") -> str:
    """One wildcard subscription per topic kind, never one per device (scales to clusters)."""
    return f"{prefix}/devices/+/{kind}"


@dataclass(frozen=True)
class DeviceTopic:
    device_id: str
    kind: str


def parse_device_topic(prefix: str, topic: str) -> DeviceTopic:
    """Split ``PREFIX/devices/ID/KIND``; raise ProtocolError for anything else."""
    head = prefix + "/devices/"
    if not topic.startswith(head):
        raise ProtocolError(f"topic {topic!r} is outside {head}")
    rest = topic[len(head):].split("/")
    if len(rest) != 2:
        raise ProtocolError(f"topic {topic!r} does not have the form {head}ID/KIND")
    device_id, kind = rest
    if not ID_RE.match(device_id):
        raise ProtocolError(f"device id {device_id!r} does not match {ID_RE.pattern}")
    if kind not in DEVICE_TOPIC_KINDS:
        raise ProtocolError(f"unknown topic kind {kind!r}")
    return DeviceTopic(device_id, kind)


# ---------------------------------------------------------------------------------------------
# Meta / capabilities
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Capability:
    name: str
    type: str
    writable: bool = False
    min: float | None = None
    max: float | None = None
    unit: str = ""
    values: tuple[str, ...] = ()
    risk: str | None = None

    @classmethod
    def from_json(cls, name: str, raw: Any) -> "Capability":
        if not isinstance(raw, dict):
            raise ProtocolError(f"capability {name!r} must be an object")
        ctype = raw.get("type")
        if ctype not in CAP_TYPES:
            raise ProtocolError(f"capability {name!r} has unknown type {ctype!r}")
        values: tuple[str, ...] = ()
        if ctype == "enum":
            vals = raw.get("values")
            if not isinstance(vals, list) or not vals or not all(isinstance(v, str) for v in vals):
                raise ProtocolError(f"enum capability {name!r} needs a non-empty list of strings")
            values = tuple(vals)
        lo, hi = raw.get("min"), raw.get("max")
        for bound, label in ((lo, "min"), (hi, "max")):
            if bound is not None and (isinstance(bound, bool) or not isinstance(bound, (int, float))):
                raise ProtocolError(f"capability {name!r}: {label} must be a number")
        if lo is not None and hi is not None and lo > hi:
            raise ProtocolError(f"capability {name!r}: min {lo} > max {hi}")
        risk = raw.get("risk")
        if risk not in (None, "low", "high"):
            raise ProtocolError(f"capability {name!r}: risk must be low or high")
        return cls(
            name=name,
            type=ctype,
            writable=bool(raw.get("writable", False)),
            min=lo,
            max=hi,
            unit=str(raw.get("unit", "")),
            values=values,
            risk=risk,
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "writable": self.writable}
        if self.min is not None:
            out["min"] = self.min
        if self.max is not None:
            out["max"] = self.max
        if self.unit:
            out["unit"] = self.unit
        if self.values:
            out["values"] = list(self.values)
        if self.risk:
            out["risk"] = self.risk
        return out

    def check(self, value: Any) -> Any:
        """Return the value normalised for this capability, or raise ProtocolError saying why not."""
        if self.type == "bool":
            if not isinstance(value, bool):
                raise ProtocolError(f"{self.name} must be true or false, not {value!r}")
            return value
        if self.type == "enum":
            if value not in self.values:
                raise ProtocolError(f"{self.name} must be one of {', '.join(self.values)}, not {value!r}")
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ProtocolError(f"{self.name} must be a number, not {value!r}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ProtocolError(f"{self.name} must be a finite number")
        if self.type == "int":
            if isinstance(value, float):
                if not value.is_integer():
                    raise ProtocolError(f"{self.name} must be a whole number, not {value!r}")
                value = int(value)
        else:
            value = float(value)
        unit = f" {self.unit}" if self.unit else ""
        if self.min is not None and value < self.min:
            raise ProtocolError(f"{self.name} {value}{unit} is below the minimum {self.min}{unit}")
        if self.max is not None and value > self.max:
            raise ProtocolError(f"{self.name} {value}{unit} is above the maximum {self.max}{unit}")
        return value


@dataclass(frozen=True)
class DeviceMeta:
    id: str
    name: str
    kind: str
    zone: str
    capabilities: dict[str, Capability]
    risk: str = "low"
    schema: int = 1

    @classmethod
    def from_json(cls, raw: Any, expected_id: str | None = None) -> "DeviceMeta":
        if not isinstance(raw, dict):
            raise ProtocolError("meta must be a JSON object")
        device_id = raw.get("id")
        if not isinstance(device_id, str) or not ID_RE.match(device_id):
            raise ProtocolError(f"meta has an invalid id {device_id!r}")
        if expected_id is not None and device_id != expected_id:
            raise ProtocolError(f"meta id {device_id!r} does not match topic id {expected_id!r}")
        caps_raw = raw.get("capabilities")
        if not isinstance(caps_raw, dict):
            raise ProtocolError(f"meta of {device_id} has no capabilities object")
        risk = raw.get("risk", "low")
        if risk not in ("low", "high"):
            raise ProtocolError(f"meta of {device_id}: risk must be low or high")
        caps = {str(k): Capability.from_json(str(k), v) for k, v in caps_raw.items()}
        return cls(
            id=device_id,
            name=str(raw.get("name", device_id)),
            kind=str(raw.get("kind", "")),
            zone=str(raw.get("zone", "")),
            capabilities=caps,
            risk=risk,
            schema=int(raw.get("schema", 1)) if isinstance(raw.get("schema", 1), int) else 1,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "zone": self.zone,
            "capabilities": {k: c.to_json() for k, c in self.capabilities.items()},
            "risk": self.risk,
        }

    def cap_risk(self, name: str) -> str:
        cap = self.capabilities.get(name)
        return (cap.risk if cap is not None and cap.risk else None) or self.risk

    def is_high_risk(self, params: dict[str, Any] | None = None) -> bool:
        """A command is high risk if any capability it touches is (a capability may override)."""
        if not params:
            return self.risk == "high"
        return any(self.cap_risk(name) == "high" for name in params)

    def validate_params(self, action: str, params: Any) -> dict[str, Any]:
        """Validate a command's params against this meta; return normalised params."""
        if action not in ACTIONS:
            raise ProtocolError(f"unknown action {action!r}; use set or refresh")
        if action == "refresh":
            if params not in (None, {}):
                raise ProtocolError("refresh takes no params")
            return {}
        if not isinstance(params, dict) or not params:
            raise ProtocolError("set needs at least one capability in params")
        out: dict[str, Any] = {}
        for name, value in params.items():
            cap = self.capabilities.get(name)
            if cap is None:
                raise ProtocolError(f"{self.id} has no capability {name!r}")
            if not cap.writable:
                raise ProtocolError(f"{self.id}.{name} is read-only")
            out[name] = cap.check(value)
        return out


# ---------------------------------------------------------------------------------------------
# State, commands, acks
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StateMessage:
    seq: int
    ts: float
    values: dict[str, Any]

    @classmethod
    def from_json(cls, raw: Any) -> "StateMessage":
        if not isinstance(raw, dict):
            raise ProtocolError("state must be a JSON object")
        seq, ts, values = raw.get("seq"), raw.get("ts", 0.0), raw.get("values")
        if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
            raise ProtocolError(f"state seq must be a non-negative integer, not {seq!r}")
        if isinstance(ts, bool) or not isinstance(ts, (int, float)) or not math.isfinite(ts):
            raise ProtocolError("state ts must be a number")
        if not isinstance(values, dict):
            raise ProtocolError("state values must be an object")
        return cls(seq=seq, ts=float(ts), values=dict(values))

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "ts": self.ts, "values": self.values}


@dataclass(frozen=True)
class Command:
    id: str
    device_id: str
    action: str
    params: dict[str, Any]
    ts: float
    ttl_s: float = 30.0
    origin: str = "operator"
    trace: str = ""

    @classmethod
    def new(
        cls,
        device_id: str,
        params: dict[str, Any] | None = None,
        *,
        action: str = "set",
        ttl_s: float = 30.0,
        origin: str = "operator",
        now: float | None = None,
    ) -> "Command":
        if origin not in ORIGINS:
            raise ProtocolError(f"unknown origin {origin!r}")
        return cls(
            id=str(uuid.uuid4()),
            device_id=device_id,
            action=action,
            params=dict(params or {}),
            ts=time.time() if now is None else now,
            ttl_s=float(ttl_s),
            origin=origin,
        )

    def expired(self, now: float | None = None) -> bool:
        return (time.time() if now is None else now) - self.ts > self.ttl_s

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "ts": self.ts,
            "ttl_s": self.ttl_s,
            "action": self.action,
            "params": self.params,
            "origin": self.origin,
        }
        if self.trace:
            out["trace"] = self.trace
        return out

    @classmethod
    def from_payload(cls, device_id: str, raw: Any) -> "Command":
        if not isinstance(raw, dict):
            raise ProtocolError("command must be a JSON object")
        cid = raw.get("id")
        if not isinstance(cid, str) or not cid or len(cid) > 128:
            raise ProtocolError("command id must be a non-empty string")
        ts, ttl = raw.get("ts"), raw.get("ttl_s", 30)
        for val, label in ((ts, "ts"), (ttl, "ttl_s")):
            if isinstance(val, bool) or not isinstance(val, (int, float)) or not math.isfinite(val):
                raise ProtocolError(f"command {label} must be a number")
        action = raw.get("action")
        if action not in ACTIONS:
            raise ProtocolError(f"unknown action {action!r}")
        params = raw.get("params", {})
        if not isinstance(params, dict):
            raise ProtocolError("command params must be an object")
        origin = raw.get("origin", "operator")
        return cls(
            id=cid,
            device_id=device_id,
            action=action,
            params=params,
            ts=float(ts),
            ttl_s=float(ttl),
            origin=origin if origin in ORIGINS else "operator",
            trace=str(raw.get("trace", "")),
        )


@dataclass(frozen=True)
class Ack:
    id: str
    status: str
    ts: float
    error: str = ""
    state_seq: int | None = None

    @classmethod
    def from_json(cls, raw: Any) -> "Ack":
        if not isinstance(raw, dict):
            raise ProtocolError("ack must be a JSON object")
        cid, status = raw.get("id"), raw.get("status")
        if not isinstance(cid, str) or not cid:
            raise ProtocolError("ack id must be a non-empty string")
        if status not in ACK_STATUSES:
            raise ProtocolError(f"unknown ack status {status!r}")
        ts = raw.get("ts", 0.0)
        if isinstance(ts, bool) or not isinstance(ts, (int, float)):
            raise ProtocolError("ack ts must be a number")
        seq = raw.get("state_seq")
        if seq is not None and (isinstance(seq, bool) or not isinstance(seq, int)):
            raise ProtocolError("ack state_seq must be an integer")
        return cls(id=cid, status=status, ts=float(ts), error=str(raw.get("error", "") or ""), state_seq=seq)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "status": self.status, "ts": self.ts}
        if self.error:
            out["error"] = self.error
        if self.state_seq is not None:
            out["state_seq"] = self.state_seq
        return out


def decode_json(payload: bytes, max_bytes: int = 256 * 1024) -> Any:
    """Decode an MQTT payload as JSON, with a size cap; raise ProtocolError on anything else."""
    if len(payload) > max_bytes:
        raise ProtocolError(f"payload of {len(payload)} bytes exceeds {max_bytes}")
    try:
        return json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ProtocolError(f"payload is not UTF-8 JSON: {exc}") from None


def encode_json(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass
class ProtocolCounters:
    """Messages the console saw but did not trust, by reason (shown as rates in the UI)."""

    received: int = 0
    applied: int = 0
    dropped_stale: int = 0
    malformed: int = 0
    unknown_topic: int = 0
    bad_id: int = 0
    last_error: str = ""
    by_reason: dict[str, int] = field(default_factory=dict)
