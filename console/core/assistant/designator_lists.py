"""Two designators under one kind noun name two devices (session 11c, blind set 75): 传送带A和B速度都设为60 and
"conveyor a and b speed 60" had set conveyor A alone (B dropped in silence); "ceiling lamp off, and that one on the
desk off too" had switched the ceiling lamp alone ("that one on the desk" was no part the ellipsis check knew).

:func:`designator_list_rewrite` says the kind noun again before the second designator (传送带A和传送带B,
"conveyor a and conveyor b") where the noun with each designator names exactly one device, the two differ and are of
one kind; where the noun with the second names no single device ("conveyor a and c") it returns "" (refuse the ask:
no part is done without the rest).  "that / the one on (by, at, near) the desk" becomes "the desk one", the elided
form ellipsis_parts.py reads.  None where nothing applies.  Pure; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

_EN = re.compile(r"(?P<noun>(?<![a-z0-9])[a-z][a-z-]{2,}(?:\s+[a-z][a-z-]{2,})?)\s+(?P<d1>[a-z]|\d{1,2})\s+"
                 r"(?:and|&)\s+(?P<d2>[a-z]|\d{1,2})(?![a-z0-9])(?P<after>\s+[a-z]+)?")
_ZH = re.compile(r"(?P<run>[\u3400-\u9fff]{2,8})(?P<d1>[a-z0-9])\s*(?:和|跟|与|及|、)\s*(?P<d2>[a-z0-9])(?![a-z0-9])")
_ONE_ON = re.compile(r"(?<![a-z])(?:that|the|this)\s+one\s+(?:on|by|at|near|over)\s+(?:the|my|your)\s+"
                     r"(?P<w>[a-z][a-z-]{2,})(?=\s+(?:off|on|out)?\s*(?:too|as\s+well)\s*[.!]*$)")


def _one(asst: Any, said: str) -> str | None:
    refs = asst._refers(said)
    return next(iter(refs)) if len(refs) == 1 else None


def designator_list_rewrite(asst: Any, text: str) -> str | None:
    """``text`` with the kind noun said before the second designator; "" to refuse; None where nothing applies."""
    out = _ONE_ON.sub(lambda m: f"the {m.group('w')} one", text)
    changed = out != text
    for m in list(_EN.finditer(out)) + list(_ZH.finditer(out)):
        d1, d2 = m.group("d1"), m.group("d2")
        if d1 == d2:
            continue
        zh = m.re is _ZH
        if not zh and m.group("after") and (d2 == "a" or d2.isdigit()):
            continue  # "conveyor b and a fan": the article; "fan 1 and 2 percent": a value
        nouns = [m.group("run")[k:] for k in range(len(m.group("run")) - 1)] if zh else [m.group("noun"),
                                                                                      m.group("noun").split()[-1]]
        for noun in nouns:
            first = _one(asst, f"{noun}{d1}" if zh else f"{noun} {d1}")
            if first is None:
                continue
            second = _one(asst, f"{noun}{d2}" if zh else f"{noun} {d2}")
            if second is None or second == first or asst.by_id[second].kind != asst.by_id[first].kind:
                return ""
            at = m.start("d2")
            return out[:at] + (f"{noun}{d2}" if zh else f"{noun} {d2}") + out[m.end("d2"):]
    return out if changed else None
