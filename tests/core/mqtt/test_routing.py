"""Routing on the link, against a real Mosquitto: each topic kind reaches its route and only it
(acks the pipeline's, meta/state/status the registry's), foreign topics the fallback route or their
extra filter's handler, the registry's counters still cover all the traffic, and a raising handler
stops neither the others nor the link.  Also the pure router, without a broker."""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid

import pytest

from console.core.fleet.catalog import load_fleet
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from console.core.mqtt.link import Backoff, LinkState, MqttLink, make_client
from console.core.mqtt.router import TopicRouter
from console.core.protocol import Ack, device_topic, encode_json
from tests.conftest import wait_for

LAMP = load_fleet().by_id()["lamp-office-1"]


class Seen:
    """Thread-safe recorder of what a route was handed."""

    def __init__(self):
        self.items: list[tuple] = []
        self.lock = threading.Lock()

    def __call__(self, *args):
        with self.lock:
            self.items.append(args)

    def all(self):
        with self.lock:
            return list(self.items)

    def clear(self):
        with self.lock:
            self.items.clear()


@pytest.fixture
def rig(broker_cfg):
    """A link wired as build_services wires it (registry routes + traffic), plus recorders, and a
    plain paho publisher."""
    reg = FleetRegistry(broker_cfg.prefix)
    link = MqttLink(broker_cfg.with_client_id(f"route-{uuid.uuid4().hex[:8]}"))
    link.route(FLEET_KINDS, reg.ingest)
    link.traffic.connect(reg.count)
    acks, others = Seen(), Seen()
    link.route("ack", acks)
    link.route_other(others)
    pub = make_client(broker_cfg.with_client_id(f"routepub-{uuid.uuid4().hex[:8]}"), clean=True)
    pub.connect(broker_cfg.host, broker_cfg.port)
    pub.loop_start()
    yield link, reg, acks, others, pub
    pub.disconnect()  # before loop_stop: its thread then ends at once
    pub.loop_stop()
    link.stop()


def publish(pub, topic, payload, retain=False):
    pub.publish(topic, payload, qos=1, retain=retain).wait_for_publish(5)


def ready(link, pub, reg, acks, prefix):
    """Start the link and wait until its subscriptions are live (a status and an ack came through);
    returns the registry's counters then, and forgets the probe ack."""
    link.start()
    assert link.wait_connected(10)
    wait_for(pub.is_connected, what="publisher connected")
    marker = f"marker-{uuid.uuid4().hex[:8]}"  # published until one gets through: the first may be early
    wait_for(lambda: publish(pub, device_topic(prefix, marker, "status"), b"online") or reg.get(marker),
             what="the status subscription")
    probe = encode_json(Ack("probe", "done", 1.0).to_json())
    wait_for(lambda: publish(pub, device_topic(prefix, "probe", "ack"), probe) or acks.all(), what="the ack route")
    settle(pub, reg, prefix)
    acks.clear()
    return reg.counters()


def settle(pub, reg, prefix):
    """Publish a status for a fresh device and wait for it: everything sent before it was routed."""
    marker = f"marker-{uuid.uuid4().hex[:8]}"
    publish(pub, device_topic(prefix, marker, "status"), b"online")
    wait_for(lambda: reg.get(marker) is not None, what="the marker message")


def test_an_ack_reaches_only_the_ack_route_and_fleet_kinds_only_the_registry(rig, broker_cfg):
    link, reg, acks, others, pub = rig
    p = broker_cfg.prefix
    c0 = ready(link, pub, reg, acks, p)
    ack = Ack("cmd-123", "done", 1.5, state_seq=4)
    publish(pub, device_topic(p, "lamp-ack-only", "ack"), encode_json(ack.to_json()))
    publish(pub, device_topic(p, LAMP.id, "meta"), encode_json(LAMP.to_json()), retain=True)
    publish(pub, device_topic(p, LAMP.id, "status"), b"online")
    publish(pub, device_topic(p, LAMP.id, "state"), json.dumps({"seq": 3, "ts": 2.0, "values": {"level": 42}}))
    settle(pub, reg, p)

    assert acks.all() == [("lamp-ack-only", ack)]  # decoded once, handed as (device_id, Ack)
    assert reg.get("lamp-ack-only") is None  # the registry never saw the ack itself
    rec = reg.get(LAMP.id)
    assert rec.meta == LAMP and rec.online is True and rec.values["level"] == 42 and rec.seq == 3
    assert others.all() == []  # all of it was ours
    # the ack is still counted with the device traffic, as applied
    c = reg.counters()
    assert (c["received"] - c0["received"], c["applied"] - c0["applied"]) == (5, 5)


def test_bad_topics_and_malformed_acks_are_counted_as_before(rig, broker_cfg):
    link, reg, acks, others, pub = rig
    p = broker_cfg.prefix
    c0 = ready(link, pub, reg, acks, p)
    publish(pub, f"{p}/devices/Not An Id/state", b"{}")  # a device topic of the wrong shape
    publish(pub, device_topic(p, "lamp-x", "ack"), b"{not json")  # an ack that does not decode
    publish(pub, device_topic(p, "lamp-x", "ack"), json.dumps({"id": "c1", "status": "done", "ts": 1.0}))
    settle(pub, reg, p)
    c = reg.counters()
    assert (c["received"] - c0["received"], c["applied"] - c0["applied"], c["rejected"]) == (4, 2, 2)
    assert reg.rejected == {"bad_topic": 1, "malformed": 1}
    assert [a[1].id for a in acks.all()] == ["c1"] and others.all() == []


def test_a_foreign_topic_reaches_the_fallback_route_or_its_filters_handler(rig, broker_cfg):
    link, reg, acks, others, pub = rig
    p = broker_cfg.prefix
    discovery = Seen()
    link.subscribe_extra(f"{p}-ha/#")  # before start: subscribed at connect, to the fallback route
    c0 = ready(link, pub, reg, acks, p)
    wait_for(lambda: _subscribed(link, pub, f"{p}-ha/probe", others), what="extra subscription at connect")
    others.clear()
    link.subscribe_extra(f"{p}-disc/+/config", discovery)  # while connected: subscribed now
    wait_for(lambda: _subscribed(link, pub, f"{p}-disc/probe/config", discovery), what="live extra subscription")

    publish(pub, f"{p}-ha/light/kitchen/state", b"ON")
    publish(pub, f"{p}-disc/lamp/config", b'{"name": "lamp"}')
    settle(pub, reg, p)
    assert (f"{p}-ha/light/kitchen/state", b"ON") in others.all()
    assert (f"{p}-disc/lamp/config", b'{"name": "lamp"}') in discovery.all()
    assert all(not t.startswith(f"{p}-disc/") for t, _ in others.all())  # its own handler only
    assert acks.all() == [] and reg.get("lamp") is None
    assert reg.counters()["received"] - c0["received"] == 1  # the marker: foreign traffic is not device traffic

    link.unsubscribe_extra(f"{p}-ha/#")
    # published by the link itself, after its UNSUBSCRIBE on the same connection: the broker has
    # handled that first, and the marker after it comes back after anything it would have sent
    link.publish(f"{p}-ha/light/kitchen/state", b"OFF")
    marker = f"marker-{uuid.uuid4().hex[:8]}"
    link.publish(device_topic(p, marker, "status"), b"online")
    wait_for(lambda: reg.get(marker) is not None, what="the link's own marker")
    assert (f"{p}-ha/light/kitchen/state", b"OFF") not in others.all()  # unsubscribed at the broker


def _subscribed(link, pub, topic, seen):
    publish(pub, topic, b"probe")
    time.sleep(0.05)
    return any(t == topic for t, _ in seen.all())


def test_extra_subscriptions_are_renewed_when_the_broker_lost_the_session(broker_cfg):
    cfg = broker_cfg.with_client_id(f"renew-{uuid.uuid4().hex[:8]}")
    link = MqttLink(cfg, backoff=Backoff(initial=0.05, cap=0.2, jitter=0))
    got, connects = Seen(), Seen()
    link.subscribe_extra(f"{cfg.prefix}-extra/#", got)
    link.connection_made.connect(connects)
    pub = make_client(broker_cfg.with_client_id(f"renewpub-{uuid.uuid4().hex[:8]}"), clean=True)
    pub.connect(broker_cfg.host, broker_cfg.port)
    pub.loop_start()
    link.start()
    try:
        wait_for(lambda: connects.all() == [(False,)], what="first connect")
        wait_for(lambda: _subscribed(link, pub, f"{cfg.prefix}-extra/a", got), what="extra subscription")
        # another client takes the client id over with a clean start: the broker drops the link and
        # discards its session, subscriptions included; the link reconnects and must subscribe again
        taker = make_client(cfg, clean=True)
        taker.connect(cfg.host, cfg.port)
        taker.loop_start()
        wait_for(lambda: not link.connected, what="the link taken over")
        taker.disconnect()
        taker.loop_stop()
        wait_for(lambda: len(connects.all()) >= 2 and link.connected, what="reconnect")
        assert connects.all()[-1] == (False,)  # a fresh session: nothing kept by the broker
        wait_for(lambda: _subscribed(link, pub, f"{cfg.prefix}-extra/b", got), what="renewed subscription")
        assert link.state is LinkState.CONNECTED
    finally:
        pub.disconnect()
        pub.loop_stop()
        link.stop()


def test_a_raising_handler_stops_neither_the_other_routes_nor_the_link(rig, broker_cfg, caplog):
    link, reg, acks, others, pub = rig
    p = broker_cfg.prefix

    def broken(topic, payload, device):
        raise RuntimeError("a view bug")

    ready(link, pub, reg, acks, p)
    # the raising handlers go first: the registry and the ack recorder, called after them, still run
    link.unroute(FLEET_KINDS, reg.ingest)
    link.unroute("ack", acks)
    link.route("state", broken)
    link.route("ack", lambda device_id, ack: 1 / 0)
    link.route(FLEET_KINDS, reg.ingest)
    link.route("ack", acks)
    with caplog.at_level(logging.ERROR, logger="console.core.events"):
        for seq in (1, 2, 3):
            publish(pub, device_topic(p, "lamp-b", "state"), json.dumps({"seq": seq, "ts": seq, "values": {"level": seq}}))
        publish(pub, device_topic(p, "lamp-b", "ack"), json.dumps({"id": "c9", "status": "done", "ts": 1.0}))
        settle(pub, reg, p)
    assert reg.get("lamp-b").values == {"level": 3}
    assert [a[1].id for a in acks.all()] == ["c9"]
    failures = [r.getMessage() for r in caplog.records if r.name == "console.core.events"]
    assert sum("'route state'" in m for m in failures) == 3 and sum("'route ack'" in m for m in failures) == 1
    assert link.connected and link.state is LinkState.CONNECTED


def test_the_router_parses_each_topic_once_and_rejects_unknown_kinds():
    router = TopicRouter("r")
    seen = Seen()
    router.route(("meta", "state"), seen)
    router.dispatch("r/devices/lamp-1/state", b"{}")
    [(topic, payload, device)] = seen.all()
    assert (topic, payload, device.device_id, device.kind) == ("r/devices/lamp-1/state", b"{}", "lamp-1", "state")
    with pytest.raises(ValueError, match="unknown device topic kind"):
        router.route("status-typo", seen)
    router.unroute(("meta", "state"), seen)
    traffic = Seen()
    router.traffic.connect(traffic)
    router.dispatch("r/devices/lamp-1/state", b"{}")
    assert len(seen.all()) == 1 and traffic.all() == [("state", "ignored", "")]  # no route takes it now
