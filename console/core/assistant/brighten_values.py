""""brighten up" beside a level is the level alone, like "brighten" (session 13, set 91; docs/ASSISTANT.md: a value
never implies power, the verb decides).

"brighten the office, all lights to 70" and "brighten the office lights to 70" set the lamps' level only, but "brighten
up the office, all lights to 70" (and "brighten up the office lights to 70%") also switched them on: "brighten up"
with no value is the lamps on ("brighten up the warehouse": power on, as the sets have it), and that reading was kept
beside the value.  Where the ask gives a number the lamps are set to ("to 70", "70 %"), "brighten up" says no more
than "brighten": it is read as "brighten", and the value says how bright.  Without a number nothing changes;
"light up the office" (a power phrase) is never touched.  English only.  Pure: regexes compiled at import.
"""

from __future__ import annotations

import re

_UP = re.compile(r"(?<![a-z])brighten\s+up(?![a-z])")
_VALUE = re.compile(r"(?<![a-z])to\s+\d+(?:\.\d+)?\s*(?:%|percent|per\s*cent)?(?![\d.])|\d+\s*(?:%|percent|per\s*cent)")


def brighten_rewrite(text: str) -> str | None:
    """``text`` (normalised) with "brighten up" read as "brighten" where it gives a level, or None."""
    if not text or "brighten" not in text or not _UP.search(text) or not _VALUE.search(text):
        return None
    return _UP.sub("brighten", text)
