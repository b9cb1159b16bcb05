"""A device's name cut short to its first word: "warehouse flood on" → "warehouse flood light on" (held-out 16).

The semantic layer (layers.py, only after the rules found no device) expands a word that is the first word of a
two- or more-word English alias of exactly one device ("flood light", "desk lamp", "ceiling light") and is no
name of its own: never a zone or kind word, never a word of another device's names, never a common adjective
("main", "front", "left" …), never shorter than four letters, never already followed by the rest of a name.
Without it "flood" was an unread word beside a place and the ask became "everything in the warehouse on" (the
yard siren with the floodlight).  Pure, Qt-free; built once per Assistant from its aliases; no threads, no locks (module tables and per-Assistant tables, read-only after build).
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

_ADJECTIVES = set("main front back rear side top bottom upper lower left right big small little new old first second "
                  "third last north south east west inner outer near far high low middle centre center all every "
                  "each both other this that".split())


class Truncations:
    def __init__(self, device_names: Mapping[str, Iterable[str]], blocked: Iterable[str] = ()) -> None:
        """``device_names``: device id → its English names (lower case); ``blocked``: zone and kind words."""
        firsts: dict[str, set[str]] = {}
        full: dict[str, str] = {}
        elsewhere: set[str] = set()
        for did, names in device_names.items():
            for name in names:
                words = re.findall(r"[a-z]+", name.lower())
                if len(words) < 2:
                    elsewhere.update(words)
                    continue
                elsewhere.update(words[1:])
                firsts.setdefault(words[0], set()).add(did)
                full.setdefault(words[0], " ".join(words))
        stop = {w for b in blocked for w in re.findall(r"[a-z]+", b.lower())} | _ADJECTIVES
        self.table = {w: full[w] for w, ids in firsts.items()
                      if len(ids) == 1 and len(w) >= 4 and w not in stop and w not in elsewhere}
        # every word of a device's names that is no place, kind, thing or adjective: such a word the rules did not
        # read names a device, never "everything in the place" (a fleet without the floodlight: "warehouse flood on")
        self.name_words = {w for ws in (firsts, elsewhere) for w in ws if len(w) >= 4} - stop
        self._pattern = (re.compile(r"(?<![a-z'-])(" + "|".join(sorted(map(re.escape, self.table), key=len, reverse=True))
                                    + r")(?![a-z'-])") if self.table else None)

    def unread_name(self, text: str) -> str | None:
        """The first word of ``text`` (normalised) that is a word of a device's names, or None."""
        for w in re.findall(r"(?<![a-z'-])[a-z]+(?![a-z'-])", text):
            if w in self.name_words:
                return w
        return None

    def expand(self, text: str) -> str:
        """``text`` (normalised) with each cut-short name written out in full."""
        if self._pattern is None:
            return text

        def one(m: re.Match) -> str:
            name = self.table[m.group(1)]
            return m.group(0) if text[m.start():].startswith(name) else name

        return self._pattern.sub(one, text)
