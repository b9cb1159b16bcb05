"""A clause that names only another place inherits the clause before's setting (session 9, harms found blind).

一号线生产速度调到70，二号线调到90 ("line 1 production speed to 70, line 2 to 90") let the model set the STEAM VALVE to
90 %: the second clause names a place and a value but no device, so every device there was a candidate.  It means the
same setting (production speed: the conveyor's speed) on the other line — the model is never asked to choose a
different kind.

When a clause after the first is <zone> + a verb and/or value with nothing of its own that names a device, kind or
thing, and the clause before is <zone> + <what> + a verb or value ("一号线生产速度 调到70", "line a conveyor speed to
70"), the clause is said again with that <what> after its own zone (二号线生产速度调到90, "line b conveyor speed to
90") and the ask is read again; the new reading stands or falls on its own (a kind the place lacks is refused, never
another kind).  Pure: reads with the assistant (duck-typed: ``understand``, ``_refers``, ``rules``); no threads, no
locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.lexicon import CJK
from console.core.assistant.reader import read

_CUT = re.compile(r"[,;，；。]|\s+and\s+|\s+then\s+|然后|再把|再")
_LEAD_ZH = re.compile(r"^(?:请|麻烦|帮我)?把?")
_LEAD_EN = re.compile(r"^(?:(?:and|then|also|please|set|put|make)\s+)*")
# where the <what> ends: the clause's verb or value
_VERB_ZH = re.compile(r"调到|调成|调为|调至|调高|调低|调|开到|开成|开|设为|设到|设成|设置|设定|设|改到|改成|改为|降到|降|升到|升|"
                      r"加到|减到|关|停|启动|暂停|打开|转到|提到|提高|放到|\d")
_VERB_EN = re.compile(r"(?<![a-z])(?:to|at|up|down|on|off|=|set|stop|start|run|going|back|[0-9])(?![a-z])")


def _zone_at_start(asst: Any, clause: str) -> tuple[int, int] | None:
    """The span of a zone the clause opens with (after a lead word), or None."""
    lead = (_LEAD_ZH if CJK.search(clause) else _LEAD_EN).match(clause)
    at = lead.end() if lead else 0
    zones = [mn for mn in read(clause, asst.rules.vocab).mentions if mn.kind == "zone"]
    return next(((mn.start, mn.end) for mn in zones if mn.start == at), None)


def _what(asst: Any, clause: str) -> str | None:
    """The <what> of a <zone> <what> <verb or value> clause, or None."""
    zone = _zone_at_start(asst, clause)
    if zone is None:
        return None
    zh = bool(CJK.search(clause))
    rest = clause[zone[1]:]
    rest = re.sub(r"^(?:的|'s\s*|\s+)", "", rest) if zh or rest.startswith(("'s", " ")) else rest
    m = (_VERB_ZH if zh else _VERB_EN).search(rest)
    if m is None or m.start() == 0:
        return None
    what = rest[:m.start()].strip()
    return what if what and asst._refers(what) else None


def place_only_parts(asst: Any, text: str) -> str | None:
    """The (normalised) ask with each place-only clause given the clause before's <what>; None when none is."""
    if not text or not _CUT.search(text):
        return None
    pieces, at = [], 0
    for m in (*_CUT.finditer(text), None):
        b = m.start() if m is not None else len(text)
        pieces.append((at, b))
        at = m.end() if m is not None else at
    out, last, changed = [], 0, False
    for i, (a, b) in enumerate(pieces):
        clause = text[a:b]
        if i == 0:
            continue
        zone = _zone_at_start(asst, clause.strip())
        if zone is None:
            continue
        stripped = clause.strip()
        tail = stripped[zone[1]:]
        r = read(tail, asst.rules.vocab)
        if r.mentions or asst._refers(tail) or not (r.numbers or r.actions or r.enums):
            continue
        what = _what(asst, text[pieces[i - 1][0]:pieces[i - 1][1]].strip())
        if what is None:
            continue
        zh = bool(CJK.search(stripped))
        new = stripped[:zone[1]] + (what if zh else " " + what) + tail
        start = a + clause.index(stripped)
        out.append(text[last:start] + new)
        last, changed = start + len(stripped), True
    if not changed:
        return None
    return "".join(out) + text[last:]
