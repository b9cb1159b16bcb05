"""A clause that only says who asked for the change (session 10): "一号传送带启动一下，组长让开的" was refused on
组长让开的 (read as a device or place "组长让"); "start conveyor a, the boss asked for it", "supervisor's orders",
主管说的, 经理要求的, 是班长安排的 say why (a person in charge asked), never what.

Such a clause, alone between clause boundaries at the start or the end of the ask, is dropped:
- Chinese: (是)<a role> + 让 / 叫 / 要 / 要求 / 吩咐 / 交代 / 安排 / 说 / 同意 / 批准 / 下令 / 指示 + up to four more
  characters + 的 (组长让开的, 主管说的, 经理要求的, 是班长叫关的), or <a role>的(命令|要求|意思|安排|指示);
- English: "(the|my|our) <role> asked for it / asked me to / wants it / said so / told us to / 's orders / 's request",
  "orders from the <role>", "per the <role>('s orders)", "<role> says so", "on the <role>'s orders".
Roles: 组长 班长 主管 经理 老板 领导 厂长 (车间)主任 师傅 线长 调度 值班长 队长 上面 上级; boss, supervisor, manager,
foreman, (team / shift / line) lead(er), shift supervisor, plant manager, management, chief.

Never a change of direction: when the dropped clause says a way itself (组长让开的 says 开), that way must be one the
rest of the ask says; "一号传送带停一下，组长让开的" (stop, but the lead asked to start) keeps the clause and stays refused.
A clause that also names a device or a value is no such clause (the role words must fill it).  Pure text; regexes
compiled at import.
"""

from __future__ import annotations

import re

from console.core.assistant.direction import direction_of

_ROLE_ZH = r"(?:组长|班长|主管|经理|老板|领导|厂长|车间主任|主任|师傅|工头|线长|调度|值班长|队长|上面|上级|头儿)"
_ASK_ZH = r"(?:让|叫|要求|要|吩咐|交代|交待|安排|说|同意|批准|下令|指示|通知)"
_WHO_ZH = re.compile(r"^(?:这)?(?:是)?(?:我们|咱们)?" + _ROLE_ZH + r"(?:" + _ASK_ZH + r"(?P<what>(?:开起来|打开|开|启动|开启|关掉|关上|关闭|关|停掉|停下|停|调|锁|弄|搞|这么做|这样做|这么干|这么弄)?)的|的(?:命令|要求|意思|安排|指示))"
                     r"(?:[啊呀嘛吧]|了)?[。！!~]*$")
_ROLE_EN = (r"(?:boss|bosses|supervisor|manager|foreman|forewoman|(?:team|shift|line)\s+(?:lead|leader|supervisor|manager)|"
            r"plant\s+manager|management|chief|gaffer|lead)")
_THE = r"(?:(?:the|my|our)\s+)?"
_WHO_EN = re.compile(
    r"^(?:"
    + _THE + _ROLE_EN + r"(?:'s)?\s+(?:asked\s+for\s+(?:it|this|that)|asked\s+(?:me|us)\s+to|asked|wants\s+(?:it|this|that)"
    r"(?:\s+(?:done|now))?|said\s+so|says\s+so|told\s+(?:me|us)\s+to|told\s+(?:me|us)|orders?|request|instructions?|call)"
    r"|orders?\s+from\s+" + _THE + _ROLE_EN + r"|(?:per|on)\s+" + _THE + _ROLE_EN + r"(?:'s\s+(?:orders?|request|instructions?))?"
    r")\s*[.!]*$")
_CUT = re.compile(r"[,;:!?。，；：！？]|\s[-—–]+\s|[—–]")
_ANY = re.compile(_ROLE_ZH + "|" + r"(?<![a-z])" + _ROLE_EN + r"(?![a-z])")


def _who(clause: str) -> re.Match | None:
    c = clause.strip()
    return _WHO_ZH.match(c) or _WHO_EN.match(c)


def drop_who_asked(text: str) -> str:
    """``text`` (normalised) without a leading or trailing clause that only says who asked; the same string when it
    has none, when nothing else is left, or when the clause's own way (组长让开的) is not a way the rest says."""
    if not _ANY.search(text):
        return text
    cuts = list(_CUT.finditer(text))
    if not cuts:
        return text
    out = text
    last = cuts[-1]
    tail = text[last.end():]
    if tail.strip(" .!。！") == "" and len(cuts) > 1:  # "…, the boss asked for it." ends with its full stop
        last = cuts[-2]
        tail = text[last.end():]
    if _who(tail) and _same_way(tail, text[:last.start()]):
        out = text[:last.start()].rstrip(" ,，")
    first = _CUT.search(out)
    if first is not None:
        head = out[:first.start()]
        if _who(head) and _same_way(head, out[first.end():]):
            out = out[first.end():].lstrip(" ,，")
    return out if out.strip(" ,.;:!?。，；：！？") else text


_UP_ZH = re.compile(r"^(?:开起来|打开|开|启动|开启)$")
_DOWN_ZH = re.compile(r"^(?:关掉|关上|关闭|关|停掉|停下|停)$")


def _same_way(said: str, rest: str) -> bool:
    """The clause says no way, or only ways the rest of the ask says too (and the rest says something)."""
    if not rest.strip():
        return False
    ways = direction_of(said)
    m = _WHO_ZH.match(said.strip())
    what = (m.group("what") or "") if m is not None else ""
    if _UP_ZH.match(what):  # 组长让开的: 开 alone is the way asked
        ways = ways | {"up"}
    if _DOWN_ZH.match(what):
        ways = ways | {"down"}
    return not ways or ways <= direction_of(rest)
