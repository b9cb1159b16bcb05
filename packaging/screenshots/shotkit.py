"""What every screenshot script shares: a throw-away home, the console on the demo fleet, waits, grabs.

    from shotkit import isolate, start_console, wait, settle, grab_window, grab_screen

``isolate()`` (call it before anything from PySide6 or ``console`` is imported) points the settings
(XDG_CONFIG_HOME), the outbox/alerts databases (AUTOGLM_DATA_DIR) and the logs (AUTOGLM_LOG_DIR) at a
fresh temporary folder, so a shot shows the default layout and an empty command history, never the
user's; the model cache stays the user's (the bundled GGUF and its converted cache are reused).
``start_console(size)`` builds the QApplication (translators from the locale: LANG / LANGUAGE), the
demo services and the ConsoleApp with the console's own confirmation dialogs, shows the window at
SIZE and waits until the fleet is in and the link is connected.  ``wait`` / ``settle`` run the Qt
event loop until a condition holds (a TimeoutError names what did not happen).  ``grab_window`` saves
the window's own pixels; ``grab_screen`` saves what the X server shows over the window's rectangle,
dialogs included (a modal QMessageBox is a separate top-level window, not in ``window.grab()``).
GUI thread only; the scripts run it under Xvfb (xcb plugin) as an operator's desktop would.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SCREEN = "-screen 0 1700x1100x24"  # xvfb-run's server: larger than the largest shot
SIZES = ("1024x700", "1600x1000")
LANGS = ("en", "zh")
LOCALE_ENV = {"en": {"LANG": "en_US.UTF-8", "LANGUAGE": "en_US", "LC_ALL": ""},
              "zh": {"LANG": "zh_CN.UTF-8", "LANGUAGE": "zh_CN", "LC_ALL": ""}}


def parse_size(size: str) -> tuple[int, int]:
    w, h = (int(v) for v in size.lower().split("x"))
    return w, h


def isolate() -> Path:
    """A fresh settings/data/log home for this run (the model cache stays where it is); returns it."""
    from console.core.paths import model_cache_dir  # Qt-free; resolves the user's cache before the override

    models = model_cache_dir()
    home = Path(tempfile.mkdtemp(prefix="autoglm-shot-"))
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["AUTOGLM_DATA_DIR"] = str(home / "data")
    os.environ["AUTOGLM_LOG_DIR"] = str(home / "log")
    os.environ["AUTOGLM_MODEL_DIR"] = str(models)
    return home


def wait(pred, what: str, timeout: float) -> None:
    """Run the event loop until ``pred()`` is true; TimeoutError naming ``what`` after ``timeout`` s."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    tick = QTimer()
    tick.setInterval(50)
    tick.timeout.connect(lambda: (pred() or time.monotonic() > deadline) and loop.quit())
    tick.start()
    loop.exec()
    tick.stop()
    if not pred():
        raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


def settle(seconds: float) -> None:
    """Let the event loop run ``seconds`` (repaints, timers, a frame of the fleet model)."""
    end = time.monotonic() + seconds
    wait(lambda: time.monotonic() >= end, "a pause", seconds + 30)


def start_console(size: str, *, confirm=None):
    """(app, services, console): the console on the demo fleet, window at ``size``, fleet in, link up.
    ``confirm`` None keeps the console's own dialogs (a high-risk command really asks)."""
    from console.core.services import build_services
    from console.ui.shell.qt_app import ConsoleApp, make_application

    app = make_application([sys.argv[0]])
    svc = build_services(broker_url=None, demo=True)
    console = ConsoleApp(svc, confirm=confirm)
    console.start()
    resize(console.window, size)
    wait(lambda: console.devices.model.rowCount() >= 14 and console.link_status.state == "connected",
         "the demo fleet", 90)
    return app, svc, console


def resize(window, size: str) -> None:
    """The window at ``size`` (no window manager under Xvfb: placed at the screen's corner)."""
    w, h = parse_size(size)
    window.move(0, 0)
    window.resize(w, h)
    settle(0.6)  # layouts, column fitting (debounced), a repaint


def _save(pixmap, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if pixmap.isNull() or not pixmap.save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(f"saved {path}", flush=True)
    return path


def grab_window(widget, path: Path) -> Path:
    """``widget``'s own pixels (no dialogs)."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    return _save(widget.grab(), path)


def grab_screen(widget, path: Path) -> Path:
    """What the screen shows over ``widget``'s window rectangle: the window and any dialog above it."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    win = widget.window()
    geo = win.frameGeometry()
    screen = win.screen() or QApplication.primaryScreen()
    return _save(screen.grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height()), path)
