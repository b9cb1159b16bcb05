"""Chinese clauses separated only by spaces, each with its own verb, are clauses (session 9).

Speech-to-text writes a pause between Chinese clauses as a space: 仓库大灯关掉 门锁锁上 警报器打开.  The clause splitter
(clauses.split_spaced) already treats such a space as a weaker boundary, read only where the whole reading loses a
part; but before that the whole ask is read as one clause, and the place of the first part bound the next part's
device (仓库 … 门锁: "the warehouse has no lock", though 门锁 — the fleet's one lock, in the office — starts a new
clause), and one part's verb was read against another's device (台灯关掉 门锁锁上 警报器打开: "the desk lamp both on and
off").  Where the pieces on both sides of such a space each have a verb of their own outside the device names (关掉, 锁上,
打开, 调到 …; 门锁's 锁 is a name, not a verb) and three Chinese characters or more, each is a whole clause, and the
space is written as the comma it stands for; a side without its own verb (把 台灯 关掉, 帮我打开 大门门锁, 办公室 台灯关掉)
or one that waits for the other (把 …, … 和 …) keeps the space, as before.

:func:`comma_for_spaces` over the normalised ask, given how to blank the fleet's names; pure, no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Callable

from console.core.assistant.lexicon import ACTIONS_ZH

_VERB = re.compile("|".join(sorted({re.escape(w) for ws in ACTIONS_ZH.values() for w in ws}
                                   | {"调到", "调成", "调为", "设为", "设成", "设到", "开到", "调高", "调低", "拉到", "放到"},
                                   key=len, reverse=True)))
_SPACE_ZH = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_CJK = re.compile(r"[\u3400-\u9fff]")
# a side that waits for the other (把 台灯, 台灯和 吊灯, 台灯 的开关): never a clause of its own
_OPEN_LEFT = re.compile(r"(?:把|将|和|跟|与|及|的|给|让|请|帮我|帮忙|再|也)$")
_OPEN_RIGHT = re.compile(r"^(?:的|和|跟|与|及|以及|或)")


# a person arrived or let in is a clause of its own too (客人到了 让他们进来 解锁一下: session 9, people.py reads it)
_PERSON_CLAUSE = re.compile(r"(?:到了|来了|到啦|来啦|进来|进门)(?:了|吧|啊|呀)?$")


def _clause(piece: str, unnamed: Callable[[str], str]) -> bool:
    """A piece that can stand alone: three Chinese characters or more, and a verb outside the device names (or a
    person's arrival or coming in)."""
    return len(_CJK.findall(piece)) >= 3 and (_VERB.search(unnamed(piece)) is not None
                                              or _PERSON_CLAUSE.search(piece) is not None)


def comma_for_spaces(text: str, unnamed: Callable[[str], str]) -> str:
    """``text`` (normalised) with "，" for each space between two Chinese clauses that each have their own verb
    (``unnamed``: a piece with the fleet's names blanked, so 门锁's 锁 is no verb); the same string otherwise."""
    if not _SPACE_ZH.search(text):
        return text
    pieces = _SPACE_ZH.split(text)
    out = [pieces[0]]
    changed = False
    for piece in pieces[1:]:
        left = re.split(r"[,，;；。!！]", out[-1])[-1]
        right = re.split(r"[,，;；。!！]", piece)[0]
        if _clause(left, unnamed) and _clause(right, unnamed) and not _OPEN_LEFT.search(left) \
                and not _OPEN_RIGHT.match(right):
            out[-1] = f"{out[-1]}，{piece}"
            changed = True
        else:
            out[-1] = f"{out[-1]} {piece}"
    return out[0] if changed else text
