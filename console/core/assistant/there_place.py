""""there" as the place named last before it (held-out 22): "the yard is too loud and the warehouse is dark —
silence the alarm and switch on the lights there" → the warehouse's lights, never every lamp of the fleet.

:func:`name_there` writes "there" / "in there" / "over there" / 那里 / 那边 / 那儿 as the zone the ask named last
before it ("in warehouse", 仓库); "there is / there's / hi there" and a "there" with no place before it stay as they
are (the reading keeps its own meaning); :func:`there_unplaced` tells a "there" / 那里 when the ask names no place at all
("switch on the lights there"): the assistant asks which place (session 7 G), never every lamp.  Likewise "the room" / "the place" / 房间 in a clause with a temperature
("… lights on in the office, and bring the room to 22 degrees") is the AC of the place named last before it.  Pure: reads with the assistant's vocabulary; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

_THERE_EN = re.compile(r"(?<![a-z'])(?:(?:in|over|out|up|down)\s+)?there(?![a-z'])(?!\s+(?:is|are|was|were|will|'ll|"
                       r"has|have|had|must|should|might|may|can|could|seems?|appears?)(?![a-z]))")
_THERE_ZH = re.compile(r"那里|那边|那儿|那块")
_ROOM_EN = re.compile(r"(?<![a-z])(?:the|this|that)\s+(?:room|place|space)(?![a-z])(?=[^,;:.!?—–]*?\d+(?:\.\d+)?\s*"
                      r"(?:°|degrees?|deg(?![a-z])|c(?![a-z])))")
_ROOM_ZH = re.compile(r"(?:这个|那个)?(?:房间|屋子|屋里|室内)(?=[^,;:，；：。！]*?(?:\d+(?:\.\d+)?|[一二三四五六七八九十两]+)\s*(?:°|度))")
_NOT_PLACE = re.compile(r"(?:hi|hello|hey|over)\s+$")


def name_there(asst: Any, utterance: str) -> str:
    """``utterance`` with each "there" written as the zone named last before it; the same string when none is."""
    text = normalize(utterance or "")
    if "there" not in text and not _THERE_ZH.search(text) and not _ROOM_EN.search(text) and not _ROOM_ZH.search(text):
        return utterance
    zones = [(mn.end, text[mn.start:mn.end]) for mn in read(text, asst.rules.vocab).mentions if mn.kind == "zone"]
    if not zones:
        return utterance
    cuts: list[tuple[int, int, str]] = []
    for m in list(_THERE_EN.finditer(text)) + list(_THERE_ZH.finditer(text)):
        before = [z for end, z in zones if end <= m.start()]
        if not before or (m.group(0) == "there" and _NOT_PLACE.search(text[:m.start()])):
            continue
        cuts.append((m.start(), m.end(), before[-1] if _THERE_ZH.fullmatch(m.group(0)) else f"in {before[-1]}"))
    for m in list(_ROOM_EN.finditer(text)) + list(_ROOM_ZH.finditer(text)):
        before = [z for end, z in zones if end <= m.start()]
        if before:  # the room of the place named last: its AC (a place with none is refused as unknown)
            cuts.append((m.start(), m.end(), f"{before[-1]}空调" if _ROOM_ZH.match(m.group(0)) else f"the {before[-1]} ac"))
    if not cuts:
        return utterance
    pieces, last = [], 0
    for s, e, zone in sorted(cuts):
        pieces += [text[last:s], zone]
        last = e
    return "".join(pieces) + text[last:]


def there_unplaced(asst: Any, utterance: str) -> bool:
    """Does ``utterance`` say "there" / "in there" / 那里 / 那边 as a place while it names no place at all?"""
    text = normalize(utterance or "")
    if "there" not in text and not _THERE_ZH.search(text):
        return False
    if any(mn.kind in ("zone", "device") for mn in read(text, asst.rules.vocab).mentions):
        return False  # a place, or a device named (it has its place: "the office AC, nobody's in there")
    return any(not m.group(0).startswith("out") and (m.group(0) != "there" or not _NOT_PLACE.search(text[:m.start()]))
               for m in _THERE_EN.finditer(text)) or _THERE_ZH.search(text) is not None  # "out there": outdoors
