"""The device panel: controls generated from a device's capabilities, one click = one command.

bool → a checkable switch button; int/float → slider + spin box (min/max/unit; the command goes
when the slider is released or the spin box edit is finished); enum → combo box; read-only
capabilities → labels.  Commands go through a ``QtCommandSender``: the pipeline decides whether one
needs confirming (high risk), the sender asks through ``confirm`` (a QMessageBox by default,
injectable for tests).  Incoming state updates move the controls without sending.

Any meta the protocol accepts builds (issue 13): bounds are finite within ±2**53, so an int
capability whose range does not fit Qt's 32-bit spin box and slider gets a whole-number double spin
box and a proportional slider; a value the device reports that is not a finite number of the
capability's range (the registry refuses those, but a view never trusts) is shown as text, never
raised on.

Input (issue 14): a number typed outside the range is refused visibly, never truncated nor sent:
the spin boxes accept out-of-range digits as "intermediate" (Qt would swallow the keystroke, so
150 became 15), and the control shows a red border and "150 is above the maximum 100" until the
next valid edit.  Keyboard, wheel and page steps on a slider (or the spin box's arrows) coalesce
into one command, ``COALESCE_MS`` after the last step; releasing a dragged slider sends at once.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.core.assistant.aliases import Aliases, default_aliases
from console.core.commands.pipeline import CommandPipeline
from console.core.commands.outbox import CommandRow
from console.core.commands.wording import cap_label, state_label, value_words
from console.core.protocol import Capability, CommandState, DeviceMeta
from console.core.fleet.registry import DeviceRecord

from console.ui.devices.qt_command_sender import ConfirmFn, QtCommandSender, ask_confirmation, ui_lang
from console.ui.devices.qt_commands_model import STATE_COLOURS, format_params
from console.ui.devices.qt_fleet_model import display_names
from console.ui.qt_i18n import tr_msg
from console.ui.devices.qt_fleet_model import format_value

__all__ = ["ConfirmFn", "QtCapabilityControl", "QtDeviceControls", "ask_confirmation"]
FLOAT_STEPS = 1000  # slider resolution for float capabilities (and ints too wide for a QSlider)
QT_INT_MAX = 2**31 - 1  # QSpinBox / QSlider range limit
COALESCE_MS = 400  # slider steps closer together than this become one command
REFUSED_STYLE = "border: 2px solid #c0392b"


class _LenientMixin:
    """A spin box that lets an out-of-range number be typed (as Intermediate), so it can be refused
    visibly instead of Qt silently dropping the keystroke; ``typed_number`` reads the text."""

    def validate(self, text: str, pos: int):  # noqa: D401 - Qt's signature
        res = super().validate(text, pos)  # type: ignore[misc]
        state = res[0] if isinstance(res, (tuple, list)) else res
        if state == QValidator.State.Invalid and self.typed_number(text) is not None:
            return QValidator.State.Intermediate, text, pos
        return res

    def typed_number(self, text: str) -> float | None:
        core = text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()  # type: ignore[attr-defined]
        core = core.replace(self.locale().groupSeparator(), "")  # type: ignore[attr-defined]
        value, ok = self.locale().toDouble(core)  # type: ignore[attr-defined]
        return value if ok and math.isfinite(value) else None


class _SpinBox(_LenientMixin, QSpinBox):
    pass


class _DoubleSpinBox(_LenientMixin, QDoubleSpinBox):
    pass


class QtCapabilityControl(QWidget):
    """One capability's control; ``commit`` is called with the new value on a user action only."""

    def __init__(self, cap: Capability, commit: Callable[[str, Any], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cap = cap
        self._commit = commit
        self._updating = False
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.switch = self.slider = self.spin = self.combo = self.label = None
        if not cap.writable:
            self.label = QLabel("–")
            self.label.setObjectName(f"value_{cap.name}")
            lay.addWidget(self.label, 1)
        elif cap.type == "bool":
            self.switch = QPushButton(self.tr("Off"))
            self.switch.setCheckable(True)
            self.switch.setObjectName(f"switch_{cap.name}")
            self.switch.setMinimumWidth(80)
            self.switch.clicked.connect(lambda checked: self._send(bool(checked)))
            lay.addWidget(self.switch)
            lay.addStretch(1)
        elif cap.type == "enum":
            self.combo = QComboBox()
            self.combo.setObjectName(f"combo_{cap.name}")
            self.combo.addItems([value_words(cap, v, ui_lang()) for v in cap.values])
            self.combo.activated.connect(lambda i: self._send(cap.values[i]))
            lay.addWidget(self.combo, 1)
        else:
            self._build_number(lay)

    def _build_number(self, lay: QHBoxLayout) -> None:
        cap = self.cap
        lo = cap.min if cap.min is not None else (0 if cap.type == "int" else 0.0)
        hi = cap.max if cap.max is not None else (100 if cap.type == "int" else 100.0)
        if cap.min is not None and cap.max is None and lo > hi:
            hi = lo  # only a min, above the default max
        if cap.max is not None and cap.min is None and lo > hi:
            lo = hi
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"slider_{cap.name}")
        suffix = f" {cap.unit}" if cap.unit else ""
        self._int_slider = cap.type == "int" and -QT_INT_MAX <= lo and hi <= QT_INT_MAX
        if self._int_slider:
            self.spin = _SpinBox()
            self.spin.setRange(int(lo), int(hi))
            self.slider.setRange(int(lo), int(hi))
            if cap.step is not None and 1 <= cap.step <= QT_INT_MAX:
                self.spin.setSingleStep(int(cap.step))
        else:
            self.spin = _DoubleSpinBox()
            self.spin.setDecimals(0 if cap.type == "int" else 1)
            self.spin.setSingleStep(float(cap.step) if cap.step is not None else (1.0 if cap.type == "int" else 0.5))
            self.spin.setRange(float(lo), float(hi))
            self.slider.setRange(0, FLOAT_STEPS)
        self.spin.setObjectName(f"spin_{cap.name}")
        self.spin.setSuffix(suffix)
        self.spin.setKeyboardTracking(False)
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.refusal = QLabel()
        self.refusal.setObjectName(f"refusal_{cap.name}")
        self.refusal.setStyleSheet("color: #c0392b")
        self.refusal.hide()
        self._typed: str | None = None  # the text as typed, before Qt reverts an unacceptable one
        self._pending = QTimer(self)  # slider steps wait here: one command after the last
        self._pending.setSingleShot(True)
        self._pending.setInterval(COALESCE_MS)
        self._pending.timeout.connect(lambda: self._send(self.spin.value()))
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.sliderReleased.connect(self._send_now)
        self.spin.lineEdit().textEdited.connect(self._text_edited)
        self.spin.editingFinished.connect(self._edit_finished)
        self.spin.valueChanged.connect(self._spin_changed)
        lay.addWidget(self.slider, 2)
        lay.addWidget(self.spin, 1)
        lay.addWidget(self.refusal)

    def _send_now(self) -> None:
        self._pending.stop()
        self._send(self.spin.value())

    def _range_error(self, text: str) -> str:
        """"" when ``text`` is in range (or not a number yet), else the sentence that refuses it."""
        value = self.spin.typed_number(text)
        if value is None:
            return ""
        shown = self.spin.textFromValue(value) if self._int_slider or value == int(value) else f"{value:g}"
        if value > self.spin.maximum():
            return self.tr("{value} is above the maximum {max}").format(
                value=shown, max=self.spin.textFromValue(self.spin.maximum()))
        if value < self.spin.minimum():
            return self.tr("{value} is below the minimum {min}").format(
                value=shown, min=self.spin.textFromValue(self.spin.minimum()))
        return ""

    def _text_edited(self, text: str) -> None:
        self._typed = text
        value = self.spin.typed_number(text)
        # above the maximum is refused as it is typed; below the minimum may still grow into range
        self._show_refusal(self._range_error(text) if value is not None and value > self.spin.maximum() else "")

    def _edit_finished(self) -> None:
        typed, self._typed = self._typed, None
        error = self._range_error(typed) if typed is not None else ""
        if error:
            self._show_refusal(error)  # Qt has put the old value back; nothing is sent
            return
        self._show_refusal("")
        self._send(self.spin.value())

    def _show_refusal(self, message: str) -> None:
        self.refusal.setText(message)
        self.refusal.setVisible(bool(message))
        self.spin.setStyleSheet(REFUSED_STYLE if message else "")
        self.spin.setToolTip(message)

    def _to_slider(self, value: float) -> int:
        lo, hi = self.spin.minimum(), self.spin.maximum()
        value = min(max(value, lo), hi)  # a value outside the range sits at its end
        if self._int_slider:
            return int(value)
        return int(round((value - lo) / (hi - lo) * FLOAT_STEPS)) if hi > lo else 0

    def _from_slider(self, pos: int) -> float:
        if self._int_slider:
            return pos
        lo, hi = self.spin.minimum(), self.spin.maximum()
        return round(lo + (hi - lo) * pos / FLOAT_STEPS, 1)

    def _slider_moved(self, pos: int) -> None:
        if self._updating:
            return
        self._updating = True
        self.spin.setValue(self._from_slider(pos))
        self._updating = False
        if not self.slider.isSliderDown():
            self._pending.start()  # keyboard / wheel / page steps: one command once they pause

    def _spin_changed(self, value: float) -> None:
        if self._updating:
            return
        self._updating = True
        self.slider.setValue(self._to_slider(value))
        self._updating = False
        if not self.spin.hasFocus():
            self._pending.start()  # arrow clicks or wheel steps: one command once they pause

    def _send(self, value: Any) -> None:
        if self._updating:
            return
        if self.cap.type == "int":
            value = int(value)
        elif self.cap.type == "float":
            value = float(value)
        if value == self._last_sent_or_shown:
            return
        self._last_sent_or_shown = value
        self._commit(self.cap.name, value)

    _last_sent_or_shown: Any = None

    def show_value(self, value: Any) -> None:
        """A state update from the device: move the control without sending anything."""
        self._updating = True
        try:
            if self.label is not None:
                self.label.setText(format_value(value, self.cap.unit))
            elif self.switch is not None and isinstance(value, bool):
                self.switch.setChecked(value)
                self.switch.setText(self.tr("On") if value else self.tr("Off"))
            elif self.combo is not None and value in self.cap.values:
                self.combo.setCurrentIndex(self.cap.values.index(value))
            elif self.spin is not None and _finite(value):
                if self.slider.isSliderDown() or self.spin.hasFocus() or self._pending.isActive():
                    return  # the operator is using it: do not yank it away
                self.spin.setValue(float(value) if not self._int_slider else int(min(max(value, -QT_INT_MAX), QT_INT_MAX)))
                self.slider.setValue(self._to_slider(value))
            elif self.spin is not None:
                self.spin.setToolTip(self.tr("The device reported {v}").format(v=format_value(value, self.cap.unit)))
                return  # not a number this control can show: the last good one stays
            self._last_sent_or_shown = value
        finally:
            self._updating = False


def _finite(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) if isinstance(value, float) else abs(value) <= 2**63


class QtDeviceControls(QWidget):
    """The selected device: header, generated controls, and the state of its latest command."""

    def __init__(self, pipeline: CommandPipeline | None, confirm: ConfirmFn | None = None,
                 record_lookup: Callable[[str], DeviceRecord | None] | None = None,
                 parent: QWidget | None = None, sender: QtCommandSender | None = None) -> None:
        super().__init__(parent)
        self.pipeline = pipeline
        self.record_lookup = record_lookup
        self.confirm = confirm or ask_confirmation
        if sender is None and pipeline is not None:
            sender = QtCommandSender(pipeline, self.confirm, self)
        self.command_sender = sender
        self.meta: DeviceMeta | None = None
        self._aliases: Aliases | None = None  # the fleet's Chinese names, read on first use in zh
        self.controls: dict[str, QtCapabilityControl] = {}
        self.last_command: CommandRow | None = None
        self.title = QLabel(self.tr("Select a device in the table"))
        self.title.setObjectName("deviceTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 14px")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.status = QLabel()
        self.status.setObjectName("commandStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addWidget(self.form_host)
        lay.addWidget(self.status)
        lay.addStretch(1)

    def set_device(self, meta: DeviceMeta | None, record: DeviceRecord | None = None) -> None:
        if meta is not None and self.meta is not None and meta == self.meta:
            if record is not None:
                self.update_record(record)
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self.controls.clear()
        self.meta = meta
        self.last_command = None
        self.status.clear()
        if meta is None:
            self.title.setText(self.tr("Select a device in the table"))
            self.subtitle.clear()
            return
        lang = ui_lang()
        if lang == "zh" and self._aliases is None:
            self._aliases = default_aliases()
        name, zone, kind = display_names(meta, self._aliases or Aliases(), lang)  # zh: the fleet's Chinese names
        self.title.setText(f"{name}  ({meta.id})")
        risk = self.tr("high risk: commands ask for confirmation") if meta.risk == "high" else self.tr("low risk")
        self.subtitle.setText(self.tr("{kind} in {zone} · {risk}").format(kind=kind, zone=zone, risk=risk))
        self.subtitle.setStyleSheet("color: #c0392b" if meta.risk == "high" else "")
        for name, cap in meta.capabilities.items():
            ctl = QtCapabilityControl(cap, self._commit)
            ctl.setEnabled(self.pipeline is not None or not cap.writable)
            self.controls[name] = ctl
            shown = cap_label(name, ui_lang())  # the words the confirmations use ("brightness", "亮度")
            label = f"{shown} ({cap.unit})" if cap.unit else shown
            if meta.cap_risk(name) == "high":
                label += " ⚠"
            self.form.addRow(label, ctl)
        if record is not None:
            self.update_record(record)

    def update_record(self, record: DeviceRecord) -> None:
        if self.meta is None or record.id != self.meta.id:
            return
        for name, value in record.values.items():
            ctl = self.controls.get(name)
            if ctl is not None:
                ctl.show_value(value)

    def _commit(self, name: str, value: Any) -> None:
        if self.meta is None or self.pipeline is None:
            return
        self.send(self.meta.id, {name: value})

    def send(self, device_id: str, params: dict[str, Any]) -> CommandRow | None:
        """Through the sender (it asks when the pipeline says so); a refusal is shown, never raised."""
        assert self.command_sender is not None
        result = self.command_sender.send(device_id, params, origin="operator", parent_widget=self)
        if result.row is None:
            if result.declined:
                self._show_status(self.tr("Not sent: confirmation declined"), "#7f8c8d")
            else:
                self._show_status(self.tr("Not sent: {e}").format(e=result.error), "#c0392b")
            self._resync(device_id)
            return None
        self.show_command(result.row)
        return result.row

    def _resync(self, device_id: str) -> None:
        """Put the controls back to what the device last reported (a command did not happen)."""
        rec = self.record_lookup(device_id) if self.record_lookup is not None else None
        if rec is not None:
            self.update_record(rec)

    def show_command(self, row: CommandRow) -> None:
        if self.meta is None or row.device_id != self.meta.id:
            return
        if self.last_command is not None and row.id != self.last_command.id and row.seq < self.last_command.seq:
            return
        self.last_command = row
        text = self.tr("{cmd}: {state}").format(cmd=format_params(row), state=tr_msg(state_label(row.state)))
        if row.error and row.state.terminal:
            text += f" — {row.error}"
        self._show_status(text, STATE_COLOURS.get(row.state, "#000000"))
        if row.state.terminal and row.state is not CommandState.SUCCEEDED:
            self._resync(row.device_id)

    def _show_status(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold")
