"""Times of day named by what happens then: 午休时间, 午饭时间, 下班时间, "at lunchtime", "end of shift" (a schedule).

午休时间把门锁上 / "at lunchtime lock the door" had locked the door at once: a time named by the lunch break, the
end of the shift or closing says *when* to act, as a clock time does, so it is one more alternative of
``screening.SCHEDULE`` and is refused like the other schedules, before or after the command and whatever layer
read the rest.  Not these (kept "now", as during.py and asides.py read them): the people's absence ("while we're at
lunch", "the team is at lunch", 我们吃饭的时候, 午休期间, 趁大家午休时) and a state said of now ("the shift is over",
下班了).  Pure regular expression; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

# what happens at that time of day (Chinese): 午休 / 午饭 / 下班 … + (的)时间 / 时分 / 前 / 后 (下班了 is "now")
_WHEN_ZH = r"(?:午休|午睡|午饭|午餐|中饭|中午饭|晚饭|晚餐|早饭|早餐|吃饭|用餐|下班|上班|收工|开工|放工|交班|换班|打烊|关门|睡觉)"
# a time word after which "at" or a be-verb says that time, not a state: "at lunch" (never "we're at lunch")
_NOT_STATE = "".join(rf"(?<!{w} at )" for w in ("'re", "'s", "'m", " is", " are", " am", " be", " all", " still",
                                                  " out", " was", " were", " been"))

TIME_OF_DAY = re.compile(
    _WHEN_ZH + r"(?:的)?(?:时间|时分|时段|那会儿?)|" + _WHEN_ZH + r"(?:以前|之前|前|以后|之后|后)(?![面边方台门])"
    r"|(?<![a-z])(?:lunch\s*-?\s*time|lunch\s+hour|lunch\s+break\s+time|dinner\s*-?\s*time|supper\s*-?\s*time|"
    r"breakfast\s*-?\s*time|bed\s*-?\s*time|closing\s+time|quitting\s+time|knocking\s*-?\s*off\s+time|home\s+time|"
    r"midday|mid-day|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:shift|day|work\s*day|business|the\s+day)|"
    r"close\s+of\s+business|"
    r"shift\s+change|change\s+of\s+shift|"
    # "during lunch", "during the night": when, not who is away ("while we're at lunch" is during.py's "now")
    r"during\s+(?:the\s+)?(?:lunch(?:\s+(?:break|hour))?|dinner|breakfast|night|day|daytime|evening|morning|afternoon|"
    r"(?:night|day|morning|evening|late)\s+shift))(?![a-z])"
    r"|(?<=(?<![a-z])at )" + _NOT_STATE + r"(?:lunch|dinner|breakfast)(?![a-z])")
