"""A part that borrows another part's verb ("…, and the coolant too", 冷却水也) is carried out or the ask refused
(session 8): "stop conveyor b, and the coolant too" had stopped conveyor B alone — the clause "the coolant too" names
what a device moves (not its name) and no verb, so the clause pass took it for a reason ("a situation") and dropped it.

:func:`ellipsis_part` looks, after every other reading, at each clause after the first that ends in too / as well /
also (也 in Chinese) or opens with also / plus, says no verb, value or mode of its own, and is about devices the
proposal leaves untouched.  It reads the ask again with the verb of the clause before it said in that clause ("stop
conveyor b, and stop the coolant too"; 冷却水也 + 停掉) and keeps that reading only where it keeps every command of the
first as it was, adds the clause's devices and passes the direction check (and only a verb those devices take:
"lock the door, and the coolant too" is no pump command); otherwise the whole ask is refused naming
the part (nothing is proposed, so that no part is done without the rest).  Pure: reads with the assistant; no threads,
no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.clauses import split_clauses
from console.core.assistant.lexicon import (ANY_OFF, ANY_ON, CLOSE, LOCK, OFF, ON, OPEN, OPENING_CAPS, SWITCH_CAPS,
                                            UNLOCK)
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import AMBIGUOUS
from console.core.assistant.reader import read

_ELLIPSIS = re.compile(r"(?<![a-z])(?:too|as\s+well|also)\s*[.!]*$|^(?:and\s+)?(?:also|plus)(?![a-z])|也\s*[.!。！]*$")
_VERB_EN = re.compile(r"^(?:(?:please|and|also|then|now|just)\s+)*(?P<verb>[a-z]+(?:\s+(?:off|down|out|up|on))?)(?![a-z])")
_HEAD_VERB_ZH = re.compile(r"^(?:请|帮我|麻烦)?(?P<verb>关掉|关闭|关上|打开|开启|停掉|停下|停止|启动|锁上|解锁)")
_VERB_ZH = re.compile(r"(?P<verb>关掉|关闭|关上|打开|开启|停掉|停下|停止|启动|锁上|解锁|关|开|停)(?:了|吧|一下)?\s*[。！!]*$")


# which capabilities a verb acts on: "lock …, and the coolant too" is no pump command (a pump has no lock)
_TAKES = {LOCK: ("locked",), UNLOCK: ("locked",), OPEN: OPENING_CAPS, CLOSE: OPENING_CAPS, ON: SWITCH_CAPS,
          OFF: SWITCH_CAPS, ANY_ON: SWITCH_CAPS + OPENING_CAPS, ANY_OFF: SWITCH_CAPS + OPENING_CAPS}


def _verb_of(asst: Any, clause: str, refs: set[str], thing: bool = False) -> str | None:
    """The verb the clause before says (its head in English, its last word in Chinese), when the rules read it
    and every device of the elliptic part can take it.  ``thing``: the part names what a device moves, not the device
    ("… and the steam"): a switch verb then also takes an opening ("stop the steam" closes the valve)."""
    m = (_VERB_ZH.search(clause) or _HEAD_VERB_ZH.match(clause)) if re.search(r"[\u3400-\u9fff]", clause) \
        else _VERB_EN.match(clause)
    acts = set(read(m.group("verb"), asst.rules.vocab).actions) if m is not None else set()
    takes = {**_TAKES, **_THING_TAKES} if thing else _TAKES
    if not acts or not all(any(cap in asst.by_id[d].capabilities for a in acts for cap in takes.get(a, ()))
                           for d in refs if d in asst.by_id):
        return None
    return m.group("verb") if m is not None else None


# "stop production line 1 and the steam": what a device moves, coordinated by "and" with no verb of its own, takes
# the verb before it like an elliptic part (session 8: the steam had been dropped as a "situation"); a switch verb
# on a thing moves an opening too (stop the steam: close the valve) — the re-read and the direction check decide
_THING_TAKES = {ON: SWITCH_CAPS + OPENING_CAPS, OFF: SWITCH_CAPS + OPENING_CAPS}
_AND = re.compile(r"(?<![a-z])(?:and|plus|as\s+well\s+as|along\s+with|together\s+with)(?![a-z])|还有|以及|[和跟与及、]")
_BARE_EN = re.compile(r"^(?:(?:the|all\s+the|our|all)\s+)?[a-z0-9-]+(?:\s+[a-z0-9-]+){0,2}$")
_COMMA = re.compile(r"\s*[,，、]\s*")
# a joined word that names no device and needs none: "…, and the rest", "… and everything else", "… and all"
_GENERIC = re.compile(r"(?:(?:and\s+)?(?:the\s+)?(?:rest|others?|everything(?:\s+else)?|"
                      r"all(?:\s+of\s+them|\s+the\s+rest)?|"
                      r"both|them|it|so\s+on|the\s+like|stuff|thanks|thank\s+you|please|too|as\s+well)\s*)+"
                      r"|其他|其它|别的|其余|剩下的|所有的?|全部|一切|等等|谢谢")
_END = re.compile(r"\s*[.!?。！？]+\s*$")  # a clause keeps the ask's closing mark (split_clauses)
_SAYS_EN = re.compile(r"(?<![a-z])(?:is|are|was|were|be|been|has|have|had|can|will|would|should|must|need|needs|"
                      r"it|we|i|they|too|so|very|not|no)(?![a-z])|'|n't")


def _coordinated(asst: Any, clause: str, joiner: str, r: Any) -> bool:
    """Is ``clause`` a bare noun joined by "and" / 和 / 还有 to the part before (``joiner``: the text between)?"""
    if not _AND.search(joiner) or r.actions or r.numbers or r.enums or r.loose_numbers or asst._clause_ways(clause):
        return False  # "… and alert everyone", "… and clear the air": a way of its own (the kind's words)
    clause = _END.sub("", clause)  # the ask's own full stop ("…, stop the product flow and the coolant."): still bare
    if re.search(r"[\u3400-\u9fff]", clause):
        return len(clause) <= 8 and not re.search(r"[了着过在是有要会能没不太很]", clause)
    return _BARE_EN.match(clause) is not None and not _SAYS_EN.search(clause)


def _agrees(asst: Any, before: str, clause: str, refs: set[str], prop: Any) -> bool:
    """Does the coordinated noun with the verb before it, read alone, do to its devices what ``prop`` does?  "stop
    conveyor a and the fumes" had started the fan (the whole ask read by what removes fumes), while "stop the fumes"
    alone is refused: the part is not understood, and the ask is refused rather than guessed."""
    verb = _verb_of(asst, before, refs, True)
    if verb is None:
        return True  # "cut the steam and the coolant": a verb of the semantics, read with the whole as before
    zh = re.search(r"[\u3400-\u9fff]", clause) is not None
    alone = asst.understand(f"{clause}{verb}" if zh else f"{verb} {clause}")
    if not alone.ok:
        return False
    mine = {c.device_id: dict(c.params) for c in alone.commands}
    return all(mine.get(c.device_id) == dict(c.params) for c in prop.commands if c.device_id in refs)


def ellipsis_part(asst: Any, utterance: str, prop: Any) -> Any:
    """``prop``, the ask read with a borrowed verb said again, or a refusal naming a part ``prop`` left out."""
    if not prop.ok or not prop.commands:
        return prop
    text = normalize(utterance or "")
    if not _ELLIPSIS.search(text) and not re.search(r"(?<![a-z])(?:also|plus|too|as\s+well|and)(?![a-z])|也|还有|以及|和",
                                                    text):
        return prop
    parts = split_clauses(text)
    have = {c.device_id for c in prop.commands}
    joiners, pos = [], 0  # the text between each clause and the one before it
    for before, clause in zip(parts, parts[1:]):
        b = text.find(before, pos)
        c = text.find(clause, b + len(before)) if b >= 0 else -1
        pos = max(b, 0)
        joiners.append((b, c, text[b + len(before):c] if c >= 0 else ""))
    for i, (before, clause) in enumerate(zip(parts, parts[1:])):
        b, c, joiner = joiners[i]
        # "stop the coolant, the steam and the conveyor on line b": a comma joins a list that "and" closes (blind
        # set 33: the steam had been dropped)
        if _COMMA.fullmatch(joiner) and any(_AND.search(j) for _b, _c, j in joiners[i + 1:]):
            joiner = " and "
        r = read(clause, asst.rules.vocab)
        thing = not any(mn.kind in ("device", "kind") for mn in r.mentions)
        # a device or kind named bare after "and" too ("lock the main door and the blinds and stop conveyor a": the
        # blinds had been dropped): it takes the verb before it, or the ask is refused
        joined = c >= 0 and _coordinated(asst, clause, joiner, r)
        if not _ELLIPSIS.search(clause) and not joined:
            continue
        if r.actions or r.numbers or r.enums or r.loose_numbers:
            continue  # 冷却水也停: a verb of its own, a clause the clause pass reads
        refs = asst._refers(clause)
        if joined and not refs and not r.mentions and not _GENERIC.fullmatch(_END.sub("", clause)) \
                and re.search(r"[a-z]{3,}|[\u3400-\u9fff]", re.sub(r"(?<![a-z])(?:the|a|an|that|this)(?![a-z])", "",
                                                                  clause)):
            pass  # "turn off the fan and that thing": a noun joined by "and" that names nothing here — refused below
        elif joined and refs and refs <= have:
            if _agrees(asst, before, clause, refs, prop):
                continue  # "stop the pump and the coolant": what the ask already does
        elif not refs or refs & have:
            continue  # "…, and the ceiling lamp too": already done
        verb = _verb_of(asst, before, refs, thing)
        if verb is not None:
            at = text.find(clause, text.find(before) + len(before))
            said = clause[:-1] if clause.endswith("也") else clause
            again = (text[:at] + (f"{said}也{verb}" if clause.endswith("也") else f"{verb} {clause}")
                     + text[at + len(clause):]) if at >= 0 else None
            other = asst.understand(again) if again else None
            if other is not None and other.ok:
                first = {c.device_id: dict(c.params) for c in prop.commands}
                second = {c.device_id: dict(c.params) for c in other.commands}
                if all(second.get(d) == p for d, p in first.items()) and refs & set(second) \
                        and asst.direction_problem(utterance, other) is None:
                    prop, have = replace(other, utterance=utterance), set(second)
                    continue
        return asst._refuse(utterance, AMBIGUOUS,
                            f"I could not tell what to do with '{clause}'; nothing was proposed, so that no part is "
                            "done without the rest. Say it with its verb (e.g. \"stop the coolant too\").",
                            f"不清楚“{clause}”要做什么；为免只做一部分，没有给出任何指令。请带上动词再说一次（例如“冷却水也停掉”）。")
    return prop


# -- a part that leaves out the device noun too: "stop conveyor a. and b too", "the desk lamp off, and the ceiling one
# too", 关掉A线传送带，B线的也关了 (held-out 66: the second device had been dropped, or the whole ask refused).  After a
# full stop or comma, a bare letter / number ("and b too"), "the <word> one(s) too" or <designator>的也… names another
# device of the kind the clause before names, with the same change: the kind's noun, as the clause before says it, is
# said again ("and conveyor b too", "and the ceiling lamp too", B线的传送带也关了) and the ask read as so said (the
# borrowed verb then by :func:`ellipsis_part`).  The noun is taken only where the part then names devices of the
# same kind as the clause before, and none of that clause's own; a part naming only devices the clause already does
# ("all the lights off, and the warehouse one as well") is left as it was; otherwise ("stop conveyor a. and c too")
# the ask is refused naming the part, never carried out without it.
_ELIDED_EN = re.compile(r"^(?P<before>.*[a-z0-9](?:\s*[.!]+|\s*[,;]|(?=\s+and\s)))\s*(?P<part>(?:and\s+)?(?:(?P<one>(?:the\s+)?"
                        r"[a-z0-9-]+\s+)ones?|(?P<des>[a-z]|\d{1,2}))(?:\s+(?P<own>off|on|out))?\s+(?:too|as\s+well)\s*[.!]*"
                        r"|and\s+(?P<bare>(?:the\s+)?(?!other|same|last|first|next|new|old|right|left)[a-z0-9-]+\s+one)\s*[.!]*)$")
_ELIDED_ZH = re.compile(r"^(?P<before>.*[^\s，,。；;][，,。；;])\s*(?P<part>(?P<des>[a-z0-9一二三四五六七八九十]{1,2}\s*"
                        r"(?:号线|号|线)?)的(?=也))")
_CLAUSE_END = re.compile(r"[.!,;，。；！]")


def _nouns(asst: Any, clause: str) -> list[str]:
    """The device nouns ``clause`` says, head first: "lamp", "desk" of "the desk lamp"; 传送带 of A线传送带."""
    r = read(clause, asst.rules.vocab)
    out: list[str] = []
    for mn in r.mentions:
        if mn.kind not in ("device", "kind"):
            continue
        said = clause[mn.start:mn.end]
        if re.search(r"[\u3400-\u9fff]", said):
            tail = re.search(r"[\u3400-\u9fff]+$", said)
            run = tail.group(0) if tail else ""
            out += [run[k:] for k in range(len(run)) if run[k] not in "线号的"]
        else:
            out += [w for w in reversed(re.findall(r"[a-z][a-z-]{2,}", said))]
    return out


def _ordinal_refers(asst: Any, text: str) -> set[str]:
    """The devices ``text`` is about, its ordinals read as names (一号传送带 is conveyor A alone, not every conveyor:
    一号传送带停了，二号的也停; session 12)."""
    ordinals = getattr(asst, "ordinals", None)
    return asst._refers(ordinals.rewrite(text) if ordinals is not None else text)


def elided_noun_rewrite(asst: Any, text: str) -> str | None:
    """``text`` with the device noun a part leaves out said again; "" where the part names no other device of the
    kind (refuse it); None where no part leaves its noun out."""
    m = _ELIDED_EN.match(text) or _ELIDED_ZH.match(text)
    if m is None:
        return None
    before = [c for c in _CLAUSE_END.split(m.group("before")) if c.strip()]
    if not before:
        return None
    clause = before[-1].strip()
    mine = _ordinal_refers(asst, clause)
    kinds = {asst.by_id[d].kind for d in mine if d in asst.by_id}
    if not mine or not kinds:
        return None
    part, zh = m.group("part"), m.re is _ELIDED_ZH
    if not zh and m.group("own") and not re.search(rf"(?<![a-z]){m.group('own')}(?![a-z])", m.group("before")):
        return ""  # "ceiling lamp off, and the desk one on too": a way of its own, not the clause before's: refused (11c)
    for noun in _nouns(asst, clause):
        if zh:  # 二号的也停: 二号传送带 (an ordinal joins its noun without 的: 二号的传送带 reads as nothing; session 12)
            des = m.group('des').strip()
            said = f"{des}{noun}" if des.endswith("号") and not des.endswith("号线") else f"{des}的{noun}"
        elif m.group("bare") is not None:  # "turn the ceiling lamp on. and the desk one" (session 11c)
            said = re.sub(r"(?<![a-z])one(?![a-z])", noun, part)
        elif m.group("one") is not None:
            said = re.sub(r"(?<![a-z])ones?(?=(?:\s+(?:off|on|out))?\s+(?:too|as\s+well))", noun, part)
        else:
            said = re.sub(r"(?P<d>(?<![a-z0-9])(?:[a-z]|\d{1,2}))(?=(?:\s+(?:off|on|out))?\s+(?:too|as\s+well))",
                          rf"{noun} \g<d>", part)
        refs = _ordinal_refers(asst, said)
        if refs and refs <= mine and not zh and m.group("bare") is not None:
            return text[:m.start("part")].rstrip()  # "all the lights off. and the warehouse one": already the clause's
        if refs and refs <= mine and m.group("des") is None:
            return None  # "all the lights off, and the warehouse one as well": already among the clause's own
        if refs and not refs & mine and {asst.by_id[d].kind for d in refs if d in asst.by_id} <= kinds:
            return text[:m.start("part")] + said + text[m.end("part"):]
    return ""
