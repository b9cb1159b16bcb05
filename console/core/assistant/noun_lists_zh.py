"""Every noun of a Chinese list under one verb is carried out, or the ask is refused (session 8, blind set 33):
二号线的冷却水和蒸汽都关了 had stopped the pump and dropped the steam — nothing refused it.

Why the "every part read" checks let it through: the clause pass reads clauses, and 和 / 与 / 跟 / 、 join nouns
inside one clause; the ellipsis check (ellipsis_parts.py) looks only at clauses; and the pair reading (noun_pairs.py)
knew only 把X和Y关掉 and 关掉X和Y for the whole ask, never the topic form (X和Y都关了, 二号线的X和Y都关了) nor a pair in
one clause of several (二号线没人了，冷却水和蒸汽都关了), and kept the first reading silently when its re-read failed.

:func:`each_listed` finds, in each clause, a list of two or more nouns joined by 和 / 与 / 跟 / 及 / 以及 / 还有 / 、
under one switch verb (the topic form with an optional 都, the 把 form, or the verb first), with an optional place
before 的 shared by every noun.  When the reading leaves a noun that names devices (by name, kind or what they do:
蒸汽 is the valve's) untouched, the ask is read again with the verb said after each noun (二号线的冷却水关了，二号线的
蒸汽关了) and that reading is kept only when it keeps every command of the first as it was, adds devices and passes
the direction check; otherwise the whole ask is refused naming the noun (nothing is proposed, so that no part is done
without the rest).  Nouns that name nothing of the fleet are left to the other checks.  Pure: reads with the
assistant; no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import AMBIGUOUS
from console.core.assistant.reader import read

_JOIN = r"(?:以及|还有|和|与|跟|及|、)"
_CHAR = r"(?:(?!以及|还有)[^，,；;。！!？?\s和与跟及、的都全也把将])"
# one listed noun, with its own place before 的 or not (二号线的冷却水, 蒸汽)
_ITEM = rf"(?:{_CHAR}{{1,8}}的)?{_CHAR}{{1,6}}"
_VERB = (r"(?:切断|切掉|断开|停用|关掉|关闭|关上|关起来|关|打开|开启|开起来|开|停掉|停下来|停下|停止|停|启动|熄灭|熄掉|锁上|锁好|解锁)")
_TAIL = r"(?:了|吧|掉|一下|啊|呀)*"
_ALL = r"(?:全都|全部|一起|统统|也都|都|也|完全|彻底|全)"  # 冷却水和蒸汽，都关了 arrives as …完全关了 (_amount_clauses)
# 二号线的冷却水和蒸汽都关了 / 把二号线的冷却水和蒸汽关掉 / 冷却水、蒸汽都停了吧 / 冷却水和蒸汽，都关了
_TOPIC = re.compile(rf"^(?:请|帮我|麻烦)?(?:把|将)?(?P<list>{_ITEM}(?:{_JOIN}{_ITEM})+)"
                    rf"(?:\s*[，,]?\s*{_ALL})?(?P<v>{_VERB}{_TAIL})$")
# 关掉二号线的冷却水和蒸汽
_VERB_FIRST = re.compile(rf"^(?:请|帮我|麻烦)?(?P<v>{_VERB}{_TAIL})(?P<list>{_ITEM}(?:{_JOIN}{_ITEM})+)$")
# a clause ends at a mark, but not before the list's own 都 + verb (冷却水和蒸汽，都关了)
_CHUNK = re.compile(rf"(?:[^，,；;。！!？?]|[，,]\s*(?={_ALL}{_VERB}{_TAIL}\s*(?:[，,；;。！!？?]|$)))+")
_SPLIT = re.compile(_JOIN)
# a listed word that is no noun of its own: 其他的 / 所有的 (others_zh.py, other_ones.py read those)
_GENERIC = re.compile(r"其他|其它|别的|其余|剩下|所有|全部|一切|东西|设备|装置")


def _lists(text: str) -> list[tuple[int, int, list[str], str, bool]]:
    """(start, end, nouns each with its place, verb, verb first) for each clause of ``text`` that is a noun list
    under one verb; a place said only before the first noun is every noun's (二号线的冷却水和蒸汽)."""
    out = []
    for m in _CHUNK.finditer(text):
        chunk = m.group().strip()
        if not re.search(_JOIN, chunk):
            continue
        start = m.start() + m.group().find(chunk)
        hit = _TOPIC.match(chunk) or _VERB_FIRST.match(chunk)
        if hit is None:
            continue
        nouns = [n for n in _SPLIT.split(hit.group("list")) if n]
        if len(nouns) < 2:
            continue
        if "的" in nouns[0] and not any("的" in n for n in nouns[1:]):
            place = nouns[0][:nouns[0].rindex("的") + 1]
            nouns = [nouns[0]] + [place + n for n in nouns[1:]]
        out.append((start, start + len(chunk), nouns, hit.group("v"), hit.re is _VERB_FIRST))
    return out


def _place_only(asst: Any, noun: str) -> bool:
    """Is a listed word only a place (办公室 of 办公室和仓库的灯)?"""
    ms = read(noun, asst.rules.vocab).mentions
    return bool(ms) and all(mn.kind == "zone" for mn in ms) and sum(mn.end - mn.start for mn in ms) >= len(noun.strip())


def each_listed(asst: Any, utterance: str, prop: Any) -> Any:
    """``prop``, the ask read with the verb said for each listed noun, or a refusal naming a noun ``prop`` left out."""
    if not prop.ok or not prop.commands:
        return prop
    text = normalize(utterance or "")
    if not re.search(_JOIN, text):
        return prop
    have = {c.device_id for c in prop.commands}
    for start, end, nouns, verb, first in reversed(_lists(text)):  # from the end: earlier spans stay put
        if any(_place_only(asst, n) for n in nouns):
            continue  # 办公室和仓库的灯都关掉: a list of places before one noun, the rules' own reading
        # the devices each noun names, in its place: what the noun alone names (a place with a noun the fleet lacks
        # there is no noun of its devices: 二号线的蒸汽 without a valve is not line B's pump)
        refs = {n: asst._refers(n) & asst._refers(n.rsplit("的", 1)[-1]) for n in nouns}
        blank = [n for n in nouns if not refs[n] and not _GENERIC.search(n)
                 and not any(mn.kind in ("device", "kind", "any")
                             for mn in read(n.rsplit("的", 1)[-1], asst.rules.vocab).mentions)]
        left = [n for n in nouns if refs[n] and not refs[n] & have]
        if not left and not blank:
            continue
        if not blank:
            said = "，".join(f"{verb}{n}" if first else f"{n}{verb}" for n in nouns)
            again = asst.understand(text[:start] + said + text[end:])
            if again.ok:
                old = {c.device_id: dict(c.params) for c in prop.commands}
                new = {c.device_id: dict(c.params) for c in again.commands}
                if all(new.get(d) == p for d, p in old.items()) and all(refs[n] & set(new) for n in left) \
                        and asst.direction_problem(utterance, again) is None:
                    prop, have = replace(again, utterance=utterance), set(new)
                    continue
        noun = (blank or left)[0]
        return asst._refuse(utterance, AMBIGUOUS,
                            f"I could not tell what to do with '{noun}'; nothing was proposed, so that no part is done "
                            "without the rest. Say each part with its verb.",
                            f"不清楚“{noun}”要做什么；为免只做一部分，没有给出任何指令。请每个设备都带上动词再说一次。")
    return prop
