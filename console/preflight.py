"""Can the window open here?  Checked before the QApplication exists, so Qt's abort never happens.

Qt aborts the whole process when its platform plugin cannot load ("Could not load the Qt platform
plugin "xcb""), blaming libraries that are often installed.  Before Qt is created, this module
loads the xcb plugin itself (``dlopen``: the exact libraries Qt would need, in about a millisecond)
and connects to the X display's socket; when either fails, the console prints the doctor's
"Qt platform plugin" row with its fix (console.core.envcheck.display_platform) and exits 2.

Platforms other than xcb (offscreen, wayland, a non-Linux system) are not checked: Qt reports those
itself without aborting, or has no plugin of its own to miss.  An X server that refuses our
credentials is not caught here (Qt then says so).  The doctor's child-process probe would catch
everything, at ~0.3 s per start; this check costs ~15 ms, mostly loading the Qt libraries the
console loads next anyway.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import socket
import subprocess
import sys
from pathlib import Path


def xcb_plugin_path() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.is_file() else None


def uses_xcb(env: dict[str, str]) -> bool:
    """Would Qt pick the xcb plugin (first) in this environment?"""
    if not sys.platform.startswith("linux"):
        return False
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return requested.split(";")[0].split(":")[0] == "xcb"
    return not (env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland")


def plugin_error(plugin: Path) -> str:
    """'' when the plugin and every library it needs load; else what is missing."""
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
        return ""
    except OSError as exc:
        first = str(exc)
    try:  # the failure path only: every missing library, not only the first one dlopen met
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10).stdout
        missing = sorted(set(re.findall(r"^\s*(\S+) => not found", out, re.M)))
    except (OSError, subprocess.SubprocessError):
        missing = []
    return f"missing {', '.join(missing)}" if missing else first


def display_error(display: str) -> str:
    """'' when the X display named by DISPLAY accepts a connection; else why not."""
    if not display:
        return "no DISPLAY is set"
    m = re.fullmatch(r"(?:unix/)?([^:]*):(\d+)(?:\.\d+)?", display)
    if m is None:
        return ""  # a form we do not parse (launchd paths …): leave it to Qt
    host, number = m.group(1), int(m.group(2))
    try:
        if host in ("", "unix"):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(2)
                try:
                    s.connect(f"/tmp/.X11-unix/X{number}")
                except OSError:
                    s.connect(f"\0/tmp/.X11-unix/X{number}")  # Linux abstract socket
        else:
            socket.create_connection((host, 6000 + number), timeout=2).close()
    except OSError as exc:
        return f"could not connect to display {display} ({exc.strerror or exc})"
    return ""


def gui_blocker(env: dict[str, str] | None = None) -> str:
    """Qt's would-be complaint ('' when the window can open, as far as we can tell without Qt)."""
    env = dict(os.environ) if env is None else env
    if not uses_xcb(env):
        return ""
    plugin = xcb_plugin_path()
    if plugin is None:
        return ""  # no PySide6 wheel layout we know: the import itself will say
    why = plugin_error(plugin)
    if why:
        return f'qt.qpa.plugin: Could not load the Qt platform plugin "xcb": {why}'
    why = display_error(env.get("DISPLAY", ""))
    return f"qt.qpa.xcb: {why}" if why else ""


def explain(blocker: str, env: dict[str, str] | None = None) -> str:
    """The doctor's Qt row for ``blocker``, as ``autoglm-console doctor`` prints it."""
    env = dict(os.environ) if env is None else env
    try:
        from console.core.envcheck.display_platform import has_display, judge_platform

        row = judge_platform(env.get("QT_QPA_PLATFORM", ""), has_display(env), None, blocker, 1)
        name, value, expected, hint = row.name, row.value, row.expected, row.hint
    except Exception:  # noqa: BLE001 - a broken environment must still get the message
        name, value, expected, hint = "Qt platform plugin", blocker, "", "run `autoglm-console doctor`"
    lines = ["AutoGLM Console cannot open its window here:", f"  [FAIL] {name}: {value}"]
    if expected:
        lines.append(f"         expected: {expected}")
    lines.append(f"         fix: {hint}")
    if "Could not load" in blocker:
        lines.append("         (Debian/Ubuntu: `bash packaging/install-system-deps.sh` as root installs them; "
                     "`autoglm-console doctor` checks the rest)")
    return "\n".join(lines)
