"""冷氣 in Traditional script is the air conditioner itself (Taiwan / Hong Kong usage: 開冷氣, 冷氣溫度調到24度,
冷氣轉成送風模式), read as 空調 before variants.simplify (blind set 64).

The class: in Simplified (mainland) asks 冷气 is cold air, the cool mode (办公室开冷气，二十五度 = on, cool, 25: earlier
sets keep that reading); in Taiwan / Hong Kong 冷氣 (冷氣機) names the unit, so 開冷氣 is "switch the AC on" (no mode),
冷氣溫度調到24度 its setpoint alone, and 冷氣轉成送風模式 a mode that is not cool.  The script is the sign: only the
Traditional form 冷氣 is read as the unit, and only where the ask does not name the unit as 空調 / 空调 too (then 冷氣 is
the mode again), never 冷氣模式 / 冷氣檔 (the mode by name) and never 吹冷氣 (sitting in its air: a reason).
Pure, regex compiled at import.
"""

from __future__ import annotations

import re

_AC = re.compile(r"(?<!吹)冷氣(?:機)?(?!模式|檔|档|风|風)")


def ac_word(text: str) -> str:
    """The (NFKC, not yet simplified) text with the Traditional 冷氣 read as 空調 where it names the unit."""
    if "冷氣" not in text or "空調" in text or "空调" in text:
        return text
    return _AC.sub("空調", text)
