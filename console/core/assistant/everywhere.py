"""Production everywhere (held-out 19): "pause production everywhere", "halt production across the site", 各条产线停产.

A production word with "everywhere" / "across the plant, site, factory" / "plant-wide" / "throughout the plant" /
"on all lines" / 各条产线 means every line, as "all production" and 所有产线 already do: the place word is rewritten
into "all" before the production word.  Only next to production / output (never "lights off everywhere", which
the rules already read, nor "stop everything everywhere").  Pure functions of the normalised text; no threads, no
locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

_WIDE = (r"(?:everywhere|across\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:plant|site|factory|board|floor|lines)"
         r"|plant\s*-?\s*wide|site\s*-?\s*wide|factory\s*-?\s*wide"
         r"|throughout\s+(?:the\s+)?(?:whole\s+|entire\s+)?(?:plant|site|factory)"
         r"|on\s+(?:all\s+(?:the\s+)?|every\s+)(?:production\s+)?lines?|in\s+every\s+(?:line|zone|area))")
_PRODUCTION_EN = re.compile(rf"(?<![a-z])(?:the\s+)?(production|output)\s+{_WIDE}(?![a-z])")
_EACH_LINE_ZH = re.compile(r"各条产线|各条生产线|各条线|各产线|各生产线|每条产线|每条生产线")
_PRODUCES_ZH = re.compile(r"生产|停产|复产|开工|停工")


def production_everywhere(text: str) -> str:
    """The (normalised, lower-case) ask with "production everywhere" read as "all production"; else unchanged."""
    if "production" in text or "output" in text:
        text = _PRODUCTION_EN.sub(lambda m: f"all {m.group(1)}", text)
    if "各" in text or "每条" in text:
        if _PRODUCES_ZH.search(text):
            text = _EACH_LINE_ZH.sub("所有产线", text)
    return text
