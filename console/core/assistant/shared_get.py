"""One "get" for two things ("get A going and B going") is said for each (session 9, harms found blind).

"get the coolant circulating and production going on line B" started the pump only: the catalog's up phrases are
"get ... circulating" / "get ... going", and the second thing ("production going") has no "get" of its own, so it was
silently dropped.  The shared verb is said again ("… and get production going on line B") and the ask read as any
other; a second part that has a verb of its own ("and stop the fan", "and then …") is left alone.  English only
(Chinese says the verb per part: 循环起来、开起来).  Pure text; no threads, no locks.
"""

from __future__ import annotations

import re

_SHARED = re.compile(
    r"(?P<first>(?<![a-z])get\s+(?:(?!and\s)[^,;.])+?\s+(?:[a-z]+ing|started|on))\s+and\s+"
    r"(?P<second>(?:the\s+|our\s+)?(?!(?:get|got|keep|then|also|turn|switch|stop|start|set|open|close|shut|kill|lock|"
    r"unlock|put|make|leave|let)(?![a-z]))[a-z][a-z ]{0,30}?\s+(?:going|moving|running|flowing|circulating|turning|"
    r"started|on))(?![a-z])")


def share_get(text: str) -> str:
    """``text`` with the shared "get" said again before the second part."""
    if "get" not in text:
        return text
    return _SHARED.sub(lambda m: f"{m.group('first')} and get {m.group('second')}", text)
