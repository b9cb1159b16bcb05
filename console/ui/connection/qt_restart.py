"""Restart the console on another connection profile.

The link, the fleet registry, the outbox and every panel are built for one broker at start-up; a
profile switch starts a new console process on the chosen profile (``--profile NAME``) and closes
this one through its normal shutdown (window state saved, commands flushed to the outbox, link
closed).  A packaged (frozen) build restarts its own executable; a source install ``python -m console``.
"""

from __future__ import annotations

import logging
import sys
from typing import Callable

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)


def restart_command(profile: str) -> tuple[str, list[str]]:
    """(program, arguments) that start this console on ``profile``."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--profile", profile]
    return sys.executable, ["-m", "console", "--profile", profile]


def restart_with_profile(profile: str, parent: QWidget | None = None,
                         quit_app: Callable[[], None] | None = None) -> bool:
    """Start the new console, then quit this one; on failure say why and keep running."""
    program, args = restart_command(profile)
    ok, pid = QProcess.startDetached(program, args)
    if not ok:
        log.error("could not start %s %s", program, " ".join(args))
        if parent is not None:
            # one translation context whoever the parent is (parent.tr would look in the parent's class)
            QMessageBox.warning(parent, QCoreApplication.translate("QtRestart", "Restart"),
                                QCoreApplication.translate(
                                    "QtRestart", "Could not start a new console ({p}). This one keeps running; "
                                    "start it with --profile {n} yourself.").format(p=program, n=profile))
        return False
    log.info("restarting on profile %r (new process %s)", profile, pid)
    (quit_app or QApplication.quit)()
    return True
