"""A symptom given as the reason AFTER an explicit command adds nothing (session 9, harms found blind).

"kill conveyor A. now. smoke everywhere" also switched line A's fan on, 一号线先暂停生产，烟还没散 the same, and "pause
production on line B, there's coolant all over the floor" / 二号线停产，地上全是冷却液 also stopped the pump: the
trailing clause only says why the command is given, it asks for nothing more.

An ask whose clauses, from some point to its end, are all situations — no verb (``read(...).actions``), no way
(``_clause_ways``), no value, no device or kind named (a zone may be) — at least one of them a symptom (it refers to a
device through a nuisance word: a kind's ``removes`` / ``feelings`` words or semantics.ABSENCES, or through any thing
said with an existence word: "there's", "everywhere", "all over", 全是, 到处, 漏) and the rest chatter with nothing
referred to ("now"), after a head that itself commands (a verb or way, and its reading proposes commands alone), is
read as its head only.  A symptom that comes FIRST is itself the request (一号线有烟，顺便把产线停了: fan on + conveyor
A stop) and is not touched, nor is an elliptic object ("stop conveyor B, the pump too"), nor a symptom about the
commanded device itself ("turn off the AC, it's boiling" stays a refused contradiction).
Session 10 (harms found blind): a want a kind answers by giving what is missing (darkness, "gloomy": the things of a
kind whose default is "up" and that takes nothing away, a lamp; semantics.less_means_down) is a symptom too ("let the
daylight in, it's gloomy in the office" had switched both office lamps on with the blinds); a symptom placed where none
of the head's devices is, or said with "also"/另外, is an ask of its own, never a reason (一号线好闷，通通风，另外仓库太暗了
had silently dropped the warehouse lamp).
Pure: reads with the assistant (duck-typed: ``understand``, ``_refers``, ``_clause_ways``, ``rules``, ``meaning``);
no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.direction import UP
from console.core.assistant.lexicon import CJK
from console.core.assistant.reader import read
from console.core.assistant.semantics import ABSENCES

_CUT = re.compile(r"[,;:，；：。!！?？]|\.(?:\s|$)|—|\s-\s")
_EXISTS_EN = re.compile(r"(?<![a-z])(?:there's|there\s+is|there\s+are|everywhere|all\s+over|on\s+the\s+floor|leaking|"
                        r"leak(?:s|ed)?|spill(?:ed|ing|s)?|still)(?![a-z])")
_EXISTS_ZH = re.compile(r"全是|到处|满地|地上|漏|还没散|还在|还有|有")
# a verb the reader does not take for one ("把烟排掉", "get the smoke out"): the clause asks, it is no reason
_ASKS = re.compile(r"把|排|弄|赶|清|抽|散掉|散一散|吹|去掉|掉|走|(?<![a-z])(?:get|got|clear|take|remove|blow|suck|extract|vent|"
                   r"deal|fix|handle|sort|do|make|let|keep|need|want|please|can|could|would|should|must)(?![a-z])")
# "too" is "as well" only where no word it intensifies follows ("the pump too"; "too dark", "too much smoke": symptoms)
_ALSO = re.compile(r"(?<![a-z])too(?!\s*[a-z])"
                   r"|(?<![a-z])(?:also|as\s+well|either|plus|besides|additionally|another\s+thing)(?![a-z])"
                   r"|也|还要|一起|另外|此外|另一件事|顺便")


def _nuisance_words(asst: Any) -> tuple[str, ...]:
    words = getattr(asst, "_symptom_words", None)
    if words is None:
        found: set[str] = set(ABSENCES)
        for km in asst.meaning.kinds.values():
            found |= {w for w in (*km.removes, *km.feelings) if "..." not in w}
            if km.default == UP and not km.removes:  # what it gives is missing: darkness, "gloomy" (a lamp's)
                found |= {w for w in km.things if "..." not in w and not _ASKS.search(w)}
        words = tuple(sorted(found, key=len, reverse=True))
        asst._symptom_words = words
    return words


def _situation(asst: Any, clause: str) -> str | None:
    """"symptom", "chatter" (nothing referred to), or None when the clause asks or names something."""
    r = read(clause, asst.rules.vocab)
    if r.actions or r.numbers or r.enums or r.loose_numbers or asst._clause_ways(clause) \
            or any(mn.kind != "zone" for mn in r.mentions) or re.search(r"\d", clause) or _ALSO.search(clause) \
            or _ASKS.search(clause.lower()):
        return None
    if not asst._refers(clause):
        return "chatter" if not r.mentions else None
    zh = bool(CJK.search(clause))
    if (_EXISTS_ZH if zh else _EXISTS_EN).search(clause):
        return "symptom"
    low = clause.lower()
    for w in _nuisance_words(asst):
        if bool(CJK.search(w)) == zh and (w in clause if zh else re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", low)):
            return "symptom"
    return None


def trailing_symptoms(asst: Any, text: str, utterance: str) -> Any | None:
    """The head's proposal for a (normalised) ask of a command followed by symptom clauses only; None otherwise."""
    if not text:
        return None
    spans, at = [], 0
    for m in (*_CUT.finditer(text), None):
        a, b = at, (m.start() if m is not None else len(text))
        if text[a:b].strip(" .!?。！？"):
            spans.append((a, b))
        at = m.end() if m is not None else at
    k = len(spans)
    kinds: list[str] = []
    while k > 1:
        what = _situation(asst, text[spans[k - 1][0]:spans[k - 1][1]].strip(" .!?。！？'"))
        if what is None:
            break
        kinds.append(what)
        k -= 1
    if k == len(spans) or k == 0 or "symptom" not in kinds:
        return None
    head = text[:spans[k - 1][1]].strip()
    r = read(head, asst.rules.vocab)
    if not (r.actions or asst._clause_ways(head)):
        return None
    prop = asst.understand(head)
    if not prop.ok or not prop.commands:
        return None
    about = set().union(*(asst._refers(text[a:b]) for a, b in spans[k:]))
    if about & {c.device_id for c in prop.commands}:
        return None  # "turn off the AC, it's boiling": about the commanded device itself (the contradiction check's)
    here = {asst.by_id[c.device_id].zone for c in prop.commands if c.device_id in asst.by_id}
    for a, b in spans[k:]:  # "…, 通通风，仓库太暗了": another place's problem is an ask of its own, never a reason here
        zones = {z for mn in read(text[a:b], asst.rules.vocab).mentions if mn.kind == "zone" for z in mn.keys}
        if zones and not zones & here:
            return None
    return replace(prop, utterance=utterance)
