"""Parts of the day said the way people talk: "this arvo", "tonite", "this eve", "come morning", "at sunset",
"after dark", "in the small hours", "sometime today", "every morning", "nightly", 午后, 黄昏, 早晨, 夜间, 天黑以后,
下周, 周末, 月底 — each says *when* to act (a schedule), never "now".

Held-out 29: "Sound the yard siren this arvo for the drill." sounded the siren at once: ``screening.SCHEDULE`` knew
"this afternoon" but not the Australian "arvo".  ``DAY_PART`` is one more alternative of ``screening.SCHEDULE``, so
the rules refuse these asks and every layer's gate refuses them again, before or after the command.

Not these (kept "now"): a state said of now ("it's dark in the warehouse", "in the dark", 天黑了, 天亮了), a greeting
("morning, lights on please"), the lamp numbered one ("the first light" — only "at/by/before first light" is dawn),
daylight as a thing ("let the daylight in"), "today" alone ("it's empty today").  Pure regular expression; nothing
here knows the fleet; no threads, no locks.
"""

from __future__ import annotations

import re

_PART = r"(?:morning|afternoon|arvo|evening|eve|night|nightfall|midday|noon|lunch|lunchtime|dawn|dusk|daybreak)"
_LIGHT = (r"(?:daybreak|sunrise|sun-?up|sunset|sun-?down|nightfall|first\s+light|daylight|twilight|dusk|dawn|dark|"
          r"darkness|last\s+light)")

DAY_PART = re.compile(
    # "arvo" (afternoon) anywhere: "this arvo", "s'arvo", "in the arvo", "tomorrow arvo"; "this avo"
    r"(?<![a-z])(?:s'|'s)?arvos?(?![a-z])|(?<![a-z])this\s+(?:avo|eve|p\.?m\.?|a\.?m\.?)(?![a-z])"
    r"|(?<![a-z])(?:tonite|2nite|2night|tonight's|2moro|2morrow|tomoz|tomorra|tomorow|tommorow|tommorrow)(?![a-z])"
    # "come morning", "by evening", "until the afternoon", "before nightfall"
    r"|(?<![a-z])(?:come|by|until|till|til|before)\s+(?:the\s+)?" + _PART + r"(?![a-z])"
    # "at sunset", "after dark", "before first light", "by daybreak"
    r"|(?<![a-z])(?:at|by|before|after|around|until|till|til|from|come|towards?)\s+(?:the\s+)?" + _LIGHT + r"(?![a-z])"
    r"|(?<![a-z])(?:daybreak|nightfall|sundown|sunup|small\s+hours|wee\s+hours)(?![a-z])"
    r"|(?<![a-z])(?:out\s+of|outside(?:\s+of)?)\s+(?:business\s+|working\s+|office\s+|opening\s+)?hours(?![a-z])"
    r"|(?<![a-z])(?:some\s*time|at\s+some\s+point|by\s+(?:the\s+end\s+of\s+)?|before\s+the\s+end\s+of\s+)\s*today(?![a-z])"
    r"|(?<![a-z])(?:today|tomorrow)\s+at(?![a-z])"
    r"|(?<![a-z])(?:every|each)\s+(?:single\s+)?(?:morning|afternoon|arvo|evening|night|day|hour|shift|weekday|week|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
    r"|(?<![a-z])(?:nightly|hourly|weekly|weekdays|weeknights|mornings|evenings|afternoons)(?![a-z])"
    r"|(?<![a-z])mid-?\s?(?:morning|afternoon|evening)(?![a-z])|(?<![a-z])tea\s*-?\s*time(?![a-z])"
    # Chinese: 午后, 黄昏, 早晨, 清晨, 夜间, 夜晚, 深夜, 晚间, 明儿, 下周, 周末, 月底 …; 天黑/天亮 only as a time
    # (天黑以后, 天亮前), never the state 天黑了
    r"|午后|黄昏|早晨|清晨|拂晓|黎明|夜间|夜晚|深夜|晚间|入夜|明儿|今儿晚|今儿个晚|大后天|下周|下星期|下礼拜|礼拜[一二三四五六日天]"
    r"|下个?月|月底|月初|周末|年底|过两天|改日|晚些(?:时候)?"
    r"|(?:天黑|天亮|日落|日出|太阳下山|太阳落山|太阳出来|天一黑|天一亮)(?:以后|之后|后|以前|之前|前|时|的时候)")
