"""What the console runs on, without Qt: the broker (embedded in the demo), the simulated fleet,
the fleet registry and the MQTT link.  The UI and the self-test build one of these."""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .broker import EmbeddedBroker, amqtt_available, find_mosquitto, free_port
from .catalog import Fleet, load_fleet
from .commands import CommandPipeline, PipelineConfig
from .mqtt_link import BrokerConfig, MqttLink
from .outbox import Outbox
from .paths import user_data_dir
from .protocol import Ack
from .registry import FleetRegistry
from .simulator import Simulator

log = logging.getLogger(__name__)


@dataclass
class Services:
    broker_cfg: BrokerConfig
    fleet: Fleet
    registry: FleetRegistry
    link: MqttLink
    commands: CommandPipeline | None = None
    embedded: EmbeddedBroker | None = None
    simulator: Simulator | None = None
    ack_handlers: list = field(default_factory=list)
    start_error: Exception | None = None
    _starter: threading.Thread | None = None

    def dispatch_ack(self, device_id: str, ack: Ack) -> None:
        for handler in list(self.ack_handlers):
            handler(device_id, ack)

    def start_blocking(self) -> None:
        """Embedded broker, then the simulated fleet, then our link (the demo order)."""
        if self.embedded is not None and self.embedded.proc is None:
            self.embedded.start()
        if self.simulator is not None:
            self.simulator.start(wait=10)
        if self.commands is not None:
            self.commands.start()
        self.link.start()

    def start(self, on_error=None) -> threading.Thread:
        """Start in the background so the window shows at once; ``on_error(exc)`` if it fails."""

        def run() -> None:
            try:
                self.start_blocking()
            except Exception as exc:  # noqa: BLE001 - reported to the UI, the console keeps running
                log.error("start-up failed: %s", exc)
                self.start_error = exc
                if on_error is not None:
                    on_error(exc)

        self._starter = threading.Thread(target=run, name="services-start", daemon=True)
        self._starter.start()
        return self._starter

    def stop(self) -> None:
        if self._starter is not None:
            self._starter.join(15)
        if self.commands is not None:
            self.commands.stop()
        self.link.stop()
        if self.commands is not None:
            self.commands.outbox.close()
        if self.simulator is not None:
            self.simulator.stop()
        if self.embedded is not None:
            self.embedded.stop()


def outbox_path_for(cfg: BrokerConfig, *, embedded_demo: bool = False) -> Path:
    """One command outbox per broker site (host, port, topic prefix): commands queued for one
    broker are replayed to that broker only, never to another the console is switched to.  The demo's
    embedded broker takes a new port each start, so the demo keeps one file of its own."""
    if embedded_demo:
        return user_data_dir() / "outbox.sqlite3"
    site = f"{cfg.host}:{cfg.port}/{cfg.prefix}"
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{cfg.host}_{cfg.port}_{cfg.prefix}")[:60]
    return user_data_dir() / "outbox" / f"{slug}-{hashlib.sha1(site.encode()).hexdigest()[:8]}.sqlite3"


def build_services(
    *,
    broker_url: str | None,
    fleet_path: str | Path | None = None,
    demo: bool = False,
    prefix: str = "autoglm",
    client_id: str = "",
    sim_rate_hz: float = 1.0,
    cfg: BrokerConfig | None = None,
    outbox_path: str | Path | None = None,
    pipeline: PipelineConfig | None = None,
) -> Services:
    """Build, without starting anything: ``Services.start()`` brings the demo broker and fleet up.

    Demo: an embedded broker on a free loopback port (Mosquitto, else amqtt) and the simulated fleet.
    """
    fleet = load_fleet(fleet_path)
    embedded = simulator = None
    protocol = "5"
    if demo and not broker_url:
        kind = "mosquitto" if find_mosquitto() else ("amqtt" if amqtt_available() else "mosquitto")
        embedded = EmbeddedBroker(port=free_port(), kind=kind)
        protocol = "5" if kind == "mosquitto" else "3.1.1"  # amqtt speaks MQTT 3.1.1 only
        broker_url = embedded.url
    if not broker_url:
        broker_url = "mqtt://127.0.0.1:1883"
    if cfg is None:  # a connection profile passes its own config (TLS, credentials, client id)
        cfg = BrokerConfig.from_url(broker_url, prefix=prefix, client_id=client_id, protocol=protocol)
    prefix = cfg.prefix
    if demo:
        simulator = Simulator(fleet, cfg, rate_hz=sim_rate_hz)
    svc_holder: list[Services] = []
    registry = FleetRegistry(prefix, on_ack=lambda d, a: svc_holder[0].dispatch_ack(d, a))
    link = MqttLink(cfg, on_message=lambda t, p, m: registry.ingest(t, p))
    outbox = Outbox(outbox_path or outbox_path_for(cfg, embedded_demo=embedded is not None))
    log.info("command outbox for %s: %s", cfg.url(), outbox.path)
    commands = CommandPipeline(outbox, link, registry.meta, pipeline)
    svc = Services(cfg, fleet, registry, link, commands, embedded, simulator)
    svc.ack_handlers.append(commands.on_ack)
    svc_holder.append(svc)
    return svc
