"""别的 / 别处 / 别人 mean "other" ("the other", "elsewhere", "other people"), never the imperative 别 ("don't").

Session 9: 台灯留着，别的灯都关掉 ("keep the desk lamp, all the other lamps off") and 办公室顶灯开着，别的灯都关掉 were refused
as negations: screening.py's negation guard matched the 别 of 别的.  :func:`other_words` rewrites these words, in an
(already normalised) ask, to the plain words the assistant already reads ("the others" is other_ones.py's and
others_zh.py's, the people of a purpose keep_out_lead.py's): 别的 → 其他, 别处 → 其他地方, 别人 → 其他人.  Where the
characters after could still make 别 an imperative of a two-character verb (别处理 "don't process", 别处置, 别处于,
别人工调节 "don't adjust by hand", 别人为…), the text is left alone.  别关灯 / 别把灯关了 / 别开 / 别的灯都别开 keep their
别 of "don't" and stay refused.  Pure regular expression, compiled at import.
"""

from __future__ import annotations

import re

_OTHER = re.compile(r"别的|别处(?![理置罚分于在])|别人(?![工为])")
_AS = {"别的": "其他", "别处": "其他地方", "别人": "其他人"}


def other_words(text: str) -> str:
    """``text`` with 别的 / 别处 / 别人 ("other") said as 其他 / 其他地方 / 其他人."""
    if "别" not in text:
        return text
    return _OTHER.sub(lambda m: _AS[m.group(0)], text)
