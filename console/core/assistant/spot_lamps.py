"""射灯 / "spotlight" after a place: that place's one lamp (session 13, blind set 87).

倉庫射燈熄咗佢 ("switch the warehouse 射燈 off") was refused as "no device called 射灯": 射燈 is what a Hong Kong or
Taipei crew calls a floodlight or spotlight, a kind of lamp (灯), and the warehouse has one lamp.  "warehouse
spotlight off" was worse: "spotlight" read as nothing, the warehouse's every device (its siren too) was switched off.
:func:`spot_lamp_rewrite` drops the 射 / "spot" said between a place (its zone, with or without 的, 里, a demonstrative
那盏 / "the") and the lamp's kind word when that place has exactly one device of that kind, as size_words_zh.py does for
仓库大灯; else it gives None and the ask is read as before (办公室射灯, with two lamps there, stays refused: which one
is the spot cannot be told; a bare 射灯 with no place is refused too, glued_slips_zh.py, never the desk lamp by a rare
reading of 射 as "yi").  :func:`spot_lamp_unresolved` gives "" (refused whole, rewrites.SPOT_LEFT) for an English spot
word left after a place ("office spotlight off", two lamps there: it had switched the office's AC off too).

Pure; reads with the fleet's vocabulary; one ``in`` test when the ask has no spot word.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.reader import read

_SPOT_EN = re.compile(r"(?<![a-z])spot\s*(?=lights?(?![a-z])|lamps?(?![a-z]))")
_GAP_ZH = re.compile(r"^(?:里|里面|那边|这边)?的?(?:(?:那|这)(?:个|盏|台)?)?(?:射|投射|聚光)$")
_GAP_EN = re.compile(r"^\s*(?:'s\s*)?(?:the\s+)?spot\s+$")


def spot_lamp_rewrite(asst: Any, text: str) -> str | None:
    """``text`` (normalised) with the spot word dropped before a kind word of which the place just before has one
    device (see module); None where nothing is dropped."""
    if not text or ("射灯" not in text and "spot" not in text and "聚光灯" not in text):
        return None
    cand = _SPOT_EN.sub("spot ", text) if "spot" in text else text
    ms = read(cand, asst.rules.vocab).mentions
    for zone, kind in zip(ms, ms[1:]):
        if zone.kind != "zone" or kind.kind != "kind":
            continue
        gap = cand[zone.end:kind.start]
        m = _GAP_ZH.match(gap) or _GAP_EN.match(gap)
        if m is None:
            continue
        if sum(1 for x in asst.metas if x.zone in zone.keys and x.kind in kind.keys) != 1:
            continue
        spot = re.search(r"(?:投射|聚光|射|spot\s+)$", gap)
        return cand[:zone.end + spot.start()] + cand[kind.start:]
    return None


def spot_lamp_unresolved(asst: Any, text: str) -> str | None:
    """"" where a place is followed by a spot word that names none of its devices (the ask is refused as an unknown
    device, never the place's every device); None otherwise."""
    if not text or "spot" not in text:
        return None
    cand = _SPOT_EN.sub("spot ", text)
    ms = read(cand, asst.rules.vocab).mentions
    for zone, kind in zip(ms, ms[1:]):
        if zone.kind == "zone" and kind.kind == "kind" and _GAP_EN.match(cand[zone.end:kind.start]):
            return ""
    return None
