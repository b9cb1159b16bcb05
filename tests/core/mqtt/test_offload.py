"""Offloaded subscriptions (console.core.mqtt.offload) against a real Mosquitto: subscribe_extra_many's
filters are received by a child process and reach on_batch, in order with what the console sent it,
never the console's own link; an unsubscribed filter stops; when the child dies the link subscribes
to the filters itself and their in-process handler gets the messages."""

from __future__ import annotations

import os
import signal
import threading
import uuid

import pytest

from console.core.mqtt.link import MqttLink, make_client
from tests.conftest import wait_for

WORKER = "tests.core.mqtt.offload_worker:Collect"


class Batches:
    def __init__(self) -> None:
        self.items: list[tuple] = []
        self.lock = threading.Lock()

    def __call__(self, batch) -> None:
        with self.lock:
            self.items.extend(batch)

    def messages(self) -> list[tuple[str, bytes]]:
        with self.lock:
            return [(i[2], i[3]) for i in self.items if i[0] == "msg"]


@pytest.fixture
def rig(broker_cfg):
    link = MqttLink(broker_cfg.with_client_id(f"offl-{uuid.uuid4().hex[:8]}"))
    batches, in_process = Batches(), []
    offload = link.offload_extra_many(WORKER, ("t1",), on_batch=batches)
    link.start()
    assert link.wait_connected(10)
    pub = make_client(broker_cfg.with_client_id(f"offlpub-{uuid.uuid4().hex[:8]}"), clean=True)
    pub.connect(broker_cfg.host, broker_cfg.port)
    pub.loop_start()
    yield link, offload, batches, in_process, pub, broker_cfg.prefix
    pub.loop_stop()
    pub.disconnect()
    link.stop()
    assert not offload.alive


def publish_until(pub, topic: str, payload: bytes, arrived, what: str) -> None:
    """Publish (again, until it arrives: a SUBSCRIBE in flight in the child is not acknowledged to us)."""
    def again():
        pub.publish(topic, payload, qos=1).wait_for_publish(5)
        return arrived()
    wait_for(again, timeout=30, interval=0.3, what=what)


def test_offloaded_filters_are_read_by_the_child_in_order_with_what_the_console_sent(rig):
    link, offload, batches, in_process, pub, prefix = rig
    topics = [f"{prefix}/ext/{i}" for i in range(3)]
    offload.send({"config": 1})  # before the subscription: the worker sees it first
    assert link.subscribe_extra_many(topics, lambda t, p: in_process.append(t), qos=1) == 3
    publish_until(pub, topics[0], b"hello", lambda: (topics[0], b"hello") in batches.messages(), "first message")
    for i, t in enumerate(topics):
        pub.publish(t, f"m{i}".encode(), qos=1).wait_for_publish(5)
    wait_for(lambda: all((t, f"m{i}".encode()) in batches.messages() for i, t in enumerate(topics)), timeout=30,
             what="every topic's message through the child")
    with batches.lock:
        assert batches.items[0] == ("ctl", "t1", {"config": 1})
    assert in_process == [] and link.messages_in == 0, "the console's own link received none of them"
    assert offload.stats["messages"] >= 4 and offload.batches >= 1


def test_an_unsubscribed_filter_is_no_longer_read(rig):
    link, offload, batches, in_process, pub, prefix = rig
    keep, drop = f"{prefix}/ext/keep", f"{prefix}/ext/drop"
    link.subscribe_extra_many([keep, drop], lambda t, p: in_process.append(t))
    publish_until(pub, drop, b"1", lambda: (drop, b"1") in batches.messages(), "drop's first message")
    link.unsubscribe_extra(drop)
    offload.send("after-unsubscribe")  # the child handles posts in order: once this is back, it unsubscribed
    wait_for(lambda: any(i[0] == "ctl" and i[2] == "after-unsubscribe" for i in list(batches.items)), timeout=30,
             what="the child handled the unsubscribe")
    pub.publish(drop, b"2", qos=1).wait_for_publish(5)
    publish_until(pub, keep, b"k", lambda: (keep, b"k") in batches.messages(), "a message on the kept topic")
    assert (drop, b"2") not in batches.messages()  # sent before the one on keep, which did arrive


def test_when_the_child_dies_the_link_reads_the_filters_itself(rig):
    link, offload, batches, in_process, pub, prefix = rig
    topic = f"{prefix}/ext/x"
    link.subscribe_extra_many([topic], lambda t, p: in_process.append((t, p)))
    publish_until(pub, topic, b"a", lambda: (topic, b"a") in batches.messages(), "through the child")
    os.kill(offload.pid, signal.SIGKILL)
    wait_for(lambda: offload.dead, timeout=30, what="the link saw the child die")
    publish_until(pub, topic, b"b", lambda: (topic, b"b") in in_process, "read in-process after the child died")
    later = f"{prefix}/ext/later"  # subscribed after the death: in-process at once
    link.subscribe_extra_many([later], lambda t, p: in_process.append((t, p)))
    publish_until(pub, later, b"c", lambda: (later, b"c") in in_process, "a new filter read in-process")


def test_a_link_started_again_reads_the_offloaded_filters_itself(broker_cfg):
    """An offload is single-use: after the link stopped and started again, the filters are read in-process."""
    link = MqttLink(broker_cfg.with_client_id(f"offl-{uuid.uuid4().hex[:8]}"))
    batches, in_process = Batches(), []
    offload = link.offload_extra_many(WORKER, ("t2",), on_batch=batches)
    topic = f"{broker_cfg.prefix}/ext/again"
    link.subscribe_extra_many([topic], lambda t, p: in_process.append((t, p)))
    pub = make_client(broker_cfg.with_client_id(f"offlpub-{uuid.uuid4().hex[:8]}"), clean=True)
    pub.connect(broker_cfg.host, broker_cfg.port)
    pub.loop_start()
    try:
        link.start()
        assert link.wait_connected(10)
        publish_until(pub, topic, b"1", lambda: (topic, b"1") in batches.messages(), "through the child")
        link.stop()
        link.start()
        assert link.wait_connected(10)
        assert offload.dead
        publish_until(pub, topic, b"2", lambda: (topic, b"2") in in_process, "in-process after a restart")
    finally:
        pub.loop_stop()
        pub.disconnect()
        link.stop()


def test_a_child_that_cannot_start_leaves_the_link_reading_the_filters_itself(broker_cfg):
    """Process.start failing (here for real: an argument that cannot be pickled across a spawn) must not
    stop the link: the offload counts as dead and the link subscribes the filters itself."""
    link = MqttLink(broker_cfg.with_client_id(f"offl-{uuid.uuid4().hex[:8]}"))
    offload = link.offload_extra_many(WORKER, (threading.Lock(),), on_batch=lambda batch: None)
    got: list[bytes] = []
    link.start()
    try:
        assert link.wait_connected(10) and offload.dead and not offload.alive
        topic = f"{broker_cfg.prefix}/offl-nostart/x"
        link.subscribe_extra_many([topic], lambda t, payload: got.append(payload))
        pub = make_client(broker_cfg.with_client_id(f"offlpub-{uuid.uuid4().hex[:8]}"), clean=True)
        pub.connect(broker_cfg.host, broker_cfg.port)
        pub.loop_start()
        try:
            publish_until(pub, topic, b"here", lambda: b"here" in got, "the link's own subscription to deliver")
        finally:
            pub.loop_stop()
            pub.disconnect()
    finally:
        link.stop()
