"""A clause the model read never decides a value the other clauses clash over (session 13, set 93, harm with the model).

"阳光太刺眼了，办公室遮一半" (the sun is glaring, shade the office half way): without a model the ask read blinds 50 (the
whole reading; the second clause alone is "which one?" among the office lamps at 50 % and the blinds at 50 %).  With
the bundled model the second clause's pick was a lamp, so the first clause (the complaint, whose implied value is the
blinds closed, 0) was the only clause about the blinds, and clause binding gave the blinds its 0 over the whole
reading's explicit 50; picking the blinds instead gave 50 ("two clauses disagree": the whole reading).  The model's
pick decided the value.

:func:`guessed_clash`: a clause read by the model whose legal readings (the semantic layer's and the rules' ties, the
candidates the model chose among) include a value for a device that another clause sets to something else is a clash
whatever the model picked: clause binding keeps the whole reading (and its gates), as it does when the pick is that
reading.  So no pick can change a value the rules or the semantics read.  Pure; the readings come from the caller.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence


def guessed_clash(read_parts: Sequence[tuple[str, Any]], alternatives: Callable[[str], Sequence[Any]],
                  same: Callable[[Any, Any], bool]) -> bool:
    """Whether a model-read clause of ``read_parts`` ((clause, proposal) pairs) has a legal reading (``alternatives``)
    that gives a device another clause (not model-read) sets a different value for the same setting."""
    guessed = [clause for clause, p in read_parts if p.ok and any(c.picked_by_model for c in p.commands)]
    if not guessed:
        return False
    for clause in guessed:
        said: dict[str, dict[str, Any]] = {}
        for other, p in read_parts:
            if other != clause and p.ok:
                for c in p.commands:
                    if not c.picked_by_model:
                        said.setdefault(c.device_id, {}).update(c.params)
        if not said:
            continue
        for q in alternatives(clause):
            for c in getattr(q, "commands", ()):
                mine = said.get(c.device_id)
                if mine and any(k in mine and not same(mine[k], v) for k, v in c.params.items()):
                    return True
    return False
