"""大灯 / 小灯 after a place: that place's one device of the kind (仓库大灯 is the warehouse's one lamp).

Blind set 35: 把仓库大灯打开 was refused ("no device called 大灯"): 大 ("big") before the kind word 灯 is how the
warehouse's floodlight is called, and the warehouse has one lamp.  :func:`drop_size_word` drops a 大 / 小 said between
a place (its zone, with or without 的) and a kind word when that place has exactly one device of that kind; else the
text is left as it is (办公室大灯, with two lamps there, stays refused: which one is "big" cannot be told; 大灯 with no
place too).  Pure; reads with the fleet's vocabulary.
"""

from __future__ import annotations

from typing import Sequence

from console.core.assistant.reader import read
from console.core.assistant.vocabulary import Vocabulary
from console.core.protocol import DeviceMeta


def drop_size_word(text: str, vocab: Vocabulary, metas: Sequence[DeviceMeta]) -> str:
    """``text`` with 大 / 小 dropped before a kind word of which the place just before has one device (see module)."""
    if not text or ("大" not in text and "小" not in text):
        return text
    ms = read(text, vocab).mentions
    for zone, kind in zip(ms, ms[1:]):
        if zone.kind != "zone" or kind.kind != "kind":
            continue
        gap = text[zone.end:kind.start]
        if gap not in ("大", "小", "的大", "的小"):
            continue
        if sum(1 for x in metas if x.zone in zone.keys and x.kind in kind.keys) != 1:
            continue
        return text[:kind.start - 1] + text[kind.start:]
    return text
