"""Every coordinated device must take the verb (session 7 G): "lock the door and the blinds" — the blinds cannot be
locked — is refused whole, naming that part, never the door locked with "the blinds" dropped; nothing is proposed
so that no part is done without the rest.

:func:`unfit_part` reads an ask of one verb before a list of nouns ("lock the door and the blinds", "open the valve,
the blinds and the door on line b", 把门和百叶窗打开) once per noun with the verb said before it, and refuses the
whole ask when one such part is refused as "the device cannot do that" (unsupported); the ask's own reading
otherwise.  The nouns must say no verb of their own ("stop conveyor a and start conveyor b" is two clauses
already).  Pure: reads with the assistant; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.noun_pairs import _PAIR_ZH
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import UNSUPPORTED
from console.core.assistant.reader import read

_ONE_VERB_EN = re.compile(r"^(?:please\s+)?(?P<verb>[a-z]+(?:\s+(?:off|down|out|up|on))?)\s+"
                          r"(?P<list>(?:(?:the\s+)?[a-z0-9]+(?:\s+[a-z0-9]+){0,2}\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*))+"
                          r"(?:the\s+)?[a-z0-9]+(?:\s+[a-z0-9]+){0,2})"
                          r"(?P<place>\s+(?:on|in|at|for)\s+[a-z0-9 ]{1,20})?\s*[.!]?$")
_ITEM_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def _parts(text: str, vocab: Any) -> list[tuple[str, str]]:
    """(noun, the ask with the verb before that noun) for each coordinated noun; empty when the ask is no list."""
    m = _ONE_VERB_EN.match(text)
    if m is not None:
        items = [i for i in _ITEM_SEP.split(m.group("list")) if i]
        if len(items) < 2 or any(read(i, vocab).actions for i in items):
            return []
        return [(i, f"{m.group('verb')} {i}{m.group('place') or ''}") for i in items]
    m = _PAIR_ZH.match(text)
    if m is None:
        return []
    if m.group("ba"):
        pre, v = m.group("pre") or "", m.group("v")
        return [(n, f"把{pre}{n}{v}") for n in (m.group("x"), m.group("y"))]
    return [(n, f"{m.group('v2')}{n}") for n in (m.group("x2"), m.group("y2"))]


def _acted_on(asst: Any, noun: str, done: set[str]) -> bool:
    """Does ``noun`` name no device or kind, or one that the ask's reading already acts on?"""
    keys = [(mn.kind, k) for mn in read(noun, asst.rules.vocab).mentions if mn.kind in ("device", "kind")
            for k in mn.keys]
    if not keys:
        return True
    return any(k in done if kind == "device" else any(asst.by_id[d].kind == k for d in done if d in asst.by_id)
               for kind, k in keys)


def unfit_part(asst: Any, utterance: str, prop: Any) -> Any:
    """``prop`` (the ask's reading), or a refusal naming a coordinated noun the verb cannot act on."""
    if not prop.ok or not prop.commands:
        return prop
    text = normalize(utterance or "")
    if " and " not in text and "," not in text and "&" not in text and not re.search(r"[和与跟及]", text):
        return prop
    done = {c.device_id for c in prop.commands}
    for noun, part in _parts(text, asst.rules.vocab):
        if _acted_on(asst, noun, done):  # "lock up the building and lights out everywhere": the lamps are done
            continue
        got = asst.understand(part)
        if got.refusal is not None and got.refusal.kind == UNSUPPORTED and not got.commands:
            why = got.refusal.reason
            return asst._refuse(utterance, UNSUPPORTED,
                                f"'{noun}': {why} — nothing is proposed, so that no part is done without the rest; "
                                "ask again without it.",
                                f"“{noun}”：{why}——为免只做一部分，整句都不执行；请去掉它再说一次。")
    return prop
