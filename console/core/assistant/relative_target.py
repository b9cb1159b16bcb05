"""A relative word with an explicit target is the target, value only (held-out 17).

"More coolant, 40 litres a minute", "less steam, 30 %", "cooler, like 19 degrees": the screening lets such an ask
through as a target value; the semantic layer then read the relative word as the kind's own direction and added
the switch ("more coolant" → start the pump, "less coolant" → stop it). "bring it up to 24" (a value moved to a
target, ``moved_to``) likewise. The product's convention (issue 17, the earlier sets): the target is the value only,
as "set the AC to 22" is. A switch an explicit verb asked for ("start the pump, more coolant, 40 l/min") stays.
Pure functions over one proposal; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from console.core.assistant.direction import DOWN, direction_of, less_in
from console.core.assistant.lexicon import ANY_OFF, ANY_ON, LOCK, OFF, ON, SWITCH_CAPS, UNLOCK
from console.core.assistant.max_runs import AT_MAX
from console.core.assistant.reading import Reading
from console.core.assistant.switch_values import moved_to
from console.core.protocol import DeviceMeta

# the relative words (as screening reads them) that a target may follow; a switch verb is never one of them
RELATIVE = re.compile(r"(?<![a-z])(?:more|less|increase|decrease|reduce|cooler|colder|warmer|hotter|brighter|"
                      r"dimmer|faster|slower)(?![a-z])"
                      r"|多一?点|少一?点|多一些|少一些|大一?点|小一?点|调高|调低|增加|减少|加大|减小")
_SWITCH_VERBS = frozenset({ON, OFF, ANY_ON, ANY_OFF, LOCK, UNLOCK})


def value_only(text: str, reading: Reading, commands: Mapping[str, Mapping[str, Any]],
               by_id: Mapping[str, DeviceMeta]) -> dict[str, dict[str, Any]] | None:
    """The commands less a switch no verb asked for, where ``text`` (normalised) says a relative word and a
    value; None when nothing changes (no relative word, an explicit switch verb, or no switch beside a value)."""
    if (RELATIVE.search(text) is None and not moved_to(text)) \
            or any(a in _SWITCH_VERBS for a in reading.actions) \
            or not (reading.numbers or reading.enums or reading.loose_numbers):
        return None
    # session 11b: the top said outright ("turn the desk lamp up to full", "crank the coolant up to the max") runs
    # the device at it (max_runs.py, the conventions table): a switch put on for it stays, never under a down word
    top = AT_MAX.search(text) is not None and DOWN not in direction_of(text) and not less_in(text)
    out: dict[str, dict[str, Any]] = {}
    changed = False
    for dev, params in commands.items():
        caps = by_id[dev].capabilities
        switch = [k for k in params if k in SWITCH_CAPS and caps.get(k) is not None and caps[k].type == "bool"
                  and not (top and params[k] is True)]
        if switch and len(params) > len(switch):
            params = {k: v for k, v in params.items() if k not in switch}
            changed = True
        out[dev] = dict(params)
    return out if changed else None
