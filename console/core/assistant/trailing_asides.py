"""Trailing asides that say for whom, what for or why, never what (held-out 33, night rounds):

- a beneficiary at the end of a clause: "Brighten up the warehouse for the cleaners.", "… for the night shift",
  "… for me": who the change is for (a person noun, people.PERSON), not a device; it had made the semantic layer
  drop the lamp's own verb ("cleaners" counted as a word about something else);
- a "just enough to …" purpose after a value: "Office lighting down to 10 percent, just enough to mop by." ("enough"
  had been read as an unknown device); "… , only enough to see by", "… , just enough light for the cleaners";
- the time of day as a trailing reason after a clause boundary: "Halt all production, end of shift." / "… — end of
  day": it is the end of the shift now, as the heading "End of shift: …" (time_headings.py) says.

Each is dropped only where it ends a clause (a comma, a dash, a full stop or the end follows), names nothing of the
fleet (``names``: "for the warehouse crew" keeps its place, the ask stays as it was), and the rest still acts (a way,
a verb or "to" a value).  What stays: "at the end of the shift, halt …", "halt … at end of shift", "halt all production
end of shift" (no boundary: a time the ask binds to, refused as a schedule); "20 % is enough" (value_enough.py: no
boundary or "just" before "enough").  Pure: regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Callable

from console.core.assistant.direction import direction_of, lock_ways
from console.core.assistant.people import PERSON

_B = r"(?:\s*[,;:]\s*|\s+[-—–]+\s+|\s*[—–]+\s*)"  # a clause boundary (punctuation or a spaced dash)
_CLAUSE_END = r"(?=\s*(?:[,;:.!]|\s[-—–]|[—–]|$))"
# "for the cleaners", "for the night shift crew", "for me" (never "for 10 minutes", "for the night": purposes.py)
_FOR = re.compile(r"\s+for\s+(?P<who>" + PERSON.pattern + r")" + _CLAUSE_END)
# ", just enough to mop by", ", only enough light to see by", ", barely enough for the cleaners"
_ENOUGH = re.compile(rf"(?:{_B}(?:(?:that's|that\s+is|it's|it\s+is)\s+)?(?:just\s+|only\s+|barely\s+)?|"
                     rf"\s+(?:just|only|barely)\s+)(?P<why>enough\s+(?:light\s+)?(?:to|for|so)\s+[^,;:.!—–]+?)"
                     rf"{_CLAUSE_END}")
# ", end of shift", " — end of the day", ", closing time" (the words of time_headings.py, alone in their clause);
# ", start of shift" the same (session 12, set 76: the time of day as a reason, never a place nor a schedule)
_TIME = (r"(?:(?:end|start|beginning)\s+of\s+(?:the\s+)?(?:shift|day|work\s*day|working\s+day|business\s+day|week)|"
         r"(?:closing|quitting|knocking[\s-]*off|home|clocking[\s-]*off)\s*-?\s*time|close\s+of\s+business)")
_WHEN = re.compile(rf"{_B}(?P<why>(?:(?:it's|it\s+is|its)\s+)?(?:the\s+)?{_TIME}(?:\s+(?:now|already|folks|everyone|"
                   rf"team|guys|people))?)\s*[.!]*\s*$")
_VERB = re.compile(r"(?<![a-z])(?:turn|switch|power|set|put|open|close|shut|lock|unlock|secure|start|stop|run|halt|"
                   r"raise|lower|dim|cut|sound|activate|deactivate|kill|brighten|light|down|up|to)(?![a-z])")


def _acts(text: str) -> bool:
    return bool(direction_of(text) or lock_ways(text) or _VERB.search(text))


def drop_trailing(text: str, names: Callable[[str], bool]) -> str:
    """``text`` (normalised) without its trailing beneficiary, "just enough to …" purpose and end-of-shift reason;
    the same string when it has none (or one names something of the fleet, ``names``, or nothing acts without it)."""
    if not text or not re.search(r"[a-z]", text):
        return text
    out = text
    if "for " in out:
        for m in reversed(list(_FOR.finditer(out))):
            rest = out[:m.start()] + out[m.end():]
            if not names(m.group("who")) and _acts(out[:m.start()]):
                out = rest
    if "enough" in out:
        m = _ENOUGH.search(out)
        if m is not None and not names(m.group("why")) and _acts(out[:m.start()]):
            out = (out[:m.start()] + out[m.end():]).strip()
    if "end" in out or "time" in out or "business" in out or "of " in out:
        m = _WHEN.search(out)
        if m is not None and _acts(out[:m.start()]):
            out = out[:m.start()].strip(" ,;:-—–")
    return out
