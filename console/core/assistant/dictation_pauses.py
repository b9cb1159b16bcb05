"""Voice dictation, the vocabulary-aware half: a pause the transcript did not write, a name split in two (session 12,
blind set 78; the fleet-free half is dictation.py).

A speech-to-text transcript has no punctuation, so a remark and the command after it run together: "visitors here
let him in", "the rattling thing on line a speed it up to ninety", "okay were done in the warehouse lights out",
"make it cooler in the office cool mode twenty", "the packages on line one need to go faster a hundred and ten".
Each was refused (nothing to do, a report, a relative change) although the same words with the pause written as a
comma read at once.  And a recogniser splits a long word it is unsure of: "start con veyor a" had been refused
for a device 'veyor'.

Only an ask refused with no command for a reason a missing pause explains (nothing to do, a device word not known,
a relative change, a report, "what does 110 refer to?"; never a schedule, a negation or a part not understood), only
English with no punctuation, no joining word (and, then, but, …) and no negation, condition or time word is read
again (refused_rereads.py):

- **a split name**: two adjacent words whose join is a word the fleet's names use (a device or kind name) while one
  of the two is no word the vocabulary knows ("con veyor" → "conveyor"; "air con" stays, both are known);
- **a clipped name** (session 12, blind set 82): a word the vocabulary does not know that is exactly one word of the
  fleet's names with its last letter lost, right after a word that with it names a device ("the desk lam to eighty"
  → "desk lamp"); only where one such word fits;
- **a missing pause**: a comma is tried at each word boundary whose right side says a change on its own (a verb,
  a value, a setting word) or is a bare number after a comparative ("… faster 110"), whose left side has two words
  or more and is a remark (no verb, value or setting, not even "let"; no device or kind named, a place may be),
  does not end in a word that waits for more (the, a, to, on, in, at, of, and, …) nor cut a place's name or a
  lettered name ("line a", "conveyor b"); a right side that goes on the left's sentence ("… is shut", "… and b")
  is no command.  The reading is taken only where every boundary that reads agrees on the same commands, all in
  the places the ask names (if it names any); different readings, a device elsewhere, or none, keep the refusal.

Each reread is a whole ask again (every screen, the gate, the direction check on the ask as said: rereads.py).
Pure; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.dictation import comparative_end
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import AMBIGUOUS, NOTHING_ACTIONABLE, UNKNOWN_DEVICE, UNSUPPORTED
from console.core.assistant.reader import read
from console.core.assistant.rereads import reread_as, refused_outright

_KINDS = (NOTHING_ACTIONABLE, UNSUPPORTED, UNKNOWN_DEVICE, AMBIGUOUS)
_PUNCT = re.compile(r"[,;:.!?\"'()\[\]\-—–…/\\\n]|[\u3000-\u303f\uff00-\uffef]")
_CJK = re.compile(r"[\u3400-\u9fff]")
# words that keep an ask refused whatever the pause: negation, condition, time, delay, a question
_NEVER = re.compile(r"(?<![a-z])(?:not|no|never|nobody|nothing|don'?t|dont|doesn'?t|didn'?t|won'?t|wont|can'?t|cant|"
                    r"cannot|isn'?t|aren'?t|shouldn'?t|without|if|when|whenever|unless|until|till|after|before|once|"
                    r"later|tomorrow|tonight|morning|evening|minutes?|mins?|hours?|seconds?|secs?|o'?clock|am|pm|"
                    r"wait|schedule|every|why|what|how|whether|or|maybe|should\s+i|already|still|shift|closing|"
                    r"opening|midnight|noon|dawn|dusk|sunrise|sunset|weekend|lunch|first\s+light|end\s+of|start\s+of|"
                    r"soon|then|and(?<!hundred\sand)|but|plus|also|too)(?![a-z])|^at\s")
# a left side with a verb of its own is no remark ("let the staff in and …": never a part dropped)
_VERB = re.compile(r"(?<![a-z])(?:let|open|close|shut|lock|unlock|start|stop|run|turn|switch|set|put|keep|leave|get|"
                   r"make|bring|raise|lower|dim|kill|cut|sound|pause|resume|restart|activate|deactivate|enable|disable|"
                   r"vent|secure|silence|crank|bump|drop|increase|decrease|reduce|boost|cool|heat|warm|light|fire|"
                   r"power|shut|flip|hit|give|take|send|move|slow|speed|ramp|dial)(?![a-z])")
# the refusals a missing pause explains: nothing to do, an unknown word, a relative change, a report, a unit question
_WHY = re.compile(r"^(?:Relative changes|What does |Which device\?|Nothing to do)|says how a device is, not what")
# a left side ending in one of these waits for more: no pause there
_OPEN_END = re.compile(r"(?<![a-z])(?:the|a|an|to|on|in|at|of|and|by|for|from|with|my|our|this|that|is|are|it|its|"
                       r"up|down|go|be|need|needs|want|wants|like|please|can|could|would|will|you|we|i|so|too|very)$")
_BARE = re.compile(r"(?:like\s+)?\d+(?:\.\d+)?")  # "… need to go faster 110": the comparative's target (dictation.py)
# a right side that goes on the left's sentence ("the valve is shut", "the fan is really low"): no pause there
_NOT_A_START = re.compile(r"(?:is|are|was|were|'s|be|been|being|has|have|had|seems?|looks?|feels?|still|really|very|"
                          r"too|so|and|or|but|nor|either|both|a|b|c|d|one|two|three)(?![a-z])")
_MAX_WORDS = 16
_MAX_TRIES = 8


def _joined(asst: Any, text: str) -> str | None:
    """The ask with a name split in two joined ("start con veyor a" → "start conveyor a"); None where none is."""
    words = text.split(" ")
    known = asst.rules.vocab.known_words
    out: list[str] = []
    i, changed = 0, False
    while i < len(words):
        a = words[i]
        b = words[i + 1] if i + 1 < len(words) else ""
        both = a + b
        if b and b.isalpha() and len(b) >= 3 and b not in known and a.isalpha() and a in known:
            whole = _clipped(asst, a, b, known)
            if whole is not None:  # "the desk lam to eighty": "desk lamp", the name's last letter lost
                out.extend((a, whole))
                i += 2
                changed = True
                continue
        if b and a.isalpha() and b.isalpha() and len(both) >= 5 and both in known \
                and (a not in known or b not in known) \
                and any(mn.kind in ("device", "kind") for mn in read(both, asst.rules.vocab).mentions):
            out.append(both)
            i += 2
            changed = True
            continue
        out.append(a)
        i += 1
    return " ".join(out) if changed else None


def _clipped(asst: Any, before: str, word: str, known: Any) -> str | None:
    """The one word of a device's name that ``word`` is with its last letter lost, where the word before it and
    that word together name a device ("desk lam" → "lamp": "desk lamp"); None where none or several fit."""
    fits = [word + c for c in "abcdefghijklmnopqrstuvwxyz" if word + c in known]
    fits = [w for w in fits if any(mn.kind == "device" and mn.start == 0 and mn.end >= len(before) + 1 + len(w)
                                   for mn in read(f"{before} {w}", asst.rules.vocab).mentions)]
    return fits[0] if len(fits) == 1 else None


def _says(asst: Any, text: str) -> bool:
    r = read(text, asst.rules.vocab)
    return bool(r.has_change or asst._clause_ways(text))


def _remark(asst: Any, left: str) -> bool:
    """A left side that is a remark: no verb, value or setting of the rules, no device or kind named (a place or a
    thing may be: "the rattling thing on line a", "okay were done in the warehouse", "visitors here")."""
    r = read(left, asst.rules.vocab)
    return not (r.actions or r.numbers or r.enums or r.loose_numbers or _VERB.search(left)) \
        and all(mn.kind == "zone" for mn in r.mentions)


def _paused(asst: Any, utterance: str, said: Any, text: str) -> Any:
    """The one reading every comma placement that reads agrees on, else ``said``."""
    words = text.split(" ")
    if len(words) > _MAX_WORDS:
        return said
    found: list[Any] = []
    tries = 0
    names = [(mn.start, mn.end) for mn in read(text, asst.rules.vocab).mentions
             if mn.kind == "zone" or re.search(r"\s[a-z0-9]$", text[mn.start:mn.end])]  # "line a", "conveyor b"
    zones = asst._zones_named(text)
    for i in range(2, len(words)):
        left, right = " ".join(words[:i]), " ".join(words[i:])
        if any(a < len(left) < b for a, b in names):
            continue  # never inside a name ("on line, a to 22")
        if _OPEN_END.search(left) or _NOT_A_START.match(right) or not _remark(asst, left) \
                or not (_says(asst, right) or comparative_end(left) and _BARE.fullmatch(right)):
            continue
        tries += 1
        if tries > _MAX_TRIES:
            break
        got = reread_as(asst, utterance, said, f"{left}, {right}")
        if got is not said and zones and any(asst.by_id[c.device_id].zone not in zones for c in got.commands):
            return said  # a place the ask names bounds it: never a device elsewhere
        if got is not said:
            found.append(got)
    if not found:
        return said
    first = {(c.device_id, tuple(sorted(c.params.items()))) for c in found[0].commands}
    if any({(c.device_id, tuple(sorted(c.params.items()))) for c in p.commands} != first for p in found[1:]):
        return said  # two pauses, two readings: which was meant?
    return found[0]


def dictation_read(asst: Any, utterance: str, said: Any) -> Any:
    """``said``, or the reading of a dictated ask with its split name joined or its missing pause written."""
    if not refused_outright(said, utterance) or said.refusal.kind not in _KINDS \
            or not _WHY.search(said.refusal.reason):
        return said  # (the unit question of "… go faster like 110": with the pause, the comparative's target)
    text = normalize(utterance or "")
    if _PUNCT.search(text) or _CJK.search(text) or _NEVER.search(text) or not re.search(r"[a-z]", text):
        return said
    joined = _joined(asst, text)
    if joined is not None:
        got = reread_as(asst, utterance, said, joined)
        if got is not said:
            return got
        text = joined
    return _paused(asst, utterance, said, text)
