""""X, then Y": a "then" (然后 / 接着 / 随后 / ，再…) ends the ask before it; each side is an ask of its own.

Held-out 33: "Turn off the ceiling lamp and the desk lamp, then lock the main door." was refused ("Office ceiling lamp
cannot be locked"): the whole reading gave "lock" to the lamps, and the clause pass cut "the desk lamp" off its verb
at "and".  Read apart, "turn off the ceiling lamp and the desk lamp" and "lock the main door" each resolve.
:func:`then_parts` cuts a (normalised) ask at such a "then"; the assistant (layers.py) reads each part with the whole
clause machinery when the ask read as a whole was refused, and proposes them together only when every part resolves
and no two disagree about a device (else the ask is read as before).  Never the "then" of a time ("by then", "until
then", "since then", "from then on") or "now and then"; a condition ("if …, then …") is refused before this is asked.
Pure regular expressions.
"""

from __future__ import annotations

import re

_THEN = re.compile(
    r"(?:\s*[,;]\s*|(?<![a-z]by)(?<!until)(?<!till)(?<!since)(?<!before)(?<!from)(?<!now\sand)\s+)(?:and\s+)?"
    r"then(?:\s*,)?\s+(?!on(?![a-z])|again(?![a-z]))"
    r"|\s*[,;]?\s*(?:然后|之后再|接着|随后|再然后)\s*"
    r"|\s*[,;]\s*再(?=[把将关开打锁停启拉放调])")


def then_parts(text: str) -> list[str]:
    """The parts of ``text`` between its "then"s (the text alone when it says none)."""
    return [p.strip(" ,;.") for p in _THEN.split(text or "") if p and p.strip(" ,;.")]
