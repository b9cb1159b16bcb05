"""How a machine is running is its state, never a start and never a room's feeling (session 13, set 91, a harm).

"get the cooling water circulating again, B is running hot" also switched the office AC on: "B" names nothing the
reader knows, so the clause was read as the room's "hot" (the AC's feeling) and "running" as a start.  "start the
cooling pump, conveyor B is running hot" started conveyor B; "stop the cooling pump, B is running cold" switched the
AC on.  "<subject> is / are / 's / was running <how>" (also "runs", "has been running", and a bare "<subject> running
<how>" after a clause boundary) says how that thing is going — hot, warm, cold, rough, low, dry, fast, slow, late —
and is no command: the words "running" (and its copula) are taken out, so "B is running hot" reads as "B is hot", a
state like "line B is hot" that a head command's reason checks already drop (trailing_symptoms.py) and that alone
proposes nothing for a device the subject is not.

Where such a clause names a device of the fleet and the ask has another clause ("start the cooling pump, conveyor B
is running hot"), the whole ask is refused: the report is about a device, and whether it asks for something of that
device is not said (never a start of it).  "keep the pump running", "get it running", "running at 40", "run the fan
hot"? — no subject before "running" or a verb of making it run ("keep", "get", "leave", "have", "set") leave the ask as
it was.  English only (Chinese says 跑得很热 / 温度高, no such verb).  Pure: regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

_HOW = (r"(?:(?:a\s+(?:bit|little|touch)|bit|too|really|very|quite|way|pretty|kinda|super|so|a\s+lot)\s+)*"
        r"(?:hot|hotter|warm|warmer|cold|colder|cool|cooler|rough|rougher|dry|low|lean|rich|fast|faster|slow|slower|"
        r"late|behind|loud|noisy|hard|heavy|light|empty|ragged|erratic|unstable|weird|funny|odd|strange|"
        r"over\s*temp|overtemp)(?![a-z])")
# "<subject> is running hot", "<subject>'s been running warm", "<subject> runs hot"
_STATE = re.compile(r"(?<=[a-z0-9])(?P<cop>\s*'s\s+been|\s*'s|\s+(?:is|are|was|were|has\s+been|have\s+been|keeps|kept|"
                    r"seems\s+to\s+be|seem\s+to\s+be))?\s+(?:running|runs)\s+(?P<how>" + _HOW + ")")
# a clause boundary (the subject starts after it)
_CUT = re.compile(r"[,;:.!?]\s*|\s+[-—–]+\s+|\s*[—–]+\s*")
# a verb of making it run: "keep the pump running hot" asks for it
_MAKE = re.compile(r"(?<![a-z])(?:keep|keeps|kept|get|leave|have|set|let|make|start|run|want|need|like)(?![a-z])")
_PRONOUN_ONLY = re.compile(r"^(?:and\s+|but\s+|so\s+|cause\s+|because\s+|since\s+|as\s+)?(?:the\s+)?$")

REFUSAL_EN = ("That says how a device is running, not what to do with it: nothing was proposed, so that no part is "
              "done without the rest. Say what should happen to it.")
REFUSAL_ZH = "这说的是设备运行得怎么样，不是要对它做什么：为免只做一部分，没有给出任何指令。请说明要对它做什么。"


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for m in (*_CUT.finditer(text), None):
        b = m.start() if m is not None else len(text)
        if text[at:b].strip():
            spans.append((at, b))
        at = m.end() if m is not None else at
    return spans


def running_state_rewrite(asst: Any, text: str) -> str | None:
    """``text`` (normalised) with its "<subject> is running <how>" clauses read as "<subject> is <how>"; "" where such
    a clause names a device and the ask has another clause (refused, module doc); None where it has none."""
    if not text or "run" not in text or re.search(r"[\u4e00-\u9fff]", text):
        return None
    spans = _clauses(text)
    out, last, named = [], 0, False
    for a, b in spans:
        clause = text[a:b]
        m = _STATE.search(clause)
        if m is None:
            continue
        subject = clause[:m.start()]
        if not subject.strip() or _PRONOUN_ONLY.match(subject.strip()) or _MAKE.search(subject):
            continue
        cop = (m.group("cop") or "").strip()
        cop = "is" if not cop or cop in ("keeps", "kept") or cop.startswith("seem") or "been" in cop else cop
        cop = " is" if cop == "'s" else f" {cop}"
        out.append(text[last:a + m.start()] + cop + " " + m.group("how"))
        last = a + m.end()
        if len(spans) > 1 and asst._devices_named(clause):
            named = True
    if not out:
        return None
    if named:
        return ""
    return "".join(out) + text[last:]
