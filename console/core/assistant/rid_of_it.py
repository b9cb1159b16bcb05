"""A nuisance said in one clause, then "get rid of it" in the next, is the device that removes it (session 10c).

"smoke on line A, get rid of it" was refused ("I could not understand 'get rid of it'") while "get rid of the smoke on
line A" ran the fan: "it" is the nuisance of the clause before, never a device.  The class: a first clause that names a
thing a kind of the catalog removes (its ``removes``: smoke, fumes, smell, 烟, 臭, 气味 …), then a clause that is only
"get rid of it / them / that" or "get it / them out" (弄走, 弄掉, 去掉, 赶走, 排出去, 排掉, 清掉, 散掉 on 它 / 这 / 那, or bare);
the pronoun is the thing: "smoke on line A, get rid of the smoke", 一号线有烟，把烟排出去 — which the layers read as the
device that removes it (thing_on.thing_out, the kind's verbs), gated as every ask.  A first clause with no such thing
("the siren's going, get rid of it") is left as it is.  Pure; regexes compiled at import, the removed nouns per call
(a handful).
"""

from __future__ import annotations

import re
from typing import Iterable

_EN = re.compile(r"^(?P<first>[^,;.]+?)\s*[,;.]\s*(?:(?:please|can\s+you|could\s+you|just|now)\s+)*"
                 r"(?:get\s+rid\s+of\s+(?:it|them|that|this)|get\s+(?:it|them|that)\s+out)"
                 r"(?:\s+(?:please|now|asap|quick(?:ly)?))?\s*[.!]*$")
_ZH = re.compile(r"^(?P<first>[^，,。；;]+)[，,。；;]\s*(?:请|麻烦|赶紧|快点?|帮忙|帮我|你)*(?:把?(?:它|这个?|那个?|这些|那些))?"
                 r"(?:弄走|弄掉|去掉|赶走|排出去|排掉|清掉|散掉|搞走|搞掉|弄出去)(?:吧|一下|呀|啊)?[。！!]*$")


def rid_rewrite(text: str, removes: Iterable[str]) -> str | None:
    """``text`` (normalised) with "it" as the removed thing of the clause before, or None (module docstring)."""
    if not text:
        return None
    zh = re.search(r"[\u4e00-\u9fff]", text) is not None
    m = (_ZH if zh else _EN).match(text)
    if m is None:
        return None
    first = m.group("first")
    for noun in sorted((r for r in removes if r and r.isascii() != zh), key=len, reverse=True):
        found = (noun in first) if zh else re.search(rf"(?<![a-z]){re.escape(noun)}(?![a-z])", first) is not None
        if found:
            return f"{first}，把{noun}排出去" if zh else f"{first}, get rid of the {noun}"
    return None
