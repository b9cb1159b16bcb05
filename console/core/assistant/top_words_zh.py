"""最亮 / 最快 after a setting verb are the top of the range, as 最大 is (session 9, harms found blind).

吸顶灯开到最亮 ("the ceiling lamp to its brightest") was refused as nothing to do and 一号线生产开到最快 started conveyor A
without its speed (a silent drop): 最亮 / 最快 / 最强 said where a value goes (after 开到 / 调到 / 开成 / 调成 / 设到 /
设为 / 加到 / 开 / 调) are 最大 — the top of the device's setting, and with max_runs.py's convention (max means on) the
device switched on.  最亮的灯 ("the brightest lamp", 的 after it) names a device and is left alone.  Pure text; no
threads, no locks.
"""

from __future__ import annotations

import re

_TOP_ZH = re.compile(r"(?P<verb>开到|调到|开成|调成|设到|设为|设成|加到|提到|开|调)(?:最亮|最快|最强)(?:的(?=\s*[，,。！!；;]|$))?"
                     r"(?!的)")


def top_words(text: str) -> str:
    """``text`` with 开到最亮 / 调到最快 … said as 开到最大 / 调到最大."""
    if "最" not in text:
        return text
    return _TOP_ZH.sub(lambda m: m.group("verb") + "最大", text)
