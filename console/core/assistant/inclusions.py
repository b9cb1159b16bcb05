""""Every light off, the warehouse one too": a place said to include it, never to bound the ask (session 9).

A place named anywhere in an ask bounds "everything" ("Line one, stop everything": layers.py), so "turn every light
off, I'm heading out - the warehouse one too" switched off only the floodlight, and 把灯全关了，仓库那盏也要关 also
silenced the yard siren (the warehouse's every device).  A trailing part that only adds a place or a device with too /
as well / also / included / 也 ("the warehouse one too", "warehouse too", "including the warehouse", "even the yard
one", 仓库的也关, 仓库那盏也要关, 仓库的也是) after a part with an all-word (every, all, each, 所有, 全, 都) says the
all-word reaches there as well.  The ask is read without that part; it stands when that reading already changes, in
every place the part names, a device of the kinds it changes (and every device the part names), and the part says
no other way, value or device.  Otherwise the ask is read as before (no part is ever dropped in silence).
Pure: reads with the assistant.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

_B = r"(?:\s*[,;:.!]+\s*|\s+[-—–]+\s+|\s*[—–]+\s*)"
_TAIL_EN = re.compile(
    _B + r"(?:and\s+|plus\s+)?(?:(?:even|also)\s+)?(?P<what>(?:(?:the|that|those)\s+)?(?:[a-z0-9'-]+\s+){0,4}?"
    r"(?:[a-z0-9'-]+))(?:\s+ones?)?\s+(?:too|as\s+well|also|included|aswell)[.!]*$"
    r"|(?:" + _B + r"|\s+)(?:and\s+)?(?:including|incl\.?|even)\s+(?P<what2>(?:(?:the|that|those)\s+)?(?:[a-z0-9'-]+\s+){0,4}?"
    r"[a-z0-9'-]+)[.!]*$")
_TAIL_ZH = re.compile(
    r"[,;:.!]\s*(?P<what>[^,;:.!]{1,10}?)(?:的|那盏|那个|那台|那边的?|里的?|那些)?(?:也|也都|也要|也得|也一起|也是)"
    r"(?:要|得)?(?P<verb>[^,;:.!]{0,4}?)(?:吧|了|掉|啊)*[。.!]*$")
_ALL = re.compile(r"(?<![a-z])(?:every|all|each|everything|everywhere)(?![a-z])|所有|全部|全都|全|都|每")
_FILLER = re.compile(r"(?<![a-z])(?:the|that|those|this|one|ones|too|as|well|aswell|also|included|including|incl|even|and|"
                     r"plus|in|at|on\s+line)(?![a-z])|的|那盏|那个|那台|那边|那些|里|也都|也要|也得|也一起|也是|也|要|得|"
                     r"吧|了|掉|啊")
_NO_VALUE = re.compile(r"\d|[零〇一二两三四五六七八九十百]|半")


def split_inclusion(text: str) -> tuple[str, str] | None:
    """(rest, inclusion) of a normalised ask whose last part only includes a place or device, else None."""
    m = _TAIL_EN.search(text) or _TAIL_ZH.search(text)
    if m is None:
        return None
    rest = text[:m.start()].strip(" ,;:.!-—–")
    what = (m.groupdict().get("what") or m.groupdict().get("what2") or "").strip()
    if not rest or not what or not _ALL.search(rest) or _NO_VALUE.search(m.group(0)):
        return None
    return rest, m.group(0).strip(" ,;:.!-—–")


def included(asst: Any, utterance: str) -> Any | None:
    """The proposal for an all-ask whose last part only includes a place or device it already reaches, or None."""
    text = normalize(utterance or "")
    split = split_inclusion(text)
    if split is None:
        return None
    rest, part = split
    r = read(part, asst.rules.vocab)
    if r.numbers or r.enums or r.loose_numbers or r.unknown_nouns or r.question or r.unsupported is not None \
            or any(mn.kind == "any" for mn in r.mentions):
        return None
    zones = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
    named = {k for mn in r.mentions if mn.kind == "device" for k in mn.keys}
    kinds = {k for mn in r.mentions if mn.kind == "kind" for k in mn.keys}
    if not zones and not named:
        return None
    prop = asst.understand(rest)
    if not prop.ok or not prop.commands:
        return None
    got = {c.device_id for c in prop.commands}
    changed = {asst.by_id[d].kind for d in got if d in asst.by_id}
    if not named <= got or (kinds and not kinds <= changed):
        return None
    for zone in zones:
        if not any(asst.by_id[d].zone == zone and asst.by_id[d].kind in (kinds or changed) for d in got):
            return None  # "all the conveyors off, the warehouse one too": no conveyor there, read as before
    work = list(part)
    for mn in r.mentions:
        work[mn.start:mn.end] = " " * (mn.end - mn.start)
    left = _FILLER.sub(" ", "".join(work)).strip(" ,;:.!-—–")
    if left:  # a word of its own: only the rest's own verb again (仓库的也关), never another way ("… one on too")
        ways, said = asst._clause_ways(left), asst._clause_ways(rest)
        if ways and said and not ways <= said:  # "all lights off, the warehouse one on too": never one of the two
            return asst._refuse(utterance, "unsupported", f"'{part}' goes another way than the rest of the ask: say "
                                "each device's change on its own.", f"“{part}”和前面的方向相反：请分别说出每个设备要做什么。")
        if not read(left, asst.rules.vocab).actions or not ways or not ways <= said:
            return None
    out = asst._gate(utterance, replace(prop, utterance=utterance))
    return out if out.ok else None
