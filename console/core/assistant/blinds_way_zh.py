"""Which way blinds go in Chinese words the rules lacked: 拉下来 / 拉下 = close, 拉上去 / 拉起来 / 升上去 = open (held-out 20).

"今天太阳很大，把办公室百叶窗拉下来" was refused (nothing to do): 拉下来 was no verb the rules read.  Worse, 拉上去 ("pull it
up": open) held 拉上 ("draw it shut": close), so 把百叶窗拉上去 closed the blinds, caught only by the direction check.
The words are rewritten to the verbs the rules and the direction check already know (放下: down / close; 升起:
up / open); 放下来, 升起来, 拉开, 拉上 are read as before, and 降下来 / 窗帘下来 stay what own_way.py decided.  Applied by
``phrases.normalize``.  Pure regular expressions; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

_DOWN = re.compile(r"拉下来|拉下(?![午班])")
_UP = re.compile(r"拉上去|拉起来|升上去|卷起来|卷上去")


def blinds_way(text: str) -> str:
    """The (normalised) ask with 拉下来 as 放下 and 拉上去 / 拉起来 as 升起; else unchanged."""
    if "拉" in text or "升上去" in text or "卷" in text:
        text = _UP.sub("升起", _DOWN.sub("放下", text))
    return text
