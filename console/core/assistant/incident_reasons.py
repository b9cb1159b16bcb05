"""A reason said beside a complete command during an incident (session 9, an operators' blind set).

Operators explain while they ask: "AC to 19, people are about to faint in here", "conveyor A to 110, we gotta clear
the backlog before shift change", "floodlight and siren on, there's someone in the yard who shouldn't be", "siren off.
false alarm, sorry guys", "heat wave, office is at 35, get it to 20".  The reason's unknown words ("faint", "backlog"),
its time phrase ("before shift change": when the backlog is due, not when to act), its negation ("who shouldn't be")
or an apology ("sorry" after a complete ask: no self-correction) refused the whole ask.

Where the ask as said is refused with no command, its clauses (split at , ; . ! ? and dashes) are sorted: a REASON
clause is one of
- a situation: a subject of one to three words, then a finite verb or auxiliary ("people are …", "we still need a bit",
  "QC wants to check the cartons", "smoke alarm's screaming", "it's dark with the blinds down"; "its dark" is "it's");
- an event noun phrase: "heat wave (again)", "false alarm", "delivery at the door mid shift change", "overcorrected";
- a negated degree of how it feels: "it's not that hot", "it isn't so cold in here" (session 10: no negated command);
- an apology: "sorry", "sorry guys" (only where no clause after it commands anything: "X, sorry, Y" stays a
  correction, corrections.py);
and it must say no way (on, off, open …), start with no verb, hold no negation but inside a relative clause ("who
shouldn't be"), no number but a reading ("office is at 35"), no time phrase unless it has its own subject and no
pronoun or word that ties it to the command ("we need it done before 6", "…, by 6" stay refused), and read alone it
proposes nothing.  The other clauses are read alone by the whole pipeline (every screen: a command's own schedule,
condition or negation stays refused) and must give a proposal; it is gated on those words, and the direction
checks of the whole ask (a feeling against the command: "turn off the AC, it's boiling") must pass.  A reading of a place
("office is at 35") makes a bare "it" of the command that place's temperature.

English only (the Chinese reasons have their own rules: negated_reasons.py, lead_reasons.py).  Pure: the Assistant is
duck-typed (``understand``, ``_gate``, ``_relabel``); no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.direction import direction_of
from console.core.assistant.phrases import normalize
from console.core.assistant.screening import SCHEDULE

_SEP = re.compile(r"\s*(?:\.{2,}|[,;!?]|\.(?=\s|$)|—|–|\s-+\s)\s*")
_LEAD = r"(?:(?:and|so|because|cause|cuz|since|as|uh|um|oh|well|ok|okay|alright|right)\s+)*"
_AUX = (r"(?:is|are|was|were|am|want|wants|need|needs|has|have|had|gotta|gonna|got|can|can't|cant|could|will|would|"
        r"still|keeps|just|really|already|seem|seems)")
_SUBJ = r"(?:[a-z][a-z0-9]*\s+){1,3}?"
_SITUATION = re.compile(
    rf"^{_LEAD}(?:{_SUBJ}{_AUX}(?![a-z'])|[a-z][a-z0-9]*(?:\s+[a-z][a-z0-9]*){{0,2}}'(?:s|re|m)(?![a-z])"
    r"|its\s+(?:dark|cold|hot|freezing|boiling|roasting|stuffy|pitch|so|too|really|way|getting))")
_EVENT = re.compile(rf"^{_LEAD}(?:(?:a|the|another|this)\s+)?(?:heat\s*wave|cold\s+snap|false\s+alarm|delivery|"
                    r"over-?corrected|overshot|my\s+bad|"
                    # session 10b: what is going on, a noun phrase: "…, shift change", "ok trial run, …", "we need to
                    # evacuate" (normalised to "evacuate": the alert beside it is the command), "yard drill"
                    r"shift\s+change(?:over)?|change\s+of\s+shift|(?:trial|test|dry|practice)\s+run|"
                    r"evacuat(?:e|ion|ing)(?:\s+(?:now|the\s+site|the\s+building|everyone))?$)(?![a-z])")
_SHIFT = re.compile(rf"^{_LEAD}(?:it's\s+|its\s+)?(?:a\s+|the\s+)?(?:shift\s+change(?:over)?|change\s+of\s+shift)$")
# session 10b: nobody is there, a reason to switch off and no negated command: "AC off pls, nobody's in there",
# "…, nobody's in the office", "no one's here anymore" (not "there's nobody in the yard": session 9 keeps it no reason)
_EMPTY = re.compile(rf"^{_LEAD}(?:nobody|no\s*-?\s*one|no\s+body)(?:'s|\s+is|\s+left)?"
                    r"(?:\s+(?:in|at|around|inside|on))?(?:\s+(?:there|here|the\s+[a-z]+(?:\s+[a-z])?|[a-z]+))?"
                    r"(?:\s+(?:anymore|any\s+more|now|today|tonight))?$")
# session 10b: a device that goes on by itself, a report and no negated command: "that wailing in the yard won't stop"
# (the subject is kept: what "it" of the command is), "the siren keeps going"
_WONT_STOP = re.compile(rf"^{_LEAD}(?P<what>(?:the|that|this)\s+[a-z]+(?:\s+[a-z]+){{0,4}}?)\s+(?:won'?t|wont|will\s+not|"
                        r"doesn'?t|does\s+not|just\s+won'?t|still\s+won'?t)\s+(?:stop|quit|shut\s+up|go\s+off|"
                        r"turn\s+off|switch\s+off|stop\s+[a-z]+ing)(?:\s+(?:now|again))?$")
# session 10b: people waiting to come in ("…, the delivery guys are outside", "…, he's at the entrance"): a bare "open
# up" beside it lets them in (open_door.py: a door opened for someone who arrived is unlocked; "open up" is the idiom)
_ARRIVED = re.compile(rf"^{_LEAD}(?:the\s+|our\s+|some\s+)?(?:[a-z]+\s+){{0,2}}?(?:guys?|people|men|crew|courier|driver|"
                      r"drivers|visitors?|delivery|he|she|they|someone|somebody)(?:'s|'re|\s+is|\s+are)\s+(?:here|outside|"
                      r"at\s+the\s+(?:door|entrance|gate|front)|waiting(?:\s+outside)?)$")
_OPEN_UP = re.compile(r"^(?:(?:please|pls|can\s+you|could\s+you)\s+)?open\s+up(?:\s+(?:please|pls|for\s+them))?$")
# "…, it's pulling too much heat off the sealer": "off" after a verb of taking is a preposition, no way
_OFF_PREP = re.compile(r"(?<![a-z])(?:pull|pulling|pulls|take|taking|takes|draw|drawing|draws|suck|sucking|sucks|"
                       r"blow|blowing|blows|steal|stealing|steals)\s+(?:too\s+much\s+|so\s+much\s+|all\s+the\s+|"
                       r"the\s+)?(?:heat|air|warmth|steam|smoke)\s+(?=off\s+(?:the|my|our)\s)")
_SORRY = re.compile(rf"^{_LEAD}sorry(?:\s+(?:guys|folks|all|everyone|team|people|about\s+that))?$")
# a subject that is the command's own device or the one asking to act: "it's to be …", "you …"
_BAD_SUBJ = re.compile(r"^(?:(?:and|so|because|cause|cuz|since|as|uh|um|oh|well)\s+)*(?:(?:you|i)(?![a-z])|(?:it\s+(?:is|"
                       r"has|was|will|needs?)|this|that|they)(?![a-z']))")
_VERB_START = re.compile(rf"^{_LEAD}(?:please\s+|pls\s+)?(?:turn|switch|power|set|put|open|close|shut|lock|unlock|"
                         r"start|stop|run|halt|raise|lower|dim|cut|sound|activate|kill|leave|keep|make|let|get|give|"
                         r"bring|crank|freeze|pulse|warn|light|don'?t|do|never|not|no|"
                         # a condition or a time of the command: "once the office is empty", "while it's dark"
                         r"once|when|whenever|while|if|unless|until|till|after|before|as\s+soon\s+as|in\s+case|"
                         r"then|otherwise|or)(?![a-z])")
_NEG = re.compile(r"n't|(?<![a-z])(?:not|never|no|nobody|nothing|dont|cant|wont)(?![a-z])")
_RELATIVE_NEG = re.compile(r"(?<![a-z])(?:who|that|which)\s+(?:[a-z]+\s+)?(?:shouldn'?t|isn'?t|aren'?t|can'?t|"
                           r"mustn'?t|doesn'?t|don'?t)(?:\s+[a-z]+){0,3}$")
# a negated degree of how it feels, no negated command: "it's not that hot", "it isn't so cold in here" (session 10)
_NOT_THAT = re.compile(rf"^{_LEAD}(?:it|it's|its|it\s+is|it\s+isn't|it's\s+not|it\s+is\s+not|its\s+not|the\s+[a-z]+"
                       r"(?:\s+is|'s)?(?:\s+not|n't)?)\s*(?:not\s+)?(?:really\s+)?(?:that|so|too|very|all\s+that)\s+"
                       r"(?:hot|warm|cold|chilly|cool|dark|bright|sunny|stuffy|noisy|loud|bad|humid)"
                       r"(?:\s+(?:in\s+here|out\s+there|today|anymore|any\s+more))?$")
_READING = re.compile(r"(?<![a-z])(?:is|are|'s)\s+(?:now\s+|already\s+|like\s+)?(?:at\s+|reading\s+)?(?P<n>\d+(?:\.\d+)?)"
                      r"(?:\s*(?:degrees|deg|°c?|c))?$")
_NUMBER = re.compile(r"\d|(?<![a-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                     r"half|quarter|noon|midnight|hour|hours|minute|minutes|mins?|o'?clock|am|pm)(?![a-z])")
_TIME = re.compile(r"(?<![a-z])(?:before|after|until|till|by|at|during|mid|when|once|tonight|tomorrow|today|morning|"
                   r"evening|later|soon|shift)(?![a-z])")
_DAY = re.compile(r"(?<![a-z])(?:tonight|tomorrow|today|morning|afternoon|evening|later|soon|weekend|monday|tuesday|"
                  r"wednesday|thursday|friday|saturday|sunday)(?![a-z])")
_COND = re.compile(r"(?<![a-z])(?:if|unless|when|whenever|once|while|in\s+case)(?![a-z])")
_TIES = re.compile(r"(?<![a-z])(?:it|them|this|that|done|ready|finished|set|on|off|open|closed|shut|running|"
                   r"stopped|locked|unlocked|to\s+be)(?![a-z])")
_PLACE_READING = re.compile(r"^(?:(?:and|so|uh|um|oh|well)\s+)*(?:the\s+)?(?P<place>[a-z]+)\s+(?:is|'s)\s+")
_IT = re.compile(r"(?<![a-z])it(?![a-z'])")
# a reason with nothing to keep, and a situation's own time phrase ("… mid shift change", "… after the leak")
_NOISE = re.compile(rf"^{_LEAD}(?:over-?corrected|overshot|my\s+bad)(?![a-z])")
_UNTIMED = re.compile(r"\s+(?:mid|during|before|after)\s+[a-z ]+$")
_UNKNOWN = re.compile(r"(?:this fleet has no|no device|there is no)", re.I)
_CUE = re.compile(r"[,;.!?—–]|\s-+\s")


def _reason(clause: str, zones: Any) -> bool:
    """A clause that says why or how things are, never what to do (module docstring); ``zones`` gives the fleet's
    places a text names (a reading is of a place: "the delivery is at 6" is a time)."""
    if _EMPTY.match(clause) or _WONT_STOP.match(clause) or _SHIFT.match(clause):
        return not _NUMBER.search(clause) and not _DAY.search(clause) and not _COND.search(clause)
    if _VERB_START.match(clause) or direction_of(_OFF_PREP.sub("", clause).replace(" off the ", " from the ")
                                                 if _OFF_PREP.search(clause) else clause):
        return False
    event = _EVENT.match(clause) is not None or _NOT_THAT.match(clause) is not None
    if not event and (_SITUATION.match(clause) is None or _BAD_SUBJ.match(clause)):
        return False
    if _NEG.search(clause) and not _RELATIVE_NEG.search(clause) and not _NOT_THAT.match(clause):
        return False
    m = _READING.search(clause)
    m = m if m is not None and zones(clause[:m.start()]) else None
    said = clause[:m.start("n")] if m else clause
    if _NUMBER.search(said):
        return False
    if SCHEDULE.search(_UNTIMED.sub("", said)) or _DAY.search(said) or _COND.search(said):  # "…, maintenance needs to swap the belt tomorrow": a schedule
        return False
    if _TIME.search(said):  # "before shift change", "after the leak": an event, no clock or day
        return not _TIES.search(said)
    return True


def _place_of_reading(clause: str) -> str | None:
    m = _READING.search(clause)
    p = _PLACE_READING.match(clause) if m else None
    return p.group("place") if p else None


def _kept(clause: str) -> str:
    """A reason clause as kept for the commands' pronouns: its time phrase out, a "won't stop" report its subject."""
    m = _WONT_STOP.match(clause)
    return m.group("what") if m is not None else _UNTIMED.sub("", clause)


def carried_about(asst: Any, reasons: list[str]) -> set[str]:
    return {d for c in reasons for d in asst._refers(c)}


def _placed(asst: Any, asks: list[str], reasons: list[str]) -> str | None:
    """session 10b: the commands with the reasons' one place word put after them ("close the blinds, people can see
    right into the office" → "close the blinds in the office"; "yard test's done, silence that thing" → "… in the
    yard"): the place bounds the commands (the caller keeps only commands on its devices); None without one place."""
    found: list[str] = []
    for c in reasons:
        words = re.findall(r"[a-z][a-z0-9]*", c)
        for n in (2, 1):
            hits = [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)
                    if asst._refers(" ".join(words[i:i + n])) and not _NEG.search(" ".join(words[i:i + n]))]
            if hits:
                found += hits[:1]
                break
    if len(set(found)) != 1 or not asks:
        return None
    return f"{', '.join(asks)} in the {found[0]}"


def reasons_dropped(asst: Any, utterance: str, said: Any) -> Any:
    """``said`` unless it is refused with no command and the ask is complete commands plus reason clauses: then the
    proposal of the commands alone (gated on their words), labelled with the whole ask."""
    if said.commands or said.refusal is None or len(utterance or "") > 300 or _UNKNOWN.match(said.refusal.reason):
        return said  # a place or device the fleet lacks stays refused as such
    text = normalize(utterance or "")
    if not _CUE.search(text) or re.search(r"[\u4e00-\u9fff]", text):
        return said
    clauses = [c.strip() for c in _SEP.split(text) if c and c.strip()]
    if len(clauses) < 2:
        return said
    kind = []
    for c in clauses:
        kind.append("sorry" if _SORRY.match(c) else "reason" if _reason(c, asst._zones_named) else "ask")
    for i, k in enumerate(kind):  # an apology: only where nothing after it asks for anything
        if k == "sorry" and any(x == "ask" for x in kind[i + 1:]):
            return said
    if any(_ARRIVED.match(c) for c, k in zip(clauses, kind) if k == "reason"):
        clauses = ["let them in" if k == "ask" and _OPEN_UP.match(c) else c for c, k in zip(clauses, kind)]
    asks = [c for c, k in zip(clauses, kind) if k == "ask"]
    reasons = [c for c, k in zip(clauses, kind) if k == "reason"]
    if not asks or len(asks) == len(clauses):
        return said
    for c in reasons:  # a reason read alone proposes nothing, and names no device ("the steam valve is stuck")
        if asst._devices_named(c) or asst.understand(c).commands:
            return said
    # first the situations kept, their time phrase taken out ("delivery at the door — let them in": who "them" is);
    # then every reason dropped
    kept = [_kept(c) if k == "reason" and not _NOISE.match(c) else c if k == "ask" else ""
            for c, k in zip(clauses, kind)]
    tries = [", ".join(c for c in kept if c)] if any(k == "reason" and not _NOISE.match(c)
                                                   for c, k in zip(clauses, kind)) else []
    rest = ", ".join(asks)
    places = {p for p in (_place_of_reading(c) for c in reasons) if p}
    if len(places) == 1 and _IT.search(rest):  # "office is at 35, get it to 20": the office's temperature
        rest = _IT.sub(f"the {next(iter(places))} temperature", rest, count=1)
    whole = ", ".join(clauses)
    if any(asst._zones_named(c) and not _place_of_reading(c) for c in reasons) and not asst._devices_named(rest):
        rest = ""  # "line b is full of fumes, clear the air": the place is the reason's, never dropped
    carried = _placed(asst, asks, reasons) if rest == "" or not asst._devices_named(rest) else None
    for words in [w for w in tries + [rest] + [carried] if w and w != whole and len(w) < len(whole)]:  # always shorter
        prop = asst.understand(words)
        if not prop.ok or not prop.commands:
            continue
        if words is carried and any(c.device_id not in carried_about(asst, reasons) for c in prop.commands):
            continue  # the reason's place bounds the commands
        out = asst._gate(words, prop)
        # the whole ask's checks too: a feeling against the command ("turn off the AC, it's boiling") stays refused
        if out.ok and asst.direction_problem(utterance, out) is None:
            return replace(asst._relabel(utterance, out, out.layer), timing_ms=prop.timing_ms)
    return said
