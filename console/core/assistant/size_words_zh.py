"""大灯 / 小灯 after a place: that place's one device of the kind (仓库大灯 is the warehouse's one lamp).

Blind set 35: 把仓库大灯打开 was refused ("no device called 大灯"): 大 ("big") before the kind word 灯 is how the
warehouse's floodlight is called, and the warehouse has one lamp.  :func:`drop_size_word` drops a 大 / 小 said between
a place (its zone, with or without 的, 里, or a demonstrative 那个 / 这盏) and a kind word when that place has exactly one device of that kind; else the
text is left as it is (办公室大灯, with two lamps there, stays refused: which one is "big" cannot be told; 大灯 with no
place too).  Pure; reads with the fleet's vocabulary.
"""

from __future__ import annotations

import re
from typing import Sequence

from console.core.assistant.reader import read
from console.core.assistant.vocabulary import Vocabulary
from console.core.protocol import DeviceMeta

_GAP = re.compile(r"^(?:里|里面|那边|这边)?的?(?:(?:那|这)(?:个|盏|台)?)?[大小]$")


def drop_size_word(text: str, vocab: Vocabulary, metas: Sequence[DeviceMeta]) -> str:
    """``text`` with 大 / 小 dropped before a kind word of which the place just before has one device (see module)."""
    if not text or ("大" not in text and "小" not in text):
        return text
    ms = read(text, vocab).mentions
    for zone, kind in zip(ms, ms[1:]):
        if zone.kind != "zone" or kind.kind != "kind":
            continue
        gap = text[zone.end:kind.start]
        if not _GAP.match(gap):  # 大, 的大, 那个大, 里的那盏大 (a demonstrative between: 仓库那个大灯, session 10)
            continue
        if sum(1 for x in metas if x.zone in zone.keys and x.kind in kind.keys) != 1:
            continue
        return text[:kind.start - 1] + text[kind.start:]
    return text
