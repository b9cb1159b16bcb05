"""What the console runs on, without Qt: the broker (embedded in the demo), the simulated fleet,
the fleet registry and the MQTT link.  The UI and the self-test build one of these."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from .broker import EmbeddedBroker
from .catalog import Fleet, load_fleet
from .mqtt_link import BrokerConfig, MqttLink
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
    embedded: EmbeddedBroker | None = None
    simulator: Simulator | None = None
    ack_handlers: list = field(default_factory=list)

    def dispatch_ack(self, device_id: str, ack: Ack) -> None:
        for handler in list(self.ack_handlers):
            handler(device_id, ack)

    def start(self) -> None:
        self.link.start()

    def stop(self) -> None:
        self.link.stop()
        if self.simulator is not None:
            self.simulator.stop()
        if self.embedded is not None:
            self.embedded.stop()


def build_services(
    *,
    broker_url: str | None,
    fleet_path: str | Path | None = None,
    demo: bool = False,
    prefix: str = "autoglm",
    client_id: str = "",
    sim_rate_hz: float = 1.0,
) -> Services:
    """Demo: start an embedded broker and the simulated fleet on it, then connect to it."""
    fleet = load_fleet(fleet_path)
    embedded = simulator = None
    if demo and not broker_url:
        embedded = EmbeddedBroker().start()
        broker_url = embedded.url
    if not broker_url:
        broker_url = "mqtt://127.0.0.1:1883"
    cfg = BrokerConfig.from_url(broker_url, prefix=prefix, client_id=client_id)
    if embedded is not None and embedded.protocol != "5":
        cfg = replace(cfg, protocol=embedded.protocol)
    if demo:
        simulator = Simulator(fleet, cfg, rate_hz=sim_rate_hz)
        try:
            simulator.start(wait=10)
        except ConnectionError:
            if embedded is not None:
                embedded.stop()
            raise
    svc_holder: list[Services] = []
    registry = FleetRegistry(prefix, on_ack=lambda d, a: svc_holder[0].dispatch_ack(d, a))
    link = MqttLink(cfg, on_message=lambda t, p, m: registry.ingest(t, p))
    svc = Services(cfg, fleet, registry, link, embedded, simulator)
    svc_holder.append(svc)
    return svc
