"""Coordinated ordinals before one kind noun name each device: 一号和二号传送带, 1号、2号传送带, "conveyors one and two",
"lamps 1 and 2", "lines A and B conveyors", "the fans on lines A and B" (held-out 20: 一号和二号传送带都调到每分钟五十转 had set conveyor B only).

The list is rewritten to one ordinal name per item (一号传送带和二号传送带, "conveyor 1 and conveyor 2", "line a and
line b conveyors": place_lists.py's form), which ordinals.py resolves one by one, and the ask is read again; the value goes to each.  The reading must
carry every listed device and no other device of that kind, else the ask is refused (never a silent drop, never a
neighbour); a number that names no device (一号和三号传送带 with two conveyors) is refused by ordinals.py as before.
A value or a unit after the last number ("conveyor 1 and 2 rpm") is no list.  Pure: reads with the assistant's
ordinals; no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Mapping

from console.core.assistant.phrases import normalize

_ZH_N = r"[一二两三四五1-5]"
_ZH_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
_EN_N = r"(?:[1-5]|one|two|three|four|five)"
_EN_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, **{str(i): i for i in range(1, 6)}}
_NO_UNIT = r"(?![a-z0-9%°.]|\s*(?:%|°|rpm|percent|degrees?|l/min|liters?|litres?))"
_EN_MARK = r"(?:number\s+|no\.?\s*|#)?"


class OrdinalLists:
    """Built once per fleet from the assistant's :class:`~console.core.assistant.ordinals.Ordinals`."""

    def __init__(self, ordinals: Any, kinds: Mapping[str, Mapping[str, list[str]]] | None = None) -> None:
        self.ordinals = ordinals
        every_kind = {normalize(w) for k, by_lang in (kinds or {}).items() for w in [k, *(x for v in by_lang.values()
                                                                                          for x in v)]}
        every_kind = {w for w in every_kind | set(ordinals.word_kind) if w and w.isascii()}
        ekw = "|".join(re.escape(w) for w in sorted(every_kind, key=len, reverse=True)) or "(?!)"
        words = sorted(ordinals.word_kind, key=len, reverse=True)
        kw = "|".join(re.escape(w) for w in words) or "(?!)"
        self._zh = re.compile(rf"(?P<run>(?:第?{_ZH_N}\s*(?:号|条|台|盏)?\s*(?:和|与|跟|及|以及|、)\s*)+)"
                              rf"第?(?P<last>{_ZH_N})\s*(?:号|条|台|盏)\s*(?:的)?(?P<kw>{kw})")
        self._en = re.compile(rf"(?<![a-z])(?P<kw>{kw})(?:e?s)?\s+{_EN_MARK}(?P<run>{_EN_N}(?:\s*,\s*{_EN_MARK}{_EN_N})*)"
                              rf"\s*,?\s+(?:and|&)\s+{_EN_MARK}(?P<last>{_EN_N}){_NO_UNIT}")
        zw = "|".join(re.escape(w) for w in ordinals.zone_by) or "(?!)"
        self._zones = re.compile(rf"(?<![a-z])(?P<zw>{zw})s\s+(?P<run>[a-e](?:\s*,\s*[a-e])*)\s*,?\s+(?:and|&)\s+"
                                 rf"(?:(?:{zw})\s+)?(?P<last>[a-e])(?=\s+(?:{kw})(?:e?s)?(?![a-z]))")  # "lines a and b conveyors" (a kind after)

        # "the fans on lines a and b" (the kind first): place_lists.py's form, "the line a and line b fans", which
        # refuses a listed place without that kind; "lines" had been read as the production lines' kind word (the
        # conveyors switched on beside the fan) and "… on line a and line b" dropped line b silently
        self._kind_on = re.compile(rf"(?<![a-z])(?P<kw>{ekw})(?P<pl>e?s)?\s+(?:on|in|at|for|of)\s+(?:the\s+)?(?P<zw>{zw})s?\s+"
                                   rf"(?P<run>[a-e](?:\s*,\s*(?:(?:{zw})\s+)?[a-e])*)\s*,?\s+(?:and|&)\s+(?:(?:{zw})\s+)?"
                                   rf"(?P<last>[a-e])(?![a-z0-9'])")

    def expand(self, text: str) -> tuple[str, set[str], set[str]]:
        """(rewritten text, the devices listed, their kinds); the text unchanged when it has no such list."""
        want: set[str] = set()
        kinds: set[str] = set()

        def items(word: str, ns: list[int]) -> None:
            kind = self.ordinals.word_kind.get(normalize(word))
            if kind:
                kinds.add(kind)
            for n in ns:
                dev = self.ordinals._device(word, n)
                if dev:
                    want.add(dev)

        def zh(m: re.Match) -> str:
            ns = [_ZH_NUM[c] for c in re.findall(_ZH_N, m.group("run"))] + [_ZH_NUM[m.group("last")]]
            items(m.group("kw"), ns)
            return "和".join(f"{n}号{m.group('kw')}" for n in ns)

        def en(m: re.Match) -> str:
            ns = [_EN_NUM[w] for w in re.findall(_EN_N, m.group("run"))] + [_EN_NUM[m.group("last")]]
            items(m.group("kw"), ns)
            return " and ".join(f"{m.group('kw')} {n}" for n in ns)

        def zones(m: re.Match) -> str:
            letters = re.findall(r"[a-e]", m.group("run")) + [m.group("last")]
            return " and ".join(f"{m.group('zw')} {c}" for c in letters)

        out = self._zh.sub(zh, text) if re.search(r"[\u3400-\u9fff]", text) else text
        if re.search(r"\s(?:and|&)\s", out):
            out = self._en.sub(en, out)
            out = self._zones.sub(zones, out)
            out = self._kind_on.sub(lambda m: f"{zones(m)} {m.group('kw')}{m.group('pl') or ''}", out)
        return out, want, kinds


def ordinal_list(asst: Any, utterance: str) -> Any | None:
    """The proposal for an ask with a coordinated ordinal list, read item by item; None when it has none."""
    text = normalize(utterance or "")
    out, want, kinds = asst.ordinal_lists.expand(text)
    if out == text:
        return None
    prop = asst.understand(out)
    if not prop.ok:
        return replace(prop, utterance=utterance)
    got = {c.device_id for c in prop.commands}
    stray = {i for i in got if i in asst.by_id and asst.by_id[i].kind in kinds and i not in want}
    if not want <= got or stray:
        return asst._refuse(utterance, "unknown_device", "I could not tell which of the numbered devices are meant: "
                            "name each device.", "无法确定所说编号指的是哪些设备：请逐一说出设备名称。", prop.layer)
    out_prop = asst._gate(utterance, asst._relabel(utterance, prop, prop.layer))
    return replace(out_prop, timing_ms=prop.timing_ms)
