"""The assistant's preview table: one row per proposed command (device, change, before → after, risk,
result), high-risk rows tinted, no-ops flagged, and each sent row's Result following its command.

It never scrolls sideways: the columns share the table's width (each fixed column takes what its
text needs up to a cap, before → after takes the rest), long texts wrap onto a second line and every
cell's tooltip holds its full text, so a 1024-pixel-wide window (a ~370 px side panel) clips nothing.

Only a view: the panel (``qt_assistant_panel.py``) decides what to show; this owns how it looks and
the read-back helpers the tests and screenshots use.  GUI thread only.
"""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from console.core.assistant.proposal import ProposedCommand
from console.core.commands.outbox import CommandRow
from console.core.commands.wording import CommandWording
from console.core.protocol import CommandState

HIGH_RISK_BG = QColor("#fdecea")
HIGH_RISK_FG = QColor("#a93226")
ERROR_FG = QColor("#c0392b")
OK_FG = QColor("#1e8449")
NOOP_FG = QColor("#9a6700")  # a change that changes nothing: the device already shows it

WordsFor = Callable[[ProposedCommand], "CommandWording | None"]


class QtPreviewTable(QTableWidget):
    COLUMNS = ("device", "change", "before_after", "risk", "result")
    LEGACY = ("device", "change", "risk", "result")  # what rows() returns: the columns before issue 14
    # the most of the table's width a column may take (before → after gets what is left, at least 30 %)
    CAPS = {"device": 0.22, "change": 0.18, "risk": 0.17, "result": 0.13}
    BEFORE_AFTER_ROOMY = 0.4  # when the others' whole texts leave it this much, they get their whole texts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setObjectName("assistantPreview")
        self.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Change"), self.tr("Before → after"),
                                        self.tr("Risk"), self.tr("Result")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setVisible(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # a word longer than its cell: "…", full text in the tooltip
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(self.COLUMNS.index("before_after"), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def fit_columns(self) -> None:
        """Share the viewport's width: each fixed column its text's width up to its cap, before → after the rest."""
        width = self.viewport().width()
        if width <= 0:
            return
        header = self.horizontalHeader()
        cols = {name: self.COLUMNS.index(name) for name in self.CAPS}
        wants = {name: max(header.sectionSizeFromContents(col).width(), self.sizeHintForColumn(col))
                 for name, col in cols.items()}
        roomy = sum(wants.values()) <= width * (1 - self.BEFORE_AFTER_ROOMY)  # a wide panel: every text whole
        for name, col in cols.items():
            want = wants[name] if roomy else min(wants[name], int(width * self.CAPS[name]))
            header.resizeSection(col, max(header.minimumSectionSize(), want))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_columns()

    def show_commands(self, commands: Iterable[ProposedCommand], words_for: WordsFor) -> None:
        """One row per command; ``words_for(cmd)`` gives its before → after (None: not known)."""
        commands = list(commands)
        self.setRowCount(len(commands))
        bold = QFont()
        bold.setBold(True)
        for row, cmd in enumerate(commands):
            picked = self.tr(" (model's pick)") if cmd.picked_by_model else ""
            device = QTableWidgetItem(cmd.device_name + picked)
            device.setToolTip(f"{cmd.device_name}{picked} ({cmd.device_id})")
            change = QTableWidgetItem(cmd.change or cmd.summary)
            change.setToolTip(cmd.summary if cmd.change in ("", cmd.summary) else f"{cmd.change}\n{cmd.summary}")
            words = words_for(cmd)
            moved = QTableWidgetItem(words.changes_text() if words is not None else "")
            moved.setToolTip(words.text() if words is not None else "")
            risk = QTableWidgetItem(self.tr("HIGH – asks again") if cmd.high_risk else self.tr("low"))
            risk.setToolTip(risk.text())
            items = (device, change, moved, risk, QTableWidgetItem(""))
            if cmd.high_risk:
                risk.setFont(bold)
                for item in items:
                    item.setBackground(QBrush(HIGH_RISK_BG))
                risk.setForeground(QBrush(HIGH_RISK_FG))
            if words is not None and words.noop:
                moved.setForeground(QBrush(NOOP_FG))
                moved.setFont(bold)
            for col, item in enumerate(items):
                item.setData(Qt.ItemDataRole.UserRole, cmd.device_id)
                self.setItem(row, col, item)
        self.fit_columns()

    def set_result(self, row: int, text: str, colour: QColor) -> None:
        item = self.item(row, self.COLUMNS.index("result"))
        if item is not None:
            item.setText(text)
            item.setForeground(QBrush(colour))
            item.setToolTip(text)
            self.fit_columns()

    def show_state(self, row: int, cmd_row: CommandRow) -> None:
        """A sent command's state: "sent (DELIVERED)" on its way, "SUCCEEDED", or red "FAILED: why"."""
        state = cmd_row.state
        if state is CommandState.SUCCEEDED:
            self.set_result(row, state.value, OK_FG)
        elif state.terminal:
            self.set_result(row, f"{state.value}: {cmd_row.error}" if cmd_row.error else state.value, ERROR_FG)
        else:
            self.set_result(row, self.tr("sent ({state})").format(state=state.value), OK_FG)

    # -- read-only views for tests and the screenshot ---------------------------------------------
    def rows(self) -> list[tuple[str, ...]]:
        """(device, change, risk, result) per row."""
        cols = [self.COLUMNS.index(c) for c in self.LEGACY]
        return [tuple(self.item(r, c).text() for c in cols) for r in range(self.rowCount())]  # type: ignore[union-attr]

    def before_after(self) -> list[str]:
        col = self.COLUMNS.index("before_after")
        return [self.item(r, col).text() for r in range(self.rowCount())]  # type: ignore[union-attr]

    def is_row_high_risk(self, row: int) -> bool:
        item = self.item(row, self.COLUMNS.index("risk"))
        return item is not None and item.background().color() == HIGH_RISK_BG
