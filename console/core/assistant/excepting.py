"""Exceptions: "turn on every lamp except the warehouse floodlight", "turn off all the lights except the ones in
the office", 把所有灯都关掉，除了办公室台灯 / 除了办公室台灯以外，把灯都关掉.

:func:`split_exception` cuts an (already normalised) ask into the ask proper and what it excepts;
:func:`excepted_ids` reads the excepted part into devices (by name, or by kind and place together: "the ones
in the office", 办公室的灯).  The assistant (layers.py) reads the ask proper as any ask and removes the excepted
devices from its commands: the set is all matching devices minus the excepted ones.  It refuses, with the
reason, an exception that names nothing of the fleet, nothing of the set, or all of it, and one that is no
plain list of devices ("except when it rains", "except at night").  Pure, Qt-free.
"""

from __future__ import annotations

import re
from typing import Sequence

from console.core.assistant.reader import read
from console.core.assistant.vocabulary import Vocabulary
from console.core.protocol import DeviceMeta

_EN = re.compile(r"^(?P<ask>.+?)\s*,?\s+(?:except(?:\s+for)?|but\s+not|other\s+than|apart\s+from|save\s+for)\s+"
                 r"(?P<but>[^,;:]+?)\s*[.!]*$")
_EN_LEAD = re.compile(r"^(?:except(?:\s+for)?|other\s+than|apart\s+from)\s+(?P<but>[^,;:]+?)\s*[,;:]\s*(?P<ask>.+)$")
_ZH_TAIL = re.compile(r"^(?P<ask>.+?)[，,；;]\s*除了(?P<but>[^，,；;。]+?)(?:以外|之外)?\s*[。！!.]*$")
_ZH_LEAD = re.compile(r"^除了(?P<but>[^，,；;。]+?)(?:以外|之外)?\s*[，,；;]?\s*(?P<ask>[^，,；;。]+?)\s*[。！!.]*$")
# the excepted part must be a list of devices, never a time or a condition
_NOT_A_LIST = re.compile(r"(?<![a-z])(?:when|whenever|if|while|during|at|after|before|until|on\s+(?:monday|tuesday|"
                         r"wednesday|thursday|friday|saturday|sunday|weekends?))(?![a-z])|\d|的时候|时|如果")


_PIECES = re.compile(r"\s*(?:,|(?<![a-z])(?:and|or|nor)(?![a-z])|&|和|及|以及|、|跟)\s*")


def split_exception(text: str) -> tuple[str, str] | None:
    """(the ask proper, the excepted part) of an ask that says "except …" / 除了…, or None."""
    for pat in (_EN_LEAD, _EN, _ZH_LEAD, _ZH_TAIL):
        m = pat.match(text or "")
        if m is not None and m.group("ask").strip() and m.group("but").strip():
            return m.group("ask").strip(" ,，"), m.group("but").strip()
    return None


def excepted_ids(but: str, vocab: Vocabulary, metas: Sequence[DeviceMeta]) -> tuple[set[str], str | None]:
    """The devices the excepted part names, and None; or an empty set and the word that is not a device list."""
    if _NOT_A_LIST.search(but):
        return set(), but
    out: set[str] = set()
    for piece in _PIECES.split(but):  # "the lights in the office and the warehouse floodlight": each on its own
        if not piece.strip():
            continue
        ids, bad = _piece_ids(piece.strip(), vocab, metas)
        if bad is not None:
            return set(), bad
        out |= ids
    return out, (None if out else but)


def _piece_ids(but: str, vocab: Vocabulary, metas: Sequence[DeviceMeta]) -> tuple[set[str], str | None]:
    r = read(but, vocab)
    if r.unknown_nouns:
        return set(), " ".join(dict.fromkeys(r.unknown_nouns))
    if r.has_change or r.question or r.unsupported is not None:
        return set(), but
    known = {m.id for m in metas}
    named = {k for mn in r.mentions if mn.kind == "device" for k in mn.keys if k in known}
    zones = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
    kinds = {k for mn in r.mentions if mn.kind == "kind" for k in mn.keys}
    if not named and (zones or kinds):  # a named device's place is its qualifier ("the desk lamp in the office")
        named = {m.id for m in metas if (not zones or m.zone in zones) and (not kinds or m.kind in kinds)}
    return named, (None if named else but)
