""""The big light" / "the main light" / 大灯 / 主灯 of a place is its main (ceiling) fixture (session 10, blind set).

"big light in the office off" went to the model (definite_ties.py lets a describing word through to it), and the model
picked the desk lamp.  "The big light" (大灯, "the main light") is how people call a room's main fixture — the one on
the ceiling or overhead — not the largest lamp by some measure the catalog cannot know.  The catalog says which one
that is through the device's own names: a name with "main", "ceiling", "overhead" (主, 顶, 吊, 吸顶, 天花).

:func:`main_fixture`: where the ask says big/main/large + a kind word (or 大/主 right before a one-character kind word,
after a place), names a place, and among that kind's devices in the places named exactly one has such a name, the
words are replaced by that device's first name in the ask's language; otherwise the text is left as it is (a place
with one device of the kind: size_words_zh.py and the rules read it already; none or several main ones: the operator
is asked, as before).  No place named: left as it is (which room's main light?).  Pure; the table is built once per
assistant and kept on it; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.reader import read

_MAIN_EN = re.compile(r"(?<![a-z])(?:main|ceiling|overhead|top)(?![a-z])")
_MAIN_ZH = re.compile(r"主|顶|吊|吸顶|天花")
_BIG_EN = r"(?:the\s+|that\s+)?(?:big|main|large|bigger|biggest|larger|largest)\s+"
_BIG_ZH = r"(?<![开调变弄放加])(?:大|主)"


def _table(asst: Any) -> dict[str, Any]:
    got = getattr(asst, "_main_lights", None)
    if got is not None:
        return got
    words: dict[str, str] = {}  # kind word → kind, for kinds with several devices
    for kind in {m.kind for m in asst.metas}:
        for lang, names in asst.aliases.kinds.get(kind, {}).items():
            for w in names:
                words.setdefault(w.lower(), kind)
    main: dict[str, bool] = {}
    for m in asst.metas:
        names = [m.name, *(n for ns in asst.aliases.devices.get(m.id, {}).values() for n in ns)]
        main[m.id] = any(_MAIN_EN.search(n.lower()) or _MAIN_ZH.search(n) for n in names)
    en = sorted((w for w in words if w.isascii()), key=len, reverse=True)
    zh = sorted((w for w in words if not w.isascii() and len(w) == 1), key=len, reverse=True)
    got = {
        "words": words, "main": main,
        "en": re.compile(rf"(?<![a-z]){_BIG_EN}(?P<w>{'|'.join(map(re.escape, en))})(?![a-z])") if en else None,
        "zh": re.compile(rf"{_BIG_ZH}(?P<w>{'|'.join(map(re.escape, zh))})") if zh else None,
    }
    asst._main_lights = got
    return got


def main_fixture(asst: Any, text: str) -> str:
    """``text`` (normalised) with "the big/main <kind>" / 大<kind> replaced by the name of the one main device of that
    kind in the places named (see module); the same string otherwise."""
    if not text:
        return text
    tab = _table(asst)
    zones: set[str] | None = None
    for key in ("en", "zh"):
        rx = tab[key]
        if rx is None:
            continue
        m = rx.search(text)
        if m is None:
            continue
        if zones is None:
            zones = {z for mn in read(text, asst.rules.vocab).mentions if mn.kind == "zone" for z in mn.keys}
        if not zones:
            return text
        kind = tab["words"].get(m.group("w").lower())
        devs = [d for d in asst.metas if d.kind == kind and d.zone in zones]
        mains = [d for d in devs if tab["main"].get(d.id)]
        if len(devs) < 2 or len(mains) != 1:
            return text
        names = asst.aliases.devices.get(mains[0].id, {}).get(key) or [mains[0].name]
        return text[:m.start()] + names[0] + text[m.end():]
    return text
