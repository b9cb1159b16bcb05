"""Where a report came from, before the report (session 10): "phone says cooling pump tripped, start it again pls",
"the panel shows the steam valve stuck, close it", "HMI says line A jammed - stop conveyor a".

The source words ("phone says", "the app is showing", "SCADA reported that") had been read as a place or device the
fleet lacks ("No device or place called 'says'").  They only say how the speaker knows what the report says: at the
very start of the ask, before a report clause that a clause boundary ends and a command clause follows, they are
dropped and the rest is read as any report-then-command ask ("cooling pump tripped, start it again": the report's
device is the "it").  Never in the middle of an ask, never when nothing follows the report ("phone says the pump
tripped" stays what it was), and the source noun must be one of a screen, device or alert of the speaker's (phone,
app, panel, screen, display, dashboard, HMI, SCADA, system, monitor, tablet, alarm, alert, log), never a person ("the
boss says": who_asked.py).  Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

_SOURCE = re.compile(
    r"^(?:(?:so|ok|okay|hey|uh|um)[\s,]+)?(?:(?:my|the|our|your)\s+)?(?:phone|app|panel|control\s+panel|screen|display|"
    r"dashboard|hmi|scada|system|monitor|tablet|alarm\s+panel|alarm|alert|notification|log|readout)\s+"
    r"(?:says|said|shows|showed|is\s+showing|was\s+showing|reports|reported|is\s+saying|flagged|flags)"
    r"(?:\s+that)?\s+(?=[\"'“‘]?[a-z])")  # 'the alarm says "pump tripped", …' (session 12)
_BOUNDARY = re.compile(r"[,;!?]|\.\s|\s[-—–]+\s|[—–]")


def drop_report_source(text: str) -> str:
    """``text`` (normalised) without a leading report source ("phone says "); the same string when it has none or no
    clause follows the report."""
    m = _SOURCE.match(text)
    if m is None or not _BOUNDARY.search(text, m.end()):
        return text
    return text[m.end():]
