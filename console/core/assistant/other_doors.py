"""A door or entrance the fleet lacks is not the one it has: "unlock the back door" is refused, never the main lock.

Session 8 (found by hand): "unlock the back door", "lock the back entrance", "open up for the staff at the back
door", 打开侧门, 把后门锁上 all reached the demo fleet's only lock (the MAIN entrance lock): the kind word "door" / 门
named the lock and the word saying *which* door (back, side, rear, fire, garage, staff, 后, 侧, 消防 …) was read as
nothing.  A door word qualified by such a word names another door: the ask is refused as an unknown device, before
any layer may offer a device, unless a device of the fleet is called that ("Back door lock" in another fleet keeps
its name: the phrase inside one of the present devices' own names or aliases is that device).  A plain "the door",
"the entrance", "front door", "main door", 大门, 正门, 门 still mean the fleet's lock.

Chinese 后门 is not the 后 of 然后 / 之后 / 以后 (关掉台灯然后门锁上: "then lock the door"), and 安全门 only where it
is a noun of its own (把安全门锁上), never 为了安全门要锁好.  Pure; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Iterable

_WHICH_EN = (r"back|rear|side|fire|garage|emergency|loading(?:\s+(?:dock|bay))?|dock|service|staff|delivery|kitchen|"
             r"cellar|basement|patio|garden|yard|trap|cargo|storeroom|store\s+room|stockroom|storage|goods|"
             r"employee|employees'?|workers'?|tradesmen'?s?|cellar|roof|rooftop|basement|car\s+park|parking|"
             r"north|south|east|west|left|right|second|other|inner|internal|interior|exit")
_DOOR_EN = r"(?:doors?|entrances?|entry|entries|exits?|gates?|doorways?)"
OTHER_DOOR_EN = re.compile(
    rf"(?<![a-z])(?:(?:{_WHICH_EN})[\s-]*{_DOOR_EN}|back-?doors?|fire\s+escapes?"
    # "the door at the back", "the entrance round the side"
    rf"|{_DOOR_EN}\s+(?:at|round|around|on|in|to|by)\s+the\s+(?:back|rear|side|garage|yard|loading\s+dock))(?![a-z])")
OTHER_DOOR_ZH = re.compile(
    r"(?<![然之以随最稍此其过今往日落午背身善])后门|(?<![一两])侧门|消防门|消防通道|消防出口|紧急出口|安全出口|逃生门|逃生出口"
    r"|车库门|卷帘门|货梯门|员工通道|员工入口|后面的门|后边的门|后头的门|侧面的门|旁边的门|偏门"
    r"|(?:^|(?<=[把将的，,\s]))(?:安全门|边门|小门)")


def other_door_in(text: str, present: Iterable[str]) -> str | None:
    """The door the (normalised) ask names that no present device is called (``present``: the fleet's device
    names and aliases, normalised), else None."""
    for pattern in (OTHER_DOOR_EN, OTHER_DOOR_ZH):
        for m in pattern.finditer(text or ""):
            said = m.group(0).strip()
            if not any(said in name for name in present):
                return said
    return None
