"""A purpose clause's model pick, dropped from the whole reading too (held-out 15: 开锁，让送货的进来).

``Assistant._purposes`` (layers.py) drops a clause the model resolved when one of its legal readings is what the
rest of the ask already does ("let the delivery people in" after "unlock"): the clause explains the unlock.  The
model may also have been asked about the whole ask (the rules read the whole as a tie) and picked the purpose's
other reading (the blinds): that pick is the same guess, and goes with its clause.  A model pick of the whole
reading that no remaining clause's own reading has is dropped; when nothing is left, the whole reading becomes
a refusal, so that the clauses alone are merged (layers.py ``_by_clause``).  Also the clause binding for
clauses the model read (``lost_to_model_clauses``, used by ``Assistant._params_by_clause``).

Pure and Qt-free; no thread of its own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from console.core.assistant.proposal import NOTHING_ACTIONABLE, Proposal, Refusal
from console.core.assistant.wording import t


def drop_purpose_picks(whole: Proposal, before: list[tuple[str, Proposal]],
                       kept: list[tuple[str, Proposal]]) -> Proposal:
    """``whole`` less its model picks that only a purpose clause (in ``before``, not in ``kept``) stood for."""
    if not whole.ok or len(kept) >= len(before) or not any(c.picked_by_model for c in whole.commands):
        return whole
    read = {c.device_id for _, p in kept if p.ok for c in p.commands}
    left = tuple(c for c in whole.commands if not c.picked_by_model or c.device_id in read)
    if len(left) == len(whole.commands):
        return whole
    if not left:
        # (shown only if a clause also failed: then the operator is told to say what should change)
        return replace(whole, commands=(), refusal=Refusal(NOTHING_ACTIONABLE, t(
            whole.lang, "Nothing to do: say what should change, e.g. \"turn off the desk lamp\" or "
                        "\"set the AC to 22 °C\".",
            "没有可执行的操作：请说明要改变什么，例如“关掉台灯”或“把空调设为22度”。")))
    return replace(whole, commands=left)


def lost_to_model_clauses(whole: Proposal, read_parts: list[tuple[str, Proposal]], chosen: dict[str, dict[str, Any]],
                          picked: set[str]) -> None:
    """Clause binding with clauses the model read ("dim the lamp to 40% and switch off the desk lamp": the whole
    reading gave the desk lamp both; the first clause's own reading is the model's pick among the lamps).  A
    value the binding took away from a device of the whole reading (``chosen``: the desk lamp keeps only its own
    clause's "off") goes to the device a model-read clause picked for that value, marked as the model's (added to
    ``chosen`` and ``picked``); never a value the whole reading did not have, never over a device already there."""
    lost = [(k, v) for c in whole.commands for k, v in c.params.items()
            if c.device_id in chosen and k not in chosen[c.device_id]]
    if not lost:
        return
    for _clause, p in read_parts:
        for c in p.commands:
            if c.picked_by_model and c.device_id not in chosen and c.params and all(
                    any(k == lk and v == lv for lk, lv in lost) for k, v in c.params.items()):
                chosen[c.device_id] = dict(c.params)
                picked.add(c.device_id)
