"""A small amount word the catalog has no value for, said where the amount goes, is refused (session 10c, blind set).

"蒸汽开一丢丢就行" ("open the steam just a tiny bit") had opened the steam valve to 100: 一丢丢 was not read at all, and a
bare "open" of a valve is fully open.  docs/ASSISTANT.md (Conventions): an unknown amount word where the amount goes is
refused, never read as "fully".  The class: 一丢丢, 一丁点, 一点点儿, 一咪咪, 稍微, 稍稍, 微微 next to a verb (开一丢丢, 稍微开一下), and
"a tad", "a touch", "a hair", "a crack", "a smidge(n)", "a sliver", "a wee bit", "a little bit", "just a bit" / "a bit" /
"a little" where a clause ends ("open the steam a tad") — with no number or amount said (20 %, half, 三成, 到30) — on an
ask whose reading sets a numeric value (a valve's opening, a cover's position, a level, a setpoint, a speed): that value
is not what was asked, so the ask is refused ("how far?").  A small word inside a reason ("a little dark", "a bit
chilly") is no amount: it is followed by what it qualifies, not the clause's end.  A switch that has no amount (a lamp
on) is left as it is.  Pure; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

_VERB_ZH = r"(?:打开|拉开|开启|开|关上|关掉|关|调|拉|升|降|放|拧|转)"
# 少少 / 少许 / 些许 (Cantonese and written "a little", blind set 68: 蒸氣閥開少少 had opened the valve fully)
_TINY_ZH = r"(?:一丢丢儿?|一丁点儿?|一点点儿|一点儿点儿|一咪咪|一滴滴|少少|少许|些许)"
_SOFT_ZH = r"(?:稍微|稍稍|微微|略微)"
_ZH = re.compile(rf"{_VERB_ZH}[^，,。；;！!？?]{{0,3}}?{_TINY_ZH}|{_TINY_ZH}[^，,。；;！!？?]{{0,2}}{_VERB_ZH}"
                 rf"|{_SOFT_ZH}(?:再|往|向)?{_VERB_ZH}")
_EN = re.compile(r"(?<![a-z])(?:(?:just|only)\s+)?a\s+(?:tad|touch|hair|crack|smidgen|smidge|sliver|wee\s+bit|little\s+bit|"
                 r"tiny\s+bit|bit|little)(?:\s+(?:open|more|please|then|now))*\s*(?=$|[,.;!?]|\s+(?:and|but|so)\s)")
# an amount said ("a little, say 20 percent", 稍微开到三十, "a crack, like a quarter") is the value the ask gives
_STATED = re.compile(r"\d|%|percent|half|quarter|third|一半|[一二三四五六七八九十两]成|百分之|到|至")


def tiny_amount_in(text: str) -> str | None:
    """The small amount word of ``text`` (normalised) said where the amount goes with no amount stated, or None."""
    if not text or _STATED.search(text):
        return None
    m = _ZH.search(text) if re.search(r"[\u4e00-\u9fff]", text) else _EN.search(text)
    return m.group(0).strip() if m else None


def tiny_amount_problem(text: str, commands: Iterable[Any]) -> str | None:
    """The small amount word where the ask's reading sets a numeric value it never said (module docstring), or None."""
    said = tiny_amount_in(text)
    if said is None:
        return None
    for c in commands:
        if any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in c.params.values()):
            return said
    return None
