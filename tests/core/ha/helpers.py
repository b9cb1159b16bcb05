"""Loading the discovery fixtures (copied from the project's shared material into tests/data)."""

from __future__ import annotations

import json
from pathlib import Path

from console.core.ha.fleet import HaFleet

DATA = Path(__file__).resolve().parents[2] / "data" / "ha-discovery"


def examples() -> list[dict]:
    return json.loads((DATA / "examples.json").read_text(encoding="utf-8"))


def more() -> list[dict]:
    return json.loads((DATA / "more.json").read_text(encoding="utf-8"))


def payload(obj) -> str:
    return obj if isinstance(obj, str) else json.dumps(obj)


def fleet_of(entries: list[dict]) -> HaFleet:
    fleet = HaFleet()
    for entry in entries:
        fleet.handle_config(entry["topic"], payload(entry["config"]))
    return fleet


def by_name(fleet: HaFleet, name: str):
    return next(m for m in fleet.metas() if m.name == name)
