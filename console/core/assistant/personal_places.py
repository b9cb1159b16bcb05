"""The speaker's own spot in a reason clause is no place of the fleet (session 11, held-out 66).

"morning! can you switch on the desk lamp in the office, it's a bit gloomy at my bench" was refused: "at my bench" was
read as a place the fleet lacks.  But "my bench", "our workstation" say where the speaker is, and the clause that says
so only says why ("it's a bit gloomy"); the command names its device itself.  :func:`personal_spot` says whether the
unknown noun at token ``i`` is such a spot: "my" / "our" right before it, in a clause (between , ; . ! ?) that names
no device, kind or place and says how the place feels (gloomy, dark, cold, stuffy …), while another clause names a
device.  An unknown place in the command itself ("turn on the lights at my bench", "the bench lights") stays refused:
its clause names a kind, and "the lights" must never widen to every lamp.  Pure; regexes compiled at import.
"""

from __future__ import annotations

import re

_FEELS = re.compile(r"(?<![a-z])(?:gloomy|dark|dim|murky|cold|chilly|freezing|hot|warm|boiling|stuffy|muggy|humid|"
                    r"bright|glary|noisy|loud|smoky|draughty|drafty)(?![a-z])")
_BOUNDS = ",;.!?"

Tokens = list[tuple[str, int]]


def personal_spot(tokens: Tokens, i: int, mention_starts: set[int], device_named: bool, work: str) -> bool:
    """Is the unknown noun at ``tokens[i]`` the speaker's own spot in a reason clause (module doc)?"""
    if not device_named or i == 0 or tokens[i - 1][0] not in ("my", "our"):
        return False
    lo = i
    while lo > 0 and tokens[lo - 1][0] not in _BOUNDS:
        lo -= 1
    hi = i
    while hi + 1 < len(tokens) and tokens[hi + 1][0] not in _BOUNDS:
        hi += 1
    start = tokens[lo][1]
    end = tokens[hi][1] + len(tokens[hi][0])
    if lo == 0 or any(start <= p < end for p in mention_starts):
        return False  # the command's own clause, or a clause that names a device: never skipped
    return _FEELS.search(work[start:end]) is not None
