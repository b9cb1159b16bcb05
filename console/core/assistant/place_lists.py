"""A kind noun after a list of places: that kind's devices in each place named (held-out 10).

"start the Line A and Line B conveyors", "the line A and B conveyors", "the office and warehouse lamps",
"A线和B线的传送带", "两条线的传送带" are rewritten to the form the rules read one place at a time ("the conveyors in
line a and in line b", "A线的传送带和B线的传送带"; "all the conveyors" when the list is every place that
kind is in, the form a clause of a longer ask reads whole); a place of the list without a device of that kind refuses the
whole ask (never another kind's or another place's device). Pure functions over the aliases; no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from console.core.assistant.phrases import normalize

_ZH_SEP = r"\s*(?:和|与|跟|及|以及|、|,|，)\s*"
_ZH_COUNT = {"两": 2, "二": 2, "2": 2, "三": 3, "3": 3}
# "两条线" / "两条生产线" / "各条线" / "所有生产线": every zone whose Chinese name is a 线 (line), when the count fits
# (never 第二条线 / 二线 / 2号线: one line by its number)
_ZH_ALL_LINES = re.compile(r"(?<![第号\d一二三四五六七八九十])(?:(两|各|每|所有)(?:条|个)?|(二|2|三|3)(?:条|个))(?:生产)?线"
                           r"(?=的|上的|里的)")


@dataclass(frozen=True)
class Expanded:
    text: str                                   # the rewritten ask (the utterance itself when nothing matched)
    kind: str | None = None                     # the kind the list's noun names
    zones: tuple[str, ...] = ()                 # the places listed, in order
    missing: tuple[str, ...] = ()               # listed places with no device of that kind (→ refuse)
    noun: str = ""


class PlaceLists:
    """Built once per fleet: which words name which place and which kind."""

    def __init__(self, zones_of_kind: Mapping[str, set[str]], zones: Mapping[str, Mapping[str, list[str]]],
                 kinds: Mapping[str, Mapping[str, list[str]]], present_zones: Iterable[str]) -> None:
        self.zones_of_kind = zones_of_kind
        present = set(present_zones)
        self.zone_of: dict[str, str] = {}
        self.canon: dict[tuple[str, str], str] = {}
        for z, names in zones.items():
            if z not in present:
                continue
            for lang in ("en", "zh"):
                words = [normalize(w) for w in names.get(lang, [])]
                if words:
                    self.canon[(z, lang)] = words[0]
                for w in words:
                    self.zone_of.setdefault(w, z)
        noun_kinds: dict[str, set[str]] = {}
        for k, names in kinds.items():
            if k not in zones_of_kind:
                continue
            for w in [k] + [normalize(x) for v in names.values() for x in v]:
                noun_kinds.setdefault(w, set()).add(k)
        self.kind_of = {w: next(iter(ks)) for w, ks in noun_kinds.items() if len(ks) == 1}
        self.lines_zh = sorted(z for (z, lang), w in self.canon.items() if lang == "zh" and w.endswith("线"))
        en_zones = sorted((w for w in self.zone_of if not re.search(r"[\u3400-\u9fff]", w)), key=len, reverse=True)
        zh_zones = sorted((w for w in self.zone_of if re.search(r"[\u3400-\u9fff]", w)), key=len, reverse=True)
        en_nouns = sorted((w for w in self.kind_of if not re.search(r"[\u3400-\u9fff]", w)), key=len, reverse=True)
        zh_nouns = sorted((w for w in self.kind_of if re.search(r"[\u3400-\u9fff]", w)), key=len, reverse=True)
        item = r"(?:the\s+)?(?:" + "|".join(map(re.escape, en_zones)) + r"|[a-z0-9]{1,2})" if en_zones else None
        self.en = re.compile(
            r"(?<![a-z])(?:the\s+)?(" + item + r"(?:\s*,\s*" + item + r")*\s*(?:,|,?\s*(?:and|&))\s*" + item + r")\s+("
            + "|".join(map(re.escape, en_nouns)) + r")(?![a-z])") if item and en_nouns else None
        zitem = "(?:" + "|".join(map(re.escape, zh_zones)) + ")" if zh_zones else None
        self.zh = re.compile(
            "(" + zitem + "(?:" + _ZH_SEP + zitem + ")+)(?:上|里)?的?(" + "|".join(map(re.escape, zh_nouns)) + ")"
        ) if zitem and zh_nouns else None

    def expand(self, utterance: str) -> Expanded:
        text = normalize(utterance or "")
        text = self._all_lines(text)
        for fn in (self._en, self._zh):
            out = fn(text)
            if out is not None:
                return out
        return Expanded(utterance)

    # -- English: "the line a and (line) b conveyors" → "the conveyors in line a and in line b" --------------
    def _en(self, text: str) -> Expanded | None:
        if self.en is None:
            return None
        for m in self.en.finditer(text):
            items = [re.sub(r"^the\s+", "", x.strip()) for x in re.split(r"\s*(?:,|\band\b|&)\s*", m.group(1))]
            zones = self._zones(items)
            if zones is None:
                continue
            noun = m.group(2)
            kind = self.kind_of[noun]
            where = " and in ".join(self.canon.get((z, "en"), z) for z in zones)
            every = self.zones_of_kind.get(kind, set()) == set(zones)
            said = f"all the {noun}" if every else f"the {noun} in {where}"
            return self._result(text[:m.start()] + said + text[m.end():], kind, zones, noun)
        return None

    def _zones(self, items: list[str]) -> tuple[str, ...] | None:
        out: list[str] = []
        head = ""
        for it in items:
            z = self.zone_of.get(it)
            if z is None and head:
                z = self.zone_of.get(f"{head} {it}")
            if z is None:
                return None
            if " " in it:
                head = it.rsplit(" ", 1)[0]
            out.append(z)
        return tuple(dict.fromkeys(out)) if len(set(out)) >= 2 else None

    # -- Chinese: "A线和B线的传送带" → "A线的传送带和B线的传送带" --------------------------------------------------
    def _all_lines(self, text: str) -> str:
        def sub(m: re.Match) -> str:
            n = _ZH_COUNT.get(m.group(1) or m.group(2))
            if len(self.lines_zh) < 2 or (n is not None and n != len(self.lines_zh)):
                return m.group(0)
            return "和".join(self.canon[(z, "zh")] for z in self.lines_zh)
        return _ZH_ALL_LINES.sub(sub, text)

    def _zh(self, text: str) -> Expanded | None:
        if self.zh is None:
            return None
        m = self.zh.search(text)
        if m is None:
            return None
        items = [x for x in re.split(_ZH_SEP, m.group(1)) if x]
        zones = tuple(dict.fromkeys(self.zone_of[x] for x in items))
        if len(zones) < 2:
            return None
        noun = m.group(2)
        kind = self.kind_of[noun]
        every = self.zones_of_kind.get(kind, set()) == set(zones)
        said = f"所有{noun}" if every else "和".join(f"{self.canon.get((z, 'zh'), z)}的{noun}" for z in zones)
        return self._result(text[:m.start()] + said + text[m.end():], kind, zones, noun)

    def _result(self, new: str, kind: str, zones: tuple[str, ...], noun: str) -> Expanded:
        have = self.zones_of_kind.get(kind, set())
        return Expanded(new, kind, zones, tuple(z for z in zones if z not in have), noun)
