"""The Zone column says what the operator calls the place: the fleet aliases' name for a zone, else a
discovered device's own words for its area ("Küche", not the slug "kuche"), else the zone id; in
zh_CN an aliased zone in Chinese, a discovered kind in Chinese (real registry and model)."""

from __future__ import annotations

from console.core.assistant.aliases import Aliases
from console.core.fleet.registry import FleetRegistry
from console.core.protocol import Capability, DeviceMeta
from console.ui.devices.qt_fleet_model import QtFleetModel, display_names


def ha_meta(device_id: str, zone: str, kind: str = "sensor") -> DeviceMeta:
    return DeviceMeta(id=device_id, name=device_id, kind=kind, zone=zone,
                      capabilities={"contact": Capability(name="contact", type="bool", writable=False)})


def test_a_discovered_device_shows_its_own_area_words(qtbot):
    reg = FleetRegistry("zones")
    reg.upsert_external("kuche-tur", source="ha", meta=ha_meta("kuche-tur", "kuche"), online=True,
                        info={"area": "Küche"})
    reg.upsert_external("plain", source="ha", meta=ha_meta("plain", "hall"), online=True)
    model = QtFleetModel(reg)
    try:
        model.apply_pending()
        zone = model.COLUMNS.index("zone")
        assert model.index(model.row_of("kuche-tur"), zone).data() == "Küche"
        assert model.index(model.row_of("plain"), zone).data() == "hall"  # no area: the zone id
    finally:
        model.stop()


def test_in_chinese_an_aliased_zone_wins_over_the_area_and_control_kinds_are_chinese():
    aliases = Aliases(zones={"office": {"zh": ["办公室"]}})
    meta = ha_meta("knob", "office", kind="control")
    assert display_names(meta, aliases, "zh", area="Office") == ("knob", "办公室", "控制")
    assert display_names(meta, aliases, "en", area="Office") == ("knob", "Office", "control")
    assert display_names(ha_meta("x", "kuche"), aliases, "zh", area="Küche")[1] == "Küche"
