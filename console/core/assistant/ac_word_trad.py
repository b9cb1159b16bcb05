"""冷氣 in Traditional script is the air conditioner itself (Taiwan / Hong Kong usage: 開冷氣, 冷氣溫度調到24度,
冷氣轉成送風模式), read as 空調 before variants.simplify (blind set 64).

The class: in Simplified (mainland) asks 冷气 is cold air, the cool mode (办公室开冷气，二十五度 = on, cool, 25: earlier
sets keep that reading); in Taiwan / Hong Kong 冷氣 (冷氣機) names the unit, so 開冷氣 is "switch the AC on" (no mode),
冷氣溫度調到24度 its setpoint alone, and 冷氣轉成送風模式 a mode that is not cool.  The script is the sign: only the
Traditional form 冷氣 is read as the unit, and only where the ask does not name the unit as 空調 / 空调 too (then 冷氣 is
the mode again), never 冷氣模式 / 冷氣檔 (the mode by name) and never 吹冷氣 (sitting in its air: a reason).
Session 14 (blind set 98, Malaysian and Singaporean Chinese): there Simplified 冷气 names the unit too, and only as the
thing talked about: 冷气太冷了，调到26度啦 was refused (太冷 against "cool"), 冷气调去制热模式, 冷气换 auto mode, 冷气开起来
and 把台灯和冷气都关掉 named no device.  Simplified 冷气 is the unit where it is the subject or object (at the start of a
clause, after 把 / 和 / 跟 / 同), never after a verb (开冷气, 调成冷气, 吹冷气 keep the mainland mode reading), never
冷气模式 / 冷气档 / 冷气风, and never where 空调 is named.
Pure, regex compiled at import.
"""

from __future__ import annotations

import re

_AC = re.compile(r"(?<!吹)冷氣(?:機)?(?!模式|檔|档|风|風)")


_AC_SIMPLIFIED = re.compile(r"(?:^|(?<=[,，。；;！!\s把和跟同]))冷气(?:机)?(?!模式|档|风)"
                            # a verb, a degree word or a particle next, never a noun (冷气水泵 is a slip of 冷却水泵)
                            r"(?=\s*(?:[a-z]|太|很|好|有点|开|关|调|换|设|切|转|改|都|也|的|温度|停|打|再|还|又|就|先|给|帮|"
                            r"不|别|快|慢|大|小|高|低|一下|[,，。！!]))")


def ac_word(text: str) -> str:
    """The (NFKC, not yet simplified) text with the Traditional 冷氣 read as 空調 where it names the unit."""
    if "空調" in text or "空调" in text or ("冷氣" not in text and "冷气" not in text):
        return text
    return _AC_SIMPLIFIED.sub("空调", _AC.sub("空調", text))
