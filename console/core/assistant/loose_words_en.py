"""Two English loose words of a refused ask (session 10): a variant spelling of a kind noun, and a bare "lock up".

- "conveyer A and conveyer B, stop both": "conveyer" is a dictionary spelling of "conveyor" (as are "conveyers"); the
  clause reader refused 'conveyer a' before the semantic layer's typo fixer could see it.  The variants of
  ``_VARIANTS`` are written as the fleet's word, only where the fleet has that word (a kind or device name).
- "lights out in the warehouse and lock up": "lock up" with no object (at a clause end) locks the fleet's lock; it had
  bound to the floodlight of the clause before ("the floodlight cannot be locked").  It is written "lock the lock"
  (the lock kind's own noun) only where the fleet has a lock and the ask names none.

Used only where the ask as said was refused with no command (rereads.reread_as: the rewritten ask read by the whole
pipeline and gated).  Pure; regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.rereads import refused_outright, reread_as

_VARIANTS = {"conveyer": "conveyor", "conveyers": "conveyors"}
_VARIANT = re.compile(r"(?<![a-z])(?:" + "|".join(_VARIANTS) + r")(?![a-z])")
_LOCK_UP = re.compile(r"(?<![a-z])lock\s+(?:(?:it|everything|the\s+place)\s+)?(?:all\s+)?up(?=\s*(?:[,;.!]|\s-|$))")


def loose_words(asst: Any, text: str) -> str:
    out = text
    if _VARIANT.search(out):
        out = _VARIANT.sub(lambda m: _VARIANTS[m.group(0)] if _VARIANTS[m.group(0)] in asst.typos.known
                           or any(_VARIANTS[m.group(0)].rstrip("s") in m2.name.lower() for m2 in asst.metas)
                           else m.group(0), out)
    if _LOCK_UP.search(out) and any(m.kind == "lock" for m in asst.metas) \
            and not any(asst.by_id[d].kind == "lock" for d in asst._devices_named(out) if d in asst.by_id):
        out = _LOCK_UP.sub("lock the lock", out)
    return out


def loose_words_read(asst: Any, utterance: str, said: Any) -> Any:
    text = normalize(utterance or "")
    if not refused_outright(said, utterance) or ("convey" not in text and "lock" not in text):
        return said
    return reread_as(asst, utterance, said, loose_words(asst, text))
