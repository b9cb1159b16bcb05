"""A device's stop (or start) said as what happened, then "start it again" (session 11c, found by the gate).

"the cooling pump stopped, get it going again", "conveyor b stopped, get it going", "the pump on line B stopped, start
it again", "the siren started by itself, stop it again", 冷却泵停了，再开起来 / 重新启动: the first clause is a past-tense
report that the device stopped (went off, tripped, died, cut out, shut down …) or started (came on, kicked on …); the
second undoes it.  The report's verb ("stopped") had been read as a down word, so the ask was refused as saying both
ways, and the gate called the restart "the opposite of what was asked".

:func:`restart_rewrite` reads such an ask as its report's subject (and place) with the event verb dropped, then the
command: "the cooling pump, get it going again" — the command's own words give the way.  Only for exactly two clauses,
the report first, the command second, where the command says it undoes an event ("again", "back on/up/off", "restart",
"get it going", 再, 重新, 重启) and points back at the report's device ("it", "them", 它, or a Chinese command with no
object), and the report's event is the opposite of the command's way (stopped → start again, started → stop again).
Never with a condition or a negation anywhere ("if the pump stopped, start it again" stays refused).

Session 13 (set 93, a wrong direction found blind): "Line B stopped moving product, get it moving again" stopped the
conveyor — "stopped moving product" and "get it moving" were neither read here, so the report's "stopped" was the
ask's only way, and the gate let the stop through.  Now the report may say what stopped ("stopped moving product":
the thing stays as the topic), the command may be "get it moving", 让它(重新)转起来 / 动起来; a production line said
alone ("line b stopped", 二号线停了) stands for its production (never the cooling pump the pump's "get … going"
picked); and :func:`report_event` gives the direction check (direction_check.py) the ask with the report's event
blanked, so whatever path read the ask, the report's "stopped" never gives a command's way.  Pure text; regexes
compiled at import.
"""

from __future__ import annotations

import re

# session 13 (set 93): "line b stopped moving product, get it moving again" — what it stopped doing, and the thing
_GERUND_EN = r"(?:moving|going|producing|turning|spinning|pumping|flowing|circulating)"
_ADV_EN = r"(?:(?:has|have|had|just|suddenly|randomly|again|all\s+of\s+a\s+sudden|now|already|then|unexpectedly)\s+)*"
_STOPPED_EN = (r"(?:stopped(?:\s+(?:working|running|again)|\s+" + _GERUND_EN + r"(?:\s+(?P<obj>[a-z0-9-]+(?:\s+[a-z0-9-]+)?))?)?|jammed|(?:got\s+|is\s+|'s\s+)?stuck|went\s+(?:off|down|dead|out)|tripped(?:\s+(?:out|off))?|"
               r"died|cut\s+out|cut\s+off|shut\s+(?:itself\s+)?(?:off|down)|switched\s+(?:itself\s+)?off|"
               r"turned\s+(?:itself\s+)?off|quit|conked\s+out|gave\s+out|stalled|packed\s+up|dropped\s+out)")
_STARTED_EN = (r"(?:started(?:\s+up)?|came\s+(?:back\s+)?on|kicked\s+(?:back\s+)?(?:on|in)|turned\s+(?:itself\s+)?on|"
               r"switched\s+(?:itself\s+)?on|fired\s+up|powered\s+(?:up|on)|started\s+(?:running|sounding|blaring))")
_AFTER_EN = r"(?:\s+(?:by\s+itself|on\s+its\s+own|again|for\s+no\s+reason))*"
_REPORT_EN = {
    "down": re.compile(r"^(?P<subj>[a-z0-9][a-z0-9' -]*?)\s+" + _ADV_EN + r"(?P<verb>" + _STOPPED_EN + _AFTER_EN + r")"
                       r"(?P<tail>\s+(?:on|in|at|over)\s+[a-z0-9' -]+)?$"),
    "up": re.compile(r"^(?P<subj>[a-z0-9][a-z0-9' -]*?)\s+" + _ADV_EN + r"(?P<verb>" + _STARTED_EN + _AFTER_EN + r")"
                     r"(?P<tail>\s+(?:on|in|at|over)\s+[a-z0-9' -]+)?$"),
}
# the command undoes the event: "up" undoes a stop, "down" a start
_UNDO_EN = {  # (normalize drops a trailing "again": "start it again" arrives as "start it")
    "up": re.compile(r"^(?:(?:please|pls|just|so|then|now|can\s+you|could\s+you|someone)\s+)*(?:"
                     r"(?:start|turn|switch|get|put|fire|power|bring|kick|run|restart|reboot)\s+(?:it|them)"
                     r"(?:\s+(?:back\s+(?:on|up)|back|on|up|going|running|moving|turning|producing|again))*|restart)(?:\s+(?:please|pls|again))*$"),
    "down": re.compile(r"^(?:(?:please|pls|just|so|then|now|can\s+you|could\s+you|someone)\s+)*"
                       r"(?:stop|turn|switch|shut|kill|silence|cut|mute)\s+(?:it|them)"
                       r"(?:\s+(?:back\s+(?:off|down)|back|off|down|again))*(?:\s+(?:please|pls|again))*$"),
}
_NEVER_EN = re.compile(r"(?<![a-z])(?:if|when|whenever|once|unless|until|after|before|in\s+case|should|not|never|don't|"
                       r"dont|do\s+not|no|won't|can't|cannot|didn't|doesn't|isn't|wasn't|tomorrow|later|minutes?|hours?|"
                       r"at\s+\d)(?![a-z])|n't")
_REPORT_ZH = {
    "down": re.compile(r"^(?P<subj>[^\s,，;；:：。!！?？]{1,16}?)(?:又|突然|自己|刚才|刚刚|怎么|莫名其妙)*"
                       r"(?P<verb>停了|停下来了|停掉了|停机了|跳闸了|跳了|断了|灭了|熄了|熄火了|不转了|不动了|罢工了|关了|停转了|卡住了|卡死了|不走了)"
                       r"(?:啊|呀|哦|呢)?$"),
    "up": re.compile(r"^(?P<subj>[^\s,，;；:：。!！?？]{1,16}?)(?:又|突然|自己|刚才|刚刚|怎么|莫名其妙)*"
                     r"(?P<verb>开了|响了|启动了|转起来了|亮了|动起来了|自己开了|自己响了)(?:啊|呀|哦|呢)?$"),
}
_UNDO_ZH = {
    "up": re.compile(r"^(?:那就|就|快|赶紧|麻烦|请|帮忙|帮我|给我|把它|它)*(?:再|重新|重启)"
                     r"(?:开起来|开一下|打开|启动|开启|开|转起来|跑起来|动起来)|^(?:那就|就|快|赶紧|麻烦|请|帮忙|帮我|给我|把它|它)*重启"
                     r"|^(?:那就|就|快|赶紧|麻烦|请|帮忙|帮我|给我)*(?:让|叫)(?:它|它们)(?:再|重新)?(?:转起来|动起来|跑起来|运转起来|开起来)"),
    "down": re.compile(r"^(?:那就|就|快|赶紧|麻烦|请|帮忙|帮我|给我|把它|它)*(?:再|重新)(?:关掉|关上|关了|关|停掉|停下|停了|停)"),
}
_NEVER_ZH = re.compile(r"如果|要是|假如|万一|的话|等|之后|以后|不要|别|不用|没|明天|分钟|小时")
# a production line said alone ("line b", "the line", 二号线, B线): its stop is its production's (session 13, set 93:
# "line B stopped, get it going again" had started the cooling pump alone, the pump's "get ... going")
_LINE_EN = re.compile(r"^(?:the\s+)?(?:production\s+)?line(?:\s+(?:[a-z]|[0-9]{1,2}|one|two|three|four|five))?$")
_LINE_ZH = re.compile(r"^(?:[一二三四五六七八九十0-9a-zA-Z]{1,2}号?)?(?:生产线|产线|线)$")
_CUT = re.compile(r"\s*(?:[,，;；:：。!！]|\.\s|—|--|\s-\s)\s*")


def restart_rewrite(text: str) -> str | None:
    """``text`` (normalised) with the report clause's event verb dropped where the next clause undoes that event
    ("the pump stopped, start it again" → "the pump, start it again"); None when it is no such ask."""
    parts = [p for p in _CUT.split(text or "") if p.strip(" .!?。！？")]
    if len(parts) != 2:
        return None
    report, command = parts[0].strip(), parts[1].strip().rstrip(" .!?。！？")
    zh = bool(re.search(r"[\u4e00-\u9fff]", text))
    if (_NEVER_ZH if zh else _NEVER_EN).search(text):
        return None
    for event, undo in (("down", "up"), ("up", "down")):
        m = (_REPORT_ZH if zh else _REPORT_EN)[event].match(report)
        if m is None or not (_UNDO_ZH if zh else _UNDO_EN)[undo].search(command.strip()):
            continue
        subj = m.group("subj")
        if zh:
            if event == "down" and _LINE_ZH.match(subj):  # 二号线停了: the line's production stopped
                subj = f"{subj}生产"
            return f"{subj}，{command}"
        tail = m.group("tail") or ""
        obj = (m.groupdict().get("obj") or "") if event == "down" else ""
        if event == "down" and _LINE_EN.match(subj) and not tail:  # "line b stopped (moving product)": what the line
            return f"{obj or 'production'} on {subj}, {command}"  # stopped doing is its production, never its pump's
        return f"{subj}{tail}, {command}"
    return None


# the command clause points back at the report's device: "get it moving", "start them", 让它动起来, 重新启动
_BACK_EN = re.compile(r"(?<![a-z])(?:it|them)(?![a-z])")
_BACK_ZH = re.compile(r"它|重新|再|重启")


def report_event(text: str) -> tuple[str, str] | None:
    """The direction check's view of a report beside a command that points back at its device (session 13, set 93):
    ``text`` (normalised) with the report clause's event verb blanked (positions kept; "line b stopped moving product,
    get it moving" → "line b                 product, get it moving"), and the event's way ("down" for a stop, "up" for
    a start).  What happened to the device is how it is, never the command's way: the report's "stopped" had excused
    a stop where the command said "get it moving".  None when it is no such ask (one clause, a condition or negation,
    a command that names its own device)."""
    parts = list(_CUT.finditer(text or ""))
    if len(parts) != 1:
        return None
    cut = parts[0]
    report, command = text[:cut.start()], text[cut.end():]
    if not report.strip() or not command.strip(" .!?。！？"):
        return None
    zh = bool(re.search(r"[\u4e00-\u9fff]", text))
    if (_NEVER_ZH if zh else _NEVER_EN).search(text) or not (_BACK_ZH if zh else _BACK_EN).search(command):
        return None
    lead = len(report) - len(report.lstrip())
    body = report.strip().rstrip(" .!?。！？")
    for event in ("down", "up"):
        m = (_REPORT_ZH if zh else _REPORT_EN)[event].match(body)
        if m is None:
            continue
        s, e = lead + m.start("verb"), lead + m.end("verb")
        if not zh and m.groupdict().get("obj"):  # "stopped moving product": the thing stays, the event goes
            e = lead + m.start("obj")
        return text[:s] + " " * (e - s) + text[e:], event
    return None
