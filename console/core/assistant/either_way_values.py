"""A value, 不是, a value, with no pause: a correction that reads either way (session 12, dictation, blind set 82).

A transcript of 把那个传送带A呃速度调到六十不是五十 has no pause to say which value was withdrawn: "sixty, not fifty"
(六十，不是五十: the second value is what the operator says is wrong) and "sixty — no, fifty" (六十，不是，五十: a spoken
restart, the first value withdrawn) are both what a careful listener could hear.  The ask had set the speed to 60.
Where the words cannot tell which value the operator withdrew, nothing is guessed: the ask is refused with the two
values named and the operator asked to say the one meant — never a command with either value.

- **the class**: a number (digits or Chinese numerals, with an optional unit: 度, 转, %, 档, 成) directly followed by
  不是 and another number, in a Chinese ask, with no punctuation between them.
- **kept as before**: a pause that says the reading: 六十，不是五十 (sixty, not fifty: 60, read as it was by the rest of
  the assistant), 六十，不是，五十 / 六十不对五十 (a correction: the last value, corrections.py / dictation.py); 不是 with
  no value on one side (调到六十不是很快, 不是五十是六十) is not this class.

Pure and fleet-free: one regex compiled at import.
"""

from __future__ import annotations

import re

from console.core.assistant.proposal import AMBIGUOUS

_NUM_ZH = r"(?:[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
_UNIT_ZH = r"(?:度|摄氏度|转(?:每分钟)?|%|档|成|升(?:每分钟)?)?"
_EITHER_WAY = re.compile(r"(?P<a>(?<![0-9零〇一二两三四五六七八九十百千点])" + _NUM_ZH + _UNIT_ZH + r")\s*不是\s*(?P<b>" + _NUM_ZH
                         + _UNIT_ZH + r")(?![0-9零〇一二两三四五六七八九十百千点])")

REFUSAL = (AMBIGUOUS,
           "Two values with no pause between them: it is not clear which one you took back. Nothing was proposed: say "
           "the value you want once.",
           "两个数值之间没有停顿，听不出您收回的是哪一个。没有给出任何指令：请只说一次您要的数值。")


def either_way_values(text: str) -> tuple[str, str] | None:
    """The two values of "<value>不是<value>" said with no pause (the ask is then refused), else None."""
    if "不是" not in (text or ""):
        return None
    m = _EITHER_WAY.search(text)
    return (m.group("a"), m.group("b")) if m else None


def either_way_rewrite(text: str) -> str | None:
    """"" (refuse: which value was withdrawn cannot be told) where the ask has such a pair, else None."""
    return "" if either_way_values(text) is not None else None
