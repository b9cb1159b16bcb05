"""A report of where a device is stuck is no value (session 13, set 93, harm found blind).

"Ticket #5530 - office blinds stuck half way. Please open the office blinds fully." set the blinds to 50 %: the
report's "half way" says where they are, never where they should go, and it overrode the ask's own "fully".  The same
class: "the valve is stuck at 20%, close it fully" (20, not 0), 办公室窗帘卡在一半了，请完全打开 (50, not 100),
窗帘只开了一半，全部拉开.

A clause of its own that is a subject and where it is stuck, stopped or left ("<subject> [is|are|'s|got] [still]
stuck / jammed / frozen / caught / sitting / hanging / left [at] <amount> [open|closed|…]", "<subject> is / are open /
closed / stopped <amount>" (the copula said: "the blinds open half way" is a command), <amount> being "half way",
"halfway", "part way", "partly open", "30%", "a third of the way"; <主语>卡在/停在/卡到<一半|半路|中间|30%>了, <主语>只开了一半)
beside a command clause: the report goes and its subject stays as the command's topic ("office blinds, please open
the office blinds fully"; "…, open them fully" → "office blinds, open them fully"); a report after the command is
dropped ("open the blinds fully, they're stuck half way").  The command's own words give the value — or, where it
gives none ("blinds stuck half way, open them"), the verb's default.  Never where a condition or negation is said
("if the blinds are stuck half way, open them fully" stays as it was), never with a report alone.  Pure text;
regexes compiled at import.
"""

from __future__ import annotations

import re

_AMOUNT_EN = (r"(?:(?:about|around|roughly|like|only|just|maybe)\s+)?(?:half(?:\s*-?\s*way)?|part(?:\s*-?\s*way)?|"
              r"partly|partially|mid\s*-?\s*way|midway|in\s+the\s+middle|a\s+(?:third|quarter|bit|little)(?:\s+of\s+the\s+way)?|"
              r"\d{1,3}(?:\.\d+)?\s*(?:%|percent|per\s+cent))"
              r"(?:\s+(?:of\s+the\s+way|the\s+way|open|opened|closed|shut|down|up|raised|lowered))*")
_REPORT_EN = re.compile(
    r"^(?:(?:and|but|since|because|as)\s+)?(?P<subj>(?:(?:the|my|our|this|that|these|those)\s+)?(?:[a-z0-9'-]+\s+){0,4}?"
    r"[a-z0-9-]+|they|it)(?:\s*(?:\s(?:is|are|was|were|has\s+been|have\s+been|got|seems?|seem\s+to\s+be)|'s|'re)?\s+"
    r"(?:(?:still|now|currently|again|just|only)\s+)*(?:stuck|jammed|frozen|caught|sitting|hanging|left)"
    r"|\s*(?:\s(?:is|are|was|were)|'s|'re)\s+(?:(?:still|now|currently|again|just|only)\s+)*(?:stopped|open|opened|closed|shut))"
    r"(?:\s+(?:at|around|about|in))?\s+" + _AMOUNT_EN + r"(?:\s+(?:again|still|now))?$")
_AMOUNT_ZH = r"(?:一半|半路|半截|中间|一小半|一大半|三分之一|四分之一|\d{1,3}\s*%|百分之[一二三四五六七八九十百0-9]+)"
_REPORT_ZH = re.compile(
    r"^(?:而且|因为|但是)?(?P<subj>[^\s,，;；:：。!！?？]{1,12}?)(?:现在|还|又|一直|都)*"
    r"(?:(?:卡在|停在|卡到|停到|卡住在|只开到|只拉到)了?" + _AMOUNT_ZH + r"|(?:只|才)(?:开|拉开|打开|关|拉上|放下|升)了" + _AMOUNT_ZH + r")"
    r"(?:的位置|的地方)?(?:了|啊|呢)?(?:不动了|动不了了?)?$")
_NEVER = re.compile(r"(?<![a-z])(?:if|when|whenever|unless|until|in\s+case|not|never|don't|dont|do\s+not|no|n't)(?![a-z])"
                    r"|如果|要是|假如|万一|的话|不要|别|不用")
_CUT = re.compile(r"\s*(?:[,，;；:：。!！]|\.\s|—|--|\s-\s)\s*")
_POINTER = re.compile(r"^(?:they|it)$")


def stuck_amount_rewrite(text: str) -> str | None:
    """``text`` (normalised) with its "stuck half way" report clause gone (its subject kept as the command's topic
    where it comes first); None when the ask has no such clause beside a command."""
    if _NEVER.search(text or ""):
        return None
    pieces = [p for p in _CUT.split(text or "") if p.strip(" .!?。！？")]
    if len(pieces) < 2:
        return None
    zh = bool(re.search(r"[\u4e00-\u9fff]", text))
    report = _REPORT_ZH if zh else _REPORT_EN
    hits = [i for i, p in enumerate(pieces) if report.match(p.strip().rstrip(" .!?。！？"))]
    if len(hits) != 1:
        return None
    at = hits[0]
    rest = [p.strip() for i, p in enumerate(pieces) if i != at]
    sep = "，" if zh else ", "
    if at == 0:
        subj = report.match(pieces[0].strip().rstrip(" .!?。！？")).group("subj")
        if not _POINTER.match(subj):
            return sep.join([subj, *rest])
    return sep.join(rest)
