"""A device named by where it stands: "the lamp on my desk" is the desk lamp (session 12, blind set 72).

"turn on the lamp on my desk" had asked "which one: ceiling lamp, desk lamp or floodlight?": the device's name is
"desk lamp", said the other way round, its place word after the kind noun with a preposition and a possessive
("the lamp on my desk", "the light over the bench", "the fan by the door").  :func:`placed_noun_rewrite` words such a
phrase as the name it stands for ("the desk lamp") where, and only where, "<place word> <kind noun>" names exactly one
device of the fleet (by its name or alias) of that kind and the kind noun alone names no single device; otherwise
the ask is left as it is (a place the fleet lacks stays unread and is refused as before).  Never a zone: "the lamp in
the warehouse" is read by the place rules already; "in" is read only before a place word that names no zone or device
("big light in the ceiling", session 13 blind set 89: the ceiling lamp, never the model's pick of the desk lamp), and a
size word before the kind noun ("big", "small", "main") goes with it.  Pure; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

_PLACED = re.compile(r"(?<![a-z])(?:the\s+)?(?:(?:big|small|little|main)\s+)?(?P<kind>[a-z]+)\s+"
                     r"(?:on|at|by|over|above|beside|next\s+to|(?P<in>in))\s+"
                     r"(?:my|our|your|his|her|their|the)\s+(?P<place>[a-z]+)(?![a-z])")


def placed_noun_rewrite(asst: Any, text: str) -> str | None:
    """``text`` (normalised) with "the <kind> on my <place>" said as the device's name, or None."""
    if not text or " " not in text:
        return None
    out, changed = text, False
    found: list[re.Match] = []
    pos = 0
    while (m := _PLACED.search(text, pos)) is not None:  # overlapping: "turn on the lamp on my desk"
        found.append(m)
        pos = m.start("kind") + len(m.group("kind")) + 1
    left = len(text) + 1
    for m in reversed(found):
        if m.end() > left:  # overlaps one already said as a name
            continue
        kind, place = m.group("kind"), m.group("place")
        named = asst._devices_named(f"{place} {kind}")
        if len(named) != 1 or asst._devices_named(kind) or asst._devices_named(place):
            continue
        if m.group("in") and asst._refers(place):  # "the lamp in the warehouse": a zone, read by the place rules
            continue
        dev = asst.by_id.get(next(iter(named)))
        alone = asst._refers(kind)
        if dev is None or not alone or dev.id not in alone:  # the kind noun must be the device's kind
            continue
        out = out[:m.start()] + f"the {place} {kind}" + out[m.end():]
        changed, left = True, m.start()
    return out if changed else None
