""""Everything on" never sounds an alarm: a siren is switched on only where the ask names it.

Session 8 (found by hand): 全部打开 / "turn everything on" / "switch everything on in the warehouse" / "turn on the
warehouse" sounded the yard siren with the lamps, the AC and the fan (and started both conveyors and the pump, which
the high-risk confirmation asks about anyway).  Sounding an alarm tells people to act (evacuate, take cover): it is
never a side effect of "everything".  A proposal that switches an alarm device on (a kind that warns: the catalog's
own words for it say warn / alert / 警告 / 警报, or its kind is a siren or an alarm) while the ask names no alarm —
not by the device's name, its kind word ("siren", "alarm", 警报), nor what it does ("warn everyone", "sound",
提醒大家) — loses those commands; when nothing else is left the ask is refused.  "Everything off" keeps the siren
(silencing is never the alarm's danger), and so does any ask that names it ("turn everything on, including the
siren", "everything on and sound the siren").

``without_unnamed_alarms`` takes the Assistant (duck-typed: ``rules``, ``by_id``, ``meaning``, ``_kind_hits``,
``_refuse``), so this module imports nothing above it.  Pure and Qt-free; no thread, no lock.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.lexicon import SWITCH_CAPS
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import NOTHING_ACTIONABLE
from console.core.assistant.reader import read

_ALARM_KINDS = {"siren", "alarm", "alarm_siren", "buzzer", "horn"}
_WARN_WORDS = ("warn", "alert", "alarm", "警告", "警报", "报警")


def alarm_kinds(kinds: Any, present: set[str]) -> set[str]:
    """The fleet's kinds that warn people: a siren / alarm kind, or one whose catalog words say it warns."""
    out = {k for k in present if k in _ALARM_KINDS}
    for k, km in (kinds or {}).items():
        if k in present and any(w in p for p in (*km.up, *km.things, km.does.get("en", "")) for w in _WARN_WORDS):
            out.add(k)
    return out


# a drill names the alarm (blind set 75: "everything in the warehouse on, we're doing a drill" had left the yard siren
# out in silence); a drill that is over does not
_DRILL = re.compile(r"(?<![a-z])(?:fire\s+|evacuation\s+)?drills?(?![a-z])|演习|演练")
_DRILL_OVER = re.compile(r"(?<![a-z])(?:over|done|finished|ended)(?![a-z])|结束|完了|完毕")


def _sounds(meta: Any, params: Any) -> bool:
    return any(params.get(n) is True for n in SWITCH_CAPS if n in params)


def without_unnamed_alarms(asst: Any, utterance: str, prop: Any) -> Any:
    """``prop`` without the commands that switch on an alarm the ask does not name (refused when none is left)."""
    if not prop.ok or not asst.alarm_kinds:
        return prop
    loud = [c for c in prop.commands if c.device_id in asst.by_id and asst.by_id[c.device_id].kind in asst.alarm_kinds
            and _sounds(asst.by_id[c.device_id], c.params)]
    if not loud:
        return prop
    text = normalize(utterance or "")
    r = read(text, asst.rules.vocab)
    for mn in r.mentions:
        if mn.kind == "device" and any(k in asst.by_id and asst.by_id[k].kind in asst.alarm_kinds for k in mn.keys):
            return prop
        if mn.kind == "kind" and any(k in asst.alarm_kinds for k in mn.keys):
            return prop
    if _DRILL.search(text) and not _DRILL_OVER.search(text):
        return prop  # "everything in the warehouse on, we're doing a drill": a drill is what the alarm is for (11c)
    if any(h.kind in asst.alarm_kinds and (h.things or h.direction) for h in asst._kind_hits(text)):
        return prop  # "warn everyone", "sound it in the yard": what an alarm does
    kept = tuple(c for c in prop.commands if c not in loud)
    if not kept:
        return asst._refuse(utterance, NOTHING_ACTIONABLE, "That would sound the alarm, which the ask does not name: "
                            "name the siren to sound it.", "这会拉响警报，但指令中没有提到警报：如需拉响请说出警报器。",
                            prop.layer)
    return replace(prop, commands=kept)
