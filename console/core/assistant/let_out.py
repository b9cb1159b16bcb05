""""Let them out" is people, never a device (session 7 G): "let them out", "let the visitors out of the building",
放客人出去, 让他们出来 → the main entrance unlocked, as "let them in" does; "let the steam out" stays the valve's.

:func:`let_people_out` writes a person (a pronoun or a person noun, people.py's ``PERSON``) let out as the same
person let in ("let them in", 开门让他们进来), which the lock's own phrase reads (让工人出去, telling people to leave,
stays evacuate_zh.py's siren); a negated ask ("don't let them out", 别放他们出去) and every other text stay as they
are.  Pure text; no threads, no locks.
"""

from __future__ import annotations

import re

from console.core.assistant.people import PERSON

_LET_OUT_EN = re.compile(r"(?<![a-z])let\s+(?P<who>(?:[a-z']+\s+){0,3}?[a-z']+)\s+out(?:side)?(?![a-z])"
                         r"(?:\s+of\s+(?:the\s+)?[a-z]+)?")
_NEGATED_EN = re.compile(r"(?<![a-z])(?:don'?t|do\s+not|never|not|no\s+one|nobody|stop|keep)(?![a-z])")
_WHO_ZH = ("他们", "她们", "他", "她", "我们", "咱们", "大家", "客人", "访客", "来宾", "客户", "工人", "员工", "同事",
           "师傅", "检查员", "快递员", "司机", "外人", "人", "孩子们", "孩子", "维修工", "保安", "消防员", "清洁工")
# 放他们出去 / 放客人出来 / 让他们出来: let out; 让工人出去 / 让大家离开 is telling people to leave (evacuate_zh.py: the siren)
_LET_OUT_ZH = re.compile(r"放(?P<who>" + "|".join(sorted(_WHO_ZH, key=len, reverse=True)) + r")(?:出去|出来|离开|走)"
                         r"|让(?P<who2>" + "|".join(sorted(_WHO_ZH, key=len, reverse=True)) + r")出来")
_NEGATED_ZH = re.compile(r"别|不要|不让|不准|不许|勿|免得|防止|以免|禁止")


def let_people_out(text: str) -> str:
    """``text`` (normalized) with each person let out written as let in; the same string when none is."""
    out = text
    if not _NEGATED_EN.search(text):
        out = _LET_OUT_EN.sub(lambda m: f"let {m.group('who')} in" if PERSON.fullmatch(m.group("who")) else m.group(0),
                              out)
    if not _NEGATED_ZH.search(text):
        out = _LET_OUT_ZH.sub(lambda m: f"开门让{m.group('who') or m.group('who2')}进来", out)
    return out
