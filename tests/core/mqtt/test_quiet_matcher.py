"""paho's per-topic matcher made cyclic garbage on every incoming message (a self-referencing
recursive generator); the link's clients use QuietMatcher, which makes none while no per-topic
callback is registered and still matches like paho's when one is (real Mosquitto, real paho)."""

from __future__ import annotations

import gc
import threading

import paho.mqtt.client as mqtt
from paho.mqtt.matcher import MQTTMatcher

from console.core.mqtt.link import QuietMatcher, make_client


def cyclic_garbage(matcher: MQTTMatcher, n: int = 2000) -> int:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for i in range(n):
            list(matcher.iter_match(f"plant/devices/dev-{i % 50}/state"))
        return gc.collect()
    finally:
        if was:
            gc.enable()


def test_no_cyclic_garbage_per_message_where_pahos_matcher_makes_some():
    assert cyclic_garbage(MQTTMatcher()) >= 2000  # the cause, as paho 2.x has it
    assert cyclic_garbage(QuietMatcher()) == 0


def test_with_a_filter_registered_it_matches_as_pahos_does():
    ours, pahos = QuietMatcher(), MQTTMatcher()
    for m in (ours, pahos):
        m["plant/+/lamp/#"] = "a"
        m["plant/devices/lamp/state"] = "b"
    for topic in ("plant/devices/lamp/state", "plant/x/lamp", "plant/devices/fan/state", "$SYS/x"):
        assert sorted(ours.iter_match(topic)) == sorted(pahos.iter_match(topic)), topic


def test_a_link_client_still_delivers_messages_and_per_topic_callbacks(broker_cfg):
    client = make_client(broker_cfg.with_client_id(f"quiet-{broker_cfg.prefix}"))
    assert isinstance(client._on_message_filtered, QuietMatcher)
    got, filtered, subscribed = [], [], threading.Event()
    both = threading.Event()
    client.on_message = lambda _c, _u, msg: got.append(msg.topic)
    client.message_callback_add(f"{broker_cfg.prefix}/only/#", lambda _c, _u, msg: (filtered.append(msg.topic),
                                                                                       both.set()))
    client.on_subscribe = lambda *_a: subscribed.set()
    client.on_connect = lambda c, *_a: c.subscribe(f"{broker_cfg.prefix}/#", qos=1)
    client.connect(broker_cfg.host, broker_cfg.port)
    client.loop_start()
    try:
        assert subscribed.wait(15)
        client.publish(f"{broker_cfg.prefix}/any/state", b"1", qos=1).wait_for_publish(10)
        client.publish(f"{broker_cfg.prefix}/only/state", b"2", qos=1).wait_for_publish(10)
        assert both.wait(15)
        assert filtered == [f"{broker_cfg.prefix}/only/state"]  # the per-topic callback
        assert f"{broker_cfg.prefix}/any/state" in got  # the general one, for the rest
    finally:
        client.loop_stop()
        client.disconnect()
