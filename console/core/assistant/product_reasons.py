"""Reasons about the product, the room or the day beside a command, and polite or blunt ways of asking (session 10c).

Operators of a packaging line explain what the product is doing while they ask: "Run conveyor B at 60 rpm, we're
doing the 1L bottles first", "line B conveyor to 90rpm for the 500ml changeover", "pause line 2, cartons piling up at
the end", "Pause line A please, we're restocking the cartons", "crank conveyor B to max, we're behind on the yoghurt
cups", "open the steam valve all the way for CIP"; facility staff say how the room is: "set the AC to heat, bit nippy
in here this morning", "Shut out the sun in the office, the projector looks washed out", "Please turn on both office
lamps, a client meeting starts shortly", "It's really smoky on line A after the welding, full blast extraction
please", "AC mode: fan, no need to cool today".  Each of these was refused for a word of the reason: a product size
read as a value with an unknown unit ("1 l"), a noun read as a device or place ("end", "projector", "restocking"), a
time of the reason ("this morning", "shortly", "after the welding") read as a schedule or condition, "no need to"
read as a negated command.  And ways of asking: "Would you mind slowing conveyor A down …" / "… stopping both
conveyors" (the -ing form after "would you mind" is the verb), "crank conveyor B to max" (crank is a raise verb: "B to
max", which starts it as the Conventions say), "brr, the office is nippy, set it to 24" (an interjection is chatter).

Tried only where the ask as said is refused with no command (English only).  The text is rewritten, each rewrite
shorter than what it replaces (so the re-read ends):
- a lead interjection (brr, ugh, phew, meh, argh, oof) is dropped;
- "would you mind <verb>ing" is the verb; "<X> mode: <m>" is "<X> to <m> mode"; "crank <X> (up) to max|<n>" is "<X> to max|<n>";
- a purpose tail "for (the) CIP / cleaning / washdown / the <size> changeover|run|batch" is dropped;
- "after the <activity>" inside a situation clause ("it's smoky … after the welding") is its cause and dropped;
- a whole clause is dropped when it is a REASON: a product size with a product noun or a changeover ("we're doing
  the 1L bottles first"; a flow "30 L/min" is no size), "we're <verb>ing / behind / short …", "<things> <verb>ing …"
  ("cartons piling up"), "<something> looks|seems <…>", "a <meeting|call|visit …> starts shortly|soon", a feeling
  of the room with its own time of day ("bit nippy in here this morning"), "we need to clear a jam", "no need to
  cool|heat (today)" (only where no command cools or heats: "AC to cool, no need to cool" stays refused).
  A reason clause names no device or place of the fleet, no negation but its "no need", no condition word, no
  number but a product size, and read alone proposes nothing.
The rest is read by the whole pipeline (its own schedule, condition or negation stays refused), gated on its words,
and the whole ask's direction check must pass ("turn the heat off, bit nippy in here" stays refused).  Pure: the
Assistant is duck-typed (``understand``, ``_gate``, ``_relabel``, ``direction_problem``, ``_devices_named``,
``_zones_named``); no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.direction import direction_of
from console.core.assistant.rereads import reread_as

_CJK = re.compile(r"[\u3400-\u9fff]")
_SEP = re.compile(r"\s*(?:\.{2,}|[,;!?]|\.(?=\s|$)|—|–|\s-+\s)\s*")
_LEAD = r"(?:(?:and|so|because|cause|cuz|since|as|uh|um|oh|well|ok|okay|just)\s+)*"

# -- rewrites of the ask itself ----------------------------------------------------------------------------------
_INTERJECTION = re.compile(r"^\s*(?:b+r+r+|u+g+h+|phew+|meh+|a+r+g+h+|oo+f+|brrr*)\s*(?:[,!.…:;—–-]+\s*)+", re.I)
_ING = {"slowing": "slow", "stopping": "stop", "starting": "start", "turning": "turn", "switching": "switch",
        "opening": "open", "closing": "close", "shutting": "shut", "pausing": "pause", "running": "run",
        "setting": "set", "putting": "put", "locking": "lock", "unlocking": "unlock", "lowering": "lower",
        "raising": "raise", "dimming": "dim", "cutting": "cut", "killing": "kill", "speeding": "speed",
        "bringing": "bring", "sounding": "sound", "silencing": "silence", "muting": "mute", "powering": "power",
        "halting": "halt", "resuming": "resume", "restarting": "restart", "bumping": "bump", "dropping": "drop",
        "cranking": "crank", "knocking": "knock", "brightening": "brighten", "cooling": "cool", "heating": "heat"}
_MIND = re.compile(r"(?<![a-z])(?:would|do|could)\s+you\s+mind\s+(?P<v>" + "|".join(_ING) + r")(?![a-z])", re.I)
_CRANK = re.compile(r"(?<![a-z])crank\s+(?!up(?![a-z])|down(?![a-z])|it(?![a-z])|[^,;]*\sdown(?![a-z]))(?P<x>[a-z0-9][a-z0-9 '-]{0,40}?)"
                    r"\s+(?:up\s+|right\s+up\s+|all\s+the\s+way\s+up\s+)?to\s+(?:the\s+)?"
                    r"(?P<v>max(?:imum)?|full|top\s+speed|\d+(?:\.\d+)?(?:\s*(?:rpm|%|percent))?)(?![a-z0-9])", re.I)

_SIZE = r"\d+(?:\.\d+)?\s*(?:ml|cl|l|ltr|litre|liter|litres|liters|oz|g|kg|gram|grams)(?![a-z/])"
_PRODUCT = (r"(?:bottles?|cups?|cartons?|bags?|cans?|jars?|packs?|pouches|pouch|tubs?|sachets?|boxes|box|pots?|"
            r"trays?|tins?|tubes?|kegs?|jugs?|containers?|packets?|units?)")
_RUN = r"(?:change-?over|run|batch|order|format|size|sku|line-?up|production)"
_FOR_TAIL = re.compile(rf"\s+for\s+(?:the\s+|a\s+|our\s+|this\s+)?(?:cip|sip|clean(?:ing)?(?:\s+in\s+place)?|"
                       rf"clean-in-place|wash-?down|sanitation|sanitising|sanitizing|"
                       rf"{_SIZE}(?:\s+[a-z]+)?\s+(?:{_PRODUCT}|{_RUN})(?:\s+{_RUN})?)\s*$", re.I)
# "AC mode: fan" is "AC to fan mode" (a heading with its value)
_MODE_HEAD = re.compile(r"^(?P<x>[a-z][a-z0-9 ]{0,30}?)\s+mode\s*:\s*(?P<v>[a-z]+)$")
_SITUATION_CLAUSE = re.compile(r"^(?:it's|its|it\s+is|it\s+got|it\s+gets|there's|there\s+is)\s+", re.I)
_AFTER_CAUSE = re.compile(r"\s+after\s+(?:the|all\s+the|that|this|our)\s+(?:[a-z]+ing|spill|leak|fry-?up|burn-?off)"
                          r"(?=$)", re.I)

# -- reason clauses ----------------------------------------------------------------------------------------------
_REASONS = [
    # a product size with a product noun or a run of it ("we're doing the 1L bottles first")
    re.compile(rf"{_SIZE}(?:\s+[a-z]+)?\s+(?:{_PRODUCT}|{_RUN})(?![a-z])"),
    # we are doing something, behind or short: "we're restocking the cartons", "we're behind on the yoghurt cups"
    re.compile(rf"^{_LEAD}(?:we're|we\s+are|were|they're|they\s+are|i'm|im|i\s+am)\s+(?:still\s+|just\s+|really\s+)?"
               r"(?:[a-z]+ing|behind|short|low|out\s+of|way\s+behind)(?![a-z])"),
    # things doing something: "cartons piling up at the end", "bottles falling over"
    re.compile(rf"^{_LEAD}(?:the\s+|our\s+|some\s+)?(?:[a-z]+\s+)?[a-z]+s\s+(?:are\s+)?[a-z]+ing(?![a-z])"),
    # how something looks: "the projector looks washed out"
    re.compile(rf"^{_LEAD}(?:the|this|that|our|my|everything|it)(?:\s+[a-z]+){{0,2}}\s+(?:looks|seems|sounds)\s+"),
    # an event starting soon: "a client meeting starts shortly"
    re.compile(rf"^{_LEAD}(?:a|the|our|my)\s+(?:[a-z]+\s+){{0,2}}(?:meeting|call|visit|tour|presentation|inspection|"
               r"audit|demo|training|interview|briefing)\s+(?:starts|begins|is\s+starting|is\s+about\s+to\s+start|"
               r"kicks\s+off)(?:\s+(?:shortly|soon|any\s+minute(?:\s+now)?|in\s+a\s+(?:bit|moment|minute|sec)))?$"),
    # how the room feels, with its own time of day: "bit nippy in here this morning"
    re.compile(rf"^{_LEAD}(?:(?:it's|its|it\s+is|it\s+feels|feels|a|bit|little|tad|of|really|quite|so|pretty|very|"
               r"kinda|getting|rather|proper|well)\s+)*(?:nippy|chilly|cold|freezing|parky|baltic|brisk|hot|warm|"
               r"stuffy|muggy|boiling|roasting|sweltering|humid|toasty)(?:\s+(?:in\s+here|out\s+here))?(?:\s+(?:this\s+(?:morning|afternoon|evening)|today|tonight|again|now))?$"),
    # a job people must do: "we need to clear a jam"
    re.compile(rf"^{_LEAD}(?:we|i|they|someone)\s+(?:need|needs|have|has|got|gotta|must|'ve\s+got)\s+(?:to\s+)?"
               r"(?:clear|fix|free|unjam|unblock|remove|sort\s+out|pull\s+out|deal\s+with|get\s+at|reach)\s+"
               r"(?:out\s+)?(?:a|an|the|that|this|some)?\s*(?:[a-z]+\s+)?(?:jam|blockage|snag|pile-?up|mess|spill|"
               r"debris)s?$"),
]
_NO_NEED = re.compile(rf"^{_LEAD}(?:there's\s+|there\s+is\s+)?no\s+need\s+to\s+(?P<w>cool|cooling|heat|heating|"
                      r"warm|chill)(?:\s+(?:it|things|the\s+place|in\s+here))?(?:\s+(?:today|now|anymore|any\s+more|"
                      r"this\s+(?:morning|afternoon|evening)))?$")
_MEETING, _FEELING = 4, 5  # the reasons that say a time of their own ("starts shortly", "… this morning")
_DAY = re.compile(r"(?<![a-z])(?:today|tonight|tomorrow|morning|afternoon|evening|soon|shortly|later|now)(?![a-z])")
_NEG = re.compile(r"n't|(?<![a-z])(?:not|never|no|nobody|nothing|dont|cant|wont|without)(?![a-z])")
_COND = re.compile(r"(?<![a-z])(?:if|unless|when|whenever|once|while|until|till|in\s+case|before)(?![a-z])")
_CLOCK = re.compile(r"(?<![a-z])(?:tomorrow|tonight|o'?clock|am|pm|noon|midnight|monday|tuesday|wednesday|thursday|"
                    r"friday|saturday|sunday|weekend|minutes?|hours?|mins?)(?![a-z])")
_PRONOUN = re.compile(r"(?<![a-z])(?:it|them|there|those|these|that|this|one)(?![a-z'])")
_DIGIT = re.compile(r"\d")
_SIZE_RE = re.compile(_SIZE)
_MODE_OF = {"cool": "cool", "cooling": "cool", "chill": "cool", "heat": "heat", "heating": "heat", "warm": "heat"}


def _reason(asst: Any, clause: str) -> str | None:
    """'reason', 'no_need:<mode>' or None for a clause (module docstring)."""
    m = _NO_NEED.match(clause)
    if m is not None:
        return f"no_need:{_MODE_OF[m.group('w')]}"
    hits = [i for i, r in enumerate(_REASONS) if r.search(clause)]
    if not hits:
        return None
    if _FEELING not in hits and _MEETING not in hits and (_DAY.search(clause) or direction_of(clause)):
        return None  # "we're switching it off this morning", "this morning's batch is late": a way or a day
    if _NEG.search(clause) or _COND.search(clause) or _CLOCK.search(clause):
        return None
    if _DIGIT.search(_SIZE_RE.sub("", clause)):
        return None
    if asst._devices_named(clause) or asst._zones_named(clause):
        return None
    return "reason"


def _rewritten(text: str) -> str:
    """The ask's words with its ways of asking made plain and its purpose tails dropped."""
    text = _INTERJECTION.sub("", text)
    text = _MIND.sub(lambda m: _ING[m.group("v").lower()], text)
    text = _CRANK.sub(lambda m: f"{m.group('x')} to {m.group('v')}", text)
    clauses = [c.strip() for c in _SEP.split(text) if c and c.strip()]
    kept: list[str] = []
    for c in clauses:
        c = _MODE_HEAD.sub(r"\g<x> to \g<v> mode", _FOR_TAIL.sub("", c))
        if _SITUATION_CLAUSE.match(c):
            c = _AFTER_CAUSE.sub("", c)
        kept.append(c)
    return ", ".join(kept)


def product_reasons_read(asst: Any, utterance: str, said: Any) -> Any:
    """``said`` unless it is refused with no command and the ask, its reasons dropped and its ways of asking made
    plain, reads as a proposal that passes the gate and the whole ask's direction check: then that proposal."""
    if said.commands or said.refusal is None or not utterance or len(utterance) > 300 or _CJK.search(utterance):
        return said
    text = utterance.lower().replace("\u2019", "'").strip()
    plain = _rewritten(text)
    clauses = [c for c in (x.strip() for x in _SEP.split(plain)) if c]
    kinds = [_reason(asst, c) for c in clauses]
    asks = [c for c, k in zip(clauses, kinds) if k is None]
    if not asks:
        return said
    for c, k in zip(clauses, kinds):  # a reason read alone proposes nothing
        if k is not None and asst.understand(c).commands:
            return said
    words = ", ".join(asks)
    if len(asks) < len(clauses) and _PRONOUN.search(words):
        return said  # "it's cold in the basement, warm it up": what "it" is lives in the reason
    if len(words) >= len(text.rstrip(" .!?")):  # always shorter: nothing else to re-read
        return said
    def explains(out) -> bool:  # "no need to cool" beside a command that cools (or sets a temperature) stays
        for k in kinds:  # refused; it explains a mode set ("AC mode: fan"), nothing else
            if k is not None and k.startswith("no_need:"):
                mode = k.split(":", 1)[1]
                if not any("mode" in c.params for c in out.commands) or any(
                        c.params.get("mode") == mode or "setpoint" in c.params
                        or (c.params.get("power") is True and "mode" not in c.params) for c in out.commands):
                    return False
        return True

    return reread_as(asst, utterance, said, words, check=explains)  # the whole pipeline, the gate, the ask's direction
