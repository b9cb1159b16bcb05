"""An unknown word where a named value goes, on a device with a setting of named values (session 8).

"put the AC on dry", "sound the siren with a chirp", 空调开除湿, 空调调到除湿模式, 把警报器切换到啁啾 had switched the
device on and dropped the word, or said "nothing to do": the AC has no dry mode (cool / heat / fan / auto), the siren no
chirp pattern (steady / pulse / wail).  A word the reading does not know, standing where a value goes, on a device (or
kind) that has a setting of named values, is that setting's value: ``Reading.bad_enum``, which assign.py refuses with
the values the setting has ("mode 'dry' is not allowed; choose cool, heat, fan or auto"), never a silently dropped part.

Where a value goes: in English "<name> on / with / in <word>" at a clause's end (also before mode / pattern / tone /
setting / sound); "<word> pattern" / "<word> tone" as "<word> mode" already was (reader.py); in Chinese an unread
word before 模式 (除湿模式, 用啁啾模式), or after a setting verb (调到, 改成, 切换到, 开 …) at a clause's end.  Only
unknown words count: a value the fleet has was read before, and a device without named values is left alone ("lights
on upstairs" stays a place).  Runs on the masked working text (reader.py), after the lexicon.  Pure; no threads.
"""

from __future__ import annotations

import re
from typing import Mapping

from console.core.assistant.reading import Reading
from console.core.assistant.semantics import PLACES

_EN = re.compile(r"\x00(?:\s+on\s+|\s+with\s+(?:(?:a|an)\s+)?|\s+(?:in|on|at|to|with)\s+(?:(?:a|an|the)\s+)?(?=[a-z]+\s+\x00))"
                 r"(?P<w>[a-z]+)(?P<noun>\s+\x00+)?(?=\s*(?:$|[,.;!?]|(?:please|pls|then|and|now)(?![a-z])))")
# "<name>, chirp tone": an unknown word before a pattern word (as before "mode", reader.py), anywhere in the ask
_BEFORE_NOUN = re.compile(r"(?<![a-z'])(?P<w>[a-z]+)(?P<noun>\s+\x00+)(?=\s*(?:$|[,.;!?]|(?:please|pls|then|and|now)"
                          r"(?![a-z])))")
_NOUNS = ("pattern", "tone", "sound", "setting")
# words that say how a siren sounds in general, not which pattern: "with a warning tone" only sounds it
_SAYS_NO_VALUE = frozenset("warning alarm alert loud usual normal siren emergency".split())
# a place is no value ("fan on upstairs": the place the fleet lacks, refused as such by the layers)
_PLACE_WORDS = frozenset(p for p in PLACES if p.isalpha())
_SLOT_ZH = ("调到", "调成", "调为", "调至", "改成", "改为", "设为", "设成", "设置为", "设置成", "设定为", "切换到", "切换成",
            "切换为", "换成", "换到", "开到", "开成", "切到", "切成", "转到", "开")
# a run that is no value: a particle, a direction complement, an amount
_NO_VALUE_ZH = re.compile(r"^(?:起来|一点儿?|一些|点儿?|一下|下|着|了|吧|啊|呀|呢|嘛|哦|好|上|去|来|过来|回来|大|小|高|低"
                          r"|久|会儿|一会儿?|始|启|机|门|灯|关|的|吗|么|没有?|不|是)+$")
_LEAD_ZH = re.compile(r"^(?:用|以|按|开|调|切换到|切到|换成|改成|调到|设为)+")
_END_ZH = re.compile(r"\s*(?:$|[，,。；;！!？?、])")


def unread_value(text: str, work: str, r: Reading, holders: Mapping[str, frozenset[str]],
                 known_words: set[str]) -> str:
    """Set ``r.bad_enum`` from an unknown word where a value goes (``text``: the normalised ask, ``work``: what the
    reading left of it); returns ``work`` with that word masked.  Unchanged when the ask names no device or kind with
    a setting of named values, or already has a value."""
    if r.bad_enum is not None or r.enums:
        return work
    has_values = set().union(*holders.values()) if holders else set()
    named = [mn for mn in r.mentions if mn.kind in ("device", "kind") and set(mn.keys) & has_values]
    if not named:
        return work
    ends = {mn.end for mn in named}
    for m in [*_EN.finditer(work), *_BEFORE_NOUN.finditer(work)]:
        w = m.group("w")
        noun = text[m.start("noun"):m.end("noun")].strip() if m.group("noun") else None
        if noun is not None and noun not in _NOUNS:
            continue
        if (m.start() + 1 in ends or (m.re is _BEFORE_NOUN and noun)) and w not in known_words \
                and w not in _PLACE_WORDS and w not in _SAYS_NO_VALUE:
            r.bad_enum = w
            return work[:m.start("w")] + "\x00" * len(w) + work[m.end("w"):]
    if not re.search(r"[\u3400-\u9fff]", text):
        return work
    for m in re.finditer(r"[\u3400-\u9fff]+", work):
        tail = text[m.end():].lstrip()
        word = _LEAD_ZH.sub("", m.group(0))
        if not word or _NO_VALUE_ZH.match(word):
            continue
        before = text[:m.start()]
        if tail.startswith("模式") or (before.endswith(_SLOT_ZH) and _END_ZH.match(text, m.end())):
            r.bad_enum = word
            r.hints.append(("mode", "pattern"))
            return work[:m.start()] + "\x00" * (m.end() - m.start()) + work[m.end():]
    return work
