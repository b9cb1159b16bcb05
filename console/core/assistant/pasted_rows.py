"""More shapes of a pasted row or someone else's words before the operator's own ask (session 12, blind set 77), for
the structural pass of forwarded.py (the operator's own words are read alone; what is only pasted is never a command):

- an alarm / log row with a time stamp first: "14:02:11 ALM PUMP-C LOW FLOW -- cooling water pump flow to 40 L/min",
  报警 14:22:07 FUME HIGH LINE-A。一号线排烟, 日志 19:40:03 OFFICE TEMP 15.2C。办公室暖和一点，制热26度 (the stamp is no
  schedule, PUMP-C no device, 29.4C / 15.2C no value): the row is a stamp and a system text in capitals, with no order
  typed in capitals and no word that bounds or conditions (forwarded._system_text's own tests);
- a one-word head of what was pasted ("pasted:", "copied:", "log:") as a line of its own;
- someone's words in quotes under a name or a team, the ask after them: "Greg on slack: '…'. switch it off",
  "Security: '…'. lock the main entrance now", "Tony: '…'. fine, set the AC to fan mode", "pasted: '…'. bump the fan
  to medium" (the head names no device or place of the fleet, holds no number; without an ask after the quote the ask
  is read as before);
- a colleague's report or question in Chinese, then the ask: 小陈发消息说顶灯太亮了，把顶灯调到40, 新来的实习生问我怎么让
  一号线动起来，你先帮他把一号线转起来 (a report only where it has no command word of its own; a question only where it
  asks how / whether: 怎么, 如何, 能不能, 吗, 什么).

And the operator's own words, once a quote or header was split off (:func:`own_tidy`), lose what only answers the
message: an assent first ("ok fine,", "ok whatever,", "fine,"), a short remark sentence with no fleet word, verb,
number or negation ("neighbours again."), and a closing "pls fix" / "fix it" after a complaint that says itself what
is wrong ("it's pitch black in the warehouse right now, pls fix").  Nothing else is dropped; a negation, condition or
schedule in the own words stays and is refused as usual.

The own words are then read alone as usual (日志 …。办公室暖和一点，制热26度: mode_targets_zh.py).  Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

_STAMP = r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T]?)?\d{1,2}:\d{2}(?::\d{2})?"
# "14:02:11 ALM PUMP-C LOW FLOW -- …": a stamp, then a system text in capitals, then a strong separator
STAMP_ROW = re.compile(r"^\[?" + _STAMP + r"\]?\s+(?=[A-Z\[])")
# 报警 14:22:07 FUME HIGH LINE-A。…: a Chinese record head, a stamp, a system text in Latin capitals, then 。 and the ask
_ROW_ZH = re.compile(r"^(?:报警|告警|警报|日志|记录|事件|系统日志|报警记录|告警记录)\s*[:：]?\s*(?P<stamp>" + _STAMP + r")\s+"
                     r"(?P<row>[A-Z][A-Z0-9 .:_/%=+#°-]*?)\s*[。；;！!]\s*(?P<own>\S.*)$", re.S)
# "pasted: …" as a line of its own
PASTE_HEAD = re.compile(r"^(?:pasted|copied|paste|copy|log|output|screen)\s*:\s*", re.I)
# "subj: Warehouse dark - …": an e-mail subject said on the ask's own line
SUBJECT_HEAD = re.compile(r"^(?:subj|subject)\s*:\s*(?=\S)", re.I)
# "Greg on slack: '…'", "Security: '…'", "Tony: '…'": a name or team, maybe a channel, a colon, a quote
_CHANNEL = r"(?:slack|teams|chat|email|e-mail|mail|radio|the\s+radio|phone|the\s+phone|whatsapp|wechat|sms|text|signal|" \
           r"telegram|the\s+group|group\s+chat|the\s+channel)"
_NAMED = re.compile(r"^(?P<who>[A-Za-z][\w.'&-]*(?:\s+[A-Za-z][\w.'&-]*){0,2}?)(?:\s+(?:on|in|via|over)\s+" + _CHANNEL +
                    r")?\s*:\s*(?=['\"“‘])")
# 小陈发消息说…，… / 新来的实习生问我怎么…，…: who, how, a saying or asking verb, the clause, then the ask
_SAID_ZH = re.compile(r"^(?P<who>[^，,。；;！!？?：:\s\"“”'‘’]{1,10}?)(?P<how>发消息|发微信|发信息|发来消息|发来|留言|私信我?|"
                      r"打电话|在群里|在微信上|在电话里)?(?P<verb>说|讲|反映|反馈|问我|问)(?:[：:]|道)?"
                      r"(?P<clause>[^，,。；;！!？?]+)[，,。；;！!？?]\s*(?P<own>\S.*)$", re.S)
# a report clause says no order of its own (顶灯太亮了); a question clause asks how or whether (怎么让一号线动起来)
_ORDER_ZH = re.compile(r"[开关停启调设锁降升放转亮灭加减把将打拉收]|不要|别|让|叫")
# in a report, how a thing is (太亮了, 开着, 一直亮着) is no order
_STATE_ZH = re.compile(r"太[亮暗吵热冷]|[亮开关]着|亮了|灭了|开了|关了|停了")
_QUESTION_ZH = re.compile(r"怎么|怎样|如何|能不能|可不可以|行不行|吗|什么|咋")
# "switch it off", "kill them": a verb of a change and a pronoun
_POINT_BACK = re.compile(r"(?<![a-z])(?:turn|switch|shut|kill|cut|stop|start|open|close|lock|unlock|dim|brighten|"
                         r"silence|mute|raise|lower|run|restart|pause|resume|power|set|put)\s+(?:it|them|that|this)"
                         r"(?![a-z])", re.I)
# "ok fine, …", "ok whatever, …", "fine, …", "alright then, …": an assent to the message, never an ask
_ASSENT = re.compile(r"^(?:(?:ok(?:ay)?|k|fine|sure|whatever|alright|all\s+right|right|yeah|yep|yes|then|oh\s+well|"
                     r"if\s+you\s+say\s+so|got\s+it|noted)[\s,]*){1,3}?(?:[,;:.!]+|\s[-–—]+)\s*(?=\S)", re.I)
# "neighbours again. …": a short remark sentence before the ask
_REMARK = re.compile(r"^(?P<r>[A-Za-z' ]{2,30}?)\s*[.!]+\s+(?=\S)")
_REMARK_BAR = re.compile(r"(?<![a-z])(?:turn|switch|set|put|open|close|shut|start|stop|lock|unlock|run|kill|cut|raise|"
                         r"lower|dim|sound|silence|halt|pause|resume|keep|leave|make|bring|get|let|don'?t|do|not|never|no|"
                         r"if|when|until|unless|at|by|after|before|in|on|off|up|down|to|then|also|and|but|it|them|that|"
                         r"this|all|everything|please|pls)(?![a-z'])", re.I)
# "…, pls fix" / "… - fix it please" at the end of a complaint
_FIX = re.compile(r"\s*(?:[,;.!]|\s[-–—]+)\s*(?:(?:pls|plz|please|can\s+you|could\s+you|someone)\s+)?"
                  r"(?:fix|sort)(?:\s+(?:it|this|that))?(?:\s+out)?(?:\s+(?:pls|plz|please|asap|thanks|thx))?\s*[.!]*$",
                  re.I)


def stamp_row(text: str) -> int | None:
    """Where the system text after a leading time stamp starts ("14:02:11 ALM …"), or None."""
    m = STAMP_ROW.match(text)
    return m.end() if m is not None else None


def zh_row(text: str) -> tuple[str, str] | None:
    """(row, own) of 报警 14:22:07 FUME HIGH LINE-A。一号线排烟; None otherwise (a row with Chinese in it, or no ask)."""
    m = _ROW_ZH.match(text)
    if m is None or not re.search(r"[\u4e00-\u9fff]", m.group("own")):
        return None
    return m.group("stamp") + " " + m.group("row"), m.group("own").strip()


# a condition, negation or time is no name ("if guard: '…' → lock it" is a condition; session 12b)
_NOT_WHO = re.compile(r"(?<![a-z])(?:if|when|whenever|unless|once|after|before|until|till|not|never|nobody|no|none|"
                      r"don'?t|today|tonight|tomorrow|later|then)(?![a-z])", re.I)


def named_quote(text: str, names_fleet: Callable[[str], bool]) -> tuple[int, str] | None:
    """(where the quote starts, the head) of "Greg on slack: '…'" where the head names nothing of the fleet; None
    otherwise."""
    m = _NAMED.match(text)
    if m is None or re.search(r"\d", m.group("who")) or names_fleet(m.group("who")) or _NOT_WHO.search(m.group("who")):
        return None
    return m.end(), m.group("who")


def own_ask(own: str, names_fleet: Callable[[str], bool]) -> bool:
    """Whether the words after a quote are an ask of the operator's own: they name something of the fleet, or point
    back at the quote with a verb of a change ("switch it off"); never adoption words alone ("do what he says", "go",
    "pls", "do it": adopted.py's)."""
    own = own_tidy(own, names_fleet)
    return bool(own) and (names_fleet(own) or bool(_POINT_BACK.search(own)))


def said_zh(text: str, names_fleet: Callable[[str], bool]) -> tuple[str, str] | None:
    """(report, own) of 小陈发消息说顶灯太亮了，把顶灯调到40 / 实习生问我怎么让一号线动起来，…; None where the clause orders
    something itself, the asker is a device or place, or nothing with an order follows."""
    m = _SAID_ZH.match(text)
    if m is None or names_fleet(m.group("who")):
        return None
    clause, own = m.group("clause"), m.group("own").strip()
    if m.group("verb").startswith("问"):
        if not _QUESTION_ZH.search(clause):
            return None
    elif _ORDER_ZH.search(_STATE_ZH.sub("", clause)) or not m.group("how"):
        return None  # 小陈说… alone is read as before (reported_numbers.py); a relayed order is no report
    if not _ORDER_ZH.search(own):
        return None
    return clause, own


def own_tidy(own: str, names_fleet: Callable[[str], bool]) -> str:
    """The own words without an assent first, a short remark sentence first, or a closing "pls fix" (module doc)."""
    out = own
    m = _ASSENT.match(out)
    if m is not None and m.end() < len(out):
        out = out[m.end():]
    r = _REMARK.match(out)
    if r is not None and len(r.group("r").split()) <= 3 and not _REMARK_BAR.search(r.group("r")) \
            and not names_fleet(r.group("r")) and r.end() < len(out):
        out = out[r.end():]
    f = _FIX.search(out)
    if f is not None and f.start() > 0 and names_fleet(out[:f.start()]):
        out = out[:f.start()]
    return out


def fleet_namer(asst: Any) -> Callable[[str], bool]:
    """Whether words name a device, kind or place of the assistant's fleet."""
    def names(words: str) -> bool:
        return bool(read(normalize(words), asst.rules.vocab).mentions)
    return names
