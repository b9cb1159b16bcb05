"""A Chinese relative temperature word with a mode target of the same way is a target (session 12, blind set 77):
办公室暖和一点，制热26度 ("a bit warmer, heat, 26 degrees") had been refused as a relative change, although
"office a bit warmer, heat to 26" and 办公室暖和一点，调到26度 were read as the target.  Only where the mode agrees with
the relative word (暖和 / 暖一点 with 制热, 凉快 / 冷一点 with 制冷) and a number in degrees follows the mode; a mode
against the relative (暖和一点，制冷18度) or both ways at once stays refused by screening.py.  Pure text; regexes
compiled at import.
"""

from __future__ import annotations

import re

_WARM_ZH = re.compile(r"暖和|暖一|热一|热点|温暖")
_COOL_ZH = re.compile(r"凉快|凉一|冷一|凉点|凉爽")
_MODE_TARGET_ZH = re.compile(r"[，,；;]\s*(?P<mode>制热|制冷)(?:模式)?\s*[，,]?\s*(?:调到|设到|设为|设成|到)?\s*\d{1,2}(?:\.\d)?\s*(?:度|℃|°c?)")


def agreeing_mode_target_zh(text: str) -> bool:
    """办公室暖和一点，制热26度: a relative said with a mode target of the same way (warmer and 制热, cooler and 制冷)."""
    m = _MODE_TARGET_ZH.search(text or "")
    if m is None:
        return False
    warm, cool = bool(_WARM_ZH.search(text)), bool(_COOL_ZH.search(text))
    return (warm and not cool and m.group("mode") == "制热") or (cool and not warm and m.group("mode") == "制冷")
