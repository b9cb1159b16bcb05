"""A report on how a device has been, alone, is no command (held-out 25): "the coolant has been flowing nicely all
week", "the lights were on all night", "the extraction worked hard all day", "conveyor A is running fine".

One clause, opening with its subject (no imperative, no please, no modal), whose verb is a perfect or a past
("has been …", "was …", "were …", "ran / worked … all day") or a present state with a manner word ("is running
fine"): screening.guard refuses it as a remark.  A remark next to a command (a comma or a sentence between) is
not this: lead_reasons.remark_command drops it and proposes the command.  Pure; no threads, no locks.
"""

from __future__ import annotations

import re

_VERB = (r"(?:turn|switch|start|stop|set|open|close|shut|lock|unlock|run|put|get|make|keep|leave|kill|fire|crank|bring|"
         r"sound|raise|lower|dim|power|boot|restart|resume|halt|ventilate|cool|heat|warm|change|go|give|activate|"
         r"deactivate|enable|disable|trigger|silence|mute|check|see|have|let|just|now|then|and|also)")
_SUBJECT = (r"^(?!" + _VERB + r"(?![a-z0-9'-]))(?:(?:the|our|my|this|that|these|those|all\s+the)\s+)?"
            r"(?:(?!that\s|which\s|who\s)[a-z0-9'-]+\s+){0,4}?[a-z0-9'-]+\s+")
_HOW = (r"(?:fine|nicely|well|smoothly|perfectly|great|ok|okay|beautifully|flawlessly|hard|properly|normally|steadily|"
        r"without\s+(?:a\s+|any\s+)?(?:problems?|issues?|hiccups?|trouble)|all\s+(?:day|week|night|morning|afternoon|"
        r"evening|shift|month)(?:\s+long)?|yesterday|last\s+(?:night|week|shift)|for\s+(?:hours|days|weeks|ages))")
REPORT = re.compile(
    _SUBJECT + r"(?:(?:has|have|had)\s+been|was|were)\s+(?!supposed|meant|asked|told|to\s)\S.*$"
    r"|" + _SUBJECT + r"(?:(?:ran|worked|went|kept\s+going|stayed\s+on|stayed\s+off|flowed|ran\s+\S+)|"
    r"(?:is|are|'s|'re)\s+(?:running|working|flowing|going|humming|doing|performing|behaving)|[a-z]+ed)"
    r"(?:\s+\S+){0,2}?\s+" + _HOW + r"(?:\s+\S+){0,3}$")
_CMD = re.compile(r"(?<![a-z])(?:please|pls|kindly|can|could|would|will|should|must|need|needs|let'?s|make\s+sure|"
                  r"ensure|want|wants|gotta|have\s+to|has\s+to)(?![a-z])")


def report_in(text: str) -> str | None:
    """The whole (already normalised) text when it is one clause reporting how a device has been, else None."""
    t = (text or "").strip().rstrip(".!。！ ")
    if not t or re.search(r"[,;:，；：?？!！—–]|\.\s|\s-\s", t) or _CMD.search(t):
        return None
    return t if REPORT.match(t) else None
