"""A meeting as the reason for a Chinese ask (session 10): 麻烦把空调调到24度，客户来了要开会 / 一号线那个风扇先关掉，要开安全会.

开会 ("hold a meeting") is no "open" or "on": read word by word its 开 had switched things on (…，要开会 turned the AC on
beside its setpoint and clashed with 关掉), and 客户来了要开会 / 安全会 were read as devices the fleet lacks.  A clause
that is wholly a meeting about to be held says why the ask is made, never what to do: it is dropped.

The clause (between the ask's start or a boundary ，,；;。！! and the next or the end) is: an optional arrival remark
(客户来了 / 领导到了 / 客人要来了: a person noun or a 的-noun, then 来了 / 到了 / 要来了), an optional 我们 / 大家 and a
"going to" word (要 / 得 / 准备 / 马上要 / 在 / 正在), then 开 (个 / 一个 / 场) and a meeting (会, 会议, a listed sort of meeting:
安全会, 早会, 班前会, 碰头会 …), and a closing particle.  Only where another clause is left, and never with a negation
(别开会 / 不开会 say nothing to do and stay as they were), a time (等下 / 明天 … 开会: the screening's to judge) or
anything else in the clause.  Pure text; regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re

# who arrives: a person noun (the usual visitors and staff) or a 的-noun (送货的, 修空调的)
_WHO = (r"(?:客户|客人|领导|老板|访客|来宾|专家|审核员|审核的人|检查组|检查的人|供应商|甲方|总部的人|上面的人|大家|人|"
        r"[\u4e00-\u9fff]{1,4}?的)")
_ARRIVE = r"(?:" + _WHO + r"(?:都|已经|马上|快)?(?:来了|到了|要来了|要到了|来啦|到啦)(?:[,，]\s*)?)?"
_WE = r"(?:我们|咱们|大家|这边)?(?:都)?"
_GOING = r"(?:马上要|马上就要|就要|快要|要|得|准备|在|正在|去)?"
# the sorts of meeting: 安全会, 早会, 班前会, 周会, 碰头会, 生产会 … (a closed list: 开X会 with any X could be a device)
_SORT = (r"(?:安全|早|晨|晚|夕|例|周|月|年|班前|班后|交班|交接班|碰头|生产|质量|紧急|视频|电话|总结|协调|现场|客户|"
         r"部门|小组|全员|工作|技术|评审|项目|短|小|大|动员|培训|调度)")
_MEETING = r"开(?:个|一个|场|一场|次|一次)?(?:" + _SORT + r")?(?:会议|会)"
_CLAUSE = re.compile(r"^" + _ARRIVE + _WE + _GOING + _MEETING + r"(?:了|啦|呢|呀|啊|哦)?$")
_CUE = re.compile(r"开.{0,4}会")
_SPLIT = re.compile(r"([，,；;。！!]+\s*)")


def meeting_clause(clause: str) -> bool:
    """Is ``clause`` (normalised, no boundary) wholly a meeting about to be held (module docstring)?"""
    return bool(_CLAUSE.match(clause.strip()))


def drop_meeting(text: str) -> str:
    """``text`` (normalised) less every clause that is wholly a meeting about to be held; ``text`` itself when it has
    none, or when nothing else would be left."""
    if "会" not in text or not _CUE.search(text):
        return text
    pieces = _SPLIT.split(text)  # clause, boundary, clause, boundary, …
    clauses = pieces[0::2]
    drop = [bool(c.strip()) and meeting_clause(c) for c in clauses]
    if not any(drop) or all(d or not c.strip() for c, d in zip(clauses, drop)):
        return text
    kept = [c.strip() for c, d in zip(clauses, drop) if c.strip() and not d]
    return "，".join(kept)
