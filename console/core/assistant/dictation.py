"""Voice dictation: what a speech-to-text transcript loses, put back (session 12, blind set 78).

A recogniser writes what it heard with no punctuation, spells numbers out and splits or mishears words.  Asks a
person would read at once were refused or, worse, lost a part:

- **a spoken self-correction of a value** ("set the desk lamp to thirty no wait fifty", "set the a c to twenty six no
  twenty four", "conveyor a to fifty rpm actually make that forty five"): a value, a correction marker (no, nope,
  wait, no wait, sorry, actually, i mean, rather, make that, correction, and runs of them) and a value alone.  Written
  as the punctuated form corrections.py reads ("… to 30, no wait, 50": the last value said counts), the numbers as
  digits; "halfway" is a value there too ("vent the steam halfway no uh thirty percent": session 13).  Only a value
  after a value: "… to 30 no more", "… 30 no wait stop it" are not rewritten (corrections.py
  keeps refusing where the corrected part is not a value alone).  Chinese (台灯调到三十不对五十) was already read so.
- **"like" before a number** ("at like twenty five", "to like 40"): a hedge, the number is the value.  Only after
  at / to / around / about (after a comparative, "cooler like nineteen", the screening reads it as the target
  already); "feels like 30", "looks like 2" keep it (a simile or a report, never a value).  Without this the number was
  silently dropped ("we need coolant circulating again at like twenty five" started the pump, no flow).
- **台登** (a homophone slip of 台灯 "desk lamp" after 台 / 顶 / 吊 / 照) is 灯.
- **a speed level said by its first character** (排风扇风速调到中, 风速开到高, 速度调成低吧: session 12, blind set 82) is
  that level's word (中速, 高速, 低速), only where the clause names the speed (风速 / 速度 / 转速 / 档位) and the
  character alone ends the clause; the fleet's enums then decide (a device with no such level refuses it).
- **a number word after a climate mode or a comparative** ("cool mode twenty", "faster a hundred and ten") is
  written in digits (then "cool mode 20" is °C, as before); and a comparative followed by the climate mode going the
  same way with its number ("make it cooler in the office cool mode 20") is a target value for the screening
  (``agreeing_mode_target_en``, as 暖和一点，制热26度 already was), never "cooler … heat mode 26".

Fleet-free and pure: regexes compiled at import; called by phrases.normalize (fillers already dropped).  The
vocabulary-aware half (a missing pause, a word split in two) is in dictation_pauses.py.
"""

from __future__ import annotations

import re

# (numbers.py imports phrases.py, which imports this module: the number words are spelt here again)
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
UNDER_HUNDRED = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_ONES[1:10]) + r"))?|"
                 + "|".join(sorted(_ONES[1:], key=len, reverse=True)) + r")")
_WORDS = re.compile(r"(?<![a-z])(?:(?:a|one)\s+hundred(?:\s+and)?[\s-]*)?(?:(?P<tens>" + "|".join(_TENS)
                    + r")(?:[- ](?P<ten_ones>" + "|".join(_ONES[1:10]) + r"))?|(?P<ones>"
                    + "|".join(sorted(_ONES, key=len, reverse=True)) + r"))?(?![a-z])")

_NUM = (r"(?:\d+(?:\.\d+)?|(?:a|one)\s+hundred(?:(?:\s+and)?[\s-]+" + UNDER_HUNDRED + r"(?![a-z]))?|"
        + UNDER_HUNDRED + r"|zero)")
_UNIT = r"(?:\s*(?:%|percent|per\s*cent|degrees?(?:\s+c(?:elsius)?)?|°c|rpm|l/min|litres?(?:\s+per\s+minute)?|" \
        r"liters?(?:\s+per\s+minute)?))?"
_VAL = r"(?<![a-z0-9.])" + _NUM + r"(?![a-z0-9])" + _UNIT + r"(?![a-z0-9])"
_WORD = (r"(?:no(?:\s+no)*|nope|wait|sorry|actually|i\s+mean|or\s+rather|rather|make\s+(?:that|it)|correction|"
         r"scratch\s+that)")
_MARK = r"(?:(?:oh|no)\s+)?" + _WORD + r"(?:\s*,?\s*" + _WORD + r")*"
# "… to thirty no wait fifty": a value, a marker, a value alone that ends the ask or its clause
_VALUE_FIX = re.compile(r"(?P<v1>" + _VAL + r"|(?<![a-z])half(?:\s*-?\s*way)?(?![a-z]))\s*[,;]?\s*(?P<mk>" + _MARK
                        + r")\s*[,;:]?\s*(?:to\s+)?(?P<v2>" + _VAL + r")(?=\s*(?:[,.;!?]|please|thanks|thank\s+you|$))")
_HINT = re.compile(r"(?<![a-z])(?:no|nope|wait|sorry|actually|mean|rather|make|correction|scratch)(?![a-z])")

# "at like 25", "faster like a hundred and ten": the hedge, never the value's end
# (after a comparative "like" stays: "cooler like nineteen" is the screening's target form already)
_LIKE = re.compile(r"(?<![a-z])(?P<lead>at|to|around|about)\s+like\s+(?=" + _NUM + r"(?![a-z0-9]))")

_LAMP_ZH = re.compile(r"(?<=[台顶吊照])登")
# "cool mode twenty", "faster a hundred and ten": a number word after a climate mode or a comparative, as digits
# (the mode's number is then °C, phrases._MODE_NUMBER; the comparative's is its target)
_AFTER = re.compile(r"(?<![a-z])(?P<lead>(?:cool|heat|cooling|heating)\s+mode\s+(?:at\s+|to\s+)?|"
                    r"(?:faster|slower|quicker|higher|warmer|cooler|colder|hotter|brighter)\s+(?:at\s+|like\s+)?)"
                    r"(?P<n>" + _NUM + r")(?![a-z0-9])(?!\s+(?:of|more|less|notch|step|bit|degrees?\s+(?:more|less)))")
_COMPARATIVE = re.compile(r"(?<![a-z])(?:faster|slower|quicker|higher|warmer|cooler|colder|hotter|brighter)$")
# "make it cooler in the office cool mode 20 °c": a climate mode that agrees with the comparative, with its number,
# is the target (the English of mode_targets_zh.agreeing_mode_target_zh: 暖和一点，制热26度)
_MODE_TARGET = re.compile(r"(?<![a-z])(?:(?P<cool>cooler|colder)|(?P<heat>warmer|hotter))(?![a-z])[^.;!?]*?"
                          r"(?<![a-z])(?:(?P<cmode>cool|cooling)|(?P<hmode>heat|heating))\s+mode\s*[,]?\s*(?:at\s+|to\s+)?"
                          r"\d{1,2}(?:\.\d)?\s*(?:°\s*c|degrees?|°)?(?![\d.])")


def _number(m: re.Match) -> str:
    said = m.group(0)
    if not said.strip():
        return said
    value = 100 if "hundred" in said else 0
    if m.group("tens"):
        value += 20 + 10 * _TENS.index(m.group("tens")) + (_ONES.index(m.group("ten_ones")) if m.group("ten_ones") else 0)
    elif m.group("ones"):
        value += _ONES.index(m.group("ones"))
    return str(value)


def _digits(value: str) -> str:
    """The value with its number words as digits ("forty five rpm" → "45 rpm", "a hundred and ten" → "110")."""
    return _WORDS.sub(_number, value)


def _value_fix(m: re.Match) -> str:
    return f"{_digits(m.group('v1'))}, no wait, {_digits(m.group('v2'))}"


# 风速调到中: a speed named, a set verb, then 低 / 中 / 高 alone closing the clause
_LEVEL_ZH = re.compile(r"(?P<lead>(?:风速|速度|转速|档位)[^,;。，；！!？?]{0,4}?(?:调到|调成|调为|设为|设成|设到|开到|开成|改成|改为|换成|换到|切到|切换到|放到)\s*)"
                       r"(?P<lv>[低中高])(?P<tail>\s*(?:档|挡)?\s*(?:吧|就行了?|就好|就可以了?|啊|呀)?\s*(?:[,;。，；！!？?]|$))")


def dictated(text: str) -> str:
    """The normalised ask with a dictated value correction punctuated, a "like" hedge before a number dropped and
    台登 read as 台灯; the same string where none applies."""
    if "like" in text:
        text = _LIKE.sub(r"\g<lead> ", text)
    if _HINT.search(text):
        text = _VALUE_FIX.sub(_value_fix, text)
    if "mode" in text or "er " in text:
        text = _AFTER.sub(lambda m: m.group("lead") + _digits(m.group("n")), text)
    if "登" in text:
        text = _LAMP_ZH.sub("灯", text)
    if "速" in text or "档位" in text:
        text = _LEVEL_ZH.sub(lambda m: m.group("lead") + m.group("lv") + ("" if m.group("tail").lstrip().startswith(("档", "挡"))
                                                                        else "速") + m.group("tail"), text)
    return text


def comparative_end(text: str) -> bool:
    """Does ``text`` end in a comparative ("… need to go faster"), whose bare number after a pause is its target?"""
    return _COMPARATIVE.search(text) is not None


def agreeing_mode_target_en(text: str) -> bool:
    """"make it cooler in the office cool mode 20 °c": a comparative and, after it, the climate mode going the same
    way with its number: a target value (never "cooler … heat mode 26")."""
    m = _MODE_TARGET.search(text)
    return m is not None and bool(m.group("cool")) == bool(m.group("cmode"))
