"""A forwarded or pasted message with the operator's own ask before or after it (session 11, blind set 69), read by
its STRUCTURE, both languages, before the words are normalised (normalising joins the lines):

- several lines: e-mail / chat quoting ("> …" lines, "Re:", "Re: Re:", "FW:", "Fwd:", "From: …", "Subject: …",
  "---"), pasted system lines ("SCADA: …", "[BMS] …", "EVT 2024-05-14 07:55:12 …", 【告警】…, 【BMS】…, 转发：…) and
  the operator's own line(s) ("FW: yard alarm\\n---\\nFrom: security desk\\n…\\n\\nsilence the yard siren");
- one line: a message head ("SMS from Dave:", "Teams msg from Priya:", "email subj:", "pager 0612:", "FW:", "Re:",
  "forwarded from production:", "SCADA LINE-A …", "ALM FLOW HI …", 转发小李：) with a quoted string or a system text,
  then the ask after a strong separator ("'…' — close the office blinds", "… (F-119). clear the fumes on line A");
- an ask with a forward after it ("both conveyors, stop them. FW from QA: '…'", 空调切到制热模式，设26度。转发小李：…).

Each segment is classed as quoted / forwarded / system text or the operator's own words; the own words are read as if
said alone (``Assistant.understand``), so the quote's numbers (codes, readings, ids, clock times, dates) are never
values or schedules and its state words never commands, and a negation, condition or schedule in the own words stays
refused.  Where the own words point back ("light it up pls", 关一下) and name no device or place, the quote may give
the one device it names (of the kind the own words name), else its one place ("warehouse: light it up"); never a
device or a change of its own; where it names neither, the ask is read as before ("FW: 'cold in the server room' —
heat it up" stays refused).  Where the only content is the forwarded message ("forwarded from production: 'start both
conveyors, order 4471 released'", 转发：…两条线速度都降到50转), the message itself is read, its closing order / batch
id dropped.  A device word as a heading ("alarm: pulse") and a system text with no code and no ask after it ("ALARM
OFF") are no message heads.  Pure text, regexes compiled at import; ~0.06 ms an ask.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant import pasted_rows
from console.core.assistant.phrases import normalize
from console.core.assistant.quoted_reports import _BARE_ZH, _PRONOUN_EN, _PRONOUN_ZH, machine_reading
from console.core.assistant.reader import read
from console.core.assistant.relayed_heads_zh import relayed_split

_ZH = re.compile(r"[\u4e00-\u9fff]")
_SOURCE = (r"(?:sms|text|txt|teams|wechat|whatsapp|slack|signal|telegram|email|e-mail|mail|pager|page|msg|message|"
           r"quote|note|chat|dm|voicemail|radio|scada|bms|hmi|plc|dcs|alarm|alert|evt|event|alm)")
# an e-mail / chat header line: "Re: …", "FW: FW: …", "From: …", "Subject: …", 回复：…
_HEADER = re.compile(r"^(?:(?:re|fw|fwd|aw|wg|tr|from|to|cc|sent|date|subject|subj)\s*:|(?:回复|答复|主题|发件人)\s*[:：])",
                     re.I)
_RULE = re.compile(r"^[-_=*~]{2,}\s*(?:(?:original|forwarded)\s+message\s*[-_=*~]*)?$", re.I)
# a pasted system / forwarded line: 【告警】…, [BMS] …, 转发：…, 转发小李：…, "SCADA: …", "EVT 2024-05-14 …"
_SYSTEM_ZH = re.compile(r"^(?:【[^】]{1,12}】|转发[^：:\s，。]{0,8}[：:])")
_BRACKET = re.compile(r"^\[[^\]\n]{1,16}\]")
_SOURCE_LINE = re.compile(r"^" + _SOURCE + r"\b(?:\s+[\w#.-]+){0,2}?\s*(?::|(?=\s+\S*\d)|(?=\s+[A-Z][A-Z0-9_.=-]{2,}))", re.I)
# a one-line message head, at the start: "FW:", "Re: Re:", "SMS 07:12 from cleaner:", "Teams msg from Priya:",
# "forwarded from production:", "email subj:", "pager 0612:", "alarm line:"
_CHAIN = re.compile(r"^(?:(?:re|fw|fwd|aw)\s*:\s*)+", re.I)
_FROM = re.compile(r"^(?:fw|fwd|forwarded|forwarding|forward)(?:\s+(?:msg|message|email|text|note))?\s+from\s+"
                   r"[\w.'&-]+(?:\s+[\w.'&-]+){0,3}?\s*:\s*", re.I)
_SRC_HEAD = re.compile(r"^" + _SOURCE + r"(?:\s+(?:\d{1,2}:\d{2}|[\w.#'-]+)){0,4}?\s*:\s*(?=\S)", re.I)
_ZH_HEAD = re.compile(r"^(?:【[^】]{1,12}】|\[[^\]]{1,16}\]|转发[^：:\s，。]{0,8}[：:])\s*")
# a system text with no colon: "SCADA LINE-A FAULT RESET (F-119). …", "ALM FLOW HI 49.8 L/min. …", "[ALM] …"
_SYS_BARE = re.compile(r"^(?:\[[^\]\n]{1,16}\]|(?:SCADA|BMS|HMI|PLC|DCS|EVT|ALM|ALARM|PAGER)(?=[\s#]))\s*")
# a closing quote: never an apostrophe inside a word ("we're")
_QUOTE = re.compile(r"""^(['"“‘])(?P<q>.+?)(?:\1|[”’])(?=\s|[-–—→.,;:!?>。，]|$)""")
_STRONG = re.compile(r"\s*(?:->|→|=>)\s*|\s+[-–—]+\s+|\s*[–—]+\s*|\s+--\s*|\s*(?:\.{3}|…)\s*|(?<!\d)\.\s+|"
                     r"\.\s+(?=[a-z])|[?!]\s+|\s*[。！？]\s*")
_LEADING_SEP = re.compile(r"^\s*(?:->|→|=>|[-–—]+|\.{1,3}|…|[,;:!?。，；：！？])?\s*")
# an ask, then a forward to the end: "both conveyors, stop them. FW from QA: '…'", 吸顶灯调到80%，转发：…
_TAIL = re.compile(r"^(?P<own>.+?)\s*(?:[.,;!?，。；！？]|\s[-–—]+)\s*(?P<fwd>(?:fw|fwd|forwarded|forwarding)"
                   r"(?:\s+from\s+[\w.'&-]+(?:\s+[\w.'&-]+){0,3}?)?\s*:.*|转发[^：:\s，。]{0,8}[：:].*)$", re.I | re.S)
# the forwarded instruction's own note of which order or batch ("start both conveyors, order 4471 released"): an id
_CODE = re.compile(r"[A-Z]{2,}[-=_.][A-Z0-9]")
_ID_NOTE = re.compile(r"\s*[,;，；]\s*(?:order|batch|lot|po|job|run|shipment|delivery)\s*#?\s*\d+(?:\s+[a-z]+){0,2}\s*[.!]*$",
                      re.I)
_CAPS = re.compile(r"[A-Z]")
_DIGIT = re.compile(r"\d")
# a word that also names a device ("alarm: pulse", "alert: off" are headings): a head only with more words or a quote
_WEAK = re.compile(r"^(?:alarm|alert|event|note|radio|page|text)\s*:\s*(?!['\"“‘])", re.I)
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|l/min|rpm|°c?)?")
_LETTERS = re.compile(r"[A-Za-z]")


def _quoted_line(line: str, last: bool) -> str | None:
    """The text of a quoted / header / system line (its marker dropped), or None where it is the operator's own."""
    if line.startswith(">"):
        return line.lstrip("> ")
    if _RULE.match(line):
        return ""
    m = _HEADER.match(line) or _SYSTEM_ZH.match(line) or _BRACKET.match(line)
    if m is None and not last:  # "pasted: [ERR] office temp 29.4C" (pasted_rows.py)
        m = pasted_rows.PASTE_HEAD.match(line)
    if m is None and not last:
        m = _SOURCE_LINE.match(line)
    if m is not None:
        return line[m.end():].strip()
    letters = _LETTERS.findall(line)
    if not last and len(letters) >= 8 and len(_CAPS.findall(line)) >= 0.6 * len(letters) and _DIGIT.search(line):
        return line  # "CONV-B SPD 45RPM LOAD 61%": a pasted system line
    return None


def _lines(text: str) -> tuple[str, str] | None:
    """(quote, own) of a message of several lines with at least one quoted line; own is "" where all is quoted."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2:
        return None
    quote, own = [], []
    for i, ln in enumerate(lines):
        q = _quoted_line(ln, i == len(lines) - 1)
        if q is None:
            own.append(ln)
        elif q:
            quote.append(q)
    if len(own) == len(lines):
        return None
    sep = "，" if any(_ZH.search(x) for x in own) else ", "
    return " ".join(quote), sep.join(x.rstrip(" ,，") for x in own)


def _body(body: str) -> tuple[str, str]:
    """(quote, ask) of the text after a message head: a quoted string, else the text up to a strong separator."""
    m = _QUOTE.match(body)
    if m is not None:
        return m.group("q"), _LEADING_SEP.sub("", body[m.end():], count=1).strip()
    s = _STRONG.search(body)
    if s is None or s.start() == 0:
        return body, ""
    return body[:s.start()], body[s.end():].strip()


def _one_line(text: str, names: Any = None) -> tuple[str, str] | None:
    """(quote, own) of a one-line message with a head at its start or a forward at its end; None otherwise
    (``names``: whether words name something of the fleet, for pasted_rows.py's heads)."""
    pasted = _pasted(text, names) if names is not None else None
    if pasted is not None:
        return pasted
    head = _CHAIN.match(text) or _FROM.match(text) or (None if _WEAK.match(text) else _SRC_HEAD.match(text)) \
        or _ZH_HEAD.match(text)
    if head is not None and head.end() < len(text):
        quote, ask = _body(text[head.end():].strip())
        if not ask and machine_reading(text[:head.end()], quote):
            return None  # "BMS alert: coolant flow 0 L/min": a reading, nothing asked (quoted_reports.py refuses it)
        return (quote, ask) if ask else ("", _ID_NOTE.sub("", quote))
    bare = _SYS_BARE.match(text)  # "SCADA LINE-A FAULT RESET (F-119). …": only with an ask after it
    if bare is not None:
        quote, ask = _body(text[bare.end():].strip())
        return (quote, ask) if ask and (_DIGIT.search(quote) or _CODE.search(quote)) else None
    tail = _TAIL.match(text)
    if tail is not None and tail.group("own").strip():
        return tail.group("fwd"), tail.group("own").strip()
    log = _LOG_HEAD.match(text)  # "Ticket 3310: valve leaking. shut the steam valve": only with an ask after it
    if log is not None:
        quote, ask = _body(text[log.end():].strip())
        return (quote, ask) if ask else None
    return _screen_line(text)


def _pasted(text: str, names: Any) -> tuple[str, str] | None:
    """(quote, own) of the session-12 shapes (pasted_rows.py): a stamped system row, an e-mail subject, someone's
    quoted words under a name, a colleague's report or question in Chinese; None otherwise."""
    if _ZH.search(text):  # 值班保安短信：…没开 → …, 【系统】03:12 …低 先把泵停了 (relayed_heads_zh.py)
        return pasted_rows.zh_row(text) or pasted_rows.said_zh(text, names) or relayed_split(text, names)
    at = pasted_rows.stamp_row(text)
    if at is not None:  # "14:02:11 ALM PUMP-C LOW FLOW -- …": only a system text, only with an ask after it
        quote, ask = _body(text[at:].strip())
        return (text[:at] + quote, ask) if ask and _system_text(text[:at] + quote) else None
    head = pasted_rows.SUBJECT_HEAD.match(text)
    if head is not None:  # "subj: Warehouse dark - it's pitch black …": only with an ask after the subject
        quote, ask = _body(text[head.end():].strip())
        return (quote, ask) if ask else None
    named = pasted_rows.named_quote(text, names)
    if named is not None:  # "Greg on slack: '…'. switch it off": only with an ask after the quote
        quote, ask = _body(text[named[0]:].strip())
        return (quote, ask) if quote and pasted_rows.own_ask(ask, names) else None
    return None


# session 11c (blind set 74): a line pasted from a screen next to the ask, in English.
# - a pasted system line, then the ask after "|" or "->": "14:02:11 ALM-331 LINE B CONV OVERLOAD | stop B",
#   "B CONV SPD 88 RPM (15:20:03) -> take conveyor B down to 60 rpm": the pasted part is capitals with a number;
# - the ask, then a reference note: "everything on line A off, lockout tag LO-117", "both conveyors stop, ALM-777
#   E-STOP ZONE FAULT 11:31", "cut the steam, ticket ST-55 'hissing at flange'", "… (helpdesk HD-7781)": the note
#   holds a code (LO-117, ALM-777) and only capitals, numbers, clock times, a quote and a few label words, never a
#   word that could bound or condition the ask (if, unless, until, after, not, …).
# - a log or ticket head, its entry, then the ask after a strong separator: "Night log 02:10: 'blinds half open' ->
#   office blinds to 0", "Ticket 3310: steam valve leaking at gland. shut the steam valve" (never the entry alone).
_LOG_HEAD = re.compile(r"^(?:(?:night|day|shift|gate|door|visitor|operator|event|alarm|maint|security)\s+)?"
                       r"(?:log|ticket|tkt)(?:\s+#?[\w:.-]+){0,2}?\s*:\s*(?=\S)", re.I)
_PIPE = re.compile(r"^(?P<sys>[^|]+?)\s+(?:\||->|→|=>)\s+(?P<own>[^|]*[a-z][^|]*)$")
_SCREEN_CODE = re.compile(r"\b[A-Z]{1,5}-[A-Z]{0,2}\d{1,5}[A-Z]?\b")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_NOTE_START = re.compile(r"\s*(?:,|;|\s[-–—]+|\()\s*")
_NOTE_WORD = re.compile(
    r"(?:alarm|alm|ticket|tkt|lockout|lock-out|tag|hold|qa|qc|rush|order|helpdesk|help-desk|pressure|per|memo|drill|"
    r"complaint|from|the|neighbour|neighbor|released|removed|cleared|pattern|mismatch|maint|maintenance|note|ref|"
    r"work|wo|incident|case|hse|ehs|safety|bar|ppm|rpm|c|l/min|psi|kpa|fault|trip|code|id|#)")
_NOTE_TOKEN = re.compile(
    r"""\s*(?:'[^']*'|"[^"]*"|“[^”]*”|\d{1,2}:\d{2}(?::\d{2})?|\d+(?:\.\d+)?(?:%|[a-z/]{1,5})?|#?[A-Z][A-Z0-9/&.-]*|"""
    r"""[A-Z][A-Z0-9]*-[A-Z0-9-]+|[a-z/#-]+)\s*""")
# capitals that could bound, condition or add to the ask even in a pasted line
_NOTE_BAR = re.compile(r"\b(?:IF|UNLESS|UNTIL|AFTER|BEFORE|WHEN|ONCE|THEN|NOT|DONT|DON'T|NEVER|WAIT|AND|ALSO)\b")
# an order typed in capitals ("STOP CONVEYOR A 14:02 | …", ", ALM-12 START CONVEYOR A"): no pasted line
_CAPS_ORDER = re.compile(r"^(?:(?:\d{1,2}:\d{2}(?::\d{2})?|[A-Z]{1,5}-[A-Z]{0,2}\d{1,5}[A-Z]?)\s+)*"
                         r"(?:STOP|START|OPEN|CLOSE|TURN|SWITCH|SET|SHUT|LOCK|UNLOCK|KILL|CUT|RUN|RAISE|LOWER|PLEASE|PLS|"
                         r"RESUME|PAUSE|SOUND|SILENCE|VENT|DIM|BRIGHTEN)\b")


def _system_text(part: str) -> bool:
    """A pasted system line: mostly capitals, with a code or a clock time, no order typed in capitals."""
    letters = _LETTERS.findall(part)
    return (len(letters) >= 4 and len(_CAPS.findall(part)) >= 0.75 * len(letters)
            and bool(_SCREEN_CODE.search(part) or _CLOCK.search(part)) and not _NOTE_BAR.search(part)
            and not _CAPS_ORDER.match(part.strip()))


def _note(part: str) -> bool:
    """A reference note that adds nothing to the ask: a code, then only capitals, numbers, times, a quote and
    label words."""
    part = part.strip().rstrip(").").strip()
    if not _SCREEN_CODE.search(part) or _NOTE_BAR.search(part) or _CAPS_ORDER.match(part):
        return False
    pos = 0
    while pos < len(part):
        m = _NOTE_TOKEN.match(part, pos)
        if m is None or m.end() == pos:
            return False
        tok = m.group().strip()
        if tok[:1].islower() and not _NOTE_WORD.fullmatch(tok):
            return False
        pos = m.end()
    return True


def _screen_line(text: str) -> tuple[str, str] | None:
    """(pasted, own) of a one-line ask with a pasted screen line before it or a reference note after it."""
    pipe = _PIPE.match(text)
    if pipe is not None and _system_text(pipe.group("sys")):
        return pipe.group("sys"), pipe.group("own").strip()
    for m in reversed(list(_NOTE_START.finditer(text))):
        own, note = text[:m.start()].strip(), text[m.end():]
        if m.group().strip() == "(" and not note.rstrip(" .").endswith(")"):
            continue
        if own and _LETTERS.search(own) and _note(note):
            return note, own
    return None


def forwarded_ask(asst: Any, utterance: str) -> str | None:
    """The operator's own words of a forwarded / pasted message (module docstring), the quote's one device put where
    they point back; the forwarded message itself where nothing else is said; None where ``utterance`` has no such
    structure."""
    text = (utterance or "").strip()
    names = pasted_rows.fleet_namer(asst)
    split = _lines(text) if "\n" in text else _one_line(text, names)
    if split is None:
        return None
    quote, own = split
    own = own.strip(" \t,;，；")
    if quote or _lines(text) is not None:  # "ok fine, …", "neighbours again. …", "…, pls fix" (pasted_rows.py)
        own = pasted_rows.own_tidy(own, names).strip(" \t,;，；")
    if not own or own == text:
        return None
    return _point_back(asst, quote, own) if quote else own


def _point_back(asst: Any, quote: str, own: str) -> str | None:
    """The own words; where they point back ("light it up pls", 挡一下) and name no device or place, under the quote's
    one device, else its one place ("warehouse: light it up pls"); None where the quote names neither (the ask is
    then read as before: "FW: 'cold in the server room' — warm it up" stays refused)."""
    said = normalize(own)
    own_names = read(said, asst.rules.vocab).mentions
    if any(mn.kind in ("device", "zone") for mn in own_names):
        return own
    zh = bool(_ZH.search(said))
    # 转发：仓库太暗了 → 开灯, 【系统】办公室空调 模式=制冷 → 改成制热: Chinese own words naming no device or place take
    # the report's one device or place too (relayed_heads_zh.py); where it names none they are read as they are
    zh_fill = zh and bool(_ZH.search(quote)) and not (_PRONOUN_ZH.search(said) or _BARE_ZH.match(said))
    if not (zh_fill or (_PRONOUN_ZH.search(said) or _BARE_ZH.match(said) if zh else _PRONOUN_EN.search(said))):
        return own
    heard = normalize(quote)
    mentions = read(heard, asst.rules.vocab).mentions
    if not mentions:  # "FW: 'cold in the server room' — warm it up": the quote names nothing of the fleet
        if zh and not own_names and len(set(asst._refers(heard))) == 1:  # 保安：大楼没锁 → 锁上: its one thing's device
            name = asst.aliases.display_name(asst.by_id[next(iter(asst._refers(heard)))], "zh")
            put = _PRONOUN_ZH.sub(name, said, count=1)
            return put if put != said else name + said
        return own if own_names or zh_fill else None
    about = set(asst._refers(_NUMBER.sub(" ", heard)))
    if own_names:  # "light it up pls": the quote's devices of the kind the own words name
        about &= set(asst._refers(said))
    if len(about) == 1:
        meta = asst.by_id[next(iter(about))]
        if zh_fill and own_names:  # 开灯 after 仓库太暗了: the kind it names, in that device's place, else as said
            placed = _placed(asst, meta.zone, said, zh) if meta.zone else said
            return placed if set(asst._refers(placed)) == about else own
        if zh_fill and asst._refers(said):  # 通风 after A线烟太大, 放蒸汽: the own words say their thing alone
            return own
        if zh:
            name = asst.aliases.display_name(meta, "zh")
            put = _PRONOUN_ZH.sub(name, said, count=1)
            return put if put != said else name + said
        if own_names and meta.zone:  # "light it up pls": the kind it names, in that device's place
            placed = _placed(asst, meta.zone, said, zh)
            if set(asst._refers(placed)) == about:
                return placed
        return f"{meta.name.lower()}: {said}"
    zones = {k for mn in mentions if mn.kind == "zone" for k in mn.keys}
    if not own_names:
        return own if zh_fill else None
    if len(zones) != 1:  # "both conveyors, stop them": the own words' kind, as said
        return own
    return _placed(asst, next(iter(zones)), said, zh)


def _placed(asst: Any, zone: str, said: str, zh: bool) -> str:
    """The own words under a place as a heading ("warehouse: light it up", 仓库挡一下)."""
    return f"{asst.aliases.zone_name(zone, 'zh' if zh else 'en').lower()}{'' if zh else ': '}{said}"
