"""What the console runs on, without Qt: the broker (embedded in the demo), the simulated fleet,
the fleet registry and the MQTT link.  The UI and the self-test build one of these.

Home Assistant discovery is on by default (prefix ``cfg.ha_prefix``, "homeassistant"): its devices
join the same registry and the same command pipeline (``console.core.sources``); the demo runs a
simulated discovery fleet (``resources/fleets/ha-demo.json``) beside the native one."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from console.core.alerts.service import Alerts, build_alerts
from console.core.alerts.store import AlertStoreError
from console.core.demo.broker import EmbeddedBroker, amqtt_available, find_mosquitto, free_port
from console.core.fleet.catalog import Fleet, load_fleet
from console.core.commands.pipeline import CommandPipeline, PipelineConfig
from console.core.mqtt.link import BrokerConfig, MqttLink
from console.core.commands.outbox import CommandRow, Outbox, OutboxError
from console.core.commands.migration import migrate_legacy_outbox, outbox_path_for
from console.core.commands.others import OtherConsoles
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from console.core.demo.simulator import Simulator
from console.core.demo.ha_simulator import HaDiscoverySimulator
from console.core.ha.ingest_process import attach_ingest_process
from console.core.paths import resource_path
from console.core.sources.ha_bridge import HaBridge
from console.core.sources.ha_overrides import HaOverrides, overrides_path_for
from console.core.telemetry.config import TelemetryConfig
from console.core.telemetry.hub import TelemetryHub

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
    ha: HaBridge | None = None  # Home Assistant discovery (None: off)
    ha_simulator: HaDiscoverySimulator | None = None
    alerts: Alerts | None = None  # alert rules on live data (None: its database could not be opened)
    alerts_error: str = ""  # why not, and what to do
    telemetry: TelemetryHub | None = None  # command timelines, the Health numbers, OpenTelemetry traces
    start_error: Exception | None = None
    # the commands moved out of the shared outbox at this start (the upgrade to one outbox per broker
    # site): open, replayed nowhere; the GUI tells the operator and its audit log lists them
    unassigned: list[CommandRow] = field(default_factory=list)
    # why that move failed at this start (a site starts anyway; it is tried again at the next start)
    unassigned_error: str = ""
    _starter: threading.Thread | None = None

    def start_blocking(self) -> None:
        """Embedded broker, then the simulated fleet, then our link (the demo order)."""
        if self.embedded is not None and self.embedded.proc is None:
            self.embedded.start()
        if self.simulator is not None:
            self.simulator.start(wait=10)
        if self.ha_simulator is not None:
            self.ha_simulator.start(wait=10)
        if self.commands is not None:
            self.commands.start()
        if self.alerts is not None:
            self.alerts.start()
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
        try:
            self._stop_clients()
        finally:  # whatever failed above, no embedded broker outlives the console
            if self.embedded is not None:
                self.embedded.stop()

    def _stop_clients(self) -> None:
        if self._starter is not None:
            self._starter.join(15)
        if self.alerts is not None:  # first: its ticker publishes on the link
            self.alerts.stop()
        if self.commands is not None:
            self.commands.stop()
        self.link.stop()
        if self.telemetry is not None:  # writes the last traces from the outbox: before it closes
            self.telemetry.close()
        if self.commands is not None:
            self.commands.outbox.close()
            if self.commands.others is not None:
                self.commands.others.close()
        if self.simulator is not None:
            self.simulator.stop()
        if self.ha_simulator is not None:
            self.ha_simulator.stop()


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
    ha_discovery: str | Path | None = None,
    telemetry: TelemetryConfig | None = None,
) -> Services:
    """Build, without starting anything: ``Services.start()`` brings the demo broker and fleet up.

    Demo: an embedded broker on a free loopback port (Mosquitto, else amqtt) and the simulated fleet,
    native and discovered (``ha_discovery``: a discovery file, default the bundled demo one).
    """
    fleet = load_fleet(fleet_path)
    embedded = simulator = None
    protocol = "5"
    if demo and not broker_url:
        kind = "mosquitto" if find_mosquitto() else ("amqtt" if amqtt_available() else "mosquitto")
        embedded = EmbeddedBroker(port=free_port(), kind=kind, watchdog=True)  # restarted if it dies
        protocol = "5" if kind == "mosquitto" else "3.1.1"  # amqtt speaks MQTT 3.1.1 only
        broker_url = embedded.url
    if not broker_url:
        broker_url = "mqtt://127.0.0.1:1883"
    if cfg is None:  # a connection profile passes its own config (TLS, credentials, client id)
        cfg = BrokerConfig.from_url(broker_url, prefix=prefix, client_id=client_id, protocol=protocol)
    prefix = cfg.prefix
    if demo:
        simulator = Simulator(fleet, cfg, rate_hz=sim_rate_hz)
    registry = FleetRegistry(prefix)
    link = MqttLink(cfg)
    link.route(FLEET_KINDS, registry.ingest)  # meta, state, status: the fleet table
    link.traffic.connect(registry.count)  # what the router settles itself: counted with the rest
    moved: list[CommandRow] = []
    move_error = ""
    if outbox_path is None:
        try:
            moved = migrate_legacy_outbox()
        except OutboxError as exc:
            if embedded is not None:  # the demo's file is the legacy one: never replay what was not moved out
                raise
            log.exception("the one-time move of the shared outbox's open commands failed; tried again next start")
            move_error = str(exc)
    outbox = Outbox(outbox_path or outbox_path_for(cfg, embedded_demo=embedded is not None))
    log.info("command outbox for %s: %s", cfg.url(), outbox.path)
    ha = HaBridge(link, registry, cfg.ha_prefix, overrides=HaOverrides(  # the operator's risk/exposure choices
        overrides_path_for(cfg, embedded_demo=embedded is not None))) if cfg.ha_prefix else None
    commands = CommandPipeline(outbox, link, registry.meta, pipeline,  # subscribes to delivered/connected
                               transport_for=ha.transport_for if ha is not None else None)
    link.route("ack", commands.on_ack)
    link.route("ack", registry.note_ack_clock)  # ack timestamps: the device's clock offset
    # other consoles' commands, read-only, kept beside the outbox so the Audit view still shows them after a restart
    commands.others = OtherConsoles(prefix, commands.get, path=outbox.path.with_suffix(".others.sqlite3"))
    commands.others.attach(link)
    alerts, alerts_error = None, ""
    try:  # the site's rules file (the demo's ships with it), its alerts database, the retained topic
        alerts = build_alerts(cfg, link, commands, demo=embedded is not None, registry=registry,
                              ha_fleet=ha.fleet if ha is not None else None)
    except AlertStoreError as exc:
        log.error("alerts are off: %s", exc)
        alerts_error = str(exc)
    # timelines, Health numbers, traces (``telemetry``: else the command line's / telemetry.json's settings)
    hub = (TelemetryHub(telemetry) if telemetry is not None else TelemetryHub.from_settings()).attach(commands)
    if simulator is not None:
        simulator.tracing = hub.device_tracer()  # the embedded fleet continues the traces, same exporter
    ha_sim = None
    if ha is not None:
        if cfg.ha_ingest == "process":  # state topics received and read in a child process (docs/HA_DISCOVERY.md)
            attach_ingest_process(link, ha.fleet)
        ha.bind(commands)
        ha.attach()
        if demo:
            ha_sim = HaDiscoverySimulator.from_file(ha_discovery or resource_path("fleets", "ha-demo.json"), cfg,
                                                    prefix=cfg.ha_prefix)
    svc = Services(cfg, fleet, registry, link, commands, embedded, simulator, ha=ha, ha_simulator=ha_sim,
                   unassigned=moved, unassigned_error=move_error, telemetry=hub)
    svc.alerts, svc.alerts_error = alerts, alerts_error
    return svc
