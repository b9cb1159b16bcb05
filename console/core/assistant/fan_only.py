"""The AC's fan-only mode named by what it does, beside a negated heating/cooling: "I'd like the office air to just
move around, no heating and no cooling please", "just circulate the air in the office, neither heating nor cooling",
办公室空调不制冷也不制热，只让空气流通 → the AC's mode fan (session 8; the ask had been "fan or AC?": "air" is also what
an exhaust fan moves).

Only where the ask also negates a climate mode (no / not / without / neither heating or cooling, 不制冷 / 不要制热 …):
that negation says the air is the AC's, and that moving it is all the AC should do.  The phrase that says so (the
air moves / circulates / blows around, "just circulate", 只吹风, 让空气流通 / 循环) is rewritten to "fan mode"
(送风模式); "the air" as the subject with no AC named ("the office air to just move around") becomes "the ac to fan
mode", which the rules read as the AC of that place.  negated_modes.py, after this, drops the negated clause as a
restatement of the mode chosen.  Without a negated mode nothing changes ("circulate the air on line a", "air out the
office" stay the exhaust fan's or are refused); a negated mode with no such phrase stays a refused negation, never
the AC off.  Applied by ``phrases.normalize`` (lower case, NFKC done).  Pure regular expressions; nothing here knows
the fleet; no threads, no locks.
"""

from __future__ import annotations

import re

_NEGATED_MODE = re.compile(r"(?<![a-z])(?:no|not|without|neither|nor|don'?t\s+(?:need|want))\s+(?:any\s+)?"
                           r"(?:heat|heating|cool|cooling)(?![a-z])"
                           r"|(?:不要|不用|不需要|不必|无需|别|不)(?:再)?(?:开|用|要)?(?:制冷|制热|冷气|暖气|冷风|暖风|加热|供暖|供冷)")
_AC_NAMED = re.compile(r"(?<![a-z])(?:ac|a/c|air[- ]?con|aircon|air[- ]?conditioner|air[- ]?conditioning|hvac|"
                       r"climate)(?![a-z])")
_HOW = r"(?:just\s+|only\s+|simply\s+)?"
_MOVES = r"(?:move|moves|moving|circulate|circulates|circulating|blow|blows|blowing|flow|flows|flowing)"
_AROUND = r"(?:\s+(?:around|about|round))?"
# "the office air to just move around", "air just circulating": the air as the subject
_AIR_MOVES = re.compile(rf"(?<![a-z])air\s+(?:to\s+|should\s+|can\s+|must\s+|will\s+)?{_HOW}{_MOVES}{_AROUND}(?![a-z])")
# "just move the air around", "circulate the air", "just circulate", "only blowing"
_MOVE_AIR = re.compile(rf"(?<![a-z]){_HOW}{_MOVES}\s+(?:the\s+)?air{_AROUND}(?![a-z])"
                       rf"|(?<![a-z])(?:just|only|simply)\s+(?:circulate|circulating|blow|blowing)(?:\s+air)?{_AROUND}"
                       r"(?![a-z])")
_AIR_ZH = re.compile(r"(?:只|就|仅)?(?:是|要)?(?:吹吹?风|让?空气(?:流通|循环|流动)(?:一下|起来)?|循环空气)(?:就行|就好|就可以|即可)?")


def fan_only(text: str) -> str:
    """``text`` (normalised) with the phrase that names fan-only mode by what it does as "fan mode", where the ask
    negates heating or cooling; else unchanged."""
    if not _NEGATED_MODE.search(text):
        return text
    if re.search(r"[\u3400-\u9fff]", text):
        return _AIR_ZH.sub("送风模式", text, count=1)
    m = _AIR_MOVES.search(text)
    if m is not None:
        ac = "fan mode" if _AC_NAMED.search(text) else "ac to fan mode"
        return f"{text[:m.start()]}{ac}{text[m.end():]}"
    return _MOVE_AIR.sub("fan mode", text, count=1)
