"""A Chinese clause that is only a set verb and a value binds to the clause before it (held-out 18).

"让蒸汽通过，开到百分之三十，同时冷却水循环起来" (let the steam through, open to 30 %, and get the coolant circulating):
开到百分之三十 names no device of its own; in Chinese such a clause goes on the clause before it (the steam valve
at 30 %), never on a later one or the ask as a whole (the pump has no opening).  "打开办公室空调，设定二十六度" likewise
is the AC on at 26 °C.  The comma before such a clause is dropped, so the clause pass reads the two as one
("让蒸汽通过开到百分之三十" was already read right); a clause with a device, kind, place or any other word of its own
is left as it is, and so is a value-only clause that opens the ask.
Pure functions, no threads, no locks.
"""

from __future__ import annotations

import re

_NUM = r"(?:百分之)?[0-9一二三四五六七八九十百零两.点]+(?:成半?|半)?"
_UNIT = r"(?:\s*(?:%|度|°c|摄氏度|转每分钟|转/分钟?|转|升每分钟|升/分钟?|升|rpm|l/min))?"
_VERB = r"(?:开到|开成|调到|调成|调为|调至|调整到|调整为|设为|设成|设定为|设定|设置为|设置成|设置|设到|改为|改成|拉到|关到)"
# the whole clause: (再/并/然后) verb value (unit) (吧/就行/左右)
_VALUE_ONLY = re.compile(r"^\s*(?:再|并|并且|然后|就)?" + _VERB + r"\s*" + _NUM + _UNIT
                         + r"\s*(?:左右|吧|就行了?|就好|即可)?\s*$")
_SPLIT = re.compile(r"([，,；;])")


def bind_value_clauses_zh(text: str) -> str:
    """The (normalised) ask with the comma before each value-only Chinese clause dropped, or the text unchanged."""
    if not re.search(r"[，,；;]", text) or not re.search(r"[\u3400-\u9fff]", text):
        return text
    parts = _SPLIT.split(text)  # [clause, sep, clause, sep, …]
    out = [parts[0]]
    for i in range(1, len(parts) - 1, 2):
        sep, clause = parts[i], parts[i + 1]
        if out[-1].strip() and _VALUE_ONLY.match(clause):
            out[-1] = out[-1].rstrip() + clause.strip()
        else:
            out.extend([sep, clause])
    return "".join(out)
