"""Switch + value: when an ask that states a value also switches the device on (held-out 15's conventions).

The product's rule: starting something at a value is the switch and the value ("run the conveyor at 40 rpm",
"get the aircon going at 22"); setting only a value is only the value.  Classes of ask that sit on the border,
decided here as one rule each (each checked against every earlier blind set):

- (until session 11b) a set verb before the top of the range ("调到最高档", "set the extraction to max") was a
  setting, value only; it now runs the device at its top like 开到最大 / "max extraction" (max_runs.py: the
  conventions table and 31 of 37 blind asks, /tmp/full_convention.txt), so the rule is gone from here;
- **a value moved up or down to a target** ("crank the coolant up to 50 l/min", "bring it down to 20") is the
  value only, as "turn the flow up to 50" is (``moved_to``): the semantics layer reads no switch from the up/down;
- **"run in <mode>"** ("should run in auto mode", "running in heat mode"): a mode is how the device runs, not a
  running level, as 空调开到制热模式 stays a mode change: the "run" adds no switch (``mode_runs``);
- **a need or want clause** ("Line A needs fresh air, medium extraction will do", 一号线需要通风，中速就行): the clause
  alone switches a device on, another clause gives its level: the device runs at that level (``needed_runs``).

Pure and Qt-free; no thread of its own.  ``mode_runs`` / ``needed_runs`` take the Assistant (duck-typed: its
``by_id``, ``aliases``, ``max_commands``, ``understand``, ``_gate``), so this module imports nothing above it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.clauses import split_clauses
from console.core.assistant.direction import DOWN, direction_of, less_in
from console.core.assistant.lexicon import SWITCH_CAPS
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import Proposal, build_proposal

# a value moved to a target: "crank the coolant up to 50", "bring it down to 20", "turn the ventilation down to low"
# (also with the particle moved next to its verb: "turn down the ventilation to low", phrases.move_particles)
_MOVED_TO = re.compile(r"(?<![a-z])(?:up|down)\s+to(?![a-z])"
                       r"|(?<![a-z])(?:turn|crank|bump|push|ramp|dial|bring|speed|slow|step|knock|wind)"
                       r"\s+(?:up|down)\s+(?:\S+\s+){1,5}?to(?![a-z])"
                       # "reduce the coolant flow to 15 l/min", "increase the fan to high": a down/up verb with a
                       # target is the value only, never also a switch (held-out 16 had stopped the pump)
                       r"|(?<![a-z])(?:reduce|decrease|lower|lessen|drop|increase|raise|boost)\s+(?:\S+\s+){1,5}?to\s+"
                       r"(?:about\s+|around\s+|roughly\s+|just\s+)?(?:\d|low|medium|high)"
                       r"|(?:降低|减少|减小|调低|降|减|提高|增加|增大|调高|升)(?:到|至)\s*[0-9零〇一二两三四五六七八九十百]")
# an on-word other than "run" anywhere in the ask: then the switch was asked for in its own right
_OTHER_ON = re.compile(r"(?<![a-z])(?:turn|switch|power|flip|fire|start|get)\s+(?:\S+\s+){0,4}?(?:on|up)(?![a-z])"
                       r"|(?<![a-z])(?:start|starts|activate|enable|resume)(?![a-z])|打开|开启|启动|开机|开动")
# a need for what a device gives: the clause alone may switch the device on (semantics)
_NEED = re.compile(r"(?<![a-z])(?:need|needs|needed|want|wants|require|requires)(?![a-z])|需要|要有|得有")
_NO = re.compile(r"(?<![a-z])(?:no|not|don'?t|never|without)(?![a-z])|不|别|没")


def moved_to(text: str) -> bool:
    """Is the ask's direction a value moved to a target ("crank the coolant up to 50", "bring it down to 20")?"""
    return bool(_MOVED_TO.search(normalize(text or "")))


def _switch_of(meta: Any) -> str | None:
    return next((n for n in SWITCH_CAPS if n in meta.capabilities and meta.capabilities[n].writable
                 and meta.capabilities[n].type == "bool"), None)


def _rebuilt(asst: Any, prop: Proposal, chosen: dict[str, dict[str, Any]]) -> Proposal:
    picked = {c.device_id for c in prop.commands if c.picked_by_model}
    out = build_proposal(prop.utterance, prop.lang, chosen, picked, by_id=asst.by_id, aliases=asst.aliases,
                         max_commands=asst.max_commands)
    out = asst._gate(prop.utterance, replace(out, layer=prop.layer, timing_ms=prop.timing_ms)) if out.ok else out
    return out if out.ok else prop


def _runs_in(value: str) -> re.Pattern[str]:
    v = re.escape(value)
    return re.compile(rf"(?<![a-z])(?:run|runs|running)\s+(?:(?:it|them|the\s+\S+|\S+)\s+)?(?:in|on|at)\s+"
                      rf"(?:the\s+|an?\s+)?{v}(?![a-z])|(?:以|按|用|在)\s*\S{{1,6}}?模式\s*(?:下)?\s*(?:运行|运转)")


def mode_runs(asst: Any, prop: Proposal) -> Proposal:
    """"Office climate should run in auto mode": the switch "run" added goes, the mode stays.  Only where the
    device's values are all modes (no running level: "run the fan on high" still switches it on), the clause says
    "run in/on <that mode>" and no other on-word anywhere in the ask ("turn on the AC and run it in auto mode" keeps
    the switch)."""
    if not prop.ok or not prop.commands:
        return prop
    clauses = [normalize(c) for c in (split_clauses(prop.utterance) or [prop.utterance])]
    chosen = {c.device_id: dict(c.params) for c in prop.commands}
    changed = False
    for c in prop.commands:
        meta = asst.by_id[c.device_id]
        switch = _switch_of(meta)
        if switch is None or c.params.get(switch) is not True:
            continue
        modes = [v for k, v in c.params.items() if k != switch and isinstance(v, str)
                 and meta.capabilities[k].type == "enum" and v not in ("low", "medium", "high")]
        if not modes or len(modes) != len(c.params) - 1:
            continue
        hit = [cl for cl in clauses if any(_runs_in(m).search(cl) for m in modes)]
        if hit and not any(_OTHER_ON.search(cl) for cl in clauses):  # an on-word anywhere: the switch stays
            del chosen[c.device_id][switch]
            changed = True
    return _rebuilt(asst, prop, chosen) if changed else prop


def needed_runs(asst: Any, prop: Proposal) -> Proposal:
    """"Line A needs fresh air, medium extraction will do": a need clause that alone switches a device on (by the
    rules or the semantics, never the model's pick) and another clause's level for that device: the device is
    switched on at that level.  Nothing under a negation, a down or less word; no device is added here."""
    if not prop.ok or not prop.commands:
        return prop
    parts = split_clauses(prop.utterance)
    if len(parts) < 2:
        return prop
    levelled = {}
    for c in prop.commands:
        meta = asst.by_id[c.device_id]
        switch = _switch_of(meta)
        if switch is not None and switch not in c.params and c.params:
            levelled[c.device_id] = switch
    if not levelled:
        return prop
    chosen = {c.device_id: dict(c.params) for c in prop.commands}
    changed = False
    for clause in parts:
        text = normalize(clause)
        if not _NEED.search(text) or _NO.search(text) or DOWN in direction_of(text) or less_in(text):
            continue
        alone = asst.understand(clause)
        if not alone.ok or any(c.picked_by_model for c in alone.commands):
            continue
        for c in alone.commands:
            switch = levelled.get(c.device_id)
            if switch is not None and c.params == {switch: True}:
                chosen[c.device_id][switch] = True
                changed = True
    return _rebuilt(asst, prop, chosen) if changed else prop
