"""The device table's context menu: raw payloads on demand, and the operator's risk and exposure
choices for a discovered device.

Owns: :func:`device_menu`, a QMenu for one device.  "Show raw payloads…" opens a
:class:`QtRawPayloads`; "High risk: confirm every command" and "Exposed to the assistant" change
``HaBridge.overrides`` (persisted per broker; the bridge applies them to the registry's meta, and the
pipeline decides from that meta at send time).  Native devices take their risk from their own meta:
both choices are disabled for them.  GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from console.core.fleet.registry import FleetRegistry
from console.ui.devices.qt_raw_payloads import QtRawPayloads


def device_menu(parent: QWidget, device_id: str, registry: FleetRegistry, ha: Any = None) -> QMenu:
    """``ha``: the HaBridge (``raw_payloads``, ``is_ha``, ``overrides``), or None when discovery is off."""
    menu = QMenu(parent)
    raw = menu.addAction(QCoreApplication.translate("QtDeviceMenu", "Show raw payloads…"))
    raw.setObjectName("showRawPayloads")
    source = ha.raw_payloads if ha is not None else (lambda _id: None)

    def show_raw() -> None:
        dialog = QtRawPayloads(device_id, source, parent)
        dialog.setObjectName("rawPayloadsDialog")
        dialog.show()
        parent.raw_payloads_dialog = dialog  # kept alive (and reachable) while it is open

    raw.triggered.connect(show_raw)
    discovered = ha is not None and ha.is_ha(device_id)
    meta = registry.meta(device_id)
    risk = menu.addAction(QCoreApplication.translate("QtDeviceMenu", "High risk: confirm every command"))
    risk.setObjectName("highRisk")
    risk.setCheckable(True)
    risk.setChecked(meta is not None and any(meta.cap_risk(n) == "high" for n in (*meta.capabilities, "")))
    exposed = menu.addAction(QCoreApplication.translate("QtDeviceMenu", "Exposed to the assistant"))
    exposed.setObjectName("exposed")
    exposed.setCheckable(True)
    exposed.setChecked(registry.exposed(device_id))
    for action in (risk, exposed):
        action.setEnabled(discovered)
        if not discovered:
            action.setToolTip(QCoreApplication.translate("QtDeviceMenu", "A native device's risk comes from its own meta"))
    if discovered:
        risk.toggled.connect(lambda on: ha.overrides.set_risk(device_id, "high" if on else "low"))
        exposed.toggled.connect(lambda on: ha.overrides.set_exposed(device_id, on))
    return menu
