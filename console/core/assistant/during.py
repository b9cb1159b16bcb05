"""While-asides (held-out 19): "… while we're at lunch", "while everyone is away, …", 我们吃饭的时候，…, 午休期间….

A clause saying what the people are doing meanwhile (at lunch, away, out, on a break, in a meeting) says why the ask
is made or during what, never a place, a device or a time to act: the ask means now ("Make sure nobody can get in
while we're at lunch" locks the entrance; "while, lunch" had been read as a device's name).  Only people as the
subject and only those absences: "while it's dark" (a condition on the world), "at lunch time lock the door" and
"at noon" (a time: a schedule), 午休时间 / 下班的时候 stay as they were, refused by the screening.  Pure functions
of the normalised text; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

_WHO = (r"(?:we|i|you|they|everyone|everybody|people|the\s+(?:team|crew|staff|workers|operators|shift|guys)"
        r"|all\s+of\s+us|we\s+all)")
_BE = r"(?:\s*'re|\s*'m|\s*'s|\s+are|\s+am|\s+is|\s+are\s+all|'re\s+all)?"
_ABSENT = (r"(?:at|on|having|taking|eating|grabbing|out\s+(?:at|for|to)|off\s+(?:at|for|to)|away\s+(?:at|for|on)|"
           r"gone\s+(?:for|to)|in)?\s*(?:(?:the|a|our|their)\s+)?"
           r"(?:lunch(?:\s*break)?|(?:coffee\s+|tea\s+|lunch\s+)?break|dinner|the\s+canteen|canteen|meeting|briefing)"
           r"|away|out|gone|off\s+site|offsite|eating|having\s+lunch|at\s+home|asleep|not\s+(?:here|around|in)")
_WHILE_EN = re.compile(rf"(?:^|\s*[,;]\s*|\s+)(?:while|whilst)\s+{_WHO}{_BE}\s+(?:{_ABSENT})(?=\s*(?:[,;.!]|$))")
_LEAD_EN = re.compile(r"^\s*[,;]\s*")

_WHO_ZH = r"(?:我们|咱们|大家|我|人|员工|工人)?(?:都|全)?(?:去|在|出去)?"
_ABSENT_ZH = r"(?:吃饭|吃午饭|吃中饭|吃晚饭|午休|午饭|休息|开会|外出|出去|不在)"
_WHILE_ZH = re.compile(rf"(?:^|(?<=[,，;；]))\s*(?:趁)?{_WHO_ZH}{_ABSENT_ZH}(?:的时候|期间|时)(?:[,，]\s*|(?=[把将给让]))"
                       rf"|[,，;；]\s*(?:趁)?{_WHO_ZH}{_ABSENT_ZH}(?:的时候|期间|时)\s*[。.!！]*\s*$")


def drop_while_away(text: str) -> str:
    """The (normalised, lower-case) ask without its "while we're at lunch" / 我们吃饭的时候 aside; the rest untouched.
    Nothing is dropped when nothing would be left."""
    if "whil" in text:  # while, whilst
        rest = _LEAD_EN.sub("", _WHILE_EN.sub("", text)).strip()
        if rest and rest != text and re.search(r"[a-z]", rest):
            text = rest
    if "时" in text or "期间" in text:
        rest = _WHILE_ZH.sub("", text).strip(" ,，")
        if rest and rest != text:
            text = rest
    return text
