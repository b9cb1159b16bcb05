"""What the console runs on, without Qt: the broker (embedded in the demo), the simulated fleet,
the fleet registry and the MQTT link.  The UI and the self-test build one of these."""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from console.core.demo.broker import EmbeddedBroker, amqtt_available, find_mosquitto, free_port
from console.core.fleet.catalog import Fleet, load_fleet
from console.core.commands.pipeline import CommandPipeline, PipelineConfig
from console.core.mqtt.link import BrokerConfig, MqttLink
from console.core.commands.outbox import CommandRow, Outbox, OutboxError
from console.core.paths import user_data_dir
from console.core.protocol import Ack
from console.core.fleet.registry import FleetRegistry
from console.core.demo.simulator import Simulator

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
    # the commands moved out of the shared outbox at this start (the upgrade to one outbox per broker
    # site): open, replayed nowhere; the GUI tells the operator and its audit log lists them
    unassigned: list[CommandRow] = field(default_factory=list)
    # why that move failed at this start (a site starts anyway; it is tried again at the next start)
    unassigned_error: str = ""
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


# before per-site outboxes every site used this one file; now only the demo does
LEGACY_OUTBOX = "outbox.sqlite3"
# where the open commands of that file went at the upgrade: no site opens it, nothing in it is replayed
UNASSIGNED_OUTBOX = "outbox-unassigned.sqlite3"
# in the per-site folder: written once the legacy file has been looked at, says what was moved
MIGRATED_MARK = "legacy-outbox-migrated.txt"


def outbox_path_for(cfg: BrokerConfig, *, embedded_demo: bool = False) -> Path:
    """One command outbox per broker site (host, port, topic prefix): commands queued for one
    broker are replayed to that broker only, never to another the console is switched to.  The demo's
    embedded broker takes a new port each start, so the demo keeps one file of its own."""
    if embedded_demo:
        return user_data_dir() / LEGACY_OUTBOX
    site = f"{cfg.host}:{cfg.port}/{cfg.prefix}"
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{cfg.host}_{cfg.port}_{cfg.prefix}")[:60]
    return user_data_dir() / "outbox" / f"{slug}-{hashlib.sha1(site.encode()).hexdigest()[:8]}.sqlite3"


def unassigned_outbox_path(data_dir: Path | None = None) -> Path:
    """Where the commands moved out of the shared outbox are kept (see ``migrate_legacy_outbox``)."""
    return (user_data_dir() if data_dir is None else Path(data_dir)) / UNASSIGNED_OUTBOX


def migrate_legacy_outbox(data_dir: Path | None = None) -> list[CommandRow]:
    """Once, at the first start after the upgrade to per-site outboxes: take the commands left open in
    the shared ``outbox.sqlite3`` out of it, so that no broker replays them.  Returns those moved.

    The rule: an open command (queued, sent, or delivered and waiting for its ack) in that file cannot
    be told apart by site, so none is replayed anywhere.  The outbox stores the device id but never the
    broker, port or topic prefix it was meant for, and device ids repeat across sites (every site starts
    from the bundled fleet catalog, the demo included).  Replaying one on a guessed broker could switch
    a device in another plant; left in ``outbox.sqlite3``, now the demo's file, the demo would replay it
    on its own broker and a simulated device would make it "succeed" in the audit log.  So the open
    commands move, each with its history and a transition saying why, to ``outbox-unassigned.sqlite3``
    (the same schema; no site opens it), and a WARNING gives how many, which devices and the file: the
    operator checks those devices and sends again what is still wanted.  Finished commands stay in
    ``outbox.sqlite3``, the history the demo's audit view shows.

    ``outbox/legacy-outbox-migrated.txt`` is written when this is done (or found nothing to do, as on
    a fresh install), and its presence makes this a no-op: commands the demo leaves open later are the
    demo's, replayed on the demo's broker as always.  The move is ``Outbox.move_open_to`` (copy, then
    delete, each step safe to repeat): a crash part-way duplicates or loses nothing, and the mark is
    written only after it.  Raises ``OutboxError`` if a file cannot be read or written (nothing is
    marked then, so the next start tries again)."""
    data_dir = user_data_dir() if data_dir is None else Path(data_dir)
    mark = data_dir / "outbox" / MIGRATED_MARK
    if mark.exists():
        return []
    legacy, unassigned = data_dir / LEGACY_OUTBOX, unassigned_outbox_path(data_dir)
    moved: list[CommandRow] = []
    if legacy.exists():
        src = Outbox(legacy)
        try:
            if src.open_commands():
                dst = Outbox(unassigned, durable=True)  # the copy is on disk before the delete
                try:
                    moved = src.move_open_to(dst, detail=f"moved from {legacy.name} at the upgrade to one outbox "
                                                         "per broker: its broker is not recorded, not replayed")
                finally:
                    dst.close()
        except sqlite3.DatabaseError as exc:
            raise OutboxError(f"cannot move the open commands of {legacy} to {unassigned}: {exc}") from None
        finally:
            src.close()
    if moved:
        listed = "; ".join(f"{r.device_id} {r.command.action} {r.state.value} ({r.id})" for r in moved[:20])
        more = f"; and {len(moved) - 20} more" if len(moved) > 20 else ""
        log.warning("%d command(s) were still open in %s from before one outbox per broker; the broker they were "
                    "for is not recorded, so none is replayed anywhere. They are kept, with their history, in %s. "
                    "Check those devices and send again what is still wanted: %s%s",
                    len(moved), legacy, unassigned, listed, more)
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    if moved:
        note = (f"{when}: {len(moved)} open command(s) moved from {legacy} to {unassigned}, not replayed: "
                "the broker they were for is not recorded\n")
    else:
        note = f"{when}: no open command in {legacy} from before one outbox per broker (or no such file)\n"
    try:
        mark.parent.mkdir(parents=True, exist_ok=True)
        tmp = mark.with_suffix(".tmp")
        tmp.write_text(note, encoding="utf-8")
        tmp.replace(mark)
    except OSError as exc:
        raise OutboxError(f"cannot write {mark}: {exc}") from None
    return moved


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
    commands = CommandPipeline(outbox, link, registry.meta, pipeline)
    svc = Services(cfg, fleet, registry, link, commands, embedded, simulator, unassigned=moved,
                   unassigned_error=move_error)
    svc.ack_handlers.append(commands.on_ack)
    svc_holder.append(svc)
    return svc
