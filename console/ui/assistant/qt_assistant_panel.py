"""The assistant: say what should happen, see the commands it becomes, confirm, and they are sent.

The operator types "stop both conveyors" or "把办公室空调温度设为26度" and presses Enter; the
assistant (console/core/assistant/layers.py: rules, then catalog semantics, then the model's choice
among legal readings) turns it into commands that are valid by construction, shown in a preview
table (device, change, before → after, risk); the message says which layer read it and a row the
model chose says "(model's pick)".  Nothing is sent until Confirm; a row the preview shows high
risk makes Confirm ask a second time, once for all of them (``confirm`` is injectable, default
a Yes / Cancel box like the command sender's).  Then each command goes to ``submit(device_id, params, origin="assistant",
confirmed=...)`` and its result shows in the table.  A refusal shows its reason instead of a preview
and nothing can be confirmed.

The panel does not decide what may go: the preview's risk is what the device said at Preview time.
The console's ``submit`` is a ``QtCommandSender``: the pipeline decides at send time, from the
device's meta then.  A yes to the panel's question is passed on as a ``Confirmation`` of exactly those
values, known high risk; anything it does not cover (a device marked high risk since the Preview)
is asked about again, one row at a time, and a no leaves that row unsent.

The Before → after column shows each change next to the device's current values in the words every
confirmation uses ("running on → off"), and flags what would change nothing ("power already on").
With ``commands`` (the CommandPipeline) each sent row's Result follows its command to its terminal
state (``QtCommandFollower``: the pipeline's threads → a queued signal → the row).

``source`` is where the fleet comes from: a FleetRegistry (``ids()`` / ``meta(id)``: the live
fleet), a Fleet, a list of DeviceMeta, or a callable returning one of those.  The parser is rebuilt
only when the set of metas changes.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from console.core.commands.confirmation import Confirmation
from console.core.fleet.catalog import Fleet
from console.core.assistant.aliases import Aliases, default_aliases
from console.core.assistant.layers import MODEL, SEMANTICS, Assistant, Chooser
from console.core.assistant.parser import IntentParser
from console.core.assistant.proposal import Proposal, ProposedCommand
from console.core.assistant.wording import before_after
from console.core.assistant.ranker import Ranker
from console.core.protocol import CommandState, DeviceMeta
from console.ui.assistant.qt_command_follower import QtCommandFollower
from console.ui.assistant.qt_preview_table import (  # noqa: F401 - the colours, for the panel's users
    ERROR_FG,
    HIGH_RISK_BG,
    HIGH_RISK_FG,
    NOOP_FG,
    OK_FG,
    QtPreviewTable,
)

log = logging.getLogger(__name__)

# submit(device_id, params, origin="assistant", confirmed=Confirmation | False) -> anything; raises when
# not sent (refused, or a confirmation asked at send time declined), the message saying why
Submit = Callable[..., Any]
Confirm = Callable[[QWidget, str, str], bool]  # confirm(parent, title, text) -> True to go ahead


def question_box(parent: QWidget, title: str, text: str) -> bool:
    """The same box as the command sender's (``qt_command_sender.ask_confirmation``): Yes / Cancel."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def current_values(source: Any, device_id: str) -> dict[str, Any] | None:
    """The device's last state values when ``source`` is a live registry (``get``), else None."""
    get = getattr(source, "get", None)
    if get is None or not hasattr(source, "meta"):
        return None
    rec = get(device_id)
    return None if rec is None else dict(getattr(rec, "values", None) or {})


def metas_from(source: Any) -> list[DeviceMeta]:
    """The devices the assistant may command, from a registry, a fleet, a list, or a callable."""
    if callable(source) and not hasattr(source, "ids"):
        source = source()
    if hasattr(source, "ids") and hasattr(source, "meta"):
        shown = getattr(source, "exposed", None) or (lambda _id: True)  # the operator may hide a device
        metas = (source.meta(i) for i in source.ids() if shown(i))
        return [m for m in metas if m is not None]
    if isinstance(source, Fleet):
        return list(source.devices)
    return [m for m in (source or ()) if isinstance(m, DeviceMeta)]


class QtAssistantPanel(QWidget):
    COLUMNS = QtPreviewTable.COLUMNS
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
        commands: Any | None = None,
        chooser: Chooser | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.submit = submit
        self.aliases = aliases if aliases is not None else default_aliases()
        self.ranker = ranker
        self.chooser = chooser  # the model layer: picks among legal readings (seconds on a CPU: on a thread)
        self.confirm = confirm or question_box
        self.proposal: Proposal | None = None
        self._parser: Assistant | None = None
        self._parser_key: tuple = ()
        self._worker: threading.Thread | None = None
        self._result_rows: dict[str, int] = {}  # command id → its table row, while followed
        self.follower = QtCommandFollower(commands, self) if commands is not None else None
        if self.follower is not None:
            self.follower.changed.connect(self._on_command)

        self.input = QLineEdit(placeholderText=self.tr("Say what should happen…"))
        self.input.setClearButtonEnabled(True)
        self.input.setObjectName("assistantInput")
        self.preview_button = QPushButton(self.tr("Preview"))
        self.table = QtPreviewTable()
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
    def _build(self, metas: list[DeviceMeta]) -> Assistant:
        """The layered assistant over ``metas`` (the exposed devices only: metas_from filters them)."""
        return Assistant(metas, self.aliases, chooser=self.chooser, ranker=self.ranker,
                         current=lambda device_id: current_values(self.source, device_id))

    def set_chooser(self, chooser: Chooser | None) -> None:
        """The model layer from now on (the shell sets the loaded model's, None after an unload).  GUI
        thread; a parse already running keeps the assistant it started with."""
        if chooser is not self.chooser:
            self.chooser = chooser
            self._parser = None  # rebuilt with the new chooser at the next ask
            self._parser_key = ()

    def assistant(self) -> Assistant:
        """The assistant for the current fleet (built here, on the calling thread, if it changed)."""
        metas = metas_from(self.source)
        key = tuple((m.id, id(m)) for m in metas)
        if self._parser is None or key != self._parser_key:
            self._parser = self._build(metas)
            self._parser_key = key
        return self._parser

    def parser(self) -> IntentParser:
        """The rules layer of the current fleet's assistant."""
        return self.assistant().rules

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
        if self.ranker is None and self.chooser is None and (parser is not None or len(metas) <= self.LARGE_FLEET):
            try:
                if parser is None:
                    parser = self._parser = self._build(metas)
                    self._parser_key = key
                proposal = parser.understand(text)
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
        def work() -> None:  # builds and parses; only emits: widgets are touched on the GUI thread
            try:
                p = parser or self._build(metas)
                self._parsed.emit(p.understand(text), None, (p, key))
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
        if built is not None and built[0].chooser is self.chooser:  # not one from before set_chooser
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
            self._show_rows(proposal.commands, proposal.lang)
            self._set_pending(True)
            how = self._layer_words(proposal.layer)
            if proposal.needs_extra_confirmation:
                self._say(how + self.tr("Check the changes. High-risk rows will ask once more before sending."),
                          HIGH_RISK_FG)
            else:
                self._say(how + self.tr("Check the changes, then Confirm to send them."))
        self.proposed.emit(proposal)

    def closeEvent(self, event) -> None:
        if self._worker is not None:
            self._worker.join(30)  # a model call in flight; it only emits, so let it finish
        super().closeEvent(event)

    def _layer_words(self, layer: str) -> str:
        """The start of the message: which layer read the words (nothing for the plain rules)."""
        if layer == MODEL:
            return self.tr("The model chose this reading (marked rows). ")
        if layer == SEMANTICS:
            return self.tr("Read from what the devices do. ")
        return ""

    def layer(self) -> str | None:
        """The layer of the proposal on show: rules, semantics or model (None: nothing proposed)."""
        return self.proposal.layer if self.proposal is not None else None

    # -- confirming -----------------------------------------------------------------------------
    def confirm_and_submit(self) -> list:
        proposal = self.proposal
        if proposal is None or not proposal.ok:
            return []
        if proposal.needs_extra_confirmation:
            risky = [self._with_before_after(c, proposal.lang) for c in proposal.commands if c.high_risk]
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
            self._follow(row, outcome)
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

    def _show_rows(self, commands: Iterable, lang: str = "en") -> None:
        self._result_rows.clear()
        if self.follower is not None:
            self.follower.clear()
        self.table.show_commands(commands, lambda cmd: self._before_after(cmd, lang))

    def _before_after(self, cmd: ProposedCommand, lang: str):
        """``cmd``'s values next to the device's current ones (None when the device is gone)."""
        try:
            meta = self._meta(cmd.device_id)
            if meta is None:
                return None
            return before_after(self.aliases, meta, cmd.params, current_values(self.source, cmd.device_id), lang)
        except Exception:  # noqa: BLE001 - a wording bug must not hide the preview
            log.exception("could not word %s for %s", cmd.params, cmd.device_id)
            return None

    def _meta(self, device_id: str) -> DeviceMeta | None:
        if hasattr(self.source, "meta") and hasattr(self.source, "ids"):
            return self.source.meta(device_id)
        return next((m for m in metas_from(self.source) if m.id == device_id), None)

    def _with_before_after(self, cmd: ProposedCommand, lang: str) -> str:
        """"Line A conveyor: stop (running on → off)": the summary, then what it changes."""
        words = self._before_after(cmd, lang)
        return f"{cmd.summary} ({words.changes_text()})" if words is not None else cmd.summary

    # -- following the sent commands --------------------------------------------------------------
    def _follow(self, row: int, outcome: Any) -> None:
        if self.follower is None or not isinstance(getattr(outcome, "state", None), CommandState):
            return
        self._result_rows[outcome.id] = row
        self.follower.follow(outcome)

    def _on_command(self, cmd_row) -> None:
        """A followed command moved on (GUI thread): its Result shows the state, red if it failed."""
        row = self._result_rows.get(cmd_row.id)
        if row is None:
            return
        self.table.show_state(row, cmd_row)
        if cmd_row.state.terminal:
            del self._result_rows[cmd_row.id]

    def shutdown(self) -> None:
        """Stop following commands (the console is closing)."""
        if self.follower is not None:
            self.follower.stop()

    def _set_result(self, row: int, text: str, colour: QColor) -> None:
        self.table.set_result(row, text, colour)

    # -- read-only views for tests and the screenshot ---------------------------------------------
    def rows(self) -> list[tuple[str, ...]]:
        """(device, change, risk, result) per row: the columns the preview had before Before → after."""
        return self.table.rows()

    def before_after(self) -> list[str]:
        """The Before → after column, row by row."""
        return self.table.before_after()

    def is_row_high_risk(self, row: int) -> bool:
        return self.table.is_row_high_risk(row)
