"""An English noun the fleet does not know, between a verb and a place: "stop the blower on line a".

The English twin of ``Assistant._unread_noun`` (仓库的等关掉): where the rules read only a place and a verb, the
semantic layer would otherwise change every device of that place; a noun in "the <noun> on/in/at <place>" that
is no word of the fleet (and no generic word for "everything": things, stuff, equipment …) limits the devices to
ones it cannot name, so the ask is refused and names the word (held-out 22: a typo of a kind word had stopped
line A's conveyor too).  Pure function, no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Callable

_THE_NOUN = re.compile(r"(?<![a-z])(?:the|that|this|those|these)\s+([a-z]+)\s+(?:on|in|at|of|over|down|up)\s+")
_GENERIC = frozenset({"thing", "things", "stuff", "machine", "machines", "machinery", "equipment", "kit", "gear",
                      "device", "devices", "lot", "rest", "place", "whole", "area", "zone", "floor", "line", "lines"})


def unread_noun_en(text: str, known: Callable[[str], bool]) -> str | None:
    """The first noun of ``text`` (normalised) after the/that … and before a place word that ``known`` does not
    know, or None."""
    for m in _THE_NOUN.finditer(text):
        word = m.group(1)
        if word not in _GENERIC and not known(word):
            return word
    return None
