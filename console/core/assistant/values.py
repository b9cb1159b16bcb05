"""Finding the values in an utterance: digits with units, Chinese numerals, English number words.

A number counts as a value only with a unit or in a value slot ("to 22", "at 60", "设为26",
"speed 80"); elsewhere ("lamp 2", "2 lamps") it is kept as a loose number and refused, never guessed.
Each step reads the masked working text and returns it with what it read blanked out.
"""

from __future__ import annotations

import re

from console.core.assistant.bare_numbers import after_mode
from console.core.assistant.decimal_words import digits_point, fraction_after
from console.core.assistant.lexicon import UNKNOWN_OK, VALUE_SLOT
from console.core.assistant.loose_numerals_zh import loose_at_clause_end
from console.core.assistant.numbers import DIGITS, NUMBER_WORDS, UNIT_OF, ZH_NUMERALS, zh_value
from console.core.assistant.phrases import PhraseTable, mask
from console.core.assistant.reading import Num, Reading


def value_slot(before: str, lex: PhraseTable) -> bool:
    """Is a number without a unit in a place where a value goes ("to 22", "at 60", "设为26",
    "speed 80", "亮度40")?  Otherwise it is refused as unclear, never guessed."""
    b = before.rstrip()
    if VALUE_SLOT.search(b):
        return True
    for m in lex.finditer(b[-24:]):
        if m.end() == len(b[-24:]) and lex.lookup(m.group(0))[1][0][0] == "hint":
            return True
    return False


def number_words(text: str, lex: PhraseTable) -> str:
    """"twenty two degrees" → "22 degrees", "to sixty" → "to 60", "to nineteen point five" → "to 19.5"; other
    number words stay words
    ("the second one", "one of the lamps")."""
    text = digits_point(text)  # "21 point 5" → "21.5"
    out, last = [], 0
    for m in NUMBER_WORDS.finditer(text):
        if m.start() < last:
            continue  # the fraction of a decimal already read ("nineteen point five")
        value, end = fraction_after(m, text)  # "nineteen point five" → "19.5": never loses a part
        after = text[end:]
        unit_next = any(after.lstrip().startswith(u) for u in UNIT_OF if u.isascii() and u[0].isalpha() and len(u) > 1
                        or u in ("%", "°c", "°"))
        if unit_next or value_slot(text[: m.start()], lex):
            out.append(text[last:m.start()])
            out.append(value)
            last = end
        elif after_mode(text[: m.start()]):  # "cool mode, twenty-two": °C, as the digits are (bare_numbers.py)
            out.append(text[last:m.start()])
            out.append(f"{value} °c")
            last = end
    out.append(text[last:])
    return "".join(out)


def read_digits(work: str, r: Reading, lex: PhraseTable, known_words: set[str]) -> str:
    """Digits, with their unit if any: a value, a loose number, or an unknown unit ("20 gallons")."""
    for m in DIGITS.finditer(work):
        unit = UNIT_OF.get(re.sub(r"\s+", " ", m.group(2))) if m.group(2) else None
        nxt = re.match(r"\s*([a-z][a-z/.]*)", work[m.end():])
        if unit is None and nxt and nxt.group(1) not in known_words and nxt.group(1) not in UNKNOWN_OK:
            r.unknown_units.append(f"{m.group(1)} {nxt.group(1)}")  # "20 gallons": never read as L/min
        if unit is None and (not value_slot(work[: m.start()], lex) or work[m.end():m.end() + 1] == "号"):  # 2号传送带
            r.loose_numbers.append(m.group(1))  # "lamp 2", "2 lamps": not a value to set
        else:
            r.numbers.append(Num(float(m.group(1)), unit, text=m.group(0)))
        work = mask(work, m.start(), m.end())
    return work


def read_zh_numerals(work: str, r: Reading, lex: PhraseTable) -> str:
    """Chinese numerals that are values (二十二度, 百分之四十, 设为二十); counted nouns (两条) quantify."""
    for m in ZH_NUMERALS.finditer(work):
        if m.group(2) in ("一", "两") and not m.group(3) and not m.group(1):
            continue  # 一下, 两条: not values
        val = zh_value(m.group(2))
        if val is not None and m.group(4):
            val += 0.5  # 二十二度半
        after_verb = value_slot(work[: m.start()], lex) and not re.match(r"\s*[条台个盏扇只部分号]", work[m.end():])  # 二号传送带: an ordinal
        if val is None or not (m.group(1) or m.group(3) or after_verb):
            if val is not None and loose_at_clause_end(work, m.start(), m.end()):  # 转速搁八十 (loose_numerals_zh.py)
                r.loose_numbers.append(f"{val:g}")  # as digits: a clause's values are compared as numbers
                work = mask(work, m.start(), m.end())
            continue  # a bare numeral (两条, 一半) is no value
        unit = "%" if m.group(1) else UNIT_OF.get(m.group(3))
        r.numbers.append(Num(val, unit, text=m.group(0)))
        work = mask(work, m.start(), m.end())
    for m in re.finditer(r"(?<!第)[两二三四五六七八九十]+\s*[条台个盏扇只部]", work):  # 第二盏: an ordinal (ordinals.py)
        r.quantified = True
        work = mask(work, m.start(), m.end())
    return work
