"""A temperature comparative never switches a device: "cooler" is no "off", "warmer" no "on" (session 9).

"ac cooler like nineteen" switched the office AC *off*: the rules read no value in "like nineteen" (a number word
outside a value slot), the screening let the ask through because a target was said, and the semantic layer took
"cooler" for the AC's "down" way — off.  "ac warmer like twenty five" switched it on the same way.  A comparative of
temperature (cooler, colder, warmer, hotter, less hot, less cold; 凉快, 暖和, 凉一点, 暖一点, 冷一点, 热一点) says where
the setpoint should go; switching the device says nothing about that, and switching it off under "cooler" can only
warm the room.  So, over any fleet and whatever layer proposed it: under such a word, a command that changes a
switch (power, running, active …) is refused unless the ask itself says to switch (a switch verb the rules read:
"turn on the AC and make it cooler, 19"; "get the aircon going, a bit warmer, 24").  The value alone
("like nineteen" → setpoint 19, warm_target.py) is untouched.  Nor does a cooler ask ever put a temperature at the
top of its range, or a warmer one at the bottom ("cooler in here, to max" had set the AC to 30 °C): from there it can
only be as warm or warmer (as cold or colder).

Part of the gate's direction check (layers.Assistant.direction_problem); pure, no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Mapping

from console.core.assistant.lexicon import ANY_OFF, ANY_ON, OFF, ON, SWITCH_CAPS

_COMPARATIVE = re.compile(r"(?<![a-z])(?:cooler|colder|warmer|hotter|less\s+(?:hot|cold|warm|chilly))(?![a-z])"
                          r"|凉快|暖和|凉爽|(?:凉|冷|暖|热)一?(?:点|些)")
_SWITCH_ACTIONS = frozenset({ON, OFF, ANY_ON, ANY_OFF})
_COOLER = re.compile(r"cool|cold|less\s+(?:hot|warm)|凉|冷")


def comparative_switch(text: str, actions: Callable[[], Iterable[str]], commands: Iterable[Any],
                       by_id: Mapping[str, Any]) -> str | None:
    """The reason a command switches a device under a temperature comparative no switch verb goes with, or None.
    ``text``: the normalised ask; ``actions``: the verbs the rules read in it (asked only under a comparative)."""
    said = _COMPARATIVE.search(text)
    if said is None:
        return None
    cooler = {bool(_COOLER.search(m.group(0))) for m in _COMPARATIVE.finditer(text)}
    switched = bool(_SWITCH_ACTIONS & set(actions()))
    for c in commands:
        meta = by_id.get(c.device_id)
        if meta is None:
            continue
        for name, value in c.params.items():
            cap = meta.capabilities.get(name)
            if len(cooler) == 1 and cap is not None and cap.unit == "°C" and isinstance(value, (int, float)) \
                    and not isinstance(value, bool):
                end = cap.max if True in cooler else cap.min
                if end is not None and value == end:
                    return (f"'{said.group(0)}' with {c.device_name} at {value:g} °C, the "
                            f"{'top' if True in cooler else 'bottom'} of its range")
            if switched:
                continue
            if name in SWITCH_CAPS and cap is not None and cap.type == "bool":
                way = "on" if value else "off"
                return f"'{said.group(0)}' says where the temperature should go, not to switch {c.device_name} {way}"
    return None
