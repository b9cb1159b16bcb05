"""Numbers in an utterance: English number words, Chinese numerals, and the units values come in.

Pure functions and patterns; where a number counts as a value is decided in values.py.
"""

from __future__ import annotations

import re

from console.core.assistant.phrases import phrase_pattern

UNITS = {
    "%": ["percent", "per cent", "pct", "%"],
    # "19 C", "19 degs": a bare "c" after its number is °C too (values.number_words never reads it as a unit ahead)
    "°C": ["degrees celsius", "degree celsius", "degrees", "degree", "degs", "deg", "celsius", "°c", "° c", "°", "c",
           "摄氏度", "度"],
    "rpm": ["revolutions per minute", "revolutions a minute", "revolutions per min", "revs per minute", "revs a minute",
            "revs per min", "turns per minute", "turns a minute", "rpm", "r/min", "转每分钟", "转/分钟", "转/分", "转"],
    # a rate said in words ("20 liters a minute", "40 litres per min", "litres/min"): the same unit
    "L/min": ["litres per minute", "liters per minute", "litre per minute", "liter per minute", "l per minute",
              "litres a minute", "liters a minute", "litre a minute", "liter a minute", "l a minute",
              "litres per min", "liters per min", "litre per min", "liter per min", "l per min",
              "litres every minute", "liters every minute",
              "litres/minute", "liters/minute", "litres/min", "liters/min", "ltr/min", "l/minute",
              "l/min", "lpm", "升每分钟", "升每分", "公升每分钟", "升/分钟", "升/分", "升"],
}
UNIT_OF = {w: u for u, words in UNITS.items() for w in words}

ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ZH_NUM = "零〇一二两三四五六七八九十百"

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
UNDER_HUNDRED = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_ONES[1:10]) + r"))?|"
                 + "|".join(sorted(_ONES[1:], key=len, reverse=True)) + r")")
# "a hundred and ten", "one hundred twenty", "a hundred and five": the hundred with what follows it (held-out 28:
# "speed to a hundred and ten" had read "a hundred" and left "and ten" as a part of its own)
NUMBER_WORDS = re.compile(
    r"(?<![a-z])(?:(a|one) hundred(?:(?:\s+and)?[\s-]+" + UNDER_HUNDRED + r"(?![a-z]))?|(" + "|".join(_TENS)
    + r")(?:[- ](" + "|".join(_ONES[1:10]) + r"))?|(" + "|".join(sorted(_ONES, key=len, reverse=True)) + r"))(?![a-z])")

# a unit written right after its number ("20L/min", "50rpm") is that number's unit: only a letter before it breaks it
_UNIT_ALT = "|".join(phrase_pattern(u).replace("(?<![a-z0-9])", "(?<![a-z])") if u[0].isalpha() and u.isascii()
                     else re.escape(u) for u in sorted(UNIT_OF, key=len, reverse=True))
DIGITS = re.compile(r"(?<![a-z0-9_.])(-?\d+(?:\.\d+)?)\s*(" + _UNIT_ALT + r")?")  # "22", "40 %", "-3.5°c"
# 点 between numerals before a unit or the end of the value is a decimal point (二十二点五度 = 22.5), never a clock
# time (八点, 八点半, 八点二十分 stay schedules: screening.SCHEDULE); "二十二度半" is 22.5 too
ZH_DECIMAL = r"点[零〇一二三四五六七八九]+(?=\s*(?:" + _UNIT_ALT + r"|[，,。.!！;；?？]|$))"
ZH_NUMERALS = re.compile(r"(百分之)?([" + ZH_NUM + r"]+(?:" + ZH_DECIMAL + r")?)\s*(" + _UNIT_ALT
                         + r")?((?<=度)半)?")  # "二十二度", "百分之四十", "二十二点五度", "二十二度半"


def english_number(m: re.Match) -> int:
    """The value of a :data:`NUMBER_WORDS` match ("twenty two" → 22, "a hundred" → 100, "a hundred and ten" →
    110)."""
    if m.group(1):
        rest = re.sub(r"^\s*(?:and\s+)?", "", m.group(0)[m.group(0).index("hundred") + len("hundred"):].strip(" -"))
        if not rest:
            return 100
        tens, _, ones = rest.replace("-", " ").partition(" ")
        if tens in _TENS:
            return 100 + 20 + 10 * _TENS.index(tens) + (_ONES.index(ones.strip()) if ones.strip() else 0)
        return 100 + _ONES.index(rest)
    if m.group(2):
        return 20 + 10 * _TENS.index(m.group(2)) + (_ONES.index(m.group(3)) if m.group(3) else 0)
    return _ONES.index(m.group(4))


def zh_number(s: str) -> int | None:
    """Chinese numerals up to 999 ("二十二" → 22, "一百二" → 120, "三十" → 30)."""
    if not s or any(ch not in ZH_NUM for ch in s):
        return None
    total, cur, last_unit = 0, 0, 1
    for ch in s:
        if ch == "百":
            total += (cur or 1) * 100
            cur, last_unit = 0, 100
        elif ch == "十":
            total += (cur or 1) * 10
            cur, last_unit = 0, 10
        else:
            cur = cur * 10 + ZH_DIGITS[ch] if cur else ZH_DIGITS[ch]
    if cur and last_unit == 100 and len(s) >= 2 and s[-2] == "百":
        return total + cur * 10  # 一百二 = 120
    return total + cur


def zh_value(s: str) -> float | None:
    """Chinese numerals with an optional decimal part ("二十二点五" → 22.5, "二十二" → 22.0)."""
    whole, _, frac = s.partition("点")
    n = zh_number(whole)
    if n is None or (frac and any(ch not in ZH_DIGITS for ch in frac)):
        return None
    return float(f"{n}.{''.join(str(ZH_DIGITS[ch]) for ch in frac)}") if frac else float(n)
