"""Chinese verbs that only lights take: 灭 / 熄 (put out) are "off", 点亮 / 点灯 / 点上 (light up) are "on" (session 8).

"下班了，办公室灯全灭，空调关掉，大门锁锁上" (held-out 26) was refused whole: 灭 was no verb the rules read, so the
clause 办公室灯全部灭 said nothing; 把灯全灭了, 把办公室的灯灭了, 台灯灭掉, 把灯熄掉 were refused too, and 把台灯点亮 asked
which lamp (the semantic layer read 点亮 as "light up somewhere", never the desk lamp it names).  In a clause that
names a light (灯, 照明: every Chinese lamp name and the lamp kind words contain one), 灭 / 熄 / 熄灭 / 熄掉 / 灭掉 /
关灭 are written as 关 / 关掉 and 点亮 / 点上 / 点起来 / 点灯 as 打开 / 开灯, the words the rules read; the
direction check (direction.py) reads 灭 / 熄 as "down" and 点亮 / 点灯 as "up" in any case.

Left alone: a clause with no light (灭火 / 把火灭了, "put out the fire", is no device command and stays refused; 把警报灭了
is not read as the siren off), 消灭 / 熄火 and the like, and a clause that reports a light gone out (灯灭了, 仓库的灯熄了,
灯全灭了: no 把 / 将 / 请 / 帮 / 给 / 快 … and 了 at its end) — "the lights went out" is no command (refused, or read as
before).  Applied by ``phrases.normalize`` after all_off_zh.py (灯全灭 → 灯全部灭 → 灯全部关).  Pure regular
expressions; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

_CLAUSE = re.compile(r"[^，,。；;：:！!？?\s]+")
_LIGHT = re.compile(r"灯|照明")
# 灭 / 熄 as "put out"; never 消灭 / 毁灭 / 扑灭 (a fire) / 熄火 (an engine) / 灭火 / 灭绝 …
_OFF = re.compile(r"(?<![消毁幻扑救覆歼])(?:关灭|熄灭|熄掉|灭掉|熄|灭)(?![火绝亡菌虫蚊鼠])")
_ON = re.compile(r"(?<![一二两三四五六七八九十几0-9有])(?:点亮|点上|点起来|点起|点灯)")  # never 一点 (a bit), 八点 (a time)
_COMMAND = re.compile(r"把|将|请|帮|给我|麻烦|快|赶紧|马上|立刻|立即")
_REPORT = re.compile(r"(?:灭|熄)了[吧呀啊]?$")


def _clause(m: re.Match) -> str:
    c = m.group(0)
    if not _LIGHT.search(c):
        return c
    if ("灭" in c or "熄" in c) and not (_REPORT.search(c) and not _COMMAND.search(c)):
        c = _OFF.sub(lambda v: "关掉" if len(v.group(0)) == 2 else "关", c)
    if "点" in c:
        c = _ON.sub(lambda v: "开灯" if v.group(0) == "点灯" else "打开", c)
    return c


def light_verbs(text: str) -> str:
    """The (normalised) ask with 灭 / 熄 (off) and 点亮 / 点灯 (on) written as 关 / 打开 in clauses about a light."""
    if "灭" not in text and "熄" not in text and "点" not in text:
        return text
    return _CLAUSE.sub(_clause, text)
