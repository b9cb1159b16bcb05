"""A setting said with a number that no command carries: the ask is refused, never done without it (session 13,
blind set 90: WeChat voice-to-text in northern colloquial Chinese).

"B线传送带启动一下，转速搁八十" started the conveyor and silently dropped the speed; "冷却水开一下，流量整40吧" /
"…，流量整四十吧" / "…，转速来个八十" still do where a verb the rules do not know stands between the setting and its
number: the number is no value (values.py keeps it loose), so the clause says nothing the rules read, and the
semantic layer reads the other clause alone.  A part of an ask must never vanish.  ``understand`` passes its
proposal through :func:`unplaced_refused` last: where a short clause (split at , ; 。 ! ?; 16 characters at most)
names a setting (a hint: 转速, 流量, 温度, "speed", "flow" …) and ends with its one number, which stayed loose, and no
command carries that number, the whole ask
is refused (say the value with 设为 / 调到, or ask for each change on its own).  A number that names a device (lamp 2,
2号传送带) is no loose number here (ordinals are read before), a number inside a clause (a pasted code, a time, a
reading: "EVT 118 steam valve …", "conveyor 1 max speed") is left alone, and a placed value passes.  Pure; one read per clause of an ask that was read; regexes compiled at import.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import AMBIGUOUS, Proposal, Refusal
from console.core.assistant.reader import read
from console.core.assistant.wording import t

_SPLIT = re.compile(r"[,;，；。！!？?]+")
_NUMBER = re.compile(r"[\d零〇一二两三四五六七八九十百]")
_NUMBERS = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]{2,}")
# the clause's last words: a number (digits, or two Chinese numerals or more), a closing particle at most
_LAST = re.compile(r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]{2,})\s*(?:吧|呗|啊|呀|哈|啦|了|就行|就好|pls|please)?\s*$")
_MAX_CLAUSE = 16


def _same(a: float, b: Any) -> bool:
    return isinstance(b, (int, float)) and not isinstance(b, bool) and abs(float(b) - a) < 1e-6


def unplaced_refused(asst: Any, utterance: str, prop: Proposal) -> Proposal:
    """``prop``, or a refusal where a clause's setting number is carried by no command (module doc)."""
    if not prop.ok or not prop.commands or len(utterance or "") > 300 or not _NUMBER.search(utterance or ""):
        return prop
    placed = [v for c in prop.commands for v in c.params.values()]
    for clause in _SPLIT.split(normalize(utterance or "")):
        if not clause.strip() or not _NUMBER.search(clause):
            continue
        end = _LAST.search(clause)
        if end is None or len(clause.strip()) > _MAX_CLAUSE or len(_NUMBERS.findall(clause)) != 1:
            continue  # the number must end a short clause of its own: never a pasted code, time or reading
        r = read(clause, asst.rules.vocab)
        if not r.hints or not r.loose_numbers:
            continue
        left = [x for x in r.loose_numbers if re.fullmatch(r"-?\d+(?:\.\d+)?", x)
                and not any(_same(float(x), p) for p in placed)]
        if left:
            said = clause.strip()
            return replace(prop, commands=(), refusal=Refusal(AMBIGUOUS, t(
                prop.lang,
                f"In '{said}': what does {left[0]} refer to? Nothing was proposed, so that no part is done without the "
                f"rest: say it with a verb and its unit (e.g. \"speed to {left[0]}\").",
                f"“{said}”：{left[0]} 指的是什么？为免只做一部分，没有给出任何指令：请用“设为 / 调到”说出数值"
                f"（例如“调到{left[0]}”）。")))
    return prop
