"""Decimals said in words: "nineteen point five" = 19.5, "21 point 5" = 21.5, "nineteen and a half" = 19.5.

Pure functions over the lower-cased utterance, used by values.number_words before a number word becomes digits:
a number must never silently lose a part, so the fraction after "point" (digit words, digits, or a number word
under a hundred: "point two five", "point 25", "point twenty-five") is read with it or the whole stays words.
"""

from __future__ import annotations

import re

from console.core.assistant.numbers import NUMBER_WORDS, english_number

_DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_DIGIT_WORD = r"(?:oh|" + "|".join(_DIGIT_WORDS) + r")"
POINT = re.compile(r"\s+point\s+(" + _DIGIT_WORD + r"(?:[\s-]+" + _DIGIT_WORD + r")*|\d+)(?![a-z0-9])")
HALF = re.compile(r"\s+and\s+a\s+half(?![a-z])")
DIGITS_POINT = re.compile(r"(?<![\w.])(\d+)\s+point\s+(\d+)(?!\w|\.\d)")  # "21 point 5"


def digits_point(text: str) -> str:
    """"19 point 5" → "19.5"."""
    return DIGITS_POINT.sub(r"\1.\2", text)


def fraction_after(m: re.Match, text: str) -> tuple[str, int]:
    """The number word ``m`` with a decimal part after it, as digits, and where it ends: ("19.5", end) for
    "nineteen point five", ("19.5", end) for "nineteen and a half"; (str(whole), m.end()) when none follows."""
    whole = english_number(m)
    after = text[m.end():]
    p = POINT.match(after)
    if p:
        part = p.group(1)
        if part.isdigit():
            frac = part
        else:
            frac = "".join("0" if w == "oh" else str(_DIGIT_WORDS.index(w)) for w in re.split(r"[\s-]+", part))
        return f"{whole}.{frac}", m.end() + p.end()
    w = re.match(r"\s+point\s+", after)
    if w:
        n = NUMBER_WORDS.match(after, w.end())
        if n and english_number(n) < 100:  # "point twenty-five" = .25
            return f"{whole}.{english_number(n)}", m.end() + n.end()
    h = HALF.match(after)
    if h:
        return f"{whole}.5", m.end() + h.end()
    return str(whole), m.end()
