"""A device ordinal and a number with a unit joined by "and": "set conveyor 1 and 2 rpm", 1号传送带和2转速.

Is it conveyors 1 and 2 (the value missing) or conveyor 1 at 2 rpm?  It had set conveyor A to 2 rpm.  The
ask is ambiguous: refused with a question back, never a value on one device.  "conveyor 1 and 2 at 30 rpm"
(its own value after the list: ordinal_lists.py) and "set conveyor 1 to 2 rpm" (a "to") are not this.  The kind
words are the ordinals' (ordinals.py's ``word_kind``).

Pure and Qt-free; no thread, no lock.
"""

from __future__ import annotations

import re
from typing import Iterable

_EN_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_EN_UNIT = r"(?:rpm|%|percent|per\s*cent|degrees?|°c?|l/min|litres?|liters?)(?![a-z])"
_ZH_N = r"[一二两三四五六七八九十\d]+"
_ZH_UNIT = r"(?:转|rpm|%|度|升|档)"


def ordinal_value_regex(kind_words: Iterable[str]) -> re.Pattern | None:
    words = sorted((w for w in kind_words if w), key=len, reverse=True)
    en = "|".join(re.escape(w) for w in words if w.isascii())
    zh = "|".join(re.escape(w) for w in words if not w.isascii())
    parts = []
    if en:
        parts.append(rf"(?<![a-z])(?:{en})(?:e?s)?\s+(?:number\s+|no\.?\s*|#)?{_EN_N}\s*,?\s+(?:and|&)\s+"
                     rf"{_EN_N}\s*{_EN_UNIT}")
    if zh:
        parts.append(rf"第?{_ZH_N}\s*号\s*(?:的)?(?:{zh})\s*(?:和|与|跟|及|、)\s*{_ZH_N}\s*{_ZH_UNIT}")
    return re.compile("|".join(parts)) if parts else None


def ordinal_or_value(text: str, pattern: re.Pattern | None) -> str | None:
    """The span of such a list in the (normalised) ask, or None."""
    if pattern is None:
        return None
    m = pattern.search(text)
    return m.group(0) if m else None
