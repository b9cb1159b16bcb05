"""Where a nuisance comes from, said as a process: "line A is full of smoke from the welding" (session 10b).

"from the welding" had been read as a place the fleet lacks ("No device or place called 'welding'"), refusing an ask
the semantic layer reads (smoke on line A: its fan on).  A nuisance the fleet's catalog knows (one of its kinds'
"things": smoke, fumes, stink …) followed by "from (the) <a process: a word in -ing>" ("from the welding", "from all
the grinding") says why there is smoke, never where: the source phrase is dropped.  A source that is a place ("smoke
from the kitchen": semantics.PLACES, refused as a place the fleet lacks) or a name of the fleet ("steam from line b")
stays as it is.  Pure: regexes compiled at import; the caller gives the fleet's words.
"""

from __future__ import annotations

import re
from typing import Callable

from console.core.assistant.semantics import foreign_place

_SOURCE = re.compile(r"(?<![a-z])(?P<what>[a-z]+)\s+(?:coming\s+)?from\s+(?:the\s+|all\s+the\s+|that\s+|this\s+)?"
                     r"(?P<how>[a-z]+ing)(?![a-z'])")


def drop_source(text: str, nuisance: Callable[[str], bool], names: Callable[[str], bool]) -> str:
    """``text`` (normalised) without "from the <process>" after a nuisance word (``nuisance``: a catalog thing word;
    ``names``: does a phrase name something of the fleet); the same string otherwise."""
    if "from" not in text:
        return text

    def sub(m: re.Match[str]) -> str:
        how = m.group("how")
        if not nuisance(m.group("what")) or names(how) or foreign_place(how, ()) is not None:
            return m.group(0)
        return m.group("what")

    return _SOURCE.sub(sub, text)
