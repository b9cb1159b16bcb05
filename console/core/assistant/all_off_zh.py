"""全 before a "down" verb is "all of them": 灯全关 / 灯全停 / 灯全灭 = 灯全部关 (held-out 21: 大楼锁上，灯全关).

灯全关 had asked "which lamp?" (a bare kind is one device unless a quantifier says otherwise, and 全 alone was none),
though 灯都关, 所有灯关掉, 灯全部关掉 were every lamp.  全 right before 关 / 停 / 灭 / 熄 is rewritten to 全部, the
quantifier the rules read.  On one device 全关 ("fully closed") gives the same command, so nothing changes there;
完全关 / 安全关 and 全开 (assign.py's "all on" on a switch, 100 % on an opening) are left as they were.  Applied by
``phrases.normalize``.  Pure regular expression; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

_ALL_DOWN = re.compile(r"(?<![完安健齐周])全(?=关|停|灭|熄)")


def all_off(text: str) -> str:
    """The (normalised) ask with 全 + a down verb as 全部 + that verb; else unchanged."""
    return _ALL_DOWN.sub("全部", text) if "全" in text else text
