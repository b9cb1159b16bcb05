"""A remark about another setting after the ask is why, not a second part (session 9, blind set).

"line A fan to medium pls, the high setting is deafening": the last clause says what is wrong with the other value
(high is too loud), it asks for nothing; read as a part of its own it was "which device? ('deafening')" and the whole ask
was refused.  :func:`drop_value_remark` drops such a closing clause: after a comma, semicolon or dash, a setting's value
word (low, medium, high, max, heat, cool, pulse …; 高档, 低速 …), optionally "setting / speed / mode / level", then
"is / 's / was" and a describing word or two, and nothing that says a way (on, off, up, down, open, stop …), a number or
"enough" (value_enough.py reads "<value> is enough").  The value asked for stays in the command before it.  An ask that
is only such a remark stays as it was.  Pure regular expressions; no threads, no locks.
"""

from __future__ import annotations

import re

from console.core.assistant.direction import direction_of

_VALUE_EN = (r"(?:low|medium|med|mid|high|max|maximum|min|minimum|full|top|heat|heating|cool|cooling|auto|fan|dry|eco|"
             r"steady|pulse|pulsing|wail|wailing)")
_REMARK_EN = re.compile(
    r"\s*(?:[,;]|\s-+|—)\s*(?:but\s+|because\s+|cause\s+|'cause\s+|since\s+)?(?:the\s+|that\s+|its\s+|it's\s+|it\s+is\s+)?"
    + _VALUE_EN + r"(?:\s+(?:setting|speed|mode|level|one|pattern))?\s+(?:is|'s|was|gets|got|feels|sounds)\s+"
    r"(?P<what>(?:[a-z']+\s+){0,3}?[a-z']+)\s*[.!]*$")
_VALUE_ZH = r"(?:高档|低档|中档|高速|低速|中速|最高档|最大档|最低档|高挡|低挡|中挡|制热|制冷|送风)"
# (a judgement: 太吵, 实在太响, 有点冷, 吵死了, 受不了; never a second setting: "，高速运转", "，制冷模式")
_REMARK_ZH = re.compile(r"[，,；;]\s*(?:因为)?" + _VALUE_ZH + r"(?:的时候)?(?P<what>(?:也?太|实在太?|真|有点儿?|特别|好|很|非常)"
                        r"[\u4e00-\u9fff]{1,3}?|吵死|受不了|刺耳|震耳欲聋)(?:了|啦|啊)?[。!！]*$")
# words that ask for something after all (a way, a bound, a number, a modal)
_ASKS = re.compile(r"(?<![a-z])(?:enough|plenty|fine|ok|okay|needed|necessary|required|better|best|preferred|wanted|"
                   r"on|off|up|down|open|closed|shut|stopped|running|set|to|next|after|then|too\s+much)(?![a-z])|\d")
_ASKS_ZH = re.compile(r"关|开|停|调|设|启|够|行|好|可以|就|再|\d")


def drop_value_remark(text: str) -> str:
    """``text`` (normalised) without a closing remark about another setting's value (module doc)."""
    if re.search(r"[\u3400-\u9fff]", text):
        m = _REMARK_ZH.search(text)
        if m is None or not text[:m.start()].strip() or _ASKS_ZH.search(m.group("what")):
            return text
        return text[:m.start()]
    m = _REMARK_EN.search(text)
    if m is None or not text[:m.start()].strip(" ,;") or _ASKS.search(m.group("what")) or direction_of(m.group(0)):
        return text
    return text[:m.start()]
