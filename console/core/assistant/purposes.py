"""Time-span purposes (held-out 17): "lock up for the night", "for the weekend", "for today", "for the day".

They say why the ask is made, not when it runs: no schedule, no place, no device. Pure functions, no threads, no
locks. A clock time or a day word beside them ("tonight at 10", "for the night at 9pm") stays a schedule: only the
span words themselves are dropped, so the schedule screening still sees any time that is left.
"""

from __future__ import annotations

import re

# "for the night", "for the weekend", "for today", "for the day", "for now" (never "for tonight": that is a day word)
# ("for the night shift", "for the day crew": people, trailing_asides.py; never "for the … shift" with "the night" cut)
TIME_PURPOSE = re.compile(r"(?<![a-z])for\s+(?:the\s+(?:night|weekend|day|evening|shift)|today)(?![a-z])"
                          r"(?!\s+(?:shift|crew|team|staff|workers?|guards?|cleaners?)(?![a-z]))")


def drop_time_purpose(text: str) -> str:
    """The (normalised, lower-case) ask without its time-span purposes; everything else untouched."""
    if "for " not in text:
        return text
    return re.sub(r"\s+", " ", TIME_PURPOSE.sub(" ", text)).strip(" ,")
