"""Chinese clauses beside the ask that only say why or who, dropped where the ask as said was refused with no
command (session 13, blind sets 88 and 90: a brewery's ordinary month, WeChat voice-to-text in northern speech).

- a hardship after a complaint, about something the fleet does not have: 仓库照明不够，叉车不好开 ("the forklift is
  hard to drive") was refused on a device called 叉车不好; <thing> + 不好 / 没法 / 不方便 / 很难 + a plain activity
  (开, 走, 看, 干活, 作业, 搬, 拣货 …), or <thing> + 开不了 / 看不清 / 走不了, as the last clause, is why.  Only where
  the thing names no device, kind or place of the fleet (空调不好开 stays as said).
- a remark on the weather after the ask: 空调关了吧，今儿挺凉快的 was refused as a relative change (凉快).  A last
  clause that says how it is with a degree word (挺 / 很 / 蛮 / 怪 / 真 / 还挺 / 比较 + 凉快 / 暖和 / 冷 / 热 / 闷,
  then 的 / 了 / 啊 at most), with an optional when (今儿, 今天, 这会儿, 外头 …), is a reason, never a change asked for
  (凉快一点 / 暖和点 keep the relative refusal: they have no degree word before them).
- where a visitor is: 客户到楼下了，开门让他进来呗 was refused on a place called 楼下.  楼下 / 楼底下 / 门外 / 外面 /
  前台 / 大厅 after a person's arrival (客户到楼下了, 快递在门外) say where the visitor is, never a device's place; the
  arrival is kept without it (客户到了), and the rest is read as said (开门让他进来: unlock).

- a hurry after a close / stop / off (session 14, set 97, Taiwan): 蒸汽閥關起來！快點 was refused as a relative change
  (快点 "faster").  A last clause that is only 快点 / 快一点 / 赶快 / 赶紧 (+ a particle) after words whose only direction
  is down is urgency: nothing can go "faster" towards off.  After an up (开起来，快点) it stays as it was: "faster" is
  a reading there.

- a polite request after a complaint (session 14, set 97): 院子好吵，可以讓它安靜嗎 was refused on a device called 可以让
  and 院子好吵，可以把它关掉吗 as a question (the request words were read only at the very start of the ask).  A last
  clause that opens with 可以 / 能 / 能不能 / 可不可以 / 可否 (你 / 您 before it at most) right before 让 / 把 / 将 / 帮 and
  ends in 吗 is the request itself: read without the request words and the 吗.

- who said it, with no pause after 说 (session 14, set 97): 主任說一號輸送帶可以開了，麻煩開起來 was refused on a device
  called 主任说一号 (主任说，一号输送带… was read).  A role or a pronoun (主任, 老板, 班长, 他 …; relayed_heads_zh's roles)
  + (刚才 / 刚) 说 at the very start, right before the words, is parted from them by a comma, as it is when said so.

- someone coming soon, as the reason (session 14, set 97): 所有的燈都打開齁，等一下老闆要來巡 was refused as a schedule
  (等一下).  A last clause 等一下 / 等下 / 待会儿 / 一会儿 + a person (老板, 客户, 领导 … or a role) + (要 / 会) 来 / 过来 / 到 /
  来巡 / 来看 … is when THEY come, never when the ask should happen: dropped.  等一下把灯打开 (the ask's own delay) stays
  refused.

Each is read again through the whole pipeline (rereads.reread_as: every screen, the gate, the direction check of the
ask as said): a negation, condition or schedule elsewhere stays refused; nothing is dropped from an ask that was
read.  Pure; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.direction import DOWN, direction_of
from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read
from console.core.assistant.relayed_heads_zh import _ROLE
from console.core.assistant.rereads import refused_outright, reread_as

_END = r"(?:了|啊|呀|呢|啦|哦|的)?[。！!]*$"
_ACT = r"(?:开|走|走路|看|看路|干活|作业|干|搬|搬货|拣货|找|找东西|操作|过|进出|倒车|转弯|认|工作|开车)"
_HARD = re.compile(rf"[,，;；]\s*(?P<thing>[\u4e00-\u9fff]{{1,6}}?)(?:都|也|有点|根本|实在|特别|太)?"
                   rf"(?:(?:不好|没法|没办法|不方便|很难|难以|难)(?:{_ACT})|(?:{_ACT})不(?:了|清|见|清楚|动))(?:了|啊|呀|呢|啦|哦)?[。！!]*$")
_WHEN = r"(?:今儿个?|今天|今日|这会儿|这两天|外头|外面|外边|天儿?|天气)?"
_WEATHER = re.compile(rf"[,，;；]\s*{_WHEN}(?:也|都)?(?:挺|很|蛮|怪|真|还挺|还蛮|比较|够)(?:凉快|暖和|冷|热|闷|凉)(?:的|了|啊|呀|呢)*[。！!]*$")
_WHO = r"(?:客户|客人|访客|来访的|快递员?|速递员?|外卖员?|送货的|送货员|搬运(?:公司|工)|司机|师傅|老板|领导|朋友|同事|供应商|[他她]们?|人)"
_WHERE = re.compile(rf"(?P<who>{_WHO})(?P<adv>(?:已经|都|就)?)(?:到|在)(?:了)?(?P<place>楼下|楼底下|门外|外面|外边|外头|前台|大厅|楼门口)"
                    rf"(?=(?:了|啦|呢)?\s*[,，;；])")


_HURRY = re.compile(r"[,，;；!！。]\s*(?:快点儿?|快一点儿?|赶快|赶紧|快快|快)(?:啊|呀|啦|喔|哦|吧|了|喽)?[\s!！。~～]*$")


_POLITE_LAST = re.compile(r"(?P<sep>[,，;；])\s*(?:你|您)?(?:可以|能不能|能|可不可以|可否)(?P<ask>(?:让|把|将|帮)[^,，;；。!！?？]+?)"
                          r"吗\s*[?？!！。]*$")


_SAID_HEAD = re.compile(r"^(?P<who>(?:[\u4e00-\u9fff]{1,2}?)?(?:主任|" + _ROLE[3:-1] + r")|[他她]们?)(?:刚才|刚刚|刚|也|又)?说"
                        r"(?=[^\s,，:：。！!？?；;])")


_COMING = re.compile(r"[,，;；]\s*(?:等一下|等下|等一会儿?|待会儿?|一会儿?|马上)(?:就)?(?:" + _WHO + r"|" + _ROLE +
                     r"|主任)(?:们)?(?:就)?(?:要|会|就要)?(?:来|过来|到|进来|回来)(?:巡|巡视|巡查|检查|看|参观|视察)?(?:一下)?"
                     r"(?:了|啦|啊|呀|喔|哦|齁|吼)?[\s!！。~～]*$")


def _names_fleet(asst: Any, words: str) -> bool:
    return any(mn.kind in ("device", "kind", "zone") for mn in read(words, asst.rules.vocab).mentions)


def remark_dropped(asst: Any, text: str) -> str | None:
    """``text`` (normalised) without its hardship or weather remark, its visitor's place said as an arrival; None
    where it has none (module doc)."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return None
    out = text
    m = _HARD.search(out)
    if m is not None and not _names_fleet(asst, m.group("thing")):
        out = out[:m.start()]
    m = _WEATHER.search(out)
    if m is not None:
        out = out[:m.start()]
    m = _SAID_HEAD.match(out)
    if m is not None and not _names_fleet(asst, m.group("who")):
        out = out[:m.end()] + "，" + out[m.end():]
    m = _POLITE_LAST.search(out)
    if m is not None:
        out = out[:m.start()] + m.group("sep") + m.group("ask")
    m = _COMING.search(out)
    if m is not None:
        out = out[:m.start()]
    m = _HURRY.search(out)
    if m is not None and direction_of(out[:m.start()]) == {DOWN}:
        out = out[:m.start()]
    m = _WHERE.search(out)
    if m is not None and not _names_fleet(asst, m.group("place")):
        out = (out[:m.start()] + m.group("who") + m.group("adv") + "到了" + out[m.end():]).replace("到了了", "到了")
    return out.strip(" ,，") if out != text else None


def remarks_dropped(asst: Any, utterance: str, said: Any) -> Any:
    """The refused ``said`` read again without such a remark (rereads.reread_as); ``said`` where none applies."""
    if not refused_outright(said, utterance):
        return said
    return reread_as(asst, utterance, said, remark_dropped(asst, normalize(utterance or "")))
