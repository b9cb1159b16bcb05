""""Outside" as a place: the fleet's outdoor devices ("alert everybody outside" → the yard siren), or where a
person is ("let the fire inspector in, he's waiting outside": a situation, no place of the fleet).

A device is outdoors when its name, id or declared things (catalog semantics) name an outdoor place (yard,
courtyard, car park, 院子…); the demo fleet has one, the yard siren.  In a fleet with outdoor devices
"outside"/"outdoors"/外面/室外 names them: the assistant's gate refuses a proposal with any other device under
it ("turn on the light outside" when no lamp is outdoors).  In a fleet without any it stays a place the fleet
lacks (semantics.PLACES), refused as before.  Where a person is ("… is waiting outside", 在外面等着) is no place
of the ask at all.  Pure text, no imports from the package.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

OUTSIDE_WORDS = ("outside", "outdoors", "out front", "外面", "外头", "室外", "户外")
OUTSIDE = re.compile(r"(?<![a-z])(?:outside|outdoors|out\s+front)(?![a-z])|外面|外头|室外|户外")
_OUTDOOR = re.compile(r"(?<![a-z])(?:yard|courtyard|backyard|garden|car\s*park|parking|forecourt|outdoor|outdoors|"
                      r"exterior|patio|grounds)(?![a-z])|院子|庭院|室外|户外|停车场|花园|露天")
# someone is outside: "he's waiting outside", "the crew is stuck outside", "they're outside", 他在外面等着,
# 外面有访客, 外面能看到里面 (people outside see in)
_SOMEONE_OUTSIDE = re.compile(
    r"(?:(?<![a-z])(?:is|are|was|were|waiting|wait|waits|standing|stands|stuck|locked|left|"
    # "there's some weird guy hanging around outside" (session 9): where a stranger is, a reason to lock
    r"hanging|hangs|lurking|lurks|loitering|lingering|prowling|snooping|skulking|creeping|wandering|walking)|'s|'re)\s+"
    r"(?:(?:still|just|already|now|right|out|all|around|about)\s+)?(?:outside|outdoors|out\s+front)(?![a-z])"
    r"|在(?:外面|外头|门外|室外)"
    # session 10: 外面有访客进不来 (people are outside), 外面能看到里面 / 从外面看得见 (being seen from outside, privacy)
    r"|(?:外面|外头)(?:的人)?(?:还|又|已经)?有(?:一?(?:个|位|些|群|帮))?(?:人|访客|客人|来访|快递|送货|司机|客户|供应商|"
    r"师傅|维修|检查|领导|同事|工人|消防|警察|保安)"
    # 外面来了个送货的 / 外头到了几位客人 / 外面来人了: someone arrived outside (a reason to let them in)
    r"|(?:外面|外头)(?:又|已经|刚)?(?:来了|到了|来)(?:一?(?:个|位|些|群|帮|批)|几(?:个|位))?(?:人|访客|客人|快递|送货|司机|"
    r"客户|供应商|师傅|维修|检查|领导|同事|工人|消防|警察|保安|保洁|外卖|[\u4e00-\u9fff]{1,4}?的(?![\u4e00-\u9fff]))"
    r"|从?(?:外面|外头)(?:的人)?(?:都|就|也)?(?:能|可以|会)?(?:看到|看见|看得到|看得见|看得清|瞧见|看进来|往里看|看清)"
    r"|(?:外面|外头)的人")


def outdoor_devices(metas: Sequence[object], things: Mapping[str, Iterable[str]]) -> frozenset[str]:
    """Ids of the devices whose name, id or declared things name an outdoor place."""
    out = set()
    for m in metas:
        words = [getattr(m, "name", ""), str(getattr(m, "id", "")).replace("-", " ")] + list(things.get(m.id, ()))
        if any(_OUTDOOR.search(w.lower()) for w in words):
            out.add(m.id)
    return frozenset(out)


def drop_someone_outside(text: str) -> str:
    """``text`` with "outside" blanked where it says where a person is ("he's waiting outside")."""
    return _SOMEONE_OUTSIDE.sub(lambda m: " " * len(m.group(0)), text)


def outside_said(text: str) -> str | None:
    """The "outside" word of ``text`` that names a place of the ask (not where a person is), or None."""
    m = OUTSIDE.search(drop_someone_outside(text))
    return m.group(0) if m else None
