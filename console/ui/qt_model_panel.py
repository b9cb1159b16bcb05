"""The Model area: choose and load a model (or a remote server), see whether it fits, send prompts,
watch the answer stream in, and watch memory and latency live.

Everything slow runs on the model worker (``QtModelWorker``: one ``model-worker`` thread that owns
the engine); this panel only sends it jobs and shows what comes back.  Streamed text is buffered
and flushed into the output box on a short timer, the graphs redraw from ring buffers on their own
timer: nothing redraws per token.  torch is never imported here, and the graphs (pyqtgraph) are
built the first time the panel is shown, so the console starts fast.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.bundled_model import bundled_model_path
from console.core.inference.fit import parse_size
from console.core.inference.loader import LoadOptions
from console.core.inference.types import ChatMessage, EngineError, GenParams, RequestMetrics

from .qt_model_worker import QtModelWorker

log = logging.getLogger(__name__)


def parse_max_memory(text: str) -> dict[str, str] | None:
    """'0=20GiB, cpu=30GiB' → {"0": "20GiB", "cpu": "30GiB"}; a bare '20GiB' means GPU 0 (or the CPU)."""
    text = text.strip()
    if not text:
        return None
    out: dict[str, str] = {}
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        key, _, value = part.partition("=") if "=" in part else ("", "", part)
        key = key.strip().lower() or "*"
        parse_size(value)  # raises ValueError with a readable message
        out[key] = value.strip()
    return out


class QtModelPanel(QWidget):
    SETTINGS_VERSION = 1
    FLUSH_MS = 50

    def __init__(self, parent: QWidget | None = None, *, telemetry: Any | None = None,
                 default_source: str | None = None, telemetry_hz: float = 4.0) -> None:
        super().__init__(parent)
        self._telemetry = telemetry
        self._telemetry_hz = telemetry_hz
        self.graphs = None
        self.worker: QtModelWorker | None = None
        self.state = "idle"
        self.engine_info: dict = {}
        self.last_metrics: RequestMetrics | None = None
        self.last_estimate: dict = {}
        self._pending_text = ""
        self._prompts: dict[int, str] = {}
        self._my_requests: set[int] = set()
        self._estimate_wanted = False
        self._build(default_source or str(bundled_model_path()))

    # -- widgets -------------------------------------------------------------------------------
    def _build(self, default_source: str) -> None:
        root = QHBoxLayout(self)
        # the controls scroll, so the panel never forces a minimum window height
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        left = QVBoxLayout(holder)
        left.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(holder)
        scroll.setMinimumWidth(440)
        scroll.setMaximumWidth(540)
        root.addWidget(scroll, 0)
        self.graph_box = QVBoxLayout()
        root.addLayout(self.graph_box, 1)

        src = QGroupBox(self.tr("Model"))
        form = QFormLayout(src)
        self.backend = QComboBox()
        self.backend.addItem(self.tr("Local (transformers)"), "local")
        self.backend.addItem(self.tr("Remote server (OpenAI-compatible)"), "remote")
        form.addRow(self.tr("Backend"), self.backend)
        self.stack = QStackedWidget()
        form.addRow(self.stack)

        local = QWidget()
        lf = QFormLayout(local)
        lf.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.source = QLineEdit(default_source)
        self.source.setPlaceholderText(self.tr("model folder, .gguf file, or hub id org/name"))
        self.pick_folder = QPushButton(self.tr("Folder…"))
        self.pick_gguf = QPushButton(self.tr("GGUF…"))
        row.addWidget(self.source, 1)
        row.addWidget(self.pick_folder)
        row.addWidget(self.pick_gguf)
        lf.addRow(self.tr("Source"), row)
        self.dtype = QComboBox()
        for d in ("auto", "bf16", "fp16", "fp32"):
            self.dtype.addItem(d, d)
        self.quant = QComboBox()
        self.quant.addItem(self.tr("none"), "none")
        self.quant.addItem(self.tr("8-bit"), "8bit")
        self.quant.addItem(self.tr("4-bit NF4"), "4bit")
        self.quant.setToolTip(self.tr("8-bit and 4-bit load through bitsandbytes and need an NVIDIA GPU"))
        self.device = QComboBox()
        for d in ("auto", "cuda", "cpu"):
            self.device.addItem(d, d)
        opts_row = QHBoxLayout()
        opts_row.addWidget(QLabel(self.tr("dtype")))
        opts_row.addWidget(self.dtype)
        opts_row.addWidget(QLabel(self.tr("device")))
        opts_row.addWidget(self.device)
        opts_row.addWidget(QLabel(self.tr("quantization")))
        opts_row.addWidget(self.quant)
        lf.addRow(opts_row)
        self.max_memory = QLineEdit()
        self.max_memory.setPlaceholderText(self.tr("e.g. 0=20GiB, cpu=30GiB (empty: all free memory)"))
        lf.addRow(self.tr("Max memory"), self.max_memory)
        self.max_input = QSpinBox()
        self.max_input.setRange(0, 1_000_000)
        self.max_input.setSpecialValueText(self.tr("no limit"))
        self.max_input.setSuffix(self.tr(" tokens"))
        lf.addRow(self.tr("Max input"), self.max_input)
        self.allow_download = QCheckBox(self.tr("allow hub downloads"))
        self.load_anyway = QCheckBox(self.tr("load even if it may not fit"))
        flags = QHBoxLayout()
        flags.addWidget(self.allow_download)
        flags.addWidget(self.load_anyway)
        lf.addRow(flags)
        self.stack.addWidget(local)

        remote = QWidget()
        rf = QFormLayout(remote)
        rf.setContentsMargins(0, 0, 0, 0)
        self.remote_url = QLineEdit("http://127.0.0.1:8000/v1")
        self.remote_model = QLineEdit()
        self.remote_model.setPlaceholderText(self.tr("empty: the first model the server lists"))
        self.remote_key = QLineEdit()
        self.remote_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.remote_key.setPlaceholderText(self.tr("API key (not saved)"))
        rf.addRow(self.tr("URL"), self.remote_url)
        rf.addRow(self.tr("Model"), self.remote_model)
        rf.addRow(self.tr("Key"), self.remote_key)
        self.stack.addWidget(remote)

        self.fit_label = QLabel(self.tr("Fit estimate: not computed yet"))
        self.fit_label.setObjectName("fitEstimate")
        self.fit_label.setWordWrap(True)
        form.addRow(self.fit_label)
        buttons = QHBoxLayout()
        self.load_button = QPushButton(self.tr("Load"))
        self.unload_button = QPushButton(self.tr("Unload"))
        self.unload_button.setEnabled(False)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.unload_button)
        form.addRow(buttons)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("idle"))
        form.addRow(self.progress)
        self.status = QLabel(self.tr("No model loaded."))
        self.status.setObjectName("modelStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.status)
        left.addWidget(src)

        chat = QGroupBox(self.tr("Prompt"))
        cv = QVBoxLayout(chat)
        self.system = QLineEdit()
        self.system.setPlaceholderText(self.tr("system prompt (optional; repeated ones come from the prefix cache)"))
        cv.addWidget(self.system)
        self.prompt = QPlainTextEdit()
        self.prompt.setPlaceholderText(self.tr("Ask the model something…"))
        self.prompt.setMaximumHeight(56)
        cv.addWidget(self.prompt)
        send_row = QHBoxLayout()
        self.max_new = QSpinBox()
        self.max_new.setRange(1, 32768)
        self.max_new.setValue(128)
        self.max_new.setPrefix(self.tr("max new "))
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.queue_label = QLabel(self.tr("queue: 0"))
        self.queue_label.setObjectName("queueLength")
        send_row.addWidget(self.max_new)
        send_row.addWidget(self.send_button)
        send_row.addWidget(self.cancel_button)
        send_row.addWidget(self.queue_label)
        cv.addLayout(send_row)
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.output.setPlaceholderText(self.tr("Answers stream in here."))
        cv.addWidget(self.output, 1)
        self.metrics_label = QLabel(self.tr("No request yet."))
        self.metrics_label.setObjectName("requestMetrics")
        self.metrics_label.setWordWrap(True)
        cv.addWidget(self.metrics_label)
        left.addWidget(chat, 1)
        self.output.setMinimumHeight(96)

        self.flush_timer = QTimer(self)
        self.flush_timer.setInterval(self.FLUSH_MS)
        self.flush_timer.timeout.connect(self._flush_text)
        self.estimate_timer = QTimer(self)
        self.estimate_timer.setSingleShot(True)
        self.estimate_timer.setInterval(400)
        self.estimate_timer.timeout.connect(self.request_estimate)

        self.backend.currentIndexChanged.connect(self._backend_changed)
        self.pick_folder.clicked.connect(self._choose_folder)
        self.pick_gguf.clicked.connect(self._choose_gguf)
        self.load_button.clicked.connect(self.load)
        self.unload_button.clicked.connect(self.unload)
        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self.cancel)
        for w in (self.source, self.max_memory):
            w.textChanged.connect(self._options_changed)
        for c in (self.dtype, self.quant, self.device):
            c.currentIndexChanged.connect(self._options_changed)

    # -- the worker and telemetry (started on first use) ---------------------------------------
    @property
    def telemetry(self):
        if self._telemetry is None:
            from console.core.inference.telemetry import Telemetry

            self._telemetry = Telemetry(hz=self._telemetry_hz)
        return self._telemetry

    def _ensure_graphs(self) -> None:
        if self.graphs is None:
            from .qt_model_graphs import QtModelGraphs

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
            w.textReceived.connect(self._on_text)
            w.requestStarted.connect(self._on_started)
            w.requestFinished.connect(self._on_finished)
            w.errorOccurred.connect(self._on_error)
            w.queueChanged.connect(self._on_queue)
            self.worker = w
            from PySide6.QtCore import QCoreApplication

            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.shutdown)
        if not self.telemetry.running:
            self.telemetry.start()
        self.worker.start()
        if not self.flush_timer.isActive():
            self.flush_timer.start()
        return self.worker

    def shutdown(self) -> None:
        """Cancel and unload, and stop the worker and sampler threads (call before the app exits)."""
        self.flush_timer.stop()
        self.estimate_timer.stop()
        if self.graphs is not None:
            self.graphs.timer.stop()
        if self.worker is not None:
            self.worker.stop()
        if self._telemetry is not None:
            self._telemetry.close()

    def telemetry_snapshot(self, last_s: float = 300.0) -> dict:
        """The last minutes of memory samples and request metrics, for the doctor's bundle."""
        tel = self.telemetry
        if not tel.running:
            tel.sample_once()
        snap = tel.snapshot(last_s)
        snap["model"] = dict(self.engine_info)
        snap["state"] = self.state
        return snap

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self._ensure_graphs)  # after the first paint: pyqtgraph is not start-up work
        if not self.last_estimate and self.backend.currentData() == "local":
            self.estimate_timer.start()

    # -- options -------------------------------------------------------------------------------
    def load_options(self) -> LoadOptions:
        """The local load options from the widgets (ValueError with a readable message if bad)."""
        return LoadOptions(
            source=self.source.text().strip(),
            dtype=self.dtype.currentData(),
            quantization=self.quant.currentData(),
            device=self.device.currentData(),
            max_memory=self._max_memory(),
            max_input_tokens=self.max_input.value() or None,
            allow_download=self.allow_download.isChecked(),
            on_no_fit="warn" if self.load_anyway.isChecked() else "refuse",
        )

    def _max_memory(self) -> dict[str, str] | None:
        mm = parse_max_memory(self.max_memory.text())
        if mm and "*" in mm:
            value = mm.pop("*")
            mm["cpu" if self.device.currentData() == "cpu" else "0"] = value
        return mm

    def _options_changed(self) -> None:
        self.last_estimate = {}
        if self.backend.currentData() == "local":
            self.estimate_timer.start()

    def _backend_changed(self) -> None:
        remote = self.backend.currentData() == "remote"
        self.stack.setCurrentIndex(1 if remote else 0)
        self.load_button.setText(self.tr("Connect") if remote else self.tr("Load"))
        if remote:
            self.fit_label.setText(self.tr("Remote server: its own GPU memory applies, nothing is loaded here."))
        else:
            self._options_changed()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Model folder (with config.json)"), self.source.text())
        if folder:
            self.source.setText(folder)

    def _choose_gguf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("GGUF model file"), self.source.text(),
                                              self.tr("GGUF models (*.gguf)"))
        if path:
            self.source.setText(path)

    # -- actions -------------------------------------------------------------------------------
    def request_estimate(self) -> None:
        if self.backend.currentData() != "local":
            return
        try:
            opts = self.load_options()
        except ValueError as exc:
            self._show_fit_error(str(exc), self.tr("write sizes like 0=20GiB, cpu=30GiB"))
            return
        if not opts.source:
            return
        self.fit_label.setText(self.tr("Fit estimate: computing…"))
        self._ensure_worker().estimate(opts)

    def load(self) -> None:
        if self.backend.currentData() == "remote":
            self._connect_remote()
            return
        try:
            opts = self.load_options()
        except ValueError as exc:
            self._set_status_error(str(exc), self.tr("write sizes like 0=20GiB, cpu=30GiB"))
            return
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("starting…"))
        self._ensure_worker().load(opts)

    def _connect_remote(self) -> None:
        url = self.remote_url.text().strip()
        model = self.remote_model.text().strip()
        key = self.remote_key.text().strip() or None
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
        text = self.prompt.toPlainText().strip()
        if not text:
            self.metrics_label.setText(self.tr("Type a prompt first."))
            return None
        params = GenParams(max_new_tokens=self.max_new.value(), max_input_tokens=self.max_input.value() or None)
        messages = [ChatMessage("user", text)]
        if self.system.text().strip():
            messages.insert(0, ChatMessage("system", self.system.text().strip()))
        rid = self._ensure_worker().generate(messages, params)
        self._prompts[rid] = text
        self._my_requests.add(rid)
        self.cancel_button.setEnabled(True)
        return rid

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel(None)

    # -- worker reports ------------------------------------------------------------------------
    def _on_state(self, state: str, info: dict) -> None:
        self.state = state
        busy = state in ("loading", "unloading")
        self.load_button.setEnabled(not busy)
        self.unload_button.setEnabled(state in ("ready", "generating"))
        self.send_button.setEnabled(state in ("ready", "generating"))
        self.cancel_button.setEnabled(state in ("loading", "generating") or self._waiting > 0)
        if state == "loading":
            self.status.setText(self.tr("Loading {source}…").format(source=info.get("source", "")))
        elif state == "idle" and not self.engine_info:
            self.progress.setRange(0, 1000)

    _waiting = 0

    def _on_progress(self, stage: str, fraction: float) -> None:
        names = {
            "estimate": self.tr("checking memory"),
            "tokenizer": self.tr("tokenizer"),
            "convert": self.tr("converting GGUF (once)"),
            "save cache": self.tr("saving converted weights"),
            "weights": self.tr("loading weights"),
            "ready": self.tr("ready"),
        }
        self.progress.setRange(0, 1000)
        # stages are weighted so the bar only moves forward: estimate/tokenizer 0-10 %, rest 10-100 %
        base = {"estimate": 0.0, "tokenizer": 0.05, "convert": 0.1, "save cache": 0.85, "weights": 0.1, "ready": 1.0}
        span = {"convert": 0.75, "weights": 0.9, "save cache": 0.1}
        value = base.get(stage, 0.0) + span.get(stage, 0.0) * fraction
        self.progress.setValue(max(self.progress.value(), int(value * 1000)) if stage != "estimate" else 0)
        self.progress.setFormat(f"{names.get(stage, stage)} %p%")

    def _on_estimate(self, info: dict) -> None:
        self.last_estimate = info
        if "error" in info:
            self._show_fit_error(info["error"], info.get("hint", ""))
            return
        colour = "#c0392b" if not info["fits"] else ("#b9770e" if info["tight"] else "#1e8449")
        cached = self.tr(" (converted copy cached: fast load)") if info.get("gguf_cached") else ""
        self.fit_label.setText(
            self.tr("<b style='color:{c}'>{verdict}</b><br>{estimate}{cached}").format(
                c=colour, verdict=info["verdict"], estimate=info["estimate"], cached=cached)
        )

    def _show_fit_error(self, message: str, hint: str) -> None:
        self.fit_label.setText(self.tr("<span style='color:#c0392b'>{m}</span><br>{h}").format(m=message, h=hint))

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
        msg = info.get("message", self.tr("unloaded"))
        bad = info.get("returned") is False
        self.status.setStyleSheet("color: #b9770e" if bad else "")
        self.status.setText(msg)

    def _on_text(self, rid: int, piece: str) -> None:
        self._pending_text += piece

    def _flush_text(self) -> None:
        if self._pending_text:
            cursor = self.output.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            cursor.insertText(self._pending_text)
            self._pending_text = ""
            self.output.ensureCursorVisible()

    def _on_started(self, rid: int, wait: float) -> None:
        self._flush_text()
        prompt = self._prompts.get(rid, "")
        short = prompt if len(prompt) < 80 else prompt[:77] + "…"
        sep = "\n\n" if self.output.toPlainText() else ""
        self._pending_text += f"{sep}▶ #{rid}: {short}\n"
        self._flush_text()

    def _on_finished(self, rid: int, m: RequestMetrics) -> None:
        self._flush_text()
        self.last_metrics = m
        tps = m.decode_tps
        parts = [self.tr("#{rid} {reason}").format(rid=rid, reason=m.finish_reason or "done")]
        if m.ttft_s is not None:
            parts.append(self.tr("TTFT {v:.2f} s").format(v=m.ttft_s))
        if tps:
            parts.append(self.tr("{v:.1f} tok/s").format(v=tps))
        parts.append(self.tr("end-to-end {v:.2f} s").format(v=m.e2e_s))
        parts.append(self.tr("queue {v:.2f} s").format(v=m.queue_wait_s))
        parts.append(self.tr("{p} prompt + {n} new tokens").format(p=m.prompt_tokens, n=m.new_tokens))
        if m.cached_prompt_tokens:
            parts.append(self.tr("{c} from prefix cache").format(c=m.cached_prompt_tokens))
        if m.fast_path:
            parts.append(self.tr("fast path"))
        text = " · ".join(parts)
        if m.warnings:
            text += "\n" + self.tr("Warning: {w}").format(w="; ".join(m.warnings))
        self.metrics_label.setStyleSheet("color: #b9770e" if m.warnings else "")
        self.metrics_label.setText(text)
        if m.cancelled:
            self._pending_text += self.tr(" [cancelled]")
            self._flush_text()

    def _on_error(self, rid: int, message: str, hint: str) -> None:
        self._flush_text()
        self.progress.setRange(0, 1000)
        if rid == 0:
            if message == "loading cancelled":
                self.progress.setValue(0)
                self.progress.setFormat(self.tr("cancelled"))
            self._set_status_error(message, hint)
        else:
            self.metrics_label.setStyleSheet("color: #c0392b")
            self.metrics_label.setText(self.tr("#{rid} failed: {m}\n{h}").format(rid=rid, m=message, h=hint))

    def _set_status_error(self, message: str, hint: str) -> None:
        self.status.setStyleSheet("color: #c0392b")
        self.status.setText(f"{message}\n{hint}" if hint else message)

    def _on_queue(self, waiting: int) -> None:
        self._waiting = waiting
        self.queue_label.setText(self.tr("queue: {n}").format(n=waiting))
        self.cancel_button.setEnabled(self.state in ("loading", "generating") or waiting > 0)

    # -- settings ------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.beginGroup("modelPanel")
        settings.setValue("version", self.SETTINGS_VERSION)
        settings.setValue("backend", self.backend.currentData())
        settings.setValue("source", self.source.text())
        settings.setValue("dtype", self.dtype.currentData())
        settings.setValue("quantization", self.quant.currentData())
        settings.setValue("device", self.device.currentData())
        settings.setValue("maxMemory", self.max_memory.text())
        settings.setValue("maxInput", self.max_input.value())
        settings.setValue("maxNew", self.max_new.value())
        settings.setValue("system", self.system.text())
        settings.setValue("allowDownload", self.allow_download.isChecked())
        settings.setValue("loadAnyway", self.load_anyway.isChecked())
        settings.setValue("remoteUrl", self.remote_url.text())
        settings.setValue("remoteModel", self.remote_model.text())
        settings.endGroup()

    def restore_state(self, settings: QSettings) -> None:
        settings.beginGroup("modelPanel")
        try:
            if int(settings.value("version", 0) or 0) != self.SETTINGS_VERSION:
                return  # no (or a future) layout: keep the defaults

            def pick(combo: QComboBox, key: str) -> None:
                i = combo.findData(settings.value(key))
                if i >= 0:
                    combo.setCurrentIndex(i)

            pick(self.backend, "backend")
            pick(self.dtype, "dtype")
            pick(self.quant, "quantization")
            pick(self.device, "device")
            self.source.setText(str(settings.value("source", self.source.text()) or self.source.text()))
            self.max_memory.setText(str(settings.value("maxMemory", "") or ""))
            self.max_input.setValue(int(settings.value("maxInput", 0) or 0))
            self.max_new.setValue(int(settings.value("maxNew", 128) or 128))
            self.system.setText(str(settings.value("system", "") or ""))
            self.allow_download.setChecked(str(settings.value("allowDownload", "false")).lower() == "true")
            self.load_anyway.setChecked(str(settings.value("loadAnyway", "false")).lower() == "true")
            self.remote_url.setText(str(settings.value("remoteUrl", self.remote_url.text()) or ""))
            self.remote_model.setText(str(settings.value("remoteModel", "") or ""))
        finally:
            settings.endGroup()

