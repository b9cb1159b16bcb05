"""A cover's way said as a particle, alone: "blinds up" → open the blinds (position 100), "office blinds down", "pull
the blinds down", "the shades right down" → close them (position 0) (session 8).

A device that is only an opening that goes up and down (a writable ``position`` and no switch: blinds, shades,
shutters, a garage door) is open when it is up: "up" and "down" after its name can only mean open and close.  These
asks had been refused ("nothing to do"); only "all the way up" (an amount: 100) was read, and "all the way down" was
refused as the wrong way.  Here the ask is rewritten with the verb put in front ("office blinds down" → "close
office blinds") and read again with every gate.  Only:

- an ask of one clause: beside another clause ("blinds up, lights off") own_way.py's refusal stands (session 7's
  decision: the particle must never take the other clause's way);
- with nothing but a verb of the particle (put, pull, roll, get, move, take, draw), determiners and places before
  the name: "turn the blinds down", "bring the blinds down" (relative: how far?) are left as they were;
- where EVERY device the name stands for is such a cover: "lights down" (a lamp has a switch: never "off"), "the
  valve up" (an amount of flow: "open" is not said), "volume up" (no device) and "the AC down" are left as they were.

"raise/lower the blinds" are the rules' own.  Duck-typed on the Assistant (``rules.vocab``, ``metas``); pure
otherwise; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.clauses import split_clauses
from console.core.assistant.lexicon import SWITCH_CAPS
from console.core.assistant.reader import read

# the particle right after the name, at the end of its clause: "blinds up", "the shades right down, …", "… down please"
_PARTICLE = re.compile(r"\s+(?:(?:right|fully|completely|all\s+the\s+way)\s+)?(up|down)"
                       r"(?=\s*(?:$|[,;:.!?]|(?:please|pls|now|then|and|thanks)(?![a-z])))")
# a verb the particle belongs to, at the head of the clause: "pull the blinds down", "put the shades up"
_HEAD_VERB = re.compile(r"^(\s*(?:(?:please|and|then|also|now|just|can\s+you|could\s+you)\s+)*)"
                        r"(?:put|pull|roll|get|move|take|draw)\s+")
_CLAUSE_START = re.compile(r"[,;:.!?]|(?<![a-z])(?:and|then)(?![a-z])")
# what may stand between the verb and the name: determiners (places are blanked before this is matched)
_ONLY_DETERMINERS = re.compile(r"^\s*(?:(?:the|my|our|those|these|all|both|all\s+the|all\s+of\s+the)\s+|\x00+\s*)*$")


def _covers_only(asst: Any, mn: Any, zones: set[str]) -> bool:
    """Is every device a device or kind mention stands for (in the places named) an opening with no switch?"""
    if mn.kind == "device":
        metas = [m for m in asst.metas if m.id in mn.keys]
    else:
        metas = [m for m in asst.metas if m.kind in mn.keys and (not zones or m.zone in zones)]
    return bool(metas) and all(
        "position" in m.capabilities and m.capabilities["position"].writable
        and not any(c in m.capabilities for c in SWITCH_CAPS) for m in metas)


def cover_ways(asst: Any, text: str) -> str:
    """The (normalised) ask with each "<cover> up/down" as "open/close <cover>"; unchanged when there is none."""
    if ("up" not in text and "down" not in text) or len(split_clauses(text)) > 1:
        return text
    r = read(text, asst.rules.vocab)
    zones = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
    for mn in sorted(r.mentions, key=lambda x: x.start, reverse=True):  # from the end: earlier spans stay put
        if mn.kind not in ("device", "kind"):
            continue
        m = _PARTICLE.match(text, mn.end)
        if m is None or not _covers_only(asst, mn, zones):
            continue
        starts = [c.end() for c in _CLAUSE_START.finditer(text, 0, mn.start)]
        start = starts[-1] if starts else 0
        head = text[start:mn.start]
        hv = _HEAD_VERB.match(head)
        pre, rest = (hv.group(1).strip(), head[hv.end():]) if hv else ("", head.lstrip())
        if hv is None:
            lead = re.match(r"\s*(?:(?:please|and|then|also|now|just|can\s+you|could\s+you)\s+)*", head)
            pre, rest = (lead.group(0).strip(), head[lead.end():]) if lead else ("", head)
        blanked = list(rest)
        for other in r.mentions:
            if other.kind == "zone" and start <= other.start and other.end <= mn.start:
                a, b = other.start - (mn.start - len(rest)), other.end - (mn.start - len(rest))
                blanked[max(a, 0):max(b, 0)] = "\x00" * (max(b, 0) - max(a, 0))
        if not _ONLY_DETERMINERS.match("".join(blanked)):
            continue  # "turn the blinds down", "open the blinds up": another verb says the way (or how far)
        verb = "open" if m.group(1) == "up" else "close"
        said = " ".join(w for w in (pre, verb, rest.strip()) if w)
        text = f"{text[:start]} {said} {text[mn.start:mn.end]}{text[m.end():]}"
    return re.sub(r"\s+", " ", text).strip()
