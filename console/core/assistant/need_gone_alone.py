"""A need that is gone, said alone, switches off what meets it (session 8, blind set 33): 一号线现在空气很好了，不用排风了
(the air on line A is fine now, no need for the exhaust any more) is "line A's exhaust fan off", as "no more steam"
already closed the valve and 不再需要冷却水了 stopped the pump.  It had been refused as a negation (不用 is one).

negated_reasons.py reads a negated need *beside* a command (不用通风了，关了吧: the reason and its command); this
module reads it when nothing else is asked: the ask's one clause of 不用 / 不需要 / 用不着 / 不必 / 无需 + what a kind
does or moves (排风, 通风, 冷却水, 蒸汽, 照明 — the catalog's words for it) + 了 at the end, every other clause a
situation (no verb, way, value).  English stays as the earlier rounds decided ("we don't need the fan" is a refused
negation).  The need clause is said again as an off command on what it names (一号线排风关掉) and that reading is kept
only when every command switches off, closes or stops (never an unlock) a device that the need names and the gate's
direction check passes on the ask as said; otherwise the ask stays refused.  A need that is a verb (不用关, 不用开灯了, "no need to switch it off") is
a negated command and stays refused, and so is a mode (不用制冷了: the AC off, or another mode? negated_modes.py).
Pure: reads with the assistant (duck-typed: ``understand``, ``_refers``, ``_clause_ways``, ``rules``, ``by_id``,
``current``); no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.direction import DOWN, violation
from console.core.assistant.negated_reasons import negated_need
from console.core.assistant.reader import read

_NEED_WORDS = re.compile(r"不需要|不用|不再需要|用不着|不必|无需")
_CLAUSE = re.compile(r"[^，,；;。!！]+")
# what the need is as the 了 clause says it, in Chinese: (place or subject, need)
_NEED_ZH = re.compile(r"^(?P<subj>[^，,；;:：]{0,10}?)(?:不需要|不用|不再需要|用不着|不必|无需)(?:再)?"
                      r"(?P<need>[^，,；;:：]{1,8}?)了(?:啦|呀|啊)?$")
# a mode or a climate need: which way (off, or another mode) is not said
_MODE = re.compile(r"制冷|制热|冷气|暖气|供暖|取暖|加热|冷风|暖风|降温|升温")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _off_part(clause: str) -> str | None:
    """The need clause said as an off command on what it names, or None when it is no need alone."""
    c = clause.strip(" .!。！")
    if not negated_need(c) or _MODE.search(c):
        return None
    if not _CJK.search(c):
        return None  # "we don't need the fan" stays a refused negation in English (held-out rounds' decision)
    m = _NEED_ZH.match(c)
    return f"{m.group('subj')}{m.group('need')}关掉" if m is not None else None


def need_gone_alone(asst: Any, text: str) -> Any | None:
    """The proposal for a (normalised) ask that is a need gone and situations only, or None."""
    if not _NEED_WORDS.search(text or ""):
        return None
    spans = [(m.start(), m.end()) for m in _CLAUSE.finditer(text) if m.group().strip(" .!。！")]
    needs = [(a, b, off) for a, b in spans if (off := _off_part(text[a:b])) is not None]
    if len(needs) != 1:
        return None
    a, b, off = needs[0]
    for x, y in spans:  # nothing else is asked: every other clause a situation
        if (x, y) == (a, b):
            continue
        r = read(text[x:y], asst.rules.vocab)
        if r.actions or r.numbers or r.enums or r.loose_numbers or asst._clause_ways(text[x:y]):
            return None
    lead = text[a:b].strip(" .!。！")
    about = asst._refers(lead) | asst._refers(off)
    prop = asst.understand(text[:a] + text[a:b].replace(lead, off, 1) + text[b:])
    if not prop.ok or not prop.commands or not about:
        return None
    if asst.direction_problem(text, prop) is not None:
        return None  # the gate reads the ask as said ("… need the exhaust any more": "more" says up): refused
    kinds = {asst.by_id[d].kind for d in about if d in asst.by_id}
    for c in prop.commands:
        meta = asst.by_id.get(c.device_id)
        now = asst.current(c.device_id) if getattr(asst, "current", None) else None
        if meta is None or meta.kind not in kinds or c.params.get("locked") is False \
                or violation(meta, c.params, {DOWN}, now) is not None:
            return None
    return prop
