"""A bare decimal right after a device is its value, where exactly one setting of it can take that value (session 9).

"AC 23.5 please", "AC 21.5 pls", "air conditioner twenty two point five", 空调二十二点五: headset and terse asks that say the
device and the number it should go to, nothing between.  The rules keep a number without a unit or a value slot
as a loose number and ask what it refers to, rightly for an integer: "AC 2", "lamp 1" may be a device's number
(an ordinal), so they stay refused.  A decimal is never an ordinal, so when the device (or every device of the kind
named) has exactly one writable decimal setting whose range holds it (the AC's setpoint, 16–30 °C), the number is
read as that setting: "to" is written before it ("ac to 23.5 please").  A decimal no setting of the device can take
("lamps 40.5": levels are whole percent; "AC 35.5": out of every range) is left as it is, and refused as before.

:func:`decimal_after_device` takes the normalised ask, the rules' mentions and the fleet; pure, no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Sequence

from console.core.assistant.decimal_words import fraction_after
from console.core.assistant.numbers import NUMBER_WORDS, zh_value

# the number right after the name: digits with a fraction, or number words with "point …" ("twenty two point five")
_DIGITS = re.compile(r"\s+(\d{1,3}\.\d+)(?![\d.%°a-z])")
_WORDS = re.compile(r"\s+(?=" + NUMBER_WORDS.pattern + r"\s+point\s)")
_ZH = re.compile(r"\s*(?:调到|设为|到)?\s*([零〇一二两三四五六七八九十百]+点[零〇一二三四五六七八九]+|\d{1,3}\.\d+)(?![\d.%°度])")
_END_ZH = re.compile(r"\s*(?:吧|啊|呀|谢谢)?\s*[。！!]*\s*(?:$|[,，;；])")
_END = re.compile(r"\s*(?:please|pls|thanks|thank\s+you|now)?\s*[.!]*\s*(?:$|[,;]|(?:and|then)(?![a-z]))")


def _decimal_setting(devices: Sequence[Any], value: float) -> bool:
    """Does every device have exactly one writable decimal setting whose range holds ``value``?"""
    if not devices:
        return False
    for meta in devices:
        fits = [c for c in meta.capabilities.values() if c.writable and c.type == "float" and c.min is not None
                and c.max is not None and c.min <= value <= c.max]
        if len(fits) != 1:
            return False
    return True


def decimal_after_device(text: str, mentions: Callable[[], Iterable[Any]], metas: Sequence[Any]) -> str:
    """``text`` with "to" before a decimal that closes the ask (or a clause) right after a device or kind mention
    (``mentions``: the rules' mentions of ``text``, read only when a decimal is there), where the devices meant can
    take it (module docstring); the same string otherwise."""
    if not re.search(r"\d\.\d|point|点", text):
        return text
    by_id = {m.id: m for m in metas}
    for mn in sorted(mentions(), key=lambda x: -x.end):
        if mn.kind == "device":
            devices = [by_id[k] for k in mn.keys if k in by_id]
        elif mn.kind == "kind":
            devices = [m for m in metas if m.kind in mn.keys]
        else:
            continue
        after = text[mn.end:]
        m = _DIGITS.match(after)
        z = _ZH.match(after) if m is None and "\u4e00" <= text[mn.end - 1:mn.end] <= "\u9fff" else None
        if z is not None:  # 空调二十二点五, 空调 23.5
            value_zh = zh_value(z.group(1)) if not z.group(1)[0].isdigit() else float(z.group(1))
            if value_zh is None or not _END_ZH.match(after[z.end():]) or not _decimal_setting(devices, value_zh):
                continue
            text = text[:mn.end] + f"调到{value_zh:g}度" + after[z.end():]
            continue
        if m is not None:
            value, said, end = float(m.group(1)), m.group(1), m.end()
        else:
            w = _WORDS.match(after)
            n = NUMBER_WORDS.match(after, w.end()) if w is not None else None
            if n is None:
                continue
            said, stop = fraction_after(n, after)
            if "." not in said:
                continue
            value, end = float(said), stop
        if not _END.match(after[end:]) or not _decimal_setting(devices, value):
            continue
        text = text[:mn.end] + f" to {said}" + after[end:]
    return text
