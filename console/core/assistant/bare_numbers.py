"""A number said in words where the rules would have dropped it: after an AC's mode in a list, or as a clause alone.

"office AC on, cool mode, twenty-two" had set power and mode and silently dropped the "twenty-two" (held-out 26):
the digits ("…, cool mode, 22") were already the setpoint (phrases.py ``_MODE_NUMBER``: a bare number right after
a climate mode is °C), but a number word is turned into digits only in a value slot ("to twenty-two") or before a
unit, so it stayed a word; and the clause pass then took the lone "twenty-two" for a situation ("last one out": a
clause with no device and no change) and skipped it.  Two rules, over any fleet:

- ``after_mode``: a number word right after "cool"/"heat" (mode) and a comma, as the digits are, is a value in °C
  (values.number_words); the catalog still checks it against the device's range (fifty is refused, never guessed);
- ``spelled_number``: a clause that is only a number word (plus a unit) is a value, never a situation: the whole
  reading must have placed it, or the ask is refused naming it ("office AC on, twenty-two": which setting?).
Pure regular expressions; no threads, no locks.
"""

from __future__ import annotations

import re

from console.core.assistant.numbers import NUMBER_WORDS, english_number

# the same place as phrases._MODE_NUMBER's digits: "cool, ", "cool mode, ", "heating mode at "
_AFTER_MODE = re.compile(r"(?<![a-z])(?:cool|heat|cooling|heating)(?:\s+mode\s*[,，]?\s*|\s*[,，]\s*)(?:at\s+|to\s+)?$")
_UNIT_WORDS = r"(?:\s*(?:%|°c|°|degrees?(?:\s+celsius)?|deg|celsius|percent|rpm|l/min))?"
_ALONE = re.compile(r"^(?:(?:and|then|say|at|to|make\s+it)\s+)?(?P<n>" + NUMBER_WORDS.pattern + r")" + _UNIT_WORDS
                    + r"(?:\s+please)?[\s.!]*$")


def after_mode(before: str) -> bool:
    """Does the text before a number end with a climate mode and its comma ("…, cool mode, ")?"""
    return _AFTER_MODE.search(before) is not None


def spelled_number(clause: str) -> str | None:
    """The digits of a clause (normalised) that is only a number word, with or without a unit ("twenty-two",
    "say twenty two degrees"), else None."""
    m = _ALONE.match(clause.strip())
    if m is None:
        return None
    n = NUMBER_WORDS.match(m.group("n"))
    return str(english_number(n)) if n is not None else None
