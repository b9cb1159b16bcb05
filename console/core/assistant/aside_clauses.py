"""Clauses around an ask that are no part of it (session 13, blind set 85), read as the ask without them:

- the speaker's own leaving as the time of the ask: 所有的灯都关了，锁门走人前先关灯 / 下班前先把灯关了 ("before I lock up and
  leave, first …"): the 前-clause tells when the speaker goes, never a schedule, never a command for the door (it had
  been read as a lock of the lamps, or a schedule).  Only a leaving (走人, 离开, 下班, 走, 撤), with an optional 锁门 of
  the speaker's before it, and only with 先 after it; 关阀门前先停泵 (a device's change before) stays as it was;
- what locking is for, said first: "nobody gets in tonight, secure the site" (the "tonight" had been a schedule): the
  clause "nobody / no one gets in [tonight]" is dropped only before a lock or secure verb, never before unlock / open
  / let; "nobody gets in tonight" alone stays refused;
- an indefinite thing at a place: "something in the yard is blaring, shut it up" reads as "the thing in the yard …"
  (described.py's own shape), so the place picks the device; a place the fleet lacks stays refused;
- an indefinite thing as a report beside the ask (session 14, set 97): 两条输送带都先停下来，有东西卡住了 ("something is
  stuck") had stopped every device of the plant (东西 is the fleet's generic noun, "every device" in
  把那里的东西都关掉) and A线停一下，有东西掉进去了 the line's fan too.  A clause of its own that says something (有东西 /
  有个东西 / 什么东西 / 里面有东西) is stuck, fell in, jams, leaks … is why, and is dropped where another clause is left;
  the rest is read again from the top.  The clause alone stays as it was (nothing to do).

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


_THING_ZH = r"(?:有(?:个|一个|些|一些|点|什么)?|什么|啥)东西"
_THING_CLAUSE_ZH = re.compile(r"^(?:好像|感觉|可能|应该|估计|似乎|又|还)?(?:(?:里面|里边|里头|上面|下面|底下|中间|入口|出口)"
                              r"(?:好像|又)?)?" + _THING_ZH +
                              r"(?:(?:好像|又|都)?(?:卡|掉进|掉在|掉下|掉了|堵|缠|夹|塞|漏|烧|冒|挡|顶|压|落|进去|在里面|在里边|在上面)"
                              r"[^，,。；;！!？?]*|(?:了|啊|呀)?)$"
                              r"|^(?:好像|感觉|可能)?东西(?:好像|又|都)?(?:卡|掉进|掉在|掉下|掉了|堵|缠|夹|塞|漏|挡|压|落)[^，,。；;！!？?]*$")
_CLAUSE_SEP = re.compile(r"[，,。；;！!]")


def _thing_report_dropped(text: str) -> str | None:
    """``text`` without its clause(s) that only report an indefinite thing stuck or fallen in; None where none."""
    if "东西" not in text:
        return None
    parts = [p.strip() for p in _CLAUSE_SEP.split(text)]
    kept = [p for p in parts if p and not _THING_CLAUSE_ZH.match(p)]
    if not kept or len(kept) == len([p for p in parts if p]):
        return None
    return "，".join(kept)


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
    return _thing_report_dropped(text)
