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
from typing import Callable, Sequence

from console.core.assistant.reader import read
from console.core.assistant.vocabulary import Vocabulary
from console.core.protocol import DeviceMeta

_EXCEPT_EN = r"(?:except(?:\s+for)?|but\s+not|other\s+than|apart\s+from|save\s+for)"
# the value after the exception: "set every conveyor except the line B one to 60 rpm", "every lamp except the desk
# one off" → the ask "set every conveyor to 60 rpm" less "the line B one"
# a bare run/switch verb after the exception is its verb too (session 9): "all conveyors but conveyor B stop" had stopped
# conveyor B (the excepted one), "all conveyors but the B one stop" both; never lock / open / close (nouns as well:
# "everything except the main door lock")
_VALUE_TAIL = (r"(?P<tail>to\s+[^,;:]*?(?:\d|high|low|medium|max(?:imum)?|min(?:imum)?|full|half)[^,;:]*|"
               r"(?:(?:go|be|get|turn|switch|power)\s+)?(?:on|off)|stop|start|run|halt|pause|resume|shut\s+(?:off|down))")
_EN_MID = re.compile(rf"^(?P<head>.+?)\s+{_EXCEPT_EN}\s+(?P<but>[^,;:\d]+?)\s*,?\s+{_VALUE_TAIL}\s*[.!]*$")
# a bare "but" after all / every: "all conveyors but the B one", "everything but the siren"; only a plain noun
# phrase after it ("turn off all the lights but leave the fan on" keeps its two clauses)
_BARE_BUT = re.compile(r"^(?P<head>.*?(?<![a-z])(?:all|every|each|everything)(?![a-z]).*?)\s*,?\s+but\s+"
                       r"(?P<but>(?:(?:the|that|this|those|these)\s+)?[^,;:\d]+?)(?:\s*,?\s+" + _VALUE_TAIL
                       + r")?\s*[.!]*$")
_NOT_A_PHRASE = re.compile(r"(?<![a-z])(?:is|are|was|were|be|stays?|remains?|keep|leave|let|already|still|too|only|"
                           r"just|also|please|should|must|will|can|do|does|not|no|then|plus|set|turn|switch|make|"
                           r"put|get|bring|run|start|stop|open|close|shut|lock|unlock|raise|lower|dim|cool|heat|"
                           r"warm|crank|bump|drop)(?![a-z])")
# "the desk one", "the line B ones": "one" stands for the ask's own kind
_ONE = re.compile(r"^(?:the\s+|that\s+|this\s+|those\s+|these\s+)?(?P<x>.+?)\s+ones?$")
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
    m = _EN_MID.match(text or "")  # the part moved must be a plain noun phrase, never a second clause
    if m is not None and m.group("head").strip() and not _EN_LEAD.match(text or "") \
            and not _NOT_A_PHRASE.search(m.group("but")):
        return f"{m.group('head').strip(' ,')} {m.group('tail')}", m.group("but").strip()
    for pat in (_EN_LEAD, _EN, _ZH_LEAD, _ZH_TAIL):
        m = pat.match(text or "")
        if m is not None and m.group("ask").strip() and m.group("but").strip():
            return m.group("ask").strip(" ,，"), m.group("but").strip()
    return None


def bare_but(text: str) -> tuple[str, str] | None:
    """(the ask proper, the excepted part) of "all conveyors but the B one (to 60 rpm)", or None.  A bare "but" is
    also a plain conjunction: the caller reads it as an exception only when the part is a list of the set's
    devices, and otherwise reads the ask as before."""
    m = _BARE_BUT.match(text or "")
    if m is None or _NOT_A_PHRASE.search(m.group("but")) or len(m.group("but").split()) > 6:
        return None
    tail = m.group("tail")
    return (f"{m.group('head').strip(' ,')} {tail}" if tail else m.group("head").strip(" ,")), m.group("but").strip()


def excepted_ids(but: str, vocab: Vocabulary, metas: Sequence[DeviceMeta],
                 kind_words: Sequence[str] = (),
                 resolve: Callable[[str], str] = lambda text: text) -> tuple[set[str], str | None]:
    """The devices the excepted part names, and None; or an empty set and the word that is not a device list.
    ``kind_words``: the words of the ask's own kinds, for "the desk one" (the desk lamp) / "the B one".
    ``resolve``: the fleet's ordinal names read as its device ids (ordinals.py: 一号传送带, "conveyor number one",
    "the first one" of the ask's kind), so an exception said by number is that one device (session 9: 除了一号传送带 had
    been refused, "except conveyor number one" had excepted both conveyors); its digits are then no time."""
    said = resolve(but)
    for m in metas:  # the ids an ordinal name became ("lamp-office-2") are no number of a time or a condition
        said = said.replace(m.id, " ")
    if _NOT_A_LIST.search(said):
        return set(), but
    out: set[str] = set()
    for piece in _PIECES.split(but):  # "the lights in the office and the warehouse floodlight": each on its own
        if not piece.strip():
            continue
        ids, bad = _piece_ids(piece.strip(), vocab, metas, resolve)
        one = _ONE.match(piece.strip())
        if one is not None and (bad is not None or not ids):
            ids, bad = _one_ids(one.group("x"), vocab, metas, kind_words, resolve) or (ids, bad)
        if bad is not None:
            return set(), bad
        out |= ids
    return out, (None if out else but)


def _piece_ids(but: str, vocab: Vocabulary, metas: Sequence[DeviceMeta],
               resolve: Callable[[str], str] = lambda text: text) -> tuple[set[str], str | None]:
    r = read(resolve(but), vocab)
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


def _one_ids(x: str, vocab: Vocabulary, metas: Sequence[DeviceMeta], kind_words: Sequence[str],
             resolve: Callable[[str], str] = lambda text: text) -> tuple[set[str], None] | None:
    """"the desk one" read as "the desk <kind word>" / "<kind word> desk", for the ask's kinds: the first reading
    that names some, not all, of that kind's devices."""
    for w in kind_words:
        for phrase in (f"{x} {w}", f"{w} {x}"):
            ids, bad = _piece_ids(phrase, vocab, metas, resolve)  # "the first one": the first <kind>
            r = read(resolve(phrase), vocab)
            kinds = {k for mn in r.mentions if mn.kind == "kind" for k in mn.keys}
            of_kind = {m.id for m in metas if m.kind in kinds}
            if bad is None and ids and not (of_kind and ids >= of_kind):
                return ids, None
    return None
