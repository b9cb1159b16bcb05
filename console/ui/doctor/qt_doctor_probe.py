"""Qt platform plugin and OpenGL probe, run as a child process by the doctor.

``python -m console.ui.doctor.qt_doctor_probe`` starts a QGuiApplication on the platform the environment
selects, tries an OpenGL context on an offscreen surface, and prints one JSON object.  A missing
platform plugin makes Qt abort the process: running it apart keeps the doctor (and the console)
alive and lets the parent read Qt's message from stderr.
"""

from __future__ import annotations

import json
import os
import sys

GL_VENDOR, GL_RENDERER, GL_VERSION = 0x1F00, 0x1F01, 0x1F02


def _plugins() -> list[str]:
    from PySide6.QtCore import QLibraryInfo

    folder = os.path.join(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath), "platforms")
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    out = []
    for n in sorted(names):
        base = n.split(".")[0]
        out.append(base.removeprefix("libq").removeprefix("q"))
    return out


def probe() -> dict:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out: dict = {
        "platform": QGuiApplication.platformName(),
        "qt": qVersion(),
        "pyside": pyside_version,
        "plugins": _plugins(),
        "opengl": None,
        "opengl_error": "",
    }
    ctx = QOpenGLContext()
    if not ctx.create():
        out["opengl_error"] = "QOpenGLContext.create() failed"
    else:
        surface = QOffscreenSurface()
        surface.setFormat(ctx.format())
        surface.create()
        if not ctx.makeCurrent(surface):
            out["opengl_error"] = "makeCurrent() on an offscreen surface failed"
        else:
            f = ctx.functions()
            fmt = ctx.format()
            out["opengl"] = {
                "vendor": f.glGetString(GL_VENDOR),
                "renderer": f.glGetString(GL_RENDERER),
                "version": f.glGetString(GL_VERSION),
                "profile": f"{fmt.majorVersion()}.{fmt.minorVersion()}",
                "gles": ctx.isOpenGLES(),
            }
            ctx.doneCurrent()
        surface.destroy()
    del app
    return out


def main() -> int:
    print(json.dumps(probe()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
