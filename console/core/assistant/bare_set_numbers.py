"""A bare number after "set" or after an AC mode word, at the end of its clause, is the value to set (session 11c,
blind set 73): "pls on the AC, set 25", "AC on, cool 24, and run the exhaust fan on low".

The number had been a loose one ("What does 25 refer to? … or say 'to 25'"): with nothing after it but a clause
boundary (or please / thanks), "set 25" is "set to 25" and "cool 24" / "heat 20" is "cool to 24" — exactly the
wording that refusal asks for; the rest of the pipeline then reads the device's own value (the AC's setpoint) and
checks its range as for any "to N".  Never a number with a unit or a time after it ("set 5 minutes", "set 8 pm"),
never after anything but "set" / a mode word, never in Chinese.  Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

_BARE = re.compile(r"(?<![a-z])(?P<verb>set|cool|heat|cooling|heating)\s+(?P<n>\d{1,3}(?:\.\d)?)"
                   r"(?=\s*(?:(?:please|pls|thanks|thank\s+you)\s*)?(?:[,;.!]|\s+and(?![a-z])|\s*$))")


def bare_set_rewrite(text: str) -> str | None:
    """``text`` (normalised) with "set 25" / "cool 24" read as "set to 25" / "cool to 24"; None when it has none."""
    if not text or not text.isascii() or not _BARE.search(text):
        return None
    return _BARE.sub(lambda m: f"{m.group('verb')} to {m.group('n')}", text)
