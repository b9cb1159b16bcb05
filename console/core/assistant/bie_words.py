"""Words that contain 别 but are not the imperative 别 ("don't"): 特别 (especially), 区别, 分别, 告别, 级别, 类别, 性别,
识别, 鉴别, 辨别, 差别, 离别, 道别, 送别 (session 8).  screening.py's negation guard matched any 别, so
"仓库特别暗，开灯" (the warehouse is especially dark: lights on) was refused as a negation.  :func:`mask` blanks those
words (same length) for the negation test only.  Where the 别 could still start an imperative after a noun that ends in
the same character (小区别开灯 "residential area: don't…", 这部分别动, 模特别动), the word is left alone; 别的 ("the
other") is left alone too (an ask about "the others" stays with others_zh.py).  别开灯 / 先别动 / 千万别 stay negations.
Pure function, regex compiled at import."""

from __future__ import annotations

import re

_WORDS = re.compile(r"(?<!模)特别|(?<!小)区别|(?<!部)分别|告别|级别|类别|性别|识别|鉴别|辨别|差别|离别|道别|送别")


def mask(text: str) -> str:
    """The text with the non-imperative 别 words blanked out, for the negation guard."""
    if "别" not in text:
        return text
    return _WORDS.sub(lambda m: " " * len(m.group(0)), text)
