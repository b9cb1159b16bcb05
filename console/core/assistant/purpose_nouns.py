""""Water for cooling" is the cooling water: a purpose after a noun names the thing, it sets no mode (session 9).

"water for cooling, full blast" read "cooling" as the AC's cool mode (the lexicon's word for it) beside the pump's
"water", and the ask was refused ("say what the pump should do").  :func:`purpose_noun` says "<water / liquid / fluid>
for (the) cooling" as "cooling water" (the pump's thing in any fleet that names it; a fleet without one still refuses),
and "<water / air> for heating" likewise; a mode asked for ("put the AC on cooling", "cooling mode") is untouched: the
purpose must follow the noun directly.  Chinese says it as 冷却水 already.  Pure text; no threads, no locks.
"""

from __future__ import annotations

import re

_FOR = re.compile(r"(?<![a-z])(?:the\s+)?(?P<noun>water|liquid|fluid)\s+(?:used\s+)?for\s+(?:the\s+)?(?P<use>cooling|heating)"
                  r"(?!\s+mode)(?![a-z])")


def purpose_noun(text: str) -> str:
    """``text`` (normalised) with "water for cooling" said as "cooling water" (module doc)."""
    if " for " not in text:
        return text
    return _FOR.sub(lambda m: f"{m.group('use')} {m.group('noun')}", text)
