"""No typo is fixed inside chatter: a clause about the speaker names no device (session 9, harms found blind).

"AC off, I'm heading out to the floor" also switched the warehouse floodlight off: the semantic layer's typo fixer
(typos.py) read "floor" as a slip of "flood", the floodlight's truncated name (truncations.py), and the clause about
where the speaker goes became "… to the flood light".  A clause that is about the speaker and names nothing of the
fleet as said ("we're heading out", "I'm going down to the floor", "the crew is back": clauses.is_chatter) is chatter;
a one-letter "fix" must not turn it into a device.  :func:`fixed_but_chatter` fixes the typos of every other clause
and leaves each chatter clause as typed (a real slip in chatter is harmless: chatter is skipped).  Used by the
semantic layer (``Assistant._semantic``) where it fixes typos.  Pure; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.clauses import is_chatter

_CLAUSE = re.compile(r"[^,;:，；：。!！?？]+")


def fixed_but_chatter(asst: Any, text: str) -> str:
    """``text`` (normalised) with its typos fixed outside the clauses that are chatter as typed."""
    fixed = asst.typos.fix(text)
    if fixed == text:
        return fixed
    out, pos = [], 0
    for m in _CLAUSE.finditer(text):
        piece = m.group(0)
        out.append(text[pos:m.start()])
        if piece.strip() and is_chatter(piece.strip(" .!?"), asst._refers(piece)):
            out.append(piece)
        else:
            out.append(asst.typos.fix(piece))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)
