"""A relative ask closed by a rough target is that target (session 9, new staff): 办公室顶上那个灯调暗一点，20左右就行 was
refused as a relative change ("say the target value"), though "20 or so" is the target; so was "dim the ceiling lamp a
bit, around 20" (the number had no slot).  The temperature twin is warm_target.py ("warmer, around 25" → 25 degrees);
this is every other amount (a lamp's level, the blinds, a conveyor's speed …): the closing number is written as a
target, "to N" / 调到N, and the rules place it by the device's own setting (a number that fits no setting stays
refused).

Only a bare number (no unit: a unit is a target already) closing the ask after a comma, with at most a rough word
(around, about, say, like, roughly, -ish, or so; 大概, 大约, 差不多, 左右, 上下, 的样子) and a closing "is fine / will do"
(就行, 就好, 就可以, 即可, 吧), and only after a relative word of amount (dim, brighter, faster, a bit; 暗一点, 调亮, 快一点 …);
never a time ("at 5", 5点), and never "more / less <thing>, N" (more coolant, 40: whose 40? it stays refused).
Pure text.
"""

from __future__ import annotations

import re

_RELATIVE = re.compile(r"(?<![a-z])(?:dim(?:mer)?|brighter|darker|faster|slower|lower|higher|a\s+bit|"
                       r"a\s+little|a\s+touch|a\s+notch|turn\s+(?:it\s+)?(?:up|down)|bring\s+(?:it\s+)?(?:up|down))(?![a-z])"
                       r"|[暗亮快慢高低大小]一?点|[暗亮快慢高低大小]一些|调[暗亮高低大小快慢]|开[大小]|关小|放慢|加快")
_EN = re.compile(r"(?P<lead>[,;:—–-]\s*)(?:(?:around|about|say|like|maybe|roughly|approximately|approx\.?|something\s+like|"
                 r"somewhere\s+around)\s+)?(?P<n>\d{1,3})(?:\s*ish)?(?:\s+or\s+so)?"
                 r"(?:\s+(?:is|would\s+be|will\s+be|should\s+be)\s+(?:fine|ok|okay|enough|good|plenty)|\s+will\s+do|\s+please)?"
                 r"\s*[.!]?\s*$")
_ZH = re.compile(r"(?P<lead>[,;:，；：]\s*)(?:大概|大约|差不多|约)?\s*(?P<n>\d{1,3})\s*(?:左右|上下|的样子|差不多)?\s*"
                 r"(?:就行了?|就好了?|就可以了?|即可|就够了?|可以了?|吧|就成)?\s*[。！.!]?\s*$")
_MORE_LESS = re.compile(r"(?<![a-z])(?:more|less|fewer)(?![a-z])|[多少]一?[点些]")
_TIMEISH = re.compile(r"(?<![a-z])(?:at|in|for|by|until|till|after|before|within)\s+(?:around\s+|about\s+)?\d|\d\s*点")


def rough_target(text: str) -> str:
    """``text`` (normalised) with a rough closing target after a relative word written as "to N" / 调到N; the same
    string when there is none."""
    if not _RELATIVE.search(text) or _TIMEISH.search(text) or _MORE_LESS.search(text):
        return text
    if re.search(r"[\u3400-\u9fff]", text):
        return _ZH.sub(lambda m: m.group("lead") + "调到" + m.group("n"), text, count=1)
    return _EN.sub(lambda m: m.group("lead") + "to " + m.group("n"), text, count=1)
