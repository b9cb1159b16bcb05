"""A device named by what it does (held-out 31): "everything that gives light in the office off", "turn off
anything that gives off light", "whatever lets steam through", 办公室里能照明的设备都关掉.

The catalog's semantics say what each kind does ("does": lamp "gives light", valve "lets steam through", fan
"moves air and clears fumes", 照明 …).  :class:`DoesNames` reads such a relative description ("everything / anything
/ whatever / the things that <does>") as the kind itself ("every lamp", 所有灯), so the rest of the ask (place,
verb, exception) reads as it would with the kind's name.  Only the whole description: its verb and its object
("gives light"; a verb of making — makes, gives off, provides, produces, emits — with that object too), never the
verb alone ("anything that keeps the office warm" is no lock, "everything that moves" no one kind); a description
that fits two kinds is left as it is (refused later as an unknown word).  Chinese: 能/会/可以/用来/负责 + what it
does + 的 (+ 东西/设备/装置).  The AC's "whatever cools or heats the office" is terse.py's (older) rewrite.
Built once per fleet; pure afterwards.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from console.core.assistant.semantics import Meaning

_QUANT_EN = (r"(?:everything|anything|whatever|whichever\s+(?:devices?|things?|ones?)|all\s+(?:of\s+)?(?:the\s+)?"
             r"(?:things|devices|stuff|units)|(?:the\s+|any\s+)?(?:things?|devices?|stuff|units?)|all)")
_MAKING = ("makes", "gives off", "provides", "produces", "emits", "puts out")
_SPLIT_EN = re.compile(r"\s+(?:or|and)\s+")
_SPLIT_ZH = re.compile(r"或|和|及|并")


def _forms(verb: str) -> set[str]:
    """"gives" → gives, give, giving; "lets" → lets, let, letting; "clears" → clears, clear, clearing."""
    base = verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb
    out = {verb, base, base + "ing", base + base[-1] + "ing"}
    if base.endswith("e"):
        out.add(base[:-1] + "ing")
    return out


class DoesNames:
    def __init__(self, meaning: Meaning, kind_words_zh: Mapping[str, Sequence[str]]) -> None:
        pairs: dict[tuple[str, str], set[str]] = {}  # (verb form, object) → kinds
        zh: dict[str, set[str]] = {}
        for kind, km in meaning.kinds.items():
            en = (km.does.get("en") or "").strip().lower()
            for part in (_SPLIT_EN.split(en) if en else []):
                words = part.split()
                if len(words) < 2:
                    continue  # "cools": a verb with no object of its own is never enough
                obj = " ".join(w for w in words[1:] if w not in ("the", "a", "an"))
                for verb in _forms(words[0]) | set(_MAKING):
                    pairs.setdefault((verb, obj), set()).add(kind)
            said = (km.does.get("zh") or "").strip()
            for part in (_SPLIT_ZH.split(said) if said else []):
                if len(part) >= 2 and kind_words_zh.get(kind):
                    zh.setdefault(part, set()).add(kind)
        self._en = {p: next(iter(k)) for p, k in pairs.items() if len(k) == 1}
        self._zh = {p: next(iter(k)) for p, k in zh.items() if len(k) == 1}
        self._zh_word = {k: ws[0] for k, ws in kind_words_zh.items() if ws}
        alts = sorted({re.escape(v) + r"\s+(?:off\s+|out\s+)?(?:the\s+|some\s+|any\s+)?" + re.escape(o)
                       for v, o in self._en}, key=len, reverse=True)
        self._en_re = re.compile(r"(?<![a-z])" + _QUANT_EN + r"\s+(?:(?:that|which)\s+)?(?P<does>" + "|".join(alts)
                                 + r")(?![a-z])") if alts else None
        zh_alts = sorted(map(re.escape, self._zh), key=len, reverse=True)
        self._zh_re = re.compile(r"(?:所有|全部|一切)?(?:能|会|可以|用来|负责)(?P<does>" + "|".join(zh_alts)
                                 + r")的(?:东西|设备|装置)?") if zh_alts else None

    def rewrite(self, text: str) -> str:
        """``text`` (normalised) with each description of what one kind does written as that kind ("every lamp",
        所有灯); the same string when there is none."""
        if self._en_re is not None:
            text = self._en_re.sub(self._en_sub, text)
        if self._zh_re is not None and "的" in text:
            text = self._zh_re.sub(self._zh_sub, text)
        return text

    def _en_sub(self, m: re.Match) -> str:
        does = re.sub(r"\s+", " ", m.group("does"))
        for (verb, obj), kind in self._en.items():
            if re.fullmatch(re.escape(verb) + r" (?:off |out )?(?:the |some |any )?" + re.escape(obj), does):
                return f"every {kind}"
        return m.group(0)

    def _zh_sub(self, m: re.Match) -> str:
        kind = self._zh.get(m.group("does"))
        return f"所有{self._zh_word[kind]}" if kind in self._zh_word else m.group(0)
