"""门口 ("the doorway") right before a locking verb is the door locked (session 13, blind set 87).

防小偷，門口鎖好 ("against thieves, lock up at the door") was refused as "no device called 门口": 门口 is where the
door is, and 门口锁好 / 把门口锁上 / 大门口上锁 lock that door, as 锁好门口 and 门口那把锁锁上 already did.  门口 (大门口,
正门口) said right before 锁好 / 锁上 / 锁住 / 锁起来 / 锁紧 / 锁埋 / 上锁 is read as 门 (大门, 正门), the kind word of the
locks, so the fleet's own lock is found the way 门锁好 finds it (and a fleet with two locks is asked which).

Only the locking way: 门口 before an unlocking or opening verb (门口开一下, 门口解锁) and 门口 anywhere else (门口的灯,
在门口等着, 到门口了: a place, or someone arriving) are left as they are.  Pure, one regex compiled at import.
"""

from __future__ import annotations

import re

_DOORWAY_LOCK = re.compile(r"(?<![在到去来近出入])((?:大|正)?门)口(?=\s*(?:锁(?:好|上|住|起来|紧|埋|实)|上锁))")


def doorway_lock(text: str) -> str:
    """``text`` (normalised) with 门口 before a locking verb read as 门 (see module)."""
    if not text or "门口" not in text:
        return text
    return _DOORWAY_LOCK.sub(r"\1", text)
