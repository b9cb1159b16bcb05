"""Numbers and times inside a report or a past event beside the ask are never values or schedules (session 11b).

Blind sets 69 and 71: a colleague's words or a past event said before or AFTER the ask, on the same line, carried a
number or a time that the ask then read as its own: 两条传送带都停掉，质检群里说批次2291有问题 ("what does 2291
refer to?"), A线传送带开到最大，计划员说落后了400件, 保安说人都走了 22:05，把大楼锁好 (a schedule), 群里说办公室热死了
30.1℃，办公室温度设成21 (out of range), 值班群里说A线停了半小时，… (a duration), 演习结束了 11:47，院子安静一下 (a
schedule), "the jam this morning got cleared, but stop conveyor B", "after last week's break-in, secure the
entrance", 之前有人说闷，… (a schedule or a condition).

:func:`mask_reported` blanks, in such a clause only, the number, the clock time or the time word:
- a reported clause: a source and a saying verb (保安说, 质检群里说, 有人说, 计划员说, 群里反映, 值班群：…; "the
  planner says …", "QA said …"), from the verb to the clause's end (，。；! or the end);
- a past event with its clock time right after 了 (演习结束了 11:47) at the clause's end;
- an English past-tense clause (got / was / were / had / …ed) with its time word ("this morning", "last night",
  "yesterday", "earlier"), and "after <last week's|yesterday's|last night's> <event>," opening the ask (a reason);
- 之前 / 刚才 / 早上 right before a reported clause (之前有人说闷: when it was said, not when to act).
Never where the clause sets something (把, 到, 调, 设, "to", "set", …: 经理说把阀门开到50% keeps its number and its
reading), and only where the rest of the ask is left (the ask is then read as usual: a negation, condition or schedule
in the ask's own words stays refused).  Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

_CJK_NUM = "零〇一二两三四五六七八九十百几半"
# a reported clause (Chinese): a short source, a saying verb, then the words to the clause's end
_SAID_ZH = re.compile(r"(?:^|(?<=[，,。；;！!？?\s]))(?P<lead>之前|刚才|刚刚|早上|上午|下午|早些时候)?"
                      r"(?P<src>[^，,。；;！!？?：:\s]{0,10}?)(?:说|讲|反映|反馈|称)(?:[：:]|道)?"
                      r"(?P<body>[^，,。；;！!？?]*)")
_GROUP_ZH = re.compile(r"(?:^|(?<=[，,。；;！!？?\s]))(?P<lead>)(?P<src>[^，,。；;！!？?：:\s]{1,8}群)[：:]"
                       r"(?P<body>[^，,。；;！!？?]*)")
# a past event with its clock time at the clause's end: 演习结束了 11:47
_EVENT_TIME_ZH = re.compile(r"(?<=了)\s*\d{1,2}[:：]\d{2}(?=\s*(?:[，,。；;！!]|$))")
# what a reported clause may carry: a reading, an id, a count, a clock time, a span of time
_NUMBER_ZH = re.compile(r"\d{1,2}[:：]\d{2}|\d+(?:\.\d+)?\s*(?:℃|°c|°|度|%|％|件|个|台|箱|批|次|分钟|小时|点钟|点)?"
                        r"|[半" + _CJK_NUM + r"]+个?(?:小时|分钟|钟头)")
# the clause sets something: its number is the ask's (经理说把阀门开到50%)
_SETS_ZH = re.compile(r"把|将|到|调|设|改成|开成|为|至|降|升|提")

_SAID_EN = re.compile(r"(?:^|(?<=[,;.!?]\s)|(?<=[,;.!?])|(?<=\s[-—–]\s))(?P<src>(?:[a-z'-]+\s+){0,3}?)"
                      r"(?:says|said|reports|reported|reckons|mentioned|told\s+me|tells\s+me)(?:\s+that)?\s+"
                      r"(?P<body>[^,;.!?]*)")
_NUMBER_EN = re.compile(r"(?<![a-z\d])\d{1,2}:\d{2}(?:\s*(?:am|pm))?|(?<![a-z\d])\d+(?:\.\d+)?\s*(?:%|°c|°|degrees?|units?|"
                        r"pcs|pieces|parts|boxes|cartons|mins?|minutes?|hours?|hrs?)?(?![a-z\d])")
_SETS_EN = re.compile(r"(?<![a-z])(?:to|at|set|put|make|turn|switch|open|close|run|speed\s+up|slow\s+down)(?![a-z])")
# a past-tense clause with its own time word: "the jam this morning got cleared", "the pump tripped last night"
_PAST_TIME_EN = r"(?:this\s+morning|last\s+night|yesterday(?:\s+(?:morning|afternoon|evening))?|earlier(?:\s+today)?|" \
                r"last\s+week|this\s+afternoon)"
_PAST_VERB_EN = re.compile(r"(?<![a-z])(?:got|was|were|had|has\s+been|have\s+been|did|went|came|broke|blew|[a-z]{3,}ed)"
                           r"(?![a-z])")
_CLAUSE_EN = re.compile(r"[^,;.!?]+")
_TIME_EN = re.compile(r"(?<![a-z])" + _PAST_TIME_EN + r"(?![a-z])")
# "after last week's break-in, …", "after yesterday's power cut, …": a past event opening the ask is its reason
_AFTER_PAST_EN = re.compile(r"^\s*after\s+(?:(?:last\s+(?:week|night|month)|yesterday|this\s+morning|earlier)'s|"
                            r"the\s+[a-z' -]{2,30}?\s+" + _PAST_TIME_EN + r")\s+[a-z' -]{0,30}?,\s*(?=\S)")


def _blank_numbers_zh(body: str) -> str:
    return _NUMBER_ZH.sub(" ", body)


def mask_reported(text: str) -> str:
    """``text`` (normalised) with the numbers, clock times and time words of its reports blanked (module doc); the
    same string when it has none."""
    if not text:
        return text
    out = text
    if re.search(r"[\u4e00-\u9fff]", out):
        out = _mask_zh(out)
    else:
        out = _mask_en(out)
    return re.sub(r"\s{2,}", " ", out).strip() if out != text else text


def _mask_zh(text: str) -> str:
    out = text
    for rx in (_SAID_ZH, _GROUP_ZH):
        pieces, pos = [], 0
        for m in rx.finditer(out):
            body = m.group("body")
            rest = out[:m.start()] + out[m.end():]
            if not re.search(r"[\u4e00-\u9fffa-z]", rest):
                continue  # nothing is left beside the report: it is read as said
            if _SETS_ZH.search(body) or not (_NUMBER_ZH.search(body) or m.group("lead")):
                continue
            new = _blank_numbers_zh(body)
            pieces.append(out[pos:m.start()] + m.group("src") + out[m.end("src"):m.start("body")] + new)
            pos = m.end()
        if pieces:
            out = "".join(pieces) + out[pos:]
    if "了" in out and _EVENT_TIME_ZH.search(out):
        out = _EVENT_TIME_ZH.sub(" ", out)
    return out


def _mask_en(text: str) -> str:
    out = text
    m = _AFTER_PAST_EN.match(out)
    if m is not None:
        out = out[m.end():]  # the past event is why: the ask after it is read alone
    if any(w in out for w in (" says", " said", " reports", " reported", " reckons", " mentioned", " told me",
                              " tells me")) or out.startswith(("says", "said")):
        pieces, pos = [], 0
        for s in _SAID_EN.finditer(out):
            body = s.group("body")
            if _SETS_EN.search(body) or not _NUMBER_EN.search(body):
                continue
            pieces.append(out[pos:s.start("body")] + _NUMBER_EN.sub(" ", body))
            pos = s.end()
        if pieces:
            out = "".join(pieces) + out[pos:]
    if _TIME_EN.search(out):
        parts = []
        for c in _CLAUSE_EN.finditer(out):
            clause = c.group(0)
            if _TIME_EN.search(clause) and _PAST_VERB_EN.search(_TIME_EN.sub(" ", clause)) \
                    and not _SETS_EN.search(clause) and len(_CLAUSE_EN.findall(out)) > 1:
                parts.append((c.start(), c.end(), _TIME_EN.sub(" ", clause)))
        for start, end, new in reversed(parts):
            out = out[:start] + new + out[end:]
    return out


# --- session 11c: pasted Chinese alarm rows, log lines, tickets and readings beside the ask (blind set 74) ---------
# A code is an id, never a value: ALM-700, QH-3310, LO-118, PC-08, NB-7 (letters, a dash, digits), 故障码 E07, 第7项.
_CODE_ZH = re.compile(r"(?<![a-z\d_-])[a-z]{1,5}-\d{1,5}(?![\d.%℃°a-z-])|(?<=故障码)\s*[a-z]?\d{1,4}(?![\d.])"
                      r"|第\d{1,3}项")
# a clause that is a pasted row or reading: a code, a record's head, a display's reading, key=value
_RECORD_HEAD_ZH = re.compile(r"(?<![a-z\d_-])[a-z]{1,5}-\d{1,5}(?![\d.%℃°a-z-])|报警记录|告警记录|门禁记录|日志|读数|显示|"
                             r"检查表|[a-z_]{2,20}=\d")
# a past event with a clock time in its clause: 演练结束 14:30
_EVENT_DONE_ZH = re.compile(r"(?:结束|完毕|解除|离开|处理)[^，,。；;|｜]*\d{1,2}[:：]\d{2}|"
                            r"\d{1,2}[:：]\d{2}[^，,。；;|｜]*(?:结束|完毕|解除|离开|处理)")
# a clause that asks for something itself keeps its words (急停 / 跳闸 are what a row reports, not asks)
_ACTS_ZH = re.compile(r"[开关停启调设锁降升放动转亮灭加减把将打拉收]|不要|别")
# a clause that says when (演练结束后, 明天 08:00 结束, 等…再): a schedule or condition, never a pasted row
_WHEN_ZH = re.compile(r"(?<!最)后|前|等|再|如果|要是|时候|届时|明[天早晚]|今[天晚]|待会|一会|稍后|点钟|上午|下午|晚上|早上")
_REPORTED_ACTS_ZH = re.compile(r"急停|跳闸|离开|打卡|开着|关着")
_CLAUSE_SPLIT_ZH = re.compile(r"[，,。；;|｜]")


def mask_codes_zh(text: str) -> str:
    """Chinese ``text`` (normalised) with its codes (ALM-700, QH-3310, 故障码 E07, 第7项) blanked; the same string when it
    has none or is not Chinese."""
    if not text or not re.search(r"[\u4e00-\u9fff]", text) or not _CODE_ZH.search(text):
        return text
    return re.sub(r"\s{2,}", " ", _CODE_ZH.sub(" ", text)).strip()


def drop_records_zh(text: str) -> str:
    """Chinese ``text`` (normalised) without its pasted rows: a clause (between ，。；|) with a code, a record's head
    (报警记录, 日志, 读数, 显示, key=value) or a finished event with its clock time (演练结束 14:30) and no ask word
    of its own (开, 关, 停, 把, …; 急停, 跳闸 and 离开 are reported) nor a when (后, 明天, 等…: a schedule stays).  The same string when none, or when no clause
    would be left (the rest is then read as usual: an ask it leaves unclear stays refused)."""
    if not text or not re.search(r"[\u4e00-\u9fff]", text):
        return text
    clauses = [c.strip() for c in _CLAUSE_SPLIT_ZH.split(text) if c.strip()]
    if len(clauses) < 2:
        return text
    kept, dropped = [], False
    for c in clauses:
        bare = _REPORTED_ACTS_ZH.sub("", c)
        if (_RECORD_HEAD_ZH.search(c) or _EVENT_DONE_ZH.search(c)) and not _ACTS_ZH.search(bare) \
                and not _WHEN_ZH.search(c):
            dropped = True
            continue
        kept.append(c)
    if not dropped or not any(re.search(r"[\u4e00-\u9fff]", c) for c in kept):
        return text
    return "，".join(kept)
