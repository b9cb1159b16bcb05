"""Home Assistant discovery key abbreviations and the ``~`` base topic.

Owns: loading HA's public abbreviation tables (data in ``resources/ha/abbreviations.json``), expanding
abbreviated keys at the top level, inside ``device``/``origin``, ``availability[]`` and device-based
``components``, and substituting the ``~`` base topic, in that order, as Home Assistant does.
Pure functions on plain dicts; the input is never modified (nor copied deeper than needed).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from console.core.paths import resource_path

TABLE_PATH = resource_path("ha", "abbreviations.json")
TOPIC_BASE = "~"


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(keys, device keys, origin keys), each abbreviation -> full name."""
    raw = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    keys = dict(raw["legacy_keys"])
    keys.update(raw["keys"])
    return keys, dict(raw["device"]), dict(raw["origin"])


def _expand_keys(obj: dict[str, Any], table: dict[str, str]) -> dict[str, Any]:
    """A new dict with abbreviated keys replaced; a full key wins over its abbreviation."""
    out: dict[str, Any] = {}
    for key, value in obj.items():
        full = table.get(key, key) if isinstance(key, str) else key
        if full != key and full in obj:
            continue
        out[full] = value
    return out


def expand(payload: dict[str, Any], *, _component: bool = False) -> dict[str, Any]:
    """Expand every abbreviation in one discovery payload: new dicts wherever a key may change (the top
    level, device, origin, availability[], components); other values are shared with the input, so
    neither may be modified afterwards (the fleet never does)."""
    keys, device_keys, origin_keys = tables()
    out = _expand_keys(payload, keys)
    if isinstance(out.get("device"), dict):
        out["device"] = _expand_keys(out["device"], device_keys)
    if isinstance(out.get("origin"), dict):
        out["origin"] = _expand_keys(out["origin"], origin_keys)
    avty = out.get("availability")
    if isinstance(avty, list):
        out["availability"] = [_expand_keys(a, keys) if isinstance(a, dict) else a for a in avty]
    elif isinstance(avty, dict):
        out["availability"] = [_expand_keys(avty, keys)]
    comps = out.get("components")
    if not _component and isinstance(comps, dict):
        out["components"] = {
            cid: expand(conf, _component=True) if isinstance(conf, dict) else conf
            for cid, conf in comps.items()
        }
    return out


def _with_base(value: str, base: str) -> str:
    if value.startswith(TOPIC_BASE):
        value = base + value[1:]
    if value.endswith(TOPIC_BASE):
        value = value[:-1] + base
    return value


def replace_base_topic(payload: dict[str, Any]) -> dict[str, Any]:
    """Substitute ``~`` at the start or end of keys ending in ``topic`` and of availability[].topic.

    Call after :func:`expand`; the ``~`` key itself is removed.  A new dict comes back.
    """
    if TOPIC_BASE not in payload:
        return dict(payload)
    out = dict(payload)
    base = out.pop(TOPIC_BASE)
    if not isinstance(base, str):
        return out
    for key, value in out.items():
        if isinstance(key, str) and key.endswith("topic") and isinstance(value, str) and value:
            out[key] = _with_base(value, base)
    if isinstance(out.get("availability"), list):
        avty = []
        for item in out["availability"]:
            if isinstance(item, dict) and isinstance(item.get("topic"), str) and item["topic"]:
                item = {**item, "topic": _with_base(item["topic"], base)}
            avty.append(item)
        out["availability"] = avty
    return out


def normalise(payload: dict[str, Any]) -> dict[str, Any]:
    """Expand abbreviations, then apply ``~``: the whole treatment of a per-component payload."""
    return replace_base_topic(expand(payload))
