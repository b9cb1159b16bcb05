"""The one way the widgets send a command: submit, ask the operator when the pipeline says so, retry.

``CommandPipeline.submit`` decides (from the device's meta as it is at send time) whether a command
may go and whether the operator must confirm it; this class only asks.  On ``ConfirmationRequired``
it shows a translated question built from the exception's fields (``confirm(parent, title, text)``,
a QMessageBox by default, injectable for tests), and on a yes calls ``submit`` again with what the
yes covers: if the device changed while the question was open, the pipeline asks again (at most
``MAX_QUESTIONS`` times).  A refusal (ProtocolError, an outbox error) comes back in the result and in
``outcome``; nothing is raised into Qt.  The device controls, the audit log's "send again" and the
assistant (through the shell) all send through one of these.  GUI thread only.

The question reads before → after (``console/core/commands/wording.py``): "Line A conveyor: running
off → on, speed 0 → 60 rpm", then "Send this command to conveyor-a?", then "This device is marked
high risk." where it is.  ``current(device_id)`` gives the device's last state values (the console
passes ``values_from(registry)``; without it the current values read as unknown).  zh_CN: the frame
and the sentences go through ``tr``; the capability words come from the core's tables in the UI's
language (:func:`ui_lang`), the device's Chinese name from the fleet's aliases (its first zh name).

Liveness (issue 14): ``liveness(device_id)`` says "online", "offline", "unknown" or "stale" (the
console passes :func:`liveness_from` over the registry and its broker link; the default says
"online").  A command to an offline or unknown-state device asks first, before it is submitted:
"<device> is offline: the command will wait in the queue until it is back (or its ttl passes)."
with Send and queue / Cancel; declining submits nothing.  When that command also needs the operator's
confirmation (high risk), the two questions are one dialog (``confirm_both``,
:func:`ask_confirmation_and_queue`): the before → after, the unreachable device, the risk, and Send
and queue / Cancel.  Which dialog to show is previewed with the pipeline's own rule
(``confirmation_required`` on the device's meta now); the submit that follows still decides, so a
device that turned high risk meanwhile is asked again.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from console.core.assistant.aliases import Aliases, default_aliases
from console.core.commands.confirmation import ConfirmationRequired, Confirmed, confirmation_required
from console.core.commands.outbox import CommandRow, OutboxError
from console.core.commands.pipeline import CommandPipeline
from console.core.protocol import ProtocolError

ConfirmFn = Callable[[QWidget, str, str], bool]  # confirm(parent, title, text) -> True to go ahead
CurrentFn = Callable[[str], Mapping[str, Any] | None]  # device id -> its last state values, or None
LivenessFn = Callable[[str], str]  # device id -> "online" | "offline" | "unknown" | "stale"
MAX_QUESTIONS = 3  # a device whose risk keeps changing while the operator is asked: give up


def ui_lang() -> str:
    """"zh" when the UI speaks Chinese (the locale the translators were loaded for), else "en"."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def values_from(registry: Any) -> CurrentFn:
    """``current`` for a FleetRegistry: the record's last values (a copy), None for an unknown device."""
    def current(device_id: str) -> Mapping[str, Any] | None:
        rec = registry.get(device_id)
        return None if rec is None else rec.values

    return current


def liveness_from(registry: Any, link_up: Callable[[], bool]) -> LivenessFn:
    """``liveness`` for a FleetRegistry: "unknown" while the broker link is down or the device never
    said, else what its status/LWT said ("stale" when online but silent past the registry's limit)."""
    def liveness(device_id: str) -> str:
        rec = registry.get(device_id)
        if not link_up() or rec is None or rec.online is None:
            return "unknown"
        if not rec.online:
            return "offline"
        return "stale" if registry.is_stale(rec) else "online"

    return liveness


def _ask_queue(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str) -> bool:
    """"Send and queue" or Cancel (the default); True when the operator chose to send."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Cancel, parent)
    go = box.addButton(QCoreApplication.translate("QtCommandSender", "Send and queue"),
                       QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go


def ask_send_and_queue(parent: QWidget | None, title: str, text: str) -> bool:
    """The offline question (a question icon)."""
    return _ask_queue(QMessageBox.Icon.Question, parent, title, text)


def ask_confirmation_and_queue(parent: QWidget | None, title: str, text: str) -> bool:
    """A confirmation for an unreachable device, in one dialog (a warning icon)."""
    return _ask_queue(QMessageBox.Icon.Warning, parent, title, text)


def ask_confirmation(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class SendResult:
    """``row`` (the ``QUEUED`` command) when sent; else ``declined`` or ``error`` says why not."""

    device_id: str
    row: CommandRow | None = None
    declined: bool = False
    error: str = ""

    @property
    def sent(self) -> bool:
        return self.row is not None


class QtCommandSender(QObject):
    outcome = Signal(object)  # SendResult, for every send

    def __init__(self, pipeline: CommandPipeline, confirm: ConfirmFn | None = None,
                 parent: QObject | None = None, *, current: CurrentFn | None = None,
                 aliases: Aliases | None = None, liveness: LivenessFn | None = None) -> None:
        super().__init__(parent)
        self.pipeline = pipeline
        self.confirm = confirm or ask_confirmation
        self.confirm_queue = confirm or ask_send_and_queue  # an injected confirm answers every question
        self.confirm_both = confirm or ask_confirmation_and_queue
        self.liveness: LivenessFn = liveness or (lambda device_id: "online")
        self.current = current
        self._aliases = aliases

    def send(self, device_id: str, params: dict[str, Any] | None, *, origin: str, action: str = "set",
             parent_widget: QWidget | None = None, confirmed: Confirmed = False) -> SendResult:
        """Submit; ask when the pipeline requires it (``confirmed``: what the operator already said yes
        to, e.g. in the assistant's own dialog; the pipeline decides whether it still covers it)."""
        result = self._send(device_id, params, origin, action, parent_widget, confirmed)
        self.outcome.emit(result)
        return result

    def _send(self, device_id, params, origin, action, parent_widget, confirmed) -> SendResult:
        unreachable = self._unreachable_text(device_id)
        if unreachable:
            need = self._preview(device_id, params, action, confirmed)
            if need is None:  # nothing else to ask: only whether to queue it
                if not self.confirm_queue(parent_widget, self.tr("Device not reachable"), unreachable):
                    return SendResult(device_id, declined=True,
                                      error=self.tr("not queued for an unreachable device"))
            else:  # one dialog says both: the command needs a yes, and it will wait
                title, text = self.question(need, unreachable=unreachable)
                if not self.confirm_both(parent_widget, title, text):
                    return SendResult(device_id, declined=True, error=self.tr("confirmation declined"))
                confirmed = need.confirmation()
        for _ in range(MAX_QUESTIONS + 1):
            try:
                row = self.pipeline.submit(device_id, params, action=action, origin=origin, confirmed=confirmed)
            except ConfirmationRequired as need:
                if not self.ask(need, parent_widget):
                    return SendResult(device_id, declined=True, error=self.tr("confirmation declined"))
                confirmed = need.confirmation()
                continue
            except (ProtocolError, OutboxError, sqlite3.Error) as exc:
                return SendResult(device_id, error=str(exc))
            return SendResult(device_id, row=row)
        return SendResult(device_id, error=self.tr("the device's risk kept changing while you were asked"))

    def _unreachable_text(self, device_id: str) -> str:
        """What to say about an offline or unknown-state device ("" when it is reachable)."""
        state = self.liveness(device_id)
        if state == "offline":
            text = self.tr("{device} is offline: the command will wait in the queue until it is back "
                           "(or its ttl passes).")
        elif state == "unknown":
            text = self.tr("{device} is in an unknown state (the broker link is down or it never said): "
                           "the command will wait in the queue until it is back (or its ttl passes).")
        else:
            return ""
        return text.format(device=device_id)

    def _preview(self, device_id: str, params: dict[str, Any] | None, action: str,
                 confirmed: Confirmed) -> ConfirmationRequired | None:
        """The question ``submit`` would raise for this command now (the pipeline's own rule), or None:
        none needed, or the command is invalid (``submit`` then says why, and nothing is asked)."""
        meta = self.pipeline.meta_lookup(device_id)
        if meta is None:
            return None
        try:
            clean = meta.validate_params(action, params if action == "set" else (params or {}))
        except ProtocolError:
            return None
        return confirmation_required(meta, action, clean, confirmed=confirmed)

    def ask(self, need: ConfirmationRequired, parent_widget: QWidget | None, *, title: str = "",
            text: str = "") -> bool:
        """Ask ``need``'s question (or ``title``/``text``, e.g. the audit log's own) and return the answer."""
        if not text:
            title, text = self.question(need)
        return bool(self.confirm(parent_widget, title or self.tr("Confirm command"), text))

    def question(self, need: ConfirmationRequired, lang: str | None = None, *,
                 unreachable: str = "") -> tuple[str, str]:
        """The translated (title, text) for ``need``: before → after, the device, the risk (and
        ``unreachable``: the sentence saying that the device is offline and the command will wait)."""
        lang = lang or ui_lang()
        words = need.wording(self._current(need.device_id), lang=lang, device_name=self._name(need, lang))
        lines = [self.tr("{device}: {changes}").format(device=words.device, changes=words.changes_text())]
        if unreachable:
            lines.append(unreachable)
        lines.append(self.tr("Send this command to {device_id}?").format(device_id=need.device_id))
        if words.noop:
            lines.append(self.tr("The device already shows these values: nothing would change."))
        if need.high_risk:
            lines.append(self.tr("This device is marked high risk."))
            return self.tr("Confirm high-risk command"), "\n\n".join(lines)
        return self.tr("Confirm command"), "\n\n".join(lines)

    def _current(self, device_id: str) -> Mapping[str, Any] | None:
        return None if self.current is None else self.current(device_id)

    def _name(self, need: ConfirmationRequired, lang: str) -> str:
        if lang != "zh":
            return need.meta.name
        if self._aliases is None:
            self._aliases = default_aliases()
        return self._aliases.display_name(need.meta, lang)
