""""of" closing a clause after a name is "off" (session 9, blind sets: a night shift typing fast).

"siren of!!", "floodlight of pls", "conveyor b of, pump on": a preposition needs an object, so an "of" that closes
a clause (before the end, punctuation, "please" / "now", "and" / "then") is the switch word "off" with a letter
dropped; it was refused ("nothing to do").  Applied in ``phrases.normalize``, so the rules, every layer and the
direction check all read "off" (never an "on": the check refuses a switch set on under it).  Left as said: an "of"
with its object ("the siren of the yard"; "turn of the siren" is the typo layer's), and after the words that close a
clause with "of" in speech ("kind of", "sort of", "made of", "think of", "rid of", "all of" …).  Pure regular
expression compiled at import; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

# words after which a closing "of" is still a preposition or a hedge
_KEEP = ("kind", "sort", "out", "made", "rid", "full", "because", "instead", "all", "most", "some", "none", "any",
         "each", "both", "one", "lot", "lots", "bit", "couple", "part", "top", "front", "back", "side", "end", "think",
         "thought", "heard", "speak", "speaking", "afraid", "aware", "tired", "sick", "fond", "ahead", "course",
         "what", "which", "who", "whom", "that", "this", "those", "these", "it", "them", "of", "off", "plenty",
         "enough", "more", "less", "many", "much", "few", "number", "amount", "level", "setting", "speed")
_OF = re.compile(r"(?<![a-z'])(?P<w>[a-z][a-z'-]*)\s+of(?=\s*(?:please|pls|plz|now|thanks)?\s*[.!]*\s*"
                 r"(?:$|[,;]|(?:and|then)(?![a-z])))")


def of_as_off(text: str) -> str:
    """``text`` (normalised) with each clause-closing "of" after a name-like word as "off"; else ``text``."""
    if " of" not in text:
        return text
    return _OF.sub(lambda m: m.group(0) if m.group("w") in _KEEP else f"{m.group('w')} off", text)
