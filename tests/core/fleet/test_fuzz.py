"""Hypothesis throws malformed payloads (and bad ids) at every topic the console subscribes to:
nothing crashes, every message is counted, nothing untrusted gets into the fleet table."""

from __future__ import annotations

import json
import logging
import threading
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.fleet.catalog import load_fleet
from console.core.mqtt.link import MqttLink, make_client
from console.core.mqtt.router import TopicRouter
from console.core.protocol import ID_RE, Ack, DeviceMeta
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from tests.conftest import wait_for

KINDS = ("meta", "state", "status", "ack")
json_leaf = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_value = st.recursive(json_leaf, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
    st.text(max_size=10), kids, max_size=4), max_leaves=12)
lamp = load_fleet().by_id()["lamp-office-1"].to_json()
almost_valid = st.one_of(
    # right shape, wrong details: the cases a parser is most likely to trust by mistake
    st.fixed_dictionaries({"seq": json_value, "ts": json_value, "values": json_value}),
    st.fixed_dictionaries({"id": st.just("lamp-office-1") | st.text(max_size=70), "status": json_value,
                           "ts": json_value, "state_seq": json_value}),
    st.builds(lambda caps, risk: {**lamp, "capabilities": caps, "risk": risk},
              st.dictionaries(st.text(max_size=8), json_value, max_size=3), json_value),
)
payloads = st.one_of(
    st.binary(max_size=300),
    json_value.map(lambda v: json.dumps(v).encode()),
    almost_valid.map(lambda v: json.dumps(v).encode()),
    st.sampled_from([b"online", b"offline", b"ONLINE", b"\xff", b"", b"null", b"{}", b"[]", b"1e999"]),
)
# a topic level the broker accepts (UTF-8, no wildcards, no control characters) but maybe a bad id
device_ids = st.one_of(st.just("lamp-office-1"), st.from_regex(ID_RE, fullmatch=True),
                       st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="/+#"),
                               min_size=1, max_size=80))
messages = st.lists(st.tuples(st.sampled_from(KINDS), device_ids, payloads), min_size=1, max_size=20)


def check_registry_sane(reg: FleetRegistry):
    for dev_id in reg.ids():
        rec = reg.get(dev_id)
        assert ID_RE.match(rec.id)
        assert rec.meta is None or (isinstance(rec.meta, DeviceMeta) and rec.meta.id == rec.id)
        assert isinstance(rec.values, dict) and isinstance(rec.seq, int)


@settings(max_examples=300, deadline=None)
@given(msgs=st.lists(st.tuples(st.sampled_from(KINDS + ("cmd", "other")), device_ids, payloads), max_size=30),
       junk_topics=st.lists(st.text(max_size=40), max_size=3))
def test_registry_ingest_never_raises_and_counts_every_message(msgs, junk_topics):
    acks: list[Ack] = []
    reg = FleetRegistry("fz")
    router = TopicRouter("fz")  # wired as build_services wires the link's
    router.route(FLEET_KINDS, reg.ingest)
    router.route("ack", lambda d, a: acks.append(a))
    router.traffic.connect(reg.count)
    topics = [f"fz/devices/{dev}/{kind}" for kind, dev, _ in msgs] + junk_topics
    bodies = [p for _, _, p in msgs] + [b"x"] * len(junk_topics)
    for topic, body in zip(topics, bodies):
        router.dispatch(topic, body)
    c = reg.counters()
    assert c["received"] == len(topics)
    assert c["applied"] + c["stale_dropped"] + c["rejected"] <= c["received"]
    assert all(isinstance(a, Ack) and a.status in ("accepted", "done", "rejected", "failed") for a in acks)
    check_registry_sane(reg)


def test_malformed_traffic_through_real_mosquitto_does_not_break_the_console(broker_cfg, caplog):
    """Every subscribed topic (devices/+/meta|state|status|ack), through the broker and the link."""
    reg = FleetRegistry(broker_cfg.prefix)
    lock = threading.Lock()
    errors = []

    def guarded(handler):
        def call(*args):
            try:
                handler(*args)
            except Exception as exc:  # the link would log and carry on; here it fails the test
                with lock:
                    errors.append(exc)
                raise
        return call

    link = MqttLink(broker_cfg.with_client_id(f"fz-{uuid.uuid4().hex[:8]}"))
    link.route(FLEET_KINDS, guarded(reg.ingest))
    link.traffic.connect(guarded(reg.count))
    pub = make_client(broker_cfg.with_client_id(f"fzpub-{uuid.uuid4().hex[:8]}"), clean=True)
    link.start()
    pub.connect(broker_cfg.host, broker_cfg.port)
    pub.loop_start()

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(batch=messages)
    def run(batch):
        before = reg.counters()["received"]
        for kind, dev, payload in batch:
            pub.publish(f"{broker_cfg.prefix}/devices/{dev}/{kind}", payload, qos=1).wait_for_publish(5)
        # a valid message last, on a fresh device: when it is in, everything before it was handled
        marker = f"marker-{uuid.uuid4().hex[:8]}"
        pub.publish(f"{broker_cfg.prefix}/devices/{marker}/status", b"online", qos=1).wait_for_publish(5)
        wait_for(lambda: reg.get(marker) is not None, what="the marker message")
        assert reg.counters()["received"] == before + len(batch) + 1
        assert not errors
        check_registry_sane(reg)

    try:
        assert link.wait_connected(10)
        # device topics are subscribed in stages (mqtt.stages): status, which the marker uses, comes last
        wait_for(lambda: link.stages.done, what="every device subscription made")
        wait_for(pub.is_connected, what="publisher connected")
        run()
        assert link.connected and pub.is_connected()
        assert reg.counters()["rejected"] > 0  # the junk was seen, and counted as junk
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    finally:
        pub.loop_stop()
        pub.disconnect()
        link.stop()
