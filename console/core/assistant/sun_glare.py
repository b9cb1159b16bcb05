"""Sunlight coming in, said inside a complaint about glare, is a reason to close the cover (session 10).

"阳光照进来太晃眼了" had OPENED the blinds fully: 照进(来) is the cover's "let … in" phrase (ha_semantics.KIND_TABLE),
and it won over the glare (晃眼) that says why less light is wanted.  The class: a clause about the sun (阳光 / 太阳 /
日光 / sun / sunlight / sunshine / daylight) that says it comes in (照进来, 射进来, 直射进来, 透进来, 晒进来; "coming in",
"pouring in", "streaming in", "shining in", "blazing in") AND complains of it (晃眼, 刺眼, 刺目, 耀眼, 太亮, 好亮, 很亮,
(太/好)晒, 晒死了, 晒得慌; "blinding", "glare", "too bright", "in my eyes", "too sunny", "too much sun") is
read as the glare alone: the "comes in" words are dropped and the brightness / heat complaint is worded as the glare
it is (刺眼 / "blinding"), so the semantic layer closes the cover ("the sun's coming in and it's blinding" → blinds
closed).  "阳光照进来" as a wish ("让阳光照进来", "let the sunshine in") has no complaint and is left as it is; an ask
with an explicit open / let-in verb (让, 拉开, 打开, 升起, let, open, raise) is left as it is too (its own words decide).

``glare_rewrite`` returns None where the ask is no such complaint; ``glare_problem`` is the gate's check of such an
ask (Assistant.direction_problem): a cover it opens or raises goes the wrong way.  Pure: regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Mapping

from console.core.assistant.direction import DOWN, violation

_SUN_ZH = r"(?:阳光|太阳光?|日光|光线)"
_IN_ZH = re.compile(r"(?:直射|照射|照|射|透|晒|钻)进(?:来|屋里?|屋子里?|房间里?|办公室里?)?(?:了)?|(?<=[阳光线])进来(?:了)?")
_DEG_ZH = r"(?:太|好|很|真|特别|非常|有点|有些)"
_COMPLAINT_ZH = re.compile(rf"{_DEG_ZH}?(?:晃眼|刺眼|刺目|耀眼)(?:得慌|得厉害|死了|得要命)?(?:了)?|{_DEG_ZH}(?:亮|晒)(?:得慌|得厉害|死了|得要命)?"
                           r"(?:了)?|晒(?:死了|死|得慌|得厉害|得要命)(?:了)?")
_GLARE_ZH = re.compile(r"晃眼|刺眼|刺目|耀眼|(?:太|好|很|真|特别|非常|有点|有些)(?:亮|晒)|晒(?:死|得慌|得厉害|得要命)")
_WISH_ZH = re.compile(r"让|拉开|打开|升起|拉起|开一下|开开|放进")
# session 10c: a verb that keeps the sun out (挡一下, 遮住, 挡挡) is the complaint too: "太阳晒进来了，挡一下" had opened the
# blinds fully.  遮阳 (a sunshade's name) is no such verb.
_BLOCK_ZH = re.compile(r"挡|遮(?!阳)")

_SUN_EN = r"(?:sun|sunlight|sunshine|daylight)"
_IN_EN = re.compile(r"(?:'s|\s+is|\s+are)?\s+(?:coming|pouring|streaming|shining|beaming|blazing|flooding|getting|"
                    r"glaring|beating)\s+(?:in|through|down)(?:\s+(?:the|those|these)\s+windows?)?(?![a-z])")
_GLARE_EN = re.compile(r"(?<![a-z])(?:blinding|(?:(?:too|so)\s+much\s+)?glare|glaring|(?:too|way\s+too|so|really|very)\s+(?:bright|sunny)|"
                       r"in\s+(?:my|our|your)\s+eyes|too\s+much\s+sun)(?![a-z])")
_BLOCK_EN = re.compile(r"(?<![a-z])(?:block|keep\s+(?:it|that|them|the\s+sun(?:light|shine)?)\s+out|shut\s+(?:it\s+|that\s+)?out|"
                       r"shade\s+(?:it|us|me|the\s+room)|screen\s+it)(?![a-z])")
_WISH_EN = re.compile(r"(?<![a-z])(?:let|open|raise|lift|pull\s+up|roll\s+up)(?![a-z])")


def glare_rewrite(text: str) -> str | None:
    """``text`` (normalised) as the glare it complains of, or None (module docstring)."""
    if not text:
        return None
    if re.search(r"[\u4e00-\u9fff]", text):
        if not re.search(_SUN_ZH, text) or not (_GLARE_ZH.search(text) or _BLOCK_ZH.search(text)) \
                or _WISH_ZH.search(text):
            return None
        m = _IN_ZH.search(text)
        if m is None:
            return None
        out = text[:m.start()] + text[m.end():]
        out = _COMPLAINT_ZH.sub("刺眼", out, count=1)
        return out
    if not re.search(rf"(?<![a-z]){_SUN_EN}(?![a-z])", text) \
            or not (_GLARE_EN.search(text) or _BLOCK_EN.search(text)) or _WISH_EN.search(text):
        return None
    m = _IN_EN.search(text)
    if m is None:
        return None
    out = text[:m.start()] + text[m.end():]
    out = _GLARE_EN.sub("blinding", out, count=1)
    return re.sub(r"\s{2,}", " ", out).strip()


# session 11: the sun gone off what it glared on ("sun's off the screens now, let the daylight into the office"): a
# reason, never an "off" of the ask; read as "the sun's gone"
_SUN_OFF = re.compile(r"(?<![a-z])(?P<sun>(?:the\s+)?(?:sun|sunlight|sunshine))(?:'s|\s+is|\s+has|\s+'s)?\s+"
                      r"(?:gone\s+|moved\s+)?off\s+(?:the\s+|our\s+|my\s+|his\s+|her\s+|their\s+)?(?:screens?|monitors?|"
                      r"displays?|windows?|desks?|glass|office|room|computers?|pcs?)(?![a-z])")


def sun_gone(text: str) -> str | None:
    """``text`` (normalised) with "the sun's off the screens" worded as "the sun's gone"; None where it has none."""
    m = _SUN_OFF.search(text or "")
    if m is None:
        return None
    return text[:m.start()] + m.group("sun") + "'s gone" + text[m.end():]


def glare_problem(text: str, commands: Iterable[Any], by_id: Mapping[str, Any],
                  current: Callable[[str], Mapping[str, Any] | None] | None = None) -> str | None:
    """For a glare complaint (``glare_rewrite`` of the normalised ``text`` is not None), the first command that opens
    or raises a cover, as a reason; else None."""
    if glare_rewrite(text) is None:
        return None
    for c in commands:
        meta = by_id.get(c.device_id)
        if meta is None or meta.kind != "cover":
            continue
        why = violation(meta, c.params, {DOWN}, current(c.device_id) if current else None)
        if why:
            return why
    return None
