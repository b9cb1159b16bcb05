"""Second-language English idioms of a multinational floor, said in the words the rules read (session 13, blind set 89).

Operators whose first language is not English say an ask in words a native speaker would not, and the rules had
refused them: "make the floodlight out" / "make it out" (British and Indian English "put the light out": off),
"put off the exhaust fan" (Indian / Nigerian English: switch off — never "put on"), "make the blinds down",
"set the conveyor speed on 100" / "make it run on 55" (the value said with "on"), "more cool" (cooler),
"45 rpm, not more faster" (an intensified "no faster": the cap restates the value just said, it negates nothing that
is asked) and a trailing remark "…, is enough now" / "…, emergency!" (why, no part of the ask).  Session 14 (set 97,
Taiwanese colleagues): "conveyor A and B speed both 100" (速度都100's word order) is "speed to 100".
:func:`nonnative_rewrite` says each in plain words ("turn the floodlight off", "turn off the exhaust fan",
"put the blinds down", "speed to 100", "run at 55", "cooler") and drops the restating cap and the remark; it gives
None where none applies, so the ask is read as before.

Never a way the ask does not say: "put off" and "make … out" become "off" only, never "on"; a "not more faster"
is dropped only right after a number it restates and only at the end of the ask ("don't go faster", "not faster
than conveyor B", "not more faster, 45" keep their old meaning and stay refused); the remarks are dropped only after
a comma that ends a command, never alone ("enough!" stays what it was).  English only; regexes compiled at import,
one pass each.  Pure.
"""

from __future__ import annotations

import re

_DET = r"(?:the|this|that|these|those|all\s+the|both|it|them)"
# "make the floodlight out", "make it out": off ("make it out of here" / "make out the number" are no switch)
_MAKE_OUT = re.compile(rf"(?<![a-z'])make\s+(?P<obj>{_DET}(?:\s+[a-z0-9-]+){{0,5}}?)\s+out(?![a-z'])(?!\s+of\b)")
# "put off the exhaust fan": switch off (the object named right after; "put it off till tomorrow" is no such form)
_PUT_OFF = re.compile(rf"(?<![a-z'])put\s+off\s+(?={_DET}\s)")
# "make the blinds down" / "make it up": the way particle's put
_MAKE_WAY = re.compile(rf"(?<![a-z'])make\s+(?P<obj>{_DET}(?:\s+[a-z0-9-]+){{0,4}}?)\s+(?P<way>down|up)(?![a-z'])")
# "speed on 100", "run on 55", "set … on 22": the value's "to" / "at" (never a time or a duration)
_NOT_TIME = r"(?!\s*(?:o'?clock|am\b|pm\b|h\b|hrs?\b|hours?\b|min|minutes?\b|secs?\b|seconds?\b|[:.]\d))"
_ON_VALUE = re.compile(rf"(?<![a-z'])(?P<head>speed|rate|run|running)\s+on\s+(?P<n>\d+(?:\.\d+)?){_NOT_TIME}")
# "more cool" / "more fast": the comparative
_MORE = {"cool": "cooler", "cold": "colder", "warm": "warmer", "hot": "hotter", "fast": "faster", "slow": "slower",
         "bright": "brighter", "dark": "darker", "dim": "dimmer", "quiet": "quieter", "high": "higher", "low": "lower"}
_MORE_ADJ = re.compile(r"(?<![a-z'])more\s+(?P<adj>" + "|".join(_MORE) + r")(?![a-z'])")
# "45 rpm, not more faster": a cap that restates the number just said, at the very end
_CAP = re.compile(r"(?P<num>\d+(?:\.\d+)?\s*(?:%|°c?|rpm|percent|degrees?|c)?)\s*[,;]\s*(?:but\s+)?not\s+(?:any\s+)?"
                  r"(?:more\s+)?(?:faster|quicker|higher|hotter|warmer|colder|cooler|brighter|stronger)"
                  r"(?:\s+(?:please|pls|ok|okay))?\s*[.!]*$")
# "…, is enough now", "…, emergency!": a remark after a command, at the very end
_REMARK = re.compile(r"(?<=\S)\s*,\s*(?:(?:it|this|that)\s+)?(?:is|'s|s)\s+enough(?:\s+now)?(?:\s+(?:please|pls))?\s*[.!]*$"
                     r"|(?<=\S)\s*,\s*(?:(?:it\s+)?is\s+|it's\s+)?(?:an\s+)?(?:emergency|urgent)(?:\s+now)?\s*[.!]*$")
# "conveyor A and B speed both 100" (Chinese word order, 速度都100: set 97): "both" between the setting and its value
_BOTH_VALUE = re.compile(rf"(?<![a-z'])(?P<head>speed|flow|level|position|setpoint|brightness|rate)\s+(?:both|all)\s+"
                         rf"(?:(?:at|to)\s+)?(?P<n>\d+(?:\.\d+)?){_NOT_TIME}")
_HINT = re.compile(r"make|put\s+off|\son\s+\d|more\s|not\s|enough|emergency|urgent|both\s+\d|all\s+\d")


def nonnative_rewrite(text: str) -> str | None:
    """``text`` (normalised English) with the idioms above said plainly, or None where none applies."""
    if not text or not _HINT.search(text) or re.search(r"[\u4e00-\u9fff]", text):
        return None
    out = _MAKE_OUT.sub(lambda m: f"turn {m.group('obj')} off", text)
    out = _PUT_OFF.sub("turn off ", out)
    out = _MAKE_WAY.sub(lambda m: f"put {m.group('obj')} {m.group('way')}", out)
    out = _ON_VALUE.sub(lambda m: f"{m.group('head')} {'to' if m.group('head') in ('speed', 'rate') else 'at'} "
                                  f"{m.group('n')}", out)
    out = _BOTH_VALUE.sub(lambda m: f"{m.group('head')} to {m.group('n')}", out)
    out = _MORE_ADJ.sub(lambda m: _MORE[m.group("adj")], out)
    if not re.search(r"(?<![a-z'])(?:don't|dont|do\s+not|never|no)(?![a-z'])", out):
        out = _CAP.sub(lambda m: m.group("num"), out)
    out = _REMARK.sub("", out)
    return out if out != text and out.strip() else None
