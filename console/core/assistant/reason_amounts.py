""""Half" inside a reason is no amount (session 9, harms found blind).

"office blinds all the way open, need the daylight, half the bulbs are out" set the blinds to 50 %: "half" counts the
bulbs that are broken, it sets nothing — and the ask says "all the way open".  一半的灯泡坏了 beside a command read the
same "half" and even switched the lamps on at 50 %.

A clause (between commas) that is "half (of) the/our/my/these/those <things> are/is … out / dead / broken / gone /
blown / not working" — or 一半(的)<things>坏了 / 不亮了 / 灭了 / 烧了 / 没了 / 坏掉了 / 不能用了 — is a report of how many things
are broken: when another clause of the ask remains, the clause is dropped and the rest read as any ask.  A "half"
that quantifies what a command does ("blinds half open", "turn half the lights off") is no such clause (no state
after it).  Pure text; no threads, no locks.
"""

from __future__ import annotations

import re

_CUT = re.compile(r"[,;，；。]")
_HALF_EN = re.compile(r"^\s*(?:and\s+|but\s+|since\s+|because\s+|as\s+)?(?:about\s+|like\s+)?half\s+(?:of\s+)?"
                      r"(?:the|our|my|these|those|them|all\s+the)\s+[a-z][a-z ]{0,30}?\s*(?:are|is|were|was|'re|have|has)"
                      r"\s+(?:been\s+)?(?:out|dead|broken|gone|blown|burnt\s+out|burned\s+out|busted|missing|"
                      r"not\s+working|down|dark)\s*[.!]*\s*$")
_HALF_ZH = re.compile(r"^\s*(?:而且|因为|还有)?(?:有)?一半(?:的)?[\u3400-\u9fff]{1,6}?(?:都)?(?:坏了|坏掉了|不亮了?|灭了|烧了|烧坏了|没了|"
                      r"不能用了|不行了)\s*[。！!]*\s*$")


def drop_half_reports(text: str) -> str:
    """``text`` without its "half the bulbs are out" clauses (kept whole where that would leave nothing)."""
    if "half" not in text and "一半" not in text:
        return text
    pieces, at = [], 0
    for m in (*_CUT.finditer(text), None):
        b = m.start() if m is not None else len(text)
        pieces.append((text[at:b], text[b:m.end()] if m is not None else ""))
        at = m.end() if m is not None else at
    kept = [(p, sep) for p, sep in pieces if not (_HALF_EN.match(p) or _HALF_ZH.match(p))]
    if len(kept) == len(pieces) or not any(p.strip() for p, _ in kept):
        return text
    return "".join(p + sep for p, sep in kept).strip(" ,，;；")
