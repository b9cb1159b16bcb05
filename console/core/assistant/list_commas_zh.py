"""A 、-list of commands is a list of clauses (session 9, a maintenance crew's week).

、 (the enumeration comma) normally lists nouns (冷却水、蒸汽都关: one verb for both, colon_lists_zh.py), and the clause
splitter never cuts at it.  Listed commands — each item with a verb of its own — were read as one clause:
"二号线：冷却水停、蒸汽切断" proposed the valve alone (the pump silently dropped), "二号线检修：冷却水停、蒸汽切断、传送带停"
the conveyor alone, "一号线：停产、排风关" was refused.  Where every 、-item of a stretch between other punctuation has a
verb (停, 关, 开, 切断, 锁 …), the 、 are commas: each item is a clause, read (and bound) on its own.  A stretch with a
bare noun (冷却水、蒸汽都关, 台灯、顶灯关掉) keeps its 、.  Pure text over the normalised ask.
"""

from __future__ import annotations

import re

_VERB = re.compile(r"[关开停启切锁调设拉放合升降熄灭跑响]|暂停|恢复|循环|运行|运转|静音|排烟|通风|换气|点亮|照亮")
_STRETCH = re.compile(r"[^,;:.!?]+")


def commas_for_listed_commands(text: str) -> str:
    """``text`` (normalised) with 、 as a comma in every stretch whose 、-items all carry a verb."""
    if "、" not in text:
        return text

    def sub(m: re.Match[str]) -> str:
        items = m.group(0).split("、")
        if len(items) < 2 or not all(_VERB.search(i) for i in items):
            return m.group(0)
        return ",".join(items)

    return _STRETCH.sub(sub, text)
