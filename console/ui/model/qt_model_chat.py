"""The prompt box and the streamed answers of the Model panel.

Text pieces arrive per token; they are buffered and written into the output box by a short timer,
so the box is updated a few times a second however fast the model is.  Each finished request
leaves a one-line summary (TTFT, tokens/s, end to end, queue wait, tokens, warnings).

Outgoing, the chat only asks: Send emits ``sendRequested(messages, max_new)`` and Cancel emits
``cancelRequested``; whoever sends (the Model panel) answers with ``sent(rid, messages)``.  Incoming,
the worker's reports arrive through ``started`` / ``add_text`` / ``finished`` / ``failed``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from console.core.inference.types import ChatMessage, RequestMetrics
from console.ui.qt_i18n import tr_msg


class QtModelChat(QGroupBox):
    FLUSH_MS = 50
    sendRequested = Signal(object, int)  # list[ChatMessage], max new tokens
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Prompt"), parent)
        cv = QVBoxLayout(self)
        self.system = QLineEdit()
        self.system.setPlaceholderText(self.tr("system prompt (optional; repeated ones come from the prefix cache)"))
        cv.addWidget(self.system)
        self.prompt = QPlainTextEdit()
        self.prompt.setPlaceholderText(self.tr("Ask the model something…"))
        self.prompt.setMaximumHeight(56)
        cv.addWidget(self.prompt)
        send_row = QHBoxLayout()
        self.max_new = QSpinBox()
        self.max_new.setRange(1, 32768)
        self.max_new.setValue(128)
        self.max_new.setPrefix(self.tr("max new "))
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.queue_label = QLabel(self.tr("queue: 0"))
        self.queue_label.setObjectName("queueLength")
        for w in (self.max_new, self.send_button, self.cancel_button, self.queue_label):
            send_row.addWidget(w)
        cv.addLayout(send_row)
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.output.setPlaceholderText(self.tr("Answers stream in here."))
        self.output.setMinimumHeight(96)
        self.output.setMaximumBlockCount(5000)  # a long session keeps its last lines, not every answer
        cv.addWidget(self.output, 1)
        self.metrics_label = QLabel(self.tr("No request yet."))
        self.metrics_label.setObjectName("requestMetrics")
        self.metrics_label.setWordWrap(True)
        cv.addWidget(self.metrics_label)

        self.last_metrics: RequestMetrics | None = None
        self._pending = ""
        self._prompts: dict[int, str] = {}
        self.flush_timer = QTimer(self)
        self.flush_timer.setInterval(self.FLUSH_MS)
        self.flush_timer.timeout.connect(self.flush)
        self.send_button.clicked.connect(self.request_send)
        self.cancel_button.clicked.connect(self.cancelRequested)

    # -- outgoing ------------------------------------------------------------------------------
    def request_send(self) -> bool:
        """Emit ``sendRequested`` for the prompt in the box; False (with a note) when it is empty."""
        messages = self.messages()
        if messages is None:
            return False
        self.sendRequested.emit(messages, self.max_new.value())
        return True

    def messages(self) -> list[ChatMessage] | None:
        """The request to send, or None (with a note) when the prompt is empty."""
        text = self.prompt.toPlainText().strip()
        if not text:
            self.metrics_label.setText(self.tr("Type a prompt first."))
            return None
        msgs = [ChatMessage("user", text)]
        if self.system.text().strip():
            msgs.insert(0, ChatMessage("system", self.system.text().strip()))
        return msgs

    def sent(self, rid: int, messages: list[ChatMessage]) -> None:
        self._prompts[rid] = messages[-1].content
        self.cancel_button.setEnabled(True)
        if not self.flush_timer.isActive():
            self.flush_timer.start()

    # -- incoming ------------------------------------------------------------------------------
    def add_text(self, rid: int, piece: str) -> None:
        self._pending += piece

    def flush(self) -> None:
        if self._pending:
            cursor = self.output.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            cursor.insertText(self._pending)
            self._pending = ""
            self.output.ensureCursorVisible()

    def started(self, rid: int, wait: float) -> None:
        self.flush()
        prompt = self._prompts.get(rid, "")
        short = prompt if len(prompt) < 80 else prompt[:77] + "…"
        sep = "\n\n" if self.output.toPlainText() else ""
        self._pending += f"{sep}▶ #{rid}: {short}\n"
        self.flush()

    def finished(self, rid: int, m: RequestMetrics) -> None:
        self.flush()
        self.last_metrics = m
        tps = m.decode_tps
        parts = [self.tr("#{rid} {reason}").format(rid=rid, reason=self._reason(m))]
        if m.ttft_s is not None:
            parts.append(self.tr("TTFT {v:.2f} s").format(v=m.ttft_s))
        if tps:
            parts.append(self.tr("{v:.1f} tok/s").format(v=tps))
        parts.append(self.tr("end-to-end {v:.2f} s").format(v=m.e2e_s))
        parts.append(self.tr("queue {v:.2f} s").format(v=m.queue_wait_s))
        parts.append(self.tr("{p} prompt + {n} new tokens").format(p=m.prompt_tokens, n=m.new_tokens))
        if m.cached_prompt_tokens:
            parts.append(self.tr("{c} from prefix cache").format(c=m.cached_prompt_tokens))
        if m.fast_path:
            parts.append(self.tr("fast path"))
        text = " · ".join(parts)
        if m.warnings:
            text += "\n" + self.tr("Warning: {w}").format(w="; ".join(tr_msg(w) for w in m.warnings))
        self.metrics_label.setStyleSheet("color: #b9770e" if m.warnings else "")
        self.metrics_label.setText(text)
        if m.cancelled:
            self._pending += self.tr(" [cancelled]")
            self.flush()

    def _reason(self, m: RequestMetrics) -> str:
        """Why the request ended, in the UI's language; a time-limit stop is not the operator's cancel."""
        if m.finish_reason == "cancelled" and not m.cancelled:
            return self.tr("time limit")
        words = {"stop": self.tr("stop"), "length": self.tr("length limit"), "cancelled": self.tr("cancelled"),
                 "eos": self.tr("stop")}
        return words.get(m.finish_reason or "", m.finish_reason or self.tr("done"))

    def failed(self, rid: int, message: str, hint: str) -> None:
        self.flush()
        self.metrics_label.setStyleSheet("color: #c0392b")
        self.metrics_label.setText(self.tr("#{rid} failed: {m}\n{h}").format(rid=rid, m=message, h=hint))

    def set_busy(self, can_send: bool, can_cancel: bool) -> None:
        self.send_button.setEnabled(can_send)
        self.cancel_button.setEnabled(can_cancel)

    def set_can_cancel(self, can_cancel: bool) -> None:
        self.cancel_button.setEnabled(can_cancel)

    def set_queue(self, waiting: int) -> None:
        self.queue_label.setText(self.tr("queue: {n}").format(n=waiting))

    def stop(self) -> None:
        self.flush_timer.stop()
        self.flush()

    # -- settings (inside the panel's group) ---------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("maxNew", self.max_new.value())
        settings.setValue("system", self.system.text())

    def restore_state(self, settings: QSettings) -> None:
        self.max_new.setValue(int(settings.value("maxNew", 128) or 128))
        self.system.setText(str(settings.value("system", "") or ""))
