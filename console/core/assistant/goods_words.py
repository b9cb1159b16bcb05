"""Goods at a line: the line's conveyor, never its every device; 仓 said alone: the warehouse (session 13, set 94).

B線出貨開到最快 ("line B's outgoing goods, run at the fastest") was left to the model, which picked the steam valve:
出货 read as nothing, so every device of line B that can go "up" was a candidate.  line A啲貨停一停先 and
啲貨喺A線塞住咗，停咗佢先 ("the goods on line A, stop them first") stopped line A's exhaust fan too: 货 read as
nothing, the zone's every device.  Goods (货 / 出货 / 货物, "goods" / "products") said with a place are what moves
product there, as the catalog's 货物 / "goods" already are (its motor kind's things): :func:`goods_rewrite` writes the
place and its 货 / 出货 as "<place>的货物" where that place has one conveyor (a device whose kind or name says conveyor /
belt / 传送 / 输送); where it has none or several, it gives "" and the ask is refused (rewrites.GOODS), never another
kind than what moves goods.  A goods word with no place
is left as it was (让送货的进来 is someone at the door).

倉入面黑麻麻，咩都睇唔到 ("it's pitch dark in the 倉, can't see a thing") switched the office lamps on too: 倉 (仓 after
normalising) is the Cantonese / Traditional short for 仓库 / 货仓, the warehouse, and was read as no place.  A 仓 alone
before 入面 / 里 / 里面 / 内 / 的 / 嘅 (not 仓库, 仓位, 3 号仓, …) is written 仓库 when the fleet has a place called 仓库;
else the ask is refused (a place word not understood never widens to every lamp).

Pure; regexes compiled at import; a few ``in`` tests when the ask has no goods word and no 仓.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.reader import read

# 货 / 出货 alone (货物, 货品, 货仓, 货箱 … are other words: the catalog reads 货物 already)
_GOODS_ZH = "(?:出货|货)(?![物品仓箱柜车架])"
# a goods word right after the place: line a些货, b线出货, a线上的货
_AFTER = re.compile(r"^\s*(?:上的|里的|的|嘅|些|上|里)?\s*" + _GOODS_ZH)
# a goods word right before the place: 些货在a线
_BEFORE = re.compile(r"(?:些|的)?" + _GOODS_ZH + r"(?:在|喺)$")
_CONVEYOR = re.compile(r"conveyor|belt|传送|输送|輸送|傳送")
_CANG = re.compile(r"(?<![货粮舱号仓])仓(?![库位储房])(?=入面|里面|里|内|的|嘅)")


def _movers(asst: Any, zones: frozenset | set | tuple) -> list[Any]:
    return [m for m in asst.metas if m.zone in zones
            and (m.kind == "conveyor" or _CONVEYOR.search(m.name.lower()) or _CONVEYOR.search(m.id))]


def goods_rewrite(asst: Any, text: str) -> str | None:
    """``text`` (normalised) with a place and its 货 / 出货 put as "<place>的货物" where the place has one conveyor; ""
    where it has none or several (refused); None where no 货 / 出货 is said with a place."""
    if not text or "货" not in text:
        return None
    for mn in read(text, asst.rules.vocab).mentions:
        if mn.kind != "zone":
            continue
        after = _AFTER.match(text[mn.end:])
        before = None if after else _BEFORE.search(text[:mn.start])
        if after is None and before is None:
            continue
        movers = _movers(asst, mn.keys)
        if len(movers) != 1:
            return ""
        zone = text[mn.start:mn.end]
        if after is not None:
            return f"{text[:mn.start]}{zone}的货物{text[mn.end + after.end():]}"
        return f"{text[:before.start()]}{zone}的货物{text[mn.end:]}"
    return None


def warehouse_short(asst: Any, text: str) -> str | None:
    """``text`` (normalised) with a lone 仓 before 里 / 入面 / 的 … written 仓库 where the fleet has that place; "" where
    it has none (refused); None where there is no lone 仓."""
    if not text or "仓" not in text or not _CANG.search(text):
        return None
    words = _CANG.sub("仓库", text)
    if not any(mn.kind == "zone" for mn in read("仓库", asst.rules.vocab).mentions):
        return ""
    return words


# "stop the pump, fan fault": the fan's fault is a report beside the ask, never a command for the fan
_FAULT_EN = re.compile(r"^\s*(?:the\s+|a\s+)?(?P<what>[a-z0-9 ]+?)\s+(?:fault|faulty|failure|failed|error|tripped|"
                       r"overcurrent|overheating|overheated|alarm|is\s+faulty|has\s+a\s+fault|is\s+down)\s*$")
_FAULT_ZH = re.compile(r"^\s*(?P<what>\S+?)(?:出|有)?(?:故障|坏了|跳闸|报警|过流|过热)了?\s*$")
_POINTS_BACK = re.compile(r"\b(?:it|its|them|they|that one|this one)\b|它|佢|其", re.I)
_CLAUSES = re.compile(r"[,，;；.。!！]")


def fault_report_rewrite(asst: Any, text: str) -> str | None:
    """``text`` (normalised) without a clause that only reports a device's fault ("fan fault", 风机故障) beside a
    clause that names a device of its own; None where there is no such clause (a fault with "stop it" after it keeps
    its reading: "it" is the faulty device)."""
    if not text or not any(w in text for w in ("fault", "fail", "error", "trip", "overc", "overh", "alarm", "down",
                                                "故障", "坏了", "跳闸", "报警", "过流", "过热")):
        return None
    parts = _CLAUSES.split(text)
    if len(parts) < 2:
        return None
    vocab = asst.rules.vocab
    kept, dropped = [], False
    for part in parts:
        m = _FAULT_EN.match(part) or _FAULT_ZH.match(part)
        if m is not None and any(mn.kind in ("device", "kind") for mn in read(m.group("what"), vocab).mentions):
            dropped = True
            continue
        kept.append(part.strip())
    kept = [p for p in kept if p]
    if not dropped or not kept:
        return None
    if not any(mn.kind in ("device", "kind") for mn in read(" , ".join(kept), vocab).mentions):
        return None
    if _POINTS_BACK.search(" , ".join(kept)):
        return None  # "ALM 0412 line A fan overcurrent, conveyor A jam -> kill it": "it" may be the faulty device
    return ", ".join(kept)


def goods_words(asst: Any, text: str) -> str | None:
    """The goods rewrite, else the lone-仓 one (rewrites.GOODS)."""
    words = goods_rewrite(asst, text)
    return words if words is not None else warehouse_short(asst, text)
