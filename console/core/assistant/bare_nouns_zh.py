"""A lone unknown Chinese noun after the command is a part nobody understood: "打开台灯，香蕉" had switched the lamp on
and dropped 香蕉 silently (session 8).  junk_parts.py asks :func:`bare_noun_zh` about a clause the rules read no
verb, value or name in: it is junk when it is 2–4 CJK characters, none of them a verb, state, particle or
politeness character (开会, 下班了, 准备清洁, 排一下风, 天黑了, 谢谢, 辛苦了 say something or are polite), it is no
known filler or reason noun (安全, 晚上, 大家, 师傅 …) and the fleet's semantics do not know it.  The whole ask is then
refused (a refusal is better than a dropped part).  Pure function, regexes compiled at import.

Session 9: "打开台灯，桌子" had switched the lamp on and dropped 桌子: the semantics' test of a word is one character
shared with any of their phrases (it lets 太吵, 冷却液 through), and 桌子 shares 子 with 院子 (the siren's yard).  For a
bare noun, :func:`known_noun_zh` asks more: the noun holds one of the phrases (烟灰, 冷却液) or is part of one (院 of
院子); a character in common is no meaning in common (桌子, 杯子, 水果, 光盘 are junk)."""

from __future__ import annotations

import re
from typing import Callable, Iterable

_CJK = re.compile(r"[\u3400-\u9fff]{1,4}")  # 桌 alone too (session 9)
_HAN = re.compile(r"[\u3400-\u9fff]")
# a verb, state, adverb, particle or politeness character: the clause says something (a reason) or is polite
_SAYS = re.compile(r"[了吧啊呀呢哦嘛啦吗的得地着过开关停启调设锁拉放升降切要想得需该在有是会来去走下上做干吃喝打看听说讲"
                   r"让给被帮请谢辛苦好坏热冷凉暖暗亮吵黑闷晒湿潮燥累饿困忙急快慢多少大小高低清洁准备排修弄搞用到回进出"
                   r"起完始结束班点醒睡等查检测别不没无很太真挺还再也都就才先马立刻赶尽麻烦劳驾感各位们您你我他她它这那"
                   r"吹通送抽照亮响鸣叫跑转动停走收关存放搬装运卸换挡遮提断灭熄解输见晃住]")
_KNOWN = frozenset("安全 节能 省电 环保 防火 防盗 安保 晚上 夜里 夜间 早上 上午 中午 下午 傍晚 周末 今天 现在 目前 同事 师傅 "
                   "老板 领导 主管 经理 大家 各位 伙计 兄弟 朋友 老师 同学 拜托 收到 明白 好的 行吧 谢啦 多谢 感谢 "
                   "加油 辛苦 抱歉 不好意思 一下 立即 立马 尽快 赶快 赶紧 嗯 嗯嗯 喂 哎 诶 唉 嘿 哈 呃 噢 喔 哇 嗨 哟".split())


def bare_noun_zh(text: str, semantic: Callable[[str], bool]) -> bool:
    """Is a (normalised, punctuation-stripped) Chinese clause one bare noun nobody knows ("香蕉")?"""
    if not _CJK.fullmatch(text) or text in _KNOWN or _SAYS.search(text):
        return False
    return not semantic(text)


def known_noun_zh(text: str, phrases: Iterable[str]) -> bool:
    """Does a Chinese noun say one of the semantics' Chinese ``phrases`` (it holds one, or is part of one)?"""
    return bool(_HAN.search(text or "")) and any(p in text or text in p for p in phrases if _HAN.search(p))
