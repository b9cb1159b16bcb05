"""Live command states: a QAbstractTableModel fed by the command pipeline, on a frame timer.

The pipeline tells its listeners after each transition is committed, on whatever thread made it
(the GUI, the network thread, the sweeper).  The listener only stores the newest row per command
under a lock; the frame timer inserts new commands at the top and emits one ``dataChanged`` per
changed row, so a burst of 1,000 commands costs a few frames, not 5,000 slot calls.

Other consoles' commands (``pipeline.others``, ``console.core.commands.others``) are listed among
ours, the same way, marked: the origin says which console sent them, in italics, with a tooltip
saying they are read-only here.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont

from console.core.commands.pipeline import CommandPipeline
from console.core.commands.others import OtherCommandRow
from console.core.commands.outbox import AuditFilter, CommandRow
from console.core.commands.wording import FRAMES, ON_OFF, cap_label, state_label
from console.core.protocol import CommandState

from console.ui.devices.qt_command_sender import ui_lang
from console.ui.devices.qt_fleet_model import format_value
from console.ui.qt_i18n import tr_msg

S = CommandState
STATE_COLOURS = {
    S.QUEUED: "#7f8c8d", S.SENT: "#b9770e", S.DELIVERED: "#2e86c1", S.ACCEPTED: "#2874a6",
    S.SUCCEEDED: "#1e8449", S.REJECTED: "#c0392b", S.FAILED: "#c0392b", S.TIMEOUT: "#c0392b",
    S.EXPIRED: "#935116", S.CANCELLED: "#7f8c8d",
}


def format_params(row: CommandRow) -> str:
    """``power=on, level=40``; in Chinese with the capabilities' labels (``电源=开，亮度=40``)."""
    zh = ui_lang() == "zh"
    if row.command.action == "refresh":
        return FRAMES["zh"]["refresh"] if zh else "refresh"
    if zh:
        return "，".join(f"{cap_label(k, 'zh')}={ON_OFF['zh'][0 if v else 1] if isinstance(v, bool) else format_value(v)}"
                        for k, v in row.command.params.items())
    return ", ".join(f"{k}={format_value(v)}" for k, v in row.command.params.items())


def origin_text(origin: str) -> str:
    """An origin as the operator reads it (the stored value stays the protocol's word)."""
    return {"operator": QCoreApplication.translate("QtCommandsModel", "operator"),
            "assistant": QCoreApplication.translate("QtCommandsModel", "assistant"),
            "replay": QCoreApplication.translate("QtCommandsModel", "replay")}.get(origin, origin)


def is_other(row: CommandRow) -> bool:
    """A command another console sent (shown read-only)."""
    return isinstance(row, OtherCommandRow)


def format_origin(row: CommandRow) -> str:
    """The origin; for another console's command, which console sent it."""
    if not is_other(row):
        return origin_text(row.command.origin)
    who = row.console or QCoreApplication.translate("QtCommandsModel", "another console")
    return f"{origin_text(row.command.origin)} · {who}"


def other_tooltip(row: CommandRow) -> str:
    who = row.console or QCoreApplication.translate("QtCommandsModel", "another console")
    return QCoreApplication.translate(
        "QtCommandsModel", "Sent by {console}, not by this console: shown read-only, as the broker and the "
                           "device's answers showed it").format(console=who)


def other_font() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


def format_time(ts: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(ts)) + f".{int((ts % 1) * 1000):03d}"


class QtCommandsModel(QAbstractTableModel):
    COLUMNS = ("time", "device", "command", "origin", "state", "attempts", "detail")
    RowRole = Qt.ItemDataRole.UserRole + 1

    commandUpdated = Signal(object)  # CommandRow, on the GUI thread, after it was persisted

    def __init__(self, pipeline: CommandPipeline, parent: QObject | None = None, *, frame_ms: int = 50,
                 max_rows: int = 2000) -> None:
        super().__init__(parent)
        self.pipeline = pipeline
        self.max_rows = max_rows
        self._rows: list[CommandRow] = []
        self._index: dict[str, int] = {}
        self._pending: dict[str, CommandRow] = {}
        self._lock = threading.Lock()
        self._headers = {
            "time": self.tr("Submitted"), "device": self.tr("Device"), "command": self.tr("Command"),
            "origin": self.tr("Origin"), "state": self.tr("State"), "attempts": self.tr("Tries"),
            "detail": self.tr("Detail"),
        }
        recent = pipeline.outbox.audit(AuditFilter(limit=min(200, max_rows)))  # newest first
        self.others = getattr(pipeline, "others", None)
        if self.others is not None:  # other consoles' commands, read-only
            theirs = self.others.rows(AuditFilter(limit=min(200, max_rows)))
            recent = sorted([*recent, *theirs], key=lambda r: r.command.ts, reverse=True)[:max_rows]
            self.others.add_listener(self._on_row)
        self._rows = list(recent)
        self._reindex()
        pipeline.add_listener(self._on_row)
        self._frame = QTimer(self)
        self._frame.setInterval(frame_ms)
        self._frame.timeout.connect(self.apply_pending)
        self._frame.start()

    def close(self) -> None:
        self.pipeline.remove_listener(self._on_row)
        if self.others is not None:
            self.others.remove_listener(self._on_row)
        self._frame.stop()

    def _on_row(self, row: CommandRow) -> None:  # any thread: store only
        with self._lock:
            self._pending[row.id] = row

    def _reindex(self) -> None:
        self._index = {r.id: i for i, r in enumerate(self._rows)}

    def apply_pending(self) -> int:
        with self._lock:
            pending, self._pending = self._pending, {}
        if not pending:
            return 0
        new = [r for cid, r in pending.items() if cid not in self._index]
        if new:
            new.sort(key=lambda r: r.seq, reverse=True)
            self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
            self._rows[0:0] = new
            self._reindex()
            self.endInsertRows()
            if len(self._rows) > self.max_rows:
                self.beginRemoveRows(QModelIndex(), self.max_rows, len(self._rows) - 1)
                del self._rows[self.max_rows:]
                self._reindex()
                self.endRemoveRows()
        last = len(self.COLUMNS) - 1
        for cid, row in pending.items():
            i = self._index.get(cid)
            if i is None:
                continue
            if self._rows[i] is not row:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        for row in sorted(pending.values(), key=lambda r: r.seq):
            if not is_other(row):  # ours only: the device controls follow the operator's own commands
                self.commandUpdated.emit(row)
        return len(pending)

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        return None

    def row(self, i: int) -> CommandRow | None:
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def row_of(self, command_id: str) -> int | None:
        return self._index.get(command_id)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == self.RowRole:
            return row
        if is_other(row) and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole):
            return other_tooltip(row) if role == Qt.ItemDataRole.ToolTipRole else other_font()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == "time":
                return format_time(row.command.ts)
            if col == "device":
                return row.device_id
            if col == "command":
                return format_params(row)
            if col == "origin":
                return format_origin(row)
            if col == "state":
                return tr_msg(state_label(row.state))
            if col == "attempts":
                return str(row.attempts)
            if col == "detail":
                return row.error
        if role == Qt.ItemDataRole.ForegroundRole and col == "state":
            return QColor(STATE_COLOURS.get(row.state, "#000000"))
        return None
