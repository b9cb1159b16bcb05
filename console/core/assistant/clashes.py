"""One device asked to be off and at a level in the same ask (session 10): "set the desk lamp to 50% and turn it off"
proposed {level: 50, power: off} — two wishes that clash (a lamp at 50 % is on; one command carries both with no order,
and a device may apply the level by switching on).  The same for "start conveyor b and set it to 0 rpm", 台灯调到50%然后关掉,
把二号传送带停了，速度调到60.

A proposal is refused (both languages, naming the device) when, for one device, the commands together set
- an on/off switch (a writable bool other than a lock's) to off and a level (a writable number whose range starts at
  0: brightness, rpm, flow, opening) above 0, or
- the switch to on and every level said to 0.
A setpoint (its range does not start at 0: the AC's 16–30 °C) is a setting the device keeps while off, no level: "turn
the AC off and set it to 22" is not such a clash.  Refusing is the safe reading even where the ask may be sequential
("…, then turn it off"): the ask is said again as the one state wanted.  Pure: the proposal and the catalog.
"""

from __future__ import annotations

from typing import Any, Mapping


def _levels(meta: Any) -> set[str]:
    return {n for n, c in meta.capabilities.items() if c.writable and c.type in ("int", "float")
            and c.min is not None and float(c.min) == 0.0}


def _switches(meta: Any) -> set[str]:
    return {n for n, c in meta.capabilities.items() if c.writable and c.type == "bool" and n != "locked"}


def clash_in(commands: Any, by_id: Mapping[str, Any], names: Mapping[str, str]) -> tuple[str, str] | None:
    """(en, zh) naming the first device asked to be both off and at a level (or on and at 0); None when none is."""
    params: dict[str, dict[str, Any]] = {}
    for c in commands:
        params.setdefault(c.device_id, {}).update(c.params)
    for dev, said in params.items():
        meta = by_id.get(dev)
        if meta is None:
            continue
        levels = [said[n] for n in _levels(meta) if n in said and not isinstance(said[n], bool)]
        ways = [said[n] for n in _switches(meta) if n in said and isinstance(said[n], bool)]
        if not levels or not ways:
            continue
        if (False in ways and any(float(v) > 0 for v in levels)) or (True in ways and all(float(v) == 0 for v in levels)):
            name = names.get(dev, dev)
            return (f"That asks {name} to be both switched {'off' if False in ways else 'on'} and set to "
                    f"{levels[0]:g}: say the one state you want (e.g. \"set it to {levels[0]:g}\" or \"turn it "
                    f"{'off' if False in ways else 'on'}\").",
                    f"这要求{name}既{'关掉' if False in ways else '打开'}又调到{levels[0]:g}：请只说想要的一种状态。")
    return None
