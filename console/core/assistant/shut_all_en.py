""""Shut everything" / "shut it all" on a place is "switch everything there off", as "shut down everything" and
"turn off everything" are (session 11b, blind set 68).

The class: "shut everything on line B" closed the steam valve and left the conveyor and the pump running: "shut"
with a device is "close" (shut the valve) or "off", and with "everything" the rules took the close reading, which
only a valve has.  Said of everything in a place, "shut" means the place shut down: its switchable devices off
("shut down everything" already reads so).  Read as "shut down everything" when "everything" / "it all" / "all of it"
(or a bare "all" before a place or the end) follows "shut" directly; never "shut all the valves" (a kind named: the
close reading), never "shut everything down/off" (already read).  Pure, regex compiled at import.
"""

from __future__ import annotations

import re

_SHUT_ALL = re.compile(
    r"(?<![a-z])shut\s+(?:everything|it\s+all|all\s+of\s+it|all(?=\s*(?:$|[,.;!]|(?:on|in|at|across)\s)))"
    r"(?!\s+(?:down|off|up|out)(?![a-z]))")


def shut_all(text: str) -> str:
    """The (normalised) text with "shut everything" read as "shut down everything" (module docstring)."""
    if "shut" not in text:
        return text
    return _SHUT_ALL.sub("shut down everything", text)
