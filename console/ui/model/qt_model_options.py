"""What to run: the local model's source and load options, or a remote OpenAI-compatible server.

A form and nothing else: it turns its fields into ``LoadOptions`` (or the remote server's URL,
model and key) and says when anything changed, so the panel can refresh the fit estimate.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from console.core.inference.fit import parse_size
from console.core.inference.loader import LoadOptions


def parse_max_memory(text: str) -> dict[str, str] | None:
    """'0=20GiB, cpu=30GiB' → {"0": "20GiB", "cpu": "30GiB"}; a bare '20GiB' is stored under "*"
    (GPU 0, or the CPU when loading on the CPU).  ValueError with a readable message if bad."""
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
        parse_size(value)
        out[key] = value.strip()
    return out


class QtModelOptions(QWidget):
    changed = Signal()  # a field that affects the fit estimate changed
    backendChanged = Signal(bool)  # True: remote

    def __init__(self, default_source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.backend = QComboBox()
        self.backend.addItem(self.tr("Local (transformers)"), "local")
        self.backend.addItem(self.tr("Remote server (OpenAI-compatible)"), "remote")
        form.addRow(self.tr("Backend"), self.backend)
        self.stack = QStackedWidget()
        form.addRow(self.stack)
        self.stack.addWidget(self._local_form(default_source))
        self.stack.addWidget(self._remote_form())

        self.backend.currentIndexChanged.connect(self._backend_changed)
        self.pick_folder.clicked.connect(self._choose_folder)
        self.pick_gguf.clicked.connect(self._choose_gguf)
        for w in (self.source, self.max_memory):
            w.textChanged.connect(self.changed)
        for c in (self.dtype, self.quant, self.device):
            c.currentIndexChanged.connect(self.changed)
        self.quant.currentIndexChanged.connect(self._update_bnb_note)

    def _local_form(self, default_source: str) -> QWidget:
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
        self.device = QComboBox()
        for d in ("auto", "cuda", "cpu"):
            self.device.addItem(d, d)
        self.quant = QComboBox()
        self.quant.addItem(self.tr("none"), "none")
        self.quant.addItem(self.tr("8-bit"), "8bit")
        self.quant.addItem(self.tr("4-bit NF4"), "4bit")
        self.quant.addItem(self.tr("int8 (fast decode)"), "int8")
        self.quant.addItem(self.tr("int4 (fast decode)"), "int4")
        self.quant.setToolTip(self.tr(
            "8-bit and 4-bit NF4 load through bitsandbytes, need an NVIDIA GPU and decode on the slow path; "
            "int8 and int4 are quantized while loading and decode on the fast path (faster than bf16 on a GPU)"))
        opts_row = QHBoxLayout()
        for label, combo in ((self.tr("dtype"), self.dtype), (self.tr("device"), self.device),
                             (self.tr("quantization"), self.quant)):
            opts_row.addWidget(QLabel(label))
            opts_row.addWidget(combo)
        lf.addRow(opts_row)
        self.bnb_note = QLabel()  # bitsandbytes chosen: say that our int8 / int4 decode on the fast path
        self.bnb_note.setWordWrap(True)
        self.bnb_note.setVisible(False)
        lf.addRow(self.bnb_note)
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
        return local

    def _remote_form(self) -> QWidget:
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
        return remote

    # -- values --------------------------------------------------------------------------------
    def is_remote(self) -> bool:
        return self.backend.currentData() == "remote"

    def load_options(self) -> LoadOptions:
        """The local load options (ValueError with a readable message for a bad max memory)."""
        return LoadOptions(
            source=self.source.text().strip(),
            dtype=self.dtype.currentData(),
            quantization=self.quant.currentData(),
            device=self.device.currentData(),
            max_memory=self._max_memory(),
            max_input_tokens=self.max_input_tokens(),
            allow_download=self.allow_download.isChecked(),
            on_no_fit="warn" if self.load_anyway.isChecked() else "refuse",
        )

    def max_input_tokens(self) -> int | None:
        """The prompt length above which requests are truncated (None: no limit)."""
        return self.max_input.value() or None

    def _max_memory(self) -> dict[str, str] | None:
        mm = parse_max_memory(self.max_memory.text())
        if mm and "*" in mm:
            value = mm.pop("*")
            mm["cpu" if self.device.currentData() == "cpu" else "0"] = value
        return mm

    def remote(self) -> tuple[str, str, str | None]:
        return self.remote_url.text().strip(), self.remote_model.text().strip(), self.remote_key.text().strip() or None

    def remote_choice(self) -> tuple[str, str, str | None] | None:
        """``remote()`` when the remote backend is chosen, else None (what the doctor checks)."""
        return self.remote() if self.is_remote() else None

    def _update_bnb_note(self) -> None:
        """bitsandbytes (8-bit / 4-bit NF4) decodes through transformers' forward; ours takes the fast path."""
        quant = self.quant.currentData()
        if quant not in ("8bit", "4bit"):
            self.bnb_note.setVisible(False)
            return
        ours = self.tr("int8 (fast decode)") if quant == "8bit" else self.tr("int4 (fast decode)")
        self.bnb_note.setText(self.tr(
            "bitsandbytes decodes on the slow path (15–50× slower on a GPU). {ours} needs about the same "
            "memory and decodes on the fast path for Llama, Qwen2 and GLM models.").format(ours=ours))
        self.bnb_note.setVisible(True)

    def _backend_changed(self) -> None:
        self.stack.setCurrentIndex(1 if self.is_remote() else 0)
        self.backendChanged.emit(self.is_remote())

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Model folder (with config.json)"), self.source.text())
        if folder:
            self.source.setText(folder)

    def _choose_gguf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("GGUF model file"), self.source.text(),
                                              self.tr("GGUF models (*.gguf)"))
        if path:
            self.source.setText(path)

    # -- settings (inside the panel's group; the API key is never saved) -----------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("backend", self.backend.currentData())
        settings.setValue("source", self.source.text())
        settings.setValue("dtype", self.dtype.currentData())
        settings.setValue("quantization", self.quant.currentData())
        settings.setValue("device", self.device.currentData())
        settings.setValue("maxMemory", self.max_memory.text())
        settings.setValue("maxInput", self.max_input.value())
        settings.setValue("allowDownload", self.allow_download.isChecked())
        settings.setValue("loadAnyway", self.load_anyway.isChecked())
        settings.setValue("remoteUrl", self.remote_url.text())
        settings.setValue("remoteModel", self.remote_model.text())

    def restore_state(self, settings: QSettings) -> None:
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
        self.allow_download.setChecked(str(settings.value("allowDownload", "false")).lower() == "true")
        self.load_anyway.setChecked(str(settings.value("loadAnyway", "false")).lower() == "true")
        self.remote_url.setText(str(settings.value("remoteUrl", self.remote_url.text()) or ""))
        self.remote_model.setText(str(settings.value("remoteModel", "") or ""))
