"""Connection profiles: several brokers, one active.  Saved in QSettings; the password goes to the
OS keyring (never the settings file); "insecure" (no certificate verification) shows in red."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.core.mqtt.profiles import ConnectionProfile, ProfileError, ProfileSet
from console.core.mqtt.secrets import SecretStore, SecretStoreUnavailable

from console.ui.connection.qt_profiles_store import load_profiles, save_profiles

RED = "color: #c0392b; font-weight: bold"


class QtProfilesDialog(QDialog):
    restartRequested = Signal(str)  # the operator asked to reconnect now with this (active) profile

    def __init__(self, settings: QSettings | None = None, secrets: SecretStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Broker connections"))
        self.settings = settings or QSettings()
        self.secrets = secrets or SecretStore()
        self.profiles: ProfileSet = load_profiles(self.settings)
        self.current: str | None = None

        self.list = QListWidget()
        self.list.setObjectName("profileList")
        self.name = QLineEdit()
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.protocol = QComboBox()
        self.protocol.addItem("MQTT 5", "5")
        self.protocol.addItem("MQTT 3.1.1", "3.1.1")
        self.tls = QCheckBox(self.tr("TLS"))
        self.ca_file = QLineEdit(placeholderText=self.tr("system trust store"))
        self.certfile = QLineEdit(placeholderText=self.tr("none"))
        self.keyfile = QLineEdit(placeholderText=self.tr("none"))
        self.insecure = QCheckBox(self.tr("Insecure: do not verify the broker's certificate"))
        self.insecure.setObjectName("insecureSwitch")
        self.insecure_warning = QLabel(self.tr("Certificate verification is OFF: anyone on the network path "
                                               "can impersonate the broker."))
        self.insecure_warning.setStyleSheet(RED)
        self.insecure_warning.setWordWrap(True)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("stored in the OS keyring"))
        self.client_id = QLineEdit(placeholderText=self.tr("generated (set one per console on shared brokers)"))
        self.prefix = QLineEdit()
        self.status = QLabel()
        self.status.setObjectName("profileStatus")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Protocol"), self.protocol)
        form.addRow("", self.tls)
        form.addRow(self.tr("CA file"), self._with_browse(self.ca_file))
        form.addRow(self.tr("Client certificate"), self._with_browse(self.certfile))
        form.addRow(self.tr("Client key"), self._with_browse(self.keyfile))
        form.addRow("", self.insecure)
        form.addRow("", self.insecure_warning)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Client id"), self.client_id)
        form.addRow(self.tr("Topic prefix"), self.prefix)

        self.new_button = QPushButton(self.tr("New"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.save_button = QPushButton(self.tr("Save"))
        self.activate_button = QPushButton(self.tr("Use this broker"))
        self.restart_button = QPushButton(self.tr("Restart and connect now"))
        self.restart_button.setObjectName("restartButton")
        self.restart_button.setToolTip(self.tr("Start a new console on the active profile and close this one "
                                               "(queued commands stay in the outbox)"))
        self.restart_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for b in (self.new_button, self.delete_button, self.save_button, self.activate_button, self.restart_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.status)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(right, 3)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(buttons)

        self.list.currentTextChanged.connect(self._show_profile)
        self.tls.toggled.connect(self._tls_changed)
        self.insecure.toggled.connect(self._insecure_changed)
        self.new_button.clicked.connect(self.new_profile)
        self.delete_button.clicked.connect(self.delete_profile)
        self.save_button.clicked.connect(self.save)
        self.activate_button.clicked.connect(self.activate)
        self.restart_button.clicked.connect(self._restart)
        self.close_button.clicked.connect(self.accept)
        self._fill_list(self.profiles.active)
        if self.profiles.problems:  # a damaged settings file: what could not be read, where its copy is kept
            told = [f"{name}: {p}" if name else p for name, found in self.profiles.problems.items() for p in found]
            self._say(self.tr("The saved connections come from a damaged settings file: {e}. Check the profiles, "
                              "then Save.").format(e="; ".join(told)), RED)

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(edit, 1)
        b = QPushButton(self.tr("Browse…"))
        b.clicked.connect(lambda: self._browse(edit))
        h.addWidget(b)
        return w

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"), edit.text(),
                                              self.tr("PEM files (*.pem *.crt *.key);;All files (*)"))
        if path:
            edit.setText(path)

    # -- list and form --------------------------------------------------------------------------
    def _fill_list(self, select: str | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for name in self.profiles.profiles:
            self.list.addItem(name)
            item = self.list.item(self.list.count() - 1)
            if name == self.profiles.active:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(self.tr("active"))
        self.list.blockSignals(False)
        names = list(self.profiles.profiles)
        if select in names:
            self.list.setCurrentRow(names.index(select))
        elif names:
            self.list.setCurrentRow(0)

    def _show_profile(self, name: str) -> None:
        prof = self.profiles.profiles.get(name)
        if prof is None:
            return
        self.current = name
        self.name.setText(prof.name)
        self.host.setText(prof.host)
        self.port.setValue(int(prof.port))
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(prof.protocol)))
        self.tls.setChecked(prof.tls)
        self.ca_file.setText(prof.ca_file)
        self.certfile.setText(prof.certfile)
        self.keyfile.setText(prof.keyfile)
        self.insecure.setChecked(prof.insecure)
        self.username.setText(prof.username)
        self.password.clear()
        self.client_id.setText(prof.client_id)
        self.prefix.setText(prof.prefix)
        self._tls_changed(prof.tls)
        self._insecure_changed(prof.insecure)
        active = name == self.profiles.active
        self._say(self.tr("Active profile.") if active else "", "")

    def _tls_changed(self, on: bool) -> None:
        for w in (self.ca_file, self.certfile, self.keyfile, self.insecure):
            w.setEnabled(on)
        if not on:
            self.insecure.setChecked(False)

    def _insecure_changed(self, on: bool) -> None:
        self.insecure_warning.setVisible(on)
        self.insecure.setStyleSheet(RED if on else "")

    def form_profile(self) -> ConnectionProfile:
        return ConnectionProfile(
            name=self.name.text().strip(), host=self.host.text().strip(), port=self.port.value(),
            protocol=self.protocol.currentData(), tls=self.tls.isChecked(), ca_file=self.ca_file.text().strip(),
            certfile=self.certfile.text().strip(), keyfile=self.keyfile.text().strip(),
            insecure=self.insecure.isChecked(), username=self.username.text().strip(),
            client_id=self.client_id.text().strip(), prefix=self.prefix.text().strip(),
        )

    def _say(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

    # -- actions --------------------------------------------------------------------------------
    def new_profile(self) -> None:
        n = 1
        while f"Broker {n}" in self.profiles.profiles:
            n += 1
        prof = ConnectionProfile(name=f"Broker {n}")
        self.profiles.upsert(prof)
        self._fill_list(prof.name)

    def delete_profile(self) -> None:
        if self.current is None or len(self.profiles.profiles) <= 1:
            self._say(self.tr("Keep at least one profile."), RED)
            return
        self.profiles.remove(self.current, self.secrets)
        save_profiles(self.settings, self.profiles)
        self._fill_list(self.profiles.active)

    def save(self) -> bool:
        """Validate and save the form; the password (if typed) goes to the keyring only."""
        try:
            prof = self.form_profile().validate()
            if prof.name != self.current and prof.name in self.profiles.profiles:
                raise ProfileError(f"name: a profile called {prof.name!r} exists already")
        except (ProfileError, ValueError) as exc:
            self._say(self.tr("Not saved: {e}").format(e=exc), RED)
            return False
        old = self.profiles.profiles.get(self.current or "")
        if old is not None and old.username and (old.username != prof.username or old.name != prof.name):
            moved = self.secrets.get_password(old.name, old.username)
            self.secrets.delete_password(old.name, old.username)
            if moved and prof.username and not self.password.text():
                self.password.setText(moved)
        self.profiles.upsert(prof, old_name=self.current)
        save_profiles(self.settings, self.profiles)
        self.current = prof.name
        message, style = self.tr("Saved."), ""
        if self.password.text():
            if not prof.username:
                message, style = self.tr("Saved, but a password needs a username: it was not stored."), RED
            else:
                try:
                    self.secrets.set_password(prof.name, prof.username, self.password.text())
                    message = self.tr("Saved; the password is in the OS keyring.")
                except SecretStoreUnavailable as exc:
                    message, style = self.tr("Saved without the password: {e}").format(e=exc), RED
            self.password.clear()
        self._fill_list(prof.name)
        self._say(message, style)
        return True

    def activate(self) -> None:
        if not self.save():
            return
        self.profiles.set_active(self.current or "")
        save_profiles(self.settings, self.profiles)
        self._fill_list(self.current)
        self.restart_button.setEnabled(True)
        self._say(self.tr("Active. Restart now to connect with it, or it is used the next time the console "
                          "starts with --profile."), "")

    def _restart(self) -> None:
        name = self.profiles.active
        if name:
            self.restartRequested.emit(name)
            self.accept()

    def profile_set(self) -> ProfileSet:
        return replace(self.profiles)


def open_profiles_dialog(parent: QWidget | None = None) -> QtProfilesDialog:
    dlg = QtProfilesDialog(parent=parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.resize(760, 520)
    dlg.show()
    return dlg
