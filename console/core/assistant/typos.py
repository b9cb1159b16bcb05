"""Typos within a small edit distance of a known word: "teh" → "the", "swich" → "switch", "convyor" →
"conveyor", "turn of the siren" → "turn off the siren".

rapidfuzz (C++; ``process.extractOne`` over the fleet's few hundred words takes microseconds) with
the optimal-string-alignment distance, so a swapped pair of letters ("lihgt") counts as one edit.
A word is corrected only when it is unknown, at least three letters long (three: only two letters
swapped, so "dog" never becomes "deg"), keeps its first letter,
and exactly one known word is nearest (or, of several, exactly one with the same letters: "teh" →
"the", not "ten"): at most one edit for words up to eight letters, two beyond.  A known word with an
ending ("lights", "pumping", "stopped") is left as it is.
The guard words (not, never, except, …) are among the known words, so a typo of a negation is
read as the negation and refused, never dropped.
A missing space ("setthe office ac to 19.5", "turnoff", "switchon the fan", "thelamp"): an unknown word of five
letters or more that is exactly one pair of known words, one of them a short joining word (the, off, on, up, down,
to, it, all) and the other of three letters or more, is read as the two words, before any edit-distance guess (two
exact words say more than a one-letter slip); a word with two such splits is left as it is, and so is an ordinary
word that happens to be two ("without" is not "with out": "out" joins nothing here).
The informal "lite" for "light" ("floodlite", "lites": session 10) is that word where the "light" form is known.
Chinese: a small table of input-method slips (办工室 → 办公室, 仓库的等 → 仓库的灯, 冷确 → 冷却, 传送代 → 传送带 …),
each used only where its fixed word is part of one of the fleet's Chinese names.
"""

from __future__ import annotations

import re
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from console.core.assistant.homophones_zh import HomophoneSlips

# Chinese input-method slips (same pinyin, another character): fixed only where the right word is part of a fleet
# word (``zh_words``), so a fleet without an office never gets 办公室.  等 → 灯 only as a noun after 的 and before a
# verb or the end (仓库的等关掉), never 等一下 / 等等 ("wait").
_ZH_SLIPS = (("办工室", "办公室"), ("办功室", "办公室"), ("冷确", "冷却"), ("传送代", "传送带"), ("传送待", "传送带"),
             ("蒸气", "蒸汽"), ("百页窗", "百叶窗"), ("百业窗", "百叶窗"), ("警报起", "警报器"), ("阀们", "阀门"),
             ("水崩", "水泵"), ("排风山", "排风扇"), ("空凋", "空调"), ("台等", "台灯"), ("吊等", "吊灯"),
             ("顶等", "顶灯"), ("门所", "门锁"), ("仓酷", "仓库"),
             ("货仓", "仓库"),  # 貨倉: the Hong Kong word for the warehouse (session 12, set 83)
             ("循坏", "循环"), ("办公事", "办公室"),
             ("电风扇", "风扇"), ("电扇", "风扇"))  # 電扇 / 电风扇: the everyday word for a fleet's 风扇 (set 73)
_DENG = re.compile(r"(?<=的)等(?=\s*(?:关|开|打|熄|灭|点|亮|调|设|给|都|全|也|[，,。.!！；;]|$))")

GUARD_WORDS = ("not", "don't", "dont", "never", "except", "unless", "until", "after", "before", "tomorrow", "later",
               "minutes", "seconds", "hours", "increase", "decrease", "reduce", "brighter", "dimmer", "warmer",
               "cooler", "colder", "hotter", "faster", "slower", "fahrenheit")
# the short words a missing space joins to a verb or a noun ("setthe", "turnoff", "switchon", "thelamp", "shutdown")
_GLUE = frozenset(("the", "off", "on", "up", "down", "to", "it", "all"))
_TURN_OF = re.compile(r"\b(turn|switch|shut|power|turned|switched)\s+of\b")


class TypoFixer:
    def __init__(self, known: Iterable[str], zh_words: Iterable[str] = (), zh_nouns: Iterable[str] = (),
                 zh_places: Iterable[str] = ()) -> None:
        self.known = {w for w in known if w.isascii() and w.isalpha()} | set(GUARD_WORDS)
        self.choices = sorted(w for w in self.known if len(w) >= 3)
        zh = [w for w in zh_words if w]
        self.zh_slips = [(bad, good) for bad, good in _ZH_SLIPS if any(good in w for w in zh)]
        self.deng = any("灯" in w for w in zh)
        self.homophones = HomophoneSlips(zh_nouns, zh, zh_places)  # 空条 → 空调: a same-sound slip of a fleet noun (homophones_zh.py)

    def fix_zh(self, text: str) -> str:
        """The Chinese slips of ``_ZH_SLIPS`` (and 的等 → 的灯) whose fixed word is a fleet word."""
        for bad, good in self.zh_slips:
            text = text.replace(bad, good)
        text = self.homophones.fix(text)
        return _DENG.sub("灯", text) if self.deng else text

    def _inflected(self, w: str) -> bool:
        for end in ("s", "es", "ing", "ed", "er", "ers"):
            stem = w[: -len(end)]
            if w.endswith(end) and len(stem) >= 3 and (
                    stem in self.known or stem + "e" in self.known or (stem[-1:] == stem[-2:-1] and stem[:-1] in self.known)):
                return True
        return False

    def _split(self, w: str) -> str | None:
        """``w`` as two known words with the space put back ("turnoff" → "turn off"), when exactly one split works."""
        if len(w) < 5:
            return None  # "upon", "into": too short to tell
        found = [f"{a} {b}" for a, b in ((w[:i], w[i:]) for i in range(2, len(w) - 1))
                 if a in self.known and b in self.known and ((a in _GLUE and len(b) >= 3) or (b in _GLUE and len(a) >= 3))]
        return found[0] if len(found) == 1 else None

    def fix(self, text: str) -> str:
        """``text`` (normalised) with its typos corrected; the same string when there are none."""
        text = _TURN_OF.sub(lambda m: m.group(1) + " off", self.fix_zh(text))

        def one(m: re.Match) -> str:
            w = m.group(0)
            if w in self.known or len(w) < 3 or self._inflected(w):
                return w  # known, too short to tell, or a known word with an ending ("lights", "pumping")
            split = self._split(w)
            if split is not None:
                return split  # "setthe" → "set the": a missing space
            lite = _LITE.sub(r"light\1", w)  # "floodlite", "lites": the informal spelling of "light" (session 10)
            if lite != w and (lite in self.known or self._inflected(lite)):
                return lite
            limit = 1 if len(w) <= 8 else 2
            found = process.extract(w, self.choices, scorer=OSA.distance, score_cutoff=limit, limit=4)
            found = [(c, d) for c, d, _ in found if c[0] == w[0] and (len(w) > 3 or sorted(c) == sorted(w))]
            if not found:
                return w
            best = min(d for _, d in found)
            nearest = [c for c, d in found if d == best]
            if len({c.replace("'", "") for c in nearest}) == 1:  # "donot": "don't" and "dont" are one word
                nearest = nearest[:1]
            if len(nearest) > 1:  # "teh": "the" (two letters swapped) before "ten"
                swapped = [c for c in nearest if sorted(c) == sorted(w)]
                # "ventilaton": "ventilation" (one inner letter left out of a long word) before "ventilator";
                # never a word's ending ("stuff" is not "stuffy" rather than "staff": left as it is)
                nearest = swapped or [c for c in nearest if len(w) >= 6 and _inner_letter_left_out(w, c)]
            return nearest[0] if len(nearest) == 1 else w

        return re.sub(r"(?<![a-z'])[a-z]+(?![a-z'])", one, text)


_LITE = re.compile(r"lite(s?)$")


def _inner_letter_left_out(typed: str, word: str) -> bool:
    """Is ``typed`` ``word`` with one letter left out, neither its first nor its last?"""
    return len(word) == len(typed) + 1 and any(word[:i] + word[i + 1:] == typed for i in range(1, len(word) - 1))
