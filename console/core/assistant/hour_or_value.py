"""A clause that ends with a bare "at N" (N from 1 to 12) after a verb: a time as likely as a value (session 7).

"open the office blinds at 6 and turn on the office ceiling light" had set the blinds to 6 and the ceiling lamp to
level 6: the clause "open the office blinds at 6" is refused by the guard (screening.py: "'at 6' could be a time or a
value"), but the whole reading covered it and lent its 6 to the other clause's lamp.  Such a clause refuses the whole
ask with its own question (time or value? say the unit), as the same words closing an ask alone do; "at 6 %",
"at 60", "to 6" stay values, "at 6 pm", "at six", "at 6:00" stay schedules (refused by the guard on the whole ask).

Pure and Qt-free; no thread, no lock.
"""

from __future__ import annotations

import re

from console.core.assistant.screening import SCHEDULE


def bare_at_hour(clause: str) -> str | None:
    """"at 6" when the (normalised) clause ends with a bare "at N" that may be a clock hour, else None."""
    m = SCHEDULE.search(clause or "")
    if m is None or not m.group(0).strip().startswith("at") or clause[m.end():].strip(" .!"):
        return None
    return re.match(r"at\s+\d+", m.group(0).strip()).group(0)  # type: ignore[union-attr]  ("at 6", not "at 6 please")
