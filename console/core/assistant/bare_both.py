""""both" with no noun is never "everything" (session 10, found beside a held-out miss).

"stop both", "both off" and "conveyor A and conveyor B, stop both" had switched off the whole fleet: the semantic
layer reads a quantifier with no device as every device (of the places named), and "both" is a quantifier.  "both"
says two things, those named before it; alone it names nothing, and every device is never what it means.
:func:`only_both` tells an ask whose only quantifier is both / 两个都 / 俩都 / 两个全, so the every-device reading is
skipped there ("everything", "all", 全部, 所有 keep it; "both lines", "on lines a and b" name their places).  Pure.
"""

from __future__ import annotations

import re

_BOTH = re.compile(r"(?<![a-z])both(?![a-z])|两个都|两台都|俩都|两个全|两台全|两者")
_ALL = re.compile(r"(?<![a-z])(?:all|every|everything|everyone|each)(?![a-z])|全部|所有|一切|统统|全都")


def only_both(text: str) -> bool:
    """``text`` (normalised) says "both" and no other quantifier of every device."""
    return bool(_BOTH.search(text)) and not _ALL.search(text)
