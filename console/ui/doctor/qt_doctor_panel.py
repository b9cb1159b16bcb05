"""The Environment area: the doctor's checks with status icons, values and fix hints.

The checks run off the GUI thread (QtDoctorRunner); rows appear as each check answers.  "Run again"
repeats them, "Copy report" puts the Markdown report on the clipboard, "Save diagnostic bundle"
writes a zip (report, recent logs, telemetry) with secrets redacted and says where it went (or why it
could not) in a line under the buttons.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core import paths
from console.core.envcheck import (
    Check,
    CheckResult,
    DoctorContext,
    build_report,
    default_checks,
    redact,
    to_markdown,
)
from console.core.envcheck.result import SEVERITY, summarize, worst
from console.core.i18n import Msg
from console.core.mqtt.link import BrokerConfig

from console.ui.doctor.qt_doctor_runner import QtDoctorRunner
from console.ui.qt_i18n import tr_msg

GROUPS = ("Python", "Packages", "CUDA", "Quantization", "Model", "Model server", "Broker", "Disk", "Qt")
COL_CHECK, COL_STATUS, COL_VALUE, COL_EXPECTED, COL_FIX = range(5)
RESULT_ROLE = Qt.ItemDataRole.UserRole + 1
_FALLBACK = {
    "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
    "warn": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "fail": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "skip": QStyle.StandardPixmap.SP_DialogCancelButton,
    "running": QStyle.StandardPixmap.SP_BrowserReload,
}


def doctor_text(text: str) -> str:
    """A doctor row's text in the UI's language: a core Msg (console/core/i18n.py) by its id, a plain
    string by its English text in the "Doctor" context (rows from the check child process, group and
    check names); anything unknown stays as it is (measured values, paths, versions)."""
    if not text:
        return text
    if isinstance(text, Msg):
        return tr_msg(text)
    return QCoreApplication.translate("Doctor", text)


class QtDoctorPanel(QWidget):
    SETTINGS_VERSION = 1
    runStarted = Signal()
    finished = Signal(object)  # the report dict
    bundleSaved = Signal(str)
    bundleFailed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        broker_cfg: BrokerConfig | None = None,
        model: str | None = None,
        dtype: str = "bf16",
        quantization: str = "none",
        telemetry_provider: Callable[[], Any] | None = None,
        model_options_provider: Callable[[], Any] | None = None,
        remote_provider: Callable[[], tuple[str, str, str | None] | None] | None = None,
        checks: list[Check] | None = None,
        autorun: bool = True,
    ) -> None:
        super().__init__(parent)
        self.broker_cfg = broker_cfg
        self.model = model
        self.dtype = dtype
        self.quantization = quantization
        self.telemetry_provider = telemetry_provider
        # the Model panel's current choice (an object with source/dtype/quantization/kv_tokens, such as
        # LoadOptions), read on each run so the doctor checks what the operator is about to load
        self.model_options_provider = model_options_provider
        # the Model panel's remote server, (url, model, api key) or None when it runs a local model; read on
        # each run like the options above.  The key is used for the request and redacted from everything shown
        self.remote_provider = remote_provider
        self.remote_url: str | None = None
        self.remote_model: str | None = None
        self._remote_key: str | None = None
        self.context_tokens = 4096
        self._checks = checks
        self._autorun = autorun
        self._shown_once = False
        self.results: list[CheckResult] = []
        self.report: dict | None = None
        self.runs = 0
        self._active_run: int | None = None
        self._group_items: dict[str, QTreeWidgetItem] = {}
        self._icons = {s: self._load_icon(s) for s in _FALLBACK}
        self._bundle_dir = ""
        self._remote_key_used: str | None = None  # the API key of the last run's server: redacted from output

        self.runner = QtDoctorRunner(self)
        self.runner.resultReady.connect(self._add_result)
        self.runner.finished.connect(self._on_finished)
        self.runner.bundleSaved.connect(self._on_bundle_saved)
        self.runner.bundleFailed.connect(self._on_bundle_failed)

        self.summary = QLabel(self.tr("Checks have not run yet."))
        self.summary.setObjectName("doctorSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.run_button = QPushButton(self.tr("Run again"))
        self.run_button.setObjectName("doctorRun")
        self.run_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setObjectName("doctorCopy")
        self.bundle_button = QPushButton(self.tr("Save diagnostic bundle…"))
        self.bundle_button.setObjectName("doctorBundle")
        self.bundle_button.setToolTip(self.tr(
            "A zip with the report (JSON and Markdown), the latest log files and recent telemetry; "
            "passwords and tokens are replaced by ***."))
        for b in (self.copy_button, self.bundle_button):
            b.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        self.copy_button.clicked.connect(self.copy_report)
        self.bundle_button.clicked.connect(self._ask_and_save_bundle)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.copy_button)
        top.addWidget(self.bundle_button)
        # where the last bundle went (or why it could not be saved); empty until one is saved
        self.bundle_status = QLabel()
        self.bundle_status.setObjectName("doctorBundleStatus")
        self.bundle_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bundle_status.setWordWrap(True)
        self.bundle_status.hide()

        self.tree = QTreeWidget()
        self.tree.setObjectName("doctorTree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Status"), self.tr("Value"), self.tr("Expected"),
                                   self.tr("How to fix")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(COL_CHECK, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(COL_VALUE, 360)
        header.resizeSection(COL_EXPECTED, 200)
        self.tree.currentItemChanged.connect(self._show_details)

        self.details = QPlainTextEdit()
        self.details.setObjectName("doctorDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select a check to see its value and how to fix it."))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        # the fix of a CUDA or broker row runs to four lines at 1024 px: room for it without scrolling
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 8)
        self.splitter = split

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.bundle_status)
        layout.addWidget(split, 1)
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- configuration --------------------------------------------------------------------------
    def set_broker(self, cfg: BrokerConfig | None) -> None:
        self.broker_cfg = cfg

    def set_model(self, model: str | None, dtype: str | None = None, quantization: str | None = None) -> None:
        self.model = model
        if dtype:
            self.dtype = dtype
        if quantization:
            self.quantization = quantization

    def set_remote(self, url: str | None, model: str | None = None, api_key: str | None = None) -> None:
        """The model server to check when there is no ``remote_provider`` (None: none)."""
        self.remote_url, self.remote_model, self._remote_key = url or None, model or None, api_key or None

    def _remote(self) -> tuple[str | None, str | None, str | None]:
        if self.remote_provider is None:
            return self.remote_url, self.remote_model, self._remote_key
        try:
            choice = self.remote_provider()
        except Exception:  # noqa: BLE001 - a half-built form: nothing to check rather than no doctor
            choice = None
        if not choice:
            return None, None, None
        url, model, key = choice
        return (url or "").strip() or None, (model or "").strip() or None, key or None

    def context(self) -> DoctorContext:
        model, dtype, quant, ctx_tokens = self.model, self.dtype, self.quantization, self.context_tokens
        if self.model_options_provider is not None:
            try:
                opts = self.model_options_provider()
            except Exception:  # noqa: BLE001 - half-filled widgets: check the last known choice
                opts = None
            if opts is not None:
                model = (getattr(opts, "source", "") or "").strip() or model
                dtype = getattr(opts, "dtype", None) or dtype
                quant = getattr(opts, "quantization", None) or quant
                ctx_tokens = getattr(opts, "kv_tokens", None) or ctx_tokens
        remote_url, remote_model, remote_key = self._remote()
        return DoctorContext(broker=self.broker_cfg, model=model, dtype=dtype, quantization=quant,
                             context_tokens=ctx_tokens, remote_url=remote_url, remote_model=remote_model,
                             remote_api_key=remote_key)

    def _secrets(self) -> list[str]:
        out = [self.broker_cfg.password] if self.broker_cfg and self.broker_cfg.password else []
        return out + [self._remote_key_used] if self._remote_key_used else out

    # -- running --------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            top = self.window()
            if top is not self:
                top.installEventFilter(self)  # the window closing stops a run (and kills its child)
            if self._autorun:
                QTimer.singleShot(0, self._autorun_if_visible)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close and watched is self.window():
            self.shutdown()
        return super().eventFilter(watched, event)

    def _autorun_if_visible(self) -> None:
        if self.isVisible() and self.report is None and not self.runner.running:
            self.run()

    def run(self) -> None:
        """Start all checks (nothing happens while a run is in progress)."""
        ctx = self.context()
        checks = self._checks if self._checks is not None else default_checks(ctx)
        if not self.runner.start(ctx, checks):
            return
        self._remote_key_used = ctx.remote_api_key
        self._active_run = self.runner.run_id
        self.runs += 1
        self.results = []
        self.tree.clear()
        self._group_items = {}
        groups = list(dict.fromkeys(g for c in checks for g in c.all_groups))
        for g in groups:
            item = self._group_item(g)
            item.setIcon(COL_CHECK, self._icons["running"])
            item.setText(COL_STATUS, self.tr("running…"))
        self.run_button.setEnabled(False)
        self.run_button.setText(self.tr("Running…"))
        self.summary.setText(self.tr("Checking the environment…"))
        self.runStarted.emit()

    def _group_item(self, group: str) -> QTreeWidgetItem:
        item = self._group_items.get(group)
        if item is None:
            item = QTreeWidgetItem([doctor_text(group)])
            font = item.font(COL_CHECK)
            font.setBold(True)
            item.setFont(COL_CHECK, font)
            item.setFirstColumnSpanned(False)
            order = GROUPS.index(group) if group in GROUPS else len(GROUPS)
            pos = sum(1 for g in self._group_items if (GROUPS.index(g) if g in GROUPS else len(GROUPS)) <= order)
            self.tree.insertTopLevelItem(pos, item)
            item.setExpanded(True)
            self._group_items[group] = item
        return item

    def _status_text(self, status: str) -> str:
        return {"ok": self.tr("ok"), "warn": self.tr("warning"), "fail": self.tr("failed"),
                "skip": self.tr("skipped")}.get(status, status)

    def _add_result(self, run_id: int, r: CheckResult) -> None:
        if run_id != self._active_run:
            return  # a late row of a run that was stopped
        self.results.append(r)
        group = self._group_item(r.group or "Other")
        # the table and its tooltips are shown too: redacted like the details pane and the report
        secrets = self._secrets()
        value, expected, hint = (redact(doctor_text(s), secrets) if s else s for s in (r.value, r.expected, r.hint))
        child = QTreeWidgetItem([doctor_text(r.name), self._status_text(r.status), value, expected,
                                 hint if r.status != "ok" else ""])
        child.setIcon(COL_CHECK, self._icons[r.status])
        child.setData(COL_CHECK, RESULT_ROLE, r)
        for col, text in ((COL_VALUE, value), (COL_EXPECTED, expected), (COL_FIX, hint)):
            if text:
                child.setToolTip(col, text)
        group.addChild(child)
        rows = [group.child(i).data(COL_CHECK, RESULT_ROLE) for i in range(group.childCount())]
        w = worst(rows)
        group.setIcon(COL_CHECK, self._icons[w])
        group.setText(COL_STATUS, self._status_text(w))
        counts = summarize(rows)
        group.setText(COL_VALUE, ", ".join(f"{n} {self._status_text(s)}" for s, n in counts.items() if n))

    def _on_finished(self, run_id: int, results: list[CheckResult]) -> None:
        if run_id != self._active_run:
            return
        self.report = build_report(results)
        s = summarize(results)
        # two whole sentences rather than tr's %n: right in English without a translation file
        text = (self.tr("{fail} failed, 1 warning, {ok} ok, {skip} skipped — checked at {t}") if s["warn"] == 1 else
                self.tr("{fail} failed, {warn} warnings, {ok} ok, {skip} skipped — checked at {t}"))
        self.summary.setText(text.format(fail=s["fail"], warn=s["warn"], ok=s["ok"], skip=s["skip"],
                                         t=datetime.now().strftime("%H:%M:%S")))
        self.summary.setStyleSheet("color: #c0392b; font-weight: bold" if s["fail"] else (
            "color: #b9770e; font-weight: bold" if s["warn"] else "color: #1e8449; font-weight: bold"))
        # worst groups first would reorder under the operator's eyes: keep the fixed order, expand problems
        for g, item in self._group_items.items():
            rows = [item.child(i).data(COL_CHECK, RESULT_ROLE) for i in range(item.childCount())]
            item.setExpanded(bool(rows) and SEVERITY[worst(rows)] <= SEVERITY["warn"] or g in ("CUDA", "Model"))
            if not rows:
                item.setIcon(COL_CHECK, self._icons["skip"])
                item.setText(COL_STATUS, self._status_text("skip"))
        self._select_first_problem()
        self.run_button.setEnabled(True)
        self.run_button.setText(self.tr("Run again"))
        self.copy_button.setEnabled(True)
        self.bundle_button.setEnabled(True)
        self.finished.emit(self.report)

    def _select_first_problem(self) -> None:
        """Nothing selected yet: select the first failed (else warning) row, so that the pane below says
        its fix in full (the fix column is the narrowest at 1024 px)."""
        if self.tree.currentItem() is not None:
            return
        for wanted in ("fail", "warn"):
            for g in self._group_items.values():
                for i in range(g.childCount()):
                    r = g.child(i).data(COL_CHECK, RESULT_ROLE)
                    if r is not None and r.status == wanted:
                        self.tree.setCurrentItem(g.child(i))
                        return

    def _show_details(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        r = current.data(COL_CHECK, RESULT_ROLE) if current is not None else None
        if r is None:
            self.details.clear()
            return
        lines = [f"{doctor_text(r.name)} — {self._status_text(r.status)}", "",
                 self.tr("Value: {v}").format(v=doctor_text(r.value))]
        if r.expected:
            lines.append(self.tr("Expected: {e}").format(e=doctor_text(r.expected)))
        if r.hint:
            lines += ["", self.tr("How to fix: {h}").format(h=doctor_text(r.hint))]
        self.details.setPlainText(redact("\n".join(lines), self._secrets()))

    # -- report and bundle ----------------------------------------------------------------------
    def copy_report(self) -> None:
        if self.report is None:
            return
        QGuiApplication.clipboard().setText(redact(to_markdown(self.report), self._secrets()))
        self.summary.setToolTip(self.tr("Report copied to the clipboard (Markdown)."))

    def default_bundle_path(self) -> Path:
        folder = Path(self._bundle_dir) if self._bundle_dir else Path.home()
        return folder / f"autoglm-diagnostics-{datetime.now():%Y%m%d-%H%M%S}.zip"

    def _ask_and_save_bundle(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save diagnostic bundle"), str(self.default_bundle_path()),
                                              self.tr("Zip archives (*.zip)"))
        if path:
            self.save_bundle(Path(path))

    def save_bundle(self, dest: Path) -> None:
        """Write the bundle in the background; bundleSaved(path) or bundleFailed(message) follows."""
        if self.report is None:
            self._on_bundle_failed(self.tr("Run the checks first."))
            return
        telemetry = None
        if self.telemetry_provider is not None:
            try:
                telemetry = self.telemetry_provider()  # a snapshot, taken here on the GUI thread
            except Exception as exc:  # noqa: BLE001 - the bundle goes out without it, and says why
                telemetry = {"error": f"telemetry unavailable: {type(exc).__name__}: {exc}"}
        self._bundle_dir = str(Path(dest).parent)
        self.bundle_button.setEnabled(False)
        try:
            log_dir = paths.user_log_dir()
        except OSError:
            log_dir = None
        self.runner.save_bundle(Path(dest), self.report, log_dir, telemetry, self._secrets())

    def _on_bundle_saved(self, path: str) -> None:
        self.bundle_button.setEnabled(True)
        self.summary.setToolTip(self.tr("Diagnostic bundle saved to {p}").format(p=path))
        self._show_bundle_status(self.tr("Saved to {p}").format(p=path), "#1e8449")
        self.bundleSaved.emit(path)

    def _on_bundle_failed(self, message: str) -> None:
        self.bundle_button.setEnabled(True)
        self.summary.setToolTip(self.tr("Could not save the bundle: {m}").format(m=message))
        self._show_bundle_status(self.tr("Could not save the bundle: {m}").format(m=message), "#c0392b")
        self.bundleFailed.emit(message)

    def _show_bundle_status(self, text: str, colour: str) -> None:
        self.bundle_status.setText(text)
        self.bundle_status.setStyleSheet(f"color: {colour}")
        self.bundle_status.show()

    # -- lifecycle and settings -----------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop a run in progress (the child process is killed) and wait for its threads."""
        was_running = self.runner.running
        self._active_run = None  # rows still queued from this run are dropped
        self.runner.stop()
        if was_running:
            self.run_button.setEnabled(True)
            self.run_button.setText(self.tr("Run again"))
            self.summary.setText(self.tr("Checks stopped."))

    def _load_icon(self, status: str) -> QIcon:
        icon = QIcon(str(paths.resource_path("icons", f"status-{status}.svg")))
        if icon.isNull() or icon.pixmap(16, 16).isNull():
            icon = self.style().standardIcon(_FALLBACK[status])
        return icon

    def save_state(self, settings: QSettings) -> None:
        settings.beginGroup("doctorPanel")
        settings.setValue("version", self.SETTINGS_VERSION)
        settings.setValue("header", self.tree.header().saveState())
        settings.setValue("splitter", self.splitter.saveState())
        settings.setValue("bundleDir", self._bundle_dir)
        settings.endGroup()

    def restore_state(self, settings: QSettings) -> None:
        settings.beginGroup("doctorPanel")
        try:
            if int(settings.value("version", 0) or 0) == self.SETTINGS_VERSION:
                for key, target in (("header", self.tree.header()), ("splitter", self.splitter)):
                    state = settings.value(key)
                    if state is not None:
                        target.restoreState(state)
                self._bundle_dir = str(settings.value("bundleDir", "") or "")
        finally:
            settings.endGroup()
