"""Delays and durations: "in ten minutes", "in half an hour", "after lunch", "later", "for ten minutes",
十分钟后, 半小时以后, 过一会儿, 等会, 晚点 — each says *when* (or for how long) to act, never "now" (held-out 18: "In ten
minutes, halt product on line B" was carried out at once: the older guard knew "10 minutes" but not "ten minutes").

A delay is a schedule; a duration ("stop the pump for ten minutes") asks the console to undo the change later, which
it cannot do: both are refused.  ``DELAY`` is one more alternative of the condition guard in ``screening.py`` (the
rules refuse it and never hand it to a later layer), and :func:`delay_in` is read by every layer's gate in
``layers.py`` on the ask *as typed* (NFKC, lower case, nothing stripped), so no remark, purpose, situation or reason
rule that rewrites the ask can carry a delay off with it.

Not delays (kept accepted): a rate ("thirty litres a minute", 每分钟三十升, 50转每分钟), ordinals ("the second line"),
time-span purposes ("for the night", "for the day": purposes.py), "as soon as possible" / "asap".
Pure and Qt-free; imports nothing of the package; no threads, no locks.
"""

from __future__ import annotations

import re
import unicodedata

_UNIT_EN = r"(?:sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|moment|moments|mo|jiffy|tick|ticks)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_WORD_NUM = (r"(?:(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)(?:[- ]?" + _ONES + r")?|" + _ONES
             + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred)")
# how many: "ten", "10", "a", "an", "a couple of", "a few", "half an", "an hour and a half", "a quarter of an" …
_HOW_MANY = (r"(?:(?:the\s+)?(?:next|coming)\s+)?(?:\d+(?:[.,]\d+)?|" + _WORD_NUM + r"|a|an|one|another|a\s+couple(?:\s+of)?|"
             r"couple(?:\s+of)?|a\s+few|few|several|some|a\s+half|half\s+an?|half|a\s+quarter(?:\s+of\s+an?)?|"
             r"quarter\s+of\s+an?|(?:\d+|" + _WORD_NUM + r")\s*(?:and\s+a\s+half|or\s+(?:so|two|\d+|" + _WORD_NUM + r")))")
_SPAN_EN = _HOW_MANY + r"\s*-?\s*(?:more\s+)?" + _UNIT_EN + r"(?:\s+and\s+a\s+half)?(?![a-z])"

_DELAY_EN = (
    # in / within / after / for / over the next … <span>: "in ten minutes", "for 10 min", "after half an hour"
    r"(?<![a-z])(?:in|within|after|for|over|inside(?:\s+of)?|give\s+it|wait)\s+(?:about\s+|around\s+|roughly\s+|like\s+|"
    r"maybe\s+|just\s+|another\s+)?" + _SPAN_EN
    # "ten minutes from now", "half an hour later", "5 mins' time"
    + r"|(?<![a-z])" + _SPAN_EN + r"'?\s*(?:from\s+now|later|hence)(?![a-z])"
    # "half an hour" / "an hour and a half" anywhere: always a span ("turn the valve to half" is no hour)
    + r"|(?<![a-z])half\s+an?\s+hour(?![a-z])|(?<![a-z])an?\s+hour\s+and\s+a\s+half(?![a-z])"
    # words that defer by themselves ("later", "after lunch", "in a while", "soon", "by and by")
    + r"|(?<![a-z])(?:later(?:\s+on)?|after(?:wards?)?|by\s+and\s+by|in\s+(?:a|an)\s+(?:bit|while|tick|jiffy|mo|sec|"
    r"moment|minute|second|hour)|in\s+due\s+course|(?<!as\s)soon(?!\s+as)|not\s+yet|not\s+now|when\s+you\s+(?:can|get\s+a"
    r"\s+chance)|for\s+(?:a|an)\s+(?:bit|while|spell|sec|moment|minute|hour))(?![a-z])"
    # a clock time in words: "at six", "at half past five", "quarter to nine", "at ten o'clock", "by seven pm"
    + r"|(?<![a-z])(?:half\s+past|(?:a\s+)?quarter\s+(?:past|to))\s+(?:\d{1,2}|" + _WORD_NUM + r"|noon|midnight)(?![a-z])"
    + r"|(?<![a-z])(?:at|by|around|till|until)\s+(?:" + _ONES + r"|ten|eleven|twelve)(?:\s+(?:o'?clock|am|pm|sharp|"
    r"thirty|fifteen|forty[- ]?five))?\s*(?:[,;:.!]|$|(?=(?:and|then|&)\s))"
    # "at six turn off the lamp" opening the ask or a clause (had set the lamp to 6 %), never "at ten percent"
    + r"|(?:^|[,;:.!]\s*)(?:at|by|around)\s+(?:" + _ONES + r"|ten|eleven|twelve)(?:\s+(?:o'?clock|am|pm|sharp|thirty|"
    r"fifteen))?\s+(?!(?:%|percent|per|deg|degrees?|°|rpm|l\b|litres?|liters?|l/min))(?=[a-z])"
)

_NUM_ZH = r"(?:[\d零〇一二两三四五六七八九十百几半]+|半|个把|一两|两三|三四|四五|五六|十几|几十)"
_UNIT_ZH = r"(?:个\s*)?(?:半\s*)?(?:秒钟|秒|分钟|分|小时|个钟头|钟头|钟|刻钟|刻)(?:半)?"
_DELAY_ZH = (
    # a span then 后/以后/之后/过后/内 ("十分钟后", "半小时以后", "一个小时之后"), or after 过/再过/等 ("过十分钟")
    r"(?<!每)" + _NUM_ZH + r"\s*" + _UNIT_ZH + r"\s*(?:后|以后|之后|过后|以内|之内|内|左右后|左右以后|左右)"
    + r"|(?:再过|过|等|隔|停|等上|过上)\s*" + _NUM_ZH + r"\s*" + _UNIT_ZH
    # a span on its own is a duration ("关掉台灯十分钟", "开半小时"): never a rate (每分钟 / 转每分钟 / 升每分钟)
    + r"|(?<![每/])(?<![\d零〇一二两三四五六七八九十百几半][转升])" + _NUM_ZH + r"\s*(?:个\s*)?(?:半\s*)?"
    r"(?:秒钟|分钟|小时|个钟头|钟头|刻钟)(?!\s*[\d零〇一二两三四五六七八九十百]+\s*[升转])"
    # words that defer by themselves
    + r"|晚点|晚一点|晚些|晚一些|迟点|迟一点|迟些|过会儿?|过一会儿?|待会儿?|等会儿?|等一会儿?|等一下|等下|一会儿|一会|稍后|"
    r"稍等|回头|改天|以后再|之后再|过后再|下班后|下班以后|午饭后|饭后|午休后|晚会儿"
)

DELAY = re.compile(_DELAY_EN + r"|" + _DELAY_ZH)


def delay_in(text: str) -> str | None:
    """The delay or duration in the ask as typed ("in ten minutes", 十分钟后, "later"), as said, or None."""
    t = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'")
    m = DELAY.search(t)
    return m.group(0).strip(" ,，。") if m else None
