"""Text primitives: normalising an utterance and phrase tables matched longest-first.

The bottom of the package: imports nothing from it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator


def normalize(text: str) -> str:
    """NFKC (full-width digits and ％ become ASCII), lower case, single spaces."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = t.replace("℃", "°c").replace("’", "'")
    return re.sub(r"\s+", " ", t).strip()


def _is_ascii_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def phrase_pattern(phrase: str, plural: bool = False) -> str:
    """A regex for a phrase: whole words for ASCII, optional spaces inside CJK, optional plural -s/-es."""
    body = re.escape(phrase).replace(r"\ ", r"\s?" if not phrase.isascii() else r"\s+")
    left = r"(?<![a-z0-9])" if _is_ascii_word_char(phrase[0]) else ""
    suffix = "(?:es|s)?" if plural and phrase[-1].isascii() and phrase[-1].isalpha() else ""
    right = r"(?![a-z0-9])" if _is_ascii_word_char(phrase[-1]) else ""
    return left + body + suffix + right


def mask(text: str, start: int, end: int) -> str:
    """Blank out what was read (NULs keep the positions of everything else)."""
    return text[:start] + "\x00" * (end - start) + text[end:]


class PhraseTable:
    """Phrase → list of payloads, matched longest-first with one alternation regex."""

    def __init__(self, plural: bool = False) -> None:
        self.entries: dict[str, list[Any]] = {}
        self.plural = plural
        self.regex: re.Pattern | None = None

    def add(self, phrase: str, payload: Any) -> None:
        p = normalize(phrase)
        if not p:
            return
        lst = self.entries.setdefault(p, [])
        if payload not in lst:
            lst.append(payload)

    def compile(self) -> "PhraseTable":
        phrases = sorted(self.entries, key=lambda s: (-len(s), s))
        self.regex = re.compile("|".join(phrase_pattern(p, self.plural) for p in phrases)) if phrases else None
        return self

    def lookup(self, matched: str) -> tuple[str, list[Any], bool]:
        """(phrase, payloads, plural) for a match; no payloads when the text is no phrase of the table."""
        m = re.sub(r"\s+", " ", matched)
        if m in self.entries:  # "lights" may be an alias of its own: still a plural of "light"
            plural = self.plural and any(m.endswith(c) and m[: -len(c)] in self.entries for c in ("es", "s"))
            return m, self.entries[m], plural
        for cut in ("es", "s"):
            if m.endswith(cut) and m[: -len(cut)] in self.entries:
                return m[: -len(cut)], self.entries[m[: -len(cut)]], True
        m2 = m.replace(" ", "")
        for k, v in self.entries.items():  # CJK phrases matched with optional spaces
            if k.replace(" ", "") == m2:
                return k, v, False
        return m, [], False

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.regex is None:
            return
        for m in self.regex.finditer(text):
            if m.group(0).strip():
                yield m


_PARTICLE = re.compile(r"(?<![a-z])(slow|speed|shut|power|turn|switch|bring|calm)\s+((?:(?!(?:down|up|off|on)\b)"
                       r"[^\s,，;；]+\s+){1,5}?)(down|up|off)(?![a-z])")
_PARTICLE_ON = re.compile(r"(?<![a-z])(turn|switch|power)\s+((?:(?!(?:down|up|off|on)\b)[^\s,，;；]+\s+){1,5}?)on"
                          r"(?=\s*(?:$|[,，;；.!]|and\b|then\b|please\b|pls\b|now\b))")


def move_particles(text: str) -> str:
    """"slow the conveyor down to 20 rpm" → "slow down the conveyor to 20 rpm", "shut everything down" →
    "shut down everything", "turn the AC on" → "turn on the AC": the verb and its particle together.
    Only with a single particle in the text: "turn the lights on and the fan off" stays as it is."""
    if len(re.findall(r"(?<![a-z])(?:on|off|up|down)(?![a-z])", text)) != 1:
        return text
    text = _PARTICLE.sub(lambda m: f"{m.group(1)} {m.group(3)} {m.group(2).strip()}", text)
    return _PARTICLE_ON.sub(lambda m: f"{m.group(1)} on {m.group(2).strip()}", text)
