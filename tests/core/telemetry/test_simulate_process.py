"""`autoglm-console simulate --otlp-endpoint URL` in its own process continues the console's traces
and exports the device's spans itself: one trace across two processes and a real broker."""

from __future__ import annotations

import signal
import subprocess
import sys

from console.core.protocol import CommandState
from console.core.services import build_services
from console.core.telemetry.config import TelemetryConfig
from tests.conftest import wait_for
from tests.core.telemetry.otlp_receiver import OtlpReceiver


def test_a_simulator_process_exports_the_devices_span_into_the_commands_trace(broker_cfg, tmp_path):
    receiver = OtlpReceiver()
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "simulate", "--broker", f"mqtt://{broker_cfg.host}:{broker_cfg.port}",
         "--prefix", broker_cfg.prefix, "--rate", "0", "--otlp-endpoint", receiver.endpoint, "--otlp-sample", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    svc = build_services(broker_url=None, cfg=broker_cfg, outbox_path=tmp_path / "outbox.sqlite3",
                         telemetry=TelemetryConfig(endpoint=receiver.endpoint))
    svc.start_blocking()
    try:
        wait_for(lambda: svc.registry.meta("blinds-office") is not None, timeout=60, what="the simulator's devices")
        row = svc.commands.submit("blinds-office", {"position": 40})
        wait_for(lambda: svc.commands.get(row.id).state is CommandState.SUCCEEDED, timeout=20, what="SUCCEEDED")
        assert svc.telemetry.flush(20)
    finally:
        svc.stop()
        proc.send_signal(signal.SIGTERM)  # the simulator stops, flushing its exporter
        out, _ = proc.communicate(timeout=60)
    try:
        assert proc.returncode == 0, out
        spans = receiver.wait_for(lambda got: any(s.service == "autoglm-simulator" for s in got))
    finally:
        receiver.close()
    root = next(s for s in spans if s.name == "command set")
    device = next(s for s in spans if s.service == "autoglm-simulator")
    assert root.attrs["autoglm.command.id"] == device.attrs["autoglm.command.id"] == row.id
    assert (device.trace_id, device.parent_span_id) == (root.trace_id, root.span_id)
    assert device.name == "device blinds-office handle" and device.attrs["autoglm.capability"] == "position"
