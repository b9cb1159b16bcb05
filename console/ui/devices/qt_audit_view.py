"""The audit log: every command ever sent from this console, filtered by device, state, origin
and time, exported as CSV.  It reads the outbox database; beside it, marked and read-only, the
other consoles' commands this console saw on the broker since it started (``pipeline.others``,
kept in memory only: ``console.core.commands.others``).

Where the upgrade to one outbox per broker site moved commands out of the shared outbox (open, sent
nowhere again: ``console.core.commands.migration.migrate_legacy_outbox``), a second source lists those:
``outbox-unassigned.sqlite3``, opened when the operator picks it.  One of them can be sent again on
this site, after the operator confirms it: a new command through this site's pipeline (validated
against this site's devices as any other), and the old one is closed CANCELLED, saying which command
took its place, so that it is sent again once at most.  The steps are ``console.core.commands.resend``;
this view only asks the questions it raises (through the command sender) and shows the outcome."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QDateTime, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.commands.confirmation import ConfirmationRequired
from console.core.commands.outbox import AuditFilter, CommandRow, Outbox, OutboxError
from console.core.commands.pipeline import CommandPipeline
from console.core.commands.resend import (
    Conflict,
    NeedsConfirmation,
    Refused,
    Resent,
    ResendResult,
    Stage,
    resend_unassigned,
)
from console.core.commands.wording import state_label
from console.core.protocol import ORIGINS, CommandState

from console.ui.devices.qt_command_sender import MAX_QUESTIONS, ConfirmFn, QtCommandSender, ask_confirmation
from console.ui.devices.qt_commands_model import (
    STATE_COLOURS,
    format_origin,
    origin_text,
    format_params,
    format_time,
    is_other,
    other_font,
    other_tooltip,
)
from console.ui.qt_i18n import tr_msg


class QtAuditModel(QAbstractTableModel):
    COLUMNS = ("time", "device", "command", "origin", "state", "attempts", "detail")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[CommandRow] = []
        self._headers = [self.tr("Submitted"), self.tr("Device"), self.tr("Command"), self.tr("Origin"),
                         self.tr("State"), self.tr("Tries"), self.tr("Detail")]

    def set_rows(self, rows: list[CommandRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if is_other(r) and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole):
            return other_tooltip(r) if role == Qt.ItemDataRole.ToolTipRole else other_font()
        if role == Qt.ItemDataRole.DisplayRole and col == "time":  # the full time is the tooltip
            when = QDateTime.fromMSecsSinceEpoch(int(r.command.ts * 1000))
            today = when.date() == QDateTime.currentDateTime().date()
            return when.toString("HH:mm:ss" if today else "MM-dd HH:mm")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                "time": lambda: QDateTime.fromMSecsSinceEpoch(int(r.command.ts * 1000)).toString("yyyy-MM-dd ")
                + format_time(r.command.ts),
                "device": lambda: r.device_id,
                "command": lambda: format_params(r),
                "origin": lambda: format_origin(r),
                "state": lambda: tr_msg(state_label(r.state)),
                "attempts": lambda: str(r.attempts),
                "detail": lambda: r.error,
            }[col]()
        if role == Qt.ItemDataRole.ForegroundRole and col == "state":
            return QColor(STATE_COLOURS.get(r.state, "#000000"))
        return None


class QtAuditView(QWidget):
    def __init__(self, outbox: Outbox, parent: QWidget | None = None,
                 choose_path: Callable[[QWidget], str] | None = None, unassigned_path: Path | None = None,
                 pipeline: CommandPipeline | None = None, confirm: ConfirmFn | None = None,
                 sender: QtCommandSender | None = None) -> None:
        super().__init__(parent)
        self.outbox = outbox
        self.pipeline = pipeline  # this site's: where an unassigned command is sent again
        self.confirm = confirm or ask_confirmation
        if sender is None and pipeline is not None:
            sender = QtCommandSender(pipeline, self.confirm, self)
        self.command_sender = sender  # asks the operator the questions the pipeline raises
        self.unassigned_path = unassigned_path if unassigned_path is not None and unassigned_path.is_file() else None
        self._unassigned: Outbox | None = None
        self.source = QComboBox()
        self.source.setObjectName("auditSource")
        self.source.addItem(self.tr("This site's commands"), "site")
        if self.unassigned_path is not None:
            self.source.addItem(self.tr("Unassigned: open before one outbox per broker, never sent again"),
                                "unassigned")
            self.source.setItemData(1, self.tr("Commands an earlier console left open in its shared outbox. "
                                               "The broker they were for was not recorded, so none is sent "
                                               "again anywhere: check those devices and send again what is "
                                               "still wanted. Kept in {path}").format(path=self.unassigned_path),
                                    Qt.ItemDataRole.ToolTipRole)
        self.source.setVisible(self.unassigned_path is not None)
        self.resend = QPushButton(self.tr("Send again on this site…"))
        self.resend.setObjectName("auditResend")
        self.resend.setToolTip(self.tr("Send the selected unassigned command again, to this site's broker, as a "
                                       "new command (you confirm it first); the old one is closed"))
        self.resend.setVisible(False)
        self.resend.setEnabled(False)
        self.choose_path = choose_path or self._ask_path
        self.model = QtAuditModel(self)
        self.device = QLineEdit(placeholderText=self.tr("device id contains…"))
        self.device.setClearButtonEnabled(True)
        self.state = QComboBox()
        self.state.addItem(self.tr("any state"), "")
        for s in CommandState:
            self.state.addItem(tr_msg(state_label(s)), s.value)
        self.origin = QComboBox()
        self.origin.addItem(self.tr("any origin"), "")
        for o in ORIGINS:
            self.origin.addItem(origin_text(o), o)
        now = QDateTime.currentDateTime()
        self.use_since = QCheckBox(self.tr("from"))
        self.since = QDateTimeEdit(now.addDays(-1))
        self.use_until = QCheckBox(self.tr("until"))
        self.until = QDateTimeEdit(now.addSecs(3600))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("MM-dd HH:mm")  # the year is in the calendar: at 1280 px the full one was cut
            edit.setToolTip(self.tr("Month-day hours:minutes; the calendar button picks a date"))
        self.search = QPushButton(self.tr("Search"))
        self.export = QPushButton(self.tr("Export CSV…"))
        self.info = QLabel()
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # ids keep their start and end
        header = self.table.horizontalHeader()  # the state next to its command (it was past the right edge)
        header.moveSection(header.visualIndex(QtAuditModel.COLUMNS.index("state")),
                           header.visualIndex(QtAuditModel.COLUMNS.index("origin")))
        # three columns, so the page fits the side panel's 340 px at 1024: laid out 493 px wide in two
        # rows of five, it was cut at the panel's edge ("xport CSV.", the state column out of sight)
        grid = QGridLayout()
        grid.addWidget(self.device, 0, 0, 1, 2)
        grid.addWidget(self.search, 0, 2)
        grid.addWidget(self.state, 1, 0)
        grid.addWidget(self.origin, 1, 1)
        grid.addWidget(self.export, 1, 2)
        grid.addWidget(self.use_since, 2, 0)
        grid.addWidget(self.since, 2, 1)
        grid.addWidget(self.use_until, 3, 0)
        grid.addWidget(self.until, 3, 1)
        grid.addWidget(self.source, 4, 0, 1, 2)
        grid.addWidget(self.resend, 4, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(grid)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.info)
        self.search.clicked.connect(self.refresh)
        self.device.returnPressed.connect(self.refresh)
        self.state.currentIndexChanged.connect(lambda _: self.refresh())
        self.origin.currentIndexChanged.connect(lambda _: self.refresh())
        self.source.currentIndexChanged.connect(lambda _: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_resend())
        self.resend.clicked.connect(self.resend_selected)
        self.export.clicked.connect(self.export_csv)

    def current_filter(self) -> AuditFilter:
        state = self.state.currentData()
        return AuditFilter(
            device=self.device.text().strip(),
            states=(CommandState(state),) if state else (),
            origin=self.origin.currentData() or "",
            since=self.since.dateTime().toMSecsSinceEpoch() / 1000 if self.use_since.isChecked() else None,
            until=self.until.dateTime().toMSecsSinceEpoch() / 1000 if self.use_until.isChecked() else None,
        )

    def current_outbox(self) -> Outbox:
        """The outbox the view lists: this site's, or the unassigned commands' (opened on first use)."""
        if not self._unassigned_shown():
            return self.outbox
        if self._unassigned is None:
            self._unassigned = Outbox(self.unassigned_path)
        return self._unassigned

    def refresh(self) -> None:
        try:
            rows = self.current_outbox().audit(self.current_filter())
            rows = self._with_others(rows)
        except (OutboxError, sqlite3.Error) as exc:
            self.model.set_rows([])
            path = self.unassigned_path if self._unassigned_shown() else self.outbox.path
            self.info.setText(self.tr("Cannot read {path}: {e}").format(path=path, e=exc))
            return
        self.model.set_rows(rows)
        self._fit_columns()
        self.info.setText(self.tr("{n} command(s)").format(n=len(rows)))
        self._update_resend()

    def _fit_columns(self) -> None:
        """Short columns to their contents, ids and commands to their contents up to a cap (their
        tooltips carry the rest), the detail takes what is left: no sideways scroll at 1280 px."""
        caps = {"time": 0, "device": 150, "command": 150, "origin": 0, "state": 0, "attempts": 0}
        for col, cap in caps.items():
            i = QtAuditModel.COLUMNS.index(col)
            self.table.resizeColumnToContents(i)
            if cap and self.table.columnWidth(i) > cap:
                self.table.setColumnWidth(i, cap)

    def _with_others(self, rows: list[CommandRow]) -> list[CommandRow]:
        """This site's rows and, when it is shown, the other consoles' ones that pass the filter,
        newest first."""
        others = getattr(self.pipeline, "others", None)
        if others is None or self._unassigned_shown():
            return rows
        flt = self.current_filter()
        return sorted([*rows, *others.rows(flt)], key=lambda r: r.command.ts, reverse=True)[:flt.limit]

    def _unassigned_shown(self) -> bool:
        return self.source.currentData() == "unassigned"

    def selected_row(self) -> CommandRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def _update_resend(self) -> None:
        shown = self._unassigned_shown() and self.pipeline is not None
        self.resend.setVisible(shown)
        row = self.selected_row()
        self.resend.setEnabled(shown and row is not None and not row.state.terminal)

    def resend_selected(self) -> CommandRow | None:
        """Send the selected unassigned command again on this site, once the operator confirms
        (``console.core.commands.resend``); returns the new command (None when declined or refused,
        with the reason below the table)."""
        row = self.selected_row()
        if not self._unassigned_shown() or self.pipeline is None or row is None or row.state.terminal:
            return None
        site = self.pipeline.link.cfg.url()
        outbox = self.current_outbox()
        result = resend_unassigned(self.pipeline, outbox, row, site=site)
        for _ in range(MAX_QUESTIONS):
            if not isinstance(result, NeedsConfirmation):
                break
            if not self.command_sender.ask(result.request, self, title=self.tr("Send an unassigned command again"),
                                           text=self._resend_question(row, site, result.request)):
                self.info.setText(self.tr("Not sent: confirmation declined"))
                return None
            result = resend_unassigned(self.pipeline, outbox, row, site=site,
                                       confirmed=result.request.confirmation())
        return self._show_resend(row, result)

    def _resend_question(self, row: CommandRow, site: str, need: ConfirmationRequired) -> str:
        text = self.tr("Send {what} to {device} again, on {site}?\n\nAn earlier console left this command {state} "
                       "on a broker it did not record; it has not been sent since. Check the device first: it "
                       "may have been done, or be unwanted now.").format(
            what=format_params(row), device=row.device_id, site=site, state=tr_msg(state_label(row.state)))
        if need.high_risk:  # as submit() decided it, from the device's meta now
            text += "\n\n" + self.tr("This device is marked high risk.")
        return text

    def _show_resend(self, row: CommandRow, result: ResendResult) -> CommandRow | None:
        """Say what came of it below the table; the new command when one was sent."""
        if not (isinstance(result, Refused) and result.stage is Stage.CHECK):
            self.refresh()  # the row moved (or another console moved it)
        if isinstance(result, Resent):
            if result.unrecorded:
                self.info.setText(self.tr("Sent again as {id}, but {path} could not record it: {e}").format(
                    id=result.row.id, path=self.unassigned_path, e=result.unrecorded))
            else:
                self.info.setText(self.tr("Sent again as {id} ({what} to {device}): follow it in the Commands "
                                          "tab").format(id=result.row.id, what=format_params(row),
                                                        device=row.device_id))
            return result.row
        if isinstance(result, Conflict):
            self.info.setText(self.tr("Not sent: another console changed this command meanwhile (see its "
                                      "history)"))
        elif isinstance(result, NeedsConfirmation):  # the device's risk kept changing while asked
            self.info.setText(self.tr("Not sent: {e}").format(e=result.request))
        elif result.stage is Stage.CHECK:
            self.info.setText(self.tr("Cannot send it again here: {e}").format(e=result.reason))
        elif result.stage is Stage.RECORD:
            self.info.setText(self.tr("Not sent: {path} could not record it: {e}").format(
                path=self.unassigned_path, e=result.reason))
        else:
            self.info.setText(self.tr("Not sent: {e}").format(e=result.reason))
        return None

    def export_csv(self) -> str | None:
        path = self.choose_path(self)
        if not path:
            return None
        try:
            outbox = self.current_outbox()
            n = outbox.export_csv(path, outbox.audit(self.current_filter()))
        except (OutboxError, sqlite3.Error) as exc:
            self.info.setText(self.tr("Export failed: {e}").format(e=exc))
            return None
        except OSError as exc:
            self.info.setText(self.tr("Export failed: {e}").format(e=exc.strerror or exc))
            return None
        self.info.setText(self.tr("Exported {n} command(s) to {path}").format(n=n, path=path))
        return path

    def _ask_path(self, parent: QWidget) -> str:
        name = "commands-unassigned.csv" if self._unassigned_shown() else "commands.csv"
        path, _ = QFileDialog.getSaveFileName(parent, self.tr("Export audit log"), name,
                                              self.tr("CSV files (*.csv)"))
        return path

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def close_sources(self) -> None:
        """Close the unassigned file if it was opened (this site's outbox belongs to the pipeline)."""
        if self._unassigned is not None:
            self._unassigned.close()
            self._unassigned = None
