"""Qt face of the MQTT link: its state changes arrive as queued signals on the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from console.core.mqtt.link import LinkState, MqttLink


class QtLinkStatus(QObject):
    stateChanged = Signal(str, dict)  # LinkState value, info (error, next_retry_at, …)

    def __init__(self, link: MqttLink, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.state = link.state.value
        self.info: dict[str, Any] = {}
        forward = link.state_changed.connect(self._from_link)
        self.destroyed.connect(lambda *_: link.state_changed.disconnect(forward))  # no emits to a dead object
        self.stateChanged.connect(self._remember)

    def _from_link(self, state: LinkState, info: dict[str, Any]) -> None:  # network thread: only emit
        self.stateChanged.emit(state.value, dict(info))

    def _remember(self, state: str, info: dict) -> None:
        self.state, self.info = state, info
