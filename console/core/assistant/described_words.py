"""A device's sound or load, said beside a place, picks its kind there (session 9, harms found blind).

described.py reads a device described in a frame ("the gurgling thing on line 2", 二号线那个咕噜咕噜的), and
described_nouns.py the sound or load word standing where a name goes ("that gurgling on line 2", 二号线的箱子): the words
the catalog gives a kind for how it sounds or what it visibly handles (its ``described`` words) pick the one device.
Said in other shapes the word was lost and the place alone chose every device there:

- 二号线咕噜咕噜那个停了 ("the gurgling one on line 2, stop") and 二号线咕噜咕噜的那个停了 stopped conveyor B with the pump;
- 二号线箱子开始动，速度50 ("the boxes on line 2 start moving, speed 50") started the cooling pump with the conveyor;
- "line 2 gurgling, kill it" stopped both.

:func:`described_kind_only` (a gate after every layer, next to place_kind_verbs.own_kind_only): an ask that names a
place and no device or kind, says no "all", and says in the place's own clause a kind's ``described`` word (English of
four letters or more, Chinese of two characters or more: 叫, 响, 吹 alone are too common) acts only on the devices of
the kinds those words describe; it is refused when none of the proposed devices is of such a kind ("二号线呼呼那个关了":
whooshing is the fan's, line 2 has none).  "二号线停了" and "二号线全部停了" keep every device of the place.

Pure: reads with the assistant (its reader, catalog semantics); the word table is built once per assistant and kept
on it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.clauses import split_clauses
from console.core.assistant.lexicon import CJK
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import UNKNOWN_DEVICE, Refusal
from console.core.assistant.reader import read
from console.core.assistant.semantics import matched

_ALL = re.compile(r"(?<![a-z])(?:all|every|everything|both|each)(?![a-z])|全部|所有|全都|都|统统|一切")


def _kinds_of(asst: Any) -> dict[str, set[str]]:
    """described word → the kinds it describes (built once per assistant, kept on it)."""
    got = getattr(asst, "_described_kinds", None)
    if got is not None:
        return got
    present = {m.kind for m in asst.metas}
    got = {}
    for kind, km in asst.meaning.kinds.items():
        if kind not in present:
            continue
        for w in km.described:
            if (CJK.search(w) and len(w) >= 2) or (w.isascii() and len(w) >= 4 and "..." not in w):
                got.setdefault(w, set()).add(kind)
    asst._described_kinds = got
    return got


def described_kind_only(asst: Any, utterance: str, prop: Any) -> Any:
    """``prop`` less the devices of kinds the place's clause does not describe (see module); a refusal when none is
    left; ``prop`` itself when the rule does not apply."""
    if not prop.ok:
        return prop
    text = normalize(utterance or "")
    kinds_of = _kinds_of(asst)
    if not any(w in text for w in kinds_of) or _ALL.search(text):
        return prop
    kinds: set[str] = set()
    for clause in split_clauses(text) or [text]:
        c = normalize(clause)
        r = read(c, asst.rules.vocab)
        if any(mn.kind in ("device", "kind") for mn in r.mentions):
            return prop  # a device or kind named: the words describe it, they pick nothing
        zoned = any(mn.kind == "zone" for mn in r.mentions) or asst._zone_numbers(asst.ordinals.rewrite(c)) != c
        if zoned:
            kinds |= {k for w, ks in kinds_of.items() if w in c and (CJK.search(w) or matched(c, (w,)))
                      for k in ks}
    if not kinds:
        return prop
    kept = tuple(c for c in prop.commands if c.device_id in asst.by_id and asst.by_id[c.device_id].kind in kinds)
    if len(kept) == len(prop.commands):
        return prop
    if not kept:
        zh = prop.lang == "zh"
        return replace(prop, commands=(), refusal=Refusal(UNKNOWN_DEVICE, (
            "所说的地方没有这样描述的设备：请说出设备名称。" if zh else
            "No device in the place named fits that description: name the device.")))
    return replace(prop, commands=kept)
