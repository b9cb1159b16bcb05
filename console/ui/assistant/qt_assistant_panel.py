"""The assistant: say what should happen, see the commands it becomes, confirm, and they are sent.

The operator types "stop both conveyors" or "把办公室空调温度设为26度" and presses Enter; the
parser (console/core/assistant/parser.py) turns it into commands that are valid by construction, shown in a
preview table (device, change, risk).  Nothing is sent until Confirm; a row the preview shows high
risk makes Confirm ask a second time, once for all of them (``confirm`` is injectable, default
QMessageBox.question).  Then each command goes to ``submit(device_id, params, origin="assistant",
confirmed=...)`` and its result shows in the table.  A refusal shows its reason instead of a preview
and nothing can be confirmed.

The panel does not decide what may go: the preview's risk is what the device said at Preview time.
The console's ``submit`` is a ``QtCommandSender``: the pipeline decides at send time, from the
device's meta then.  A yes to the panel's question is passed on as a ``Confirmation`` of exactly those
values, known high risk; anything it does not cover (a device marked high risk since the Preview)
is asked about again, one row at a time, and a no leaves that row unsent.

``source`` is where the fleet comes from: a FleetRegistry (``ids()`` / ``meta(id)``: the live
fleet), a Fleet, a list of DeviceMeta, or a callable returning one of those.  The parser is rebuilt
only when the set of metas changes.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.commands.confirmation import Confirmation
from console.core.fleet.catalog import Fleet
from console.core.assistant.aliases import Aliases, default_aliases
from console.core.assistant.parser import IntentParser
from console.core.assistant.proposal import Proposal
from console.core.assistant.ranker import Ranker
from console.core.protocol import DeviceMeta

log = logging.getLogger(__name__)

# submit(device_id, params, origin="assistant", confirmed=Confirmation | False) -> anything; raises when
# not sent (refused, or a confirmation asked at send time declined), the message saying why
Submit = Callable[..., Any]
Confirm = Callable[[QWidget, str, str], bool]  # confirm(parent, title, text) -> True to go ahead

HIGH_RISK_BG = QColor("#fdecea")
HIGH_RISK_FG = QColor("#a93226")
ERROR_FG = QColor("#c0392b")
OK_FG = QColor("#1e8449")


def question_box(parent: QWidget, title: str, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def metas_from(source: Any) -> list[DeviceMeta]:
    """The devices the assistant may command, from a registry, a fleet, a list, or a callable."""
    if callable(source) and not hasattr(source, "ids"):
        source = source()
    if hasattr(source, "ids") and hasattr(source, "meta"):
        metas = (source.meta(i) for i in source.ids())
        return [m for m in metas if m is not None]
    if isinstance(source, Fleet):
        return list(source.devices)
    return [m for m in (source or ()) if isinstance(m, DeviceMeta)]


class QtAssistantPanel(QWidget):
    COLUMNS = ("device", "change", "risk", "result")
    proposed = Signal(object)  # Proposal, or None when the utterance could not be read at all
    submitted = Signal(list)  # [(device_id, params, result-or-exception)]
    _parsed = Signal(object, object, object)  # (Proposal | None, error | None, (parser, key) | None)
    LARGE_FLEET = 1000  # above this, (re)building the name tables goes to the parse thread

    def __init__(
        self,
        source: Any,
        submit: Submit,
        parent: QWidget | None = None,
        *,
        aliases: Aliases | None = None,
        ranker: Ranker | None = None,
        confirm: Confirm | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.submit = submit
        self.aliases = aliases if aliases is not None else default_aliases()
        self.ranker = ranker
        self.confirm = confirm or question_box
        self.proposal: Proposal | None = None
        self._parser: IntentParser | None = None
        self._parser_key: tuple = ()
        self._worker: threading.Thread | None = None

        self.input = QLineEdit(placeholderText=self.tr("Say what should happen…"))
        self.input.setClearButtonEnabled(True)
        self.input.setObjectName("assistantInput")
        self.preview_button = QPushButton(self.tr("Preview"))
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("assistantPreview")
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Change"), self.tr("Risk"), self.tr("Result")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setObjectName("assistantMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.confirm_button.setObjectName("assistantConfirm")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("assistantCancel")

        top = QHBoxLayout()
        top.addWidget(self.input, 1)
        top.addWidget(self.preview_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.input.returnPressed.connect(self.preview)
        self.preview_button.clicked.connect(self.preview)
        self.confirm_button.clicked.connect(self.confirm_and_submit)
        self.cancel_button.clicked.connect(self.cancel)
        self._parsed.connect(self._from_worker)
        self._set_pending(False)
        self.message.setText(self.tr('For example: "stop both conveyors", "set the office AC to 22 °C", "关闭所有灯".'))

    # -- parsing --------------------------------------------------------------------------------
    def parser(self) -> IntentParser:
        """The parser for the current fleet (built here, on the calling thread, if it changed)."""
        metas = metas_from(self.source)
        key = tuple((m.id, id(m)) for m in metas)
        if self._parser is None or key != self._parser_key:
            self._parser = IntentParser(metas, self.aliases, ranker=self.ranker)
            self._parser_key = key
        return self._parser

    def preview(self) -> Proposal | None:
        """Read the input.  The rules alone take well under a millisecond: the proposal is shown
        and returned at once.  With a ``ranker`` (a model: seconds on a CPU), or when a large fleet
        (over LARGE_FLEET devices) changed and the name tables must be rebuilt (seconds), the work
        runs on a thread, the input waits, and the proposal arrives through ``proposed``."""
        text = self.input.text().strip()
        if not text or self.busy():
            return None
        self.proposal = None
        self._set_pending(False)
        try:
            metas = metas_from(self.source)
        except Exception as exc:  # noqa: BLE001 - the fleet source failed: say so, keep running
            log.exception("assistant could not list the fleet")
            self._show_proposal(None, exc)
            return None
        key = tuple((m.id, id(m)) for m in metas)
        parser = self._parser if (self._parser is not None and key == self._parser_key) else None
        if self.ranker is None and (parser is not None or len(metas) <= self.LARGE_FLEET):
            try:
                if parser is None:
                    parser = self._parser = IntentParser(metas, self.aliases, ranker=self.ranker)
                    self._parser_key = key
                proposal = parser.parse(text)
            except Exception as exc:  # noqa: BLE001 - a parser bug must not take the console down
                log.exception("assistant could not read %r", text)
                self._show_proposal(None, exc)
                return None
            self._show_proposal(proposal, None)
            return proposal
        self.input.setEnabled(False)
        self.preview_button.setEnabled(False)
        if parser is None:
            self._say(self.tr("Reading… (learning the names of {n} devices)").format(n=len(metas)))
        else:
            self._say(self.tr("Reading… (the model is choosing between similar devices)"))
        aliases, ranker = self.aliases, self.ranker

        def work() -> None:  # builds and parses; only emits: widgets are touched on the GUI thread
            try:
                p = parser or IntentParser(metas, aliases, ranker=ranker)
                self._parsed.emit(p.parse(text), None, (p, key))
            except Exception as exc:  # noqa: BLE001
                log.exception("assistant could not read %r", text)
                self._parsed.emit(None, exc, None)

        self._worker = threading.Thread(target=work, name="assistant-parse", daemon=True)
        self._worker.start()
        return None

    def _from_worker(self, proposal: Proposal | None, error: Exception | None, built) -> None:
        if self._worker is not None:
            self._worker.join(5)  # it emitted as its last step: it is ending now
            self._worker = None
        if built is not None:
            self._parser, self._parser_key = built
        self._show_proposal(proposal, error)

    def busy(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    def _show_proposal(self, proposal: Proposal | None, error: Exception | None) -> None:
        self.input.setEnabled(True)
        self.preview_button.setEnabled(True)
        if proposal is None:
            self._show_rows([])
            self._set_pending(False)
            self._say(self.tr("Could not read that ({error}). Nothing was sent; try other words.").format(
                error=error), ERROR_FG)
            self.proposed.emit(None)
            return
        self.proposal = proposal
        if proposal.refusal is not None:
            self._show_rows([])
            self._set_pending(False)
            self._say(self.tr("Not possible: {reason}").format(reason=proposal.refusal.reason), ERROR_FG)
        else:
            self._show_rows(proposal.commands)
            self._set_pending(True)
            if proposal.needs_extra_confirmation:
                self._say(self.tr("Check the changes. High-risk rows will ask once more before sending."), HIGH_RISK_FG)
            else:
                self._say(self.tr("Check the changes, then Confirm to send them."))
        self.proposed.emit(proposal)

    def closeEvent(self, event) -> None:
        if self._worker is not None:
            self._worker.join(30)  # a model call in flight; it only emits, so let it finish
        super().closeEvent(event)

    # -- confirming -----------------------------------------------------------------------------
    def confirm_and_submit(self) -> list:
        proposal = self.proposal
        if proposal is None or not proposal.ok:
            return []
        if proposal.needs_extra_confirmation:
            risky = [c.summary for c in proposal.commands if c.high_risk]
            text = self.tr("These changes are high risk:\n\n{changes}\n\nSend them?").format(
                changes="\n".join(f"• {s}" for s in risky))
            if not self.confirm(self, self.tr("Confirm high-risk commands"), text):
                self._say(self.tr("Not sent: the high-risk changes were not confirmed."), ERROR_FG)
                return []
        self._set_pending(False)
        self.proposal = None
        results = []
        sent = failed = 0
        for row, cmd in enumerate(proposal.commands):
            # the yes above covers what it showed: these values, high risk; the pipeline decides the rest
            confirmed = Confirmation(cmd.device_id, "set", dict(cmd.params), True) if cmd.high_risk else False
            try:
                outcome = self.submit(cmd.device_id, dict(cmd.params), origin="assistant", confirmed=confirmed)
            except Exception as exc:  # noqa: BLE001 - shown on its row; the others still go
                log.warning("assistant command for %s refused: %s", cmd.device_id, exc)
                results.append((cmd.device_id, cmd.params, exc))
                self._set_result(row, self.tr("not sent: {error}").format(error=exc), ERROR_FG)
                failed += 1
                continue
            results.append((cmd.device_id, cmd.params, outcome))
            state = getattr(getattr(outcome, "state", None), "value", None)
            shown = self.tr("sent ({state})").format(state=state) if state else self.tr("sent")
            self._set_result(row, shown, OK_FG)
            sent += 1
        if failed:
            self._say(self.tr("{sent} sent, {failed} not sent (see the Result column).").format(
                sent=sent, failed=failed), ERROR_FG)
        else:
            self._say(self.tr("{sent} sent. Their progress shows in the device table.").format(sent=sent), OK_FG)
        self.submitted.emit(results)
        return results

    def cancel(self) -> None:
        self.proposal = None
        self._show_rows([])
        self._set_pending(False)
        self._say(self.tr("Cancelled: nothing was sent."))

    # -- view helpers ---------------------------------------------------------------------------
    def _set_pending(self, pending: bool) -> None:
        self.confirm_button.setEnabled(pending)
        self.cancel_button.setEnabled(pending)

    def _say(self, text: str, colour: QColor | None = None) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour.name()}" if colour is not None else "")

    def _show_rows(self, commands: Iterable) -> None:
        commands = list(commands)
        self.table.setRowCount(len(commands))
        bold = QFont()
        bold.setBold(True)
        for row, cmd in enumerate(commands):
            picked = self.tr(" (model's pick)") if cmd.picked_by_model else ""
            device = QTableWidgetItem(cmd.device_name + picked)
            device.setToolTip(cmd.device_id)
            change = QTableWidgetItem(cmd.change or cmd.summary)
            change.setToolTip(cmd.summary)
            risk = QTableWidgetItem(self.tr("HIGH – asks again") if cmd.high_risk else self.tr("low"))
            items = (device, change, risk, QTableWidgetItem(""))
            if cmd.high_risk:
                risk.setFont(bold)
                for item in items:
                    item.setBackground(QBrush(HIGH_RISK_BG))
                risk.setForeground(QBrush(HIGH_RISK_FG))
            for col, item in enumerate(items):
                item.setData(Qt.ItemDataRole.UserRole, cmd.device_id)
                self.table.setItem(row, col, item)

    def _set_result(self, row: int, text: str, colour: QColor) -> None:
        item = self.table.item(row, self.COLUMNS.index("result"))
        if item is not None:
            item.setText(text)
            item.setForeground(QBrush(colour))

    # -- read-only views for tests and the screenshot ---------------------------------------------
    def rows(self) -> list[tuple[str, str, str, str]]:
        out = []
        for r in range(self.table.rowCount()):
            out.append(tuple(self.table.item(r, c).text() for c in range(len(self.COLUMNS))))  # type: ignore[arg-type]
        return out

    def is_row_high_risk(self, row: int) -> bool:
        item = self.table.item(row, self.COLUMNS.index("risk"))
        return item is not None and item.background().color() == HIGH_RISK_BG
