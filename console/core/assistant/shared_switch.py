"""A verb said once for two devices of one clause pattern switches both (session 9, a shift lead's day).

"start conveyor A at 30 and conveyor B at 30" started A and only set B's speed: each clause binds its own devices
(layers._params_by_clause), and "conveyor B at 30" has a value and no verb, so it read as a value alone (which never
starts a stopped device).  But a clause that repeats the clause before it without the verb — the same kind of device,
a value of the same setting, no verb, way or switch word of its own — shares that verb: "start conveyor a at 30,
conveyor b at 40", 一号传送带启动60转，二号传送带70转.  Its devices get the switch the clause before set (running on);
a clause of another shape ("…, and the pump at 20" after "start conveyor a at 30"; a value of another setting) keeps
its value alone.  Session 12: where the clause before has the verb and no value ("start conveyor A and conveyor B at
50 rpm", 启动传送带A和传送带B，速度50), the verb and the repeat's value are both shared: both start, both at 50 (it had
started A and only set B's speed).  Only a switch on (never "stop A and B at 50"), said before the device (a
trailing "desk lamp on, ceiling lamp to 30%" stays the desk lamp's), one kind, disjoint devices.
Pure: reads with the assistant; updates the caller's per-device settings in place.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.lexicon import SWITCH_CAPS
from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

# a verb of its own, even one the rules read as no action ("set conveyor b to 40", 把二号传送带调到40转): no repeat
_OWN_VERB = re.compile(r"(?<![a-z])(?:set|sets|change|adjust|put|make|bring|turn|switch|keep|leave|drop|raise|lower|"
                       r"slow|speed|run|get|dial|crank|ramp|go|take|move)(?![a-z])|[调设改换开关停让把将保留放拉升降跑]")


def _leading_verb(asst: Any, clause: str) -> bool:
    """Is the clause's verb said before its device ("start conveyor a": it reaches over the list that follows;
    "desk lamp on, ceiling lamp to 30%": the trailing "on" is the desk lamp's alone)?"""
    text = normalize(clause)
    r = read(text, asst.rules.vocab)
    names = [mn.start for mn in r.mentions if mn.kind in ("device", "kind")]
    return bool(names) and bool(read(text[:min(names)], asst.rules.vocab).actions)


def shared_switch(asst: Any, read_parts: list[tuple[str, Any]], mine: dict[str, dict[str, Any]]
                  ) -> set[tuple[str, str]]:
    """Add to ``mine`` (device → settings its clauses say) the switch a verbless repeat clause shares; returns the
    (device, setting) pairs added."""
    added: set[tuple[str, str]] = set()
    for (before, p0), (clause, p1) in zip(read_parts, read_parts[1:]):
        if not (p0.ok and p1.ok and p0.commands and p1.commands):
            continue
        r1 = read(normalize(clause), asst.rules.vocab)
        if r1.actions or not r1.numbers or asst._clause_ways(clause) or _OWN_VERB.search(normalize(clause)):
            continue
        if not read(normalize(before), asst.rules.vocab).actions:
            continue
        kinds = {asst.by_id[c.device_id].kind for c in p0.commands + p1.commands if c.device_id in asst.by_id}
        if len(kinds) != 1 or {c.device_id for c in p0.commands} & {c.device_id for c in p1.commands}:
            continue
        switches = {(k, v) for c in p0.commands for k, v in c.params.items() if k in SWITCH_CAPS and isinstance(v, bool)}
        values0 = {k for c in p0.commands for k in c.params if k not in SWITCH_CAPS}
        values1 = {k for c in p1.commands for k in c.params if k not in SWITCH_CAPS}
        if len(switches) == 1 and not values0 and values1 and next(iter(switches))[1] is True \
                and not any(k in SWITCH_CAPS for c in p1.commands for k in c.params) and _leading_verb(asst, before):
            # session 12: "start conveyor A and conveyor B at 50 rpm": the verb and the value are both shared
            key = next(iter(switches))[0]
            said = {k: v for c in p1.commands for k, v in c.params.items()}
            for c in p1.commands:
                mine.setdefault(c.device_id, {})[key] = True
                added.add((c.device_id, key))
            for c in p0.commands:
                for k, v in said.items():
                    mine.setdefault(c.device_id, {})[k] = v
                    added.add((c.device_id, k))
            continue
        if len(switches) != 1 or not values1 or not values1 <= values0 \
                or any(k in SWITCH_CAPS for c in p1.commands for k in c.params):
            continue
        key, value = next(iter(switches))
        for c in p1.commands:
            mine.setdefault(c.device_id, {})[key] = value
            added.add((c.device_id, key))
    return added
