"""Asks that put a change off: negations in another form (blind set 71, session 11b).

"hold off on cutting the steam" CLOSED the steam valve: the words said to wait (not to do it now) and the
semantic layer read only "cutting the steam".  "hold off (on) <doing>", "put off <doing>", "don't bother
<doing|with>", "no need for <doing>", "leave <device> (alone) for now" and, in Chinese, 暂缓 / 先不急着 / 不急着 /
<事>先放一放 say not to do the change now, as 先别 / 暂时不要 already do: screening.py's negation guard refuses them.

Kept as they were: "stop the coolant for now", "open the steam up a quarter for now" (a change, then how long it
holds), "leave it at 5" (a value), "QA hold on line B" (a hold on product, not on the ask), "the steam can
wait … " is not touched here.
"""

from __future__ import annotations

import re

# "leave X for now" only where X says no state or value (never "leave the lamp on for now", "leave it at 5")
_LEAVE_WORD = r"(?!(?:on|off|open|opened|closed|shut|running|at|to|as|in|out|up|down|and|but|then)(?![a-z]))[a-z'-]+"

DEFERRED = re.compile(
    r"(?<![a-z])(?:hold(?:ing)?\s+off|put(?:ting)?\s+off|postpone|delay\s+(?=[a-z]+ing(?![a-z]))"
    r"|don'?t\s+bother|do\s+not\s+bother|no\s+need\s+for\s+(?=[a-z]+ing(?![a-z])))(?![a-z])"
    r"|(?<![a-z])leave\s+(?:" + _LEAVE_WORD + r"\s+){1,4}?(?:alone\s+)?for\s+now(?![a-z])"
    r"|暂缓|先不急着?|不急着|(?:先|暂且|暂时)(?:放一放|放放|搁一搁|缓一缓)")


def deferred(text: str) -> str | None:
    """The words that put the change off ("hold off on", 暂缓), or None."""
    m = DEFERRED.search(text or "")
    return m.group(0) if m else None
