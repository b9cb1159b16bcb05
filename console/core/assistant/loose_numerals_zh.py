"""A Chinese numeral that ends its clause but stands in no value slot is a loose number (refused), never skipped
(session 13, blind set 90).

Digits outside a value slot ("lamp 2", 转速搁80) were kept as loose numbers and the ask refused ("80 指的是什么？"),
but Chinese numerals outside one were skipped without a word: "B线传送带启动一下，转速搁八十" (搁, a verb the rules
did not know, stood between 转速 and 八十) started the conveyor and silently DROPPED the speed; 转速来个八十,
速度要八十, 转速整成八十 did the same.  A part of an ask must never vanish: a numeral that is the whole rest of its
clause (then a closing particle at most: 八十吧, 八十呗) is a value someone asked for, so where no rule read it the
ask is refused as with digits.  Numerals inside a clause (一下, 三号线, 两条, 八点, 三楼, 十分钟, 第二) keep being
skipped: they are ordinals, counts, times or places, and the readings that handle them are unchanged; so is a
numeral of one character (张三, 李四: a name; 一 / 两: 开一下).
"""

from __future__ import annotations

import re

# 调到六十，不是五十: the value corrected away is no value asked for (dictation.py reads the correction)
_NOT_THIS = re.compile(r"(?:不是|而不是|而非|不要|别)\s*$")
_CLAUSE_END = re.compile(r"\s*(?:吧|呗|啊|呀|哈|啦|了|就行|就好|就可以)?\s*(?:[,;，；。！!？?]|$)")


def loose_at_clause_end(work: str, start: int, end: int) -> bool:
    """Is the numeral at ``work[start:end]`` (no unit, no value slot; two characters or more) the end of its clause,
    and no ordinal?"""
    return start > 0 and work[start - 1] != "第" and end - start >= 2 and bool(_CLAUSE_END.match(work, end)) \
        and not _NOT_THIS.search(work, 0, start)
