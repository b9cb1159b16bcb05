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
        previous = link.on_state

        def on_state(state: LinkState, info: dict[str, Any]) -> None:  # network thread: only emit
            if previous is not None:
                previous(state, info)
            self.stateChanged.emit(state.value, dict(info))

        link.on_state = on_state
        self.stateChanged.connect(self._remember)

    def _remember(self, state: str, info: dict) -> None:
        self.state, self.info = state, info
