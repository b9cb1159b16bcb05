"""English pasted references beside the operator's own ask (session 13, blind set 74 leftovers): a log line's time
stamp, an alarm / ticket / badge code, a display's reading or someone's quoted text said around a complete ask.

"pause line A, carton jam per operator log 10:44" (a schedule?), "driver buzzing on the intercom (log 06:58) — let him
in", "quiet the yard, drill over (HSE msg 14:30 'all clear')", "Lamp fault cleared (TKT 4471), warehouse floodlight
back on pls" ("what does 4471 refer to?"), "visitor badge V-221 printed, … — let her in" (a unit "printed"?),
"office temp to 20, cooling mode, it's sweltering (display 30.4C)", "open the steam valve a quarter, log says STM
PRESS 4.2 bar", "unlock main door — visitor log 'V-0931 Dr. Patel 10:30 arrived'", "ceiling lamp on at 40%, Jess
texted 'it's gloomy in here'", "from the log: `2024-05-12T03:14:07Z WARN …` can u set …": the stamp, code, reading or
quote is what a record says, never the ask's time, value or device, and the whole ask was refused for it.

:func:`drop_pasted_en` takes out, in the ask's own case (a code is in capitals: ALM-701, V-221, LX-22):
- a bracketed note with a record word (log, msg, memo, report, ticket, TKT, display, badge, …) or a code (a bare
  "(14:30)" stays: a time);
- a clause (after , ; . — –) that is a record: a record word among its first three words ("gate log '…'", "Door log
  19:02 '…'", "wall display says 29C", "night checklist item 7", "msg from reception: '…'"), someone's quoted words
  ("Jess texted '…'", "PM said '…'"), or "<source> says" and a row in capitals ("operator says PRESS 2.0");
- a past event with its clock time as a clause ("last guy left 18:40"), a sensor's reading row first ("sensor-line-a
  reads 31.6C / 78%RH @ 13:55 — …": values, units and a stamp only);
- "per <operator|night|…> log 10:44" inside a clause, a code in capitals, a label word and its number (TKT 4471,
  badge 1144, item 7), a backtick-quoted row and a "from the log:" head before it.
A code joined by "and" / "with" ("start conveyor B, ALM-12 and conveyor A") stays.  Nothing is taken out that names a device, kind or place of the fleet (after the record word), says a negation, a
condition or a time of its own ("at", "until", "after", "tonight", …: a schedule stays refused), or points back at a
device ("switch it off"); where nothing of the ask is left, or nothing was taken out, nothing changes.

Used only where the ask as said was refused with no command (refused_rereads.py): the rest is read by the whole
pipeline (every screen and the direction check of the ask as said: rereads.reread_as).  Pure text; regexes compiled
at import; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from console.core.assistant.pasted_rows import fleet_namer
from console.core.assistant.phrases import normalize
from console.core.assistant.rereads import refused_outright, reread_as

_STAMP = r"(?:\d{4}-\d{2}-\d{2}[ t])?\d{1,2}:\d{2}(?::\d{2})?"
_RECORD = (r"(?:log|logs|logged|msg|message|memo|report|ticket|tkt|display|readout|badge|checklist|helpdesk|alarm|"
           r"alm|incident|note|entry)")
_CODE = re.compile(r"(?<![\w-])[A-Z]{1,5}-\d{1,5}(?![\w.%°-])")
# a code with the word that ties it to the clause: "stopped by ALM-701", "per TK-18"
_TIED_CODE = re.compile(r"(?:\s+(?:by|per|from|under|see|re|on)(?=\s+[A-Z]{1,5}-\d))?\s*(?<![\w-])[A-Z]{1,5}-\d{1,5}"
                        r"(?![\w.%°-])")
# someone else's words in quotes (never an apostrophe inside a word: "it's")
_QUOTE_SPAN = re.compile(r"(?<![\w])'[^']{1,120}'(?![\w])|\"[^\"]{1,120}\"|“[^”]{1,120}”|‘[^’]{1,120}’")
_LABEL = re.compile(r"(?<![\w-])(?:TKT|tkt|ticket|badge|item|incident)\s*#?\s*\d{1,6}(?![\w.%°:-])")
_BRACKET = re.compile(r"\s*\((?P<body>[^()]{1,80})\)")
_BACKTICK = re.compile(r"(?:^\s*(?:from|per|in)\s+the\s+(?:log|logs)\s*:?\s*)?`[^`]{1,200}`\s*")
_PER_LOG = re.compile(r"\s+per\s+(?:[a-z]+\s+){0,2}(?:log|report|checklist|memo|msg)\s+" + _STAMP + r"(?![\w:])",
                      re.I)
# the separators a clause ends at: , ; . (then a space) — – " - " " -> "
_SEP = re.compile(r"\s*(?:[,;]|\.(?=\s)|\s[—–-]{1,2}(?=\s)|—|–|->|→|\|)\s*")
_RECORD_HEAD = re.compile(r"^(?:per\s+)?(?:[\w'.-]+\s+){0,2}?" + _RECORD + r"(?![a-z])", re.I)
_QUOTE_TAIL = re.compile(r"^(?:[\w'.-]+\s+){0,3}?(?:said|says|texted|wrote|messaged|sent)\s*:?\s*(?P<q>['\"“‘].*['\"”’])"
                         r"[^\w'\"]*$", re.I)
# a past event with its clock time: "last guy left 18:40", "the driver arrived at 06:58"
_PAST_STAMP = re.compile(r"^(?:[\w'.-]+\s+){0,3}?(?:left|arrived|came\s+in|went\s+home|clocked\s+out|signed\s+out|"
                         r"badged\s+(?:in|out))\s+(?:at\s+)?" + _STAMP + r"[.!]*['\"”’]?$", re.I)
# a sensor's reading first: "sensor-line-a reads 31.6C / 78%RH @ 13:55 — …" (values, units and a stamp only)
_READING_ROW = re.compile(r"^\s*[\w-]+(?:\s+[\w-]+)?\s+(?:reads|shows|reading)\s+(?P<vals>[^—–|>→]{1,60}?)\s*"
                          r"(?:—|–|\s--?\s|->|→|\|)\s*(?=\S)", re.I)
_VALUES = re.compile(r"^(?:\s|/|,|@|" + _STAMP + r"|[\d.]+\s*(?:°\s*c|c|%\s*rh|%|rh|rpm|l/min|bar|ppm|lux)?(?![a-z]))+$", re.I)
_SAYS_ROW = re.compile(r"^(?:[\w'.-]+\s+){0,2}?(?:says|reads|shows)\s+[A-Z0-9][A-Z0-9 .:/%=°+-]*$")
# what a dropped part may never say, in quotes or not: a negation, a condition, a time word ("back at 20:00" may be
# the ask's own schedule), a device pointed back at
_NEG = re.compile(r"(?<![a-z])(?:not|never|no|nope|don'?t|dont|do\s+not|isn'?t|won'?t|can'?t|cannot|if|unless|until|till|"
                  r"wait|later|tonight|tomorrow|whenever|instead)(?![a-z])|n't|n’t", re.I)
_WHEN = re.compile(r"(?<![a-z])(?:when|after|before|at|by|in\s+\d+|then|once|soon|first|next)(?![a-z'])", re.I)
_POINT_BACK = re.compile(r"(?<![a-z])(?:turn|switch|shut|kill|cut|stop|start|open|close|lock|unlock|set|put|run)\s+"
                         r"(?:it|them|that|this)(?![a-z])", re.I)
_STAMP_RX = re.compile(_STAMP)


def _quiet(part: str, names: Callable[[str], bool]) -> bool:
    """Whether ``part`` (what would be dropped) says no negation, condition, time word, pointed-back device or fleet
    name (a stamp alone is the record's: "log 06:58")."""
    if _NEG.search(part) or _POINT_BACK.search(part) or _WHEN.search(part):
        return False
    return not names(_CODE.sub(" ", part))


def _drop_clauses(text: str, names: Callable[[str], bool]) -> str:
    """``text`` without its record clauses (module doc); the first clause is never one (it must hold an ask)."""
    spans = [(q.start(), q.end()) for q in _QUOTE_SPAN.finditer(text)]
    # a full stop in quotes is an abbreviation's ("Dr. Patel"); a comma there still parts the quote's clauses
    seps = [m for m in _SEP.finditer(text) if "." not in m.group(0) or not any(a < m.start() < b for a, b in spans)]
    if not seps:
        return text
    bounds = [0] + [m.end() for m in seps]
    ends = [m.start() for m in seps] + [len(text)]
    keep: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(zip(bounds, ends)):
        clause = text[a:b].strip()
        if i > 0 and clause and _is_record(clause, names):
            continue
        keep.append((a if not keep else seps[i - 1].start(), b))
    if len(keep) == len(bounds):
        return text
    kept = "".join(text[a:b] for a, b in keep)
    closing = re.search(r"['\"”’]\s*$", text) if keep[-1][1] < len(text) else None
    if closing is not None and re.search(r"(?<![\w])['\"“‘][^'\"”’]*$", kept):  # "boss: 'lock up, …'": the quote closes
        kept += closing.group(0).strip()
    return kept


def _is_record(clause: str, names: Callable[[str], bool]) -> bool:
    head = _RECORD_HEAD.match(clause)
    if head is not None:
        return _quiet(clause[head.end():], names) and not _NEG.search(clause[:head.end()]) \
            and not _WHEN.search(clause[:head.end()])
    q = _QUOTE_TAIL.match(clause)
    if q is not None:
        return _quiet(clause[:q.start("q")], names) and _quiet(q.group("q"), names)
    p = _PAST_STAMP.match(clause)
    if p is not None:
        return _quiet(_STAMP_RX.sub(" ", re.sub(r"(?i)\bat\s+(?=\d)", " ", clause)), names)
    if _SAYS_ROW.match(clause):
        return _quiet(clause, names)
    return False


# a code joined to a device by "and" / "with" ("start conveyor B, ALM-12 and conveyor A") is no note: it stays
_JOINED_AFTER = re.compile(r"^\s*(?:and|&|\+|plus|or|with|then)(?![a-z])", re.I)
_JOINED_BEFORE = re.compile(r"(?<![a-z])(?:and|&|\+|plus|or|with|then)\s*$", re.I)


def _code_dropped(m: re.Match[str], names: Callable[[str], bool]) -> str:
    text = m.string
    if names(m.group(0)) or _JOINED_AFTER.match(text[m.end():]) or _JOINED_BEFORE.search(text[:m.start()]):
        return m.group(0)
    return ""


def drop_pasted_en(utterance: str, names: Callable[[str], bool]) -> str | None:
    """The ask (as said, not normalised) without its pasted references (module doc); None where it has none, is
    Chinese, or nothing would be left."""
    text = (utterance or "").strip()
    if not text or re.search(r"[\u4e00-\u9fff]", text):
        return None
    out = _BACKTICK.sub(" ", text) if "`" in text else text

    def bracket(m: re.Match[str]) -> str:
        body = m.group("body")
        noted = re.search(r"(?<![a-z])" + _RECORD + r"(?![a-z])", body, re.I) or _CODE.search(body)
        return "" if noted and _quiet(body, names) else m.group(0)

    row = _READING_ROW.match(out)
    if row is not None and _VALUES.match(row.group("vals")):
        out = out[row.end():]
    out = _BRACKET.sub(bracket, out)
    out = _PER_LOG.sub("", out)
    out = _drop_clauses(out, names)
    out = _LABEL.sub(lambda m: _code_dropped(m, names), out)
    out = _TIED_CODE.sub(lambda m: _code_dropped(m, names), out)
    out = re.sub(r"\s+([,;.!])", r"\1", re.sub(r"\s{2,}", " ", out)).strip(" ,;—–-")
    if out == text or not re.search(r"[a-z]", out, re.I):
        return None
    return out


def pasted_refs_read(asst: Any, utterance: str, said: Any) -> Any:
    """``said``, or the ask without its pasted references read again (only where it was refused with no command)."""
    if not refused_outright(said, utterance):
        return said
    names = fleet_namer(asst)  # a device, kind or place said (a feeling in a quote, "dark in here", is none)
    words = drop_pasted_en(utterance, names)
    return reread_as(asst, utterance, said, normalize(words) if words else None)
