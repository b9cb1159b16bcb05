"""A simile about how a place feels is no device (session 10): "office feels like a fridge, set the temp to 26" was
refused on "fridge" (no such device), 办公室冷得像冰箱，温度调到26 on 冰箱.  "feels like a fridge / sauna / oven",
"it's like an icebox in here", 像冰箱一样, 跟蒸笼似的, 冷得像冰窖 say how cold or hot it is, nothing more:

- the simile is written as the feeling it stands for ("feels cold", "is hot", 很冷, 很热), so the place and the rest of
  the ask read as they would with that plain word ("office feels cold, set the temp to 26": the office AC's setpoint);
- only the comparison nouns listed below (things known for being cold or hot), after "feels / feel / feeling / felt /
  is / 's like", or 像 / 好像 / 就像 / 跟 / 和 … 一样 / 似的 (跟 and 和 only with 一样 / 似的 closing: 跟 is also "and").
  Any other noun is left as said (a noun the fleet lacks stays refused: "feels like a zoo" names nothing here).
Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

_COLD_EN = (r"(?:fridge|refrigerator|freezer|ice\s*box|icebox|igloo|meat\s+locker|cold\s+store|cold\s+storage|"
            r"walk-in\s+freezer|arctic|the\s+arctic|antarctica|north\s+pole|tundra|ice\s+rink|winter)")
_HOT_EN = (r"(?:sauna|oven|furnace|steam\s*room|steam\s+bath|greenhouse|hothouse|desert|bakery|kiln|jungle|"
           r"boiler\s+room|hell|sweatshop|toaster|microwave|pressure\s+cooker|summer)")
_LIKE_EN = r"(?<![a-z])(?P<verb>feels|feel|feeling|felt|is|'s|was)\s+(?:just\s+|exactly\s+|literally\s+)?like\s+(?:an?|the|some)?\s*"
_SIMILE_EN = re.compile(_LIKE_EN + r"(?:(?P<cold>" + _COLD_EN + r")|(?P<hot>" + _HOT_EN + r"))(?![a-z])")

_COLD_ZH = r"(?:冰箱|冰柜|冰窖|冷库|冰窟窿|冰窟|冷藏室|冷冻室|北极|南极|冰天雪地|冰块|冬天)"
_HOT_ZH = r"(?:蒸笼|桑拿房|桑拿|汗蒸房|烤箱|火炉子|大火炉|火炉|炉子|蒸锅|烤炉|澡堂|温室|沙漠|夏天|火焰山)"
_WAY_ZH = r"(?:(?:冷|冻|凉|热|闷|烫|晒)得)?"
_SIMILE_ZH = re.compile(
    _WAY_ZH + r"(?:(?:好|就|简直|跟)?像|(?:简直)?(?:跟|和))(?:个|一个|是)?(?:(?P<cold>" + _COLD_ZH + r")|(?P<hot>" + _HOT_ZH
    + r"))(?P<close>一样|似的|一般|里)?")


def _en(m: re.Match) -> str:
    verb = m.group("verb")
    verb = "is" if verb == "'s" else verb
    return f"{verb} {'cold' if m.group('cold') else 'hot'}"


def _zh(m: re.Match) -> str:
    said = m.group(0)
    if ("跟" in said or "和" in said) and "像" not in said and not m.group("close"):
        return said  # 跟冰箱: "and the fridge", no simile
    return "很冷" if m.group("cold") else "很热"


def plain_similes(text: str) -> str:
    """``text`` (normalised) with each listed simile written as its feeling; the same string when it has none."""
    if "like" in text:
        text = _SIMILE_EN.sub(_en, text)
    if "像" in text or "似的" in text or "一样" in text:
        text = _SIMILE_ZH.sub(_zh, text)
    return text
