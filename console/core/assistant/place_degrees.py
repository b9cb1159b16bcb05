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


def _degree_place(asst: Any, words: str) -> bool:
    """Are ``words`` only a place of the fleet where exactly one device takes degrees?"""
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
    return len(takers) == 1


def degrees_for_place(asst: Any, text: str) -> str:
    """``text`` (normalised) with "make <place> N" read in degrees where the place has one device that takes them."""
    if "make" in text:
        m = _MAKE_IT_IN_EN.search(text)
        if m and _degree_place(asst, m.group("place")):
            return text[:m.end("n")] + " degrees" + text[m.end("n"):]
        m = _MAKE_EN.search(text)
        if m and _degree_place(asst, m.group("place")):
            return text[:m.end("n")] + " degrees" + text[m.end("n"):]
    if "弄" in text or "搞" in text:
        m = _MAKE_ZH.search(text)
        if m and _degree_place(asst, m.group("place")):
            return text[:m.end("n")] + "度" + text[m.end("n"):]
    return text
