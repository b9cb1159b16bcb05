"""The doctor's "Broker limits" row, against real Mosquittos: a stock one (default limits) drops
most of 3,000 retained metas sent to a plain QoS 1 subscriber, and the row says so with the
mosquitto.conf settings to change; the embedded one (limits raised) passes; no fleet, nothing to say."""

from __future__ import annotations

import uuid

import pytest

from console.core.envcheck.broker_limits import NAME, step_limits
from console.core.envcheck.mqtt_checks import check_broker
from console.core.envcheck.runner import DoctorContext
from console.core.fleet.catalog import load_fleet
from console.core.mqtt.link import BrokerConfig, make_client
from console.core.protocol import device_topic, encode_json

DEVICES = 3000


def publish_metas(cfg: BrokerConfig, count: int) -> None:
    """``count`` retained metas under ``cfg.prefix``, each acknowledged by the broker."""
    client = make_client(cfg.with_client_id(f"limits-pub-{uuid.uuid4().hex[:8]}"), clean=True)
    client.connect(cfg.host, cfg.port)
    client.loop_start()
    try:
        infos = [client.publish(device_topic(cfg.prefix, m.id, "meta"), encode_json(m.to_json()), qos=1, retain=True)
                 for m in load_fleet().cloned(count).devices]
        for info in infos:
            info.wait_for_publish(30)
            assert info.is_published()
    finally:
        client.disconnect()
        client.loop_stop()


def cfg_for(broker) -> BrokerConfig:
    return BrokerConfig(host=broker.host, port=broker.port, prefix=f"l{uuid.uuid4().hex[:10]}")


def test_a_stock_broker_that_drops_metas_is_warned_about_with_the_setting(stock_mosquitto):
    cfg = cfg_for(stock_mosquitto)
    publish_metas(cfg, DEVICES)
    rows = check_broker(DoctorContext(broker=cfg))
    row = rows[-1]
    assert row.name == NAME and row.status == "warn", row
    assert row.details["metas"] == DEVICES
    assert row.details["qos1_received"] < DEVICES  # 20 in flight + 1,000 queued: about 1,020
    assert f"of {DEVICES} retained device metas" in row.value
    assert "max_queued_messages" in row.hint and "max_inflight_messages" in row.hint
    assert "copes" in row.hint


def test_a_broker_with_raised_limits_passes(mosquitto):
    cfg = cfg_for(mosquitto)  # the embedded broker: max_queued_messages 100000, max_inflight_messages 0
    publish_metas(cfg, DEVICES)
    row = step_limits(cfg, timeout=5)
    assert row.status == "ok", row
    assert row.details == {"metas": DEVICES, "qos1_received": DEVICES}


@pytest.mark.parametrize("which", ["stock", "embedded"])
def test_no_fleet_yet_has_nothing_to_compare(which, stock_mosquitto, mosquitto):
    row = step_limits(cfg_for(stock_mosquitto if which == "stock" else mosquitto), timeout=5)
    assert row.status == "ok" and row.details == {"metas": 0}
    assert "nothing to compare" in row.value
