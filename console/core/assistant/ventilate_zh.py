"""透透气 / 透气 / 换一下气 as "ventilate" (session 10): 一号线好闷，透透气.

通通风 and 换换气 already read as the fan's verb (the place's fan on, direction.py and the catalog's "up" words 通风 / 换气),
but 透透气 ("let some air through", the everyday word for airing a stuffy room) was read as nothing to do, and so were
透一下气 / 透口气, 通一下风 and 换一下气 / 换个气.  They say the same as 通通风 / 换换气 and are read so; a bare 透气 as 通风.

Never the noun of a property or a negation: 透气性 (breathability), 不透气 / 没透气 / 难透气 (stuffy: a complaint the
fan's own words read) stay as they are.  Pure text; regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re

_AIR_OUT = re.compile(r"(?<![不没难别])透(?:透|一下|下|口|个)(?:气|风)|(?<![不没难别])通(?:一下|下|个)风")
_CHANGE_AIR = re.compile(r"(?<![不没难别])换(?:一下|下|口|个)气")
_BARE = re.compile(r"(?<![不没难别透])透气(?!性)")


def ventilate(text: str) -> str:
    """``text`` (normalised) with 透透气 / 通一下风 → 通通风, 换一下气 → 换换气 and a bare 透气 → 通风."""
    if "透" not in text and "风" not in text and "换" not in text:
        return text
    text = _AIR_OUT.sub("通通风", text)
    text = _CHANGE_AIR.sub("换换气", text)
    return _BARE.sub("通风", text)
