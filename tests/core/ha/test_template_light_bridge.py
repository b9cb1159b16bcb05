"""A ``schema: template`` light over a real Mosquitto: commanded with its on-template's exact payload,
confirmed by the state its templates read (the simulator applies ``.../set`` as Zigbee2MQTT does)."""

from __future__ import annotations

import json

from console.core.protocol import CommandState as S
from tests.conftest import wait_for
from tests.core.ha.bridge_env import start_env
from tests.core.ha.test_platforms import TEMPLATE_LIGHT

ENTRY = {"topic": "homeassistant/light/tpl_lamp/config", "config": TEMPLATE_LIGHT,
         "example_state_topic": "tpl/lamp", "example_state_payload": {"state": "off", "brightness": 10}}


def test_a_template_light_is_commanded_and_confirmed(broker_cfg, tmp_path):
    env = start_env(broker_cfg, tmp_path, entries=[ENTRY])
    try:
        lamp = env.id_of("Template Lamp")
        wait_for(lambda: env.registry.get(lamp) is not None and env.registry.get(lamp).values.get("power") is False,
                 what="the lamp's state read through its templates")
        row = env.pipeline.submit(lamp, {"power": True, "brightness": 128})
        done = env.wait_state(row.id, S.SUCCEEDED, S.TIMEOUT, S.FAILED)
        assert done.state is S.SUCCEEDED
        assert [json.loads(p) for t, p in env.sim.received if t == "tpl/lamp/set"] == [{"state": "on", "brightness": 128}]
        assert env.registry.get(lamp).values == {"power": True, "brightness": 128}
    finally:
        env.stop()
