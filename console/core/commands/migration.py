"""Where the command outboxes live, and the one-time move out of the old shared outbox.

One outbox per broker site (``outbox_path_for``); the demo keeps the old ``outbox.sqlite3``.  At the
first start after that upgrade, the commands left open in the shared file are moved, never replayed,
to ``outbox-unassigned.sqlite3`` (``migrate_legacy_outbox``), where the audit log lists them and
``resend.py`` sends one again on a site once the operator confirms it.  No Qt, no MQTT.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import time
from pathlib import Path
from typing import Protocol

from console.core.commands.outbox import CommandRow, Outbox, OutboxError
from console.core.paths import user_data_dir

log = logging.getLogger(__name__)


class Site(Protocol):
    """What names a broker site (a ``BrokerConfig``): its host, port and topic prefix."""

    host: str
    port: int
    prefix: str


# before per-site outboxes every site used this one file; now only the demo does
LEGACY_OUTBOX = "outbox.sqlite3"
# where the open commands of that file went at the upgrade: no site opens it, nothing in it is replayed
UNASSIGNED_OUTBOX = "outbox-unassigned.sqlite3"
# in the per-site folder: written once the legacy file has been looked at, says what was moved
MIGRATED_MARK = "legacy-outbox-migrated.txt"


def outbox_path_for(cfg: Site, *, embedded_demo: bool = False) -> Path:
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
