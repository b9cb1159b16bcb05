"""停电恢复了，先把冷却水泵启动: a leading report that the power came back is no device (session 13, blind set 84).

A small manufacturer's winter ask opens with what happened — 停电恢复了 / 停电结束了 / 刚才停电，现在恢复了 (the power
cut is over) — and then says what to do.  停 had been read as the stop verb and 电恢复 as a device the fleet lacks, so
the whole ask was refused; English ("the power cut is over, start …") and 供电恢复了 already read as a report.

:func:`drop_power_back` drops that opening clause, only at the very start of the ask (so 等停电恢复了 / 如果停电恢复了
keep their condition), only when it ends in 了 and a pause, and only where more of the ask follows.  It adds nothing:
the rest of the ask gives every device, direction and value.  Pure; compiled at import.
"""

from __future__ import annotations

import re

_WHEN = r"(?:刚才|刚刚|现在|今天早上|早上)?"
_POWER_BACK = re.compile(
    rf"^{_WHEN}停电(?:了)?(?:[，,]\s*)?(?:现在|已经|都|刚刚?|终于|总算|也)*(?:恢复|结束|过去|完)了(?:啊|呀|哦|吧)?"
    r"[，,。！!；;\s]+(?=\S)")


def drop_power_back(text: str) -> str:
    """``text`` (normalised) without a leading 停电恢复了-style report; unchanged when it has none."""
    if "停电" not in text:
        return text
    return _POWER_BACK.sub("", text, count=1)
