"""A topic place at the head of the ask (held-out 18): 办公室拉开让阳光进来，灯都关了; "In the office: blinds up, lights off".

办公室 followed by what is done there (拉开…, or 把 + a thing: never 办公室灯 / 办公室的灯, a modifier) is the topic of the
ask, as "In the office: blinds up, lights off" is in English: a later clause that names a kind but no place, no
device and no "everything" is about that place too (灯都关了 → 把办公室的灯都关了: the office lamps only, never the
warehouse floodlight).  Carried only where the topic place has a device of that kind; a later clause naming a
place or a device of its own, or a kind the place lacks, is left as written.  Pure: reads with the assistant's
vocabulary, no threads, no locks.  In English the head is the place alone ("in the office:", "line a,")
with two clauses or more after it ("In the office, lights off" was already the office's).
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.lexicon import CJK
from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

_SPLIT = re.compile(r"([,，;；。])")
_SPLIT_EN = re.compile(r"(\s*[,;:]\s*)")
_NOT_TOPIC = ("的", "和", "、", "跟", "与", "或", "及")  # 办公室的…, 办公室和仓库: a modifier or a list, no topic
_HEAD_EN = re.compile(r"^(?:(?:in|at|on|over\s+in|for)\s+)?(?:the\s+)?$")  # "in the office: …", "line a, …"


def carry_topic(asst: Any, utterance: str) -> str | None:
    """The normalised ask with the head's topic place put before the kinds of each later clause that names no
    place; None when the ask has no such topic or nothing to carry it to."""
    text = normalize(utterance or "")
    zh = bool(CJK.search(text))
    split = _SPLIT if zh else _SPLIT_EN
    if not split.search(text):
        return None
    pieces = split.split(text)
    head = pieces[0]
    r = read(head, asst.rules.vocab)
    zones = [mn for mn in r.mentions if mn.kind == "zone"]
    if len(zones) != 1:
        return None
    if zh:
        # what comes between the place and the clause's first thing (办公室把百叶窗拉开: 把): none (办公室灯) or 的 is
        # a modifier of that thing, never a topic
        others = [mn.start for mn in r.mentions if mn.kind != "zone"]
        between = head[zones[0].end:min(others)] if others else head[zones[0].end:]
        if zones[0].start != 0 or not between.strip() or "的" in between or between.startswith(_NOT_TOPIC):
            return None
    elif _HEAD_EN.match(head[:zones[0].start]) is None or head[zones[0].end:].strip() or len(pieces) < 5:
        return None  # English: only the place alone as the head ("In the office: …"), two clauses or more after it
    topic, where = head[zones[0].start:zones[0].end], set(zones[0].keys)
    changed = False
    for i in range(2, len(pieces), 2):
        clause = pieces[i]
        rc = read(clause, asst.rules.vocab)
        if not clause.strip() or any(mn.kind != "kind" for mn in rc.mentions):
            continue  # a place, a device or "everything" of its own
        kinds = [mn for mn in rc.mentions if mn.kind == "kind"]
        if not kinds or not all(any(m.kind in mn.keys and m.zone in where for m in asst.metas) for mn in kinds):
            continue
        for mn in sorted(kinds, key=lambda k: -k.start):
            clause = f"{clause[:mn.start]}{topic}{'的' if zh else ' '}{clause[mn.start:]}"
        pieces[i] = clause
        changed = True
    return "".join(pieces) if changed else None
