"""The siren's sound changed to a pattern is only the pattern (held-outs 24/25): "change the warning sound in the
yard to steady", "change the yard warning to a pulsing sound", "switch the alarm noise to wailing".

A change verb (change / switch / set / put / make) and the siren's noun (warning, alarm, siren, alert), place words
anywhere between, then "to / into" a pattern word (steady, pulse, wail and their synonyms): every "sound" / "noise"
in that span is the noun (read as "tone"), never the verb "sound the siren", so nothing switches it on.  "sound the
siren with the pulse pattern" has no change verb and stays active + pattern.  Pure; no threads, no locks.
"""

from __future__ import annotations

import re

from console.core.assistant.lexicon import ENUM_WORDS

_PATTERNS = ["steady", "pulse", "wail"] + [w for k in ("steady", "pulse", "wail") for w in ENUM_WORDS[k] if w.isascii()]
PATTERN_CHANGE = re.compile(
    r"(?<![a-z])(?:change|switch|set|put|make|turn)\s+(?:[^\s,;.]+\s+){0,6}?(?:warning|alarm|siren|alert)s?"
    r"(?:\s+[^\s,;.]+){0,5}?\s+(?:to|into)\s+(?:(?:a|an|the)\s+)?(?:" + "|".join(sorted(_PATTERNS, key=len, reverse=True))
    + r")(?![a-z])(?:\s+(?:sound|noise|tone))?")


def pattern_change(text: str) -> str:
    """The (normalised) ask with "sound" / "noise" inside a siren-pattern change read as the noun "tone"."""
    if "sound" not in text and "noise" not in text:
        return text
    return PATTERN_CHANGE.sub(lambda m: re.sub(r"(?<![a-z])(?:sound|noise)(?![a-z])", "tone", m.group(0)), text)
