"""Telling people (in a place) to leave is the siren of that place: 赶紧提醒院子里的人撤离 (held-out 21).

"赶紧提醒院子里的人撤离" was refused as an unknown device "赶紧提醒院子": 提醒 / 通知 / 叫 / 让 … + people + a leaving
verb (撤离, 疏散, 离开, 撤出, 出去 …), urgent or an evacuation (not 让工人出去, ``_ALARM``), names no device, and the words before the place were read as a name.  Only a
siren warns people away, so the phrase is rewritten to 拉响<place>的警报 ("sound the place's siren"): the rules then
find the siren of that place, or refuse where the place has none (拉响办公室的警报 → 办公室没有警报), or where the fleet
has no siren at all.  Adverbs (赶紧, 马上, 快, 立刻 …) before the verb or the leaving verb are dropped with it.  A
negation or a condition around it stays and is refused as before (不要提醒…, 如果…就提醒…).  Applied by
``phrases.normalize``.  Pure regular expression; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

_ADV = r"(?:赶紧|赶快|马上|立刻|立即|尽快|快点|快)?"
_EVACUATE = re.compile(
    _ADV + r"(?:去)?(?:提醒|通知|警告|告诉|叫|让|催|催促|喊)(?P<place>[^，,。；;！!？?\s]{0,8}?)"
    r"(?:的)?(?:人员|人们|工人们?|员工们?|所有人|大家|人)(?:都)?"
    # session 10b: the need in a clause of its own, "通知工人，我们要疏散了" ("alert the workers, we need to evacuate")
    r"(?:[，,]\s*(?:我们|大家|所有人)?(?:都)?(?:要|得|必须|需要|马上要)(?=[^，,。；;！!？?]{0,4}?(?:撤离|疏散|撤出|撤退)))?" + _ADV
    + r"(?:撤离|疏散|离开|撤出|撤退|出去|躲避|避险|躲开|走开)(?:现场|这里|那里)?(?:了|啦)?")


# an evacuation, not a plain "go out": a leaving word that means danger (撤离, 疏散 …), a warning (警告), or haste
# (赶紧, 马上 …); 让工人出去 / 叫大家离开 / 提醒大家离开 alone ask people to leave, which no siren does (session 8:
# 让工人出去 had sounded the yard siren): left as they are, and refused as naming no device
_ALARM = re.compile(r"撤|疏散|躲|避险|警告|赶紧|赶快|马上|立刻|立即|尽快|快")


def evacuate(text: str) -> str:
    """The (normalised) ask with "tell the people (in a place) to leave" as 拉响<place>的警报; else unchanged."""
    if not any(w in text for w in ("撤", "疏散", "离开", "出去", "躲", "避险", "走开")):
        return text
    return _EVACUATE.sub(lambda m: m.group(0) if not _ALARM.search(m.group(0))
                         else f"拉响{m.group('place')}的警报" if m.group("place") else "拉响警报", text)
