"""A level word said of how something is, never a setting: "it is going too fast", "the smoke is super high".

Session 9 (found by hand): "the smoke on line a is super high, fan on" set the fan to high (the "high" is the
smoke's), "the fan is too fast" set it to high and "the fan is too slow" to low (the wrong way: the complaint asks
for the opposite), and "Our product on line A should move at 30 rpm, it is going too fast for packing" added the
line's fan at high: the lexicon reads fast / slow / high / low as the level values of a setting wherever they stand.
Said of a subject they describe it (a symptom, a reason), they name no target:

- after "too" ("too fast", "way too high", "going too slow"): an excess, whatever the subject;
- after a copula ("is", "'s", "are", "seems", "gets", "getting" …), maybe with "going" / "running" … and an
  intensifier ("super", "really", "very" …) between: "the smoke is super high", "it's really fast", "the
  temperature is high"; not in a wish ("make sure the fan is high", "I want it to be fast": the wish is the target).

A pace complaint ("it is going too fast", 太慢了) also says the device already runs: a value beside it corrects
the pace and the kind's own word ("product should move at 30 rpm") starts nothing (``pace_said``; layers._compose).

A pace complaint also says the way: "the fan is too fast, set it to high" never goes faster (``pace_problem``: a
speed setting at the top under "too fast", at the bottom under "too slow", or against the device's present value).

The reader masks such a word before the lexicon reads values (``masked_levels``): the ask is read without it, so
what is left must say its own target ("…, fan on" switches the fan on, "the fan is too fast" alone is refused as
nothing to do).  The words are the lexicon's level values and their synonyms (lexicon.ENUM_WORDS), any fleet.
Pure; regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Mapping

from console.core.assistant.direction import DOWN, UP, violation
from console.core.assistant.lexicon import CAP_WORDS, ENUM_WORDS

LEVELS = ("low", "medium", "high")
_WORDS = sorted({w for v in LEVELS for w in (v, *ENUM_WORDS.get(v, ())) if w.isascii()}, key=len, reverse=True)
_VALUE = r"(" + "|".join(re.escape(w) for w in _WORDS) + r")(?![a-z])"
_INTENSE = (r"(?:way|far|much|super|really|very|so|too|extremely|quite|pretty|rather|incredibly|seriously|awfully|"
            r"terribly|crazy|insanely|dangerously|unusually|a\s+bit|a\s+little|kind\s+of|kinda|a\s+lot|still|now|"
            r"already|getting|going|running|moving|spinning|turning|blowing|working)")
_COPULA = r"(?:(?<![a-z])(?:is|are|was|were|seems?|looks?|feels?|gets?|getting|got|became|becomes?|becoming|stays?|" \
          r"remains?)|(?<=[a-z])'(?:s|re))"
_SAID = re.compile(rf"(?:(?<![a-z])too(?:\s+{_INTENSE})*|{_COPULA}(?:\s+{_INTENSE})*)\s+{_VALUE}")
# a wish in the same clause: the level is what should be ("make sure the fan is high")
_WISH = re.compile(r"(?<![a-z])(?:make\s+sure|ensure|see\s+that|check\s+that|so\s+that|want|wants|wanted|need|needs|"
                   r"needed|like|would|should|must|has\s+to|have\s+to|let)(?![a-z])")
_CLAUSE_START = re.compile(r".*(?:[,;:.!?，；：。！？]|(?<![a-z])(?:and|but|so|then|because|since)(?![a-z]))", re.S)


def masked_levels(work: str) -> str:
    """``work`` (normalised, read names masked) with each level word said of how something is blanked out."""
    for m in reversed(list(_SAID.finditer(work))):
        head = _CLAUSE_START.match(work[:m.start()])
        clause = work[head.end() if head else 0:m.start()]
        if not m.group(0).startswith("too") and _WISH.search(clause):
            continue
        work = work[:m.start(1)] + " " * (m.end(1) - m.start(1)) + work[m.end(1):]
    return work


# "too fast", "way too slow", 太快, 过慢: the pace of something that moves already ("not too fast" is none)
_PACE = re.compile(r"(?<![a-z])(?<!not\s)too\s+(?:(?:much|far|way)\s+)?(?P<en>fast|slow|quick|quickly|slowly)(?![a-z])"
                   r"|(?<!不)[太过](?P<zh>[快慢])")


def pace_said(text: str) -> bool:
    """Does the (normalised) ask complain of a pace ("it is going too fast", 传送带太慢了)?"""
    return _PACE.search(text or "") is not None


# the settings a pace is of: those the lexicon's speed words name ("speed", 转速, 风速)
_PACE_CAPS = frozenset(c for caps, words in CAP_WORDS.items() if "speed" in words for c in caps)


def pace_problem(text: str, commands: Iterable[Any], by_id: Mapping[str, Any],
                 current: Callable[[str], Any] | None = None) -> str | None:
    """Why a command goes against the pace the (normalised) ask complains of, or None: "too fast" wants slower, so
    a speed at its top (high, the maximum) or above the present one is refused; "too slow" the reverse."""
    m = _PACE.search(text or "")
    if m is None:
        return None
    wanted = UP if (m.group("en") or m.group("zh")) in ("slow", "slowly", "慢") else DOWN
    for c in commands:
        meta = by_id.get(c.device_id)
        if meta is None:
            continue
        for name, value in c.params.items():
            cap = meta.capabilities.get(name)
            if name not in _PACE_CAPS or cap is None:
                continue
            levels = [v for v in LEVELS if v in (cap.values or ())] if cap.type == "enum" else []
            end = levels[-1 if wanted == DOWN else 0] if levels else None
            why = violation(meta, {name: value}, {wanted}, current(c.device_id) if current else None)
            if why or (end is not None and value == end):
                return f"'{m.group(0)}' asks for {'slower' if wanted == DOWN else 'faster'}, not {meta.name}: " \
                       f"{name} → {value}"
    return None
