"""The top of a range said outright runs the device at it (docs/ASSISTANT.md, Conventions: "max/full/最大 on a device
with a switch also switches it on").

Session 9 (harms found blind): "crank the coolant pump all the way up" and "full coolant flow" set the flow to 50 L/min
on a pump that may be stopped (the value alone, a pump left off), and 冷却水全速循环 was refused.  The words that say
the top of the range outright, besides "max", "full blast", "full speed", "flat out", 最大, 全速 (the held-out-5
round's), are now also "all the way up" and "full <what it moves>" ("full coolant flow", "full flow", "full
extraction", "full ventilation", "full circulation", "full throttle").  ``AT_MAX`` is the test that
``Assistant._at_max_runs`` (layers.py) applies: a command putting a setting at its maximum on a device with a switch
also switches it on, never under an off or down word.  Session 11b: a set verb before the top ("set the extraction
to max", 冷却水流量调到最大, "bring the ceiling lamp to full") runs it too, as the conventions table says and as most
blind writers expected (31 of 37 such asks in the dev set and held-outs 1-71, /tmp/full_convention.txt).  全速 / 满速 / 全力 are also the rules' word for the top (lexicon ``VALUE_WORDS``):
冷却水全速循环 is the pump at its top flow, running.  Pure data.
"""

from __future__ import annotations

import re

# what a device moves or does, after "full": the amount of it is the top of the range ("full coolant flow")
_FULL_OF = r"(?:flow|extraction|ventilation|circulation|throttle|speed|power|blast)"
AT_MAX = re.compile(r"(?<![a-z])(?:max|maximum|full\s+blast|full\s+speed|full\s+power|flat\s+out|top\s+speed"
                    r"|all\s+the\s+way\s+up|full\s+(?:[a-z]+\s+){0,2}?" + _FULL_OF + r")(?![a-z])"
                    # session 11b: "full brightness" runs it wherever it stands, and so does a bare "full" after
                    # to / at / on ("ceiling lamp to full", "bring the lamp to full", "coolant at full"); never
                    # "full of fumes" (not after to/at/on) nor "a full house"
                    r"|(?<![a-z])full\s+brightness(?![a-z])"
                    r"|(?<![a-z])(?:to|at|on)\s+(?:the\s+)?full(?![a-z])(?!\s+(?:of|house)(?![a-z]))"
                    r"|最大|最高|全速|满速|满负荷|全力|拉满")
