"""Work-order and ticket labels on an ask: "WO-114: set the line A exhaust fan speed to medium", "#114 …",
"Ticket 52: …", "[JOB-7] …", "… (WO-114)", "…, per ticket 52", 工单114：…, …（工单号114） (held-out 18: the label's
number was read as a loose value and the ask refused).

A label says which paperwork the ask belongs to, never a value, a device or a place: it is dropped, at the start or
the end of the ask only, and only in a label's own shape (a label word or a ``#``, then a number, then a separator or
the end). A number anywhere else stays what it was ("#2 conveyor" with no separator is no label; "set it to 114"
is a value). Applied by ``phrases.normalize`` (lower case, NFKC already done). Pure and Qt-free; imports nothing of
the package; no threads, no locks.
"""

from __future__ import annotations

import re

_WORD = (r"(?:wo|w/o|work[\s-]?order|job(?:\s+card)?|ticket|tkt|task|ref(?:erence)?|req(?:uest)?|case|incident|inc|"
         r"change(?:\s+request)?|cr|jira|sr|permit|ptw|maintenance\s+order|mo|pm)")
_CODE = r"(?:no\.?\s*|number\s+|#\s*)?[-#:.]?\s*(?:[a-z]{1,4}-)?\d+[a-z]?(?:[-/]\d+)?"
# "WO-114:", "ticket #52 -", "[JOB-7]", "#114:" (never a bare "line-2:": a place, not a label)
_LEAD_EN = re.compile(
    r"^\s*[\[(]?\s*(?:" + _WORD + r"\s*" + _CODE + r"|#\s*\d+)\s*[\])]?\s*"
    r"(?:[:|/]|[-–—.,]\s|(?<=[\])])\s|(?<=\d)\s+(?=(?:please\s+)?(?:set|turn|switch|open|close|shut|start|stop|run|"
    r"halt|lock|unlock|put|power|raise|lower|dim|sound|kill|cut|get|bring|make)(?![a-z])))\s*")
_TAIL_EN = re.compile(
    r"\s*(?:[,;.\-–—]\s*|\s+)(?:[\[(]\s*)?(?:(?:per|for|re:?|see|under|on|as\s+per|ref)\s+)?"
    r"(?:" + _WORD + r"\s*" + _CODE + r"|#\s*\d+)\s*[\])]?\s*[.!]*$")
_WORD_ZH = r"(?:工单号?|工作单号?|任务单号?|派工单号?|维修单号?|检修单号?|单号|编号|票号|工作票号?)"
_CODE_ZH = r"\s*(?:号|编号)?\s*[:#]?\s*(?:[a-z]{1,4}-?)?\d+\s*号?"
_LEAD_ZH = re.compile(r"^\s*[\[(【]?\s*" + _WORD_ZH + _CODE_ZH + r"\s*(?:[\])】]\s*[:，,。;；]?|[:，,。;；\s])\s*")
_TAIL_ZH = re.compile(r"\s*[，,。;；]?\s*[\[(【]?\s*(?:按|根据|见|关联)?\s*" + _WORD_ZH + _CODE_ZH + r"\s*[\])】]?\s*[。!！]*$")


def drop_labels(text: str) -> str:
    """The (normalised, lower-case) ask without a work-order or ticket label at its start or end."""
    if not text or not re.search(r"\d", text):
        return text
    out = _LEAD_ZH.sub("", _LEAD_EN.sub("", text, count=1), count=1)
    out = _TAIL_ZH.sub("", _TAIL_EN.sub("", out, count=1), count=1)
    return out.strip() if out.strip() else text
