"""The direction check over a whole proposal: each clause's direction binds the devices that clause is about
(:func:`clause_directions`), and every command must go the way its words say (:func:`check_proposal`), with
the per-command rules of ``direction`` (:func:`~console.core.assistant.direction.violation`).

Apart from ``direction`` because it splits (``clauses``) and normalises (``phrases``) the ask, and ``phrases``
itself reads direction words (through ``asides``): kept in ``direction``, that was an import cycle
(tests/test_architecture.py).  Pure, Qt-free.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from console.core.assistant.clauses import split_spaced
from console.core.assistant.direction import direction_of, violation
from console.core.assistant.phrases import normalize
from console.core.assistant.state_reports import mask_state_reports
from console.core.protocol import DeviceMeta


def clause_directions(text: str, refers: Callable[[str], set[str]],
                      ways: Callable[[str], set[str]] | None = None) -> dict[str, set[str]]:
    """Each device's directions from the clauses about it: "floodlight off and sound the yard siren" →
    {lamp: {down}, siren: {up}}.  ``refers(clause)`` says which devices a clause is about; a device that
    no clause with a direction word is about is absent (the whole ask's directions apply to it).  ``ways``
    (default :func:`direction_of`) reads a clause's directions: the assistant adds its kinds' own words ("air out
    line a" is "up" for the fan, whatever "close off the steam" says)."""
    out: dict[str, set[str]] = {}
    clauses = split_spaced(text)  # 二号线停产 冷却水开起来: a space between Chinese clauses bounds them too
    if len(clauses) < 2:
        return out
    for clause in clauses:
        said = (ways or direction_of)(clause)
        if not said:
            continue
        for dev in refers(clause):
            out.setdefault(dev, set()).update(said)
    return out


def check_proposal(text: str, proposal, by_id: Mapping[str, DeviceMeta],
                   current: Callable[[str], Mapping[str, Any] | None] | None = None,
                   refers: Callable[[str], set[str]] | None = None,
                   ways: Callable[[str], set[str]] | None = None) -> str | None:
    """The first command of ``proposal`` that goes against ``text``'s direction, as a reason; or None.
    With ``refers`` (which devices a clause is about), a device a clause is about must go that clause's
    way: in a multi-clause ask the other clause's direction word never excuses it."""
    norm = mask_state_reports(normalize(text or ""))  # "the floodlight is still on, switch it off": no "on" asked
    wanted = direction_of(norm)
    own = clause_directions(norm, refers, ways) if refers is not None else {}
    for c in proposal.commands:
        meta = by_id.get(c.device_id)
        if meta is None:
            continue
        why = violation(meta, c.params, own.get(c.device_id) or wanted, current(c.device_id) if current else None)
        if why:
            return why
    return None
