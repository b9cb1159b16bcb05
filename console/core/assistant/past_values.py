"""A value past the end of a setting's scale: "super high", "turbo", "higher than high", 超高速, 特高档, 最最高 (session 8).

"把排风扇调到超高速" (the fan at "super high speed") had set the fan to high: the words 高速 were read and the 超
("super") was lost, so a value the fan does not have was clamped to the nearest one it has.  A setting of named
values (a fan's low / medium / high, an AC's modes, a siren's patterns) has no value past its top or bottom, so an
ask for one is refused, with the values the device does have, whatever layer read it (layers.py's gate): an
intensifier on an end value (super / extra / ultra / hyper / mega + high, fast, low, slow, max; 超 / 特 / 极 / 超级 /
最最 + 高, 快, 大, 低, 慢, 小), "turbo" / "ultra" / 涡轮 alone, "max plus" / "max+", and a comparison past an end
("higher than high", "beyond max", 比最高还高, 超过最高档, 最高档以上).

The plain top and bottom keep their meaning: 最高档 / 最大 / 开到最高 / "max" / "full" / "top speed" are the highest
value (lexicon.py's MAX), 最低 / "min" the lowest.  In English the intensified word is a value only where a value
goes (after to / on / at / speed, before speed / setting / mode / level / gear, or as the clause's last words, but not
after "is" / "too" / "so": "the smoke is super high" describes the place); in Chinese 超高 / 特大 … likewise only after
a setting verb (调到, 开到, 设为, 开, 调 …) or before 档 / 挡 / 速 / 模式, while 超高速 / 最最高 say a value anywhere.
Pure regular expressions compiled at import; nothing here knows the fleet.
"""

from __future__ import annotations

import re

from console.core.assistant.wording import _ENUM_ZH, label

_INT_EN = r"(?:super|extra|ultra|hyper|mega|uber)"
_END_EN = r"(?:high|higher|highest|fast|faster|fastest|low|lower|lowest|slow|slower|slowest|max|maximum|strong|speed)"
_SLOT_WORD_EN = r"(?:speed|setting|settings|mode|level|gear|power|position)"
# intensified end value where a value goes
_INTENSE_EN = re.compile(
    rf"(?:(?<![a-z])(?:to|on|at|onto|into|speed|set|run|put|go|crank|turn|push|up)\s+(?:the\s+|a\s+)?|^)"
    rf"(?P<v>{_INT_EN}[\s-]*{_END_EN})(?![a-z])"
    rf"|(?P<w>(?<![a-z]){_INT_EN}[\s-]*{_END_EN}(?:\s+{_SLOT_WORD_EN}))(?![a-z])"
    rf"|(?<![a-z])(?<!is\s)(?<!are\s)(?<!was\s)(?<!too\s)(?<!so\s)(?<!'s\s)(?<!it\s)(?<!its\s)"
    rf"(?P<x>{_INT_EN}[\s-]*{_END_EN})(?=\s*(?:$|[,.;!?]|please|pls|now|then|and)(?![a-z]))")
# a word that is a value past the top wherever it stands
_ALONE_EN = re.compile(r"(?<![a-z])(?P<v>turbo|ultra|overdrive|ludicrous)(?![a-z])")
# "max plus", "max+", "beyond max", "higher than high", "past the highest", "lower than low"
_BEYOND_EN = re.compile(
    r"(?<![a-z])(?P<v>(?:max|maximum|full|high|highest|top)\s*(?:plus|\+)(?![a-z])"
    r"|(?:beyond|above|past|over|more\s+than)\s+(?:the\s+)?(?:max|maximum|high|highest|top|full|fastest)"
    r"(?:\s+(?:speed|setting|level))?(?![a-z])"
    r"|(?:even\s+)?(?:higher|faster|stronger|more)\s+than\s+(?:the\s+)?(?:high|highest|max|maximum|top|fast|fastest|full)"
    r"(?:\s+(?:speed|setting|level))?(?![a-z])"
    r"|(?:below|under)\s+(?:the\s+)?(?:min|minimum|low|lowest|bottom|slowest)(?:\s+(?:speed|setting|level))?(?![a-z])"
    r"|(?:even\s+)?(?:lower|slower|less)\s+than\s+(?:the\s+)?(?:low|lowest|min|minimum|bottom|slow|slowest)"
    r"(?:\s+(?:speed|setting|level))?(?![a-z]))")

_INT_ZH = r"(?:超级|超超|最最|超|特(?!别)|极)"
_END_ZH = r"(?:高|快|大|强|低|慢|小)"
_LEVEL_ZH = r"(?:速档|速挡|速|档|挡|模式|风速|风)"
# 超高速 / 特高档 / 最最高 / 超级大风: a value anywhere; 超高 / 特大 alone only after a setting verb
_INTENSE_ZH = re.compile(
    rf"(?P<v>{_INT_ZH}{_END_ZH}{_LEVEL_ZH}|最最{_END_ZH}|超级{_END_ZH}(?:速|档|挡))"
    rf"|(?:调到|调成|调为|调至|开到|开成|设为|设成|设到|设置为|改为|改成|切换到|切到|换成|换到|用|开|调|到|成|为|至)"
    rf"\s*(?P<w>{_INT_ZH}{_END_ZH}{_LEVEL_ZH}?)")
_ALONE_ZH = re.compile(r"(?P<v>涡轮(?:增压)?(?:模式|档|挡)?)")
# 比最高还高, 比高速还快, 超过最高档, 最高档以上, 高于最大
_BEYOND_ZH = re.compile(
    r"(?P<v>比(?:最高|最大|最快|高速|高档|高挡|最低|最小|低速|低档|低挡)(?:档|挡|速)?(?:还|更)(?:要)?(?:高|快|大|强|低|慢|小)"
    r"|(?:超过|超出|高于|大于)(?:最高|最大|最快|高速|高档|高挡)(?:档|挡|速)?"
    r"|(?:低于|小于)(?:最低|最小|低速|低档|低挡)(?:档|挡|速)?"
    r"|(?:最高|最大|高速|高档)(?:档|挡)?以上|(?:最低|最小|低速|低档)(?:档|挡)?以下)")


def past_value(text: str) -> str | None:
    """The words of a value past the end of a scale in ``text`` (normalised), or None."""
    for pat in (_BEYOND_EN, _ALONE_EN, _INTENSE_EN, _BEYOND_ZH, _ALONE_ZH, _INTENSE_ZH):
        m = pat.search(text or "")
        if m is not None:
            said = next(g for g in (m.groupdict().get(k) for k in ("v", "w", "x")) if g)
            return said.strip()
    return None


def past_value_reason(said: str, devices: list[tuple[str, str, str, list[str]]]) -> tuple[str, str]:
    """(en, zh) refusal for ``said``; ``devices``: (English name, Chinese name, setting, its values) for each device
    the ask is about that has a setting of named values (none: a plain "say one of its values")."""
    if not devices:
        return (f"'{said}' is past the end of the device's settings: say one of the values it has.",
                f"“{said}”超出了设备的可选档位：请说出设备有的一个值。")
    en = "; ".join(f"{name}: {setting} is {', '.join(vals[:-1]) + ' or ' + vals[-1] if len(vals) > 1 else vals[0]}"
                   for name, _zh, setting, vals in devices)
    zh = "；".join(f"{zh_name}：{label(setting, 'zh')}可选{zh_values(vals)}" for _n, zh_name, setting, vals in devices)
    return (f"'{said}' is not a value the device has, and the nearest one is not picked for it ({en}): say one of "
            "those values.", f"“{said}”不是设备有的值，也不会换成最接近的值（{zh}）：请说出其中一个值。")


def zh_values(vals: list[str]) -> str:
    """高速（high）、中速（medium）: the Chinese word and the value itself."""
    return "、".join(f"{_ENUM_ZH[v]}（{v}）" if v in _ENUM_ZH else v for v in vals)
