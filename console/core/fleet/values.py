"""Bounded device state: which values of a state message a device record keeps (issue 13).

Pure functions over a record's ``values`` dict, called by ``FleetRegistry`` under its lock:

- with meta, only declared capabilities are kept, each checked by ``Capability.check`` (type and
  range); a wrong value is counted and the last good one stays;
- without meta yet (state can arrive first), at most ``MAX_PENDING_KEYS`` scalar values are kept,
  keys of at most ``MAX_KEY_CHARS`` and strings of at most ``MAX_TEXT_CHARS``; ``prune`` checks them
  against the meta when it arrives;
- an undeclared key is counted, and its name is kept in a capped tuple (``MAX_UNKNOWN_NAMES``).

So a record holds at most MAX_CAPABILITIES values of bounded size, whatever a device sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from console.core.protocol import INT_LIMIT, DeviceMeta, ProtocolError, cut_text, short_repr

MAX_PENDING_KEYS = 32  # values kept for a device whose meta has not arrived yet
MAX_UNKNOWN_NAMES = 16  # names of undeclared keys shown on a record
MAX_KEY_CHARS = 64
MAX_TEXT_CHARS = 200


@dataclass
class MergeResult:
    unknown: int = 0  # keys the meta does not declare (or no room for them before meta)
    bad: int = 0  # values of the wrong type or out of range
    last_bad: str = ""


def merge(values: dict[str, Any], meta: DeviceMeta | None, incoming: dict[str, Any],
          unknown_names: tuple[str, ...]) -> tuple[MergeResult, tuple[str, ...]]:
    """Merge ``incoming`` into ``values`` in place; returns the counts and the new unknown names."""
    out = MergeResult()
    caps = meta.capabilities if meta is not None else None
    for key, value in incoming.items():
        if caps is not None:
            cap = caps.get(key)
            if cap is None:
                out.unknown += 1
                unknown_names = _note_name(unknown_names, key)
                continue
            try:
                values[key] = cap.check(value)
            except ProtocolError as exc:
                out.bad += 1
                out.last_bad = cut_text(str(exc), MAX_TEXT_CHARS)
            continue
        if len(key) > MAX_KEY_CHARS or (key not in values and len(values) >= MAX_PENDING_KEYS):
            out.unknown += 1
            unknown_names = _note_name(unknown_names, key)
        elif not _plain_scalar(value):
            out.bad += 1
            out.last_bad = f"{cut_text(key, MAX_KEY_CHARS)}: {short_repr(value)} is not a plain value"
        else:
            values[key] = value
    return out, unknown_names


def prune(values: dict[str, Any], meta: DeviceMeta,
          unknown_names: tuple[str, ...]) -> tuple[MergeResult, tuple[str, ...]]:
    """Meta arrived or changed: drop the values it does not declare or that no longer fit it."""
    kept = dict(values)
    values.clear()
    return merge(values, meta, kept, unknown_names)


def _plain_scalar(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -INT_LIMIT <= value <= INT_LIMIT
    if isinstance(value, float):
        return value == value and abs(value) != float("inf")
    return isinstance(value, str) and len(value) <= MAX_TEXT_CHARS


def _note_name(names: tuple[str, ...], key: str) -> tuple[str, ...]:
    name = cut_text(key, MAX_KEY_CHARS)
    if name in names or len(names) >= MAX_UNKNOWN_NAMES:
        return names
    return names + (name,)
