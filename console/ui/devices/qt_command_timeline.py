"""The selected command's timeline, under the Commands view's table: each step (click or words →
model → validation → outbox → publish → PUBACK/PUBCOMP → accepted → done) with its time, its
duration and a bar on the command's own time axis.

Built from ``console.core.telemetry.timeline.timeline_for`` (the outbox's transitions plus the
pipeline's in-memory marks, when services wired a recorder).  GUI thread only: the Commands view
calls ``show_command`` on selection and ``refresh`` when the selected command changes state; a 1 s
timer also refreshes an open command (a publish mark may come after its row).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QHeaderView, QLabel, QStyledItemDelegate, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from console.core.commands.wording import state_label
from console.core.telemetry.context import TraceParent
from console.core.telemetry.timeline import Step, Timeline, timeline_for
from console.ui.qt_i18n import tr_msg

BAR_ROLE = Qt.ItemDataRole.UserRole + 1  # (start fraction, end fraction, colour)
FAILED = {"rejected", "failed", "timeout", "expired", "cancelled"}
COLOURS = {"model": "#8e44ad", "succeeded": "#1e8449", "origin": "#7f8c8d"}


def step_title(name: str) -> str:
    t = QCoreApplication.translate
    return {
        "origin": t("QtCommandTimeline", "origin"), "model": t("QtCommandTimeline", "model"),
        "validated": t("QtCommandTimeline", "validation"), "persisted": t("QtCommandTimeline", "outbox (on disk)"),
        "published": t("QtCommandTimeline", "publish"), "delivered": t("QtCommandTimeline", "broker ack"),
        "accepted": t("QtCommandTimeline", "accepted"), "succeeded": t("QtCommandTimeline", "done"),
        "rejected": t("QtCommandTimeline", "rejected"), "failed": t("QtCommandTimeline", "failed"),
        "timeout": t("QtCommandTimeline", "timed out"), "expired": t("QtCommandTimeline", "expired"),
        "cancelled": t("QtCommandTimeline", "cancelled"),
    }.get(name, name)


def format_ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.1f} ms" if ms < 100 else (f"{ms:.0f} ms" if ms < 10_000 else f"{seconds:.1f} s")


def step_detail(step: Step) -> str:
    t = QCoreApplication.translate
    a = step.attrs
    if step.name == "origin":
        return {"click": t("QtCommandTimeline", "click"), "words": t("QtCommandTimeline", "words"),
                "replay": t("QtCommandTimeline", "replay")}.get(step.detail, step.detail)
    if step.name == "model":
        parts = [t("QtCommandTimeline", "prompt {n} tokens").format(n=a.get("prompt_tokens", 0))]
        if a.get("ttft_s") is not None:
            parts.append(t("QtCommandTimeline", "TTFT {t}").format(t=format_ms(a["ttft_s"])))
        if a.get("decode_s") is not None:
            parts.append(t("QtCommandTimeline", "decode {t}, {n} tokens").format(t=format_ms(a["decode_s"]),
                                                                                 n=a.get("new_tokens", 0)))
        return " · ".join(parts)
    if step.name == "published" and "attempt" in a:
        return t("QtCommandTimeline", "attempt {n}").format(n=a["attempt"])
    return step.detail


class QtBarDelegate(QStyledItemDelegate):
    """Paints a step's bar at its place on the command's time axis."""

    def paint(self, painter: QPainter, option, index) -> None:
        super().paint(painter, option, index)
        bar = index.data(BAR_ROLE)
        if not bar:
            return
        x0, x1, colour = bar
        r = option.rect.adjusted(4, 5, -4, -5)
        left = r.left() + x0 * r.width()
        width = max(2.0, (x1 - x0) * r.width())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(QRectF(left, r.top(), min(width, r.right() - left + 1), r.height()), 2, 2)
        painter.restore()


class QtCommandTimeline(QWidget):
    COLUMNS = ("step", "at", "duration", "bar", "detail")

    def __init__(self, pipeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pipeline = pipeline
        self.command_id: str | None = None
        self.timeline: Timeline | None = None
        self.header = QLabel()
        self.header.setObjectName("timelineHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("timelineTable")
        self.table.setHorizontalHeaderLabels([self.tr("Step"), self.tr("At"), self.tr("Took"), "", self.tr("Detail")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setItemDelegateForColumn(self.COLUMNS.index("bar"), QtBarDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in (("step", 110), ("at", 70), ("duration", 70), ("bar", 110)):
            self.table.setColumnWidth(self.COLUMNS.index(col), width)
        header.setSectionResizeMode(self.COLUMNS.index("bar"), QHeaderView.ResizeMode.Fixed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.header)
        lay.addWidget(self.table, 1)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh)
        self.show_command(None)

    def show_command(self, command_id: str | None, *, other: bool = False) -> None:
        """Show ``command_id``'s timeline (None: nothing selected; ``other``: another console's command)."""
        self.command_id = None if other else command_id
        if other:
            self._clear(self.tr("Another console's command: its timeline is in that console."))
            return
        self.refresh()

    def refresh(self) -> None:
        if self.command_id is None:
            self._clear(self.tr("Select a command to see its timeline."))
            return
        tl = timeline_for(self.pipeline, self.command_id)
        if tl is None:
            self._clear(self.tr("This command is not in this console's outbox."))
            return
        self.timeline = tl
        self._fill(tl)
        if tl.state.terminal:
            self._tick.stop()
        elif not self._tick.isActive():
            self._tick.start()

    def stop(self) -> None:
        """No more refreshes (the console is closing and the outbox with it)."""
        self.command_id = None
        self._tick.stop()

    def _clear(self, text: str) -> None:
        self.timeline = None
        self._tick.stop()
        self.header.setText(text)
        self.table.setRowCount(0)

    def _fill(self, tl: Timeline) -> None:
        tp = TraceParent.parse(tl.trace)
        head = self.tr("{device}: {state}, {total} from first to last step").format(
            device=tl.device_id, state=tr_msg(state_label(tl.state)), total=format_ms(tl.total_s))
        if tp is not None:
            head += " · " + self.tr("trace {id}").format(id=tp.trace_id)
        self.header.setText(head)
        self.header.setToolTip(tl.command_id)
        t0 = tl.steps[0].start if tl.steps else 0.0
        span = max(tl.total_s, 1e-6)
        self.table.setRowCount(len(tl.steps))
        for i, step in enumerate(tl.steps):
            colour = "#c0392b" if step.name in FAILED else COLOURS.get(step.name, "#2e86c1")
            cells = (step_title(step.name), "+" + format_ms(step.end - t0), format_ms(step.duration_s), "",
                     step_detail(step))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
            bar = self.table.item(i, self.COLUMNS.index("bar"))
            bar.setData(BAR_ROLE, ((step.start - t0) / span, (step.end - t0) / span, colour))
            self.table.item(i, 0).setForeground(QColor(colour))
