"""Unknown multi-word places: "turn on the break room lights", "the loading bay lights", "ac in the control room".

A place the fleet lacks, said as a qualifier word and a place head ("break room", "meeting room", "staff room",
"loading bay", "control room"), before a device kind noun or after a preposition, had been read as no place at all:
"break room lights" then switched on every lamp of the fleet (held-out 67).  Only the qualifier word had been checked
(an unknown word right before a kind noun, or right after a preposition), and here the word before the kind noun is
the head ("room"), a word the lexicon knows, while the qualifier may be a word the lexicon knows too ("control").

Such a qualifier + head is an unknown place (refused with its name), never widened to the kind's every device.  A
fleet's own zone or device name is masked before this runs, so "the office room lights" is not one; a head after a
determiner alone ("the room lights": the room the speaker is in) or after a quantifier word ("the whole room") is no
place name either.  Chinese places (茶水间的灯, 会议室的灯) are already refused by leftovers.py's Chinese runs.
"""

from __future__ import annotations

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
        if before_kind or after_preposition:  # one name for the place ("loading bay", not "bay, loading bay")
            r.unknown_nouns[:] = [n for n in r.unknown_nouns if n not in (word, head)] + [f"{word} {head}"]
