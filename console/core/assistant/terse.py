"""Terse, polite and remark-laden forms of an ask, rewritten to the plain command (held-out 16's misses).

Applied by :func:`console.core.assistant.phrases.normalize` (lower case, NFKC already done):

- a letter before a line's kind word names the line: "kill the B belt" → "kill the line b belt", "b conveyor off",
  B传送带 → B线传送带 (a bare "a" is an article: only "the a belt" is read so);
- a passive polite request is the command: "the office AC can be turned on now, please" → "turn on the office
  AC now, please", "could the blinds be opened?" → "open the blinds?";
- a terse target state said with "now" (or "please", "immediately") is a command: "main door locked, now" →
  "lock main door now"; without it ("main door locked", "the door is locked") it stays a statement (refused);
- the whole plant / site / factory (全厂, 整个厂区) is every zone: the place words are dropped, so a kind word
  means every matching device of the fleet ("turn off all the lamps in the plant");
- a remark sentence after the ask ("… halfway? The light outside is lovely today.", "… please? Someone needs to
  clear a jam.") is no part of it: a sentence after ``.?!`` with a finite verb of its own ("is", "needs", "has"…)
  and no command verb, no way (on, off, open …), no number, no negation, condition or time is dropped when the
  rest still acts; so is a sentence that says what the speaker cannot do ("I can't read the screen": session 10).
  A verbless fragment ("Turn on the lamps. The office ones.") narrows the ask and stays.

Pure, Qt-free, no fleet; imports only direction.py and screening.py (below phrases.py); no threads, no locks (module tables and per-Assistant tables, read-only after build).
"""

from __future__ import annotations

import re

from console.core.assistant.direction import direction_of, lock_ways
from console.core.assistant.screening import SCHEDULE

# -- a letter before a line's kind word ---------------------------------------------------------------------------
_LINE_KIND = r"(?:conveyor\s+belt|conveyor|belt|motor|exhaust\s+fan|extractor\s+fan|fan|extraction|ventilation)"
_LETTER_THE = re.compile(r"(?<![a-z])(the\s+)([a-h])\s+(?=" + _LINE_KIND + r"s?(?![a-z]))")
_LETTER_BARE = re.compile(r"(?<![a-z'])(?<!line\s)(?<!zone\s)(?<!the\s)([b-h])\s+(?=" + _LINE_KIND + r"s?(?![a-z]))")
_LETTER_ZH = re.compile(r"(?<![a-z0-9线号])([a-h])(?=(?:传送带|输送带|皮带|排风扇|排风|风扇)(?![线]))")

# -- a passive polite request -------------------------------------------------------------------------------------
_PARTICIPLE = {"turned on": "turn on", "turned off": "turn off", "switched on": "switch on",
               "switched off": "switch off", "powered on": "power on", "powered off": "power off",
               "shut off": "shut off", "shut down": "shut down", "turned down": "turn down", "turned up": "turn up",
               "opened": "open", "closed": "close", "locked": "lock", "unlocked": "unlock", "started": "start",
               "stopped": "stop", "shut": "shut"}
_PART = r"(?:(?:turned|switched|powered)\s+(?:on|off|up|down)|shut\s+(?:off|down)|opened|closed|unlocked|locked|" \
        r"started|stopped|shut)"
_MODAL = r"(?:can|could|may|might|should|would)"
_SUBJECT = r"((?:(?!(?:is|are|was|were|be|been|not|never|if|when|unless|once|after|before)(?![a-z]))[a-z0-9/'-]+\s+){1,7}?)"
_PASSIVE = re.compile(r"(?:^|(?<=[,;:.?!]\s)|(?<=[,;:.?!]))\s*(?:the\s+)?" + _SUBJECT + _MODAL
                      + r"\s+(?:now\s+|please\s+|also\s+)?be\s+(" + _PART + r")(?![a-z])")
# the question form asks a favour only with can / could / would / will ("could the blinds be opened?"); "should the
# valve be closed?" asks whether to (session 8: it had closed the valve): a question, left to the rules to refuse
_PASSIVE_Q = re.compile(r"(?:^|(?<=[,;:.?!]\s)|(?<=[,;:.?!]))\s*(?:can|could|would|will)\s+(?:the\s+)?" + _SUBJECT
                        + r"(?:now\s+|please\s+|also\s+)?be\s+(" + _PART + r")(?![a-z])")

# -- a terse target state + now -----------------------------------------------------------------------------------
_STATE = {"locked": "lock", "unlocked": "unlock", "closed": "close", "shut": "close", "opened": "open",
          "open": "open", "stopped": "stop", "running": "start", "started": "start", "off": "turn off",
          "on": "turn on"}
_NOW = r"(?:now|right\s+now|immediately|at\s+once|right\s+away|please)"
_TERSE = re.compile(r"^(?:the\s+)?" + _SUBJECT + r"(locked|unlocked|closed|shut|opened|open|stopped|running|started)"
                    r"\s*[,;:]?\s*(" + _NOW + r"(?:\s*[,;:]?\s*" + _NOW + r")?)\s*[.!]*$")

# -- the whole plant is every zone ------------------------------------------------------------------------------
_PLANT = re.compile(r"\s*(?<![a-z])(?:in|across|throughout|around|at|on|of|for)\s+(?:the|this|our)\s+"
                    r"(?:whole\s+|entire\s+)?(?:plant|site|factory|facility|works)(?![a-z])"
                    r"|(?<![a-z])(?:the\s+)?(?:whole|entire)\s+(?:plant|site|factory|facility)'?s?(?![a-z])\s*")
_PLANT_ZH = re.compile(r"(?:全厂区?|整个厂区?|整个工厂|全工厂|厂区内?所有|全场)(?:范围内|里|内)?(?:的)?")

# -- a remark sentence after the ask ---------------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[a-z])")
_FINITE = re.compile(r"(?<![a-z])(?:is|are|was|were|needs?|has|have|had|looks?|seems?|feels?|gets?|got|"
                     r"comes?|wants?)(?![a-z])|(?<=[a-z])'s(?![a-z])")
_COMMAND = re.compile(r"(?<![a-z])(?:turn|switch|power|set|put|open|close|shut|lock|unlock|secure|start|stop|run|"
                      r"halt|raise|lower|dim|cut|sound|activate|deactivate|kill|make|keep|leave|let|bring|get|"
                      r"please|also|and|then|too|as\s+well|could\s+you|can\s+you|would\s+you|will\s+you)(?![a-z])")
_KEEP = re.compile(r"(?<![a-z])(?:not|no|never|don'?t|doesn'?t|isn'?t|aren'?t|except|but|only|unless|if|when|whenever|"
                   r"once|after|before|until|till|while|should|must|shall|will|'ll|want|wants|need\s+(?:the|it|them))"
                   r"(?![a-z])|\d")


# -- a purpose clause at the end ("… fully so the line can warm up") ---------------------------------------------------
_PURPOSE = re.compile(r"(?:\s*[,;]\s*|\s+[-—–]+\s+|\s+)((?:so\s+that|so)\s+(?:[a-z'-]+\s+){1,5}?"
                      r"(?:can|could|will|would|may|might|is\s+able\s+to|are\s+able\s+to|gets?\s+to)\s+[^,;.!?]+"
                      r"|(?:in\s+order|so\s+as)\s+to\s+[^,;.!?]+)[.!]*$")
_PURPOSE_KEEP = re.compile(r"(?<![a-z])(?:if|unless|when|whenever|once|until|till|not|never|no)(?![a-z])|n't|\d")
# -- a relative description of what heats or cools ("whatever cools or heats the office"): the AC, as
# "stop heating" is (hvac_both); never every device of the place named after it
_CLIMATE_VERB = r"(?:cools?|heats?|warms?|chills?|air[- ]?conditions?|climate[- ]controls?)"
_WHATEVER_CLIMATE = re.compile(r"(?<![a-z])(?:whatever|whichever\s+(?:device|thing|unit)|anything\s+that|"
                               r"(?:the\s+)?(?:thing|device|unit|stuff)s?\s+that|what)\s+"
                               + _CLIMATE_VERB + r"(?:\s+(?:or|and|/)\s+" + _CLIMATE_VERB + r")?(?![a-z])")


def drop_purpose(text: str) -> str:
    """The ask without a purpose clause at its end ("… so the line can warm up", "… in order to dry the floor"):
    it explains, it adds no device and no way; kept when it holds a condition, negation or number."""
    m = _PURPOSE.search(text)
    if m is None or _PURPOSE_KEEP.search(m.group(1)) or SCHEDULE.search(m.group(1)):
        return text
    rest = text[:m.start()].strip(" ,;")
    return rest if rest and _acts(rest) else text


def _passive(m: re.Match) -> str:
    verb = _PARTICIPLE[re.sub(r"\s+", " ", m.group(2))]
    return f"{verb} the {m.group(1).strip()} "


def _terse(m: re.Match) -> str:
    return f"{_STATE[m.group(2)]} the {m.group(1).strip()} {m.group(3)}"


# what the speaker cannot do, the reason for the ask (session 10): "… the blinds? I can't read the screen.", "we can't
# hear a thing" (its "can't" negates no command)
_CANT = re.compile(r"^(?:(?:and|so|because|cause|cuz)\s+)?(?:i|we)\s+(?:can'?t|cannot|can\s+not|couldn'?t)\s+"
                   r"(?:read|see|hear|work|concentrate|think|focus|breathe)(?![a-z])(?:\s+[a-z']+){0,5}$")


def _remark(sentence: str) -> bool:
    s = sentence.strip(" .!?")
    if s and _CANT.match(s) and not direction_of(s) and not lock_ways(s) and SCHEDULE.search(s) is None:
        return True
    return bool(s) and _FINITE.search(s) is not None and _COMMAND.search(s) is None and _KEEP.search(s) is None \
        and not direction_of(s) and not lock_ways(s) and SCHEDULE.search(s) is None


def _acts(text: str) -> bool:
    return bool(direction_of(text) or lock_ways(text) or _COMMAND.search(text))


def drop_remarks(text: str) -> str:
    """The ask without remark sentences after it ("… halfway? The light outside is lovely today.")."""
    parts = _SENTENCE_END.split(text)
    if len(parts) < 2:
        return text
    kept = [parts[0]] + [p for p in parts[1:] if not _remark(p)]
    if len(kept) == len(parts):
        return text
    out = " ".join(kept).strip()
    return out if out and _acts(out) else text


def rewrite_terse(text: str) -> str:
    """``text`` (normalised: lower case) with the forms of the module docstring rewritten."""
    t = text
    if re.search(r"[\u3400-\u9fff]", t):
        if re.search(r"[a-h]", t):
            t = _LETTER_ZH.sub(r"\1线", t)
        if "厂" in t or "全场" in t:
            t = _PLANT_ZH.sub("所有", t)
        return t
    t = _LETTER_THE.sub(r"\1line \2 ", t)
    t = _LETTER_BARE.sub(r"line \1 ", t)
    if " be " in t:
        t = _PASSIVE_Q.sub(_passive, t)
        t = _PASSIVE.sub(_passive, t)
    t = _TERSE.sub(_terse, t)
    t = _PLANT.sub(" ", t)
    t = drop_remarks(t)
    if " so " in t or " order to" in t or " as to" in t:
        t = drop_purpose(t)
    t = _WHATEVER_CLIMATE.sub("the ac", t)
    return re.sub(r"\s+", " ", t).strip()
