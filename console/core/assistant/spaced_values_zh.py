"""二号线 产品速度 七十五: a setting's name and its value in Chinese numerals said apart (session 13, blind set 86).

Headset dictation writes a pause as a space.  With digits (二号线 速度 75) the value was read; with Chinese numerals
(速度 七十五, 温度 二十二) the space made the numeral a part of its own that said nothing, and the whole ask was refused
("没有理解“七十五”").  :func:`join_spaced_value` drops the space between a setting's name (速度, 转速, 温度, 亮度,
流量, 开度, 风速, 位置) and a numeral that ends there (at a unit, a pause, a space or the end), so the value binds to
the setting it was said with, as 速度七十五 already did.  It adds no device, direction or value.  Pure; compiled at
import.
"""

from __future__ import annotations

import re

_SETTING = r"(?:速度|转速|温度|亮度|流量|开度|风速|位置|风量)"
_NUMERAL = r"[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?"
_SPACED = re.compile(rf"(?<={_SETTING})\s+(?={_NUMERAL}(?:\s*(?:度|%|转|升|成)|\s*[，,。！!；;]|\s|$))")


def join_spaced_value(text: str) -> str:
    """``text`` (normalised) with the space between 速度 / 温度 … and its Chinese numeral dropped."""
    if " " not in text:
        return text
    return _SPACED.sub("", text)
