"""An "it" that points back at a named device is never another device (session 12, the class of "clear it").

"the siren's going, clear it" had switched the line A fan on, "the conveyor is going, clear it" and "the lamp is on,
ventilate it" too, "the pump is making noise, quiet it" silenced the yard siren: the last clause is a verb and "it",
the verb is another kind's catalog phrase (the fan's "clear", the siren's "quiet"), and the semantic layer read that
verb alone, although "it" can only be the device the sentence before names.  Such a reading acts on a device the
sentence is not about; nothing says which device the operator wants, so the ask is refused with the reason (clear_alarm.py
reads an alarm's "clear it" as its silence before this check is reached).

:func:`it_elsewhere` refuses a proposal where

- the ask ends in a clause "<verb …> it / that / this" (with "off", "out", "up", "down", "now", "please" …
  after it), or in Chinese a bare verb clause (停掉, 关了吧, 关掉它: 传送带太吵了，停掉 had silenced the yard siren), that
  names no device or kind of its own;
- the words before that clause name a device or kind of the fleet;
- every command is on a device of another kind than those named;
- and the words before name nothing that the commanded kind takes away (its catalog "removes": "the conveyor is
  putting out smoke, clear it" clears the smoke with the fan, as it always did; a noise is no such thing: "the pump
  is making noise, quiet it" never silences the siren).

Pure text over the catalog's words; regexes compiled at import (the per-kind "things" regex once per assistant).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import replace
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import AMBIGUOUS, Proposal, Refusal
from console.core.assistant.reader import read
from console.core.assistant.trailing_notes import read_only_faults_out

_TAIL = re.compile(r"(?:^|[,;.!?]|\s-+|—|\s(?:and|so|then|just|now)(?=\s))\s*(?P<clause>(?:(?:please|pls|can\s+you|could\s+you|"
                   r"just|go|quickly)\s+)*(?P<verb>[a-z]+(?:\s+[a-z]+)?)\s+(?:it|that|this)"
                   r"(?:\s+(?:off|on|out|up|down|now|please|pls|already|for\s+me|again|too|quickly|asap))*)\s*[.!?]*\s*$")
# 传送带太吵了，停掉: a bare verb clause (its object left out, as Chinese does) after a clause that names the device
_TAIL_ZH = re.compile(r"[，,。；;！!]\s*(?P<clause>(?:请|帮我|麻烦|你|就|那就|直接|赶紧|快)*[\u4e00-\u9fff]{1,3}?"
                      r"(?:它|掉|了|吧|一下|啊|呀)*)\s*[。！!]*\s*$")
_NOT_VERB = re.compile(r"(?<![a-z])(?:is|was|are|were|be|been|'s|do|does|did|about|of|for|with|to|from|at|by|than|like|"
                       r"hear|see|see\s+to|check|fix|watch|leave|keep|let|have|has)$")
_THINGS: "weakref.WeakKeyDictionary[Any, dict[str, re.Pattern | None]]" = weakref.WeakKeyDictionary()


def _things(asst: Any, kind: str) -> re.Pattern | None:
    table = _THINGS.get(asst)
    if table is None:
        table = _THINGS[asst] = {}
    if kind not in table:
        km = asst.meaning.kinds.get(kind)
        words = sorted({p for p in getattr(km, "removes", ()) if p and "..." not in p},
                       key=len, reverse=True) if km is not None else []
        table[kind] = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in words) + r")(?![a-z])") \
            if words else None
    return table[kind]


def kinds_named(asst: Any, text: str) -> tuple[set[str], bool]:
    """The kinds ``text`` names (by a device's name or a kind word) and whether it says "everything"/"all" too
    (a mention of kind "any"); shared with clear_alarm.py."""
    kinds: set[str] = set()
    every = False
    for mn in read(text, asst.rules.vocab).mentions:
        if mn.kind == "device":
            kinds |= {asst.by_id[k].kind for k in mn.keys if k in asst.by_id}
        elif mn.kind == "kind":
            kinds |= set(mn.keys)
        elif mn.kind == "any":
            every = True
    return kinds, every


def _kinds_named(asst: Any, text: str) -> set[str]:
    return kinds_named(asst, text)[0]


def it_elsewhere(asst: Any, utterance: str, prop: Proposal) -> Proposal:
    """``prop`` refused where its "it" is a named device and every command acts on another kind; else ``prop``."""
    if not prop.ok or not prop.commands or len(utterance or "") > 240:
        return prop
    text = normalize(utterance or "")
    if re.search(r"[\u4e00-\u9fff]", text):
        m = _TAIL_ZH.search(text)
        if m is None or re.search(r"\d|[a-z]", m.group("clause")):
            return prop
    else:
        m = _TAIL.search(text)
        if m is None or _NOT_VERB.search(m.group("verb")) or m.start("clause") == 0:
            return prop
    head = text[:m.start("clause")]
    if _kinds_named(asst, m.group("clause")):
        return prop
    # "yard noisy 2x, sensor fault. still going. quiet it": a read-only device's fault is a diagnosis, never what "it"
    # points back at (session 13, set 91: trailing_notes.py)
    named = _kinds_named(asst, read_only_faults_out(asst, head))
    if not named:
        return prop
    kinds = {asst.by_id[c.device_id].kind for c in prop.commands if c.device_id in asst.by_id}
    if not kinds or kinds & named:
        return prop
    if any((rx := _things(asst, k)) is not None and rx.search(head) for k in kinds):
        return prop
    said = m.group("clause").strip()
    others = "、".join(dict.fromkeys(c.device_name for c in prop.commands))
    if prop.lang == "zh":
        return replace(prop, commands=(), refusal=Refusal(AMBIGUOUS, f"“{said}”说的是前面提到的设备，但这样理解会操作{others}，"
                                                          "是另一台设备；没有给出任何指令：请说清楚要对哪台设备做什么。"))
    why = (f"In '{said}', 'it' is what the ask names before it, but that reading acts on "
           f"{', '.join(dict.fromkeys(c.device_name for c in prop.commands))}, another device; nothing was proposed: "
           "say what should happen to which device.")
    return replace(prop, commands=(), refusal=Refusal(AMBIGUOUS, why))
