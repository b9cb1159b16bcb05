"""Qt messages into logging, and an excepthook that shows one error box at a time."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
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
    """Unhandled exceptions are logged and shown; while one box is open, others are only logged."""

    errorRaised = Signal(str, str)

    def __init__(self, parent: QObject | None = None, show_dialogs: bool = True) -> None:
        super().__init__(parent)
        self.show_dialogs = show_dialogs
        self._showing = False
        self.count = 0
        self._previous = sys.excepthook
        self.errorRaised.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self._hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def _hook(self, etype, value, tb) -> None:
        self.count += 1
        text = "".join(traceback.format_exception(etype, value, tb))
        logging.getLogger("console").error("unhandled exception:\n%s", text)
        self.errorRaised.emit(f"{etype.__name__}: {value}", text)

    def _show(self, summary: str, details: str) -> None:
        if self._showing or not self.show_dialogs or QApplication.instance() is None:
            return
        self._showing = True
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Unexpected error"), summary)
            box.setInformativeText(self.tr("The console keeps running. Details are in the log file."))
            box.setDetailedText(details)
            box.exec()
        finally:
            self._showing = False
