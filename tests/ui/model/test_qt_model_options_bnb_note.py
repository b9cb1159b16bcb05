"""The Model panel's options: choosing bitsandbytes (8-bit / 4-bit NF4) shows a note naming our int8 /
int4 fast-path option; other choices hide it."""

from __future__ import annotations

from console.ui.model.qt_model_options import QtModelOptions


def _choose(opts: QtModelOptions, data: str) -> None:
    opts.quant.setCurrentIndex(opts.quant.findData(data))


def test_bitsandbytes_choice_shows_the_fast_path_note(qtbot):
    opts = QtModelOptions("some/model")
    qtbot.addWidget(opts)
    opts.show()
    assert opts.bnb_note.isHidden()
    _choose(opts, "8bit")
    assert opts.bnb_note.isVisible() and "int8 (fast decode)" in opts.bnb_note.text()
    assert "slow path" in opts.bnb_note.text()
    _choose(opts, "4bit")
    assert opts.bnb_note.isVisible() and "int4 (fast decode)" in opts.bnb_note.text()
    for data in ("int4", "int8", "none"):
        _choose(opts, data)
        assert opts.bnb_note.isHidden(), data
