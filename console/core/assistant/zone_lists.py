"""A list of places under one plural head word: "stop everything on lines a and b" is "… on line a and line b"
(session 8).

"lines" is also a name of the conveyors ("the production lines"), so "stop everything on lines a and b" had stopped
the two conveyors only (the "a and b" swallowed), and "lines a and b: everything off" had switched off the WHOLE fleet
(no place read, so "everything" had no bound).  The singular form ("on line a and line b") already reads each place
and bounds "everything" to them.  Here a plural head followed by a list of the tails of the fleet's own place names
("line a", "line b" → "lines a and b", "lines 1, 2 and 3", "lines one & two") is written out as those names, only
where it is a place: after a preposition (on, in, at, across, for, from, of) or as the heading of the ask ("lines a
and b: …").  "stop lines a and b" (no preposition: which could be the production lines, the conveyors) and "lines
a or b" are left as they were.  The singular head before such a list after a preposition ("turn everything off on
line a and b", session 10) is written out the same way ("on line a and line b").  Built once per fleet from the zones' English names; pure; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"


class ZoneLists:
    def __init__(self, zones: Mapping[str, Mapping[str, list[str]]], present: Iterable[str]) -> None:
        here = set(present)
        tails: dict[str, set[str]] = {}
        for z, names in zones.items():
            if z not in here:
                continue
            for name in names.get("en", ()):
                m = re.fullmatch(r"([a-z]+)\s+([a-z0-9]+)", name.lower().strip())
                if m:
                    tails.setdefault(m.group(1), set()).add(m.group(2))
        self.patterns: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = []
        self.singular: list[tuple[str, re.Pattern[str]]] = []
        for head, ts in sorted(tails.items()):
            if len(ts) < 2:
                continue
            tail = "(?:" + "|".join(re.escape(t) for t in sorted(ts, key=len, reverse=True)) + ")"
            listed = rf"{tail}(?:{_SEP}{tail})+(?![a-z0-9])"
            placed = re.compile(rf"(?<![a-z])(?P<pre>(?:on|in|at|across|for|from|of)\s+(?:the\s+|both\s+)?)"
                                rf"{re.escape(head)}s\s+(?P<list>{listed})")
            heading = re.compile(rf"^(?P<pre>\s*(?:both\s+)?){re.escape(head)}s\s+(?P<list>{listed})(?=\s*[:,])")
            self.patterns.append((head, placed, heading))
            # the singular head before a list of its tails after a preposition: "on line a and b" (session 10)
            one = re.compile(rf"(?<![a-z])(?P<pre>(?:on|in|at|across|for|from|of)\s+(?:the\s+|both\s+)?)"
                             rf"{re.escape(head)}\s+(?P<list>{listed})")
            self.singular.append((head, one))
        self.tail_of = re.compile(r"[a-z0-9]+")

    def rewrite(self, text: str) -> str:
        """The (normalised) ask with each plural place list written out ("on line a and line b"); else unchanged."""
        for head, placed, heading in self.patterns:
            if head + "s" not in text:
                continue

            def out(m: re.Match, head: str = head) -> str:
                items = [t for t in re.split(_SEP, m.group("list")) if t]
                return m.group("pre") + " and ".join(f"{head} {t.strip()}" for t in items)

            text = heading.sub(out, placed.sub(out, text))
        for head, one in self.singular:
            if head + " " not in text:
                continue

            def each(m: re.Match, head: str = head) -> str:
                items = [t for t in re.split(_SEP, m.group("list")) if t]
                return m.group("pre") + " and ".join(f"{head} {t.strip()}" for t in items)

            text = one.sub(each, text)
        return text
