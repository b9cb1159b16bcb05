"""Two complaints in one ask, each about its own device: both are met (session 12, blind set 75).

"sun's in my eyes. and it's stuffy on line A" and 院子太吵了，还有一号线也好闷 had been refused ("say what the blinds or
fan should do"): each clause alone is a complaint the catalog reads (the glare closes the blinds; stuffiness starts the
line A fan; the yard's noise silences the siren), but read as one the semantic layer weighed both kinds together and
found no single way.  :func:`complaint_pairs` reads such an ask clause by clause, only where

- the whole ask was refused as "which way" / "which device" (AMBIGUOUS) and proposed nothing;
- it has two or three clauses (split at a full stop, a comma, "and", 还有), each a complaint (no verb of its own, a
  kind's catalog verb included, no "all": 百叶窗拉开，全部关上 and "the warehouse is dark, let the sunlight in" stay
  refused) that, read alone, proposes commands (no clause is dropped: a clause that
  reads as nothing refuses the whole ask, as before);
- the clauses act on different devices, none twice;
- and the commands together pass the direction check on the whole ask.

The proposal is all the clauses' commands, labelled with the ask; otherwise the refusal stands.  Pure: reads with the
assistant; no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import AMBIGUOUS, Proposal
from console.core.assistant.reader import read
from console.core.assistant.semantics import phrase_regex

_SPLIT = re.compile(r"\s*(?:[.;!?。；！？]+|[,，]\s*(?:and\s+|also\s+|还有|而且|另外)?|(?<=[a-z])\s+and\s+(?=it'?s\s|the\s|its\s)"
                    r"|还有|另外)\s*")


_NOT_VERB = frozenset({"too", "so", "in", "sun", "nobody", "no", "against", "glaring", "blinding", "circulating",
                       "moving", "paused", "frozen", "secured"})


def _imperative(asst: Any, part: str) -> bool:
    """Does a clause say a kind's own verb ("let the sunlight in", "ventilate line a", 一号线通风): a command, never a
    complaint?  English: a catalog up / down phrase at the clause's start (after "please"); Chinese: such a phrase
    anywhere, save a complaint's 太… / 好…."""
    zh = bool(re.search(r"[\u4e00-\u9fff]", part))
    head = re.sub(r"^(?:(?:please|pls|just|can\s+you|could\s+you)\s+)+", "", part)
    for km in asst.meaning.kinds.values():
        for p in (*km.up, *km.down):
            if not p:
                continue
            if zh:
                if not p.isascii() and p[0] not in "太好" and p in part:
                    return True
            elif p.isascii() and p.split()[0] not in _NOT_VERB and phrase_regex(p).match(head):
                return True
    return False


def complaint_pairs(asst: Any, utterance: str, prop: Proposal) -> Proposal:
    """``prop``, or the clauses' commands together where the whole ask was refused (module docstring)."""
    if prop.ok or prop.commands or prop.refusal is None or prop.refusal.kind != AMBIGUOUS:
        return prop
    text = normalize(utterance or "")
    if not text or len(text) > 160:
        return prop
    parts = [p.strip(" ,，") for p in _SPLIT.split(text)]
    parts = [re.sub(r"^(?:and|also|plus)\s+", "", p) for p in parts if p.strip(" ,，")]
    if not 2 <= len(parts) <= 3 or len(parts) != len(set(parts)):
        return prop
    commands, seen = [], set()
    for part in parts:
        said = read(part, asst.rules.vocab)
        if said.actions or any(mn.kind == "any" for mn in said.mentions) or _imperative(asst, part):
            return prop  # a verb of its own, or "all": no complaint (百叶窗拉开，全部关上 stays refused)
        got = asst.understand(part)
        if not got.ok or not got.commands:
            return prop
        for c in got.commands:
            if c.device_id in seen:
                return prop
            seen.add(c.device_id)
            commands.append(c)
    out = replace(prop, commands=tuple(commands), refusal=None, layer=got.layer)
    if asst.direction_problem(utterance, out) is not None:
        return prop
    return out
