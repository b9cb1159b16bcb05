"""Every production line: 所有产线, 各条线, 全部产线, 每条生产线, "every line" → the production lines' kind word.

所有产线都停下来 ("stop all production lines") and "stop every line" had stopped every device of the fleet (lamps,
AC, siren, pump): 产线, a bare 线 after an all-word, and "line" in the singular were no kind word the rules know, so
都停下来 / "stop every …" read as "everything off".  A line is what 生产线 / "production lines" name (the line's
conveyor in the demo fleet's aliases), so an all-word (所有, 所有的, 全部, 全, 各, 各条, 每条) before 产线 / 生产线 / 线 is
rewritten to 所有生产线, and "every / each (production) line" to "all production lines", which the rules read as
every device of that kind.  Not before 的 / 上 / 里 (两条线的传送带, 各条线上的风扇: place_lists.py reads those as
places), nor "on / in / across every line" (a place: "the fans on every line"), never a numbered line (二号线, 第二条线,
"line b") nor a word with 线 inside (电线, 安全线, 线路); 全部关掉 / "everything off" (no line word) keep meaning every
device.  Pure functions of the normalised text; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

_ALL_LINES_ZH = re.compile(r"(?:所有的|所有|全部的|全部|各条|各|每条|每一条|(?<![安完健齐周])全)(?:生产线|产线|线)"
                           r"(?!的|上|里|路|缆|圈|条|头|索)")
_EVERY_LINE_EN = re.compile(r"(?<![a-z])(?<!on\s)(?<!in\s)(?<!at\s)(?<!of\s)(?<!for\s)(?<!across\s)(?<!along\s)"
                            r"(?:every|each)\s+(?:single\s+)?(?:production\s+)?line(?![a-z'])(?!\s+[a-z0-9](?![a-z]))")


def all_lines(text: str) -> str:
    """The (normalised) ask with every all-word + line word as the lines' kind word; else unchanged."""
    if "线" in text:
        text = _ALL_LINES_ZH.sub("所有生产线", text)
    if "line" in text and ("every" in text or "each" in text):
        text = _EVERY_LINE_EN.sub("all production lines", text)
    return text

