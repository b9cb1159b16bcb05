"""恢复生产 / 恢复运行 / 复产 / 重新输送: "resume" in Chinese starts what produces or runs (held-out 18, session 8).

"B线恢复生产" (line B, resume production) is "start line B's conveyor", as "resume production on line B" already was
in English (lexicon.py reads "resume" as "start"): 恢复 before what a device does (生产, 运行, 运转, 工作, 输送, 供应,
循环 …, a place or 的 may stand between) is read as 重启 (restart, an ON verb); 复产 / 复工 are 恢复生产.  A bare 恢复
("恢复默认设置", restore the defaults) is left alone: it is no switch.
Pure functions, no threads, no locks.
"""

from __future__ import annotations

import re

_SHORT = re.compile(r"复产|复工")
# the running word first, 恢复 last, as an order (二号线货物输送恢复, session 13 blind set 89); 恢复了 (a report that it
# came back) and 恢复正常 / 恢复默认 are left alone
_RESUME_AFTER = re.compile(r"(?<=生产|运行|运转|工作|输送|供应|供水|供汽|循环|转动|送风)恢复(?=吧|一下|$|[，,。；;！!？?\s])")
_RESUME = re.compile(r"恢复(?=[^，,。；;！!？?\s]{0,8}?(?:生产|运行|运转|工作|输送|供应|供水|供汽|循环|转动|送风))")
# 重新 (again) right before such a word is the same restart (session 8, blind set 33: 让二号线重新输送货物，转速一百 had
# only set the speed); 重新开始 already reads as a start, and 重新设置 / 重新调 (set anew) name no running word
_AGAIN = re.compile(r"重新(?=(?:生产|运行|运转|工作|输送|供应|供水|供汽|循环|转动|送风))")


def resume_zh(text: str) -> str:
    """The (normalised) ask with 恢复 + a running word read as 重启 (restart), or the text unchanged."""
    if "重新" in text:
        text = _AGAIN.sub("重启", text)
    if "复" not in text:
        return text
    return _RESUME_AFTER.sub("重启", _RESUME.sub("重启", _SHORT.sub("恢复生产", text)))
