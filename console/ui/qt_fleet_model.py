"""The live device table: a QAbstractTableModel over the FleetRegistry, updated on a frame timer.

Many messages for one device between two frames become one ``dataChanged`` for its row; new
devices are inserted in one ``beginInsertRows`` block.  The update-age column is refreshed once a
second.  Nothing here runs per message.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor

from console.core.registry import DeviceRecord, FleetRegistry


def format_value(value: Any, unit: str = "") -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float):
        text = f"{value:.1f}"
    else:
        text = str(value)
    return f"{text} {unit}".strip() if unit else text


def format_age(age: float | None) -> str:
    if age is None:
        return "–"
    if age < 1:
        return "now"
    if age < 60:
        return f"{age:.0f} s"
    if age < 3600:
        return f"{age / 60:.0f} min"
    return f"{age / 3600:.1f} h"


class QtFleetModel(QAbstractTableModel):
    COLUMNS = ("id", "name", "zone", "kind", "online", "state", "updated")
    SortRole = Qt.ItemDataRole.UserRole + 1
    RecordRole = Qt.ItemDataRole.UserRole + 2

    framesApplied = Signal(int)  # rows updated in the last frame (for the rate indicators)
    devicesUpdated = Signal(object)  # the set of device ids updated in the last frame

    def __init__(self, registry: FleetRegistry, parent: QObject | None = None, frame_ms: int = 50) -> None:
        super().__init__(parent)
        self.registry = registry
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._cache: dict[str, DeviceRecord] = {}
        self.rows_applied = 0
        self._headers = {
            "id": self.tr("ID"),
            "name": self.tr("Name"),
            "zone": self.tr("Zone"),
            "kind": self.tr("Kind"),
            "online": self.tr("Online"),
            "state": self.tr("State"),
            "updated": self.tr("Updated"),
        }
        self._frame = QTimer(self)
        self._frame.setInterval(frame_ms)
        self._frame.timeout.connect(self.apply_pending)
        self._frame.start()
        self._age = QTimer(self)
        self._age.setInterval(1000)
        self._age.timeout.connect(self._refresh_ages)
        self._age.start()

    # -- updates --------------------------------------------------------------------------------
    def apply_pending(self) -> int:
        new, dirty = self.registry.take_changes()
        new = [i for i in new if i not in self._row]
        if new:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for dev_id in new:
                self._row[dev_id] = len(self._ids)
                self._ids.append(dev_id)
                rec = self.registry.get(dev_id)
                if rec is not None:
                    self._cache[dev_id] = rec
            self.endInsertRows()
        changed = 0
        last = len(self.COLUMNS) - 1
        updated = set()
        for dev_id in dirty:
            row = self._row.get(dev_id)
            rec = self.registry.get(dev_id)
            if row is None or rec is None:
                continue
            self._cache[dev_id] = rec
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            updated.add(dev_id)
            changed += 1
        self.rows_applied += changed
        if changed:
            self.framesApplied.emit(changed)
            self.devicesUpdated.emit(updated)
        return changed

    def _refresh_ages(self) -> None:
        if self._ids:
            col = self.COLUMNS.index("updated")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        return None

    def record(self, row: int) -> DeviceRecord | None:
        if 0 <= row < len(self._ids):
            return self._cache.get(self._ids[row])
        return None

    def device_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, device_id: str) -> int | None:
        return self._row.get(device_id)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rec = self.record(index.row())
        if rec is None:
            return None
        col = self.COLUMNS[index.column()]
        if role == self.RecordRole:
            return rec
        if role in (Qt.ItemDataRole.DisplayRole, self.SortRole, Qt.ItemDataRole.ToolTipRole):
            meta = rec.meta
            if col == "id":
                return rec.id
            if col == "name":
                return meta.name if meta else ""
            if col == "zone":
                return meta.zone if meta else ""
            if col == "kind":
                return meta.kind if meta else ""
            if col == "online":
                if role == self.SortRole:
                    return 1 if rec.online else 0
                if rec.online is None:
                    return self.tr("unknown")
                if rec.online and self.registry.is_stale(rec):
                    return self.tr("stale")
                return self.tr("online") if rec.online else self.tr("offline")
            if col == "state":
                caps = meta.capabilities if meta else {}
                return "  ".join(
                    f"{k}={format_value(v, caps[k].unit if k in caps else '')}" for k, v in rec.values.items()
                )
            if col == "updated":
                age = rec.age(time.time())
                if role == self.SortRole:
                    return age if age is not None else float("inf")
                return format_age(age)
        if role == Qt.ItemDataRole.ForegroundRole and col == "online":
            if rec.online is False:
                return QColor("#c0392b")
            if rec.online:
                return QColor("#1e8449")
        return None
