"""Ordinal names: "conveyor number two", "the second conveyor", "conveyor 2", 二号传送带, 第二条传送带 →
that device's id; "the second line" → that zone's id.  The text is rewritten so the rules read it.

A device's number among its kind comes from the catalog's semantics (``"ordinal"``), else from the
end of its id ("conveyor-b" → 2, "lamp-office-2" → 2); a zone's likewise ("line-b" → 2, among the
zones whose ids share "line-").  A number that names no device leaves the text as it is, so the rules
refuse it as before ("turn on lamp 7").
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Mapping, Sequence

from console.core.assistant.aliases import Aliases
from console.core.assistant.phrases import normalize
from console.core.protocol import DeviceMeta

_EN_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
_EN_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_ZH_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}


def id_ordinal(ident: str) -> int | None:
    """"conveyor-b" → 2, "lamp-office-2" → 2, "pump" → None."""
    m = re.search(r"[-_ ]([a-z]|\d{1,2})$", ident.lower())
    if not m:
        return None
    s = m.group(1)
    return int(s) if s.isdigit() else ord(s) - ord("a") + 1


class Ordinals:
    def __init__(self, metas: Sequence[DeviceMeta], aliases: Aliases, device_ordinal: Mapping[str, int],
                 zone_ordinal: Mapping[str, int]) -> None:
        self.by_kind: dict[str, dict[int, str]] = defaultdict(dict)
        self.zone_of = {m.id: m.zone for m in metas}
        for m in metas:
            n = device_ordinal.get(m.id) or id_ordinal(m.id)
            if n and n not in self.by_kind[m.kind]:
                self.by_kind[m.kind][n] = m.id
        self.word_kind: dict[str, str] = {}
        for kind in self.by_kind:
            for w in [kind] + [x for v in aliases.kinds.get(kind, {}).values() for x in v]:
                self.word_kind.setdefault(normalize(w), kind)
        zones = sorted({m.zone for m in metas if m.zone})
        self.zone_by: dict[str, dict[int, str]] = defaultdict(dict)  # "line" → {2: "line-b"}
        for z in zones:
            m = re.match(r"^([a-z]+)[-_ ]", z)
            n = zone_ordinal.get(z) or id_ordinal(z)
            if m and n:
                self.zone_by[m.group(1)][n] = z
        words = sorted(self.word_kind, key=len, reverse=True)
        kw = "|".join(re.escape(w) for w in words) or "(?!)"
        num = "|".join(_EN_NUM)
        ords = "|".join(_EN_ORD)
        self._en = [
            re.compile(rf"(?<![a-z])(?:number|no\.?|#)\s*({num})\s+({kw})(?![a-z])"),
            re.compile(rf"(?<![a-z])({ords})\s+({kw})(?![a-z])"),
            re.compile(rf"(?<![a-z])({kw})\s+(?:number|no\.?|#)\s*({num})(?![a-z0-9])"),
            re.compile(rf"(?<![a-z])({kw})\s+([1-5]|one|two|three|four|five)"
                       rf"(?![a-z0-9%°.]|\s*(?:%|°|rpm|percent|degrees?|l/min|liters?|litres?))"),
        ]
        # 第二盏灯 / 二号灯 is a number; 一盏灯 / 一个灯 (no 第, no 号) counts, never "lamp 1" (session 9: 把一盏灯调到40 had set
        # the ceiling lamp, the model never asked; definite_ties.py)
        self._zh = [re.compile(rf"(?:第|(?=[一二两三四五12345]\s*号))([一二两三四五12345])\s*(?:号|条|台|个|盏)\s*({kw})"),
                    re.compile(rf"({kw})\s*([一二三四五12345])\s*号")]
        # "the first office lamp": an ordinal, a place word, the kind (the device must be in that place)
        self.zone_word: dict[str, str] = {}
        for z in zones:
            for w in [z, z.replace("-", " ")] + [x for v in aliases.zones.get(z, {}).values() for x in v]:
                self.zone_word.setdefault(normalize(w), z)
        pw = "|".join(re.escape(w) for w in sorted(self.zone_word, key=len, reverse=True)) or "(?!)"
        self._en_in_zone = re.compile(rf"(?<![a-z])({ords})\s+({pw})\s+({kw})(?![a-z])")
        zw = "|".join(re.escape(w) for w in self.zone_by) or "(?!)"
        # "production line a": a kind word ending in a zone family's word ("line"), then what names one zone of that
        # family ("a", "b"): that kind's one device in that zone (session 8, checklists); "production line 2" is the
        # device-number rule above.  Never "… line a bit/little" (an amount), never a letter naming no zone.
        self._kind_in_zone: dict[tuple[str, str], str] = {}
        for word, kind in self.word_kind.items():
            fam = word.rsplit(" ", 1)[-1]
            for zword, z in self.zone_word.items():
                if " " in word and zword.startswith(f"{fam} ") and re.fullmatch(r"[a-e]", zword[len(fam) + 1:]):
                    devs = [d for d, dz in self.zone_of.items() if dz == z and d in self.by_kind[kind].values()]
                    if len(devs) == 1:
                        self._kind_in_zone[(word, zword[len(fam) + 1:])] = devs[0]
        kz = "|".join(re.escape(w) for w in sorted({w for w, _ in self._kind_in_zone}, key=len, reverse=True)) or "(?!)"
        # … nor before another device's name ("production line a fan": the fan of that line, not its conveyor)
        nouns = {normalize(x).split(" ")[0] for table in (aliases.kinds, aliases.devices) for names in table.values()
                 for v in names.values() for x in v if x and x.isascii()}
        nw = "|".join(re.escape(w) for w in sorted(nouns - {""}, key=len, reverse=True)) or "(?!)"
        self._kind_zone = re.compile(rf"(?<![a-z])({kz})\s+([a-e])(?![a-z0-9])"
                                     rf"(?!\s+(?:bit|little|lot|tad|touch|few|{nw})(?![a-z]))")
        self._zone = [re.compile(rf"(?<![a-z])({ords})\s+({zw})s?(?![a-z])"),
                      re.compile(rf"(?<![a-z])({zw})\s+(?:number|no\.?)\s*({num})(?![a-z0-9])")]

    def unresolved(self, text: str) -> str | None:
        """An ordinal name that names no device of the fleet ("the second warehouse lamp" when the warehouse
        has one lamp, 第三盏灯), else None: refused, never read as whichever device the rest names."""
        rewritten = self.rewrite(text)
        for rx in self._en[:3] + [self._en_in_zone] + self._zh[:1]:
            for m in rx.finditer(text):
                if m.group(0).strip() in rewritten:
                    return m.group(0).strip()
        return None

    def _device(self, word: str, n: int) -> str | None:
        kind = self.word_kind.get(normalize(word))
        return self.by_kind.get(kind, {}).get(n) if kind else None

    def rewrite(self, text: str) -> str:
        """``text`` with each ordinal device or zone name replaced by its id."""
        for i, rx in enumerate(self._en):
            def en(m: re.Match, i=i) -> str:
                a, b = m.group(1), m.group(2)
                word, n = (b, _EN_NUM.get(a) or _EN_ORD.get(a)) if i < 2 else (a, _EN_NUM.get(b))
                return self._device(word, n or 0) or m.group(0)
            text = rx.sub(en, text)
        def in_zone(m: re.Match) -> str:
            dev = self._device(m.group(3), _EN_ORD.get(m.group(1), 0))
            ok = dev is not None and self.zone_of.get(dev) == self.zone_word.get(normalize(m.group(2)))
            return dev if ok else m.group(0)  # type: ignore[return-value]
        text = self._en_in_zone.sub(in_zone, text)
        text = self._kind_zone.sub(lambda m: self._kind_in_zone.get((m.group(1), m.group(2)), m.group(0)), text)
        for i, rx in enumerate(self._zh):
            def zh(m: re.Match, i=i) -> str:
                n, word = (m.group(1), m.group(2)) if i == 0 else (m.group(2), m.group(1))
                dev = self._device(word, _ZH_NUM.get(n, 0))
                return f" {dev} " if dev else m.group(0)
            text = rx.sub(zh, text)
        for i, rx in enumerate(self._zone):
            def zone(m: re.Match, i=i) -> str:
                if i == 0:
                    n, word = _EN_ORD.get(m.group(1)), m.group(2)
                else:
                    word, n = m.group(1), _EN_NUM.get(m.group(2))
                return self.zone_by.get(word, {}).get(n or 0) or m.group(0)
            text = rx.sub(zone, text)
        return re.sub(r"\s+", " ", text).strip()
