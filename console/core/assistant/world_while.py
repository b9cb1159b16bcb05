"""A state of the world as the time to act: "while it's dark", "whilst it's raining", 天黑时, 下雨时, 天热期间 (a condition).

"keep the lights on while it's dark" had switched every lamp on now, 下雨时把窗帘拉上 had closed the blinds now:
"while" + the weather, the light or the heat says *as long as* something holds, a condition, so it is one more
alternative of the condition guard in ``screening.py`` and is refused like "when it gets dark" and 天黑的时候.  Not
these (kept "now"): the people's absence ("while we're at lunch", 我们吃饭的时候: during.py), "while you're at it",
and 趁 ("趁天还亮把窗帘拉开": while it still is, i.e. now).  Pure regular expression; no threads, no locks, nothing
here knows the fleet.
"""

from __future__ import annotations

import re

_STATE_EN = (r"(?:dark|light|bright|sunny|hot|warm|cold|chilly|cool|humid|raining|rainy|snowing|windy|stormy|"
             r"night|day|daytime|nighttime|night\s*-?\s*time|evening|foggy|cloudy|out|up|down|shining|setting|rising|"
             r"getting\s+\w+|still\s+\w+)")
_STATE_ZH = (r"(?:天(?:还)?(?:黑|亮|热|冷|暗|晴|凉)|下(?:雨|雪)|刮风|起风|打雷|降温|升温|出太阳|太阳(?:大|晒|出来)|"
             r"(?:太|很|比较|特别)?(?:热|冷|暗|闷))")

WHILE_WORLD = re.compile(
    r"(?<![a-z])(?:while|whilst)\s+(?:(?:it\s*(?:'s|is|stays|remains|keeps|gets|was)|there\s*(?:'s|is)|"
    r"the\s+(?:weather|sun|sky|outside)\s*(?:'s|is)?|outside\s*(?:'s|is)?|its)\s+(?:still\s+|so\s+|too\s+|very\s+)?"
    + _STATE_EN
    + r"|" + _STATE_EN + r")(?![a-z])"
    r"|(?<!趁)(?<!趁着)(?<!趁现在)" + _STATE_ZH + r"了?(?:的)?(?:时|期间|那会儿?)(?!候)")
