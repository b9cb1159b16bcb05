"""Keeping people out for a period is locking now (session 10): "make sure no one can get in overnight", "ensure
nobody gets in over the weekend", "… all night".

Session 11b (blind set 71): a day word is a schedule, wherever it stands: "make sure nobody can get in tonight" had
locked now and is refused (as "lock the door tonight" is); "this weekend" likewise.  Only a period said alone
("overnight", "all night", "through the night", "over the weekend") is the span below.

The keep-out wish ("make sure no one can get in") is the lock's (the semantic layer reads it so), and "for the night"
beside it is a span that says why (purposes.py); "overnight" / "all night" / "over the weekend" at the
end of such a wish are the same span, the state that must hold, never a time to act at: the screening had refused
them as schedules.  :func:`keep_out_span` writes the span as "for the night" / "for the weekend" only right after a
keep-out wish and before a clause boundary or the end, and only where the ask has no clock time or other day word
left ("make sure no one can get in tonight at 8", "lock the door tonight", "lock the door at 10pm" stay refused as
schedules: the first says when, the others bind the time to a command, not to a wish about people).  English only
(今晚 has no span reading that is not also a time).  Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

from console.core.assistant.screening import SCHEDULE

_WHO = r"(?:no\s*one|no-one|nobody|no\s+body)(?:\s+else)?"
_KEEP = re.compile(
    r"(?<![a-z])(?:(?:make\s+sure|ensure|be\s+sure|check)\s+(?:that\s+)?" + _WHO
    + r"\s+(?:can|could|will|gets?|comes?|is\s+able\s+to)\s+(?:get|come|walk|break|wander|sneak)?\s*in(?:side)?"
    r")\s+(?P<span>overnight|all\s+night(?:\s+long)?|through\s+the\s+night|over\s*night|"
    r"over\s+the\s+weekend)(?=\s*(?:[,.!;:]|\s[-—–]|$))")

# session 10b: "nobody gets in while we're running the guarding test": an activity of ours under way now is the span
# the wish holds for, a reason ("…, we're running the guarding test"), never a condition; a device's state ("while the
# conveyor is running") or "when …" stays a condition (refused)
_WHILE = re.compile(
    r"(?<![a-z])(?P<wish>(?:(?:make\s+sure|ensure|be\s+sure)\s+(?:that\s+)?)?" + _WHO
    + r"\s+(?:can|could|will|gets?|comes?|is\s+able\s+to)\s+(?:get|come|walk|break|wander|sneak)?\s*in(?:side)?)"
    r"\s+while\s+(?P<who>we're|we\s+are|i'm|i\s+am|they're|they\s+are|the\s+(?:crew|team|guys)\s+(?:is|are))\s+"
    r"(?P<doing>[a-z]+ing(?:\s+[a-z'-]+){0,5}?)(?=\s*(?:[,.!;:]|\s[-—–]|$))")


def keep_out_span(text: str) -> str:
    """``text`` (normalised) with the span after a keep-out wish as "for the night" / "for the weekend"; the same
    string when it has none or a clock time or another day word stays."""
    if "in" not in text:
        return text
    w = _WHILE.search(text) if "while" in text else None
    if w is not None and not SCHEDULE.search(w.group("doing")) and not re.search(r"\d", w.group("doing")):
        return f"{text[:w.end('wish')]}, {w.group('who')} {w.group('doing')}{text[w.end():]}"
    m = _KEEP.search(text)
    if m is None:
        return text
    span = "for the weekend" if "weekend" in m.group("span") else "for the night"
    out = text[:m.start("span")] + span + text[m.end("span"):]
    return text if SCHEDULE.search(out) else out
