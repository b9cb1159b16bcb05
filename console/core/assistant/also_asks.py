"""A clause joined with "also" (顺便 / 另外 / 同时 / 此外, "also", "while you're at it") is an ask of its own: the place
of the situation before it does not bound it (session 10).

仓库太暗了，顺便把蒸汽切断 ("the warehouse is too dark; while you're at it, cut the steam") was refused ("say what the lamp
and the valve should do"): the place of the situation clause (the warehouse) bounded the other clause, as it should in
"the warehouse is dark, let the sunlight in", and the steam valve is not in the warehouse.  顺便 says the next clause
is another errand, not something done in the place just named: where the ask joins its clauses with such a word, a
clause that on its own resolves to devices all in the places it names (仓库太暗了 → the warehouse lamp) keeps its place
to itself (``layers._bounding_zones``).  Without the joiner nothing changes.  Pure; regex compiled at import.
"""

from __future__ import annotations

import re

_ALSO = re.compile(r"[,，;；。]\s*(?:顺便|另外|同时|此外|还有就是|再就是)"
                   r"|[,;.]\s*(?:and\s+)?(?:also|while\s+you'?re\s+at\s+it|in\s+addition|besides)(?![a-z])")


def joined_by_also(text: str) -> bool:
    """Does the (normalised) ask join a clause with an "also" word (see module)?"""
    return bool(_ALSO.search(text or ""))
