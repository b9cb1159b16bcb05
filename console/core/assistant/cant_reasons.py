"""A trailing reason clause about people or the world with can't / cannot / couldn't (session 8, set 34 line 21):
"slow the line a conveyor down to 45 rpm, the packers can't keep up" had been refused as a negation (the "can't" of
why, not of what).  :func:`drop_cant_reason` drops such a clause when it comes after a comma / semicolon / dash
(optionally "because" / "since" / "as"), its subject is not the assistant ("you") and it names no device and no
command or state verb.  "can't you stop the conveyor?", "I can't have the lamp on", "…, the lamp can't be on",
"…, the pump can't keep up" (a device) and "…, we can't let it run" stay as they were (wishes.py, the negation
guard).  The Chinese forms (跟不上, 受不了) already read as reasons.  Pure function, regexes compiled at import."""

from __future__ import annotations

import re

_CLAUSE = re.compile(r"\s*(?:[,;]|\s-+|—)\s*(?:(?:because|since|as|cause|'cause)\s+)?"
                     r"(?P<who>(?:[a-z']+\s+){0,3}?[a-z']+)\s+(?:can't|can not|cannot|couldn't|could not)\s+"
                     r"(?P<rest>[a-z' ]{1,40}?)\s*[.!]*\s*$")
# a command or state verb, a device word, a value or a negation inside the clause: not a plain reason
_NOT_REASON = re.compile(r"(?<![a-z])(?:you|your|it|its|that|this|these|those|have|has|leave|let|get|allow|afford|"
                         r"want|need|be|been|turn|switch|stop|start|open|close|shut|lock|unlock|set|run|power|raise|"
                         r"lower|dim|sound|on|off|any\w*|lamps?|lights?|doors?|blinds?|valves?|conveyors?|belts?|"
                         r"pumps?|fans?|ac|hvac|heat\w*|siren|alarm|sprinklers?|gates?|shutters?|windows?|lines?|"
                         r"machines?|devices?|motors?|coolant|steam|air|not|never|no)(?![a-z])")


def drop_cant_reason(text: str) -> str:
    """``text`` (normalised, lower case, English) without a trailing can't-reason about people or the world."""
    if "n't" not in text and "not" not in text:
        return text
    m = _CLAUSE.search(text)
    if m is None or not text[:m.start()].strip(" ,;"):
        return text
    if _NOT_REASON.search(m.group("who")) or _NOT_REASON.search(m.group("rest")):
        return text
    return text[:m.start()]
