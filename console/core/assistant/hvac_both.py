"""Both things an AC does, switched off together: "switch off the heating and cooling in the office",
"office heating and cooling off", 关掉办公室的制冷和制热, 把制冷和制热都关掉 → the AC off, no mode.

Held-out 15: the pair had leaked its second half as a mode ("… and cooling" → mode cool + power off; in Chinese
"cool" landed on a lamp). The pair under an off/stop word is rewritten to "turn off the [place] ac" / 关闭[place]空调
before the rules read it; "switch on the heating and cooling" and one function alone ("turn off the heating",
handled in phrases.py) are left as they are.  Pure text, no imports from the package (phrases.py imports it).
"""

from __future__ import annotations

import re

_PAIR = (r"(?:heating|heat)\s*(?:and|or|/|&|\+)\s*(?:cooling|cool)|(?:cooling|cool)\s*(?:and|or|/|&|\+)\s*"
         r"(?:heating|heat)")
_OFF_VERB = r"(?:(?:turn|switch|shut|power)\s+off|stop|quit|cease|halt|kill|cut)"
# up to two place words before the pair ("office", "the office's"), never a joiner or a switch word
_PLACE = r"((?:(?!(?:and|or|on|off|then|but|also|to|it|them|the|both)(?![a-z]))[a-z']+\s+){0,2}?)"
# the verb first: "switch off the heating and cooling in the office", "stop both heating and cooling"
_EN_VERB_FIRST = re.compile(rf"(?<![a-z]){_OFF_VERB}\s+(?:the\s+)?(?:both\s+)?(?:the\s+)?{_PLACE}"
                            rf"(?:{_PAIR})(?:\s+(?:it|them))?(?![a-z])")
# the particle after: "turn the heating and cooling off", "office heating and cooling off"
_EN_OFF_AFTER = re.compile(rf"(?<![a-z])(?:(?:turn|switch|shut|put)\s+)?(?:the\s+)?{_PLACE}(?:both\s+)?"
                           rf"(?:{_PAIR})(?:\s+both)?\s+off(?![a-z])")
_ZH_PAIR = (r"(?:制热|加热|供暖|暖气)\s*(?:和|与|及|跟|、|/)?\s*(?:制冷|供冷|冷气)"
            r"|(?:制冷|供冷|冷气)\s*(?:和|与|及|跟|、|/)?\s*(?:制热|加热|供暖|暖气)|冷暖")
_ZH_OFF = r"(?:关掉|关闭|关了|关上|停止|停掉|停下|停了)"
_ZH_VERB_FIRST = re.compile(rf"{_ZH_OFF}([^,;:，；。]{{0,8}}?)的?\s*(?:{_ZH_PAIR})(?:模式|功能)?(?:都)?")
_ZH_OFF_AFTER = re.compile(rf"(?:把|将)?([^,;:，；。把将]{{0,8}}?)的?\s*(?:{_ZH_PAIR})(?:模式|功能)?\s*(?:都|全)?\s*"
                           rf"{_ZH_OFF}")
_WORDS = ("heat", "cool", "制", "暖", "冷")
# one off verb shared by a list ending in what an AC does: "turn off the cooling pump and the heating" (the heating
# had become mode heat under "off"); no other verb or "on" in between ("turn off the lamp and put the heating on")
_SHARED_OFF = re.compile(r"(?<![a-z])(?:(?:turn|switch|shut|power)\s+off|stop|kill)\s+(?P<mid>(?:(?!(?:on|put|set|turn|"
                         r"switch|start|run|make|keep|leave|get)(?![a-z]))[^,;.!])+?)\s+and\s+(?:also\s+)?(?P<what>"
                         r"(?:the\s+)?(?:heating|cooling))(?=\s*(?:$|[,;.!]|(?:in|too|as|please|now)(?![a-z])))")


def _en(m: re.Match) -> str:
    place = m.group(1).strip()
    place = "" if place in ("the", "both") else place
    return f"turn off the {place + ' ' if place else ''}ac"


def _zh(m: re.Match) -> str:
    place = m.group(1).strip()
    return f"关闭{place}空调" if "空调" not in place else f"关闭{place}"


def stop_both(text: str) -> str:
    """``text`` (normalised: lower case) with "off/stop + heating and cooling" as switching the AC off."""
    if not any(w in text for w in _WORDS):
        return text
    text = _EN_VERB_FIRST.sub(_en, text)
    text = _SHARED_OFF.sub(lambda m: m.group(0)[: m.start("what") - m.start()] + "the ac", text)
    text = _EN_OFF_AFTER.sub(_en, text)
    text = _ZH_VERB_FIRST.sub(_zh, text)
    return _ZH_OFF_AFTER.sub(_zh, text)
