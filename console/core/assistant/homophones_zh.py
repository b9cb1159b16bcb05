"""Chinese input-method slips of a fleet word: one character replaced by another of the same sound (空条 / 空掉 /
孔调 → 空调, 传送代 → 传送带, 百夜窗 → 百叶窗), read as that word (held-out 25: 办公室空条关掉 had turned the whole
office off, the unknown 空条 left unread beside the place).

pypinyin (a maintained pinyin table with every reading of a polyphonic character: 调 is tiao and diao) decides
"the same sound" (tones ignored), so a real other word one character off (空气, 水管, 声音) is never taken for a device.
A slip is fixed only when exactly one fleet word fits it, when it overlaps no word the fleet already knows (空调调到 is
not 空空调到) and when its wrong character is not a particle (的灯 is never 顶灯).  No threads, no state past
construction; the pinyin of a character is cached (``functools.lru_cache``, thread-safe).
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from pypinyin import Style, pinyin

from console.core.assistant.lexicon import ACTIONS_ZH, GENERIC_NOUNS

_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_VERBS = tuple(sorted({w for ws in ACTIONS_ZH.values() for w in ws}, key=len, reverse=True))
_PARTICLES = set("的了把个那这都也和与跟给让请将被就再还吧呢啊吗么盏只台架部套根排些几每各所有全两一二三四五六七八九十号线边里上下")


@functools.lru_cache(maxsize=4096)
def _sounds(ch: str) -> frozenset[str]:
    return frozenset(pinyin(ch, style=Style.NORMAL, heteronym=True)[0])


class HomophoneSlips:
    def __init__(self, nouns: Iterable[str], known: Iterable[str], places: Iterable[str] = ()) -> None:
        nouns = [*nouns]
        self.places = set(places)  # zone words: slips are fixed in them too, but they name no device
        self.nouns = sorted({w for w in nouns if len(w) >= 2 and _CJK.match(w)})
        self.known = sorted({w for w in [*known, *self.nouns, *_VERBS, *GENERIC_NOUNS] if w and not w.isascii()},
                            key=len, reverse=True)
        self.by_key: dict[tuple[str, int], set[str]] = {}  # (word with one character blanked, its position) → words
        for w in self.nouns:
            for j in range(len(w)):
                self.by_key.setdefault((w[:j] + "\x00" + w[j + 1:], j), set()).add(w)
        self.lengths = sorted({len(w) for w in self.nouns})
        self.singles = [w for w in nouns if len(w) == 1]  # 灯, 泵, 门: a noun the ask names

    def near_miss(self, text: str) -> str | None:
        """A word one character off a fleet noun (any sound), standing where a device is named (right before a
        verb), in an ask that names no fleet noun at all (办公室风子关掉): the word, to refuse rather than widen to the
        place or fall to another device; None otherwise."""
        if not self.nouns or not re.search(r"[\u3400-\u9fff]", text):
            return None
        taken = self._taken(text, skip=self.singles)  # 子门 (阀门 mistyped) is no door: 门 may be in the slip
        if any(w in text for w in self.nouns if w not in self.places):
            return None
        for n in self.lengths:
            for i in range(len(text) - n + 1):
                window, rest = text[i:i + n], text[i + n:].lstrip(" 的")
                if any(taken[i:i + n]) or not _CJK.match(window):
                    continue
                if not rest.startswith(_VERBS):  # where a device is named: right before its verb (空条关掉)
                    continue
                if any(window[j] not in _PARTICLES and window[j] not in self.singles
                       and self.by_key.get((window[:j] + "\x00" + window[j + 1:], j), set()) - self.places
                       for j in range(n)) \
                        and not any(w in text[:i] + " " + text[i + n:] for w in self.singles):
                    return window
        return None

    def _taken(self, text: str, skip: Iterable[str] = ()) -> list[bool]:
        taken = [False] * len(text)
        for w in self.known:
            if w in skip:
                continue  # a character of a word the fleet knows is never part of a slip
            for m in re.finditer(re.escape(w), text):
                for k in range(m.start(), m.end()):
                    taken[k] = True
        return taken

    def fix(self, text: str) -> str:
        """``text`` with each unambiguous same-sound slip of a fleet noun replaced by the noun."""
        if not self.nouns or not re.search(r"[\u3400-\u9fff]", text):
            return text
        taken = self._taken(text)
        fixes: list[tuple[int, int, str]] = []
        for n in self.lengths:
            for i in range(len(text) - n + 1):
                window = text[i:i + n]
                if any(taken[i:i + n]) or not _CJK.match(window):
                    continue
                fits = {w for j in range(n) if window[j] not in _PARTICLES
                        for w in self.by_key.get((window[:j] + "\x00" + window[j + 1:], j), ())
                        if _sounds(window[j]) & _sounds(w[j])}
                if len(fits) == 1:
                    fixes.append((i, n, fits.pop()))
        out, end = [], 0
        for i, n, w in sorted(fixes):
            if i < end:
                continue  # overlapping slips: the first one only
            out += [text[end:i], w]
            end = i + n
        return "".join(out) + text[end:]
