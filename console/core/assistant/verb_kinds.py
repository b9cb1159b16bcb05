"""A verb that is one kind's own word decides the kind before any model is asked (session 9, harms found blind).

"ventilate line A, full blast" reached the model as a tie between "Line A exhaust fan: speed high" and "Line A
conveyor: speed 120 rpm" (line A's two devices that take a maximum), and the model picked the conveyor: "ventilate" is
the fan's word (catalog semantics: the fan kind's ``up`` words), yet the tie carried every device of the place.  The
model chooses between readings the words leave open; it must never be asked to choose a device of a kind the ask's
verb does not belong to.

:func:`own_verb_kinds` are the kinds whose own up/down phrases the ask says — a phrase no other kind has among its
words (up, down, things) and that is no generic switching verb (bare_verbs.py: "open", 打开, "sound") nor a light verb
("give", "get", "clear", "make" …: they say nothing about the kind).  :func:`verb_kind_only` keeps, of the candidates
a tie would give the model, only those whose every device is of such a kind, when that keeps some and drops others:
one left is the reading (no model, no pick); several still go to the model, among that kind only.  Called first in
``Assistant._choose`` (layers.py).  Pure: reads the assistant's catalog semantics; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from console.core.assistant.phrases import normalize
from console.core.assistant.semantics import matched

# light verbs: a kind's word that says nothing of the kind on its own ("give line a full power", "clear line a")
_LIGHT = frozenset("give get make let put take have keep bring set clear go do run start stop turn switch".split())


def _own_phrases(asst: Any) -> dict[str, tuple[str, ...]]:
    """kind → its up/down phrases that are its own (built once per assistant, kept on it)."""
    table = getattr(asst, "_own_verb_table", None)
    if table is not None:
        return table
    kinds = asst.meaning.kinds
    table = {}
    for kind, km in kinds.items():
        generic = set(asst.generic_verbs.get(kind, ()))
        others = {p for k, o in kinds.items() if k != kind for p in o.up + o.down + o.things}
        own = []
        for p in km.up + km.down:
            words = re.findall(r"[a-z]+", p)
            if p in generic or p in others or (words and all(w in _LIGHT for w in words)) or "..." in p:
                continue
            own.append(p)
        table[kind] = tuple(own)
    asst._own_verb_table = table
    return table


def own_verb_kinds(asst: Any, text: str) -> set[str]:
    """The kinds whose own verbs the (normalised) ask says ("ventilate" → the fan)."""
    present = {m.kind for m in asst.metas}
    return {k for k, phrases in _own_phrases(asst).items() if k in present and phrases and matched(text, phrases)}


def verb_kind_only(asst: Any, utterance: str, cands: Sequence[Any]) -> list[Any]:
    """The tie's candidates less those on devices of a kind the ask's own verb does not name (see module)."""
    if len(cands) < 2:
        return list(cands)
    kinds = own_verb_kinds(asst, normalize(utterance or ""))
    if not kinds:
        return list(cands)
    keep = [p for p in cands if p.commands and all(c.device_id in asst.by_id and asst.by_id[c.device_id].kind in kinds
                                                   for c in p.commands)]
    return keep if keep and len(keep) < len(cands) else list(cands)
