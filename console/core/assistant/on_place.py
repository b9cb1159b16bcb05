""""<thing> on <place>" in a list of terse ways (session 10): "coolant off, steam on line b" dropped the steam part
silently ("on line b" read as where the steam is, the clause then had no way), and "desk lamp off, fan on line a" /
"conveyor a off, conveyor b on line b" even switched the second device OFF (the first clause's way carried over).
English "on" is both the way and the preposition of a place.

A clause that is only <a device's or kind's name, or one thing word> + "on" + <a place> (no verb, no other way) in an ask of several
clauses:
- where another clause is a terse "<thing> on / off" (the way closing it, no verb before: "coolant off"), the list is
  one of ways and "on" is this clause's way too: read as "<place> <thing> on" ("line b steam on": the steam valve
  open, the high-risk device confirmed as always);
- otherwise ("stop conveyor a, steam on line b", "turn off the lamp, the conveyor on line b") it is refused as
  ambiguous (switch it on, or the thing on that place?), never dropped and never given the other clause's way.
Chinese has no such word (二号线的蒸汽 / 蒸汽打开 differ).  Pure: reads with the assistant; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.direction import direction_of
from console.core.assistant.lexicon import CJK
from console.core.assistant.reader import read

_SPLIT = re.compile(r"\s*(?:[,;]|\s-+\s|—|–)\s*(?:(?:and|then|and\s+then)\s+)?|\s+(?:and|then|and\s+then)\s+")
_POLITE = r"(?:\s+(?:please|pls|plz|thanks|thank\s+you|now|too|as\s+well))*"
# "steam on line b", "steam on in line b" (with in / at / over / for before the place, "on" can only be the way)
_ON_PLACE = re.compile(r"^(?:the\s+)?(?P<what>[a-z][a-z0-9' -]{0,40}?)\s+on\s+(?:(?P<prep>in|at|over|for|over\s+on|up\s+on)"
                       r"\s+)?(?P<place>(?:the\s+)?[a-z0-9][a-z0-9' -]{0,30}?)" + _POLITE + r"\s*[.!]*$")
_TERSE = re.compile(r"^(?:the\s+)?[a-z][a-z0-9' -]{0,40}?\s+(?:on|off)" + _POLITE + r"\s*[.!]*$")
_VERB = re.compile(r"(?<![a-z])(?:turn|switch|power|set|put|open|close|shut|lock|unlock|start|stop|run|halt|raise|lower|"
                   r"dim|cut|sound|kill|make|get|keep|leave|bring|crank|give|check|is|are|was|were|be)(?![a-z])")


_THE = re.compile(r"^the\s+")
_PRONOUN = re.compile(r"(?<![a-z])(?:it|its|them|they|both|there|everything|all|one|ones)(?![a-z])")


def _clauses(text: str) -> list[tuple[str, str]]:
    """(the joint before, the clause) of each clause; [] when one is empty."""
    parts = [(m.start(), m.end()) for m in _SPLIT.finditer(text)]
    bounds, pos = [], 0
    for s, e in parts:
        bounds.append((pos, s))
        pos = e
    bounds.append((pos, len(text)))
    joins = [""] + [text[s:e] for s, e in parts]
    out = [(j, text[s:e]) for j, (s, e) in zip(joins, bounds)]
    return out if all(c.strip() for _, c in out) else []


def _found(asst: Any, clauses: list[tuple[str, str]]) -> list[tuple[int, re.Match, set[str]]]:
    """The clauses that are only <a short device, kind or thing word> on <a place's name>, with their devices."""
    out = []
    for i, (join, c) in enumerate(clauses):
        m = _ON_PLACE.match(c)
        if m is None or _VERB.search(m.group("what")) or direction_of(m.group("what")) \
                or len(m.group("what").split()) > 3:
            continue
        if i and not re.search(r"[,;—–-]", join) and _VERB.search(clauses[i - 1][1]):
            continue  # "turn off the lamps and the fan on line a": one more thing the verb acts on
        place = re.sub(r"^the\s+", "", m.group("place"))
        mns = read(place, asst.rules.vocab).mentions  # the place is only a zone's name ("line b")
        if not mns or any(mn.kind != "zone" for mn in mns) or min(mn.start for mn in mns) != 0 \
                or max(mn.end for mn in mns) != len(place):
            continue
        what = m.group("what")
        named = read(what, asst.rules.vocab).mentions
        if not (len(what.split()) == 1 and "'" not in what) and not (
                named and all(mn.kind in ("device", "kind") for mn in named) and min(mn.start for mn in named) == 0
                and max(mn.end for mn in named) == len(what)):
            continue  # only a name ("conveyor b", "fan") or one thing word ("steam"): "coolant's leaking on line b" is a report
        devs = asst._refers(what) and (asst._refers(c) or asst._refers(what))
        if devs:
            out.append((i, m, devs))
    return out


def _listed(asst: Any, text: str) -> tuple[list, list] | None:
    """An English ask of two or more clauses with an " on ": its clauses and the "<thing> on <place>" ones found."""
    if " on " not in text or CJK.search(text):
        return None
    clauses = _clauses(text)
    if len(clauses) < 2:
        return None
    return clauses, _found(asst, clauses)


def on_place(asst: Any, text: str) -> str | None:
    """The ask (normalised) with each such clause read as a way ("line b steam on") where the ask is a list of terse
    ways; None when it has no such clause or is no such list."""
    listed = _listed(asst, text)
    if listed is None:
        return None
    clauses, found = listed
    sure = [f for f in found if f[1].group("prep")]  # "steam on in line b": the way, whatever the rest says
    if not sure:
        if not found or any(re.match(r"the\s", m.group(0)) for _, m, _ in found):
            return None  # "…, the conveyor on line b": a thing, maybe (on_place_problem)
        mine = {i for i, _, _ in found}
        if not any(_TERSE.match(c) and not _VERB.search(c) for j, (_, c) in enumerate(clauses) if j not in mine):
            return None
    else:
        found = sure
    out = []
    for i, (join, c) in enumerate(clauses):
        m = next((m for j, m, _ in found if j == i), None)
        place = _THE.sub("", m.group("place")) if m else ""
        out.append(join + (f"{place} {m.group('what')} on" if m else c))
    return "".join(out)


def on_place_problem(asst: Any, text: str, commands: Any) -> tuple[str, str] | None:
    """(en, zh) refusing a proposal that drops such a clause's devices or switches them off or to 0 where another
    clause of the ask says a way of its own (the "on" was that clause's way, or the place's preposition: never
    guessed); None otherwise."""
    listed = _listed(asst, text)
    if listed is None or not listed[1]:
        return None
    clauses, found = listed
    mine = {i for i, _, _ in found}
    others = [c for j, (_, c) in enumerate(clauses) if j not in mine]
    if any(_PRONOUN.search(c) for c in others) or not any(direction_of(c) or _VERB.search(c) for c in others):
        return None  # "the fan on line a, turn it on": the clause is the topic the next one acts on
    terse = any(_TERSE.match(c) and not _VERB.search(c) for c in others)
    for _, m, devs in found:
        got = [c for c in commands if c.device_id in devs]
        off = any(v is False or (not isinstance(v, bool) and isinstance(v, (int, float)) and v == 0)
                  for c in got for v in c.params.values())
        if not got or (off and terse):  # (after a verb, "stop the coolant, the steam and the conveyor on line b" is a list)
            said = m.group(0).strip()
            return (f"'{said}': switch it on, or only where it is? Say what it should do (e.g. \"turn on the "
                    f"{m.group('what')}\" or \"turn it off\").", f"“{said}”：是要打开它，还是只说它在哪里？请说出要做什么。")
    return None
