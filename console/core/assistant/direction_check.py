"""The direction check over a whole proposal: each clause's direction binds the devices that clause is about
(:func:`clause_directions`), and every command must go the way its words say (:func:`check_proposal`), with
the per-command rules of ``direction`` (:func:`~console.core.assistant.direction.violation`).

Apart from ``direction`` because it splits (``clauses``) and normalises (``phrases``) the ask, and ``phrases``
itself reads direction words (through ``asides``): kept in ``direction``, that was an import cycle
(tests/test_architecture.py).  Pure, Qt-free.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping

from console.core.assistant.clauses import split_spaced
from console.core.assistant.direction import direction_of, violation
from console.core.assistant.phrases import normalize
from console.core.assistant.restart_reports import report_event
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
                   ways: Callable[[str], set[str]] | None = None,
                   situation: Callable[[str], Mapping[str, str]] | None = None,
                   said_ways: Callable[[str], set[str]] | None = None) -> str | None:
    """The first command of ``proposal`` that goes against ``text``'s direction, as a reason; or None.
    With ``refers`` (which devices a clause is about), a device a clause is about must go that clause's
    way: in a multi-clause ask the other clause's direction word never excuses it.  With ``situation`` (a clause that
    names no device and says a kind's own way: {device: way}), a device a situation and a command bind opposite ways
    is checked against each (``_single_ways``; ``said_ways``: the ways a clause states, no default guessed)."""
    norm = mask_state_reports(normalize(text or ""))  # "the floodlight is still on, switch it off": no "on" asked
    event = _reported_event(norm, refers)
    if event is not None:  # "line b stopped moving product, get it moving": the stop is how it is (restart_reports.py)
        norm = event[0]
    wanted = direction_of(norm)
    own = clause_directions(norm, refers, ways) if refers is not None else {}
    single = _single_ways(norm, refers, said_ways or ways, situation) if refers is not None and situation is not None \
        else {}
    for c in proposal.commands:
        meta = by_id.get(c.device_id)
        if meta is None:
            continue
        now = current(c.device_id) if current else None
        why = violation(meta, c.params, own.get(c.device_id) or wanted, now)
        if why:
            return why
        if event is not None and event[1] and not wanted and not own.get(c.device_id):
            # the report's event is the ask's only way ("line b stopped, sort it out"): never the command's way
            why = violation(meta, c.params, {"up" if event[1] == "down" else "down"}, now)
            if why:
                return f"{why} (the ask only says what happened to it)"
        for way in single.get(c.device_id, ()):  # "open the blinds, too much sun": up by one clause, down by another
            why = violation(meta, c.params, {way}, now)
            if why:
                return why
    return None


_PRONOUN = re.compile(r"(?<![a-z])(?:it|them)(?![a-z])|它")


def _reported_event(norm: str, refers: Callable[[str], set[str]] | None) -> tuple[str, str] | None:
    """``restart_reports.report_event`` where the command clause is about no device of its own beyond the report's
    (it points back: "…, get it moving", 让它动起来); never where it names another ("A线停了，B线再开": A's stop is
    asked for).  The way is "" where the event says neither ("the siren went off": it sounded)."""
    found = report_event(norm)
    if found is None:
        return None
    parts = split_spaced(norm)
    if refers is not None and len(parts) == 2 and refers(parts[1]) - refers(parts[0]):
        return None
    if refers is None and not _PRONOUN.search(parts[-1] if parts else ""):
        return None  # no way to tell what "再开" is about: only a command that says "it" / 它
    masked, way = found
    gone = norm[next((i for i, (a, b) in enumerate(zip(norm, masked)) if a != b), len(norm)):]
    return masked, ("" if gone.lstrip().startswith("went off") else way)


def _single_ways(text: str, refers: Callable[[str], set[str]], ways: Callable[[str], set[str]] | None,
                 situation: Callable[[str], Mapping[str, str]]) -> dict[str, set[str]]:
    """The devices that a situation binds one way ("too much sun", 太晒了, "cut off the steam": the way its kind's own
    words say, ``situation(clause)`` → {device: way}) and a clause with a way of its own binds the other ("open the
    blinds"), with both ways (session 8: "open the blinds, too much sun" closed the blinds, "open the valve, cut off the
    steam" closed the valve: the union of both ways excused either).  Such a device must go neither way against a
    clause: a switch or an extreme of an amount is refused (a contradiction), a value between ("open the blinds to
    30 %, too much sun") still passes.  A clause that says both ways itself binds as before."""
    clauses = split_spaced(text)
    if len(clauses) < 2:
        return {}
    felt: dict[str, set[str]] = {}
    told: dict[str, set[str]] = {}
    for clause in clauses:
        found = situation(clause)
        if found:
            for dev, way in found.items():
                felt.setdefault(dev, set()).add(way)
            continue
        said = (ways or direction_of)(clause)
        if len(said) != 1:
            continue
        for dev in refers(clause):
            told.setdefault(dev, set()).update(said)
    return {dev: felt[dev] | told[dev] for dev in felt.keys() & told.keys() if len(felt[dev] | told[dev]) > 1}
