"""Appliance nouns no demo fleet has (fridge, TV, printer, 冰箱, 电视, 打印机, …): an ask about one is refused.

"办公室冰箱打开" had unlocked the main door and "turn off the office TV" had switched off the office's lamps and AC:
the noun was not read, so the place (or the verb alone) chose the devices.  An ask that names one of these nouns and
no device or kind of the fleet is refused as an unknown device ("no device called 'fridge' in this fleet"), before
any layer may offer a device.  An ask that also names a device or kind keeps its reading ("dim the office ceiling
light to 35 %, the projector is on": the projector is a reason there) unless the noun is joined to it by "and" / 和
("turn on the desk lamp and the fridge", 把台灯和冰箱打开: refused, never the lamp alone) or by a word that adds a part
("…, also the kettle", "the microwave too", 还有 / 以及 咖啡机, 咖啡机也开: session 8).  A noun the fleet's aliases, kinds or
semantics know is dropped from the list when the assistant is built (a fleet with a "printer" device keeps it);
heater / 暖气 are not listed (they mean the AC's heat in this product).  Generic words (everything, 所有, 设备)
are not nouns here.

Pure and Qt-free; no thread, no lock.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

NOUNS_EN = ("refrigerator", "fridge", "freezer", "television", "tv", "printer", "computer", "laptop", "kettle",
            "projector", "coffee machine", "coffee maker", "microwave", "oven", "dishwasher", "washing machine",
            "toaster", "radio", "stereo", "router", "vending machine", "water dispenser", "photocopier", "copier")
NOUNS_ZH = ("冰箱", "冰柜", "电视机", "电视", "打印机", "复印机", "电脑", "笔记本电脑", "水壶", "热水壶", "投影仪", "投影机",
            "咖啡机", "微波炉", "烤箱", "洗碗机", "洗衣机", "烤面包机", "收音机", "音响", "路由器", "饮水机", "售货机")


def foreign_nouns(known: Callable[[str], bool]) -> list[str]:
    """The nouns (longest first) that ``known`` (the fleet's aliases, kinds and semantics) does not know."""
    return sorted((w for w in (*NOUNS_EN, *NOUNS_ZH) if not known(w)), key=lambda w: (-len(w), w))


def noun_regex(nouns: Iterable[str]) -> re.Pattern | None:
    """One regex over the nouns: English ones as whole words (plural -s allowed), Chinese ones as they are."""
    parts = [(re.escape(w).replace(r"\ ", r"\s+") + r"(?:e?s)?" if w.isascii() else re.escape(w)) for w in nouns]
    if not parts:
        return None
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])")


def foreign_noun_in(text: str, pattern: re.Pattern | None, names_device: Callable[[str], bool]) -> str | None:
    """The noun the (normalised) ask names when it names no device or kind of the fleet, or joined to one by
    "and" / 和 (one of the things asked for), else None."""
    if pattern is None:
        return None
    m = pattern.search(text)
    if m is None:
        return None
    if not names_device(text):
        return m.group(0)
    for m in pattern.finditer(text):  # "the desk lamp and the fridge", 台灯和冰箱: one of the devices asked for
        before, after = text[max(0, m.start() - 24):m.start()], text[m.end():m.end() + 6]
        if _JOINED_BEFORE.search(before) or _JOINED_AFTER.match(after) or _VERB_BEFORE.search(before):
            return m.group(0)
    return None


# "and" / 和, and (session 8) the words that add a part sharing the verb: "…, also the kettle", "plus / as well as /
# along with / then the kettle", 还有 / 以及 / 另外 / 加上 / 连同 咖啡机 (开台灯，还有咖啡机 had switched on the lamp alone),
# and after the noun "too" / "as well" / 也 / 都 / 一起 ("…, the microwave too", 咖啡机也开)
_JOINED_BEFORE = re.compile(r"(?:(?<![a-z])(?:and|or|also|plus|then|as\s+well\s+as|along\s+with|together\s+with)\s+"
                            r"(?:the\s+|a\s+|my\s+)?(?:[a-z]+\s+)?|&\s*(?:the\s+)?"
                            r"|(?:[和与跟及、或]|还有|以及|另外|加上|外加|连同|还要)(?:把|将)?(?:\S{1,4}的)?)$")
_JOINED_AFTER = re.compile(r"(?:\s*(?:and|&|or|too|as\s+well|also)(?![a-z])|[和与跟及、或也都]|一起|一块)")

# (session 10) the object of a switch verb: "turn off the projector, the lamps look washed out" switched off every
# lamp (the reason's "lamps" named a kind, so the projector was dropped as an unknown word); 把投影仪关了，灯太亮
_VERB_BEFORE = re.compile(r"(?:(?<![a-z])(?:turn|switch|shut|power|start|stop|kill|run|open|close|unplug)"
                          r"(?:\s+(?:on|off|up|down|out))?\s+(?:the\s+|a\s+|my\s+|that\s+|this\s+)?"
                          r"|(?:把|将)(?:那个|这个|那台|这台)?)$")

