""""Make <place> <number>" is that place's temperature (session 9, harms found blind).

"keep the sun out and make the office 22" closed the blinds and silently dropped the AC: "make the office 22" alone was
refused ("what does 22 refer to?"), and the clause pass counted it as covered because the office's blinds were already
in the whole reading (layers ``_covered`` now also asks that the clause's number was placed).  Making a place a number
is making it that warm: where exactly one device of the place takes degrees (a writable capability in °C: the office
AC's setpoint), the number is read in degrees — "make the office 22" → "make the office 22 degrees", "make it 22 in
the office", 把办公室弄成22 / 办公室搞到22 → …22度 — and the rules read it as any ask in degrees.  A place with no such
device, or several, a number with its own unit, and "make it 22" with no place are left as they are.

Pure: reads with the assistant (its reader and devices); regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.reader import read

_NUM = r"(?P<n>\d+(?:\.\d+)?)"
_NO_UNIT_EN = r"(?!\s*(?:%|°|percent|per\s*cent|degrees?|deg|rpm|l/min|litres?|liters?|c(?![a-z]))|[\d.])"
_MAKE_EN = re.compile(r"(?<![a-z])make\s+(?P<place>(?:the\s+)?(?:[a-z0-9'-]+\s+){0,2}?[a-z0-9'-]+?)\s+" + _NUM
                      + _NO_UNIT_EN)
_MAKE_IT_IN_EN = re.compile(r"(?<![a-z])make\s+it\s+" + _NUM + _NO_UNIT_EN + r"\s+in\s+(?P<place>(?:the\s+)?"
                            r"(?:[a-z0-9'-]+\s+){0,2}?[a-z0-9'-]+?)(?=\s*(?:[,.;!?]|and\s|$))")
_MAKE_ZH = re.compile(r"(?:把|将)?(?P<place>[\u3400-\u9fff]{2,8}?)(?:的温度)?(?:弄|搞)(?:成|到)\s*"
                      r"(?P<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九])?)"
                      r"(?!\s*(?:度|%|％|转|升|档|挡|成|[\d.零〇一二两三四五六七八九十点]))")


def _degree_place(asst: Any, words: str, value: str | None = None) -> bool:
    """Are ``words`` only a place of the fleet where exactly one device takes degrees (and, with ``value``, takes
    that value: within its range)?"""
    w = re.sub(r"^(?:the|把|将)\s*", "", words.strip())
    if not w:
        return False
    r = read(w, asst.rules.vocab)
    zones = [mn for mn in r.mentions if mn.kind == "zone"]
    if not zones or any(mn.kind != "zone" for mn in r.mentions):
        return False
    left = list(w)
    for mn in zones:
        left[mn.start:mn.end] = " " * (mn.end - mn.start)
    if re.sub(r"的|里|\s", "", "".join(left)):
        return False
    ids = {k for mn in zones for k in mn.keys}
    takers = [m for m in asst.metas if m.zone in ids
              and any(c.writable and (c.unit or "").replace(" ", "") in ("°C", "℃", "C") for c in m.capabilities.values())]
    if len(takers) != 1 or value is None:
        return len(takers) == 1
    n = _zh_number(value)
    return n is not None and any(
        c.writable and (c.unit or "").replace(" ", "") in ("°C", "℃", "C")
        and (c.min is None or n >= float(c.min)) and (c.max is None or n <= float(c.max))
        for c in takers[0].capabilities.values())


_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _zh_number(said: str) -> float | None:
    """A number said in digits or in Chinese numerals up to 99 (二十二, 二十二点五); None otherwise."""
    try:
        return float(said)
    except ValueError:
        pass
    whole, _, frac = said.partition("点")
    if not whole or any(ch not in _ZH_DIGIT and ch != "十" for ch in whole) or whole.count("十") > 1:
        return None
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        n = (_ZH_DIGIT[tens] if tens else 1) * 10 + (_ZH_DIGIT[ones] if ones else 0)
    elif len(whole) == 1:
        n = _ZH_DIGIT[whole]
    else:
        return None
    if frac:
        if len(frac) != 1 or frac not in _ZH_DIGIT:
            return None
        n += _ZH_DIGIT[frac] / 10
    return float(n)


# session 10: "set the office to 22", "office to 22", "put the office on 22", 办公室调到22, 把办公室设成22 — a place set to a
# bare number is its one degree-taker's setpoint where the number is in that setpoint's range ("to 40" is not: the
# lamps and blinds are asked back, as "to 22%" is)
_SET_EN = re.compile(r"(?:(?<![a-z])(?:set|put|turn|bring|get|have)\s+)?(?<![a-z])(?P<place>(?:the\s+)?(?:[a-z0-9'-]+\s+){0,2}?"
                     r"[a-z0-9'-]+?)\s+(?:to|at|on)\s+(?:about\s+|around\s+)?" + _NUM + _NO_UNIT_EN
                     + r"(?=\s*(?:please|pls|thanks)?\s*(?:[,.;!?]|\s-|$)|\s+(?:and|then)\s)")
_SET_IN_EN = re.compile(r"(?:^|(?<=[,;:]\s)|(?<=[,;:]))\s*(?:(?:set|put|keep)\s+(?:it\s+)?(?:to\s+|at\s+)?)?" + _NUM
                        + _NO_UNIT_EN + r"\s+in\s+(?P<place>(?:the\s+)?(?:[a-z0-9'-]+\s+){0,2}?[a-z0-9'-]+?)"
                        r"(?=\s*(?:please|pls)?\s*(?:[,.;!?]|$))")
_SET_ZH = re.compile(r"(?:把|将)?(?P<place>[\u3400-\u9fff]{2,8}?)(?:的温度)?(?:调|设|设置|调整|定|控制)(?:到|成|为|在)\s*"
                     r"(?P<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九])?)"
                     r"(?!\s*(?:度|%|％|转|升|档|挡|成|[\d.零〇一二两三四五六七八九十点]))")


def degrees_for_place(asst: Any, text: str) -> str:
    """``text`` (normalised) with "make <place> N" read in degrees where the place has one device that takes them."""
    if "make" in text:
        m = _MAKE_IT_IN_EN.search(text)
        if m and _degree_place(asst, m.group("place")):
            return text[:m.end("n")] + " degrees" + text[m.end("n"):]
        m = _MAKE_EN.search(text)
        if m and _degree_place(asst, m.group("place")):
            return text[:m.end("n")] + " degrees" + text[m.end("n"):]
    for rx in (_SET_EN, _SET_IN_EN):
        m = rx.search(text)
        if m and _degree_place(asst, m.group("place"), m.group("n")):
            return text[:m.end("n")] + " degrees" + text[m.end("n"):]
    if "调" in text or "设" in text or "定" in text or "控制" in text:
        m = _SET_ZH.search(text)
        if m and _degree_place(asst, m.group("place"), m.group("n")):
            return text[:m.end("n")] + "度" + text[m.end("n"):]
    if "弄" in text or "搞" in text:
        m = _MAKE_ZH.search(text)
        if m and _degree_place(asst, m.group("place")):
            return text[:m.end("n")] + "度" + text[m.end("n"):]
    return text
