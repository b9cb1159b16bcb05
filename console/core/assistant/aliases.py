"""Bilingual names for a fleet: per device id, zone and kind, in English and Chinese.

The bundled vocabulary is resources/fleets/demo-aliases.json; a catalog may bring its own file next
to it (``plant-fleet.json`` → ``plant-aliases.json``), read on top of the bundled one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from console.core.fleet.catalog import read_json_file
from console.core.paths import resource_path
from console.core.protocol import DeviceMeta, ProtocolError


@dataclass(frozen=True)
class Aliases:
    """Bilingual names: per device id, per zone, per kind.  Each value: {"en": [...], "zh": [...]}."""

    devices: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)
    zones: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)
    kinds: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, raw: Any, source: str = "aliases") -> "Aliases":
        if not isinstance(raw, dict):
            raise ProtocolError(f"{source}: must be a JSON object")
        out = {}
        for section in ("devices", "zones", "kinds"):
            table = raw.get(section, {})
            if not isinstance(table, dict):
                raise ProtocolError(f"{source}: '{section}' must be an object")
            clean: dict[str, dict[str, list[str]]] = {}
            for key, langs in table.items():
                if not isinstance(langs, dict):
                    raise ProtocolError(f"{source}: {section}.{key} must be an object of language → names")
                clean[str(key)] = {}
                for lang, names in langs.items():
                    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                        raise ProtocolError(f"{source}: {section}.{key}.{lang} must be a list of names")
                    clean[str(key)][str(lang)] = list(names)
            out[section] = clean
        return cls(**out)

    def merged(self, other: "Aliases") -> "Aliases":
        def merge(a, b):
            res = {k: {lang: list(v) for lang, v in langs.items()} for k, langs in a.items()}
            for k, langs in b.items():
                for lang, names in langs.items():
                    res.setdefault(k, {}).setdefault(lang, [])
                    res[k][lang] = list(names) + [n for n in res[k][lang] if n not in names]
            return res

        return Aliases(merge(self.devices, other.devices), merge(self.zones, other.zones),
                       merge(self.kinds, other.kinds))

    def display_name(self, meta: DeviceMeta, lang: str) -> str:
        if lang == "zh":
            names = self.devices.get(meta.id, {}).get("zh") or ()
            if names:
                return names[0]
        return meta.name

    def zone_name(self, zone: str, lang: str) -> str:
        names = self.zones.get(zone, {}).get(lang) or ()
        return names[0] if names else zone


def load_aliases(path: str | Path) -> Aliases:
    p = Path(path)
    return Aliases.from_json(read_json_file(p, "aliases file"), str(p))


def as_aliases(aliases: Aliases | Mapping | str | Path | None) -> Aliases:
    """Aliases from what a caller hands the parser: None (catalog names only), the JSON, or a file."""
    if aliases is None:
        return Aliases()
    if isinstance(aliases, Aliases):
        return aliases
    if isinstance(aliases, Mapping):
        return Aliases.from_json(dict(aliases))
    return load_aliases(aliases)


def aliases_path_for(fleet_path: str | Path) -> Path:
    """``plant-fleet.json`` → ``plant-aliases.json`` (``plant.json`` → ``plant-aliases.json``), same folder."""
    p = Path(fleet_path)
    stem = p.stem[: -len("-fleet")] if p.stem.endswith("-fleet") else p.stem
    return p.with_name(f"{stem}-aliases.json")


def default_aliases() -> Aliases:
    """The bundled bilingual vocabulary (resources/fleets/demo-aliases.json), or none if missing."""
    p = resource_path("fleets", "demo-aliases.json")
    if not p.is_file():
        return Aliases()
    return load_aliases(p)


def aliases_for_fleet(fleet_path: str | Path | None) -> Aliases:
    """The bundled vocabulary, with the aliases file next to ``fleet_path`` (if any) on top."""
    base = default_aliases()
    if fleet_path:
        own = aliases_path_for(fleet_path)
        if own.is_file() and own.resolve() != resource_path("fleets", "demo-aliases.json").resolve():
            return base.merged(load_aliases(own))
    return base
