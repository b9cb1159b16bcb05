"""Reason words that look like a value or a mode but only say why (session 10c, blind set).

Two classes, both languages, read as the plain reason they are before the ask is understood:

- "full" inside a reason is never the top of a range: "switch the air conditioner to cool mode, we're expecting a full
  house" had set the setpoint to 30 (MAX).  "full" / "fully" before what is full of people or time (house, shift, crew,
  team, staff, day, schedule, booked, staffed, occupied, packed) is dropped ("a house", "booked"); 满员 / 客满 / 满座 /
  坐满了 say 人很多.  "full speed", "full blast", "fully open", "full capacity" keep their meaning.
- a complaint about the heating or the cooling never sets that mode: "office at 19 please, the heating's way too much"
  had also set mode heat.  "the heating's (way) too much / strong / high", "too much heating", 暖气太足 / 暖气开得太大 say
  it is too hot ("it's too hot", 太热了); the same of the cooling / AC / 冷气 say it is too cold.  An ask that names the
  heating as what to set ("turn the heating to 22", 把暖气调到22度) has no such complaint and keeps its reading.

``reason_rewrite`` returns the ask so reworded, or None where it has no such reason.  Pure; regexes compiled at import.
"""

from __future__ import annotations

import re

_FULL_EN = re.compile(r"(?<![a-z])(?:full|fully)\s+(?=(?:house|shift|crew|team|staff|roster|day|schedule|booked|staffed|"
                      r"occupied|packed|attendance)(?![a-z]))")
_FULL_ZH = re.compile(r"满员了?|客满了?|满座了?|坐满了?|爆满了?")
_DEG_EN = r"(?:(?:way|far|much|a\s+bit|so|really|just|bit)\s+)*"
_TOO_EN = rf"{_DEG_EN}(?:too\s+(?:much|strong|high|intense|powerful|aggressive)|overkill|excessive|blasting)(?![a-z])"
_HEAT_EN = r"(?:heating|heater|heat)"
_COOL_EN = r"(?:cooling|cooler|aircon|air\s+conditioning|air\s+con|a/?c)"
_WHO_EN = r"(?:(?:the|this|that)\s+)?"
_IS_EN = r"(?:'s|\s+is|\s+are|\s+has\s+been)\s+"


def _complaint_en(kind: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){_WHO_EN}{kind}{_IS_EN}{_TOO_EN}|(?<![a-z])(?:way\s+)?too\s+much\s+{kind}(?![a-z])")


_HEAT_C_EN, _COOL_C_EN = _complaint_en(_HEAT_EN), _complaint_en(_COOL_EN)
_HEAT_C_ZH = re.compile(r"(?:暖气|暖风|制热)(?:开得|给得|烧得)?(?:太|好|有点|也太)(?:足|大|猛|强|旺)了?")
_COOL_C_ZH = re.compile(r"(?:冷气|冷风|制冷)(?:开得|给得)?(?:太|好|有点|也太)(?:足|大|猛|强)了?")


def reason_rewrite(text: str) -> str | None:
    """``text`` (normalised) with its full-of-people / heating-complaint reasons said plainly, or None (module doc)."""
    if not text:
        return None
    if re.search(r"[\u4e00-\u9fff]", text):
        out = _FULL_ZH.sub("人很多", text)
        out = _HEAT_C_ZH.sub("太热了", out)
        out = _COOL_C_ZH.sub("太冷了", out)
    else:
        out = _FULL_EN.sub("", text)
        out = _HEAT_C_EN.sub("it's too hot", out)
        out = _COOL_C_EN.sub("it's too cold", out)
    return out if out != text else None
