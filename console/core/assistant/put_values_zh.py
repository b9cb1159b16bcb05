"""The northern spoken setting verb 搁 ("put") with a value, and a bare 设 before a Chinese numeral (session 13,
blind set 90: WeChat voice-to-text in northern colloquial Chinese).

"B线传送带启动一下，转速搁八十" had started the conveyor and silently dropped the speed, and "冷却水流量搁三十五吧"
was refused on a device called "冷却水, 搁三十五": 搁 was no verb the rules knew, so the numeral after it stood in no
value slot.  In northern speech 搁 + a value (搁八十, 搁到三十五, 搁成26度) is "set to", as 设为 / 调到, so the verb
is said as 调到.  A bare 设 before a value (转速设八十, 设26度) is 设为 too: the value is then a target everywhere, also
after a relative word (办公室太冷了，暖和一点，设26度: the target, as 暖和一点，设为26度 is).

Only where the value is the whole rest of its clause: a number (digits or Chinese numerals) with an optional unit,
then a closing particle at most and the clause's end; 搁一会儿, 搁那儿, 搁两天 (a time), 搁桌上 stay as they were.
No device, direction or value is added.  Pure; patterns compiled at import.
"""

from __future__ import annotations

import re

_NUM = r"(?:百分之)?(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)"
_UNIT = r"(?:\s*(?:%|°c|摄氏度|度|转每分钟|转/分钟|转|升每分钟|升/分钟|升|档|挡))?"
_END = r"(?=\s*(?:吧|呗|啊|呀|哈|啦|了|就行|就好|就可以)?\s*(?:[,;，；。！!？?]|$))"
_PUT = re.compile(rf"搁(?:到|成|在|上)?\s*(?={_NUM}{_UNIT}{_END})")
_BARE_SET = re.compile(rf"(?<![假预建])设(?![为置定成到回备])\s*(?={_NUM}{_UNIT}{_END})")


def put_values(text: str) -> str:
    """The normalised ask with 搁 + value (and bare 设 + a value) said as 调到 / 设为; else unchanged."""
    if "搁" in text:
        text = _PUT.sub("调到", text)
    if "设" in text:
        text = _BARE_SET.sub("设为", text)
    return text
