"""A comparative said with its target in the next clause (session 14, blind set 97: Taiwanese colleagues' English):
"Can the office get warmer? set 28", "office cooler? 20 degrees", "warmer please, set 28".

The issue's rule holds already where the target follows a comma ("office cooler, 20 degrees", "make the office
warmer, set it to 28": the target, never a relative change); these were refused as relative changes because the
question mark ended the comparative's clause (the target was read apart from it), and "set 28" after a place is no
"set to 28" (bare_set_numbers.py keeps its rewrite to asks that name a device or kind).  :func:`compared_target`
reads such an ask as "<comparative>, <target>": a question mark right after the comparative becomes a comma, and a
bare "set N" after it "set to N".  Only where a comparative of a value (warmer, cooler, colder, hotter, brighter,
dimmer, darker) comes first and a number follows; no other ask changes, and the whole pipeline reads the result (its
range, its direction check against the comparative, a negation or schedule) as for any ask.  English only.  Pure
text; regexes compiled at import.
"""

from __future__ import annotations

import re

_COMPARED = r"(?<![a-z])(?:warmer|cooler|colder|hotter|brighter|dimmer|darker)(?![a-z])"
_QUESTION = re.compile(r"(" + _COMPARED + r"(?:\s+(?:please|pls|plz))?)\s*\?+\s*(?=[^?]*\d)")
_BARE_SET = re.compile(r"(" + _COMPARED + r"[^0-9]*?[,;.]\s*(?:and\s+)?set)\s+(?=\d{1,3}(?:\.\d)?\s*(?:degrees?|°c?|c)?\s*"
                       r"(?:please|pls)?\s*[.!]*\s*$)")


def compared_target(text: str) -> str | None:
    """``text`` (normalised) with the comparative's target joined to it (module docstring); None where unchanged."""
    if not text or not text.isascii() or not any(ch.isdigit() for ch in text):
        return None
    out = _QUESTION.sub(r"\1, ", text, count=1)
    out = _BARE_SET.sub(r"\1 to ", out, count=1)
    return out if out != text else None
