""""<what a device does> on <value>" switches it on, as "<device> on <value>" does: "Line A stinks, get the extraction
on high", "line a ventilation on medium" → the fan on at that speed (session 8), like "Line A exhaust fan on high".

The rules read "on" as the switch word only right after a name; "extraction" / "ventilation" are no names but what
the fan does (its catalog ``things``), so the "on" was dropped and only the speed set.  Here, for the semantic layer's
"the kind's own verb" step (layers.py ``_with_verb``): a thing word of the device's kind (not one it takes away:
"fumes on high" is no ask), then "on", then a value the rules read, says "up".  "on" before a place ("ventilation on
line a down to low") is a preposition and no value follows it, so nothing changes there; "to high" ("set the
extraction to high", "crank the extraction to high") stays the value only.

:func:`thing_out`: "get the smoke out of line one, high speed", "clear the fumes out", "get rid of the smoke" name what
the device takes away (its kind's ``removes``) with a verb of taking it out: that verb runs the device, as "ventilate"
does, so the value comes with the switch on (held-out 31).  "keep the smoke out", "the smoke is out" say no such verb.
Pure regular expressions; no threads.
"""

from __future__ import annotations

import re
from typing import Iterable


def thing_on_value(text: str, things: Iterable[str], removes: Iterable[str], values: Iterable[str]) -> bool:
    """Does the (normalised) ask say "<thing> on <value>" for a thing of the kind and a value read?"""
    vals = [v for v in values if v]
    if " on " not in text or not vals:
        return False
    gone = set(removes)
    nouns = [t for t in things if t.isascii() and "..." not in t and t not in gone]
    if not nouns:
        return False
    pattern = (r"(?<![a-z])(?:" + "|".join(re.escape(t) for t in sorted(nouns, key=len, reverse=True)) + r")\s+on\s+"
               r"(?:the\s+)?(?:" + "|".join(re.escape(v) for v in vals) + r")(?![a-z])")
    return re.search(pattern, text) is not None


def thing_out(text: str, removes: Iterable[str]) -> bool:
    """Does the (normalised) ask say to take out a thing the kind removes ("get the smoke out", "get rid of the
    fumes", "clear the smoke out of line a")?"""
    nouns = [t for t in removes if t.isascii() and "..." not in t]
    if not nouns or ("out" not in text and "rid of" not in text):
        return False
    thing = "(?:" + "|".join(re.escape(t) for t in sorted(nouns, key=len, reverse=True)) + ")"
    det = r"(?:(?:the|all\s+(?:the|that|this)|that|this|some|of\s+the)\s+)?"
    pattern = (r"(?<![a-z])(?:(?:get|take|clear|pull|suck|draw|blow|push|drive|let)\s+" + det + thing + r"\s+out"
               r"|(?:get|take|clear|pull|suck|draw|blow|push|drive)\s+out\s+" + det + thing
               + r"|get\s+rid\s+of\s+" + det + thing + r")(?![a-z])")
    return re.search(pattern, text) is not None
