""""make the office twenty one degrees": a tens word and a ones word said apart before a unit are one number
(session 13, blind set 86, headset dictation).

Dictation writes "twenty one" where a typist writes "twenty-one".  The numbers reader already reads both, but "one"
after a place had been taken as the pronoun of "the office one" (a device of the office), so the ask was refused as
naming no device ("Which device is 'the office twenty one'").  :func:`hyphenate_tens` writes the hyphen, only where a
unit follows ("twenty one degrees", "thirty five percent", "forty five rpm"), so the words are one value and never a
device.  It adds nothing the ask did not say.  Pure; compiled at import.
"""

from __future__ import annotations

import re

_TENS = r"(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_UNIT = r"(?:degrees?|deg|°|percent|per\s+cent|%|rpm|litres?|liters?|l/min)"
_SPACED = re.compile(rf"(?<![a-z-])({_TENS})\s+({_ONES})(?=\s*{_UNIT}(?![a-z]))")


def hyphenate_tens(text: str) -> str:
    """``text`` (normalised) with "twenty one degrees" written "twenty-one degrees"; unchanged when it has none."""
    if "ty " not in text:
        return text
    return _SPACED.sub(r"\1-\2", text)
