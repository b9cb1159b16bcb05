"""A person named by where they come from, let in (session 10b): "let the guy from maintenance in, he's at the entrance".

"from maintenance" had been read as a place the fleet lacks ("No device or place called 'maintenance'"), so the whole
ask was refused, although "let the maintenance guy in" unlocks the main entrance (people.py: letting a person in is
the lock's own phrase).  Inside "let … in", a person noun (people.PERSON) followed by "from (the) <one or two words>" is
the same person as "<words> <person>": the phrase is rewritten so ("let the guy from maintenance in" → "let the
maintenance guy in"), and only there: "turn on the lights from the warehouse", "the guy from maintenance says …"
(no "let … in") stay as they are.  Pure regular expressions compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re

from console.core.assistant.people import PERSON

_FROM = re.compile(r"(?<![a-z])let\s+(?P<det>(?:the|our|a|an|my|some|that|this|those|these)\s+)?(?P<who>[a-z]+)"
                   r"\s+from\s+(?:the\s+)?(?P<where>[a-z]+(?:\s+[a-z]+)?)\s+in(?:to)?(?![a-z])")


def person_from(text: str) -> str:
    """``text`` (normalised) with "let the <person> from <where> in" as "let the <where> <person> in"; else as it is."""
    if "from" not in text or "let" not in text:
        return text

    def sub(m: re.Match[str]) -> str:
        if not PERSON.fullmatch(m.group("who")) or m.group("where").split()[-1] in ("in", "into"):
            return m.group(0)
        return f"let {m.group('det') or ''}{m.group('where')} {m.group('who')} in"

    return _FROM.sub(sub, text)
