"""The Environment area (issue 5 fills it: the doctor's checks with fix hints)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class QtDoctorPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Environment checks: run `autoglm-console doctor`.")))
