"""半速 is half the speed: "A线传送带半速运行" (session 10b, with "run conveyor A at half speed").

"半速" was no word the rules knew, so "A线传送带半速运行" started the conveyor and silently dropped the speed.  It is
written "一半速度" (half, and the speed setting it is a share of), which the rules read as 50 % of the speed range's
maximum where the range starts at 0 (assign.py: 0–120 rpm → 60) and refuse elsewhere.  Pure; no threads, no locks.
"""

from __future__ import annotations

import re

_HALF_SPEED = re.compile(r"(?<![一个])半速(?:度)?")


def half_speed(text: str) -> str:
    """``text`` (normalised) with 半速 as 一半速度; the same string otherwise."""
    return _HALF_SPEED.sub("一半速度", text) if "半速" in text else text
