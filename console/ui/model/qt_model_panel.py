"""The Model area: choose and load a model (or a remote server), see whether it fits, send prompts,
watch the answer stream in, and watch memory and latency live.

Everything slow runs on the model worker (``QtModelWorker``: one ``model-worker`` thread that owns
the engine); this panel only sends it jobs and shows what comes back.  The parts are their own
widgets: ``QtModelOptions`` (what to load), ``QtModelChat`` (prompt and streamed answers),
``QtModelGraphs`` (memory and latency, redrawn on a timer from ring buffers: never per token).
torch is never imported here, and the graphs (pyqtgraph) are built after the panel is first
painted, so the console starts fast.  The window talks to the panel through its public methods
(``load_options``, ``remote_choice``, ``telemetry_snapshot``, ``shutdown``, settings, ``workerCreated``:
the worker, for the shell to hand its ``choose`` to the assistant), never its parts.
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.core.inference import fit, memory
from console.core.inference.bundled_model import bundled_model_path
from console.core.inference.jobs import WorkerState
from console.core.inference.types import ChatMessage, EngineError, GenParams, RequestMetrics

from console.ui.model.qt_model_chat import QtModelChat
from console.ui.model.qt_model_options import QtModelOptions, parse_max_memory
from console.ui.model.qt_model_worker import QtModelWorker
from console.ui.model.qt_remote_words import remote_text
from console.ui.qt_i18n import tr_msg

if TYPE_CHECKING:
    from console.core.inference.loader import LoadOptions
    from console.core.inference.telemetry import Telemetry

log = logging.getLogger(__name__)

__all__ = ["QtModelPanel", "parse_max_memory"]

# loading stages → (start, span) of the progress bar, so the bar only moves forward
STAGE_SPAN = {"estimate": (0.0, 0.0), "tokenizer": (0.05, 0.0), "convert": (0.1, 0.75),
              "save cache": (0.85, 0.1), "weights": (0.1, 0.7), "quantize": (0.8, 0.1), "warm up": (0.9, 0.07),
              "scorer": (0.97, 0.03), "ready": (1.0, 0.0)}


class QtModelPanel(QWidget):
    SETTINGS_VERSION = 1
    workerCreated = Signal(object)  # the QtModelWorker, once, when first needed (the shell wires others to it)

    def __init__(self, parent: QWidget | None = None, *, telemetry: Telemetry | None = None,
                 default_source: str | None = None, telemetry_hz: float = 4.0) -> None:
        super().__init__(parent)
        self._telemetry = telemetry
        self._telemetry_hz = telemetry_hz
        self.graphs = None
        self.worker: QtModelWorker | None = None
        self.state = WorkerState.IDLE
        self._sent_id: int | None = None
        self.engine_info: dict = {}
        self.last_estimate: dict = {}
        self._waiting = 0

        root = QHBoxLayout(self)
        # left: the model controls scroll (so the panel never forces a minimum window height); the
        # prompt box below them does not, so its last request's line stays in view at 1024x700
        column = QWidget()
        column.setMinimumWidth(460)  # the fit verdict's first line stays one line
        column.setMaximumWidth(540)
        column_box = QVBoxLayout(column)
        column_box.setContentsMargins(0, 0, 0, 0)
        column_box.setSpacing(2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        left = QVBoxLayout(holder)
        left.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(holder)
        column_box.addWidget(scroll, 1)  # grows up to what the controls need (its maximum), see below
        self._scroll, self._holder, self._column_box = scroll, holder, column_box
        holder.installEventFilter(self)  # its height changes with the fit text: refit the column
        root.addWidget(column, 0)
        self.graph_box = QVBoxLayout()
        root.addLayout(self.graph_box, 1)

        box = QGroupBox(self.tr("Model"))
        form = QVBoxLayout(box)
        self.options = QtModelOptions(default_source or str(bundled_model_path()))
        form.addWidget(self.options)
        self.fit_label = QLabel(self.tr("Fit estimate: not computed yet"))
        self.fit_label.setObjectName("fitEstimate")
        self.fit_label.setWordWrap(True)
        # the verdict (fits / tight / does not fit, or why no estimate) sits with the Load button below;
        # what it is made of (weights, KV cache, activations) stays with the options it depends on
        self.fit_detail = QLabel()
        self.fit_detail.setObjectName("fitDetail")
        self.fit_detail.setWordWrap(True)
        form.addWidget(self.fit_detail)
        buttons = QHBoxLayout()
        self.load_button = QPushButton(self.tr("Load"))
        self.unload_button = QPushButton(self.tr("Unload"))
        self.unload_button.setEnabled(False)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.unload_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("idle"))
        self.status = QLabel(self.tr("No model loaded."))
        self.status.setObjectName("modelStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(box)
        left.addStretch(1)
        # Load/Unload, the progress bar and the status stay in view below the scrolling options: at
        # 1024x700 the scroll area cut the Load button in half (the options scroll, the actions never)
        self._actions = QWidget()
        actions = QVBoxLayout(self._actions)
        actions.setContentsMargins(4, 0, 4, 0)
        actions.setSpacing(2)
        # the fit verdict sits with the Load button it is about: inside the scrolling options it was cut
        # off at 1024x700 (docs/screenshots/model-1024x700-en.png, session 6)
        actions.addWidget(self.fit_label)
        actions.addLayout(buttons)
        actions.addWidget(self.progress)
        actions.addWidget(self.status)
        column_box.addWidget(self._actions, 0)
        self._actions.installEventFilter(self)  # a longer status takes more lines: refit
        self.chat = QtModelChat()
        column_box.addWidget(self.chat, 0)
        self.chat.installEventFilter(self)  # a longer request line takes more lines: refit too

        self.estimate_timer = QTimer(self)
        self.estimate_timer.setSingleShot(True)
        self.estimate_timer.setInterval(400)
        self.estimate_timer.timeout.connect(self.request_estimate)
        self.options.changed.connect(self._options_changed)
        self.options.backendChanged.connect(self._backend_changed)
        self.load_button.clicked.connect(self.load)
        self.unload_button.clicked.connect(self.unload)
        self.chat.sendRequested.connect(self.generate)
        self.chat.cancelRequested.connect(self.cancel)

    @property
    def last_metrics(self) -> RequestMetrics | None:
        return self.chat.last_metrics

    # -- the worker and telemetry (started on first use) ---------------------------------------
    @property
    def telemetry(self) -> Telemetry:
        if self._telemetry is None:
            from console.core.inference.telemetry import Telemetry

            self._telemetry = Telemetry(hz=self._telemetry_hz)
        return self._telemetry

    def _ensure_graphs(self) -> None:
        if self.graphs is None:
            from console.ui.model.qt_model_graphs import QtModelGraphs

            self.graphs = QtModelGraphs(self.telemetry, self)
            self.graph_box.addWidget(self.graphs)

    def _ensure_worker(self) -> QtModelWorker:
        if self.worker is None:
            w = QtModelWorker(self.telemetry, self)
            w.stateChanged.connect(self._on_state)
            w.loadProgress.connect(self._on_progress)
            w.estimateReady.connect(self._on_estimate)
            w.modelLoaded.connect(self._on_loaded)
            w.modelUnloaded.connect(self._on_unloaded)
            w.textReceived.connect(self.chat.add_text)
            w.requestStarted.connect(self.chat.started)
            w.requestFinished.connect(self.chat.finished)
            w.errorOccurred.connect(self._on_error)
            w.queueChanged.connect(self._on_queue)
            self.worker = w
            self.workerCreated.emit(w)
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.shutdown)
        if not self.telemetry.running:
            self.telemetry.start()
        self.worker.start()
        return self.worker

    def shutdown(self) -> None:
        """Cancel and unload, and stop the worker and sampler threads (call before the app exits)."""
        self.estimate_timer.stop()
        self.chat.stop()
        if self.graphs is not None:
            self.graphs.timer.stop()
        if self.worker is not None:
            self.worker.stop()
        if self._telemetry is not None:
            self._telemetry.close()

    # -- what the window and the doctor ask -----------------------------------------------------
    def load_options(self) -> LoadOptions:
        """The local model the operator chose (ValueError with a readable message for bad fields)."""
        return self.options.load_options()

    def remote_choice(self) -> tuple[str, str, str | None] | None:
        """(url, model, key) when the remote backend is chosen, else None."""
        return self.options.remote_choice()

    def telemetry_snapshot(self, last_s: float = 300.0) -> dict:
        """The last minutes of memory samples and request metrics, for the doctor's bundle."""
        tel = self.telemetry
        if not tel.running:
            tel.sample_once()
        snap = tel.snapshot(last_s)
        snap["model"] = dict(self.engine_info)
        snap["state"] = self.state
        return snap

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_left_column()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LayoutRequest and watched in (self._holder, getattr(self, "chat", None),
                                                                     getattr(self, "_actions", None)):
            QTimer.singleShot(0, self, self._fit_left_column)  # not after the panel is gone
        return super().eventFilter(watched, event)

    def _fit_left_column(self) -> None:
        """Give the model controls every pixel of height the prompt box can spare: both stay whole
        where the window is tall enough, and only the controls scroll where it is not.  That height is
        the controls' maximum, never their minimum: a minimum taken from the panel's present height
        kept a window once maximised from shrinking back (at 1024x700 the status bar went off screen)."""
        holder, width = self._holder, self._scroll.viewport().width()
        wanted = holder.heightForWidth(width) if holder.hasHeightForWidth() else -1
        wanted = max(wanted, holder.sizeHint().height()) + 4  # wrapped labels are taller than the hint
        chat, box = self.chat, self.chat.layout()
        chat_min = chat.minimumSizeHint().height()
        if box.hasHeightForWidth():  # the request line wraps: its lines count
            margins = chat.contentsMargins()
            chat_min = max(chat_min, box.minimumHeightForWidth(box.contentsRect().width()) + margins.top()
                           + margins.bottom())
        actions = self._actions
        actions_h = actions.heightForWidth(actions.width() or width) if actions.hasHeightForWidth() else -1
        actions_h = max(actions_h, actions.sizeHint().height()) + self._column_box.spacing()
        root = self.layout().contentsMargins()
        height = self.height()
        window, screen = self.window(), self.screen()
        if screen is not None and window is not self:
            # never more than the screen holds: a minimum taken from a window still taller than its
            # screen (the first show) became the window's own minimum, and under X it outgrew 1024x700
            height = min(height, screen.availableGeometry().height() - (window.height() - self.height()))
        # one more line: under X the prompt box's title is taller than its minimum size hint says
        spare = height - chat_min - actions_h - 2 - root.top() - root.bottom() - 2 * self.fontMetrics().height()
        target = max(80, min(wanted, spare))
        self._scroll.setMinimumHeight(80)
        self._scroll.setMaximumHeight(target)
        # the prompt box (it expands: its output grows) takes what is left, not a share of the controls'
        self.chat.setMaximumHeight(max(chat_min, self.height() - target - actions_h - root.top() - root.bottom()
                                       - self._column_box.spacing()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self, self._ensure_graphs)  # after the first paint: pyqtgraph is not start-up work
        if not self.last_estimate and not self.options.is_remote():
            self.estimate_timer.start()

    # -- actions -------------------------------------------------------------------------------
    def _options_changed(self) -> None:
        self.last_estimate = {}
        if not self.options.is_remote():
            self.estimate_timer.start()

    def _backend_changed(self, remote: bool) -> None:
        self.load_button.setText(self.tr("Connect") if remote else self.tr("Load"))
        if remote:
            self.fit_label.setText(self.tr("Remote server: its own GPU memory applies, nothing is loaded here."))
            self.fit_detail.clear()
        else:
            self._options_changed()

    def request_estimate(self) -> None:
        if self.options.is_remote():
            return
        try:
            opts = self.options.load_options()
        except ValueError as exc:
            self._show_fit_error(str(exc), self.tr("write sizes like 0=20GiB, cpu=30GiB"))
            return
        if opts.source:
            self.fit_label.setText(self.tr("Fit estimate: computing…"))
            self.fit_detail.clear()
            self._ensure_worker().estimate(opts)

    def load(self) -> None:
        if self.options.is_remote():
            self._connect_remote()
            return
        try:
            opts = self.options.load_options()
        except ValueError as exc:
            self._set_status_error(str(exc), self.tr("write sizes like 0=20GiB, cpu=30GiB"))
            return
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("starting…"))
        self._ensure_worker().load(opts)

    def _connect_remote(self) -> None:
        url, model, key = self.options.remote()
        if not url:
            self._set_status_error(self.tr("no server URL"), self.tr("type the URL of a vLLM/SGLang/llama.cpp server"))
            return

        def factory():
            from console.core.inference.remote import RemoteEngine  # imported on the worker thread

            engine = RemoteEngine(url, model, api_key=key, timeout_s=120)
            health = engine.health()
            if not health.ok:
                engine.close()
                raise EngineError(health.message, health.hint)
            return engine

        self.progress.setRange(0, 0)  # busy
        self._ensure_worker().connect_engine(factory, {"source": url, "model": model or "(first listed)"})

    def unload(self) -> None:
        if self.worker is not None:
            self.worker.unload()

    def send(self) -> int | None:
        """Send the chat's prompt, as its Send button does: the request id, or None for an empty prompt."""
        self._sent_id = None
        self.chat.request_send()  # → sendRequested → generate(), a direct connection: it runs now
        return self._sent_id

    def generate(self, messages: list[ChatMessage], max_new: int) -> int:
        params = GenParams(max_new_tokens=max_new, max_input_tokens=self.options.max_input_tokens())
        rid = self._ensure_worker().generate(messages, params)
        self.chat.sent(rid, messages)
        self._sent_id = rid
        return rid

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel(None)

    # -- worker reports ------------------------------------------------------------------------
    def _on_state(self, state: WorkerState, info: dict) -> None:
        self.state = state
        self.load_button.setEnabled(not state.changing_engine)
        self.unload_button.setEnabled(state.has_engine)
        self.chat.set_busy(state.has_engine, state.busy or self._waiting > 0)
        if state is WorkerState.LOADING:
            self.status.setText(self.tr("Loading {source}…").format(source=info.get("source", "")))
        elif state is WorkerState.IDLE and not self.engine_info:
            self.progress.setRange(0, 1000)

    def _on_queue(self, waiting: int) -> None:
        self._waiting = waiting
        self.chat.set_queue(waiting)
        self.chat.set_can_cancel(self.state.busy or waiting > 0)

    def _on_progress(self, stage: str, fraction: float) -> None:
        names = {
            "estimate": self.tr("checking memory"),
            "tokenizer": self.tr("tokenizer"),
            "convert": self.tr("converting GGUF (once)"),
            "save cache": self.tr("saving converted weights"),
            "weights": self.tr("loading weights"),
            "quantize": self.tr("quantizing weights"),
            "warm up": self.tr("compiling kernels"),
            "scorer": self.tr("preparing the assistant's scorer"),
            "ready": self.tr("ready"),
        }
        self.progress.setRange(0, 1000)
        start, span = STAGE_SPAN.get(stage, (0.0, 0.0))
        value = int((start + span * fraction) * 1000)
        self.progress.setValue(0 if stage == "estimate" else max(self.progress.value(), value))
        self.progress.setFormat(f"{names.get(stage, stage)} %p%")

    def _on_estimate(self, info: dict) -> None:
        self.last_estimate = info
        if "error" in info:
            self._show_fit_error(info["error"], info.get("hint", ""))
            return
        colour = "#c0392b" if not info["fits"] else ("#b9770e" if info["tight"] else "#1e8449")
        cached = self.tr(" (converted copy cached: fast load)") if info.get("gguf_cached") else ""
        verdict = tr_msg(info["verdict"], like=(fit.NO_FIT, fit.TIGHT_FIT, fit.FITS))
        self.fit_label.setText(f"<b style='color:{colour}'>{html.escape(verdict)}</b>")
        self.fit_detail.setText(html.escape(tr_msg(info["estimate"], like=memory.ESTIMATE_TEMPLATES)) + cached)

    def _show_fit_error(self, message: str, hint: str) -> None:
        # what went wrong and what to do, both in view beside Load
        self.fit_label.setText(f"<span style='color:#c0392b'>{html.escape(message)}</span><br>{html.escape(hint)}")
        self.fit_detail.clear()

    def _on_loaded(self, info: dict) -> None:
        self.engine_info = info
        self.progress.setRange(0, 1000)
        self.progress.setValue(1000)
        self.progress.setFormat(self.tr("loaded"))
        if info.get("backend") == "local":
            text = self.tr("Loaded {model} ({kind}, {dtype} on {device}) in {s:.1f} s{cache}.").format(
                model=info.get("model_type", "?"), kind=info.get("kind"), dtype=info.get("dtype"),
                device=info.get("device"), s=info.get("load_s", 0.0),
                cache=self.tr(", from the GGUF cache") if info.get("from_cache") else "")
            if info.get("warnings"):
                text += " " + self.tr("Warning: {w}").format(w="; ".join(info["warnings"]))
        else:
            text = self.tr("Connected to {url} ({model}).").format(url=info.get("source"), model=info.get("model"))
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _on_unloaded(self, info: dict) -> None:
        self.engine_info = {}
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("idle"))
        self.status.setStyleSheet("color: #b9770e" if info.get("returned") is False else "")
        self.status.setText(info.get("message", self.tr("unloaded")))

    def _on_error(self, rid: int, message: str, hint: str) -> None:
        self.progress.setRange(0, 1000)
        cancelled = message == "loading cancelled"
        message, hint = remote_text(message), remote_text(hint)  # the remote engine's words, translated
        if rid != 0:
            self.chat.failed(rid, message, hint)
            return
        if cancelled:
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("cancelled"))
        self._set_status_error(message, hint)

    def _set_status_error(self, message: str, hint: str) -> None:
        self.status.setStyleSheet("color: #c0392b")
        self.status.setText(f"{message}\n{hint}" if hint else message)

    # -- settings ------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.beginGroup("modelPanel")
        settings.setValue("version", self.SETTINGS_VERSION)
        self.options.save_state(settings)
        self.chat.save_state(settings)
        settings.endGroup()

    def restore_state(self, settings: QSettings) -> None:
        settings.beginGroup("modelPanel")
        try:
            if int(settings.value("version", 0) or 0) == self.SETTINGS_VERSION:  # else keep the defaults
                self.options.restore_state(settings)
                self.chat.restore_state(settings)
        finally:
            settings.endGroup()
