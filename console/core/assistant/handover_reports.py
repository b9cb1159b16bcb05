"""A handover or status report is how things are, never a list of commands (session 9, harms found blind).

"handover: line B product cleared, steam shut, nothing pending" stopped conveyor B and closed the steam valve: the
terse states were read as target states (headings.terse_states: "AC off, blinds shut, main entrance locked" *is* a
list of commands), though the heading and the closing "nothing pending" say the operator is reporting a shift, not
asking for anything.  An ask is a report, refused as nothing to do, when

- it opens with a report heading ("handover:", "hand-over:", "handoff:", "status:", "status update:", "shift report:",
  "report:", "FYI:", "summary:", 交接：, 交班：, 交接班：, 状态：, 汇报：, 报告：, 情况：, 现状：), or it has a clause that
  closes a report ("nothing pending", "nothing outstanding", "nothing to report", "all clear", "no issues", 没有待办,
  无待办, 没有遗留, 一切正常, 无异常, 没有异常);
- and no item of it commands: none opens with a command verb ("stop …", "close …", "please …", "can you …"; 把 / 将 / 请
  / 帮 / 麻烦, or a Chinese item that opens with its verb: 关掉 …, 停 …).

"handover: stop conveyor B, close the steam valve" (commands under the heading) and "Closing up: AC off, blinds shut"
(a purpose heading, headings.py) are read as before.  Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"^\s*(?:(?:shift\s+)?hand\s*-?\s*over|hand\s*-?\s*off|status(?:\s+update|\s+report)?|shift\s+report|"
                   r"end\s+of\s+shift\s+report|report|fyi|for\s+your\s+information|summary|"
                   r"交接班|交接|交班|状态|汇报|报告|情况|现状)\s*[:：]\s*(?P<rest>\S.*)$", re.S)
_CLOSING = re.compile(r"^(?:and\s+)?(?:nothing\s+(?:else\s+)?(?:pending|outstanding|to\s+report|open)|all\s+clear|"
                      r"no\s+(?:issues|problems|open\s+items)|没有待办(?:事项)?|无待办(?:事项)?|没有遗留(?:问题)?|无遗留|"
                      r"一切正常|无异常|没有异常|没有其他(?:事|问题)?)[.!。！]*$")
_ITEMS = re.compile(r"\s*(?:[,;，；、。]|\.(?:\s|$)|(?<=\s)\d+[.)、]\s|(?<![a-z])and\s+(?:also\s+)?)\s*")
_COMMAND_EN = re.compile(r"^(?:(?:ok|okay|so|now|then|also)\s+)?(?:please|pls|can|could|would|will|turn|switch|shut|"
                         r"close|open|stop|start|kill|cut|lock|unlock|secure|raise|lower|dim|silence|mute|power|put|run|"
                         r"sound|halt|pause|resume|set|make|get|bring|let|leave|keep|activate|deactivate|ventilate|cool|"
                         r"heat|warm|crank|drop|pull|roll|draw|clear|give|increase|decrease|reduce|boost)(?![a-z])")
_COMMAND_ZH = re.compile(r"^(?:那就|就|再|也|先|请|麻烦|帮忙|帮我|给我|把|将)|^(?:关|开|停|启|打|拉|锁|解|调|设|熄|灭|放)"
                         r"|请|帮我|麻烦")


def _items(rest: str) -> list[str]:
    return [p.strip(" .!?。！？") for p in _ITEMS.split(rest or "") if p and p.strip(" .!?。！？")]


def _commands(item: str) -> bool:
    return bool(_COMMAND_EN.match(item) or _COMMAND_ZH.search(item))


def handover_report(text: str) -> bool:
    """Is the (normalised) ask a handover or status report, with no item that commands (see module)?"""
    if not text:
        return False
    m = _HEAD.match(text)
    items = _items(m.group("rest") if m else text)
    if not items:
        return False
    closing = [p for p in items if _CLOSING.match(p)]
    if m is None and (not closing or len(items) < 2):
        return False
    return not any(_commands(p) for p in items if p not in closing)
