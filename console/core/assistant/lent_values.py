"""A "which one?" clause whose value the whole reading lent to another clause's device (fixer notes, held-out 16
round): with no model loaded, "dim the lamp to 40% and switch off the desk lamp" gave the desk lamp both level 40 and
off — the unresolved "the lamp" took the device the other clause names.  A clause that asks "which one?" and states
its own value is never resolved by another clause's device: the ask becomes that question (layers.py refuses it).

Pure and Qt-free, no threads, no locks.
"""

from __future__ import annotations

from typing import Any, Iterable

from console.core.assistant.reading import Reading


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


def clause_values(r: Reading) -> list[Any]:
    """The values a clause states itself: its numbers (40 of "to 40%") and its enum words ("high")."""
    return [n.value for n in r.numbers if n.value is not None] + list(r.enums)


def lent_to(values: Iterable[Any], commands: Iterable[Any], others: set[str]) -> list[str]:
    """The names of the devices in ``commands`` (the whole reading) that another clause's own reading has
    (``others``: their ids) and that carry one of this clause's ``values``."""
    vals = list(values)
    return [c.device_name for c in commands if c.device_id in others
            and any(_same(v, pv) for v in vals for pv in c.params.values())]
