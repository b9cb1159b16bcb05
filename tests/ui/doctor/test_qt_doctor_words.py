"""The Environment panel's words: the summary counts in proper English, and saving the diagnostic
bundle says where it went (or why it could not), in a line the operator sees without hovering."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from console.core.envcheck import Check, CheckResult
from console.ui.doctor.qt_doctor_panel import QtDoctorPanel


def _warnings(n: int):
    def check(ctx):
        return [CheckResult(f"W{i}", "warn", "so-so", "fine", "do this", group="Python") for i in range(n)] + [
            CheckResult("Fine", "ok", "fine", group="Python")]

    return check


def _panel(qtbot, warnings: int) -> QtDoctorPanel:
    p = QtDoctorPanel(checks=[Check("python", "Python", _warnings(warnings), 10)], autorun=False)
    qtbot.addWidget(p)
    with qtbot.waitSignal(p.finished, timeout=30_000):
        p.run()
    return p


def test_summary_says_one_warning_and_two_warnings(qtbot):
    one = _panel(qtbot, 1)
    assert "1 warning," in one.summary.text() and "warnings" not in one.summary.text()
    assert one.summary.text().startswith("0 failed, 1 warning, 1 ok, 0 skipped")
    two = _panel(qtbot, 2)
    assert two.summary.text().startswith("0 failed, 2 warnings, 1 ok, 0 skipped")


def test_saving_the_bundle_shows_where_it_went(qtbot, tmp_path, monkeypatch):
    panel = _panel(qtbot, 1)
    panel.show()
    assert not panel.bundle_status.isVisible()  # nothing saved yet: nothing to say
    dest = tmp_path / "diag" / "bundle.zip"
    # the file dialog is the one part replaced: it would wait for a person
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(dest), "")))
    with qtbot.waitSignal(panel.bundleSaved, timeout=30_000):
        qtbot.mouseClick(panel.bundle_button, Qt.MouseButton.LeftButton)
    assert panel.bundle_status.isVisible()
    assert panel.bundle_status.text() == f"Saved to {dest}"
    assert zipfile.ZipFile(dest).namelist()  # and it is there


def test_a_bundle_that_cannot_be_saved_says_why_in_the_same_place(qtbot, tmp_path):
    panel = _panel(qtbot, 0)
    panel.show()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with qtbot.waitSignal(panel.bundleFailed, timeout=30_000):
        panel.save_bundle(blocker / "sub" / "b.zip")
    assert panel.bundle_status.isVisible()
    assert panel.bundle_status.text().startswith("Could not save the bundle: ")


def test_a_bundle_before_any_run_says_run_the_checks_first(qtbot):
    panel = QtDoctorPanel(checks=[Check("python", "Python", _warnings(0), 10)], autorun=False)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.bundleFailed, timeout=5_000):
        panel.save_bundle(panel.default_bundle_path())
    assert panel.bundle_status.text() == "Could not save the bundle: Run the checks first."
