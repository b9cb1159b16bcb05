"""The records discovery produces: capability specs, entities, and the naming and risk rules.

Owns: :class:`CapSpec` (one capability of one entity: its Capability, where its state comes from and
how it is decoded), :class:`HaEntity` (one discovered config), device identity tokens, slugs that
satisfy protocol.ID_RE, and the high-risk rules for components and device classes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from console.core.protocol import Capability

HIGH_RISK_COMPONENTS = frozenset({"lock", "siren", "valve"})
HIGH_RISK_CLASSES = frozenset({
    "garage", "gate", "door", "lock", "safety", "smoke", "gas", "carbon_monoxide", "tamper",
    "garage_door", "problem", "heat", "moisture",
})
_SLUG_RE = re.compile(r"[^a-z0-9]+")
MAX_STEM = 40  # a capability name is the stem, "_" and a feature (and "_N" if taken): within 64


@dataclass(frozen=True)
class CapSpec:
    """One capability of an entity, before the fleet gives it its final name on the device."""

    feature: str  # role in the entity: power, brightness, color_temp, effect, speed, mode, setpoint ...
    cap: Capability
    state_topic: str | None = None
    template: str | None = None
    decode: str = "raw"  # how state.py turns a rendered payload into the capability's value


@dataclass
class HaEntity:
    key: str  # discovery key (topics.DiscoveryTopic.key, plus the component id for device discovery)
    component: str
    config: dict[str, Any]
    stem: str  # capability name stem ("" when the entity is its device's main feature)
    specs: list[CapSpec]
    tokens: frozenset[str]
    attributes_only: bool = False
    risk: str = "low"
    device_class: str = ""
    names: dict[str, str] = field(default_factory=dict)  # feature -> final capability name

    @property
    def command_topics(self) -> list[str]:
        return sorted({v for k, v in self.config.items() if k.endswith("command_topic") and isinstance(v, str)})


def slug(text: str, *, sep: str = "_") -> str:
    """ASCII lower-case slug: accents folded, other characters become ``sep``."""
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return _SLUG_RE.sub(sep, folded.lower()).strip(sep)


def device_id_for(name: str, token: str) -> str:
    """A protocol-valid device id: the name's slug plus a short hash of the identity token."""
    digest = hashlib.sha1(token.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    base = slug(name, sep="-")[:50].strip("-") or "ha"
    return f"{base}-{digest}"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def device_tokens(device: Any) -> frozenset[str]:
    """Identity tokens of a device block: ``id:<identifier>`` and ``cn:<type>:<value>``."""
    if not isinstance(device, dict):
        return frozenset()
    tokens = {f"id:{i}" for i in _as_list(device.get("identifiers")) if isinstance(i, (str, int)) and str(i)}
    for conn in _as_list(device.get("connections")):
        if isinstance(conn, (list, tuple)) and len(conn) == 2 and all(isinstance(c, str) for c in conn):
            kind, value = conn
            value = value.lower().replace("-", ":") if kind == "mac" else value
            tokens.add(f"cn:{kind}:{value}")
    return frozenset(tokens)


def entity_risk(component: str, device_class: str) -> str:
    if component in HIGH_RISK_COMPONENTS or device_class in HIGH_RISK_CLASSES:
        return "high"
    return "low"


def entity_stem(config: dict[str, Any], device_name: str, object_id: str) -> str:
    """The capability name stem: the entity name (or object id) without its device's name."""
    name = config.get("name", object_id)
    if name is None or name == "":
        return ""
    if not isinstance(name, (str, int, float)):  # HA wants a string: a list or an object is not a name
        name = object_id
    stem = slug(str(name))
    dev = slug(device_name)
    if dev and stem.startswith(dev + "_"):
        stem = stem[len(dev) + 1:]
    return "" if stem == dev else stem[:MAX_STEM].strip("_")


def text(value: Any, default: str = "") -> str:
    """A config value as the string HA would compare/send (JSON ``false`` -> ``False`` as HA does)."""
    if value is None:
        return default
    return str(value)


def number(value: Any, default: float | None) -> float | None:
    """A numeric config value; Zigbee2MQTT sends some as strings ("35")."""
    if isinstance(value, bool):
        return default
    try:
        out = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int of 400 digits (JSON allows it)
        return default
    return out if out == out and abs(out) != float("inf") else default
