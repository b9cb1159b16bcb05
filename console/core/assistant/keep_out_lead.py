"""A negated purpose about PEOPLE before the command, or alone (held-out 24: 外人别进来，把楼锁上 had been refused as
a negation): "外人别进来，把楼锁上", "别让人进来，锁门", "no one gets in, lock the door".  ``keep_out_alone`` tells the purpose
said alone ("别让外人进来", "don't let anyone in"); it is still refused there (test_heldout11_12_zh.py's convention).
The trailing form ("把楼锁上，别让外人进来") is screening.KEEP_OUT's; layers.py (``_keep_out``) reads the rest of
the ask and keeps it only where it locks something and unlocks nothing, so "别锁门" / "don't lock the door" /
"开锁，外人别进来" stay refused.  Pure functions, no state.
"""

from __future__ import annotations

import re

_PEOPLE_ZH = (r"(?:外人|陌生人|闲人|闲杂人等|闲杂人员|别人|其他人|任何人|有人|人|小偷|坏人|外来人员|无关人员|谁|他们)")
_IN_ZH = r"(?:再|随便|随意|都|也|又|偷偷)?(?:进来|进去|进入|进门|进|闯进来|闯入|溜进来|混进来)(?:了|啊|哦|呀|哈)?"
_NOT_ZH = r"(?:别|不要|不能|不许|不准|不让|免得|以免|省得|防止|以防|避免)(?:再)?"
_PEOPLE_EN = r"(?:anyone|anybody|strangers|outsiders|people|intruders|someone|them|nobody|no one|no-one)"
_PURPOSE = (
    rf"(?:{_PEOPLE_ZH}(?:都|也|再)?{_NOT_ZH}{_IN_ZH}"  # 外人别进来
    rf"|{_NOT_ZH}(?:让|叫|放)?{_PEOPLE_ZH}{_IN_ZH}"  # 别让外人进来
    rf"|(?:don'?t|do\s+not|never)\s+let\s+{_PEOPLE_EN}\s+(?:in|inside|get\s+in|come\s+in|walk\s+in|wander\s+in)"
    r"|(?:no\s+one|no-one|nobody)\s+(?:gets?|comes?|walks?|should\s+get|should\s+come)\s+in(?:side)?)")
_LEAD = re.compile(rf"^\s*{_PURPOSE}\s*[,，;；:：]\s*")
_ALONE = re.compile(rf"^\s*(?:please\s+|请)?{_PURPOSE}\s*(?:please)?\s*[.!。！]*\s*$")


def lead_keep_out(text: str) -> str | None:
    """The leading negated purpose of an (already normalised) ask, with its comma ("外人别进来，"), or None."""
    m = _LEAD.match(text or "")
    return m.group(0) if m and text[m.end():].strip() else None


def keep_out_alone(text: str) -> bool:
    """Is the whole (already normalised) ask a purpose about keeping people out ("别让外人进来")?"""
    return bool(_ALONE.match(text or ""))
