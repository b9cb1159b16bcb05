"""Qt platform plugin and OpenGL, checked in a child process (console.ui.doctor.qt_doctor_probe).

Qt aborts a process whose platform plugin cannot load, so the probe runs apart; this module stays
Qt-free and only reads the child's JSON (or its dying words on stderr).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from console.core.envcheck.result import FAIL, OK, SKIP, WARN, CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP, Msg

PROBE_MODULE = "console.ui.doctor.qt_doctor_probe"
GROUP = "Qt"

XCB_HINT = QT_TRANSLATE_NOOP("Doctor", "Install the X11 libraries Qt's xcb plugin needs (Debian: apt-get install "
                             "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0 "
                             "libegl1), check that DISPLAY points at a running X server, or run headless with "
                             "QT_QPA_PLATFORM=offscreen.")


def has_display(env: dict[str, str]) -> bool:
    if sys.platform != "linux":
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def run_probe(env: dict[str, str], timeout: float) -> tuple[dict | None, str, int | None]:
    """(probe JSON or None, stderr tail, return code or None on timeout)."""
    # a frozen (PyInstaller) build has no "-m": its own command line runs the probe (cli: qt-probe)
    cmd = [sys.executable, "qt-probe"] if getattr(sys, "frozen", False) else [sys.executable, "-m", PROBE_MODULE]
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, QT_TRANSLATE_NOOP("Doctor", "no answer within {s} s").format(s=f"{timeout:g}"), None
    out = None
    for line in reversed(proc.stdout.strip().splitlines()):
        try:
            out = json.loads(line)
            break
        except json.JSONDecodeError:
            continue
    return out, proc.stderr.strip()[-1500:], proc.returncode


def judge_platform(requested: str, display: bool, probe: dict | None, stderr: str, rc: int | None
                   ) -> CheckResult:
    name = QT_TRANSLATE_NOOP("Doctor", "Qt platform plugin")
    expected = QT_TRANSLATE_NOOP("Doctor", "a platform plugin that loads (xcb/wayland with a display, offscreen "
                                 "headless)")
    shown = requested or (QT_TRANSLATE_NOOP("Doctor", "default") if display else
                          QT_TRANSLATE_NOOP("Doctor", "default, no display"))
    if probe is None:
        if rc is None:
            return CheckResult(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "{platform}: {error}").format(
                platform=shown, error=stderr), expected,
                               QT_TRANSLATE_NOOP("Doctor", "Starting Qt hangs: check the display connection "
                                                 "(DISPLAY, xhost) or use QT_QPA_PLATFORM=offscreen."), group=GROUP)
        last = [ln for ln in stderr.splitlines() if ln.strip()]
        why = next((ln for ln in last if "Could not load" in ln or "could not connect" in ln), last[-1] if last else
                   QT_TRANSLATE_NOOP("Doctor", "exit code {rc}").format(rc=rc))
        hint = XCB_HINT if ("xcb" in stderr or not requested) else (
            QT_TRANSLATE_NOOP("Doctor", "Qt cannot use platform '{requested}': unset QT_QPA_PLATFORM or pick one "
                              "it lists in the message.").format(requested=requested))
        if "No module named" in stderr:
            hint = QT_TRANSLATE_NOOP("Doctor", "PySide6 is not importable: pip install "
                                     "'PySide6-Essentials>=6.8,<6.12'.")
        return CheckResult(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "{platform}: {error}").format(
            platform=shown, error=why.strip() if not isinstance(why, Msg) else why), expected, hint, group=GROUP,
                           details={"stderr": stderr, "returncode": rc})
    value = f"{probe['platform']} (Qt {probe['qt']}, PySide6 {probe['pyside']})"
    details = {"plugins": probe.get("plugins", [])}
    if not display and not requested:
        return CheckResult(name, WARN, QT_TRANSLATE_NOOP("Doctor", "no display; the offscreen plugin works: "
                                                         "{value}").format(value=value), expected,
                           QT_TRANSLATE_NOOP("Doctor", "No DISPLAY/WAYLAND_DISPLAY: the window cannot open here. "
                                             "Run the console on a desktop session (or under Xvfb); headless runs "
                                             "need QT_QPA_PLATFORM=offscreen."),
                           group=GROUP, details=details)
    return CheckResult(name, OK, value, expected, group=GROUP, details=details)


def judge_opengl(probe: dict | None) -> CheckResult:
    name = QT_TRANSLATE_NOOP("Doctor", "OpenGL (graphs)")
    expected = QT_TRANSLATE_NOOP("Doctor", "an OpenGL context (faster graphs)")
    if probe is None:
        return CheckResult(name, SKIP, QT_TRANSLATE_NOOP("Doctor", "not tried: Qt did not start"), expected,
                           group=GROUP)
    gl = probe.get("opengl")
    if gl:
        return CheckResult(name, OK, f"{gl.get('version')} ({gl.get('renderer')}, {gl.get('vendor')})", expected,
                           group=GROUP, details=gl)
    platform = probe.get("platform", "")
    hint = (QT_TRANSLATE_NOOP("Doctor", "The graphs draw without OpenGL (pyqtgraph's raster painting: fine, slower "
                              "with many points). For OpenGL install the Mesa/GPU driver libraries (Debian: apt-get "
                              "install libgl1 libegl1 libgl1-mesa-dri); the offscreen platform often has none, a "
                              "desktop session does.") if platform == "offscreen" else
            QT_TRANSLATE_NOOP("Doctor", "The graphs draw without OpenGL (pyqtgraph's raster painting: fine, slower "
                              "with many points). For OpenGL install the Mesa/GPU driver libraries (Debian: apt-get "
                              "install libgl1 libegl1 libgl1-mesa-dri)."))
    return CheckResult(name, WARN, QT_TRANSLATE_NOOP("Doctor", "not available on '{platform}': {error}").format(
        platform=platform, error=probe.get("opengl_error", "")), expected, hint, group=GROUP)


def check_qt(ctx, timeout: float = 25.0) -> list[CheckResult]:
    env = dict(os.environ)
    requested = env.get("QT_QPA_PLATFORM", "")
    display = has_display(env)
    if not requested and not display:
        env["QT_QPA_PLATFORM"] = "offscreen"  # no display: check that Qt itself loads
    probe, stderr, rc = run_probe(env, timeout)
    return [judge_platform(requested, display, probe, stderr, rc), judge_opengl(probe)]
