"""除了X(以外/之外)，其他/其余/别的Y全部… : "all the other Y except X" in Chinese (session 8).

"除了台灯，其他灯全部打开" (switch on all the other lamps, not the desk lamp) was refused as an unknown device 其他: the
exception was cut off (excepting.py) but 其他 ("the other") stayed in the ask proper and was read as a name; 别的 also
read as the negation 别.  "The others" is the set the ask names less the exception, which is just what the exception
reading does, so the word is dropped: :func:`others_exception` cuts such an ask into (the ask proper without
其他 / 其余 / 其它 / 别的 / 剩下的, the excepted part), in both orders (除了X，其他Y… and 其他Y…，除了X), with or without a
comma between the two parts ("除了警报器以外其余都关掉": the ask proper is 都关掉, every device less the siren).  The
caller (layers.py) then reads both parts as for any exception.  Only where 其他 / 其余 … opens the ask proper, after a
除了 part; a negation in the ask proper (别的灯都别开) stays and is refused there.  Pure regular expressions.
"""

from __future__ import annotations

import re

_OTHERS = r"(?:其他|其它|其余|别的|剩下|剩余|另外)(?:的)?(?:(?:地方|区域|位置)(?:的)?)?"  # 其他地方的灯: the lamps elsewhere
_PRE = r"(?P<pre>(?:请|麻烦)?(?:你)?(?:把|将)?)"
_LEAD = re.compile(r"^除了(?P<but>[^，,；;。]+?)(?:以外|之外)?\s*[，,；;]?\s*" + _PRE + _OTHERS
                   + r"(?P<ask>[^，,；;。]*?)\s*[。！!.]*$")
_TAIL = re.compile(r"^" + _PRE + _OTHERS + r"(?P<ask>[^，,；;。]+?)\s*[，,；;]\s*除了(?P<but>[^，,；;。]+?)(?:以外|之外)?"
                   r"\s*[。！!.]*$")


def others_exception(text: str) -> tuple[str, str] | None:
    """(the ask proper without "the other", the excepted part) of 除了X，其他Y… / 其他Y…，除了X, or None."""
    for pat in (_LEAD, _TAIL):
        m = pat.match(text or "")
        if m is not None and m.group("but").strip() and m.group("ask").strip():
            return (m.group("pre") + m.group("ask")).strip(), m.group("but").strip()
    return None
