""""Too dim" said of how a place is, is "too dark" (session 10): "warehouse is too dim, a truck's coming in" → the
warehouse light on, as "the warehouse is too dark" already is.

The lamp's catalog words list "too dim" as what a lamp acts on, but "dim" is also the lamp's own verb (down): read
together the two ways cancel and the semantic layer asked "say what the lamp should do".  After a copula or a degree
word ("is too dim", "'s so dim", "really dim in here", "getting dim") and before no object or value ("dim it", "dim the
lamp", "dim to 20", "dim down" stay the verb), the word is the complaint: :func:`dim_as_dark` writes it "dark", whose
reading (lights up, a switch-only light on; a light with a level stays a refused relative ask) is the existing one.
English only (暗 is already a state word).  Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

_DIM = re.compile(r"(?<![a-z])(?P<lead>(?:is|are|'s|'re|was|getting|got|too|so|very|really|pretty|quite|way|kinda|"
                  r"kind\s+of|awfully|super)\s+(?:(?:too|so|very|really|pretty|quite|way|a\s+bit|a\s+little)\s+)*)dim"
                  r"(?![a-z])(?!\s+(?:it|them|the|that|this|those|these|to|down|up|by|all|everything|[0-9]))")


def dim_as_dark(text: str) -> str:
    """``text`` (normalised) with a "dim" that says how a place is as "dark"; the same string when it has none."""
    if "dim" not in text:
        return text
    return _DIM.sub(lambda m: m.group("lead") + "dark", text)
