"""Numbered or lettered devices the fleet lacks: "conveyor C" (two conveyors, A and B), "the third conveyor",
"conveyor number three", "pump 2" / "the second pump" (one pump), 三号传送带, 第三条传送带, 传送带C, C号传送带.

Held-out 28: "turn on conveyor C" reached the model layer, which chose among the fleet's conveyors and proposed
conveyor A.  Like a device the fleet lacks (absent_devices.py) or a line it lacks ("line 3", C线), a number or letter
that names no device of its kind is refused before any layer is offered a device, and again at every layer's gate.

The numbering is ordinals.py's (the catalog's ``"ordinal"``, else the end of the id: "conveyor-b" → 2); a kind
none of whose devices is numbered ("pump-cooling") counts its devices: "the second pump" with one pump names
none, "the first pump" is the one.  A bare digit after a kind word counts only where it cannot be a value:
before the end of the clause or a switching word ("pump 2 on", "conveyor 3, stop") — "fan 2 notches up" and
"conveyor 3 rpm" are left to the rules.  The letter "a" is an article ("the lamp a bit brighter"), never read.

Pure and Qt-free; built once per fleet; no threads, no locks.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Mapping, Sequence

from console.core.assistant.phrases import normalize

_EN_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_EN_NUM.update({str(i): i for i in range(1, 10)})
_EN_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
           "ninth": 9, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6}
_ZH_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_NUM.update({str(i): i for i in range(1, 10)})
_LETTERS = "bcdefgh"  # never "a": an article
# after a bare number: the end of the clause or a switching word, where the number cannot be a value
_CLAUSE_END = (r"(?=\s*(?:$|[,.;:!?，。；：！？]|(?:and|then|on|off|up|down|please|now|to|at|is|too|as\s+well)(?![a-z])))")


class AbsentOrdinals:
    """Finds an ordinal or letter name of a device kind that names no device of this fleet."""

    def __init__(self, metas: Sequence[Any], kinds: Mapping[str, Mapping[str, Sequence[str]]],
                 numbered: Mapping[str, Mapping[int, str]]) -> None:
        self.count = Counter(m.kind for m in metas)
        self.numbered = {k: set(v) for k, v in numbered.items() if v}
        self.word_kind: dict[str, str] = {}
        for kind in self.count:
            for w in [kind] + [x for ws in kinds.get(kind, {}).values() for x in ws]:
                if normalize(w):
                    self.word_kind.setdefault(normalize(w), kind)
        en = [w for w in sorted(self.word_kind, key=len, reverse=True) if w.isascii()]
        zh = [w for w in sorted(self.word_kind, key=len, reverse=True) if not w.isascii()]
        kw = "|".join(re.escape(w) for w in en) or "(?!)"
        zkw = "|".join(re.escape(w) for w in zh) or "(?!)"
        num = "|".join(sorted(_EN_NUM, key=len, reverse=True))
        ords = "|".join(sorted(_EN_ORD, key=len, reverse=True))
        zn = "|".join(_ZH_NUM)
        # (pattern, which group is the kind word, which the number or letter)
        self._rx: list[tuple[re.Pattern, int, int]] = [
            (re.compile(rf"(?<![a-z])({ords})\s+({kw})(?![a-z])"), 2, 1),
            (re.compile(rf"(?<![a-z])(?:number|no\.?|#)\s*({num})\s+({kw})(?![a-z])"), 2, 1),
            (re.compile(rf"(?<![a-z])({kw})\s+(?:number|no\.?|#)\s*({num})(?![a-z0-9])"), 1, 2),
            (re.compile(rf"(?<![a-z])({kw})\s+([1-9]|{'|'.join(k for k in _EN_NUM if not k.isdigit())})"
                        rf"(?![a-z0-9%°.]){_CLAUSE_END}"), 1, 2),
            (re.compile(rf"(?<![a-z])({kw})(?:\s+|\s*-\s*)([{_LETTERS}])(?![a-z0-9'’])"), 1, 2),
            (re.compile(rf"第\s*({zn})\s*(?:号|条|台|个|盏|只|部)?\s*({zkw})"), 2, 1),
            (re.compile(rf"(?<![\d一二两三四五六七八九十])({zn})\s*号\s*(?:的)?\s*({zkw})"), 2, 1),
            (re.compile(rf"({zkw})\s*({zn})\s*号"), 1, 2),
            (re.compile(rf"({zkw})\s*([{_LETTERS}])(?![a-z0-9])"), 1, 2),
            (re.compile(rf"(?<![a-z0-9])([{_LETTERS}])\s*号?\s*({zkw})"), 2, 1),
        ]

    def _number(self, said: str) -> int:
        said = said.strip()
        if said in _EN_NUM:
            return _EN_NUM[said]
        if said in _EN_ORD:
            return _EN_ORD[said]
        if said in _ZH_NUM:
            return _ZH_NUM[said]
        return ord(said) - ord("a") + 1 if len(said) == 1 and said in _LETTERS else 0

    def _names_none(self, kind: str, n: int, letter: bool) -> bool:
        if kind in self.numbered:
            return n not in self.numbered[kind]
        return letter or n > self.count[kind]

    def absent(self, text: str) -> str | None:
        """The ordinal or lettered name in the (normalised) ask that names no device of its kind, else None."""
        for rx, kind_group, num_group in self._rx:
            for m in rx.finditer(text):
                kind = self.word_kind.get(normalize(m.group(kind_group)))
                said = m.group(num_group)
                n = self._number(said)
                if kind and n and self._names_none(kind, n, said in _LETTERS):
                    return m.group(0).strip()
        return None
