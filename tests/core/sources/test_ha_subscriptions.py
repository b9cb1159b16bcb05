"""The bridge subscribes the state topics of many discovered entities in batches: many topic filters
per SUBSCRIBE (counted by the broker's SUBACKs), at discovery and again after a reconnect (real
Mosquitto, the HA simulator)."""

from __future__ import annotations

import json

from console.core.sources.ha_bridge import SUBSCRIBE_BATCH
from tests.conftest import wait_for
from tests.core.ha.bridge_env import start_env

N = 1100


def entries():
    return [{"topic": f"homeassistant/sensor/batch/s{i}/config",
             "config": {"name": f"Batch {i}", "state_topic": f"batch/{i}", "unit_of_measurement": "W",
                        "unique_id": f"batch_{i}", "device": {"identifiers": [f"batch_{i}"], "name": f"Batch {i}"}},
             "example_state_topic": f"batch/{i}", "example_state_payload": str(i)} for i in range(N)]


def test_state_topics_are_subscribed_in_batches_and_again_after_a_reconnect(broker_cfg, tmp_path):
    env = start_env(broker_cfg, tmp_path, entries=entries())
    subacks: list[int] = []
    env.link._client.on_subscribe = lambda client, userdata, mid, codes, props: subacks.append(len(codes))
    try:
        wait_for(lambda: len(env.bridge.subscribed()) == N, timeout=60, what="every state topic subscribed")
        wait_for(lambda: sum(1 for _, r in env.registry.get_many(env.registry.ids()) if r.values) == N, timeout=60,
                 what="every device's retained state read")
        assert sum(subacks) >= N and max(subacks) > 1  # several filters in one SUBSCRIBE
        assert len(subacks) < N // 10 and max(subacks) <= SUBSCRIBE_BATCH
        before = len(subacks)
        env.link._client.disconnect()  # the broker connection drops: the link reconnects and resubscribes
        wait_for(lambda: sum(subacks[before:]) >= N + 2, timeout=30, what="resubscribed after the reconnect")
        assert len(subacks) - before < N // 10
        device = next(i for i in env.registry.ids() if (m := env.registry.meta(i)) and m.name == "Batch 7")
        env.sim._client.publish("batch/7", json.dumps(77.5), qos=1)
        wait_for(lambda: env.registry.get(device).values.get("batch_7") == 77.5 or
                 list(env.registry.get(device).values.values()) == [77.5], what="a new state after the reconnect")
    finally:
        env.stop()
