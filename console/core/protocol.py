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
RULE_ORIGIN = "rule:"  # an alert rule's command: origin "rule:<rule id>" (console.core.alerts.actions)
ACTIONS = ("set", "refresh")
CAP_TYPES = ("bool", "int", "float", "enum")

# Numbers are finite and in range where they enter (issue 13): anything else is a ProtocolError.
INT_LIMIT = 2**53  # |int| and |min|/|max| bound: exact in a double, so JSON peers agree on the value
SEQ_LIMIT = 2**53  # state seq and ack state_seq: 0 <= seq < SEQ_LIMIT
MAX_FUTURE_S = 86_400.0  # a state's ts may be at most one day ahead of the console's clock (any past
# ts is accepted: devices without a real-time clock send uptime or 0); a far-future ts would make
# the reboot check (seq back, ts on) fail for that device
MAX_TEXT = 200  # name, kind, zone, unit: longer ones are cut (the table shows them)
MAX_CAPABILITIES = 256
MAX_NAME = 64  # a capability's name
MAX_ENUM_VALUES = 256


class ProtocolError(ValueError):
    """A payload or topic that does not follow the contract; the message says what is wrong."""


def short_repr(value: Any, limit: int = 60) -> str:
    """A repr for error messages: never huge, never raising (a 4,000-digit int is "a huge integer")."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**18:
        return f"a {len(str(abs(value))) if abs(value) < 10**4000 else 'huge'}-digit integer"
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a repr that fails is still an answer
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_number(value: Any, label: str, lo: float = -INT_LIMIT, hi: float = INT_LIMIT,
                 *, integer: bool = False) -> int | float:
    """``value`` if it is a finite number (an int if ``integer``) in [lo, hi]; else ProtocolError.

    Never raises OverflowError: a huge int is compared, not converted."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ProtocolError(f"{label} must be a number, not {short_repr(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ProtocolError(f"{label} must be a finite number, not {value!r}")
    if integer and not isinstance(value, int):
        raise ProtocolError(f"{label} must be an integer, not {short_repr(value)}")
    if not lo <= value <= hi:
        raise ProtocolError(f"{label} {short_repr(value)} is outside [{lo:g}, {hi:g}]")
    return value


def cut_text(value: Any, limit: int = MAX_TEXT) -> str:
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def text_field(raw: dict, key: str, default: str, label: str, limit: int = MAX_TEXT) -> str:
    """A text field of a message (name, kind, zone, unit): absent or null gives ``default`` (a null
    zone is no zone, not the word "None"); a number is its text; a list, an object or a boolean is a
    ProtocolError (it would be shown as "[]" or "True")."""
    value = raw.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ProtocolError(f"{label}: {key} must be a string, not {short_repr(value)}")
    return cut_text(value, limit)


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
    step: float | None = None

    @classmethod
    def from_json(cls, name: str, raw: Any) -> "Capability":
        if not isinstance(raw, dict):
            raise ProtocolError(f"capability {short_repr(name)} must be an object")
        if not name or len(name) > MAX_NAME:
            raise ProtocolError(f"capability name {short_repr(name)} must have 1 to {MAX_NAME} characters")
        ctype = raw.get("type")
        if ctype not in CAP_TYPES:
            raise ProtocolError(f"capability {name!r} has unknown type {short_repr(ctype)}")
        values: tuple[str, ...] = ()
        if ctype == "enum":
            vals = raw.get("values")
            if not isinstance(vals, list) or not vals or not all(isinstance(v, str) for v in vals):
                raise ProtocolError(f"enum capability {name!r} needs a non-empty list of strings")
            if len(vals) > MAX_ENUM_VALUES or any(len(v) > MAX_TEXT for v in vals):
                raise ProtocolError(f"enum capability {name!r}: at most {MAX_ENUM_VALUES} values "
                                    f"of at most {MAX_TEXT} characters")
            values = tuple(vals)
        lo, hi, step = cls._bounds(name, ctype, raw)
        risk = raw.get("risk")
        if risk not in (None, "low", "high"):
            raise ProtocolError(f"capability {name!r}: risk must be low or high")
        return cls(
            name=name,
            type=ctype,
            writable=cls._writable(name, raw.get("writable")),
            min=lo,
            max=hi,
            unit=text_field(raw, "unit", "", f"capability {name!r}", 40),
            values=values,
            risk=risk,
            step=step,
        )

    @staticmethod
    def _writable(name: str, value: Any) -> bool:
        """A JSON boolean, or 0 / 1 (absent or null: read-only).  Anything else is refused, not made a
        bool: ``"writable": "false"`` would otherwise make a read-only capability commandable."""
        if value is None or isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
            return bool(value)
        raise ProtocolError(f"capability {name!r}: writable must be true or false, not {short_repr(value)}")

    @staticmethod
    def _bounds(name: str, ctype: str, raw: dict) -> tuple[Any, Any, Any]:
        """min, max, step: finite, within ±INT_LIMIT, min <= max, step > 0."""
        lo, hi, step = raw.get("min"), raw.get("max"), raw.get("step")
        for bound, label in ((lo, "min"), (hi, "max"), (step, "step")):
            if bound is not None:
                check_number(bound, f"capability {name!r}: {label}")
        if lo is not None and hi is not None and lo > hi:
            raise ProtocolError(f"capability {name!r}: min {lo} > max {hi}")
        if step is not None and step <= 0:
            raise ProtocolError(f"capability {name!r}: step must be above 0, not {step!r}")
        return lo, hi, step

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
        if self.step is not None:
            out["step"] = self.step
        if self.risk:
            out["risk"] = self.risk
        return out

    def check(self, value: Any) -> Any:
        """Return the value normalised for this capability, or raise ProtocolError saying why not."""
        if self.type == "bool":
            if not isinstance(value, bool):
                raise ProtocolError(f"{self.name} must be true or false, not {short_repr(value)}")
            return value
        if self.type == "enum":
            if not isinstance(value, str) or value not in self.values:
                raise ProtocolError(f"{self.name} must be one of {', '.join(self.values)[:200]}, not {short_repr(value)}")
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ProtocolError(f"{self.name} must be a number, not {short_repr(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ProtocolError(f"{self.name} must be a finite number")
        check_number(value, self.name)
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
        if len(caps_raw) > MAX_CAPABILITIES:
            raise ProtocolError(f"meta of {device_id} has {len(caps_raw)} capabilities, at most {MAX_CAPABILITIES}")
        caps = {str(k): Capability.from_json(str(k), v) for k, v in caps_raw.items()}
        return cls(
            id=device_id,
            name=text_field(raw, "name", device_id, f"meta of {device_id}"),
            kind=text_field(raw, "kind", "", f"meta of {device_id}"),
            zone=text_field(raw, "zone", "", f"meta of {device_id}"),
            capabilities=caps,
            risk=risk,
            schema=_schema(raw.get("schema", 1)),
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


def _schema(value: Any) -> int:
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1000
    return value if ok else 1


# ---------------------------------------------------------------------------------------------
# State, commands, acks
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StateMessage:
    seq: int
    ts: float
    values: dict[str, Any]

    @classmethod
    def from_json(cls, raw: Any, now: float | None = None) -> "StateMessage":
        """seq: an integer in [0, SEQ_LIMIT); ts: a finite number in [0, now + MAX_FUTURE_S]."""
        if not isinstance(raw, dict):
            raise ProtocolError("state must be a JSON object")
        seq, ts, values = raw.get("seq"), raw.get("ts", 0.0), raw.get("values")
        if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq < SEQ_LIMIT:
            raise ProtocolError(f"state seq must be an integer in [0, 2**53), not {short_repr(seq)}")
        now = time.time() if now is None else now
        check_number(ts, "state ts", 0, now + MAX_FUTURE_S)
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
        if origin not in ORIGINS and not (origin.startswith(RULE_ORIGIN) and len(origin) <= 80):
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
        check_number(ts, "command ts")
        check_number(ttl, "command ttl_s")
        action = raw.get("action")
        if action not in ACTIONS:
            raise ProtocolError(f"unknown action {action!r}")
        params = raw.get("params", {})
        if not isinstance(params, dict):
            raise ProtocolError("command params must be an object")
        origin = raw.get("origin", "operator")
        trace = raw.get("trace", "")
        return cls(
            id=cid,
            device_id=device_id,
            action=action,
            params=params,
            ts=float(ts),
            ttl_s=float(ttl),
            origin=origin if origin in ORIGINS else "operator",
            trace=cut_text(trace, 128),
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
        if len(cid) > 128:
            raise ProtocolError("ack id is longer than 128 characters")
        ts = check_number(raw.get("ts", 0.0), "ack ts")
        seq = raw.get("state_seq")
        if seq is not None:
            check_number(seq, "ack state_seq", 0, SEQ_LIMIT - 1, integer=True)
        error = cut_text(raw.get("error", "") or "", 500)
        return cls(id=cid, status=status, ts=float(ts), error=error, state_seq=seq)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "status": self.status, "ts": self.ts}
        if self.error:
            out["error"] = self.error
        if self.state_seq is not None:
            out["state_seq"] = self.state_seq
        return out


_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:20]} is not finite")
    return value


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def decode_json(payload: bytes, max_bytes: int = 256 * 1024) -> Any:
    """Decode an MQTT payload as JSON, with a size cap; raise ProtocolError on anything else.

    Refused with a reason: not UTF-8, not JSON, NaN / Infinity / 1e999, an integer of more than
    4,300 digits, nesting deeper than the interpreter's recursion limit, a lone surrogate
    (``"\\ud800"``: a string no UTF-8 encoder, log file or Qt label can take)."""
    if len(payload) > max_bytes:
        raise ProtocolError(f"payload of {len(payload)} bytes exceeds {max_bytes}")
    try:
        obj = json.loads(payload.decode("utf-8"), parse_float=_finite_float, parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ProtocolError(f"payload is not UTF-8 JSON: {short_repr(str(exc), 120)}") from None
    except RecursionError:
        raise ProtocolError("payload is nested too deeply") from None
    if _ESCAPED_SURROGATE.search(payload) and _has_lone_surrogate(obj):
        raise ProtocolError("payload has a lone surrogate (\\ud800-\\udfff) in a string")
    return obj


def _has_lone_surrogate(obj: Any) -> bool:
    stack = [obj]  # iterative: the depth json.loads accepted may exceed what recursion here can take
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


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
