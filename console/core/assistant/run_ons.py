"""Two terse items with no separator: "conveyor A off conveyor B on" (session 9, a shift lead's day).

Spoken or typed in a hurry, a list of target states loses its commas: "conveyor A off conveyor B on" was refused
("both started and stopped were asked") and "desk lamp on ceiling lamp off" switched BOTH lamps off (the one clause
had one direction word left after the other was read as the preposition "on").  Where a device (or kind) name is
followed by nothing but a state word and then directly by another device (or kind) name that has a state word of
its own, the items are split with a comma: "conveyor a off, conveyor b on", "A线传送带停，B线传送带开",
"一号传送带停二号传送带开" (an ordinal before the second name).  Only names of devices or kinds, never a place:
"turn the fan on line a off" keeps its "on line a".  Pure: reads with the rules' vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from console.core.assistant.reader import read

@dataclass(frozen=True)
class _Span:
    start: int
    end: int


_STATE_EN = r"(?:on|off|open|opened|closed|shut|stop|stopped|start|started|locked|unlocked)"
_STATE_ZH = r"(?:停下来|停下|停掉|停止|停了|停|关掉|关上|关闭|关了|关|打开|开启|开了|开|启动|锁上|锁好|解锁|切断)"
_ORDINAL_ZH = r"(?:[一二三四五六七八九十\d]+号|第[一二三四五六七八九十\d]+(?:台|条|个|号)?|[a-z]线|[a-z]号线)?"
_BETWEEN_EN = re.compile(rf"\s+{_STATE_EN}\s+(?:the\s+)?")
_BETWEEN_ZH = re.compile(rf"\s*{_STATE_ZH}\s*{_ORDINAL_ZH}\s*")
_AFTER_EN = re.compile(rf"\s+{_STATE_EN}(?![a-z])")
_AFTER_ZH = re.compile(rf"\s*{_STATE_ZH}")
_STATE_AT_EN = re.compile(rf"\s+{_STATE_EN}")
_STATE_AT_ZH = re.compile(rf"\s*{_STATE_ZH}")


def things_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """What the kinds act on (the catalog's things: coolant, steam, 冷却水, 蒸汽), as one pattern of whole words."""
    words = sorted({p for p in phrases if p and "..." not in p}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) if re.search(r"[\u3400-\u9fff]", w) else rf"(?<![a-z]){re.escape(w)}(?![a-z])"
                               for w in words))


def split_run_ons(text: str, vocab: Any, things: re.Pattern[str] | None = None) -> str:
    """``text`` (normalised) with a comma after each state word that runs into the next named item (a device or
    kind named, or a thing a kind acts on: "coolant off steam off", 冷却水停蒸汽切断)."""
    if not re.search(r"(?<![a-z])(?:on|off|open|opened|closed|shut|stop|stopped|start|started|locked|unlocked)(?![a-z])"
                     r"|[停关开锁启切]", text):
        return text
    spans = [(mn.start, mn.end) for mn in read(text, vocab).mentions if mn.kind in ("device", "kind")]
    if things is not None:
        spans += [m.span() for m in things.finditer(text)
                  if not any(a < m.end() and m.start() < b for a, b in spans)]
    names = sorted((_Span(a, b) for a, b in spans), key=lambda mn: mn.start)
    cuts: list[int] = []
    for a, b in zip(names, names[1:]):
        between = text[a.end:b.start]
        zh = bool(re.search(r"[\u3400-\u9fff]", text[a.start:b.end]))
        if zh and _BETWEEN_ZH.fullmatch(between) and _AFTER_ZH.match(text[b.end:]):
            cuts.append(a.end + _STATE_AT_ZH.match(between).end())  # type: ignore[union-attr]
        elif not zh and _BETWEEN_EN.fullmatch(between) and _AFTER_EN.match(text[b.end:]):
            cuts.append(a.end + _STATE_AT_EN.match(between).end())  # type: ignore[union-attr]
    for i in reversed(cuts):
        text = text[:i] + "," + text[i:]
    return text
