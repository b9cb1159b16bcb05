""""Block it" where "it" is the thing a kind acts on, said earlier in the ask: read as that thing.

Held-out 34: "Too sunny in the office, block it halfway." went to the model (which dimmed a lamp): "it" is no device,
so the semantics tied the office's lamps and blinds at 50 %.  "block" is the cover's own 'down' word and "too sunny"
its 'down' phrase; "it" is the sun.  Read as "… block the sunlight halfway", the cover's semantics take it.

:func:`it_as_thing` rewrites "VERB it" / "VERB them" where VERB is a one-word 'up' / 'down' word of exactly one kind
(the fleet semantics, e.g. the cover's "block") and the rest of the ask says another phrase of that kind (its things
or direction phrases: "too sunny", "glare", "the sun").  Never when the ask names a device or a kind (then "it" is
that device), nor when the verb is several kinds' word.  Pure; the word lists are built once per fleet.
"""

from __future__ import annotations

import re
from typing import Callable

from console.core.assistant.semantics import Meaning, matched


class ItAsThing:
    """Built once per fleet; :meth:`rewrite` per (normalised, English) ask."""

    def __init__(self, meaning: Meaning) -> None:
        owners: dict[str, set[str]] = {}
        for km in meaning.kinds.values():
            for w in km.up + km.down:
                if re.fullmatch(r"[a-z]+", w):
                    owners.setdefault(w, set()).add(km.kind)
        self.verbs = {w: next(iter(ks)) for w, ks in owners.items() if len(ks) == 1}
        self.kinds = meaning.kinds
        self.thing = {k: next((t for t in km.things if re.fullmatch(r"[a-z]+", t)), None)
                      for k, km in meaning.kinds.items()}
        words = "|".join(sorted(map(re.escape, self.verbs), key=len, reverse=True)) or "(?!)"
        self.pattern = re.compile(rf"(?<![a-z'])(?P<verb>{words})\s+(?P<it>it|them)(?![a-z'])")

    def rewrite(self, text: str, names_device: Callable[[str], bool]) -> str:
        """``text`` with "VERB it" read as "VERB the <thing>", or ``text`` itself (see module)."""
        hits = list(self.pattern.finditer(text or ""))
        if len(hits) != 1:
            return text
        m = hits[0]
        kind = self.verbs[m.group("verb")]
        km, thing = self.kinds[kind], self.thing.get(kind)
        rest = text[:m.start()] + " " + text[m.end():]
        if not thing or not matched(rest, km.things + km.up + km.down) or names_device(rest):
            return text
        return text[:m.start("it")] + "the " + thing + text[m.end("it"):]
