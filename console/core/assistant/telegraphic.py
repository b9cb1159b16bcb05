"""Telegraphic clauses said with a kind's own catalog words (session 12, blind sets 72 and 75).

Short asks drop their verbs: "warehouse lights out. yard quiet too", "office to 19 degrees and the glare blocked",
"sun's right in everyone's eyes in the office".  Each names the device (or what it acts on) and one of its kind's
"down" phrases from the catalog, only not in the phrase's own shape, so nothing was read:

- "<place or device> <kind noun> out" ("warehouse lights out"): the kind's down phrase "<kind noun> out" ("lights out")
  with a place before it.  Said as "<place> <kind noun> off": "out" of that phrase is its "off", the catalog's down way
  (the rules had refused "I cannot tell which way 'out' means").
- "(the) <thing> <participle>" at the end of a clause ("the glare blocked", "steam cut off", "production paused"): what a
  kind acts on (its catalog "things") and the participle of one of that kind's single-word "down" phrases ("block" →
  "blocked").  Said as "<verb> the <thing>".  Only down phrases, and never a thing the kind takes away (its "removes":
  "fumes cleared" is a report that the fan may stop, never "clear the fumes"): the clause as a report ("the glare is
  blocked") and as an ask then point the same way, so no reading can go the other way.
- "in everyone's / people's / their / the staff's eyes" where a kind's down phrase is "in our eyes" / "in my eyes"
  (the blinds): said as that phrase ("right in", "straight in" too), only where the sun, sunlight or glare is named.

:func:`telegraphic_rewrite` gives the text so said, or None where nothing applies; it is read again whole
(rewrites.py, SAID_REWRITES).  English only.  Per-fleet regexes built once per assistant; pure.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

_EYES = re.compile(r"(?<![a-z])(?:right\s+|straight\s+|directly\s+|smack\s+)?in\s+(?:everyone'?s|everybody'?s|people'?s|"
                   r"their|his|her|your|my|our|the\s+[a-z]+(?:'s|s')?)\s+eyes(?![a-z])")
_SUNNY = re.compile(r"(?<![a-z])(?:sun|sunlight|sunshine|daylight|glare)(?![a-z])")
_END = r"(?=\s*(?:$|[,.;!?]|-|—|\s(?:too|as\s+well|also|and|please|pls|now)(?![a-z])))"
_CACHE: "weakref.WeakKeyDictionary[Any, tuple]" = weakref.WeakKeyDictionary()


def _participles(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb + "d"]
    if verb in ("shut", "cut", "put", "set"):
        return [verb]
    return [verb + "ed"]


def _tables(asst: Any) -> tuple:
    try:
        return _CACHE[asst]
    except KeyError:
        pass
    outs, parts, eyes = [], [], None
    present = {m.kind for m in asst.metas}
    for k, km in asst.meaning.kinds.items():
        if k not in present:
            continue
        nouns = {w for w in asst.kind_words.get(k, ()) if w.isascii() and re.fullmatch(r"[a-z]+", w)}
        removes = set(getattr(km, "removes", ()))
        things = [t for t in km.things if t.isascii() and re.fullmatch(r"[a-z]+", t) and t not in removes]
        for p in km.down:
            if not p.isascii() or "..." in p:
                continue
            words = p.split()
            if len(words) == 2 and words[1] == "out" and words[0] in nouns:  # "lights out"
                outs.append(words[0])
            elif p in ("in our eyes", "in my eyes"):
                eyes = p
            elif len(words) == 1 and things and words[0].isalpha() and not words[0].endswith(("ed", "ing", "en")):
                for part in _participles(words[0]):
                    if part != words[0]:
                        parts.append((part, words[0], things))
            elif len(words) == 2 and words[1] in ("off", "out") and things:  # "cut off", "shut out"
                for part in _participles(words[0]):
                    parts.append((f"{part} {words[1]}", p, things))
    out_rx = re.compile(r"(?<![a-z])(?P<np>(?:[a-z]+\s+){1,2}?)(?P<noun>" + "|".join(map(re.escape, sorted(set(outs))))
                        + r")\s+out" + _END) if outs else None
    part_rx = []
    for part, verb, things in parts:
        rx = re.compile(r"(?:(?<=^)|(?<=[,.;!?]\s)|(?<=[,.;!?])|(?<=\sand\s)|(?<=\s-\s))\s*(?:the\s+)?(?P<thing>"
                        + "|".join(map(re.escape, sorted(things, key=len, reverse=True))) + r")\s+"
                        + re.escape(part).replace(r"\ ", r"\s+") + _END)
        part_rx.append((rx, verb))
    _CACHE[asst] = (out_rx, tuple(part_rx), eyes)
    return _CACHE[asst]


def telegraphic_rewrite(asst: Any, text: str) -> str | None:
    """``text`` (normalised) with its telegraphic clauses said with their verbs, or None (module docstring)."""
    if not text or re.search(r"[\u4e00-\u9fff]", text):
        return None
    out_rx, part_rx, eyes = _tables(asst)
    out = text
    if out_rx is not None:
        def off(m: re.Match) -> str:
            np = m.group("np")
            if not asst._names_place_or_device(np) or re.search(r"(?<![a-z])(?:turn|switch|put|get|the)\s+$", np):
                return m.group(0)
            return f"{np}{m.group('noun')} off"
        out = out_rx.sub(off, out)
    for rx, verb in part_rx:
        out = rx.sub(lambda m: f"{verb} the {m.group('thing')}", out)
    if eyes is not None and _SUNNY.search(out):
        out = _EYES.sub(lambda m: m.group(0) if m.group(0) in ("in my eyes", "in our eyes") else eyes, out)
    return out if out != text else None
