"""The assistant's preview table fits its panel at 1024×700 (issue 14): no sideways scrolling, the
before → after column gets the room it needs, and every cell's tooltip holds its full text."""

from __future__ import annotations

from console.core.assistant.proposal import ProposedCommand
from console.core.commands.wording import CommandWording, word_change
from console.core.fleet.catalog import load_fleet
from console.ui.assistant.qt_preview_table import QtPreviewTable
from console.ui.shell.qt_app import make_application

FLEET = load_fleet().by_id()


def _words(dev: str, new: dict, current: dict) -> CommandWording:
    meta = FLEET[dev]
    return CommandWording(dev, meta.name, tuple(word_change(meta.capabilities[k], v, current) for k, v in new.items()))


def _commands():
    lamp = ProposedCommand("lamp-office-1", "Office ceiling lamp", {"power": True, "level": 60}, False,
                           "Office ceiling lamp: on, brightness 60 %", "on, brightness 60 %")
    conveyor = ProposedCommand("conveyor-a", "Line A conveyor", {"running": True, "speed": 60}, True,
                               "Line A conveyor: start, speed 60 rpm", "start, speed 60 rpm", picked_by_model=True)
    words = {"lamp-office-1": _words("lamp-office-1", {"power": True, "level": 60}, {"power": True, "level": 60}),
             "conveyor-a": _words("conveyor-a", {"running": True, "speed": 60}, {"running": False, "speed": 0})}
    return [lamp, conveyor], lambda cmd: words[cmd.device_id]


def test_the_preview_fits_a_1024_pixel_window_without_scrolling_sideways(qtbot):
    make_application()
    table = QtPreviewTable()
    qtbot.addWidget(table)
    table.resize(370, 300)  # the Assistant tab's table in a 1024×700 window
    table.show()
    qtbot.waitExposed(table)
    commands, words_for = _commands()
    table.show_commands(commands, words_for)
    table.set_result(1, "sent (QUEUED)", table.palette().text().color())
    header = table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(table.columnCount()))
    assert used <= table.viewport().width(), (used, table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0
    ba = table.COLUMNS.index("before_after")
    assert header.sectionSize(ba) >= 0.3 * table.viewport().width()  # the column the operator reads most
    # what does not fit on one line wraps: the row is taller than one line of text
    assert table.rowHeight(1) > table.fontMetrics().height() * 1.5
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            item = table.item(row, col)
            if item.text():
                assert item.text().split(" (")[0] in item.toolTip() or item.toolTip().endswith(item.text()), (
                    row, col, item.text(), item.toolTip())
    assert table.item(1, 0).toolTip() == "Line A conveyor (model's pick) (conveyor-a)"
    assert table.item(1, ba).toolTip() == "Line A conveyor: running off → on, speed 0 → 60 rpm"


def test_a_wide_window_gives_the_fixed_columns_their_whole_text(qtbot):
    make_application()
    table = QtPreviewTable()
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
    commands, words_for = _commands()
    table.show_commands(commands, words_for)
    header = table.horizontalHeader()
    for name in ("device", "change"):
        col = table.COLUMNS.index(name)
        assert header.sectionSize(col) >= table.sizeHintForColumn(col), name
    assert table.horizontalScrollBar().maximum() == 0
