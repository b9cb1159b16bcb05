"""A relative temperature ask with a bare target number (held-out 22): "office a bit warmer please, around 25",
"cooler, say 19", 办公室暖和一点，25左右: the number is the target in degrees, as "warmer, like 24 degrees" already
was (relative_target.py: the value only).  Without the unit the semantic layer read "warmer" as the AC's switch.

:func:`degrees_after_warmer` writes "degrees" / 度 after such a number; a time ("at 5", "in 10", "for 20") and a
number with a unit of its own stay as they are.  :func:`either_way_auto`: "heat or cool as needed" / "cool or heat
automatically" / 制冷制热自动切换 is the AC's auto mode (never the mode word "heat" offered to a lamp).  Pure text; imports
only numbers.py (the number words).

A target said in words after its lead word ("ac cooler like nineteen", "make the office cooler, say twenty") is the
same target (session 9: the words were read by no rule, and the semantic layer had switched the AC *off* for "cooler").
"""

from __future__ import annotations

import re

from console.core.assistant.numbers import NUMBER_WORDS, english_number

# "warm the office up, 21 is fine" (session 13): the particle after a short object ("the office", "this place", "it")
_OBJ = r"(?:(?:it|them|(?:the|this|that|my|our)\s+(?:[a-z]+\s+){0,1}[a-z]+|[a-z]+)\s+)?"
_WARMER = re.compile(r"(?<![a-z])(?:warmer|cooler|colder|hotter|less\s+cold|less\s+hot|warm\s+" + _OBJ + r"up|"
                     r"cool\s+" + _OBJ + r"down|heat\s+" + _OBJ + r"up)(?![a-z])|暖和|暖一|热一|凉快|凉一|冷一|凉爽")
_BARE_EN = re.compile(r"(?P<lead>(?:^|[,;:—–-]\s*|\s)(?:(?:to|around|about|say|like|maybe|roughly|approximately|"
                      r"approx\.?|something\s+like|near|toward|towards)\s+)?)(?P<n>\d{1,2}(?:\.\d)?)(?P<tail>(?:\s*ish)?)"
                      r"(?=\s*(?:please|or\s+so|thanks?|thank\s+you)?\s*[.!?]?\s*(?:[,;]|$))")
# the same place said in words, only after a lead word or a comma ("like nineteen", ", twenty-one"): never a bare "one"
_WORDS_EN = re.compile(r"(?P<lead>(?:[,;:—–-]\s*|\s)(?:(?:to|around|about|say|like|maybe|roughly|approximately|"
                       r"something\s+like|near|toward|towards)\s+)|[,;:—–-]\s*)(?P<n>" + NUMBER_WORDS.pattern
                       + r")(?P<tail>(?:\s*ish)?)(?=\s*(?:please|or\s+so|thanks?|thank\s+you)?\s*[.!?]?\s*(?:[,;]|$))")
_BARE_ZH = re.compile(r"(?P<n>\d{1,2}(?:\.\d)?)(?=\s*(?:左右|上下|的样子|差不多)?\s*(?:吧|啊|呀)?[。！]?$)")
_TIMEISH = re.compile(r"(?<![a-z])(?:at|in|for|by|until|till|after|before|within)\s+(?:around\s+|about\s+)?\d")


def degrees_after_warmer(text: str) -> str:
    """``text`` (normalised) with "degrees" / 度 after a bare number closing a relative temperature ask; the same
    string when there is none."""
    if not _WARMER.search(text) or _TIMEISH.search(text):
        return text
    if re.search(r"[\u3400-\u9fff]", text):
        return _BARE_ZH.sub(lambda m: m.group("n") + "度", text, count=1)
    out = _BARE_EN.sub(lambda m: m.group("lead") + m.group("n") + m.group("tail").rstrip() + " degrees", text, count=1)
    if out != text:
        return out
    return _WORDS_EN.sub(lambda m: m.group("lead") + _in_digits(m.group("n")) + m.group("tail").rstrip() + " degrees",
                         text, count=1)


def _in_digits(words: str) -> str:
    """"twenty one" → "21" (a match of numbers.NUMBER_WORDS)."""
    m = NUMBER_WORDS.match(words)
    return str(english_number(m)) if m is not None else words


_EITHER_EN = re.compile(r"(?<![a-z])(?:heat(?:ing)?\s+(?:or|and|/)\s+cool(?:ing)?|cool(?:ing)?\s+(?:or|and|/)\s+heat(?:ing)?)"
                        r"(?:\s+(?:it|the\s+(?:room|place|air)))?\s+(?:as\s+(?:needed|required|necessary)|"
                        r"(?:all\s+)?by\s+itself|on\s+its\s+own|automatically|when\s+needed)(?![a-z])")
_EITHER_ZH = re.compile(r"(?:制冷制热|制热制冷|冷暖|制冷和制热|制热和制冷|制冷或制热|制热或制冷)(?:都行|均可)?"
                        r"(?:自动切换|自动调节|看情况|按需|随需)")


def either_way_auto(text: str) -> str:
    """``text`` (normalised) with "heat or cool as needed" written as "auto mode" (自动模式); else the same string."""
    if re.search(r"(?<![a-z])(?:not|don'?t|never|no)(?![a-z])|不|别", text):
        return text  # a negation stays as it is said (refused)
    text = _EITHER_EN.sub("auto mode", text)
    return _EITHER_ZH.sub("自动模式", text)
