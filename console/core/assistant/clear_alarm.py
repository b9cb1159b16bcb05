""""Clear" an alarm that is going is silencing it, never the fan's "clear" (session 12, a harm known since session 10).

"the siren's going, clear it" had switched the line A fan ON: "clear" is one of the fan's "up" phrases in the catalog
(it clears smoke and fumes), and the semantic layer read the verb alone, although the one thing the sentence is about
is the siren and "it" is that siren.  Said of an alarm that is going, "clear it" / "clear the alarm" is what operators
say for acknowledging and silencing it (清除 / 消除 / 复位 警报 in Chinese), the alarm kind's "down" way.

:func:`clear_alarm_rewrite` words such a clear as the alarm kind's silence ("silence it", 关掉) where

- the ask names a device or kind that warns people (``Assistant.alarm_kinds``: a siren / alarm by the catalog) and
  no device or kind of another kind;
- the cleared object is "it" / "that" / "this" / "the alarm" / "the siren" (or nothing, in Chinese: 清一下, 复位一下),
  never "all clear" (a report that the danger is over; that ask's own words decide), never "clear the yard" (people
  leave the yard: that is a reason to WARN them);
- nothing of another kind's own things is said (smoke, fumes, stink …: "the siren's going because of the smoke,
  clear it" is left as it is, its "it" may be the smoke).

None where it does not apply; the rewritten words are read again whole (rewrites.py, SAID_REWRITES).  Pure text over
the catalog's words; regexes compiled at import (the per-fleet "things" regex once per assistant).
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from console.core.assistant.it_other_device import kinds_named

_CLEAR_EN = re.compile(r"(?<![a-z])(?<!all\s)(?<!all-)clear(?:\s+(?:it|that|this|them|the\s+(?:yard\s+)?(?:alarms?|sirens?)))"
                       r"(?:\s+(?:off|down))?(?![a-z'])")
_RESET_EN = re.compile(r"(?<![a-z])(?:reset|acknowledge|ack)\s+(?:it|that|this|the\s+(?:yard\s+)?(?:alarms?|sirens?))"
                       r"(?![a-z'])")
_CLEAR_ZH = re.compile(r"(?:清除|清掉|清一下|消除|消掉|复位)(?:一下)?(?:它|警报|报警)?")
_OTHER_THINGS: "weakref.WeakKeyDictionary[Any, re.Pattern | None]" = weakref.WeakKeyDictionary()


def _other_things(asst: Any) -> re.Pattern | None:
    """The words of the things the fleet's other (non-alarm) kinds act on, as one regex (cached per assistant)."""
    try:
        return _OTHER_THINGS[asst]
    except KeyError:
        pass
    words = sorted({p for k, km in asst.meaning.kinds.items() if k not in asst.alarm_kinds
                    for p in (*km.things, *getattr(km, "removes", ())) if p and "..." not in p}, key=len, reverse=True)
    rx = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in words) + r")(?![a-z])") if words else None
    _OTHER_THINGS[asst] = rx
    return rx


def _only_alarms_named(asst: Any, text: str) -> bool:
    kinds, every = kinds_named(asst, text)
    return not every and bool(kinds) and kinds <= asst.alarm_kinds


def clear_alarm_rewrite(asst: Any, text: str) -> str | None:
    """``text`` (normalised) with the clear of an alarm worded as its silence, or None (module docstring)."""
    if not text or not asst.alarm_kinds:
        return None
    zh = bool(re.search(r"[\u4e00-\u9fff]", text))
    rx = _CLEAR_ZH if zh else None
    if rx is None:
        m = _CLEAR_EN.search(text) or _RESET_EN.search(text)
        if m is None:
            return None
    elif not rx.search(text):
        return None
    if not _only_alarms_named(asst, text):
        return None
    things = _other_things(asst)
    if things is not None and things.search(text):
        return None
    if zh:
        return _CLEAR_ZH.sub(lambda m: "关掉" + ("它" if m.group(0).endswith("它") else ""), text)
    out = _CLEAR_EN.sub(lambda m: "silence" + m.group(0)[len("clear"):].replace(" off", "").replace(" down", ""), text)
    return _RESET_EN.sub(lambda m: "silence" + m.group(0)[m.group(0).index(" "):], out)
