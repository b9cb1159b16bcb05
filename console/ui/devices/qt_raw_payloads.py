"""A device's last raw payloads per topic, read-only, on demand (the device table's context menu).

Owns: :class:`QtRawPayloads`, a small dialog that asks ``payloads(device_id)`` (for discovered
devices ``HaBridge.raw_payloads``: topic -> the last payloads, oldest first) when it opens and when
the operator presses Refresh.  When the answer also carries the device's template errors
(``template_errors``: count by kind, ``recent_errors``: the last few, as ``HaBridge.raw_payloads``
does), they are counted in the summary and listed above the payloads, in red.  Native devices keep
no raw payloads: their last state is the table's State column, and the dialog says so.  Runs on the
GUI thread; the source is thread-safe.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

Payloads = Callable[[str], "dict[str, list[str]] | None"]


class QtRawPayloads(QDialog):
    def __init__(self, device_id: str, payloads: Payloads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.device_id = device_id
        self.payloads = payloads
        self.setWindowTitle(self.tr("Raw payloads: {device}").format(device=device_id))
        self.summary = QLabel()
        self.errors = QLabel()  # template errors: hidden while there are none
        self.errors.setObjectName("templateErrors")
        self.errors.setTextFormat(Qt.TextFormat.PlainText)  # the text comes from the network: never HTML
        self.errors.setWordWrap(True)
        self.errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors.setStyleSheet("color: #c0392b")
        self.errors.hide()
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setObjectName("rawPayloads")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refresh)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.refresh()

    def refresh(self) -> None:
        raw = self.payloads(self.device_id)
        self._show_errors(raw)
        if raw is None:
            self.summary.setText(self.tr("Native devices: see the State column"))
            self.text.setPlainText("")
            return
        count = sum(len(v) for v in raw.values())
        self.summary.setText(self.tr("{count} payloads on {topics} topics, newest last").format(
            count=count, topics=len(raw)))
        blocks = [f"── {topic}\n" + "\n".join(texts) for topic, texts in raw.items()]
        self.text.setPlainText("\n\n".join(blocks) if blocks else self.tr("No payload received yet"))

    def _show_errors(self, raw: object) -> None:
        """The device's template errors (HaBridge.raw_payloads carries them), or nothing."""
        kinds: dict[str, int] = dict(getattr(raw, "template_errors", None) or {})
        if not kinds:
            self.errors.hide()
            self.errors.setText("")
            return
        words = {"error": self.tr("failed"), "refused": self.tr("refused as hostile"),
                 "budget": self.tr("stopped by the time or size budget")}
        parts = ", ".join(f"{n} {words.get(k, k)}" for k, n in sorted(kinds.items()))
        lines = [self.tr("⚠ {count} template errors ({kinds}); the latest:").format(
            count=sum(kinds.values()), kinds=parts)]
        lines += [f"• {line}" for line in list(getattr(raw, "recent_errors", []))[-5:]]
        self.errors.setText("\n".join(lines))
        self.errors.show()
