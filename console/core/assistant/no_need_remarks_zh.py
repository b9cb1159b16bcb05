"""A trailing 不用 / 唔使 + how it should (not) feel, after a complete command, is a remark: the command stands
(session 11b, blind set 68, a crew in Hong Kong).

The class: 冷氣調到26度就好，唔使再低 ("26 is fine, no need to go lower") and 冷氣轉送風模式啦，唔使咁凍 ("fan mode,
no need to be this cold") were refused as negations: the negation guard saw 不用 (唔使, cantonese_zh.py) and
refused the whole ask.  The last clause names no device and no verb: it is 不用 / 不必 / 没必要 with (再 / 咁 /
这么 / 那么 / 太) and one word of how it feels or how far (低 高 冻 冷 热 大 小 快 慢 亮 暗 吵), nothing else, after a
comma: why the command says what it says, never a second command.  It is dropped.

Not these: a 不用 before a verb or a device (开空调，不用开风扇; 不用关灯) stays and is refused as a negation; a 不用
that is the only clause (不用再低) is left alone (nothing before it to stand).  Pure, regex compiled at import.
"""

from __future__ import annotations

import re

_REMARK = re.compile(
    r"(?<=[^\s,，;；。!！])\s*[,，;；]\s*(?:不用|不必|没必要|无需)(?:再|咁|这么|那么|太|那样|这样)?"
    r"(?:低|高|冻|冷|热|暖|大|小|快|慢|亮|暗|吵|凉)(?:了|啦|喇|呀|啊|吧|嘅|的|一点|些)*\s*[。.!！]?\s*$")


def drop_no_need_remark(text: str) -> str:
    """The (normalised, Mandarin) text without a closing 不用 + feeling / extent remark (module docstring)."""
    if not text or not any(w in text for w in ("不用", "不必", "没必要", "无需")):
        return text
    return _REMARK.sub("", text)
