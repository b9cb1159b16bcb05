""""at the end of line A": a part of a place is that place (session 12, blind set 80).

"boxes are piling up at the end of line A, pause it" was refused for a device or place called 'end': the end (start,
far end, middle, head, tail, front, back) of a line or zone is somewhere in that zone, and the ask is about the
zone's devices as if it had said "at line A".  The class: "(the) (far / other / very) <part> of <a zone the fleet
has>" is written as the zone alone.  Only where a zone of the fleet follows "of": "the end of the shift", "the
start of the day", "the back of the office" when the fleet has no such zone keep their words (a time stays a
schedule, refused; an unknown place stays unknown).  English only.

Pure: reads with the assistant's vocabulary; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.reader import read

_PART = re.compile(r"(?<![a-z])(?:the\s+)?(?:(?:far|other|very|back|front)\s+)?(?:end|start|beginning|middle|head|tail|"
                   r"front|back|far\s+side|near\s+side|other\s+side|top|bottom)\s+of\s+(?=(?P<rest>[a-z0-9 ]{1,30}))")


def place_part_rewrite(asst: Any, text: str) -> str | None:
    """``text`` with "the end of <zone>" written "<zone>", else None."""
    if " of " not in (text or ""):
        return None
    out, pos = [], 0
    for m in _PART.finditer(text):
        mentions = read(m.group("rest"), asst.rules.vocab).mentions
        if not any(mn.kind == "zone" and mn.start == 0 for mn in mentions):
            continue
        out.append(text[pos:m.start()])
        pos = m.end()
    return "".join(out) + text[pos:] if out else None
