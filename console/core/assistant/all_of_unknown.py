""""All <a noun the fleet does not know>" is never every device (session 8): 所有线路都关掉 had switched off every
device of the plant, and so had 所有管道都关掉, 所有电线都关掉, "switch off all circuits".

The semantic layer reads an all-word with a verb and no name as "every device" (全部关掉, "everything off"); a noun
after the all-word (所有 X 都关掉, 全部 X 停掉, "all (the) X", "every X") or before 全部 / 都 / 全 at the head of a
clause (X 全部关掉) narrows it to devices it names, so when ``known`` does not know that noun the ask is refused naming
it, never widened to the fleet.  线路 (circuits, or lines?) is such a noun in a fleet whose lines are 生产线 / 产线
(all_lines.py reads 所有产线, 各条线 as the production lines, and leaves 线路 alone).  Generic words for "devices"
(设备, 机器, 东西, things, equipment …) and places keep the every-device reading.  Pure regular expressions; no
threads, no locks; the fleet's words come through ``known``.
"""

from __future__ import annotations

import re
from typing import Callable

_ALL_ZH = re.compile(r"(?:所有|全部|一切|每一?[个台条]|各[个台条]?)(?:的)?\s*(?P<noun>[\u3400-\u9fff]{2,4}?)"
                     r"(?=都|全|也|一起|统统|通通|给我|[关开停])")
_HEAD_ZH = re.compile(r"(?:^|[，,；;。\s])(?:请|麻烦|帮我)?(?:把|将)?(?P<noun>[\u3400-\u9fff]{2,4}?)"
                      r"(?=(?:全部|全都|都|全)(?:给我)?(?:关|停|开|打))")
_ALL_EN = re.compile(r"(?<![a-z])(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?P<noun>[a-z]+)(?![a-z])")
_GENERIC_ZH = re.compile(r"^(?:东西|设备|装置|机器|机械|电器|用电器|这些|那些|这里|那里|地方|区域|线|产线|生产线|其他|其余|剩下)$"
                         r"|[的了吧把给]")
_GENERIC_EN = frozenset({"thing", "things", "stuff", "machine", "machines", "machinery", "equipment", "kit", "gear",
                         "device", "devices", "lot", "rest", "place", "whole", "area", "areas", "zone", "zones",
                         "floor", "line", "lines", "way", "of", "the", "on", "off", "at", "in", "over", "out",
                         "down", "up", "right", "now", "now.", "set", "go", "done"})


def unknown_all_noun(text: str, known: Callable[[str], bool]) -> str | None:
    """The noun an all-word governs in ``text`` (normalised) that ``known`` does not know, or None."""
    for pattern in (_ALL_ZH, _HEAD_ZH) if re.search(r"[\u3400-\u9fff]", text) else (_ALL_EN,):
        for m in pattern.finditer(text):
            noun = m.group("noun")
            if pattern is _ALL_EN and noun in _GENERIC_EN:
                continue
            if pattern is not _ALL_EN and _GENERIC_ZH.search(noun):
                continue
            if not known(noun):
                return noun
    return None
