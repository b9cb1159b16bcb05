"""The simulator survives anything on its command topics (issue 13: one malformed command used to kill
a device's network thread): hypothesis fuzzes command payloads at a running simulator on a real
Mosquitto, then the device must still answer a valid command with ``done``."""

from __future__ import annotations

import json
import time
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.demo.simulator import Simulator
from console.core.fleet.catalog import load_fleet
from tests.conftest import wait_for
from tests.core.demo.test_simulator import Probe

DEVICE = "lamp-office-1"
leaf = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40), st.floats(),
                 st.text(max_size=12), st.sampled_from(["\ud800", "x" * 500]))
value = st.recursive(leaf, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(
    st.text(max_size=6), kids, max_size=3), max_leaves=8)
commands = st.fixed_dictionaries(
    {"id": st.uuids().map(str)},
    optional={"ts": value | st.just(time.time()), "ttl_s": value, "action": st.sampled_from(["set", "refresh"]) | value,
              "params": st.dictionaries(st.sampled_from(["power", "level", "x"]) | st.text(max_size=5), value,
                                        max_size=4) | value,
              "origin": value, "trace": value})


def _body(cmd) -> bytes:
    return json.dumps(cmd, allow_nan=True).encode("utf-8", "surrogatepass")


payloads = st.one_of(
    commands.map(_body), value.map(_body), st.binary(max_size=80),
    st.sampled_from([b"[" * 50_000, b'{"id": "\\ud800", "ts": 1}', b'{"id": "a", "ts": 1e999}', b"9" * 5000,
                     b'{"id": "b", "ts": ' + b"9" * 400 + b', "action": "set"}']),
)


def test_fuzzed_commands_never_kill_a_simulated_device(broker_cfg, caplog):
    sim = Simulator(load_fleet(), broker_cfg, rate_hz=0, seed=3)
    sim.start(wait=10)
    probe = Probe(broker_cfg)
    answered: list[str] = []

    def valid_command_answers() -> None:
        cid = str(uuid.uuid4())
        probe.send(DEVICE, {"id": cid, "ts": time.time(), "ttl_s": 30, "action": "set",
                            "params": {"level": len(answered) % 100}})
        wait_for(lambda: any(a["status"] == "done" for a in probe.acks(DEVICE, cid)), what="done after the fuzz")
        answered.append(cid)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(batch=st.lists(payloads, min_size=1, max_size=8))
    def fuzz(batch):
        topic = f"{broker_cfg.prefix}/devices/{DEVICE}/cmd"
        for body in batch:
            probe.client.publish(topic, body, qos=1).wait_for_publish(5)
        valid_command_answers()  # in order on one connection: the fuzz before it was handled

    try:
        fuzz()
        assert len(answered) >= 150 and sim._client_of[DEVICE].is_connected()
        # a hostile command that carries a usable id is answered, not dropped
        probe.send(DEVICE, {"id": "hostile-1", "ts": time.time(), "action": "set", "params": {"level": 10**30}})
        ack = wait_for(lambda: probe.acks(DEVICE, "hostile-1"), what="an ack for the hostile command")[0]
        assert ack["status"] in ("rejected", "failed") and ack["error"]
        assert not [r for r in caplog.records if r.exc_info]  # expected bad input: no tracebacks
    finally:
        probe.close()
        sim.stop()
