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
Never with a condition or a negation anywhere ("if the pump stopped, start it again" stays refused).  Pure text;
regexes compiled at import.
"""

from __future__ import annotations

import re

_ADV_EN = r"(?:(?:has|have|had|just|suddenly|randomly|again|all\s+of\s+a\s+sudden|now|already|then|unexpectedly)\s+)*"
_STOPPED_EN = (r"(?:stopped(?:\s+(?:working|running|again))?|went\s+(?:off|down|dead|out)|tripped(?:\s+(?:out|off))?|"
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
                     r"(?:\s+(?:back\s+(?:on|up)|back|on|up|going|running|again))*|restart)(?:\s+(?:please|pls|again))*$"),
    "down": re.compile(r"^(?:(?:please|pls|just|so|then|now|can\s+you|could\s+you|someone)\s+)*"
                       r"(?:stop|turn|switch|shut|kill|silence|cut|mute)\s+(?:it|them)"
                       r"(?:\s+(?:back\s+(?:off|down)|back|off|down|again))*(?:\s+(?:please|pls|again))*$"),
}
_NEVER_EN = re.compile(r"(?<![a-z])(?:if|when|whenever|once|unless|until|after|before|in\s+case|should|not|never|don't|"
                       r"dont|do\s+not|no|won't|can't|cannot|didn't|doesn't|isn't|wasn't|tomorrow|later|minutes?|hours?|"
                       r"at\s+\d)(?![a-z])|n't")
_REPORT_ZH = {
    "down": re.compile(r"^(?P<subj>[^\s,，;；:：。!！?？]{1,16}?)(?:又|突然|自己|刚才|刚刚|怎么|莫名其妙)*"
                       r"(?P<verb>停了|停下来了|停掉了|停机了|跳闸了|跳了|断了|灭了|熄了|熄火了|不转了|不动了|罢工了|关了|停转了)"
                       r"(?:啊|呀|哦|呢)?$"),
    "up": re.compile(r"^(?P<subj>[^\s,，;；:：。!！?？]{1,16}?)(?:又|突然|自己|刚才|刚刚|怎么|莫名其妙)*"
                     r"(?P<verb>开了|响了|启动了|转起来了|亮了|动起来了|自己开了|自己响了)(?:啊|呀|哦|呢)?$"),
}
_UNDO_ZH = {
    "up": re.compile(r"^(?:那就|就|快|赶紧|麻烦|请|帮忙|帮我|给我|把它|它)*(?:再|重新|重启)"
                     r"(?:开起来|开一下|打开|启动|开启|开|转起来|跑起来|动起来)|^(?:那就|就|快|赶紧|麻烦|请|帮忙|帮我|给我|把它|它)*重启"),
    "down": re.compile(r"^(?:那就|就|快|赶紧|麻烦|请|帮忙|帮我|给我|把它|它)*(?:再|重新)(?:关掉|关上|关了|关|停掉|停下|停了|停)"),
}
_NEVER_ZH = re.compile(r"如果|要是|假如|万一|的话|等|之后|以后|不要|别|不用|没|明天|分钟|小时")
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
        if zh:
            return f"{m.group('subj')}，{command}"
        tail = m.group("tail") or ""
        return f"{m.group('subj')}{tail}, {command}"
    return None
