"""A place the ask names bounds what it may change, whatever part of the ask names it (session 9, new staff who
describe devices instead of naming them).

Two harms of the same class, both found where a clause that resolved alone was proposed although another clause
had named where it should act:

1. **A kind the place has none of.** "the aircon in the warehouse, can you switch it on, it's like a sauna back
   there" switched the warehouse floodlight on: the whole ask was refused ("There is no AC in the warehouse"), but
   the clause pass read "switch it on, … back there" on its own, as the warehouse's one switch.  A kind word
   (aircon, 空调, fan, 风扇 …) qualified by a place of the fleet right beside it ("the aircon in the warehouse",
   "line b's fan", 仓库的空调, 仓库里那个空调) where that place has no device of that kind refuses the whole ask: never
   another kind there, never that kind elsewhere (:func:`kind_not_there`, applied to every proposal the assistant
   makes).
2. **A place the fleet does not have.** "it's cold in the kitchen, warm it up to 23" set the office AC (the symptom
   clause was dropped as a situation about what the other clause changes), and 食堂太暗了，看不清 switched on the
   lamp the model picked for 看不清 (the symptom was dropped as a reason).  An ask that names a place the fleet lacks
   (semantics.PLACES: kitchen, canteen, 食堂, upstairs …; not where a person is, "he's waiting outside") and names
   neither a device by its name nor a place of the fleet is refused before any layer reads it, the model included
   (:func:`unknown_place`).  "the crew is in the canteen, turn off the office lights" and 食堂太暗了，把台灯打开 still
   say where, or what, to act on.

Pure functions over the assistant's reader and catalog; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.outdoors import drop_someone_outside
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import UNKNOWN_DEVICE
from console.core.assistant.reader import read
from console.core.assistant.semantics import PLACES, foreign_place, needle

# a cheap first test on the raw ask: a word a foreign place starts with (a numbered line the fleet lacks, "line c",
# is refused before any layer already: Assistant._foreign_place_refusal)
_PLACE_NEEDLES = re.compile("|".join(sorted({re.escape(needle(p)) for p in PLACES if needle(p)}, key=len, reverse=True)))



# what may stand between a kind word and the place that qualifies it: "the aircon in the warehouse", "line b's fan",
# 仓库的空调, 仓库里那个空调 (nothing else: "stop the conveyors on line b and the fan" binds no fan to line b)
_KIND_THEN_PLACE = re.compile(r"^\s*(?:(?:on|in|at|of|over|for|inside|from|by|out\s+in|up\s+on|down\s+on|back\s+in)\s+)?"
                              r"(?:the\s+)?$|^\s*(?:在|位于)\s*$")
_PLACE_THEN_KIND = re.compile(r"^\s*(?:'s)?\s*$|^\s*(?:的|里的|里|里面的|里头的|上的|那边的|这边的|那儿的)?(?:那个|这个|那台|这台|那盏|这盏)?\s*$")


def kind_not_there(asst: Any, utterance: str) -> tuple[str, list[str]] | None:
    """(the kind, the zone) of the first kind word of ``utterance`` qualified by a place of the fleet right beside it
    ("the aircon in the warehouse", 仓库的空调) where that place has no device of that kind; None when each fits."""
    text = normalize(utterance or "")
    if not text:
        return None
    r = read(text, asst.rules.vocab)  # (memoised: every layer reads the ask)
    kinds = [mn for mn in r.mentions if mn.kind == "kind"]
    zones = [mn for mn in r.mentions if mn.kind == "zone"]
    if not kinds or not zones:
        return None
    present = {m.kind for m in asst.metas}
    for k in kinds:
        wanted = [x for x in k.keys if x in present]
        if not wanted:
            continue
        for z in zones:
            if z.start >= k.end:
                bound = _KIND_THEN_PLACE.match(text[k.end:z.start]) is not None
            elif z.end <= k.start:
                bound = _PLACE_THEN_KIND.match(text[z.end:k.start]) is not None
            else:
                bound = False
            if bound and not any(m.kind in wanted and m.zone in z.keys for m in asst.metas):
                return wanted[0], list(z.keys)
    return None


def kind_not_there_refusal(asst: Any, utterance: str, prop: Any) -> Any:
    """``prop``, or the refusal of an ask a clause of which names a kind in a place without one (above)."""
    if not prop.ok:
        return prop
    found = kind_not_there(asst, utterance)
    if found is None:
        return prop
    kind, zones = found
    en = " or ".join(asst.aliases.zone_name(z, "en") for z in zones)
    zh = "或".join(asst.aliases.zone_name(z, "zh") for z in zones)
    return asst._refuse(utterance, UNKNOWN_DEVICE,
                        f"There is no {asst._kind_name(kind, 'en')} in {en}: name the device.",
                        f"{zh}没有{asst._kind_name(kind, 'zh')}：请说出设备名称。", prop.layer)


def unknown_place(asst: Any, utterance: str) -> str | None:
    """The place the fleet lacks that ``utterance`` names, when it names no device by its name and no place of the
    fleet (then nothing says where or what to act on), else None."""
    low = (utterance or "").lower()
    if not _PLACE_NEEDLES.search(low) and not any(p in low for p in asst.absent_places):
        return None  # most asks name no such place: no normalising, no reading
    text = normalize(utterance or "")
    place = foreign_place(drop_someone_outside(text), asst.place_names) or asst._absent_place(text)
    if place is None:
        return None
    r = read(text, asst.rules.vocab)
    if any(mn.kind in ("device", "zone") for mn in r.mentions):
        return None
    return place
