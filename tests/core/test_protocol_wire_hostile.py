"""Hostile payloads on our own protocol's topics (resources/PROTOCOL.md), through a real Mosquitto
into the console's services (registry, command pipeline): wrong types in a meta's text fields and
``writable``, non-UTF-8, 10 MB, NaN / Infinity, deep nesting, acks of unknown commands from unknown
devices.  Each is refused with a reason and counted; nothing else changes; ingest goes on."""

from __future__ import annotations

import json
import uuid

import pytest

from console.core.mqtt.link import make_client
from console.core.protocol import Capability, DeviceMeta, ProtocolError, device_topic
from console.core.services import build_services
from tests.conftest import wait_for

META = {"schema": 1, "id": "lamp-1", "name": "Desk lamp", "kind": "lamp", "zone": "office",
        "capabilities": {"power": {"type": "bool", "writable": True},
                         "temp": {"type": "float", "min": -10, "max": 50, "unit": "°C"}}}


@pytest.mark.parametrize("change, reason", [
    ({"name": []}, "name must be a string"),
    ({"zone": {"floor": 2}}, "zone must be a string"),
    ({"kind": True}, "kind must be a string"),
    ({"capabilities": {"power": {"type": "bool", "writable": "false"}}}, "writable must be true or false"),
    ({"capabilities": {"power": {"type": "bool", "writable": [1]}}}, "writable must be true or false"),
    ({"capabilities": {"t": {"type": "float", "unit": ["°C"]}}}, "unit must be a string"),
])
def test_a_meta_field_of_the_wrong_type_is_refused_by_name(change, reason):
    """Before: ``"name": []`` showed as "[]", ``"writable": "false"`` made a read-only capability
    commandable (bool("false") is True)."""
    with pytest.raises(ProtocolError, match=reason):
        DeviceMeta.from_json({**META, **change})


def test_a_null_text_field_is_absent_not_the_word_none():
    meta = DeviceMeta.from_json({**META, "zone": None, "kind": None, "name": None,
                                 "capabilities": {"t": {"type": "float", "unit": None, "writable": None}}})
    assert (meta.name, meta.kind, meta.zone) == ("lamp-1", "", "")
    assert meta.capabilities["t"].unit == "" and meta.capabilities["t"].writable is False
    assert Capability.from_json("n", {"type": "int", "writable": 1, "unit": 5}).unit == "5"


@pytest.fixture
def services(broker_cfg, tmp_path):
    svc = build_services(broker_url=broker_cfg.url(), prefix=broker_cfg.prefix, outbox_path=tmp_path / "outbox.sqlite3",
                         cfg=broker_cfg.with_client_id(f"console-{uuid.uuid4().hex[:8]}"))
    svc.start()
    assert svc.link.wait_connected(20)
    yield svc
    svc.stop()


def test_hostile_payloads_on_our_topics_are_refused_counted_and_ingest_goes_on(broker_cfg, services):
    reg, pipeline, p = services.registry, services.commands, broker_cfg.prefix
    dev = make_client(broker_cfg.with_client_id(f"dev-{uuid.uuid4().hex[:8]}"), clean=True)
    dev.connect(broker_cfg.host, broker_cfg.port)
    dev.loop_start()

    def send(kind: str, payload: bytes, device: str = "lamp-1") -> None:
        dev.publish(device_topic(p, device, kind), payload, qos=1).wait_for_publish(10)

    try:
        send("meta", json.dumps(META).encode())
        wait_for(lambda: reg.meta("lamp-1") is not None, 20, what="the good meta")
        wait_for(lambda: services.link.stages.done, 30, what="every subscription made (mqtt.stages)")
        hostile = [
            ("meta", json.dumps({**META, "name": ["x"]}).encode()),
            ("meta", json.dumps({**META, "capabilities": {"power": {"type": "bool", "writable": "false"}}}).encode()),
            ("meta", json.dumps({**META, "zone": None}).encode().replace(b"null", b"NaN")),
            ("state", b"\xff\xfe\x00\x01 not utf-8"),
            ("state", b'{"seq": 1, "ts": 1, "values": {"temp": Infinity}}'),
            ("state", b'{"seq": 1, "ts": 1, "values": {"temp": NaN}}'),
            ("state", b"[" * 200_000 + b"]" * 200_000),
            ("state", b'{"seq": 1, "ts": 1, "values": {"temp": "' + b"9" * (10 * 1024 * 1024) + b'"}}'),
            ("state", json.dumps({"seq": 2, "ts": 1, "values": {"temp": [1], "power": {"on": 1}}}).encode()),
            ("status", b"\xff online"),
            ("ack", json.dumps({"id": "no-such-command", "status": "done", "ts": 1}).encode()),
        ]
        before = reg.counters()["received"]
        for kind, payload in hostile:
            send(kind, payload)
        send("ack", json.dumps({"id": "c-" + "x" * 40, "status": "done", "ts": 1}).encode(), device="ghost-9")
        send("ack", b"\xff", device="ghost-9")
        send("state", json.dumps({"seq": 5, "ts": 1, "values": {"temp": 21.5}}).encode())  # ingest goes on
        wait_for(lambda: (reg.get("lamp-1").values or {}).get("temp") == 21.5, 30, what="the good state after")
        meta = reg.meta("lamp-1")
        assert meta.name == "Desk lamp" and meta.capabilities["power"].writable is True  # the good meta stays
        assert reg.counters()["received"] - before >= 10
        reasons = reg.rejected_by_reason()
        assert reasons.get("invalid_meta", 0) >= 2 and reasons.get("malformed", 0) >= 4
        assert "temp" in reg.get("lamp-1").values and reg.get("lamp-1").values["temp"] == 21.5
        wait_for(lambda: pipeline.unknown_acks >= 2, 20, what="the unknown acks counted")
        assert reg.get("ghost-9") is None  # an ack makes no device
    finally:
        dev.loop_stop()
        dev.disconnect()
