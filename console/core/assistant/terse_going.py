"""A terse "<thing> going" is a target state, as "<thing> on" is (session 9, a maintenance crew's week).

"line B: coolant going and steam at half" proposed the valve alone: "going" starts a device only as "get … going"
(reader._idle_going: "keep line a going but drop it to low", "line b is going too fast" start nothing), so "coolant
going" read as nothing, and the clause pass took it for a situation and dropped it silently.  In a terse list item
— a clause that is only a short noun phrase and going / flowing / running / circulating, at the clause's end — the
word is the state wanted: "coolant going", "pump running, valve at half", "fan going and blinds up".  Never after a
copula or a keep word ("the coolant is going", "coolant's going", "keep the fan going", "still running", "already
going"), never before more words ("going too fast", "running at 40 all night"), never after a pronoun ("it's
running"), never before a clause that points back at it ("conveyor b going, stop it": a report).  Pure text over the normalised (and partly masked) ask.
"""

from __future__ import annotations

import re

# (the noun phrase may be blanked already: the reader masks the names it read, "fan going" → "    going")
_TERSE_GOING = re.compile(
    r"(?:^|[,;:.!]\s*|\s(?:and|then|also|plus)\s+)(?P<np>[^,;:.!]{1,40}?)\s+"
    r"(?P<word>going|flowing|running|circulating)(?=\s*(?:$|[,;.!]|(?:and|then|now|please|pls|again)(?![a-z])))")
_NOT_TERSE = re.compile(r"(?<![a-z])(?:is|are|was|were|be|been|being|keep|keeps|kept|leave|leaves|left|still|already|"
                        r"it|its|they|them|he|she|we|i|you|that|this|who|which|not|no|never|stay|stays|remain|remains|"
                        r"get|gets|got|getting|need|needs|want|wants|set|turn|start|stop|what|how|why|has|have|had)(?![a-z])|'s|'re")

# the next clause points back at it ("…, stop it"): the item is that command's antecedent, a report
_POINTS_BACK = re.compile(r"\s*[,;.!]?\s*(?:and\s+|so\s+|but\s+)?(?:[a-z']+\s+){0,4}?(?:it|them)(?![a-z])")


def terse_going(work: str) -> set[int]:
    """Where a terse item's going / flowing / running word starts in ``work`` (normalised, lower case)."""
    if not re.search(r"going|flowing|running|circulating", work):
        return set()
    return {m.start("word") for m in _TERSE_GOING.finditer(work) if not _NOT_TERSE.search(m.group("np"))
            and len(m.group("np").split()) <= 4 and (m.group("np").strip() or m.start("word") - m.start("np") >= 3)
            and not _POINTS_BACK.match(work[m.end():])}  # "conveyor b going, stop it": a report, its antecedent
