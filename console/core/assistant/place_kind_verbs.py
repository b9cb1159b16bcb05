"""A place with a verb that is one kind's own word acts on that kind there (session 9, a shift lead's day).

"okay so lock up and uh the steam cut it off and pause line two" also stopped the cooling pump: "pause" is a plain
"off" to the rules, and a place with an off-word stops every switchable device there.  But the catalog says whose
word "pause" is (the motor's down words: pause, freeze; 暂停), as "line two" says where: pausing a line is pausing
its production, the conveyor.  When a clause names a place and no device, kind or thing, and the only kind whose own
up/down words it says (catalog semantics, ``score_kinds``) has devices among those proposed, the proposal keeps only
that kind's devices: "pause line two", "freeze line b", 二号线暂停.  Plain verbs ("stop line two", 二号线停一下) name no
kind and keep every device of the place; a verb two kinds share (release: valve and lock) keeps them too.
Pure: reads with the assistant.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read


def own_kind_only(asst: Any, utterance: str, prop: Any) -> Any:
    """``prop`` less the devices of kinds other than the one whose own verb a place-only clause says."""
    if not prop.ok or len(prop.commands) < 2:
        return prop
    text = normalize(utterance or "")
    r = read(text, asst.rules.vocab)
    if not any(mn.kind == "zone" for mn in r.mentions) or any(mn.kind != "zone" for mn in r.mentions):
        return prop
    hits = asst._kind_hits(text)
    if any(h.things for h in hits):
        return prop  # a thing named ("pause production on line 2", "… and the steam"): the rules' own reading
    verbs = {h.kind for h in hits if h.direction}
    if len(verbs) != 1:
        return prop
    kind = next(iter(verbs))
    kept = tuple(c for c in prop.commands if c.device_id in asst.by_id and asst.by_id[c.device_id].kind == kind)
    if not kept or len(kept) == len(prop.commands):
        return prop
    return replace(prop, commands=kept)
