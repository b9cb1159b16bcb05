"""Names of the AC said as what it does: "the office heating and cooling", "heating/cooling", "heating, ventilation
and air conditioning", "the air handling (unit)", "the air handler", 暖通 / 暖通空调 / 暖通系统 → the AC's kind word.

Held-out 20: "Put the office heating and cooling on auto." had been refused ("say what the ac should do"): the pair
was read as two modes (heat and cool), so no device had the "on auto" of the ask.  As a noun (after "the", "our",
"this" within three words, or at the head of a clause, and followed by what a device is followed by: on, to, at,
in, off, over, back, up, down, a clause end) the pair is rewritten to "ac" (暖通… to 空调) before the rules read it, so
"put X on <mode>" / "switch X to <mode>" set the mode only, as they do for "the office AC".  The pair under an
off/stop word is hvac_both.py's (it runs first: the AC off, no mode); "switch to heating and cooling" (after to /
into / in, no determiner) and one function alone ("put the heating on": held-out 13, the AC on in heat mode) are
left as they are.  Pure text, no imports from the package (phrases.py imports it); no threads, no locks.
"""

from __future__ import annotations

import re

_JOIN = r"\s*(?:and|&|/|\+)\s*"
_PAIR = (rf"(?:heating{_JOIN}(?:air[- ]?)?cooling|cooling{_JOIN}heating|heat{_JOIN}cool"
         r"|heating,?\s+ventilation,?\s+(?:and|&)\s+air[- ]?conditioning"
         r"|air[- ]?handling|air[- ]?handlers?)"
         r"(?:\s+(?:system|systems|unit|units|plant|equipment))?")
# a determiner within three words before (the place words between), or the head of a clause
_BEFORE = (r"(?:(?<![a-z])(?:the|our|my|this|that)\s+(?:(?!(?:and|or|to|into|in|on|off)(?![a-z]))[a-z'-]+\s+){0,2}"
           r"|(?:^|(?<=[,;:.!?])\s*)(?:(?!(?:and|or|to|into|in|on|off|switch|turn|put|set|stop|start)(?![a-z]))"
           r"[a-z'-]+\s+){0,2})")
_AFTER = (r"(?=\s*(?:$|[,;:.!?]|'s(?![a-z])|(?:on|to|at|in|off|over|back|up|down|going|running|please|now|setpoint|"
          r"temperature)(?![a-z])))")
_NOUN_EN = re.compile(rf"(?P<head>{_BEFORE})(?P<pair>{_PAIR}){_AFTER}")
_NOUN_ZH = re.compile(r"暖通(?:空调)?(?:系统|设备)?")


def climate_names(text: str) -> str:
    """``text`` (normalised: lower case) with a name of the AC said as what it does replaced by its kind word."""
    if "暖通" in text:
        text = _NOUN_ZH.sub("空调", text)
    if ("heat" in text and "cool" in text) or "air" in text:
        text = _NOUN_EN.sub(lambda m: f"{m.group('head')}ac", text)
    return text
