"""那边 / 那里 / 这边 right after a place word is "over in that place", not the pronoun "there" (held-out 28,
speech-to-text: 院子那边 警报响起来 用持续的声音 had been asked "where is 那里?").

In Chinese a locative 那边 / 那儿 / 那里 / 这边 / 这里 / 那块 glued to a place noun names that place: 院子那边 is the yard,
仓库那边的灯 the warehouse's lights.  Only a place of the fleet counts (a zone's Chinese name, a device's own place word
such as the yard siren's 院子): :func:`drop_there_after_place` removes the locative there, so the place word reads
as it does alone.  A 那边 with no place right before it (把那边的灯关掉, 在那边) stays the pronoun: named from the place
said before it, or asked about (there_place.py).  Pure; the regex is built once per assistant.
"""

from __future__ import annotations

import re
from typing import Iterable

_LOCATIVE = r"(?:那边|那儿|那里|那块|这边|这儿|这里)"


def place_there_regex(places: Iterable[str]) -> re.Pattern | None:
    """A regex for a fleet place word followed by a locative, or None when the fleet has no Chinese place word."""
    words = sorted({p for p in places if p and re.search(r"[\u3400-\u9fff]", p)}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("(" + "|".join(map(re.escape, words)) + r")\s*" + _LOCATIVE)


def drop_there_after_place(text: str, rx: re.Pattern | None) -> str:
    """``text`` (normalised) with each locative right after a fleet place word removed; the same string when none."""
    if rx is None or not re.search(_LOCATIVE, text):
        return text
    return rx.sub(r"\1", text)
