"""OpenTelemetry out: a command sent through real Mosquitto to the simulator is one trace, received
by a real OTLP/HTTP receiver (tests/core/telemetry/otlp_receiver.py): the command's span, a child per
step, and the device's span under the command's span, continued from the ``traceparent`` MQTT 5
user property.  Model requests are spans with TTFT and tokens."""

from __future__ import annotations

import threading

import paho.mqtt.client as mqtt
import pytest

from console.core.commands.outbox import Outbox
from console.core.demo.simulator import Simulator
from console.core.fleet.catalog import load_fleet
from console.core.inference.telemetry import Telemetry
from console.core.inference.types import RequestMetrics
from console.core.mqtt.link import connect_properties, make_client
from console.core.protocol import Command, CommandState, device_topic
from console.core.services import build_services
from console.core.telemetry.config import TelemetryConfig
from console.core.telemetry.context import TraceParent
from console.core.telemetry.device import DeviceTracer
from console.core.telemetry.hub import TelemetryHub
from console.core.telemetry.timeline import build_timeline, model_mark, Mark
from console.core.telemetry.tracing import CommandTracer
from tests.conftest import wait_for
from tests.core.telemetry.otlp_receiver import OtlpReceiver

S = CommandState
STEPS = {"origin", "validated", "persisted", "published", "delivered", "accepted", "succeeded"}


@pytest.fixture
def otlp():
    receiver = OtlpReceiver()
    yield receiver
    receiver.close()


class CmdSpy:
    """A plain MQTT 5 subscriber on a device's cmd topic: what the broker really delivered."""

    def __init__(self, cfg, topic: str) -> None:
        self.props: list = []
        self.got = threading.Event()
        self.client = make_client(cfg.with_client_id(f"spy-{cfg.prefix}"), clean=True)
        self.client.on_connect = lambda c, *_: c.subscribe(topic, qos=1)
        self.client.on_subscribe = lambda *_: self.subscribed.set()
        self.subscribed = threading.Event()
        self.client.on_message = self._on_message
        self.client.connect(cfg.host, cfg.port, properties=connect_properties(cfg, clean=True))
        self.client.loop_start()
        assert self.subscribed.wait(10)

    def _on_message(self, client, userdata, msg: mqtt.MQTTMessage) -> None:
        self.props.append(list(getattr(msg.properties, "UserProperty", None) or []))
        self.got.set()

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def test_a_command_is_one_trace_and_the_device_continues_it(broker_cfg, otlp, tmp_path):
    cfg = TelemetryConfig(endpoint=otlp.endpoint, sample=1.0)
    sim = Simulator(load_fleet(), broker_cfg, rate_hz=0, seed=3)
    sim.tracing = DeviceTracer.from_config(cfg)  # as `simulate --otlp-endpoint` does: its own exporter
    sim.start(wait=10)
    spy = CmdSpy(broker_cfg, device_topic(broker_cfg.prefix, "lamp-office-1", "cmd"))
    svc = build_services(broker_url=None, cfg=broker_cfg, outbox_path=tmp_path / "outbox.sqlite3", telemetry=cfg)
    svc.start_blocking()
    try:
        assert svc.telemetry.tracing and svc.telemetry.tracing_status.startswith("on:")
        wait_for(lambda: svc.registry.meta("lamp-office-1") is not None, what="the lamp's meta")
        row = svc.commands.submit("lamp-office-1", {"power": True, "level": 40})
        wait_for(lambda: svc.commands.get(row.id).state is S.SUCCEEDED, timeout=20, what="SUCCEEDED")
        assert svc.telemetry.flush(20)
    finally:
        svc.stop()
        sim.stop()
        sim.tracing.shutdown()  # flushes the simulator's own exporter
        spy.close()
    tp = TraceParent.parse(row.command.trace)
    assert tp is not None and tp.sampled
    # the broker delivered the traceparent to the device as an MQTT 5 user property
    assert spy.got.wait(10) and ("traceparent", row.command.trace) in spy.props[0]

    spans = otlp.wait_for(lambda got: any(s.name.startswith("device ") for s in got)
                          and any(s.name == "command set" for s in got))
    root = next(s for s in spans if s.name == "command set")
    assert (root.trace_id, root.span_id, root.parent_span_id) == (tp.trace_id, tp.span_id, "")
    assert root.service == "autoglm-console"
    assert root.attrs["autoglm.device"] == "lamp-office-1"
    assert root.attrs["autoglm.capability"] == "level,power"
    assert root.attrs["autoglm.command.id"] == row.id
    assert root.attrs["messaging.mqtt.qos"] == 1
    assert root.attrs["autoglm.outcome"] == "succeeded"
    assert root.status_code == 1  # STATUS_CODE_OK

    children = [s for s in spans if s.parent_span_id == root.span_id and s.service == "autoglm-console"]
    assert {s.name for s in children} == STEPS
    assert all(s.trace_id == root.trace_id for s in children)
    assert all(root.start_ns <= s.start_ns <= s.end_ns <= root.end_ns for s in children)
    published = next(s for s in children if s.name == "published")
    assert published.attrs["autoglm.step.attempt"] == 1

    device = next(s for s in spans if s.name.startswith("device "))
    assert device.service == "autoglm-simulator"
    assert (device.trace_id, device.parent_span_id) == (root.trace_id, root.span_id)  # under the command's span
    assert device.attrs["autoglm.device"] == "lamp-office-1"
    assert device.attrs["autoglm.command.id"] == row.id
    assert device.attrs["autoglm.capability"] == "level,power"
    assert device.attrs["messaging.mqtt.qos"] == 1
    assert device.attrs["autoglm.outcome"] == "done"


def test_an_unsampled_command_exports_nothing_and_the_device_follows(broker_cfg, otlp, tmp_path):
    cfg = TelemetryConfig(endpoint=otlp.endpoint, sample=0.0)
    sim = Simulator(load_fleet(), broker_cfg, rate_hz=0, seed=4)
    svc = build_services(broker_url=None, cfg=broker_cfg, outbox_path=tmp_path / "outbox.sqlite3", telemetry=cfg)
    sim.tracing = svc.telemetry.device_tracer()  # embedded: the console's provider
    sim.start(wait=10)
    svc.start_blocking()
    try:
        wait_for(lambda: svc.registry.meta("lamp-office-1") is not None, what="the lamp's meta")
        row = svc.commands.submit("lamp-office-1", {"power": False})
        wait_for(lambda: svc.commands.get(row.id).state is S.SUCCEEDED, timeout=20, what="SUCCEEDED")
        tp = TraceParent.parse(row.command.trace)
        assert tp is not None and not tp.sampled  # still propagated, marked not sampled
        # a model request is traced on its own (sampling 0: not exported either); flush, then count
        Telemetry(gpus=0).record_request(RequestMetrics(ttft_s=0.1, e2e_s=0.3, prompt_tokens=5, new_tokens=3))
        assert svc.telemetry.flush(20)
    finally:
        svc.stop()
        sim.stop()
    assert otlp.spans == []  # flushed: everything that was going to be exported has been received


def test_model_requests_are_spans_with_ttft_and_tokens(otlp):
    hub = TelemetryHub(TelemetryConfig(endpoint=otlp.endpoint + "/v1/traces", sample=1.0))
    try:
        Telemetry(gpus=0).record_request(RequestMetrics(ttft_s=0.25, e2e_s=1.25, prompt_tokens=321, new_tokens=40,
                                                        finish_reason="stop"), ok=True, now=1_700_000_000.0)
        Telemetry(gpus=0).record_request(RequestMetrics(e2e_s=0.5, finish_reason="error"), ok=False,
                                         now=1_700_000_010.0)
        assert hub.flush(20)
    finally:
        hub.close()
    spans = otlp.wait_for(lambda got: len(got) >= 2)
    ok, failed = sorted((s for s in spans if s.name == "model request"), key=lambda s: s.start_ns)
    assert ok.attrs["gen_ai.usage.input_tokens"] == 321 and ok.attrs["gen_ai.usage.output_tokens"] == 40
    assert ok.attrs["autoglm.model.ttft_ms"] == pytest.approx(250.0)
    assert ok.end_ns - ok.start_ns == pytest.approx(1.25e9, rel=1e-6)
    assert ok.events == ["first token"] and ok.status_code == 0
    assert failed.status_code == 2  # STATUS_CODE_ERROR
    # the hub's health numbers saw both: one error in two requests
    assert {i.key: i.value for i in hub.health.indicators(now=1_700_000_020.0)}["engine_error_rate"] == 0.5


def test_a_model_proposed_command_has_the_model_as_a_step_of_its_trace(otlp, tmp_path):
    """The model request that proposed a command (linked by its proposer) is a child span with TTFT and tokens."""
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    tracer = CommandTracer(TelemetryConfig(endpoint=otlp.endpoint, sample=1.0))
    try:
        cmd = Command.new("fan-1", {"running": True}, origin="assistant", now=1000.0)
        cmd = Command(**{**cmd.__dict__, "trace": tracer.begin(cmd, 1)})
        row = outbox.add_sent(cmd, 1, now=1000.0)
        row = outbox.transition(row, S.DELIVERED, detail="PUBACK", now=1000.02)
        row = outbox.transition(row, S.SUCCEEDED, detail="done", now=1000.05)
        metrics = RequestMetrics(ttft_s=0.2, e2e_s=0.6, prompt_tokens=120, new_tokens=18)
        marks = [model_mark(metrics, ended_at=999.9), Mark("validated", 999.95, 999.97, {"origin": "assistant"}),
                 Mark("published", 1000.001, 1000.003, {"attempt": 1})]
        timeline = build_timeline(row, outbox.history(row.id), marks)
        assert timeline.names[:3] == ["model", "origin", "validated"]
        assert tracer.finish(row, timeline)
        assert tracer.flush(20)
    finally:
        tracer.shutdown()
        outbox.close()
    spans = otlp.wait_for(lambda got: any(s.name == "model" for s in got))
    root = next(s for s in spans if s.name == "command set")
    model = next(s for s in spans if s.name == "model")
    assert model.parent_span_id == root.span_id and root.start_ns == model.start_ns
    assert model.attrs["autoglm.step.prompt_tokens"] == 120
    assert model.attrs["autoglm.step.ttft_s"] == pytest.approx(0.2)
    assert model.attrs["autoglm.step.decode_s"] == pytest.approx(0.4)
