"""Unknown multi-word places: "turn on the break room lights", "the loading bay lights", "ac in the control room".

A place the fleet lacks, said as a qualifier word and a place head ("break room", "meeting room", "staff room",
"loading bay", "control room"), before a device kind noun or after a preposition, had been read as no place at all:
"break room lights" then switched on every lamp of the fleet (held-out 67).  Only the qualifier word had been checked
(an unknown word right before a kind noun, or right after a preposition), and here the word before the kind noun is
the head ("room"), a word the lexicon knows, while the qualifier may be a word the lexicon knows too ("control").

Such a qualifier + head is an unknown place (refused with its name), never widened to the kind's every device.  A
fleet's own zone or device name is masked before this runs, so "the office room lights" is not one; a head after a
determiner alone ("the room lights": the room the speaker is in) or after a quantifier word ("the whole room") is no
place name either.  After a verb and a determiner ("warm up the break room to 22") the place is what the ask acts on:
refused too, never the fleet's one AC (session 11b).  Chinese places (茶水间的灯, 会议室的灯) are already refused by leftovers.py's Chinese runs.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.lexicon import DETERMINERS, PREPOSITIONS, SWITCH_VERBS
from console.core.assistant.reading import Reading

Tokens = list[tuple[str, int]]  # (token, position in the working text)

# the head nouns of a place name ("<qualifier> room"); not "floor", "unit", "line" (a floor lamp, an AC unit, line a)
HEADS = frozenset("room rooms bay bays area areas dock docks hall halls wing shed lounge cabin booth".split())
# words before a head that do not name a place: "the whole room", "the same room", "every room"
_NOT_QUALIFIERS = frozenset("whole entire same other every each own your their his her its which what any all this "
                            "that these those".split()) | DETERMINERS | PREPOSITIONS | set(SWITCH_VERBS)


def compound_places(tokens: Tokens, r: Reading, targets: set[int]) -> None:
    """Add "<qualifier> <head>" to ``r.unknown_nouns`` where it stands right before a device / kind mention (its
    start in ``targets``; one number or letter may follow the head: "meeting room 2") or after a preposition."""
    for i in range(1, len(tokens)):
        head, _ = tokens[i]
        if head not in HEADS:
            continue
        word = tokens[i - 1][0]
        if not (word.isascii() and word[0].isalpha()) or word in _NOT_QUALIFIERS:
            continue
        k = i + 1
        if k < len(tokens) and len(tokens[k][0]) == 1 and tokens[k][0].isalnum() and tokens[k][0] not in "ai":
            k += 1  # "meeting room 2 lights", "bay c lights"
        before_kind = k < len(tokens) and tokens[k][1] in targets
        j = i - 2
        while j >= 0 and tokens[j][0] in DETERMINERS:
            j -= 1
        after_preposition = j >= 0 and tokens[j][0] in PREPOSITIONS  # "the ac in the control room"
        # "warm up the break room to 22", "cool the server room": the place is what the verb acts on (its devices),
        # never the one AC of the fleet (blind set 71); a determiner after a verb or particle, or the place opening the
        # ask ("the break room, warm it to 22") (session 11b)
        topic = j < 0 and k < len(tokens) and tokens[k][0] in (",", "-", "—", "–", ":", "，")  # "the break room, …"
        after_verb = topic or 0 <= j < i - 2 and (tokens[j][0][0] == "\x00" or tokens[j][0].isascii() and tokens[j][0].isalpha())
        if before_kind or after_preposition or after_verb:  # one name for the place ("loading bay", not "bay, loading bay")
            r.unknown_nouns[:] = [n for n in r.unknown_nouns if n not in (word, head)] + [f"{word} {head}"]


def unknown_place_named(unknown_nouns: list[str]) -> str | None:
    """The first "<qualifier> <head>" place among a reading's unknown nouns (or a Chinese place by its head, 茶水间), or
    None.  Read by every layer's gate (layers.py): whatever path read the rest of the ask ("the break room, warm it to
    22": a topic clause then "warm it"), a place the fleet lacks is never the fleet's one AC (session 11b)."""
    for noun in unknown_nouns:
        words = noun.split()
        if len(words) == 2 and words[1] in HEADS:
            return noun
        if _ZH_PLACE.fullmatch(noun) and not noun.endswith(_NOT_PLACES_ZH):
            return noun
    return None


_ZH_PLACE = re.compile(r"[\u4e00-\u9fff]{1,3}(?:间|室|厅|房|馆|棚|堂|仓)")  # 冷仓: a store (session 12)
# not places: times and spans (这段时间, 夜间), the room one is in (房间, 这间)
_NOT_PLACES_ZH = tuple("时间 中间 房间 之间 期间 空间 瞬间 晚间 夜间 这间 那间 每间 一间 整间 民间 人间 区间 车间".split())  # 车间: a line's floor

# "the break room is cold, warm it up": a place opening the ask as its subject (session 11b)
_OPENING = re.compile(r"^(?:(?:hey|ok|okay|so|well|um|uh)[,\s]+)?(?:the\s+)?(?P<q>[a-z]+)\s+(?P<h>[a-z]+)(?:'s|\s+(?:is|are|was|feels|"
                      r"seems|looks|gets|has|got))(?![a-z])")


def opening_place(text: str, known: Any) -> str | None:
    """"<qualifier> <head>" opening the (normalised) ask as the subject of its first clause ("the break room is cold,
    …"), where ``known(phrase)`` says the fleet does not name it; else None."""
    m = _OPENING.match(text)
    if m is None or m.group("h") not in HEADS or m.group("q") in _NOT_QUALIFIERS:
        return None
    phrase = f"{m.group('q')} {m.group('h')}"
    return None if known(phrase) else phrase
