"""A pasted system message (or a colleague's) before the operator's own ask (session 11, blind set 65): an alarm line
("ALM 0412 line A fan overcurrent -> kill it", "EVT 118 steam valve position fault. close the steam valve"), an HMI
message ("[HMI] Cooling water pump: FLOW LOW. set pump flow to 35 L/min", "HMI popup 'Main entrance unlocked after
hours' - lock the main door", HMI报蒸汽阀泄漏，蒸汽阀关掉), a ticket ("Ticket #2207 'desk lamp too bright' -> dim …",
"QA-19 hold on all product: stop both conveyors", "WO 5530 maintenance lockout on the cooling pump, turn the pump
off"), a chat line ("msg from security: building closing. turn all the lights off", "fyi from shift lead: "…". switch
it off", "@ops desk lamp still off? turn it on", 收到反馈：仓库的灯一直亮着，关一下).

The quote is a report or a reason.  Its numbers (alarm codes, ticket ids, readings such as "load 98%", "FLOW 0
L/min", "since 8am") had been read as loose values, units or schedules, and its state words ("unlocked", "FLOW LOW",
"left on", "E-STOP RESET") as commands, so the ask was refused.  :func:`quoted_ask` splits such an ask into the quote
and the operator's ask after it; the ask is then read as if said alone (``Assistant.understand``), so the quote can
never make it do more than it says, and a negation, condition or schedule in the operator's own words stays refused.
Where the ask points back at the quote ("kill it", "start it back up", 关一下) and the quote is about exactly ONE
device of the fleet, that device is put where the ask points ("kill line a exhaust fan", 仓库大灯关一下); with no
device or several, the ask as said is read as before where the quote is a plain report (收到工单：办公室好冷，设成制热模式)
and the ask alone where the quote has a verb or a number of its own ("HMI: 'SET VALVE 80%' -> noted": refused).  Where
nothing follows the quote, the quote is read as the same words would be without the label; an @-mention is only
dropped ("@ops the yard siren is still going" reads as "the yard siren is still going").  Also: a report read off a
screen ("line 2 paused on the HMI, restart production": the ask under the report's one place or device), and a
report clause's "since 8am" before an ask (``drop_report_since``: when the report began, never a schedule).

Only at the very start of an ask and only in a message's own shapes: a code label (ALM 0412, EVT 118, QA-19, WO 5530,
Ticket #2207, at least two digits or a '#'), a bracketed source ([HMI]), a source noun with a colon (HMI:, BMS alert:,
ticket:, msg from security:, 收到告警：), a source with a quoted string (alarm says '…', HMI popup '…', conveyor B
shows '…', 告警"…") or an @-mention; a trailing quoted ticket ("heat mode in the office please, ticket 'office
freezing since 7'") is dropped from the end.  The split is at the strongest separator after the quote: an arrow (->,
→), then a spaced dash, then a sentence stop, then a comma, then a colon.  Pure text: regexes compiled at import; the
assistant is duck-typed (``_names_place_or_device``, ``_refers``, ``by_id``, ``aliases``).
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.reader import read

_ZH = re.compile(r"[\u4e00-\u9fff]")
# a code label: "alm 0412", "evt 118", "qa-19", "wo 5530", "ticket #2207", "inc-4411"
_CODE = re.compile(
    r"^[\[(]?\s*(?:(?:alm|evt|err|wo|w/o|qa|qc|ncr|inc|tkt|ticket|incident|nc)\s*(?:#\s*|-\s*|no\.?\s*)?[a-z]{0,3}-?\d{2,}[a-z]?"
    r"|(?:alarm|event|error|fault|code|case|job|task|work\s+order|req|cr|sr|ptw|permit)\s*(?:#\s*\d+|-?\s*\d{3,}))"
    r"\s*[\])]?(?:\s*:)?\s+(?=\S)")
_SRC = (r"(?:hmi|scada|bms|plc|dcs|mes|cmms|ems|panel|screen|display|dashboard|system|popup|pop-up|notification|"
        r"message|msg|chat|channel|email|e-mail|text|sms|page|pager|feedback|ticket|log)")
_KIND = r"(?:alert|alarm|warning|message|msg|popup|pop-up|notification|ticket|event|fault|note|chat)"
# "[hmi] …", "[bms alert] …"
_BRACKET = re.compile(r"^[\[(]\s*(?:" + _SRC + r"|" + _KIND + r")(?:\s+" + _KIND + r")?\s*[\])]\s*:?\s*(?=\S)")
# "hmi: …", "bms alert: …", "ops channel: …", "maint chat: …", "msg from security: …", "fyi from shift lead: …"
_COLON = re.compile(
    r"^(?:(?:fyi|heads[- ]up)[\s,]+)?(?:(?:the|our|a)\s+)?(?:"
    r"(?:[a-z]+\s+)?" + _SRC + r"(?:\s+" + _KIND + r")?"
    r"|(?:hmi|scada|bms|plc|dcs|system|fire|security|building|monitoring|monitor|sensor|process)\s+" + _KIND +
    r"|(?:fyi|msg|message|note|text|email|word|call|page|heads[- ]up)\s+from\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?[a-z]+"
    r")\s*:\s*(?=\S)")
# "@ops …", "@shift-leads: …"
_AT = re.compile(r"^@[a-z0-9_.-]+\s*:?\s*(?=\S)")
# a source with a quoted string next: "alarm says '…'", "hmi popup '…'", "hmi '…'", "conveyor b shows '…'"
_SAYS = re.compile(
    r"^(?:(?:the|our)\s+)?(?:[a-z0-9-]+\s+){0,3}?(?:(?:says|said|shows|showed|reads|displays|is\s+showing|reports|"
    r"reported|flags|flagged|popup|pop-up|message|msg|alert|alarm|warning)|" + _SRC + r")(?:\s*:\s*|\s+)(?=['\"])")
# a machine source that says something, unquoted, before a strong separator: "ticket says office is dark … -> open
# the blinds halfway" (the split needs an arrow, a spaced dash or a sentence stop after it: ``_STRONG``)
_SAYS_BARE = re.compile(r"^(?:(?:the|our)\s+)?(?:[a-z]+\s+)?(?:ticket|hmi|scada|bms|plc|alarm|alert|system|log)\s+"
                        r"(?:says|said|shows|showed|reads|reports|reported)\s+(?:that\s+)?(?=\S)")
_STRONG = re.compile(r"->|→|=>|\s[-–—]+\s|[–—]|\.\s|[?!]\s")
_LEAD_ZH = re.compile(
    r"^(?:(?:收到|接到|来了)(?:一条|一个|个)?)?(?:告警|报警|警报信息|反馈|工单|通知|消息|提示|报修)\s*(?::|(?=\"))"
    r"|^(?:hmi|scada|bms|plc|dcs|系统|屏幕|面板|上位机)\s*(?:报警?|提示|显示|弹窗|说|:)\s*:?")
_ARROW = re.compile(r"\s*(?:->|→|=>|—>|-->)\s*")
_DASH = re.compile(r"\s+[-–—]+\s+|\s*[–—]+\s*")
_STOP = re.compile(r"(?:\.{1,3}|[?!])\s+|[。!?]\s*")
_COMMA = re.compile(r"\s*[,;，；]\s*")
_COLON_SEP = re.compile(r"\s*:\s*")
# a quoted string: never an apostrophe inside a word ("can't"), closed before a space, a separator or the end
_QUOTE = re.compile(r"""^(['"])(?P<q>.+?)\1(?=\s|[-–—→.,;:!?>]|$)""")
# "…, ticket 'office freezing since 7'" at the end of an ask
_TAIL = re.compile(r"""\s*(?:[,;.]|\s[-–—]|[–—])\s*(?:(?:per|see|re:?)\s+)?(?:the\s+)?(?:[a-z]+\s+)?"""
                   r"(?:ticket|alarm|alert|hmi|bms|scada|popup|msg|message|chat)(?:\s+(?:says|said|reads|shows))?\s*:?\s*"
                   r"""(['"])[^'"]+\1\s*[.!]*$""")
# "line 2 paused on the hmi, restart production": a report read off a screen, then the ask
_ON_SCREEN = re.compile(r"^(?P<q>[^,;:.!?]+?\s+(?:on|in)\s+(?:the\s+)?(?:hmi|scada|screen|panel|display|dashboard|"
                        r"bms|monitor)(?:\s+screen)?)\s*(?:->|→|=>|[,;]|\.\s|\s[-–—]+\s|[–—])\s*(?P<ask>\S.*)$")
_PRONOUN_EN = re.compile(r"(?<![a-z'])(?:it|them)(?![a-z'])")
_PRONOUN_ZH = re.compile(r"它们|它")
# a Chinese ask with no object of its own: 关一下, 停掉, 打开吧
_BARE_ZH = re.compile(r"^(?:那就|就|快|赶紧|麻烦|请|帮忙|帮我|先)?(?:关|停|熄|灭|打开|开一下|开开|开启|启动|拉上|拉开|放下|锁上|锁好|解锁)")


# "since 8am" in a report clause before the ask ("office too cold since 8am, put the AC on heat mode"): when the
# report began, never a schedule of the ask; only in a clause with no verb of a command of its own
_SINCE = re.compile(
    r"\s+(?:since|from)\s+(?:about\s+|around\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock|h)?|"
    r"yesterday|last\s+(?:night|week|shift|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:this|early\s+this)\s+morning|lunch(?:time)?|noon|midnight|the\s+weekend|the\s+morning|(?:the\s+)?start\s+of\s+"
    r"(?:the\s+)?shift|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?=\s*[,;]\s*\S)")
_VERB_EN = re.compile(r"(?<![a-z])(?:turn|switch|set|put|open|close|shut|start|stop|lock|unlock|run|kill|cut|raise|lower|"
                      r"dim|sound|halt|pause|resume|keep|leave|make|bring|get|let|crank|change|adjust|don'?t|not|never|"
                      r"no|if|when|until|unless|at|by|after|before|in|on|off|open|closed|up|down|to|max|full|high|"
                      r"low|medium)(?![a-z])|\d")


_ASK_EN = re.compile(r"(?<![a-z])(?:turn|switch|set|put|open|close|shut|start|stop|lock|unlock|run|kill|cut|raise|lower|"
                     r"dim|sound|halt|pause|resume|bring|get|let|crank|change|adjust|mode|setpoint)(?![a-z])")


_COMMAND_ZH = re.compile(r"关|停|熄|灭|打开|开启|启动|开到|调到|调成|设为|设成|设到|拉上|拉开|放下|锁上|锁好|解锁|开锁")
_NOT_EN = re.compile(r"(?<![a-z])(?:don'?t|not|never|no|if|when|until|unless|at|by|after|before)(?![a-z])")


def drop_report_since(text: str) -> str:
    """``text`` (normalised) without the "since 8am" of its first clause when that clause is a report (no command
    verb, no negation, condition or schedule word of its own) and an ask follows; the same string otherwise."""
    m = _SINCE.search(text or "")
    if m is None or re.search(r"[,;]", text[:m.start()]) or _VERB_EN.search(text[:m.start()]) \
            or not _ASK_EN.search(text, m.end()):
        return text
    return text[:m.start()] + text[m.end():]


def _lead(text: str) -> int | None:
    """Where the message after a leading label / source starts, or None."""
    for pattern in (_CODE, _BRACKET, _COLON, _SAYS, _LEAD_ZH):
        m = pattern.match(text)
        if m is not None and m.end() < len(text):
            return m.end()
    m = _SAYS_BARE.match(text)
    if m is not None and _STRONG.search(text, m.end()):
        return m.end()
    return None


def _split(body: str) -> tuple[str, str]:
    """(quote, ask) of the message body: after a quoted string, else at the strongest separator."""
    m = _QUOTE.match(body)
    if m is not None:
        quote, rest = m.group("q"), body[m.end():]
        arrow = _ARROW.search(rest)
        if arrow is not None:  # "hmi 'pump dry run' on line b -> stop the circulation"
            return quote + " " + rest[:arrow.start()], rest[arrow.end():]
        return quote, re.sub(r"^\s*(?:->|→|=>|[-–—]+|\.{1,3}|[,;:!?])?\s*", "", rest)
    for sep in (_ARROW, _DASH, _STOP, _COMMA, _COLON_SEP):
        s = sep.search(body)
        if s is not None and s.start() > 0:
            return body[:s.start()], body[s.end():]
    return body, ""


# a condition or negation in the words before the quote ("if the manager says '…'", "nobody said '…'", session 12):
# they bound or deny the quote, never only say where it came from (adopted.py)
_SOURCE_BOUND = re.compile(r"(?<![a-z'])(?:if|when|whenever|unless|once|until|should|nobody|no\s+one|noone|not|never|"
                           r"don'?t|doesn'?t|didn'?t|won'?t)(?![a-z'])|如果|要是|假如|万一|没人|不|别")


def split_quoted(text: str) -> tuple[str, str, str] | None:
    """(quote, ask, source) of a normalised ask that opens with a pasted message (module docstring); ask is "" where
    nothing follows the message, source the label or source before it ("conveyor b shows "); None where the ask opens
    with no such message."""
    t = (text or "").strip()
    start = _lead(t)
    if start is None or _SOURCE_BOUND.search(t[:start]):  # "if the manager says '…'": a condition, no source
        return None
    quote, ask = _split(t[start:])
    quote, ask = quote.strip(" .!?,;:。，"), ask.strip()
    if not quote:
        return None
    return quote, ask, t[:start]


def drop_quoted_tail(text: str) -> str:
    """``text`` (normalised) without a trailing quoted ticket or alarm ("…, ticket 'office freezing since 7'")."""
    m = _TAIL.search(text or "")
    return text if m is None or m.start() == 0 else text[:m.start()].strip()


def _antecedent(asst: Any, quote: str, ask: str) -> str | None:
    """The ask with the quote's one device put where it points back ("kill it" → "line a exhaust fan: kill it",
    关一下 → 仓库大灯关一下); the ask alone where it names a device or place of its own; None where it names none and
    the quote gives it no one device (the ask as said is then read as before)."""
    if asst._names_place_or_device(ask):
        return ask
    about = asst._refers(re.sub(r"\d+(?:\.\d+)?\s*(?:%|l/min|rpm|°c?)?", " ", quote))
    if len(about) != 1:
        return None
    meta = asst.by_id[next(iter(about))]
    if _ZH.search(ask):
        name = asst.aliases.display_name(meta, "zh")
        said = _PRONOUN_ZH.sub(name, ask, count=1)
        if said == ask:
            return name + ask if _BARE_ZH.match(ask) else None
        return said
    # as a heading, the device is the ask's "it" ("line b conveyor: start it back up", headings.py)
    return f"{meta.name.lower()}: {ask}" if _PRONOUN_EN.search(ask) else None


def _screen_report(asst: Any, text: str) -> str | None:
    """"line 2 paused on the hmi, restart production": a report read off a screen, then an ask that names no device
    or place: the ask under the report's one place ("line b: restart production"); None otherwise."""
    m = _ON_SCREEN.match(text)
    if m is None or _ASK_EN.search(m.group("q")) or _NOT_EN.search(m.group("q")):
        return None
    if read(m.group("ask"), asst.rules.vocab).mentions:
        return m.group("ask")
    zones = {k for mn in read(m.group("q"), asst.rules.vocab).mentions if mn.kind == "zone" for k in mn.keys}
    kinds = [mn for mn in read(m.group("q"), asst.rules.vocab).mentions if mn.kind != "zone"]
    if kinds or not zones:  # "conveyor b stopped on the hmi, restart it": its one device
        return _antecedent(asst, m.group("q"), m.group("ask"))
    if len(zones) != 1:
        return None
    return f"{asst.aliases.zone_name(next(iter(zones)), 'en').lower()}: {m.group('ask')}"


# a machine's own message (a screen, a control system, an alarm), never a person's (ticket, chat, e-mail)
_MACHINE_SOURCE = re.compile(r"(?<![a-z])(?:hmi|scada|bms|plc|dcs|alert|alarm|warning|fault|event|alm|evt|err|sensor|"
                             r"monitoring|monitor)(?![a-z])", re.I)


def machine_reading(source: str, quote: str) -> bool:
    """Whether ``quote`` under the head ``source`` is a machine's reading and nothing else ("BMS alert: coolant flow 0
    L/min", "HMI: conveyor B speed 0 rpm", session 14): a number, no ask verb, a machine's source.  Pasted alone it
    asks for nothing; its number is what the machine read, never a value to set (it had set the pump's flow to 0)."""
    return bool(_MACHINE_SOURCE.search(source) and re.search(r"\d", quote)
                and not (_ASK_EN.search(quote) or _COMMAND_ZH.search(quote)))


def machine_report(text: str) -> bool:
    """Whether the normalised ``text`` is only a machine's reading under its head (``machine_reading``)."""
    split = split_quoted(drop_quoted_tail(text or ""))
    return split is not None and not split[1] and machine_reading(split[2], split[0])


def quoted_ask(asst: Any, text: str) -> str | None:
    """The operator's own ask of a normalised ask that quotes a message first (the quote's one device put where the
    ask points back at it), or the quote alone when no ask follows; None where ``text`` quotes no message."""
    since = drop_report_since(text or "")
    if since != text:
        return since
    screen = _screen_report(asst, text or "") if not _ZH.search(text or "") else None
    if screen is not None:
        return screen
    tail = drop_quoted_tail(text or "")
    at = _AT.match(tail)
    if at is not None:  # "@ops desk lamp still off? turn it on": a mention says who is asked, never what
        return tail[at.end():]
    split = split_quoted(tail)
    if split is None:
        return tail if tail != text else None
    quote, ask, source = split
    if not ask:
        return "" if machine_reading(source, quote) else quote
    said = _antecedent(asst, source + " " + quote, ask)
    if said is None and (_ASK_EN.search(quote) or _COMMAND_ZH.search(quote) or re.search(r"\d", quote)):
        return ask  # "HMI: 'SET VALVE 80%' -> noted": the quote's words are never the ask
    return said
