"""``autoglm-console discover --ha-config FILE --json``: the fleet model of a file of discovery configs.

Owns: reading a JSON list of ``{"topic": ..., "config": {...}}`` (a ``config`` of null or "" removes),
feeding it to an :class:`HaFleet` without a broker, and printing the devices as the fleet sees them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from console.core.ha.fleet import HaFleet
from console.core.jsonfiles import read_json_file
from console.core.protocol import DeviceMeta, ProtocolError, short_repr


def _capability_json(cap: Any) -> dict[str, Any]:
    return {"type": cap.type, "min": cap.min, "max": cap.max, "values": list(cap.values) or None,
            "unit": cap.unit or None, "writable": cap.writable}


def describe(metas: list[DeviceMeta]) -> dict[str, Any]:
    """The ``{"devices": [...]}`` document for a list of metas (sorted by id)."""
    return {"devices": [
        {"id": m.id, "name": m.name, "kind": m.kind, "risk": m.risk,
         "capabilities": {name: _capability_json(cap) for name, cap in m.capabilities.items()}}
        for m in sorted(metas, key=lambda m: m.id)
    ]}


def load_fleet(path: str | Path, prefix: str = "homeassistant") -> tuple[HaFleet, list[str]]:
    """A fleet built from the file; the second item lists the entries that were rejected, and why.
    A file that cannot be read as a JSON list is a ProtocolError naming it (``jsonfiles``)."""
    entries = read_json_file(path, "file of discovery configs")
    if not isinstance(entries, list):
        raise ProtocolError(f"{path}: expected a JSON list of {{topic, config}} objects")
    fleet, problems = HaFleet(prefix), []
    for i, entry in enumerate(entries):
        topic = entry.get("topic") if isinstance(entry, dict) else None
        if not isinstance(topic, str) or not topic:
            problems.append(f"entry {i}: needs a {{\"topic\": \"...\", \"config\": {{...}}}} object, "
                            f"got {short_repr(entry)}")
            continue
        config = entry.get("config")
        try:
            payload = "" if config in (None, "") else (config if isinstance(config, str) else json.dumps(config))
            fleet.handle_config(topic, payload)
        except ProtocolError as exc:
            problems.append(f"entry {i} ({topic}): {exc}")
        except RecursionError:
            problems.append(f"entry {i} ({topic}): config nested too deeply")
    return fleet, problems


def discover_main(path: str | Path, as_json: bool = True, out: TextIO | None = None) -> int:
    """Print the devices discovered from ``path``; 0 on success, 2 if the file cannot be read."""
    out = out or sys.stdout
    try:
        fleet, problems = load_fleet(path)
    except (OSError, ValueError) as exc:
        print(f"discover: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"discover: skipped {problem}", file=sys.stderr)
    doc = describe(fleet.metas())
    if as_json:
        json.dump(doc, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for dev in doc["devices"]:
            caps = ", ".join(f"{n}:{c['type']}{'' if c['writable'] else ' (ro)'}" for n, c in dev["capabilities"].items())
            out.write(f"{dev['id']}  {dev['name']}  [{dev['kind']}, {dev['risk']} risk]  {caps}\n")
    return 0
