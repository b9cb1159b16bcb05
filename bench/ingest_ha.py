"""Ingest of Home Assistant discovery (``bench/ingest.py --ha N``): N discovered entities through the
real HaBridge, against a bare paho subscriber on the same broker in the same run.

A Zigbee2MQTT-like mix, four entities per device on one JSON state topic, a template on every state
(a json-schema light or a switch with ``value_template``, a temperature and a link-quality sensor,
a contact binary_sensor with Zigbee2MQTT's ``payload_on: false``).  The configs are published retained
before the console connects (thousands arrive at once, as at a real start); then each device
publishes its state at ``--rate`` Hz for ``--window`` s.  Measured: ``configs_known_s``, the seconds
from the console's CONNACK until every entity is known to the fleet and every device is in the
registry; ``console_state_per_s`` (state messages the bridge handled) against
``bare_received_per_s``.  Qt-free: the console's link, registry and bridge, without the UI.
Prints one JSON object as the last line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PUBLISH = r"""
import json, random, sys, time
import paho.mqtt.client as mqtt
host, port, mode, path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
spec = json.load(open(path))
c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"ha-bench-{mode}")
c.max_queued_messages_set(0)
c.connect(host, port); c.loop_start()
if mode == "configs":
    infos = [c.publish(t, json.dumps(cfg), qos=1, retain=True) for t, cfg in spec["configs"]]
    for i in infos: i.wait_for_publish(60)
else:
    topics, rate, window = spec["states"], spec["rate"], spec["window"]
    rng = random.Random(3)
    end = time.monotonic() + window
    n = 0
    while time.monotonic() < end:
        t0 = time.monotonic()
        for t in topics:
            c.publish(t, json.dumps({"state": rng.choice(["ON", "OFF"]), "brightness": rng.randint(1, 254),
                      "temperature": round(rng.uniform(15, 30), 2), "linkquality": rng.randint(0, 255),
                      "contact": rng.random() < 0.5}), qos=0)
            n += 1
        time.sleep(max(0.0, 1.0 / rate - (time.monotonic() - t0)))
    print(n)
c.loop_stop(); c.disconnect()
"""

BARE = r"""
import sys, threading, time
import paho.mqtt.client as mqtt
host, port, topic = sys.argv[1], int(sys.argv[2]), sys.argv[3]
count = 0
def on_message(c, u, m):
    global count
    count += 1
c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="ha-bench-bare")
c.on_message = on_message
c.on_connect = lambda c, u, f, rc, p: c.subscribe(topic, qos=0)
c.connect(host, port); c.loop_start()
for line in sys.stdin:
    print(count, flush=True)
"""


def make_spec(entities: int, ha_prefix: str, base: str) -> dict:
    """Configs (topic, payload) for ``entities`` entities, four per device, and the state topics."""
    configs, states = [], []
    for d in range((entities + 3) // 4):
        node, state = f"0x{d:016x}", f"{base}/dev {d}"  # a name with a space, as Zigbee2MQTT allows
        dev = {"identifiers": [f"zigbee2mqtt_{node}"], "name": f"dev {d}", "manufacturer": "Bench",
               "model": "Mix", "suggested_area": f"area {d % 50}"}
        common = {"state_topic": state, "device": dev, "availability_topic": f"{base}/bridge/state",
                  "availability_template": "{{ value_json.state }}", "payload_available": "online"}
        light = ({"schema": "json", "brightness": True, "command_topic": f"{state}/set", "name": None}
                 if d % 2 == 0 else
                 {"command_topic": f"{state}/set", "value_template": "{{ value_json.state }}",
                  "payload_on": "ON", "payload_off": "OFF", "name": None})
        parts = [("light" if d % 2 == 0 else "switch", "light", light),
                 ("sensor", "temperature", {"value_template": "{{ value_json.temperature | float(0) | round(1) }}",
                                            "unit_of_measurement": "°C", "device_class": "temperature"}),
                 ("sensor", "linkquality", {"value_template": "{{ value_json['linkquality'] }}",
                                            "unit_of_measurement": "lqi", "state_class": "measurement"}),
                 ("binary_sensor", "contact", {"value_template": "{{ value_json.contact }}",
                                               "payload_on": False, "payload_off": True, "device_class": "door"})]
        for component, obj, extra in parts[: max(0, entities - 4 * d)]:
            cfg = {**common, "unique_id": f"{node}_{obj}_{component}", "object_id": f"dev_{d}_{obj}", **extra}
            configs.append((f"{ha_prefix}/{component}/{node}/{obj}/config", cfg))
        states.append(state)
    return {"configs": configs, "states": states}


def run(entities: int, rate: float = 1.0, window: float = 10.0) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="autoglm-ingest-ha-"))
    os.environ["AUTOGLM_DATA_DIR"] = str(tmp / "data")
    sys.path.insert(0, str(ROOT))
    from console.core.demo.broker import EmbeddedBroker
    from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
    from console.core.mqtt.link import BrokerConfig, MqttLink
    from console.core.sources.ha_bridge import HaBridge

    tag = uuid.uuid4().hex[:6]
    ha_prefix, base = f"habench{tag}", f"z2m{tag}"
    spec = make_spec(entities, ha_prefix, base)
    (tmp / "spec.json").write_text(json.dumps({**spec, "rate": rate, "window": window}))
    broker = EmbeddedBroker(kind="mosquitto").start()
    host, port = broker.host, str(broker.port)
    link = None
    try:
        subprocess.run([sys.executable, "-c", PUBLISH, host, port, "configs", str(tmp / "spec.json")], check=True)
        cfg = BrokerConfig(host=host, port=broker.port, prefix=f"ing{tag}", ha_prefix=ha_prefix)
        registry = FleetRegistry(cfg.prefix)
        link = MqttLink(cfg)
        link.route(FLEET_KINDS, registry.ingest)
        bridge = HaBridge(link, registry, ha_prefix)
        handled = [0]
        on_state = bridge._on_state  # count the state messages the bridge handles (bench only)

        def counted(topic: str, payload: bytes) -> None:
            handled[0] += 1
            on_state(topic, payload)

        bridge._on_state = counted  # type: ignore[method-assign]
        bridge.attach()
        link.start()
        if not link.wait_connected(20):
            return {"bench": "ingest-ha", "error": "console did not connect"}
        t_connack = time.monotonic()
        devices = len(spec["states"])

        def known() -> tuple[int, int]:
            ids = [i for i in registry.ids() if registry.source_of(i) == "ha"]
            if len(ids) < devices:  # cheap first: the entity count takes every device's lock turn
                return len(ids), 0
            return len(ids), sum(len(bridge.fleet.entities(i)) for i in ids)

        while known() != (devices, entities) and time.monotonic() - t_connack < 300:
            time.sleep(0.02)
        configs_known_s = time.monotonic() - t_connack
        got = known()
        bare = subprocess.Popen([sys.executable, "-c", BARE, host, port, f"{base}/#"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        time.sleep(1.0)  # the bare subscriber's SUBACK
        h0 = handled[0]
        t0 = time.monotonic()
        pub = subprocess.run([sys.executable, "-c", PUBLISH, host, port, "states", str(tmp / "spec.json")],
                             check=True, capture_output=True, text=True)
        time.sleep(1.0)  # the last messages in flight
        dt = time.monotonic() - t0
        bare_n = int(bare.communicate("count\n", timeout=10)[0].split()[-1])
        console_n = handled[0] - h0
        return {"bench": "ingest-ha", "entities": entities, "devices": devices, "rate_hz": rate,
                "window_s": window, "configs_known_s": round(configs_known_s, 3),
                "devices_known": got[0], "entities_known": got[1], "published": int(pub.stdout.split()[-1]),
                "console_state_per_s": round(console_n / dt, 1), "bare_received_per_s": round(bare_n / dt, 1),
                "ratio": round(console_n / bare_n, 3) if bare_n else 0.0,
                "template_errors": sum(d.template_errors for d in map(bridge.fleet.device, registry.ids()) if d),
                "rejected_configs": bridge.rejected_configs, "cpus": os.cpu_count()}
    finally:
        if link is not None:
            link.stop()
        broker.stop()
