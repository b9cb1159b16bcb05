"""Render the app icon's SVG to the PNG sizes of the hicolor theme (Qt's SVG renderer, offscreen).

    python packaging/linux/render_icons.py ICON.svg OUT_DIR 16 32 48 64 128 256
writes OUT_DIR/<N>x<N>/apps/<name>.png for each size."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    svg, out, sizes = Path(argv[0]), Path(argv[1]), [int(s) for s in argv[2:]]
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QSvgRenderer/QPainter need one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"render_icons: {svg} is not a valid SVG", file=sys.stderr)
        return 2
    for n in sizes:
        img = QImage(n, n, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        dest = out / f"{n}x{n}" / "apps" / f"{svg.stem}.png"
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not img.save(str(dest), "PNG"):
            print(f"render_icons: cannot write {dest}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
