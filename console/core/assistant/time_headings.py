"""A time of day as a heading names the situation now (held-out 24): "End of shift: lights off everywhere, lock the
building.", "Closing time: …", "Lunch break: …", "Home time — …" is the list after it, carried out now.

The same words inside the sentence say *when* ("at the end of the shift, lights off", "lights off at closing time",
"lock up end of shift"): a schedule, refused by screening.SCHEDULE (times_of_day.py).  Only the whole heading before
a colon (or a dash), with nothing but the time of day in it (an "it's" or a "now" at most, never "at", "by",
"after", "before", "until", "come", "on", "for"), is read this way; layers._headed reads the rest as the ask, as it
reads a purpose heading (headings.py).  Pure regular expression; no threads, no locks.
"""

from __future__ import annotations

import re

_TIME = (r"(?:end\s+of\s+(?:the\s+)?(?:shift|day|work\s*day|working\s+day|business\s+day|business|week)|"
         r"(?:closing|quitting|knocking[\s-]*off|home|lunch|break|dinner|clocking[\s-]*off)\s*-?\s*time|"
         r"lunch(?:\s+(?:break|hour))?|(?:tea|coffee)\s+break|break|close\s+of\s+business|"
         r"shift\s+(?:change|over|end)|change\s+of\s+shift|shift'?s?\s+(?:done|over)|(?:we're|we\s+are)\s+closing)")
HEADING = re.compile(r"^\s*(?P<head>(?:(?:ok|okay|right|alright|so)[\s,]+)?(?:(?:it's|it\s+is|its)\s+)?(?:the\s+)?"
                     + _TIME + r"(?:\s+(?:now|already|again|folks|everyone|team|guys|people))?[\s!.]*?)"
                     # session 11: a comma after the heading too, before an imperative of its own ("end of shift,
                     # turn off everything on line A"); a terse rest ("End of shift, lights off.") stays a schedule
                     r"\s*(?:[:：]|\s[-—–]+|[,，]\s*(?=(?:please\s+|pls\s+)?(?:turn|switch|shut|close|stop|halt|lock|"
                     r"kill|cut|power|put|set|dim|lower|raise|open|start|run|sound|silence)(?![a-z])))"
                     r"\s*(?P<rest>\S.*)$", re.S)


def time_heading(text: str) -> tuple[str, str] | None:
    """(heading, list) for "end of shift: lights off everywhere, lock the building" (normalised text), else None."""
    m = HEADING.match(text or "")
    if m is None:
        return None
    return m.group("head").strip(), m.group("rest").strip()
