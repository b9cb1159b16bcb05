""""Open the door" is no lock command: the console only locks and unlocks (docs/ASSISTANT.md, Conventions, Locks).

A lock has no "open" of its own.  English "open the front door" was already refused (actions.py: a lock only locks and
unlocks), but in Chinese 开 on a lock is read as 开锁 so that 把门锁打开 / 打开大门门锁 unlock, and that also unlocked
帮我把正门打开一下 and 把门打开 (session 9's blind set: the door named, not its lock).  Opening a door is more than
unlocking it (nobody here can swing it open), so such an ask is refused with the reason, as in English.

:func:`opens_door_only` says whether an ask unlocks only because it says "open" to a door: no lock word (锁, "lock",
"unlock", "bolt", "latch": 把门锁打开, 开锁, "unlock the door" still unlock), no one let in or come in (开门让他进来,
"let him in", 放…进来: letting a person in is the lock's own phrase, people.py), and no one arrived (访客到了，把大门打开,
"the visitor is here, open the door": the door is opened for them, which is what unlocking does).  "Open up" (the
building, the premises, for the staff) is the English idiom for unlocking and stays one.
:func:`door_opened` refuses such a proposal.  Pure text; regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from console.core.assistant.direction import lock_ways
from console.core.assistant.outdoors import drop_someone_outside
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import UNSUPPORTED, Proposal, Refusal

_LOCK_WORD = re.compile(r"锁|(?<![a-z])(?:un)?(?:lock|locks|locked|locking|bolt|bolted|latch|latched)(?![a-z])")
# the open verbs that _UNLOCK_ZH / _UNLOCK_EN read as unlocking: blanked before asking what else says "unlock"
_OPEN = re.compile(r"打开|开门|开一下|开个门|开下|开开|开|(?<![a-z])(?:open|opens|opened|opening)(?![a-z])(?!\s+up(?![a-z]))")
# someone is there to come in: 访客到了, 客人来了, 有人在门口等着, "the visitor is here", "they've arrived"
# (进来了 / 闯进来了 is someone already in, an intruder perhaps: never a reason to open; session 10)
_ARRIVED = re.compile(r"到了|(?<!进)来了|到啦|(?<!进)来啦|来人了|来人啦|在门口|在外面|门外|等着|在等|"
                      r"(?<![a-z])(?:arrived|is\s+here|are\s+here|'s\s+here|'re\s+here|at\s+the\s+door|waiting|outside)"
                      r"(?![a-z])")


# 开门 / 开下门 / 开一下门 / 开个门 / 开下大门: the verb "open" with the door as its object (session 10).  The lock check reads
# an ask's way with the device names blanked, and 门 is the lock's name: 开下门 had said neither way (帮他开下门 refused
# "say lock or unlock" while 开一下门 unlocked).  Never 门口 / 门外 (开门口的灯: a lamp by the door), never negated.
_OPEN_DOOR_ZH = re.compile(r"(?<![不别没])开(?:一?下|个|开)?(?:大|正|前|后|侧)?门(?![口外前边旁])")


def opens_the_door_zh(text: str) -> bool:
    """Does a (normalised) Chinese ask say 开(下)门, "open the door", as its verb and object?"""
    return "门" in text and bool(_OPEN_DOOR_ZH.search(text))


def opens_door_only(text: str) -> bool:
    """Does an (already normalised) ask say to open a door, with no lock word, no one let in and no one arrived?"""
    if not _OPEN.search(text) or _LOCK_WORD.search(text) or _ARRIVED.search(text) \
            or drop_someone_outside(text) != text:  # 外面有访客 / 外面来了个送货的: someone is there (outdoors.py)
        return False
    return "unlock" not in lock_ways(_OPEN.sub(lambda m: " " * len(m.group(0)), text))


def door_opened(utterance: str, prop: Proposal) -> Proposal:
    """``prop`` refused when it unlocks a lock only because the ask says to open the door; else ``prop``."""
    if not prop.ok or not any(c.params.get("locked") is False for c in prop.commands):
        return prop
    if not opens_door_only(normalize(utterance or "")):
        return prop
    locks = list(dict.fromkeys(c.device_name for c in prop.commands if c.params.get("locked") is False))
    why = (f"{'、'.join(locks)}只能上锁或解锁，不能开门：请说“解锁”或“锁上”。" if prop.lang == "zh"
           else f"{', '.join(locks)} only locks and unlocks, it cannot open the door: say \"unlock\" or \"lock\".")
    return replace(prop, commands=(), refusal=Refusal(UNSUPPORTED, why))
