"""The commands view: every recent command with its live state; a queued one can be cancelled.
Other consoles' commands are listed too, marked, and read-only (nothing here acts on them).
Under the table, the selected command's timeline (``qt_command_timeline``), refreshed as it moves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget

from console.core.commands.pipeline import CommandPipeline
from console.core.protocol import CommandState

from console.ui.devices.qt_command_timeline import QtCommandTimeline
from console.ui.devices.qt_commands_model import QtCommandsModel, is_other


class QtCommandsView(QWidget):
    def __init__(self, pipeline: CommandPipeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pipeline = pipeline
        self.model = QtCommandsModel(pipeline, self)
        self.table = QTableView()
        self.table.setObjectName("commandsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in (("time", 70), ("device", 110), ("command", 140), ("origin", 60), ("state", 85),
                           ("attempts", 35)):  # fits 1280 px without sideways scrolling (the detail column stretches)
            self.table.setColumnWidth(QtCommandsModel.COLUMNS.index(col), width)
        # the state right after the device, before the command's text: at 1280 px it read "SUCC…" past
        # the origin, and at 1024 px (the side panel ~340 px) it was off the right edge behind the command
        header.moveSection(header.visualIndex(QtCommandsModel.COLUMNS.index("state")),
                           header.visualIndex(QtCommandsModel.COLUMNS.index("command")))
        # the time whole ("20:11:27.431", not "20:11:2…") in this font, margins included
        time_col = QtCommandsModel.COLUMNS.index("time")
        self.table.setColumnWidth(time_col, max(self.table.columnWidth(time_col),
                                                self.table.fontMetrics().horizontalAdvance("00:00:00.000") + 16))
        self.cancel_button = QPushButton(self.tr("Cancel queued command"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(self.tr("Only a command not yet handed to the broker can be cancelled"))
        self.summary = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.cancel_button)
        self.timeline = QtCommandTimeline(pipeline)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.timeline)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter, 1)
        lay.addLayout(bar)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_timeline())
        self.model.commandUpdated.connect(lambda _row: self._update_buttons())
        self.model.commandUpdated.connect(self._follow_timeline)
        self.cancel_button.clicked.connect(self._cancel_selected)
        self._update_buttons()

    def shutdown(self) -> None:
        """Stop reading the pipeline before it closes: no frame or timeline tick may reach a closed outbox."""
        self.model.close()
        self.timeline.stop()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.cancel_button.setEnabled(row is not None and row.state is CommandState.QUEUED and not is_other(row))
        n_open = len(self.pipeline.open_rows())
        self.summary.setText(self.tr("{n} in flight").format(n=n_open))

    def _show_timeline(self) -> None:
        row = self.selected()
        self.timeline.show_command(None if row is None else row.id, other=row is not None and is_other(row))

    def _follow_timeline(self, row) -> None:
        if row.id == self.timeline.command_id:
            self.timeline.refresh()

    def _cancel_selected(self) -> None:
        row = self.selected()
        if row is not None and not is_other(row):
            self.pipeline.cancel(row.id)
