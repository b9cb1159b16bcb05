"""A control-room operator's Chinese ask typed before or after a relayed message (session 12 round 2, blind set 81):
a guard's SMS, a handover log, a colleague's words, a pasted 【系统】 row, then the operator's own ask:
值班保安短信：仓库的大灯一直没开 → 把仓库泛光灯打开, 交班记录：空调整晚没关。现在把办公室空调关了, 保安：大楼没锁 → 锁上,
【系统】03:12 冷却泵流量低 先把泵停了 (a space parts a pasted row from the ask).  The head had been read as a place the
fleet lacks, the report's 没开 / 没关 / 没锁 as a negation of the ask, the row's 03:12 as a schedule.

:func:`relayed_split` gives (report, own) for forwarded.py's structural pass, which reads the own words alone (their
own negation, condition or schedule stays refused) and, where they name no device or place, puts the report's one
device or place before them (forwarded._point_back: 转发：仓库太暗了 → 开灯 is 仓库泛光灯开灯; 转发：院子里要提醒大家撤离
→ 拉响，用脉冲 is the yard siren's).  A split only where:

- the head is a source: a message or record word (短信, 微信, 消息, 记录, 日志, 交班, 交接, 通知 …) or a role (保安, 门卫,
  值班, 主管, 班长, 前台 …), maybe after a person, and names nothing of the fleet, no time, negation or condition;
  or a 【…】 row whose text has no strong separator (then the LAST space parts the row from an ask with a verb);
- the report is a report: no order of its own (把 / 将 / 请 / 帮我, or starting with a verb: 关灯。开风扇 stays as it
  was, never half done), no condition or schedule that could bound the ask (交班记录：明早8点 → 开灯 stays refused; a row's
  leading stamp is when it was logged, never a schedule);
- an ask follows after a strong separator (→, ->, 。, ！, ；) or, in a 【…】 row, the last space.

Pure text plus one catalog read of the head; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Callable

from console.core.assistant.adopted import adoption_only

_SRC = r"(?:短信|微信|消息|信息|留言|来电|电话|通知|记录|日志|交班记录|交接记录|交接班记录|交班|交接班|交接|值班记录|" \
       r"巡检记录|巡检|报告|汇报|群消息|钉钉|语音|对讲机?)"
_ROLE = r"(?:保安|门卫|值班员?|值班长|主管|班长|组长|经理|领导|老板|前台|夜班|白班|早班|中班|晚班|维修工?|电工|师傅|同事|" \
        r"巡检员|工程师|调度|总监|厂长)"
_HEAD = re.compile(r"^(?P<who>[\u4e00-\u9fffA-Za-z]{0,8}?(?:" + _SRC + r"|" + _ROLE + r"))\s*[:：]\s*(?=\S)")
_ROLES = re.compile(_SRC + r"|" + _ROLE)
# own words that take the message up rather than say a change: 按他说的设, 照着改, 改一下 (no name of their own)
_TAKES_UP = re.compile(r"^(?:就|那就|请|麻烦)?(?:按|照|依)|^[\u4e00-\u9fff]{1,2}一下[吧了]?[。！!]*$")
_ROW = re.compile(r"^【[^】]{1,12}】\s*")
_STRONG = re.compile(r"\s*(?:->|→|=>|[。！!；;])\s*")
_LEAD_STAMP = re.compile(r"^\[?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T]?)?\d{1,2}:\d{2}(?::\d{2})?\]?\s*")
# someone's order in the report: never dropped half-done
_ORDER = re.compile(r"把|将|请|帮我|给我|麻烦|^(?:先|赶紧|快)?[开关停启调设锁降升放转拉收打切熄灭]")
# a condition or schedule that could bound the ask
_BOUND = re.compile(r"如果|要是|假如|万一|除非|只要|一旦|等|之前|之后|以后|再|明天|明早|明晚|今晚|今天|待会|一会|稍后|"
                    r"马上就|\d\s*[点时分]|[一二三四五六七八九十两]+[点时](?![灯亮])|\d{1,2}:\d{2}|不要|别")
_NOT_WHO = re.compile(r"不|没|别|如果|要是|等|明天|今天|今晚|[0-9]")
# the own words of a row parted by a space: a verb of a change
_ASK = re.compile(r"[开关停启调设锁降升放转拉收打切熄灭响把将让改]")


def _defers(own: str) -> bool:
    """Own words that only take up the message (照办, 执行, 按他说的设, 改一下): adopted.py's and the reads before it."""
    return adoption_only(own) or bool(_TAKES_UP.match(own.strip()))


def _report(quote: str) -> bool:
    q = _LEAD_STAMP.sub("", quote.strip())
    return bool(q) and not _ORDER.search(q) and not _BOUND.search(q)


def relayed_split(text: str, names_fleet: Callable[[str], bool]) -> tuple[str, str] | None:
    """(report, own) of a relayed Chinese message and the ask after it (module docstring); None otherwise."""
    m = _HEAD.match(text)
    who = m.group("who") if m is not None else ""
    if m is not None and not _NOT_WHO.search(who) and not names_fleet(_ROLES.sub("", who)):  # 门卫 names no door
        body = text[m.end():]
        s = _STRONG.search(body)
        if s is None or s.start() == 0:
            return None
        quote, own = body[:s.start()], body[s.end():].strip()
        return (quote, own) if own and _report(quote) and not _defers(own) else None
    r = _ROW.match(text)
    if r is None:
        return None
    body = text[r.end():].strip()
    if _STRONG.search(body) or " " not in body:
        return None
    quote, own = body.rsplit(" ", 1)
    return (quote, own) if _ASK.search(own) and _report(quote) and not _defers(own) else None

