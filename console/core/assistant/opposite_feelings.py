"""A feeling that asks for the opposite of the command beside it: "turn off the AC, it's boiling" is refused.

Session 8 (found by hand): "turn off the AC, it's boiling" switched the AC off and "switch on the desk lamp, it's
too bright" switched the lamp on — an explicit verb next to a situation that wants the other way on the same
device.  The catalog's kind words (direction_check's both-ways test) cover what a kind's up/down words say
("open the blinds, too much sun"); a climate device has no up/down words, and "too bright" is no word of a lamp's,
so these feelings are read here, over any fleet:

- **hot** (too hot, boiling, sweltering, roasting, 太热, 热死了 …): a climate device (one with cool and heat modes)
  is never switched off unless the ask says heating (it may be what makes it hot: "it's boiling, turn off the
  heating" stays), and never set to heat;
- **cold** (too cold, freezing, chilly, 太冷, 冻死了 …): never set to cool, and never switched off where the ask
  says heating ("it's freezing, turn off the heating"); "it's freezing, turn off the AC" stays (it may be cooling);
- **too bright** (too bright, so bright, 太亮, 好亮 …): a device of a kind that acts on darkness (a lamp: its
  things include "dark" / 暗) is never switched on or turned to its top.

A feeling negated or compared ("not too hot", 不太热, 没那么冷) is none.  Pure; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from console.core.assistant.direction import DOWN, violation

_HOT = re.compile(r"(?<![a-z])(?<!not\s)(?<!not\stoo\s)(?:too\s+(?:hot|warm)|so\s+hot|very\s+hot|really\s+hot|"
                  r"(?:it'?s|it\s+is|is|feels?)\s+hot|boiling|sweltering|roasting|baking|scorching|burning\s+up|"
                  r"a\s+sauna|an?\s+oven|heat\s*wave)(?![a-z])"
                  r"|(?<!不)(?<!没那么)(?<!没有那么)(?:太热|好热|很热|真热|挺热|热死|热得|闷热|有点热|热爆)")
_COLD = re.compile(r"(?<![a-z])(?<!not\s)(?<!not\stoo\s)(?:too\s+(?:cold|cool|chilly)|so\s+cold|very\s+cold|"
                   r"really\s+cold|(?:it'?s|it\s+is|is|feels?)\s+cold|freezing|chilly|nippy|an?\s+(?:fridge|icebox))"
                   r"(?![a-z])"
                   r"|(?<!不)(?<!没那么)(?<!没有那么)(?:太冷|好冷|很冷|真冷|挺冷|冷死|冷得|冻死|有点冷|冻得)")
# the place, not a thing in it: "it's too bright", "too bright in here", "the office is too bright", 太亮了; "the tv is too
# bright, turn on the desk lamp" is about the screen (a lamp beside it may help), never read here
_BRIGHT = re.compile(r"(?:^|[,;:.!—–-]\s*|(?<![a-z])(?:it'?s|it\s+is|it\s+gets|it\s+got|it\s+feels|getting|"
                     r"(?:office|room|place|warehouse|area|hall|here)\s+(?:is|'s|feels|gets))\s+)"
                     r"(?P<w>(?:(?:way|far|much|a\s+bit|a\s+little)\s+)?(?:too|so|very|really|overly|painfully)\s+bright)(?![a-z])"
                     r"|(?:^|[，,。！!；;：:]|这里|这儿|屋里|房间|办公室|仓库|室内|里面)(?:也|都|实在|真的)?"
                     r"(?P<z>太亮|好亮|很亮|真亮|亮瞎|亮得刺眼|亮死)")
_HEATING = re.compile(r"(?<![a-z])(?:heating|heater|heat|warming)(?![a-z])|制热|暖气|加热|供暖|暖风|热风")
_DARK = ("dark", "darkness", "暗", "黑")


def light_kinds(kinds: Mapping[str, Any]) -> set[str]:
    """The kinds that act on darkness (their things name it): what gives light."""
    return {k for k, km in kinds.items() if any(any(d in t for d in _DARK) for t in getattr(km, "things", ()))}


def _climate(meta: Any) -> bool:
    mode = meta.capabilities.get("mode")
    return mode is not None and "cool" in mode.values and "heat" in mode.values


def feeling_problem(text: str, commands: Iterable[Any], by_id: Mapping[str, Any], lights: set[str],
                    current: Any = None, raw: str = "") -> str | None:
    """The reason a command goes against the feeling the (normalised) ask states, or None.  ``raw``: the ask as typed
    (normalising reads "turn off the heating" as "turn off the ac": the heating word is looked for in both)."""
    hot, cold, bright = _HOT.search(text), _COLD.search(text), _BRIGHT.search(text)
    if not (hot or cold or bright):
        return None
    heating = _HEATING.search(text) is not None or _HEATING.search((raw or "").lower()) is not None
    for c in commands:
        meta = by_id.get(c.device_id)
        if meta is None:
            continue
        params = c.params
        if _climate(meta):
            off = any(params.get(k) is False for k in ("power", "running", "on", "enabled"))
            if hot and (params.get("mode") == "heat" or (off and not heating)):
                return f"{meta.name}: '{hot.group(0)}' asks for cooling, not {'heat' if not off else 'off'}"
            if cold and (params.get("mode") == "cool" or (off and heating)):
                return f"{meta.name}: '{cold.group(0)}' asks for warmth, not {'cooling' if not off else 'the heating off'}"
        if bright and meta.kind in lights:
            now = current(c.device_id) if current else None
            why = violation(meta, params, {DOWN}, now)
            if why:
                return f"'{bright.group('w') or bright.group('z')}' asks for less light ({why})"
    return None
