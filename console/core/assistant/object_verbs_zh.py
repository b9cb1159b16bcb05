"""排烟 said object first: 一号线的烟排一下 is 一号线排烟 (session 9, a maintenance crew's week).

A kind's own Chinese verb-object word (the fan's 排烟: 排 "expel" + 烟 "smoke", a thing the fan acts on) is often said
with the object first: 一号线的烟排一下, 把烟排掉, 烟排出去.  Read that way 排 was no verb at all, so
"一号线的烟排一下，中档" set the speed and never started the fan.  The object-first form is rewritten to the catalog's
own word (一号线的排烟一下), which every layer reads as the kind's up (or down) word.  Only two-character words of the
catalog whose second character is itself a thing of that kind (排烟: 烟), and only where the verb ends the phrase or
takes a complement (一下, 掉, 出去, 走, 干净); 把烟排掉 → 把排烟.  Pure: the regex is built once per fleet.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

_CJK = re.compile(r"[\u3400-\u9fff]")
_AFTER = r"(?P<after>一下|一排|出去|出来|干净|掉|走|了|吧)?(?=$|[\s,;:.!?])"


def object_first_regex(kinds: Mapping[str, Any]) -> re.Pattern[str] | None:
    """The pattern of every object-first form of the kinds' two-character verb-object words, or None."""
    forms: dict[str, set[str]] = {}
    for km in kinds.values():
        things = set(km.things)
        for word in tuple(km.up) + tuple(km.down):
            if len(word) == 2 and _CJK.match(word[0]) and _CJK.match(word[1]) and word[1] in things:
                forms.setdefault(word[1], set()).add(word[0])
    if not forms:
        return None
    alts = "|".join(f"(?:{re.escape(obj)})(?:给)?(?:{'|'.join(map(re.escape, sorted(verbs)))})"
                    for obj, verbs in sorted(forms.items()))
    return re.compile(rf"(?P<form>{alts}){_AFTER}")


def verb_first(text: str, pattern: re.Pattern[str] | None) -> str:
    """``text`` (normalised) with object-first forms as the catalog's word (烟排一下 → 排烟一下)."""
    if pattern is None or not _CJK.search(text):
        return text

    def sub(m: re.Match[str]) -> str:
        form = m.group("form").replace("给", "")
        after = m.group("after") or ""
        return form[1:] + form[0] + ("" if after in ("掉", "走", "出去", "出来", "干净", "了") else after)

    return pattern.sub(sub, text)
