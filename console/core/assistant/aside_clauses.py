"""Clauses around an ask that are no part of it (session 13, blind set 85), read as the ask without them:

- the speaker's own leaving as the time of the ask: 所有的灯都关了，锁门走人前先关灯 / 下班前先把灯关了 ("before I lock up and
  leave, first …"): the 前-clause tells when the speaker goes, never a schedule, never a command for the door (it had
  been read as a lock of the lamps, or a schedule).  Only a leaving (走人, 离开, 下班, 走, 撤), with an optional 锁门 of
  the speaker's before it, and only with 先 after it; 关阀门前先停泵 (a device's change before) stays as it was;
- what locking is for, said first: "nobody gets in tonight, secure the site" (the "tonight" had been a schedule): the
  clause "nobody / no one gets in [tonight]" is dropped only before a lock or secure verb, never before unlock / open
  / let; "nobody gets in tonight" alone stays refused;
- an indefinite thing at a place: "something in the yard is blaring, shut it up" reads as "the thing in the yard …"
  (described.py's own shape), so the place picks the device; a place the fleet lacks stays refused.

Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

_LEAVING_ZH = re.compile(r"(?:[，,。；;]\s*|^)(?:锁(?:好)?门|关门)?(?:就)?(?:走人|离开|下班|走|撤)(?:之)?前(?:[，,]\s*)?(?=先)")
_NOBODY_EN = re.compile(r"^(?:nobody|no\s+one|no-one|noone)\s+(?:gets?|comes?|goes?)\s+(?:in|inside|through)"
                        r"(?:\s+(?:tonight|tonite|today|overnight|this\s+evening|after\s+hours))?\s*[,;.]\s*"
                        r"(?P<rest>.+)$", re.I)
_LOCK_EN = re.compile(r"\b(?:lock|secure)\b", re.I)
_UNLOCK_EN = re.compile(r"\b(?:unlock|open|let|unsecure|release)", re.I)
_SOMETHING = re.compile(r"(?<![a-z])(?:something|some\s+thing)\s+(?=(?:in|on|at|out\s+in|over\s+in|down\s+in)\s)",
                        re.I)


def aside_rewrite(text: str) -> str | None:
    """``text`` (normalised) without its aside clause (module docstring); None where it has none."""
    if not text:
        return None
    leaving = _LEAVING_ZH.search(text)
    if leaving is not None:
        sep = text[leaving.start():leaving.start() + 1]
        return text[:leaving.start()] + ("，" if sep in "，,。；;" and leaving.start() > 0 else "") + text[leaving.end():]
    nobody = _NOBODY_EN.match(text)
    if nobody is not None:
        rest = nobody.group("rest").strip()
        return rest if _LOCK_EN.search(rest) and not _UNLOCK_EN.search(rest) else None
    if _SOMETHING.search(text):
        return _SOMETHING.sub("the thing ", text, count=1)
    return None
