"""Words that only soften or limit an amount ("but only like halfway", "just about a quarter") are the amount
(session 9, blind set).

"let the sunlight in but only like halfway" was refused ("no device or place called 'but'"), "… only halfway" too
('only'): the words before the amount say "no further than" or "roughly", and the amount is what to set.
:func:`amount_only` drops "but" / "only" / "just" / "no more than … like" where they stand right before an amount of
travel (halfway, a quarter, a third, three quarters) or a percentage, and nothing else.  A bound said as one ("no more
than 20 %", "at most halfway") stays a bound (direction.BOUND refuses it).  Pure text; no threads, no locks.
"""

from __future__ import annotations

import re

_AMOUNT = (r"(?:halfway|half\s+way|half|(?:a|one)\s+quarter|three\s+quarters|(?:a|one)\s+third|two\s+thirds|"
           r"\d+(?:\.\d+)?\s*(?:%|percent))(?![a-z])")
_ONLY = re.compile(r"(?:\s*,)?\s+(?:but\s+)?(?:only|just)\s+(?:(?:like|about|around|roughly|maybe|say)\s+)?(?=" + _AMOUNT + ")"
                   r"|(?:\s*,)?\s+but\s+(?:(?:like|about|around|roughly|maybe|say)\s+)(?=" + _AMOUNT + ")")


# "coolant flow to exactly 50": "exactly" / "precisely" before a number is that number (session 9, bounded_negations.py)
_EXACTLY = re.compile(r"(?<![a-z])(?:exactly|precisely)\s+(?=\d)")


def amount_only(text: str) -> str:
    """``text`` (normalised, English) with the softening words before an amount dropped (module doc)."""
    if "exactly" in text or "precisely" in text:
        text = _EXACTLY.sub("", text)
    if ("only" not in text and "just" not in text and "but" not in text) or re.search(r"[\u3400-\u9fff]", text):
        return text
    return _ONLY.sub(" ", text)
