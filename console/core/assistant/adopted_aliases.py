"""The bundled aliases of a device this fleet lacks, taken by this fleet's device of that very name (session 7).

The bundled vocabulary (resources/fleets/demo-aliases.json) names the demo's devices by id.  On any other fleet
(Home Assistant discovery: its own ids, its own names) those words only served absent_devices.py, which refuses
them as devices the fleet lacks: a Home Assistant switch called "Coolant pump" could not be stopped as "the
cooling water" (a word of the demo's pump-cooling) nor as 冷却水.  Here a device with no aliases of its own whose
name is, word for word, one of an absent bundled device's words ("Coolant pump", "Cooling water", 冷却水泵) takes
all of that device's words, and the Chinese ones also without their trailing kind word (冷却水泵 → 冷却水, kept only
when three characters or more stay: 冷却泵 → 冷却 stays out).  Only where exactly one bundled device has that word,
exactly one device of the fleet has that name, and the kinds agree (the kind words inside the bundled words: "pump"
of "coolant pump"; a Home Assistant switch, a relay, may take the words of what a relay runs: a pump, a fan, a lamp,
a motor, never a lock's, a siren's or a valve's: an "Entrance" switch is no front door); a word another device, zone
or kind of the fleet already has is never taken, nor one that names another place than the device's own (a "Ceiling
light" in the warehouse never becomes "the office ceiling light").  What stays absent is still refused.

Pure and Qt-free; no thread, no lock.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from console.core.assistant.aliases import Aliases
from console.core.assistant.phrases import normalize
from console.core.assistant.semantics import phrase_regex
from console.core.protocol import DeviceMeta

RELAY = "switch"  # Home Assistant's switch platform: a relay, and what it may run
RELAY_RUNS = frozenset({"pump", "fan", "lamp", "motor"})


def _words(langs: Mapping[str, Sequence[str]]) -> set[str]:
    return {normalize(x) for names in langs.values() for x in names if normalize(x)}


def _kinds_in(words: Iterable[str], kind_words: Mapping[str, set[str]]) -> set[str]:
    """The kinds whose words show inside ``words`` (whole words in English, characters in Chinese)."""
    return {k for k, kws in kind_words.items() for w in words for kw in kws
            if (phrase_regex(kw).search(w) if kw.isascii() else kw in w)}


def adopt_aliases(aliases: Aliases, metas: Sequence[DeviceMeta]) -> Aliases:
    """``aliases`` with the words of absent bundled devices given to this fleet's devices of the same name."""
    present = {m.id for m in metas}
    absent = {d: _words(langs) for d, langs in aliases.devices.items() if d not in present}
    if not absent:
        return aliases
    names: dict[str, list[DeviceMeta]] = {}
    for m in metas:
        names.setdefault(normalize(m.name), []).append(m)
    kind_words = {k: _words(langs) | {normalize(k)} for k, langs in aliases.kinds.items()}
    zones = set(aliases.zones) | {m.zone for m in metas if m.zone}
    zone_words = {z: _words(aliases.zones.get(z, {})) | {normalize(z), normalize(z.replace("-", " "))} for z in zones}
    taken = {normalize(m.name) for m in metas} | {normalize(m.id) for m in metas}
    taken |= {w for d, langs in aliases.devices.items() if d in present for w in _words(langs)}
    taken |= {w for table in (aliases.zones, aliases.kinds) for langs in table.values() for w in _words(langs)}
    added: dict[str, dict[str, list[str]]] = {}
    for name, owners in names.items():
        if len(owners) != 1 or owners[0].id in aliases.devices:
            continue
        meta = owners[0]
        sources = [d for d, words in absent.items() if name in words]
        if len(sources) != 1:
            continue
        langs = aliases.devices[sources[0]]
        said = _kinds_in(_words(langs), kind_words)
        if not said or not (meta.kind in said or (meta.kind == RELAY and said <= RELAY_RUNS)):
            continue  # an "Entrance" lamp or switch never takes the entrance lock's words
        elsewhere = {w for z, ws in zone_words.items() if z != meta.zone for w in ws} - zone_words.get(meta.zone, set())
        out: dict[str, list[str]] = {}
        for lang, words in langs.items():
            keep = [w for w in words if (normalize(w) == name or normalize(w) not in taken)
                    and not _kinds_in([normalize(w)], {"": elsewhere})]
            if lang == "zh":
                keep += [w[: -len(kw)] for w in list(keep) for k in said for kw in kind_words[k]
                         if not kw.isascii() and w.endswith(kw) and len(w) - len(kw) >= 3
                         and normalize(w[: -len(kw)]) not in taken]
            if keep:
                out[lang] = list(dict.fromkeys(keep))
        if out:
            added[meta.id] = out
    return aliases.merged(Aliases(devices=added)) if added else aliases
