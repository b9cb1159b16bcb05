"""Fleet catalogs: the JSON file that lists devices and their capabilities (resources/fleets)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from console.core.jsonfiles import read_json_file
from console.core.paths import resource_path
from console.core.protocol import DeviceMeta, ProtocolError


@dataclass(frozen=True)
class Fleet:
    name: str
    devices: tuple[DeviceMeta, ...]
    # optional: what kinds and devices do in the world, for the assistant (console/core/assistant/semantics.py)
    semantics: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def by_id(self) -> dict[str, DeviceMeta]:
        return {d.id: d for d in self.devices}

    def cloned(self, count: int) -> "Fleet":
        """``count`` devices made by repeating the catalog with numbered ids (for load tests)."""
        if count <= 0:
            raise ValueError("device count must be positive")
        if count == len(self.devices):
            return self
        out = []
        for i in range(count):
            base = self.devices[i % len(self.devices)]
            copy_no = i // len(self.devices)
            if copy_no == 0:
                out.append(base)
                continue
            suffix = f"-{copy_no}"
            new_id = base.id[: 64 - len(suffix)] + suffix
            out.append(
                DeviceMeta(
                    id=new_id,
                    name=f"{base.name} #{copy_no}",
                    kind=base.kind,
                    zone=base.zone,
                    capabilities=base.capabilities,
                    risk=base.risk,
                    schema=base.schema,
                )
            )
        return Fleet(name=f"{self.name} x{count}", devices=tuple(out), semantics=self.semantics)


def default_fleet_path() -> Path:
    return resource_path("fleets", "demo-fleet.json")


def load_fleet(path: str | Path | None = None) -> Fleet:
    """Load and validate a catalog; raise ProtocolError naming the file and the bad device."""
    p = Path(path) if path else default_fleet_path()
    raw = read_json_file(p, "fleet catalog")
    if not isinstance(raw, dict) or not isinstance(raw.get("devices"), list):
        raise ProtocolError(f"fleet catalog {p} needs a 'devices' list")
    devices = []
    seen: set[str] = set()
    for i, entry in enumerate(raw["devices"]):
        try:
            meta = DeviceMeta.from_json({"schema": 1, **entry} if isinstance(entry, dict) else entry)
        except ProtocolError as exc:
            raise ProtocolError(f"fleet catalog {p}, device #{i}: {exc}") from None
        if meta.id in seen:
            raise ProtocolError(f"fleet catalog {p}: duplicate device id {meta.id}")
        seen.add(meta.id)
        devices.append(meta)
    if not devices:
        raise ProtocolError(f"fleet catalog {p} lists no devices")
    semantics = raw.get("semantics", {})
    if not isinstance(semantics, dict):
        raise ProtocolError(f"fleet catalog {p}: 'semantics' must be an object (kinds and devices)")
    return Fleet(name=str(raw.get("name", p.stem)), devices=tuple(devices), semantics=semantics)
