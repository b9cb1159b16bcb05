"""Device words of devices this fleet lacks: an ask that names one is refused as an unknown device.

The bundled aliases name every demo device; a fleet without one of them (no floodlight) must not read
"warehouse floodlight on" as "everything in the warehouse on" (it had sounded the yard siren).  The words of
absent devices (less any word a present device, a kind or a zone also has) are looked for in the ask, after the
present devices' own names are masked out (吸顶灯 never hides inside 办公室吊灯); an English word of four letters
or more that the rules do not know and that begins an absent device's word ("flood" for "floodlight") counts too.
Refused only where the proposal holds a device of another kind than the absent word's (its kind word inside
it: "floodlight" → lamp, 探照灯 → lamp; a word with no kind word in it always): an ask for "the ceiling light" in a
fleet with another light may still reach that light, never the siren.  Layers.py builds the words once per fleet
and asks at its gate, whatever layer proposed.

Pure and Qt-free; no thread, no lock.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

from console.core.assistant.phrases import normalize
from console.core.assistant.semantics import needle, phrase_regex


def _words(table: Mapping[str, Mapping[str, Sequence[str]]], keys: Iterable[str]) -> set[str]:
    return {normalize(x) for k in keys for v in table.get(k, {}).values() for x in v if normalize(x)}


def absent_device_words(aliases, present_ids: set[str], present_names: Iterable[str]
                        ) -> tuple[dict[str, set[str]], list[str]]:
    """({word of a device the fleet lacks: the kinds its kind words say}, present devices' own words, longest
    first)."""
    present = _words(aliases.devices, present_ids) | {normalize(n) for n in present_names if normalize(n)}
    shared = present | _words(aliases.kinds, aliases.kinds) | _words(aliases.zones, aliases.zones)
    absent = _words(aliases.devices, [d for d in aliases.devices if d not in present_ids]) - shared
    kind_words = {k: _words(aliases.kinds, [k]) for k in aliases.kinds}
    out = {w: {k for k, ws in kind_words.items() if any(kw in w for kw in ws)}
           for w in sorted(absent, key=lambda w: (-len(w), w))}  # longest first, then a fixed order (a set's order
    return out, sorted(present, key=lambda w: (-len(w), w))  # changes with the hash seed: which word the refusal names)


def absent_device_in(text: str, absent: Mapping[str, set[str]], present: Sequence[str], known: set[str],
                     kinds: set[str]) -> str | None:
    """The first word of an absent device the (normalised) ask names whose kinds do not cover ``kinds`` (the
    proposal's), or None."""
    if not absent:
        return None
    masked = text
    for word in present:
        if needle(word) not in masked:  # cannot match (semantics.needle): the regex is the cost here
            continue
        masked = phrase_regex(word).sub(lambda m: " " * len(m.group(0)), masked)
    for word, of in absent.items():
        if needle(word) in masked and phrase_regex(word).search(masked) and not (of and kinds <= of):
            return word
    for tok in re.findall(r"(?<![a-z])[a-z]{4,}(?![a-z])", masked):
        if tok in known:
            continue
        for word, of in absent.items():
            if word.isascii() and any(p.startswith(tok) and p != tok for p in word.split()) \
                    and not (of and kinds <= of):
                return tok
    return None
