"""A pause "for a sec" is a stop now (session 10): "the rattling on line A - pause it for a sec", "stop conveyor b
for a moment", "pause the pump for a bit".

"for a sec" had been read as a delay ("for ten minutes": refused as a schedule).  Said after a stop word (pause, stop,
halt, kill), it gives no duration to schedule: the stop is now and the restart is the operator's own
later ask.  :func:`brief_pause` drops the phrase there: "for a sec / second / moment / mo / tick / bit / little bit /
little while / minute or two" is not written.  Never after any other verb ("open the valve for a sec", "start it for
a moment", "siren on for a bit" stay refused: dropping it would leave the device on), never with a number or a clock
("pause it for 10 minutes", "stop it for a minute" — one minute is a duration — stay refused as delays), and never in
an ask that says a negation before the stop ("don't stop it for a sec").  Chinese: 停一下 / 暂停一会儿 are read already.
Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

_BRIEF = re.compile(
    r"(?<![a-z])(?P<stop>pause|stop|halt|kill)(?![a-z])(?P<obj>[^,;:.!?—–\d]{0,40}?)"
    r"\s+(?:just\s+)?for\s+(?:a\s+|one\s+)?(?:sec|secs|second|moment|mo|tick|bit|little\s+bit|little\s+while|jiffy)"
    r"(?:\s+or\s+(?:two|so))?(?![a-z])")
_NEG = re.compile(r"(?<![a-z])(?:don'?t|do\s+not|never|not|no)(?![a-z])|n't")


def brief_pause(text: str) -> str:
    """``text`` (normalised) without the "for a sec" of a pause or stop; the same string when it has none."""
    if "for " not in text:
        return text
    m = _BRIEF.search(text)
    if m is None or _NEG.search(text[:m.start()] + m.group("obj")):
        return text
    return text[:m.end("obj")] + text[m.end():]
