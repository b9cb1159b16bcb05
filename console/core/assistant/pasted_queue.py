"""A supervisor's queue item: a pasted message (chat, e-mail, radio / intercom log, alarm line) on its own line(s),
then the operator's own line (session 13, blind set 85), both languages, read by STRUCTURE before normalising.

Shapes forwarded.py did not split (its heads are system sources and e-mail headers): a message head with a channel
and a sender, in either order (转老王微信：, Teams 小李：, 小张 WhatsApp：, 钉钉群 老刘：, 保安对讲记录：, "Teams - Priya:",
"Radio:"), an alarm line with a clock time (报警 14:32 …), an e-mail head before a colon of its own (邮件 Re: …); then
only pasted-looking lines (a clock time, a "> " quote, a bullet); then the operator's LAST line, its leading marker
dropped (——, ^, <-).  That line is read as if said alone (the message's numbers, clock times and state words are never
the ask's), after its assent / adoption words are dropped (对，照做，…; 同意，按他说的…; "see above, handle. …";
"ok go ahead, …").  Where nothing is left but adoption ("上面那条照办", "^ yes do that"), the message of a ONE-line
paste is the ask, read again from the top, so its negation, condition, schedule or unknown place still refuses
("转发：如果…就…\\n——照做", "保安对讲：…不要拉警报。\\n收到，就按这个").  Assent alone ("ok", 收到) adopts nothing.

Also a numbered list under a head that picks items ("ignore the first one, just the second:\\n1) …\\n2) …",
第一条不用管，第二条照办：\\n1. …\\n2. …): the picked items, only where the head names every item as picked or left
("just / only" / 只 leaves the items it does not name; without it, an item the head does not name refuses the ask,
never done; an item named both ways leaves the ask as it was).

Where the own words point back at the message ("handle it") forwarded.py's point-back applies; "let them in" points at
people, not a device.  Pure text; regexes compiled at import; a few microseconds an ask.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.adopted import adoption_only

_ZH = re.compile(r"[\u4e00-\u9fff]")
_CHANNEL = (r"(?:企业微信|微信群?|钉钉群?|whatsapp|teams|slack|wechat|telegram|signal|短信|邮件|对讲(?:机)?(?:记录)?|"
            r"记录|群聊|群|工单|留言|语音|电话|radio|sms|text|email|e-mail|chat|dm|msg|message|voicemail)")
# a message head: [转][who] channel [who]：/: (who: letters, no digits, short)
_WHO = r"[^\W\d_][^\W\d]{0,7}"
_HEAD = re.compile(r"^(?:转发?\s*)?(?:" + _WHO + r"\s*)?" + _CHANNEL + r"(?:\s*[-–—]?\s*(?:from\s+)?" + _WHO +
                   r")?\s*[：:]\s*(?P<body>.*)$", re.I)
# an alarm / system line with a clock time: 报警 14:32 …, "BMS ALM 03:12 …"
_ALARM = re.compile(r"^(?:报警|告警|警报记录|alarm|alm|bms|scada|hmi)\b[^\n]*?\d{1,2}:\d{2}", re.I)
# an e-mail head in Chinese: 邮件 Re: …, 邮件：…
_MAIL = re.compile(r"^(?:邮件|电邮)\s*(?:(?:re|fw|fwd)\s*[:：]|[:：])", re.I)
# a pasted-looking line under the head: a clock time, a "> " quote, a bullet
_PASTED = re.compile(r"^(?:>|\d{1,2}:\d{2}|[-*•·]\s)")
_LEAD = re.compile(r"^[\s\-–—^<>→=~]+")
# assent / adoption words before the own ask (up to a separator, or 按他说的 right before 把)
_ASSENT = (r"(?:对|对的|好|好的|行|可以|嗯|收到|知道了|同意|没问题|ok|okay|yes|yep|yeah|sure|agreed|fine|right|noted|"
           r"roger|copy|copy that)")
_ADOPT_WORD = (r"(?:照做|照办|照着办|执行|处理一下|处理|按(?:他|她|他们|上面|这个)?说的(?:办|做)?|"
               r"see\s+above|as\s+above|handle|go\s+ahead|do\s+that|do\s+it|please\s+action|action\s+it)")
_PREFIX = re.compile(r"^(?:(?:" + _ASSENT + r"|" + _ADOPT_WORD + r")\s*(?:[,，.。!！;；]\s*|\s+|(?=把|将)|$))+", re.I)
_UP = re.compile(r"^(?:上面(?:那|这)?(?:条|个|的)?|上一条|那条|这条)\s*")
_ASSENT_ONLY = re.compile(r"^(?:" + _ASSENT + r"[\s,，.。!！]*)+$", re.I)
_LET_PEOPLE = re.compile(r"^let\s+(?:them|him|her)\s+(?:in|through)\b", re.I)

# --- a numbered list picked from by its head ------------------------------------------------------------------
_ITEM = re.compile(r"^(?:(?P<n>\d)\s*[.)、．）]|\((?P<p>\d)\))\s*(?P<text>\S.*)$")
_ORD = {"first": 1, "1st": 1, "one": 1, "second": 2, "2nd": 2, "two": 2, "third": 3, "3rd": 3, "three": 3,
        "一": 1, "1": 1, "二": 2, "2": 2, "两": 2, "三": 3, "3": 3}
_ORD_EN = r"(?:the\s+)?(?:#|no\.?\s*|number\s+|item\s+)?(?P<oe>first|1st|second|2nd|third|3rd|one|two|three|[123])(?:\s+(?:one|item|line))?"
_ORD_ZH = r"第(?P<oz>[一二三123])(?:条|个|项|点)"
_SKIP = re.compile(r"^(?:(?:ignore|skip|forget|drop|leave(?:\s+out)?|never\s*mind)\s+" + _ORD_EN + r"|" + _ORD_ZH +
                   r"(?:不用管|别管|不用做|不要做|不做|跳过|忽略|算了|不用理|不管))$", re.I)
_PICK = re.compile(r"^(?:(?P<only>just|only)\s+(?:do\s+)?|do\s+(?:(?P<only2>just|only)\s+)?)?" + _ORD_EN + r"$|" +
                   r"^(?P<only3>只|只要|就|只有)?" + _ORD_ZH + r"(?:照办|照做|执行|要做|做|办)(?:一下)?$|" +
                   r"^(?P<only4>只|只要|就)(?:做|办|执行|要|照办)" + _ORD_ZH.replace("oz", "oz2") + r"(?:就行|就好)?$", re.I)
_CLAUSES = re.compile(r"\s*[,，;；]\s*")


def _picked(lines: list[str]) -> str | None:
    """The items a list's head picks (module docstring); None where it is no such list or does not name each item."""
    head = lines[0].rstrip(" :：")
    items = [_ITEM.match(ln) for ln in lines[1:]]
    if len(items) < 2 or any(m is None for m in items):
        return None
    numbers = [int(m.group("n") or m.group("p")) for m in items]  # type: ignore[union-attr]
    if numbers != list(range(1, len(items) + 1)):
        return None
    picked: set[int] = set()
    skipped: set[int] = set()
    only = False
    for clause in _CLAUSES.split(head.strip()):
        skip, pick = _SKIP.match(clause), _PICK.match(clause)
        m = skip or pick
        if m is None:
            return None
        (skipped if skip else picked).add(_ORD[(m.group("oe") or m.group("oz") or (pick.group("oz2") if pick else None)).lower()])
        only = only or bool(pick and (pick.group("only") or pick.group("only2") or pick.group("only3") or pick.group("only4")))
    if not picked or picked & skipped or not (picked | skipped) <= set(numbers):
        return None
    if picked | skipped != set(numbers) and not only:
        return ""  # "第二条照办：1. … 2. …": the first item neither picked nor left: refused, never both done
    zh = bool(_ZH.search("".join(lines)))
    return ("，" if zh else ", ").join(
        m.group("text").strip().rstrip("。.;；") for n, m in zip(numbers, items) if n in picked)  # type: ignore[union-attr]


def _head_body(line: str) -> str | None:
    """The message of a head line ("" where the head has no text after it); None where the line is no head."""
    if _MAIL.match(line) or _ALARM.match(line):
        return ""
    m = _HEAD.match(line)
    return m.group("body").strip() if m is not None else None


def queue_ask(asst: Any, utterance: str, point_back: Any = None) -> str | None:
    """The words to read for a pasted message and the operator's own line (module docstring); None otherwise."""
    text = (utterance or "").strip()
    if "\n" not in text:
        return None
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2:
        return None
    picked = _picked(lines)
    if picked is not None:
        return picked
    body = _head_body(lines[0])
    if body is None or not all(_PASTED.match(ln) for ln in lines[1:-1]):
        return None
    own = _LEAD.sub("", lines[-1]).strip()
    if not own:
        return None
    rest = _UP.sub("", own) if _UP.match(own) else own
    rest = _PREFIX.sub("", rest).strip(" ,，.。")
    if not rest or adoption_only(rest) or rest in ("就按这个", "按这个"):
        if _ASSENT_ONLY.match(own) or len(lines) != 2 or not body:
            return None  # assent alone, or a log of several lines: nothing adopted
        return body
    if _LET_PEOPLE.match(rest):
        return rest
    if point_back is not None:
        message = " ".join([body] + [_LEAD.sub("", ln) for ln in lines[1:-1]]).strip()
        return point_back(asst, message, rest) if message else rest
    return rest
