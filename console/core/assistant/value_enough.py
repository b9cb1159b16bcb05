""""<value> is enough" says the value suffices, never "less of something": "Ventilate line A, low speed is enough",
"open the blinds, halfway is enough", "medium will be plenty" (session 8).

direction.py reads "enough" as a "less" word ("enough coolant", 蒸汽够了: down), which is right for a thing or a device;
after a value the rules read it only rates that value.  The semantic layer's "the kind's own verb" step (layers.py
``_with_verb``: "ventilate line a at low" → the fan on, speed low) had been stopped by that "less" word, so the ask set
the speed and left a stopped fan stopped.  ``without_value_enough`` blanks the phrase where the word before it (or
before speed / level / setting) is one of the values read; the direction check itself still reads the whole ask.
Pure regular expressions; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Iterable

_VALUE_ENOUGH = re.compile(r"(?<![a-z0-9])(?P<v>[a-z]+|\d+(?:\.\d+)?\s*(?:%|percent|rpm|l/min)?)"
                           r"(?:\s+(?:speed|level|setting|flow|extraction|ventilation))?"
                           r"\s+(?:is|will\s+be|would\s+be|should\s+be|'s)\s+(?:quite\s+|just\s+|more\s+than\s+)?"
                           r"(?:enough|plenty|sufficient)(?![a-z])")
_AMOUNTS = {"half", "halfway", "max", "maximum", "min", "minimum"}


def without_value_enough(text: str, values: Iterable[str]) -> str:
    """``text`` (normalised) less each "<value> is enough" whose value is among ``values`` (the enum values read)
    or a number or an amount word (half, halfway)."""
    if "enough" not in text and "plenty" not in text and "sufficient" not in text:
        return text
    known = set(values) | _AMOUNTS

    def drop(m: re.Match) -> str:
        v = m.group("v")
        return " " if v in known or v[0].isdigit() else m.group(0)

    return _VALUE_ENOUGH.sub(drop, text)
