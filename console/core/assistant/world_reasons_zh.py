"""A Chinese reason clause that names an event, not a device (session 10): a drill and glare on a screen.

启动警报器，演习开始 / 提醒大家，消防演习开始了 were refused: 演习 / 消防演习 was read as a device or place the fleet lacks
(an unknown noun before 开始).  百叶窗帮忙关上，屏幕反光 was refused: 屏幕反光 ("the screen reflects") says nothing to do.
A drill starting (演习 / 演练, 消防演习, 疏散演练, 应急演练 … 开始(了) / 开始演习, or under way: 演习, 我们在演练,
这是演习) or a routine siren test (月度测试, 例行试鸣) is why the warning device sounds; a drill
over (演习结束(了) / 演练完毕) why it stops; glare on a screen (屏幕反光, 显示器反光, 屏幕晃眼) why the cover closes.

Where the ask as said is refused with no command and a clause of it (split at ，,。；; and spaces) is wholly such a
reason, the other clauses are read alone (rereads.reread_as: every screen and gate) and proposed only where a
command acts on the kind the reason is about (the kind whose catalog words are a warning, or daylight kept out) and
every such command goes the reason's way: a drill starting never silences the siren (演习开始，把警报器关了 stays
refused), glare never opens the blinds.  The reason itself is never a device or a place.  Pure; regexes compiled at
import; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.rereads import refused_outright, reread_as

_DRILL = r"(?:(?:消防|疏散|应急|防空|地震|安全|火灾|紧急)?(?:演习|演练))"
_NOW = r"(?:现在|马上|就要|要|正式|已经)?"
_END_P = r"(?:了|啦|喽|咯|哦|啊)?"
# a siren test (月度测试, 例行试鸣): sounding it is the test (session 10)
_TEST = r"(?:(?:月度|每月|每周|周度|年度|季度|例行|定期|日常|常规)(?:的)?(?:测试|试鸣|检测|检查)|试鸣|测试一下|做测试)"
_WE = r"(?:我们|大家|咱们|这边)?(?:在|正在|要|现在)?(?:搞|做|进行)?"
_START = re.compile(rf"^(?:{_NOW}{_DRILL}{_NOW}(?:开始|启动)|{_NOW}(?:开始|启动){_DRILL}"
                    rf"|{_WE}(?:{_DRILL}|{_TEST})(?:中|呢|一下)?|(?:这是|只是|是)(?:个|一次)?{_DRILL}){_END_P}$")
_STOP = re.compile(rf"^{_DRILL}(?:已经|也)?(?:结束|完毕|完了|搞完)(?:了)?{_END_P}$")
_GLARE = re.compile(r"^(?:电脑|我的|我们的)?(?:屏幕|显示器|显示屏|电脑屏幕)(?:上)?(?:有点|太|好|很|全是)?"
                    r"(?:反光|晃眼|刺眼)(?:了|得厉害|得很|严重)?" + _END_P + "$")
_CUE = re.compile(r"演|反光|晃眼|刺眼|测试|试鸣|检测|检查")  # no reason of this module without one of these
_SPLIT = re.compile(r"[，,。；;！!\s]+")
# the kind a reason is about, by what the catalog says a kind does: warning people, keeping daylight out
_ABOUT = {"drill": ("warn", "up"), "drill_over": ("warn", "down"), "glare": ("daylight", "down")}


def _kinds(asst: Any, what: str) -> set[str]:
    kinds = set()
    for kind, km in asst.meaning.kinds.items():
        said = " ".join([*(km.things or ()), *(km.does or {}).values()]).lower()
        if what == "warn" and ("warn" in said or "警告" in said or "alert" in said):
            kinds.add(kind)
        if what == "daylight" and ("daylight" in said or "sunlight" in said or "阳光" in said):
            kinds.add(kind)
    return kinds


def _goes(asst: Any, cmd: Any, way: str) -> bool:
    meta = asst.by_id.get(cmd.device_id)
    for k, v in cmd.params.items():
        cap = meta.capabilities.get(k) if meta is not None else None
        if isinstance(v, bool):
            if v != (way == "up"):
                return False
        elif isinstance(v, (int, float)) and cap is not None:
            lo = cap.min if cap.min is not None else 0
            hi = cap.max if cap.max is not None else 100
            if (way == "down" and v >= hi) or (way == "up" and v <= lo):
                return False
        elif not any(isinstance(x, bool) for x in cmd.params.values()):
            return False  # a mode or level alone: no way to tell, no reason dropped
    return True  # (a pattern beside a switch that goes the reason's way: 用脉冲模式响起来，演习)


def event_reason(clause: str) -> str | None:
    """"drill", "drill_over" or "glare" for a clause that is wholly such a reason; None otherwise."""
    c = clause.strip()
    return "drill" if _START.match(c) else "drill_over" if _STOP.match(c) else "glare" if _GLARE.match(c) else None


def world_reasons_dropped(asst: Any, utterance: str, said: Any) -> Any:
    """``said``, or the proposal of the ask less its drill / glare reason clauses (module docstring)."""
    text = normalize(utterance or "")
    if not refused_outright(said, utterance) or not _CUE.search(text):
        return said
    parts = [p for p in _SPLIT.split(text) if p]
    why = [event_reason(p) for p in parts]
    reasons = {w for w in why if w}
    if not reasons or all(why) or len(reasons) > 1:
        return said
    (reason,) = reasons
    what, way = _ABOUT[reason]
    kinds = _kinds(asst, what)

    def check(out: Any) -> bool:
        about = [c for c in out.commands if c.device_id in asst.by_id and asst.by_id[c.device_id].kind in kinds]
        return bool(about) and all(_goes(asst, c, way) for c in about)

    return reread_as(asst, utterance, said, "，".join(p for p, w in zip(parts, why) if not w), check)
