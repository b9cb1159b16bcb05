"""Everything that imports Qt (PySide6, pyqtgraph): qt_*.py modules with Qt* classes, one subpackage per view."""
