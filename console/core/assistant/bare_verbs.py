"""A bare switching verb names no device: 打开, 帮我打开, 打开一下, 全部打开, "open", "open it", 关掉, "pause".

The catalog semantics give each kind words for more or less of what it does (semantics.py ``up`` / ``down``), and
some of those are also the rules' generic verbs (lexicon.ACTIONS_*: on, off, open, close, 打开, 关掉 …): the lock's
"open" / 打开, the conveyor's 暂停, the siren's "sound".  In an ask that names no device, kind or thing, such a verb
said alone is no evidence of the kind: the rules already answer "which device?", and the semantic layer must not then
pick a device by the verb (held-out 28: a bare 打开 — alone, or as the spaced part 打开一下 of 那个 办公室顶灯 打开一下 —
unlocked the main door).  A kind's own words that are no generic verb ("unlock", 开锁, "lock up", "ventilate",
"let ... in") still read alone as before.

Pure: the phrases are sorted once per assistant (:func:`generic_phrases`); :func:`says_own_verb` is one ``matched``
over a kind's few phrases.
"""

from __future__ import annotations

from typing import Mapping

from console.core.assistant.lexicon import ANY_OFF, ANY_ON, CLOSE, OFF, ON, OPEN
from console.core.assistant.reader import read
from console.core.assistant.semantics import KindMeaning, matched
from console.core.assistant.vocabulary import Vocabulary

# the rules' verbs that switch or open any device: said alone they pick none
GENERIC_ACTIONS = frozenset({ON, OFF, OPEN, CLOSE, ANY_ON, ANY_OFF})


def generic_phrases(kinds: Mapping[str, KindMeaning], vocab: Vocabulary) -> dict[str, tuple[str, ...]]:
    """kind → its up / down phrases that are nothing but the rules' generic verbs ("open", 打开, 暂停, "sound")."""
    out: dict[str, tuple[str, ...]] = {}
    for kind, km in kinds.items():
        generic = []
        for phrase in km.up + km.down:
            r = read(phrase.replace("...", " "), vocab)
            if r.actions and all(a in GENERIC_ACTIONS for a in r.actions) and not r.mentions:
                generic.append(phrase)
        out[kind] = tuple(generic)
    return out


def says_own_verb(km: KindMeaning, generic: tuple[str, ...], text: str) -> bool:
    """Does ``text`` say one of ``km``'s direction phrases that is not a generic verb ("unlock", 开锁, "lock up")?"""
    return bool(matched(text, tuple(p for p in km.up + km.down if p not in generic)))
