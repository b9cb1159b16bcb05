""""production line one stop and line two start": the second line is a production line too (session 12, dictation).

An operator who names the first part "production line one" (一号生产线) and the next one only "line two" (二号线) means
the same noun for both: the line's production (its conveyor).  Read alone, "line two start" is the whole of line two
(every device in that zone: the conveyor *and* the cooling pump), so "production line one stop and line two start"
had started the cooling pump too — a command nobody asked for.  The class:

- **English**: after "production line <id>", a later bare "line <id>" (a letter, a digit or a number word) that is
  not a place of something else (not after on / in / at / of / for / across / all / everything / whole / entire /
  the rest of) is written "production line <id>".
- **Chinese**: after "<id>生产线" / "<id>产线" / "生产线<id>", a later bare "<id>线" / "线<id>" (一号线, 二号线, 2号线,
  B线, 线二) that is not a place of something else (not before 上 / 里 / 的 / 所有 / 全部 / 各, not after 把…的 forms
  that name a device: 二号线传送带 is left as it is: a kind or device word after it already names the device) is
  written the same way (二号生产线).

Only where the first part said "production line": "line one stop and line two start" and "start everything on line
b" keep their zone meaning.  Pure and fleet-free: regexes compiled at import.
"""

from __future__ import annotations

import re

_ID_EN = r"(?:[a-z]|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_HEAD_EN = re.compile(r"(?<![a-z])production\s+line\s+" + _ID_EN + r"(?![a-z0-9])")
_BARE_EN = re.compile(r"(?<![a-z])(?P<pre>[a-z']+\s+)?line\s+(?P<id>" + _ID_EN + r")(?![a-z0-9])")
# a line said as a place: "everything on line two", "the rest of line b"
_DEVICE_AFTER_EN = re.compile(r"\s+(?:'s\s+)?(?:[a-z]+\s+)?(?:fan|conveyor|belt|pump|valve|lamp|light|lights|sensor|siren|lock|"
                              r"door|exhaust|climate|cooling)(?![a-z])")
_PLACE_PRE_EN = frozenset("production on in at of for across all everything whole entire over along from to".split())

_ID_ZH = r"(?:[一二三四五六七八九十两1-9]号|[A-Za-z一二三四五六七八九1-9])"
_HEAD_ZH = re.compile(_ID_ZH + r"(?:生产线|产线)|(?:生产线|产线)" + _ID_ZH)
# 二号线 / B线 / 线二, not already a production line, not a place (上/里/的/所有/全部/各) nor before a device or kind word
_BARE_ZH = re.compile(r"(?<![生产号线A-Za-z0-9一二三四五六七八九十两])(?P<a>" + _ID_ZH + r")线(?![上里的所全各整条路A-Za-z0-9]|生产)"
                      r"|(?<![生产])线(?P<b>[一二三四五六七八九1-9A-Za-z])(?![号A-Za-z0-9上里的所全各])")
_DEVICE_AFTER_ZH = re.compile(r"[\u3400-\u9fff]{0,2}?(?:传送带|输送带|皮带|风扇|排风扇|风机|泵|水泵|阀|阀门|灯|传感器|警报|门锁|锁)")


def line_head_rewrite(text: str) -> str | None:
    """The ask with a bare line after a production line written as a production line, else None."""
    t = text or ""
    if "line" in t:
        head = _HEAD_EN.search(t)
        if head is not None:
            out, pos = [], head.end()
            for m in _BARE_EN.finditer(t, head.end()):
                pre = (m.group("pre") or "").strip()
                if pre in _PLACE_PRE_EN or _DEVICE_AFTER_EN.match(t, m.end()):
                    continue  # "everything on line two", "line one fan": a place, or a device named already
                at = m.start() + len(m.group("pre") or "")
                out.append(t[pos:at] + "production ")
                pos = at
            if out:
                return t[:head.end()] + "".join(out) + t[pos:]
    if "线" in t:
        head = _HEAD_ZH.search(t)
        if head is not None:
            out, pos = [], head.end()
            for m in _BARE_ZH.finditer(t, head.end()):
                if _DEVICE_AFTER_ZH.match(t, m.end()):
                    continue  # 二号线传送带: a device named already
                ident = m.group("a") or m.group("b")
                out.append(t[pos:m.start()] + (ident + "生产线" if m.group("a") else "生产线" + ident))
                pos = m.end()
            if out:
                return t[:head.end()] + "".join(out) + t[pos:]
    return None
