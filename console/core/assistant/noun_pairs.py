"""One verb before two coordinated nouns (held-out 22): "cut off the steam and the coolant on line B", 关掉蒸汽和冷却水,
把二号线的蒸汽和冷却水都关掉: each noun names its own device (the steam valve, the cooling pump), and a trailing place
that fits the last noun never drops the first.

:func:`each_noun` reads the ask again with the verb said before each noun ("cut off the steam and cut off the
coolant on line b") and keeps that reading only when it resolves, keeps every command of the first reading as it
was, and adds devices (a superset): never a device the first reading changed differently, never fewer.  The nouns
must say no verb of their own ("stop conveyor a and start conveyor b" is two clauses already).  Pure: reads with
the assistant; no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

_PAIR_EN = re.compile(r"^(?P<verb>(?:please\s+)?[a-z]+(?:\s+(?:off|down|out|up|on))?)\s+"
                      r"(?P<x>(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)\s+(?:and|&)\s+(?P<y>(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)"
                      r"(?P<place>\s+(?:on|in|at|for)\s+[a-z0-9 ]{1,20})?\s*[.!]?$")
_PAIR_ZH = re.compile(r"^(?:(?P<ba>把|将)(?P<pre>[^,，和与跟及]{0,6}?的)?(?P<x>[^,，和与跟及的]{1,6})(?:和|与|跟|及|以及)"
                      r"(?P<y>[^,，和与跟及的]{1,6})(?P<all>都|全都|全部|一起)?"
                      r"(?P<v>关掉|关闭|关上|关了|打开|开启|停掉|停下|停止|启动|开起来|关起来|开|关|停)(?:吧|了|一下)?"
                      r"|(?P<v2>关掉|关闭|关上|打开|开启|停掉|停止|启动|开)(?P<x2>[^,，和与跟及的]{1,6})(?:和|与|跟|及|以及)"
                      r"(?P<y2>[^,，和与跟及的]{1,6}))[。！]?$")


def _split(text: str, vocab: Any) -> str | None:
    m = _PAIR_EN.match(text)
    if m is not None:
        x, y = m.group("x"), m.group("y")
        if read(x, vocab).actions or read(y, vocab).actions:
            return None
        return f"{m.group('verb')} {x} and {m.group('verb')} {y}{m.group('place') or ''}"
    m = _PAIR_ZH.match(text)
    if m is None:
        return None
    if m.group("ba"):
        pre, v = m.group("pre") or "", m.group("v")
        return f"把{pre}{m.group('x')}{v}，把{pre}{m.group('y')}{v}"
    return f"{m.group('v2')}{m.group('x2')}，{m.group('v2')}{m.group('y2')}"


def each_noun(asst: Any, utterance: str, prop: Any) -> Any:
    """``prop`` (the ask's reading) or, where one verb governs two nouns, the reading with the verb before each."""
    if not prop.ok or not prop.commands:
        return prop
    text = normalize(utterance or "")
    if " and " not in text and "&" not in text and not re.search(r"[和与跟及]", text):
        return prop  # ("stop the coolant & the steam": its pattern's & too, blind set 33)
    again = _split(text, asst.rules.vocab)
    if again is None or again == text:
        return prop
    other = asst.understand(again)
    if not other.ok:
        return prop
    first = {c.device_id: dict(c.params) for c in prop.commands}
    second = {c.device_id: dict(c.params) for c in other.commands}
    if len(second) <= len(first) or any(second.get(d) != p for d, p in first.items()) \
            or asst.direction_problem(utterance, other) is not None:
        return prop
    return replace(other, utterance=utterance)
