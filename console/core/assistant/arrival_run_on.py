""""visitor's here let him in": a person's arrival run on into "let … in" with no pause (session 13, blind set 86).

Headset dictation drops the comma: "visitor's here let him in", "somebody's here let them in".  With the comma the
arrival is a clause of its own and "let him in" is the entrance lock's "let … in" (people.py: a person let in
unlocks), but run on, the whole ask was read as one clause and nothing was done.  :func:`pause_after_arrival` writes
the comma back, only where a person (people.PERSON, or someone / somebody) is said to be here / outside / at the door
/ waiting and "let <person> in" follows directly.  It adds no device, direction or value: "let … in" stays what it
was, and a negation ("don't let him in") is left for the screening.  Pure; compiled at import.
"""

from __future__ import annotations

import re

from console.core.assistant.people import PERSON

_WHO = rf"(?:{PERSON.pattern}|(?<![a-z])(?:someone|somebody|some\s+guy|some\s+people))"
_ARRIVED = (r"(?:'s|'re|\s+is|\s+are|\s+has|\s+have)\s+(?:just\s+)?(?:here|outside|arrived|at\s+the\s+(?:door|gate|front)|"
            r"waiting(?:\s+outside)?)")
_RUN_ON = re.compile(rf"(?P<arrival>{_WHO}{_ARRIVED})\s+(?=let\s+(?:him|her|them|me|us|[a-z]+)\s+in(?![a-z]))")


def pause_after_arrival(text: str) -> str:
    """``text`` (normalised) with a comma after a run-on arrival before "let … in"; unchanged when it has none."""
    if "let " not in text:
        return text
    return _RUN_ON.sub(r"\g<arrival>, ", text, count=1)
