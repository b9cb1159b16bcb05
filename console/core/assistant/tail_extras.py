"""Words after a complete ask that add nothing to it (session 10): kisses, emoticons, thanks, "as well" after a value.

"百叶窗关上 xx" asked "how far?" ("xx" read as a value); "conveyor A speed 75, conveyor B speed 75 as well" was
refused for the unit "as".  Trailing kisses and emoticons ("xx", "xxx", "x", ":)", ";-)", ":D", "<3", "thx", "ty",
谢谢, "cheers") are chatter after a complete ask; "as well" / "too" / "also" right after a value (its unit
optional) and before a clause end repeats the ask for another device, never a unit.

Dropped only where the ask as said was refused with no command (rereads.reread_as: the rest read by the whole
pipeline, gated); a kiss is dropped only after a space or a Chinese character, never after a word that names a
device or kind without a determiner ("stop conveyor xx": a name, maybe; "close the blinds xx": a kiss), nor where the rest ends waiting for a value ("set it to xx": still refused).
Pure; regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read
from console.core.assistant.rereads import refused_outright, reread_as

_EMOTE = r"(?::-?[)dp]|;-?\)|\^_?\^|<3|xo(?:xo)*|x{1,4}|thx|thnx|ty|thanks|thank\s+you|cheers|ta|谢谢|谢了|多谢)"
_TAIL = re.compile(rf"(?:(?<=\s)|(?<=[\u4e00-\u9fff]))(?:{_EMOTE}[\s!.]*)+$")
_WAITS = re.compile(r"(?:(?<![a-z])(?:to|at|by|of|is|be|set|into)|到|为|成|在|是|设|调)\s*$")
_DETERMINED = re.compile(r"(?<![a-z])(?:the|my|our|those|these|that|this|both)\s+(?:[a-z]+\s+)?[a-z]+$")
_UNIT = r"(?:\s*(?:%|percent|per\s*cent|rpm|°\s*c?|degrees?(?:\s+c)?|l/min|litres?|liters?))?"
_AS_WELL = re.compile(rf"(?P<v>\d+(?:\.\d+)?{_UNIT})\s+(?:as\s+well|too|also)(?=\s*(?:[,;.!]|\s-|$))")


def drop_extras(asst: Any, text: str) -> str:
    """``text`` (normalised) less its trailing kisses / emoticons / thanks and "as well" after a value."""
    out = _AS_WELL.sub(lambda m: m.group("v"), text)
    m = _TAIL.search(out)
    if m is not None:
        rest = out[:m.start()].rstrip(" ,;:-—–")
        last = re.findall(r"[a-z0-9]+|[\u4e00-\u9fff]{1,4}$", rest)
        named = bool(last) and any(mn.kind in ("device", "kind") for mn in read(last[-1], asst.rules.vocab).mentions)
        named = named and not _DETERMINED.search(rest)  # "close the blinds xx": a kiss; "stop conveyor xx": a name
        if rest and not _WAITS.search(rest) and not named:
            out = rest
    return out


def extras_dropped(asst: Any, utterance: str, said: Any) -> Any:
    if not refused_outright(said, utterance):
        return said
    return reread_as(asst, utterance, said, drop_extras(asst, normalize(utterance or "")))
