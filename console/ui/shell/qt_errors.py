"""Qt messages into logging, and an excepthook that shows an unexpected error without blocking.

Nothing here blocks the frame (issue 13): the hook runs wherever the exception escaped, often inside
a timer's slot (the device table's frame timer) or a queued network callback.  A modal ``exec()``
there would stop that timer until the box is closed, so the box is shown *non-modally*, from a
queued signal, after the failing slot has returned.  Each distinct error is logged every time but
shown once per session (a device that keeps sending the same bad value does not bring the box back),
and while one box is open, new errors are only logged.
"""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QObject, Qt, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message_handler(mode, context, message) -> None:
    log.log(_LEVELS.get(mode, logging.INFO), "%s", message)


def install_qt_message_handler() -> None:
    qInstallMessageHandler(_qt_message_handler)


class QtErrorReporter(QObject):
    """Unhandled exceptions are logged and shown once each, in a non-modal box, one box at a time."""

    errorRaised = Signal(str, str)

    def __init__(self, parent: QObject | None = None, show_dialogs: bool = True) -> None:
        super().__init__(parent)
        self.show_dialogs = show_dialogs
        self.count = 0
        self.shown: list[str] = []  # summaries shown so far (each once)
        self.box: QMessageBox | None = None  # the box open now, if any
        self._previous = sys.excepthook
        # queued: the box opens after the slot that failed has returned, never inside it
        self.errorRaised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self._hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def _hook(self, etype, value, tb) -> None:
        self.count += 1
        text = "".join(traceback.format_exception(etype, value, tb))
        logging.getLogger("console").error("unhandled exception:\n%s", text)
        self.errorRaised.emit(f"{etype.__name__}: {value}"[:500], text)

    def _show(self, summary: str, details: str) -> None:
        if not self.show_dialogs or QApplication.instance() is None:
            return
        if summary in self.shown or (self.box is not None and self.box.isVisible()):
            return
        self.shown.append(summary)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Unexpected error"), summary)
        box.setObjectName("unexpectedErrorBox")
        box.setInformativeText(self.tr("The console keeps running. Details are in the log file."))
        box.setDetailedText(details)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        self.box = box
        box.show()  # never exec(): the event loop, and every timer, keeps running

    def _closed(self, _result: int = 0) -> None:
        self.box = None
