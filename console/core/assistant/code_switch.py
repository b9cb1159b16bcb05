"""Code-switched and Singlish asks said again in the plain words the rules read (session 12, blind sets 76 and 79).

Bilingual engineers mix Chinese and English in one ask, and Singapore English has its own particles and request
shapes.  Each was refused although every word of the request was there:

- Singlish particles: "quiet lah the yard", "floodlight off liao" (lah, leh, lor, hor, sia, meh, liao: no meaning
  for a device) are dropped; a sign-off ("…, thks", "tks", "tq") too.
- request shapes: "help me open the blinds can?", "can close the valve or not", "floodlight can off already",
  "have to let the contractors in" are requests: the verb phrase alone.  "or not" is dropped only after a
  can-question ("can …, or not") whose body holds no negation word: "can you not open it or not" and "don't open
  it or not" keep their negation (refused).
- a thing named by its sound: "the thing howling in the yard", "whatever's howling in the yard" are "that howling in
  the yard" (described_nouns.py: the catalog's described words, so a sound no kind makes names nothing).
- an English word naming a device with a Chinese kind noun: "ceiling 那个灯 off" is "ceiling light off" (only where
  the English word is a word of a device's name, and the Chinese noun one of the common kind nouns below).
- 要 + a thing: "warehouse 要 light" is "warehouse light on" (wanting a switchable thing means it on), "yard 要安静"
  is "yard 安静" (wanting a state is the state); never after 不 / 别 / 没 (不要 is a negation).
- a device's name word before its own setting: "line B cooling flow to 45" is "line B cooling pump flow to 45" (the
  device whose name holds "cooling" and that has a "flow" setting, never the AC's cool mode); only where exactly one
  device of the fleet has both.

``code_switched`` gives the new words, or None where nothing applies; ``code_switch_read`` reads them only where the
ask as said was refused with no command (a step of refused_rereads.py), gated and direction-checked on the words as
said, so no ask that read before reads otherwise.  Pure functions of the text and the fleet's
device names; regexes compiled at import, a per-fleet table built once.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from console.core.assistant.phrases import normalize
from console.core.assistant.rereads import reread_as, refused_outright

_VERB = (r"(?:open|close|shut|turn|switch|start|stop|lock|unlock|set|dim|raise|lower|put|kill|silence|quiet|let|"
         r"run|halt|pause|resume|sound|activate|deactivate|cut|power|bring|get|give|make|crank|brighten|on|off)")
_PARTICLE = re.compile(r"(?<![a-z'])(?:lah|leh|lor|hor|sia|meh|liao)(?![a-z'])")
_SIGN_OFF = re.compile(r"\s*[,;]?\s*(?:thks|thnks|thnx|thanx|tks|tq|tqvm|tysm|tyvm)\s*[.!]*\s*$")
_HELP_ME = re.compile(r"^(?:(?:pls|plz|please)\s+)?help\s+(?:me|us)\s+(?:to\s+)?(?=" + _VERB + r"(?![a-z]))")
_HAVE_TO = re.compile(r"^(?:(?:we|i|you|u)\s+)?(?:have\s+to|has\s+to|gotta|got\s+to)\s+(?=" + _VERB + r"(?![a-z]))")
# "…, can?", "… can or not?", "… can anot?"
_CAN_TAIL = re.compile(r"\s*[,;]?\s*(?<![a-z'])can\s*(?:(?:or\s+not|anot|a\s+not)\s*)?\?*\s*$")
# "can close the valve or not": "or not" only after a can-question
_CAN_HEAD = re.compile(r"^(?:(?:can|could)\s+(?:you\s+|u\s+)?)(?:(?:pls|plz|please)\s+)?(?=" + _VERB + r"(?![a-z]))")
_SUBJECT_BEFORE = re.compile(r"(?<![a-z'])(?:you|u|we|i|they|he|she|it|one|anyone|someone|somebody)\s*$")
# "main door lock it can?": "it" right after a verb is its object, never the subject of a hedge (session 13)
_OBJECT_IT = re.compile(r"(?<![a-z'])" + _VERB + r"\s+(?:it|them)\s*$")
# "main door lock it can? everybody gone already": a can-question, then more words (read on as a clause)
_CAN_MID = re.compile(r"\s*[,;]?\s*(?<![a-z'])can\s*(?:(?:or\s+not|anot|a\s+not)\s*)?\?+\s*(?=[^\s?])")
_OR_NOT = re.compile(r"\s*[,;]?\s*(?<![a-z'])(?:or\s+not|anot)\s*\?*\s*$")
_NEGATION = re.compile(r"(?<![a-z])(?:not|no|never|don't|dont|do\s+not|nothing|without|cannot|can't|cant|won't|"
                       r"shouldn't|mustn't|neither|nor)(?![a-z])|n't(?![a-z])|不|别|没|勿|莫|甭")
# "floodlight can off already": the verb, now
_CAN_ALREADY = re.compile(r"(?<![a-z])can\s+(?P<v>(?:switch\s+|turn\s+|go\s+)?(?:on|off)|open|close|shut|stop|start|"
                          r"lock|unlock)\s+already(?![a-z])")
# "the thing howling in the yard", "whatever's howling": that + the sound
_THING_ING = re.compile(r"(?<![a-z'])(?:the\s+thing|that\s+thing|this\s+thing|whatever's|whatever\s+is|whatever|"
                        r"something's|something\s+is|something|the\s+one|that\s+one)\s+(?:that's\s+|that\s+is\s+|"
                        r"that\s+|which\s+is\s+)?(?=[a-z]+ing(?![a-z']))")
# "ceiling 那个灯": the English word and the kind's English noun
_ZH_KIND = {"灯光": "light", "灯": "light", "排风扇": "fan", "风扇": "fan", "风机": "fan", "空调": "ac",
            "阀门": "valve", "阀": "valve", "水泵": "pump", "泵": "pump", "传送带": "conveyor", "百叶窗": "blinds",
            "窗帘": "blinds", "警笛": "siren", "警报器": "siren"}
_MIXED_NOUN = re.compile(r"(?<![a-z])(?P<w>[a-z]{3,})\s*(?:那个|这个|那|这|的)?\s*(?P<n>"
                         + "|".join(sorted(_ZH_KIND, key=len, reverse=True)) + r")(?![\u4e00-\u9fff])")
# 要 + a switchable thing in English: it on; 要 + a state: the state
_WANT_THING = re.compile(r"(?<![不别没还需只])要\s*(?P<t>lights?|fan|ac|aircon|air\s*con|heating|heat|ventilation)"
                         r"(?=\s*(?:[,，;；。.!！]|$))")
_WANT_STATE = re.compile(r"(?<![不别没还需只])要\s*(?=安静|静一点|静下来|亮一点|亮|暗一点|凉快|暖和|quiet|bright|dark)")

_TABLES: dict[int, tuple[Any, dict[str, str], frozenset[str]]] = {}


def _table(metas: Sequence[Any]) -> tuple[dict[str, str], frozenset[str]]:
    """({"<name word> <setting>": "<name word> <kind noun> <setting>"} for a name word and setting that one device
    alone has, the words of the devices' names), built once per fleet."""
    key = id(metas)
    hit = _TABLES.get(key)
    if hit is not None and hit[0] is metas:
        return hit[1], hit[2]
    named: dict[str, set[str]] = {}  # a name word: the devices whose names hold it
    zones: set[str] = set()
    for m in metas:
        zones.update(re.findall(r"[a-z]+", (m.zone or "").lower()))
        for w in re.findall(r"[a-z]+", (m.name or "").lower()):
            named.setdefault(w, set()).add(m.id)
    words = {w for w in named if len(w) >= 3}
    pairs: dict[str, str] = {}
    for m in metas:
        parts = re.findall(r"[a-z]+", (m.name or "").lower())
        for w in parts[:-1]:  # a word of this device's name alone, no zone's ("cooling", never "line", "office")
            if len(w) < 4 or named[w] != {m.id} or w in zones:
                continue
            for cap, spec in (m.capabilities or {}).items():
                if getattr(spec, "writable", True) and re.fullmatch(r"[a-z]+", cap):
                    pairs[f"{w} {cap}"] = f"{w} {parts[-1]} {cap}"
    _TABLES[key] = (metas, pairs, frozenset(words))
    return pairs, frozenset(words)


_PAIR_RES: dict[frozenset[str], re.Pattern[str]] = {}


def _pairs_re(pairs: dict[str, str]) -> re.Pattern[str]:
    key = frozenset(pairs)
    pat = _PAIR_RES.get(key)
    if pat is None:
        pat = _PAIR_RES[key] = re.compile(r"(?<![a-z])(" + "|".join(map(re.escape, sorted(pairs, key=len, reverse=True)))
                                          + r")(?![a-z])")
    return pat


def _asked(before: str) -> bool:
    """Is a "can" after ``before`` a request's particle: no subject right before it, or only a verb's object ("lock
    it can?"), never "… as soon as you can" / "if it can"?"""
    return not _SUBJECT_BEFORE.search(before) or _OBJECT_IT.search(before) is not None


def _or_not(text: str) -> str:
    """"can close the valve or not" → "close the valve"; the same text where the body negates anything."""
    head = _CAN_HEAD.match(text)
    tail = _OR_NOT.search(text)
    if head is None or tail is None or tail.start() <= head.end():
        return text
    body = text[head.end():tail.start()]
    return text if _NEGATION.search(body) else body


def code_switched(text: str, metas: Sequence[Any] = ()) -> str | None:
    """The (normalised) ask said plainly (see the module's docstring), or None where no step changes it."""
    if not text:
        return None
    out = text
    if re.search(r"[a-z]", out):
        out = _PARTICLE.sub(" ", out)
        out = _SIGN_OFF.sub("", out)
        out = _HELP_ME.sub("", out.strip())
        out = _HAVE_TO.sub("", out)
        out = _or_not(out)
        mid = _CAN_MID.search(out)
        if mid is not None and mid.start() > 0 and not _NEGATION.search(out[:mid.start()]) \
                and _asked(out[:mid.start()]):  # "… lock it can? everybody gone already": the rest a clause of its own
            out = out[:mid.start()] + ", " + out[mid.end():]
        tail = _CAN_TAIL.search(out)
        if tail is not None and tail.start() > 0 and not _NEGATION.search(out[:tail.start()]) \
                and _asked(out[:tail.start()]):  # "… as soon as you can": a hedge, no ask
            out = out[:tail.start()]
            head = _CAN_HEAD.match(out)
            out = out[head.end():] if head is not None else out
        out = _CAN_ALREADY.sub(lambda m: m.group("v"), out)
        out = _THING_ING.sub("that ", out)
        if metas:
            pairs, words = _table(metas)
            out = _MIXED_NOUN.sub(lambda m: f"{m.group('w')} {_ZH_KIND[m.group('n')]} " if m.group("w") in words
                                  else m.group(0), out)
            if pairs:
                out = _pairs_re(pairs).sub(lambda m: pairs[m.group(1)], out)
        out = _WANT_THING.sub(lambda m: f"{m.group('t')} on", out)
    out = _WANT_STATE.sub("", out)
    out = re.sub(r"\s+", " ", out).strip()
    return out if out and out != text.strip() else None


def code_switch_read(asst: Any, utterance: str, said: Any) -> Any:
    """``said``, or (for an ask refused with no command) the reading of its plain words (``code_switched``), gated
    and direction-checked on the words as said (rereads.reread_as)."""
    if not refused_outright(said, utterance):
        return said
    return reread_as(asst, utterance, said, code_switched(normalize(utterance or ""), asst.metas))
