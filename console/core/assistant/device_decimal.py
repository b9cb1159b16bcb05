"""A bare decimal right after a device is its value, where exactly one setting of it can take that value (session 9).

"AC 23.5 please", "AC 21.5 pls", "air conditioner twenty two point five", 空调二十二点五: headset and terse asks that say the
device and the number it should go to, nothing between.  The rules keep a number without a unit or a value slot
as a loose number and ask what it refers to, rightly for an integer: "AC 2", "lamp 1" may be a device's number
(an ordinal), so they stay refused.  A decimal is never an ordinal, so when the device (or every device of the kind
named) has exactly one writable decimal setting whose range holds it (the AC's setpoint, 16–30 °C), the number is
read as that setting: "to" is written before it ("ac to 23.5 please").  A decimal no setting of the device can take
("lamps 40.5": levels are whole percent; "AC 35.5": out of every range) is left as it is, and refused as before.

A whole number is read the same way (session 9, blind sets 40-43: "AC 22", "AC on, 22 pls", "ceiling lamp 70",
空调22, 顶灯70) only where an integer cannot be a device's number: the name names ONE device (a device's name, or a
kind word of a kind the fleet has one device of), that device has exactly one writable numeric setting whose range
holds the number, and the number is no device number of its kind nor one up to 5 ("pump 2" names a pump the fleet
lacks, "ceiling lamp 2" may mean lamp 2, "conveyor 2" is conveyor B, "lamp 2 on" / "lamps 40" name a kind of several
devices: all stay as they were).  "<name> on, N"
keeps the switch and reads N as the setting ("AC on, 22 pls" → on + 22 °C).  Not in an ask that says a negation
("don't turn the AC on, 22"): the number stays loose there.

:func:`decimal_after_device` takes the normalised ask, the rules' mentions and the fleet; pure, no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Collection, Iterable, Mapping, Sequence

from console.core.assistant.decimal_words import fraction_after
from console.core.assistant.numbers import NUMBER_WORDS, zh_value

# the number right after the name: digits with a fraction, or number words with "point …" ("twenty two point five")
_DIGITS = re.compile(r"\s+(\d{1,3}\.\d+)(?![\d.%°a-z])")
_WORDS = re.compile(r"\s+(?=" + NUMBER_WORDS.pattern + r"\s+point\s)")
_ZH = re.compile(r"\s*(?:调到|设为|到)?\s*([零〇一二两三四五六七八九十百]+点[零〇一二三四五六七八九]+|\d{1,3}\.\d+)(?![\d.%°度])")
_END_ZH = re.compile(r"\s*(?:吧|啊|呀|谢谢)?\s*[。！!]*\s*(?:$|[,，;；])")
# a whole number right after the name, or after "<name> on," ("AC on, 22 pls"); 空调22, 顶灯 70
_INT = re.compile(r"((?:\s+on\s*,?)?\s+)(\d{1,3})(?![\d.%°a-z])")
_INT_ZH = re.compile(r"\s*(\d{1,3})(?![\d.%°度])")
_NEGATED = re.compile(r"(?<![a-z])(?:don'?t|do\s+not|never|not|no|without)(?![a-z])|别|不要|不用|不")
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


def _whole_setting(device: Any, value: int, numbered: Mapping[str, Collection[int]]) -> bool:
    """Is ``value`` no device number of the device's kind, and does exactly one writable numeric setting of the
    device hold it?"""
    if value <= 5 or value in numbered.get(device.kind, ()):
        return False  # "pump 2", "AC 1": a device's number (absent_ordinals.py refuses one the fleet lacks)
    fits = [c for c in device.capabilities.values() if c.writable and c.type in ("int", "float")
            and c.min is not None and c.max is not None and c.min <= value <= c.max]
    return len(fits) == 1


def _whole_after(text: str, mn: Any, devices: Sequence[Any], numbered: Mapping[str, Collection[int]]) -> str:
    """``text`` with the whole number right after the one device ``devices`` names read as its setting (module
    docstring); the same string otherwise."""
    if len(devices) != 1:
        return text
    after = text[mn.end:]
    if "\u4e00" <= text[mn.end - 1:mn.end] <= "\u9fff":
        z = _INT_ZH.match(after)
        if z is not None and _END_ZH.match(after[z.end():]) and _whole_setting(devices[0], int(z.group(1)), numbered):
            return text[:mn.end] + f"调到{z.group(1)}" + after[z.end():]
        return text
    m = _INT.match(after)
    if m is None or not _END.match(after[m.end():]) or not _whole_setting(devices[0], int(m.group(2)), numbered):
        return text
    return text[:mn.end] + f"{m.group(1)}to {m.group(2)}" + after[m.end():]


def decimal_after_device(text: str, mentions: Callable[[], Iterable[Any]], metas: Sequence[Any],
                         numbered: Mapping[str, Collection[int]] | None = None) -> str:
    """``text`` with "to" before a decimal that closes the ask (or a clause) right after a device or kind mention
    (``mentions``: the rules' mentions of ``text``, read only when a decimal is there), where the devices meant can
    take it (module docstring); the same string otherwise.  With ``numbered`` (kind → the numbers that name its
    devices), a whole number right after a name of one device is read likewise (module docstring)."""
    whole = numbered is not None and re.search(r"(?<![\d.])\d{1,3}(?![\d.])", text) is not None \
        and _NEGATED.search(text) is None  # "don't turn the AC on, 22": left to the rules (refused or bounded)
    if not whole and not re.search(r"\d\.\d|point|点", text):
        return text
    by_id = {m.id: m for m in metas}
    for mn in sorted(mentions(), key=lambda x: -x.end):
        if mn.kind == "device":
            devices = [by_id[k] for k in mn.keys if k in by_id]
        elif mn.kind == "kind":
            devices = [m for m in metas if m.kind in mn.keys]
        else:
            continue
        if whole and numbered is not None:
            done = _whole_after(text, mn, devices, numbered)
            if done != text:
                text = done
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
