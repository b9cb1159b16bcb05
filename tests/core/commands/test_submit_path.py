"""One submit path: whether a command needs the operator's yes is decided by ``CommandPipeline.submit``
alone, at send time, from the device's meta as it is then, the same for every origin; nothing is stored
or published when it asks.  Real Mosquitto, a real link, outbox and pipeline; a plain paho client
subscribed to the command topics counts what was published."""

from __future__ import annotations

import threading
import uuid
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.commands.pipeline import Confirmation, ConfirmationRequired, PipelineConfig
from console.core.mqtt.link import make_client
from console.core.protocol import ORIGINS, Capability, DeviceMeta, device_topic, encode_json
from tests.conftest import wait_for
from tests.core.commands.test_pipeline import Console

QUIET = PipelineConfig(ack_timeout_s=600)  # no device answers here: nothing is re-sent during a test


class CommandTap:
    """A second client on the broker: counts the commands published to ``prefix``'s devices; also
    publishes retained metas, as a device does."""

    def __init__(self, cfg):
        self.prefix = cfg.prefix
        self.count = 0
        self._lock = threading.Lock()
        self.client = make_client(cfg.with_client_id(f"tap-{uuid.uuid4().hex[:8]}"), clean=True)
        self.subscribed = threading.Event()
        self.client.on_message = self._on_message
        self.client.on_subscribe = lambda *args: self.subscribed.set()
        self.client.connect(cfg.host, cfg.port)
        self.client.loop_start()
        wait_for(self.client.is_connected, what="tap connected")
        self.client.subscribe(device_topic(self.prefix, "+", "cmd"), qos=2)
        assert self.subscribed.wait(5), "the tap's subscription was not acknowledged"

    def _on_message(self, client, userdata, msg):
        with self._lock:
            self.count += 1

    def published(self) -> int:
        with self._lock:
            return self.count

    def publish_meta(self, meta: DeviceMeta) -> None:
        self.client.publish(device_topic(self.prefix, meta.id, "meta"), encode_json(meta.to_json()),
                            qos=1, retain=True).wait_for_publish(5)

    def close(self):
        self.client.loop_stop()
        self.client.disconnect()


@pytest.fixture
def tap(broker_cfg):
    t = CommandTap(broker_cfg)
    yield t
    t.close()


PRESS = DeviceMeta("press-7", "Press 7", "press", "hall", {
    "power": Capability("power", "bool", writable=True),
    "force": Capability("force", "int", writable=True, min=0, max=100, risk="high"),
    "lamp": Capability("lamp", "bool", writable=True, risk="low"),
})


def _wait_meta(console, risk):
    wait_for(lambda: (m := console.registry.meta(PRESS.id)) is not None and m.risk == risk, what=f"meta risk {risk}")


def test_every_origin_gets_the_same_decision_from_the_meta_at_send_time(broker_cfg, tap):
    """The device is marked high risk after the commands were first sent: from then on every
    origin is asked, none gets through unconfirmed, and a yes given while it was low risk no longer
    covers it; the question's own yes does."""
    c = Console(broker_cfg, QUIET).start()
    try:
        tap.publish_meta(PRESS)
        _wait_meta(c, "low")
        sent = [c.pipeline.submit(PRESS.id, {"power": True}, origin=o) for o in ORIGINS]
        assert [(r.command.origin, r.qos) for r in sent] == [(o, 1) for o in ORIGINS]
        with pytest.raises(ConfirmationRequired):  # a high-risk capability of a low-risk device
            c.pipeline.submit(PRESS.id, {"force": 10})
        low_time_yes = Confirmation(PRESS.id, "set", {"power": True}, high_risk=False)

        tap.publish_meta(replace(PRESS, risk="high"))  # a retained meta, as the device publishes it
        _wait_meta(c, "high")
        asked = []
        for origin in ORIGINS:
            for confirmed in (False, low_time_yes):
                with pytest.raises(ConfirmationRequired) as exc:
                    c.pipeline.submit(PRESS.id, {"power": True}, origin=origin, confirmed=confirmed)
                asked.append(exc.value)
        assert c.outbox.count() == len(ORIGINS)  # nothing stored for any of them
        assert {(e.device_id, e.action, tuple(e.values.items()), e.high_risk, e.meta.risk) for e in asked} == \
            {(PRESS.id, "set", (("power", True),), True, "high")}
        assert str(asked[0]) == "Press 7: power → on. Send this command to press-7? This device is marked high risk."
        # a capability marked low overrides the device's high: not asked, as the meta says
        assert c.pipeline.submit(PRESS.id, {"lamp": True}, origin="assistant").qos == 1
        row = c.pipeline.submit(PRESS.id, {"power": True}, origin="assistant", confirmed=asked[0].confirmation())
        assert row.qos == 2 and row.command.origin == "assistant"
        wait_for(lambda: tap.published() == len(ORIGINS) + 2, what="the sent commands on the broker")
        assert c.outbox.count() == len(ORIGINS) + 2
    finally:
        c.stop()


def test_always_confirm_asks_even_for_low_risk_and_a_yes_covers_only_what_it_saw(broker_cfg, tap):
    metas = {PRESS.id: PRESS}
    c = Console(broker_cfg, QUIET, meta_lookup=metas.get).start()
    try:
        with pytest.raises(ConfirmationRequired) as exc:
            c.pipeline.submit(PRESS.id, {"power": True}, always_confirm=True)
        need = exc.value
        assert need.always and not need.high_risk and "must confirm" in str(need)
        for other in (Confirmation(PRESS.id, "set", {"power": False}, False),
                      Confirmation("press-8", "set", {"power": True}, False),
                      Confirmation(PRESS.id, "refresh", {}, False)):
            with pytest.raises(ConfirmationRequired):
                c.pipeline.submit(PRESS.id, {"power": True}, always_confirm=True, confirmed=other)
        metas[PRESS.id] = replace(PRESS, risk="high")  # while the operator was being asked
        with pytest.raises(ConfirmationRequired) as again:
            c.pipeline.submit(PRESS.id, {"power": True}, always_confirm=True, confirmed=need.confirmation())
        assert again.value.high_risk and c.outbox.count() == 0
        row = c.pipeline.submit(PRESS.id, {"power": True}, always_confirm=True, confirmed=again.value)
        assert row.qos == 2
        wait_for(lambda: tap.published() == 1, what="the one confirmed command")
    finally:
        c.stop()


# -- the property: random devices, values, and risk changes between preview and send -----------------

RISKS = st.sampled_from([None, "low", "high"])
NAMES = ("power", "level", "speed", "mode", "open", "setpoint")


@st.composite
def capability(draw, name):
    kind = draw(st.sampled_from(["bool", "int", "float", "enum"]))
    writable = draw(st.booleans())
    if kind == "enum":
        return Capability(name, kind, writable, values=("a", "b", "c"), risk=draw(RISKS))
    if kind in ("int", "float"):
        return Capability(name, kind, writable, min=0, max=100, risk=draw(RISKS))
    return Capability(name, kind, writable, risk=draw(RISKS))


def value_for(cap: Capability):
    return {"bool": st.booleans(), "int": st.integers(0, 100), "float": st.floats(0, 100),
            "enum": st.sampled_from(cap.values)}[cap.type]


@st.composite
def scenario(draw):
    """(meta at Preview, meta at send, values): the risks of the device and of each capability may
    change in between; the values touch writable capabilities only (valid, so risk alone decides)."""
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
    caps = {n: draw(capability(n)) for n in names}
    first = names[0]
    caps[first] = replace(caps[first], writable=True)
    preview = DeviceMeta("dev-1", "Device", "kind", "zone", caps, risk=draw(st.sampled_from(["low", "high"])))
    later = {n: replace(cap, risk=draw(RISKS)) for n, cap in caps.items()}
    at_send = replace(preview, capabilities=later, risk=draw(st.sampled_from(["low", "high"])))
    writable = [n for n in names if caps[n].writable]
    touched = draw(st.lists(st.sampled_from(writable), min_size=1, unique=True))
    values = {n: draw(value_for(caps[n])) for n in touched}
    return preview, at_send, values, draw(st.sampled_from(ORIGINS))


def says_high(meta: DeviceMeta, values: dict) -> bool:
    """The rule, written out here on its own: a touched capability's risk, else the device's."""
    return any((meta.capabilities[n].risk or meta.risk) == "high" for n in values)


def test_property_confirmation_is_asked_iff_the_meta_at_send_time_says_high_risk(broker_cfg, tap):
    metas: dict[str, DeviceMeta] = {}
    c = Console(broker_cfg, QUIET, meta_lookup=metas.get).start()
    sent = [0]

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(scenario())
    def check(case):
        preview, at_send, values, origin = case
        metas["dev-1"] = at_send
        high = says_high(at_send, values)
        before = c.outbox.count()
        # the assistant's yes from its Preview covers high risk only if the Preview showed it
        panel_yes = Confirmation("dev-1", "set", dict(values), high_risk=says_high(preview, values))
        for confirmed, must_ask in ((False, high), (panel_yes, high and not says_high(preview, values))):
            try:
                row = c.pipeline.submit("dev-1", values, origin=origin, confirmed=confirmed)
            except ConfirmationRequired as need:
                assert must_ask, f"asked without need: {need}"
                assert need.high_risk and need.device_id == "dev-1" and need.meta is at_send
                assert set(need.values) == set(values)
                assert c.outbox.count() == before  # nothing persisted
                continue
            assert not must_ask, "a high-risk command went without the operator's yes"
            assert row.qos == (2 if high else 1) and row.command.origin == origin
            before += 1
            sent[0] += 1
            assert c.outbox.count() == before

    try:
        check()
        # nothing was published for a command that asked: the broker saw exactly the ones sent
        wait_for(lambda: tap.published() == sent[0], what=f"{sent[0]} commands on the broker")
        assert c.outbox.count() == sent[0]
    finally:
        c.stop()
