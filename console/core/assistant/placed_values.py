"""A clause's number the whole reading did not place is a dropped part, even where its devices are in the reading.

Session 9 (harms found blind): "keep the sun out and make the office 22" closed the blinds and dropped the 22.  The
clause "make the office 22" failed alone ("what does 22 refer to?"), and the clause pass (layers ``_covered``) took it
as carried by the whole reading because it names the office and the office's blinds were in it — without asking
whether the whole reading had placed its 22.  A clause that names devices of the reading is covered only when every
number it says is among the values the reading placed (as a clause that names nothing already was: "…, switch to
heating and make it 24").  Mode and level words are left to the earlier rules (the reading placed them or the clause
was read alone).  Pure: reads the clause with the rules' reader.
"""

from __future__ import annotations

import re
from typing import Any, Sequence


from console.core.assistant.reader import read


def _same(value: Any, param: Any) -> bool:
    if isinstance(value, (int, float)) and isinstance(param, (int, float)) and not isinstance(param, bool):
        return abs(float(value) - float(param)) < 1e-9
    return value == param


def numbers_placed(text: str, vocab: Any, placed: Sequence[Any]) -> bool:
    """Is every number the (normalised) clause says among the values ``placed`` (none said: True)?  The caller reads a
    number that names a device as its name first ("set conveyor 1" → the conveyor's id: ordinals.py)."""
    if not re.search(r"[\d零〇一二两三四五六七八九十百]", text):  # 流量整四十吧: a Chinese numeral too (loose_numerals_zh.py)
        return True
    r = read(text, vocab)
    values = [n.value for n in r.numbers if n.value is not None]
    values += [float(x) for x in r.loose_numbers if re.fullmatch(r"-?\d+(?:\.\d+)?", x)]
    return all(any(_same(v, p) for p in placed) for v in values)
