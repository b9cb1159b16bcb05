"""The operator's choices about discovered devices, persisted per broker: risk and exposure.

Owns: :class:`Override` (a device's risk, ``"low"``/``"high"`` or None for the discovery default,
and whether the assistant may see it), :class:`HaOverrides` (the choices of one broker site, kept
in a small JSON file, ``overrides_path_for``, written atomically at each change) and
:func:`apply_override` (the DeviceMeta the registry gets: the risk set on the device and on every
capability, since a capability's risk overrides the device's).  Discovery re-sends configs at every
connect; the choice is keyed by the device id, so it survives those and restarts.  No Qt, no MQTT.

Threads: any.  Lock order ``_write_lock`` (one change written at a time) then ``_lock`` (the table);
the file is written after releasing ``_lock``, listeners are told after releasing both.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from console.core.commands.migration import Site
from console.core.paths import user_data_dir
from console.core.protocol import DeviceMeta

log = logging.getLogger(__name__)
RISKS = ("low", "high")
DEMO_FILE = "ha-overrides-demo.json"
MAX_DEVICES = 100_000  # a file larger than this was not written by us: ignored


@dataclass(frozen=True)
class Override:
    risk: str | None = None  # None: what discovery says (locks, sirens, garage doors… are high)
    exposed: bool = True  # False: the assistant does not see the device

    @property
    def default(self) -> bool:
        return self.risk is None and self.exposed


def overrides_path_for(cfg: Site, *, embedded_demo: bool = False) -> Path:
    """One file per broker site (host, port, topic prefix), as ``outbox_path_for`` keys outboxes; the
    demo's embedded broker takes a new port each start, so the demo keeps one file of its own."""
    if embedded_demo:
        return user_data_dir() / DEMO_FILE
    site = f"{cfg.host}:{cfg.port}/{cfg.prefix}"
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{cfg.host}_{cfg.port}_{cfg.prefix}")[:60]
    return user_data_dir() / "ha-overrides" / f"{slug}-{hashlib.sha1(site.encode()).hexdigest()[:8]}.json"


def apply_override(meta: DeviceMeta, override: Override | None) -> DeviceMeta:
    """``meta`` with the operator's risk, if any (device and every capability)."""
    if override is None or override.risk is None:
        return meta
    caps = {name: replace(cap, risk=override.risk) for name, cap in meta.capabilities.items()}
    return replace(meta, risk=override.risk, capabilities=caps)


class HaOverrides:
    """The choices for one broker site; ``path`` None keeps them in memory only."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()  # one writer at a time: the file never goes back to older choices
        self._table: dict[str, Override] = self._load() if path is not None else {}
        self._listeners: list[Callable[[str], None]] = []

    def _load(self) -> dict[str, Override]:
        assert self.path is not None
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("device overrides in %s unreadable (%s): starting without them", self.path, exc)
            return {}
        devices = raw.get("devices") if isinstance(raw, dict) else None
        if not isinstance(devices, dict) or len(devices) > MAX_DEVICES:
            return {}
        table = {}
        for device_id, entry in devices.items():
            if isinstance(entry, dict):
                risk = entry.get("risk")
                table[str(device_id)] = Override(risk if risk in RISKS else None, entry.get("exposed") is not False)
        return table

    def add_listener(self, listener: Callable[[str], None]) -> None:
        """``listener(device_id)`` after a device's choice changed (on the caller's thread)."""
        self._listeners.append(listener)

    def get(self, device_id: str) -> Override:
        with self._lock:
            return self._table.get(device_id, Override())

    def set_risk(self, device_id: str, risk: str | None) -> None:
        if risk is not None and risk not in RISKS:
            raise ValueError(f"risk must be one of {RISKS} or None, not {risk!r}")
        self._change(device_id, lambda o: replace(o, risk=risk))

    def set_exposed(self, device_id: str, exposed: bool) -> None:
        self._change(device_id, lambda o: replace(o, exposed=bool(exposed)))

    def _change(self, device_id: str, how: Callable[[Override], Override]) -> None:
        with self._write_lock:
            with self._lock:
                new = how(self._table.get(device_id, Override()))
                if new.default:
                    self._table.pop(device_id, None)
                else:
                    self._table[device_id] = new
                snapshot = dict(self._table)
            self._save(snapshot)
        for listener in list(self._listeners):
            listener(device_id)

    def _save(self, table: dict[str, Override]) -> None:
        if self.path is None:
            return
        data = {"version": 1, "devices": {k: {"risk": v.risk, "exposed": v.exposed} for k, v in sorted(table.items())}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)
