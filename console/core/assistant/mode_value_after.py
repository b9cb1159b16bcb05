"""A climate device's mode named after the word "mode": "AC mode fan" (session 13, set 91: terse handover asks).

"ok, AC mode fan" was refused as nothing to do, where "AC mode cool" and "AC fan mode" are read: after "mode" the word
"fan" was taken for the exhaust fan (a kind), so the ask named two devices and no change.  In a clause that names the
AC (fan_only._AC_NAMED: ac, a/c, aircon, air conditioner, hvac, climate), "mode fan", "mode: fan", "mode = fan only",
"mode to fan" say the AC's fan mode and are read as "fan mode".  Without an AC word in the clause nothing changes
("line A fan mode" stays what it was, "exhaust fan mode high" too).  English only (送风模式 has no such clash).  Pure
regular expressions compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re

from console.core.assistant.fan_only import _AC_NAMED

_MODE_FAN = re.compile(r"(?<![a-z])mode\s*(?:to\s+|=\s*|:\s*|->\s*)?fan(?:[\s-]+only)?(?![a-z])")
_CLAUSE = re.compile(r"[^,;.!?—–]+")


def mode_value_rewrite(text: str) -> str | None:
    """``text`` (normalised) with an AC clause's "mode fan" read as "fan mode", or None where it has none."""
    if not text or "mode" not in text or "fan" not in text:
        return None
    out = _CLAUSE.sub(lambda m: _MODE_FAN.sub("fan mode", m.group(0)) if _AC_NAMED.search(m.group(0)) else m.group(0),
                      text)
    return out if out != text else None
