"""Other consoles' commands, as this console sees them on the broker: read-only rows for the
Commands and Audit views, so that the operator sees who stopped the conveyor.

Every console publishes its commands on ``PREFIX/devices/ID/cmd``; ``attach(link)`` subscribes this
console to them (``PREFIX/devices/+/cmd``, QoS 1) and routes them here, and the acks too.  A command
is ours when ``is_ours(id)`` says so (the pipeline's ``get``: our outbox, where every command is
written before it is published), and is left alone; any other is kept here, in memory (the newest
``max_rows``), as an :class:`OtherCommandRow`: a ``CommandRow`` marked with the console that sent it
(the payload's ``console``, the sender's client id; "" when that console does not say).  Nothing
here is ever sent, re-sent or cancelled.

Its state is what this console could see: ``DELIVERED`` when the broker handed it to us, then the
device's acks, forward only (as the pipeline's ``RANK``): accepted → ``ACCEPTED``, done →
``SUCCEEDED``, rejected → ``REJECTED`` (``EXPIRED`` when the error says ``expired…``), failed →
``FAILED``; a terminal state is final.  The other console's own view (TIMEOUT, retries) is not on
the wire: a re-publish of the same id only counts one more attempt.

Threads: the link's network thread calls ``on_command``/``on_ack``; the views read from any
thread.  One lock guards the rows; listeners are told after it is released.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from dataclasses import dataclass, replace
from typing import Callable

from console.core.commands.outbox import AuditFilter, CommandRow
from console.core.events import Event
from console.core.protocol import Ack, Command, CommandState, DeviceTopic, ProtocolError, decode_json, device_topic

log = logging.getLogger(__name__)

S = CommandState
_RANK = {S.DELIVERED: 2, S.ACCEPTED: 3}
_ACK_STATES = {"accepted": S.ACCEPTED, "done": S.SUCCEEDED, "rejected": S.REJECTED, "failed": S.FAILED}


@dataclass(frozen=True)
class OtherCommandRow(CommandRow):
    """A command another console sent: shown marked with ``console``, never acted on."""

    console: str = ""


Listener = Callable[[OtherCommandRow], None]


class OtherConsoles:
    """The recorder (see the module docstring)."""

    def __init__(self, prefix: str, is_ours: Callable[[str], object], *, max_rows: int = 5000) -> None:
        self.prefix = prefix
        self.is_ours = is_ours
        self.max_rows = max_rows
        self._lock = threading.Lock()
        self._rows: "collections.OrderedDict[str, OtherCommandRow]" = collections.OrderedDict()
        self._seq = 0
        self.changed = Event("other console's command")  # (OtherCommandRow); a listener's error is logged
        self.malformed = 0

    def attach(self, link) -> None:
        """Subscribe to every device's cmd topic and take the commands and acks from ``link``."""
        link.route("cmd", self.on_command)
        link.route("ack", self.on_ack)
        link.subscribe_extra(device_topic(self.prefix, "+", "cmd"), None, qos=1)

    def add_listener(self, fn: Listener) -> None:
        self.changed.connect(fn)

    def remove_listener(self, fn: Listener) -> None:
        self.changed.disconnect(fn)

    def _notify(self, row: OtherCommandRow) -> None:
        self.changed.emit(row)  # a view's error is logged by the event, never raised into the link

    # -- network thread ---------------------------------------------------------------------------
    def on_command(self, topic: str, payload: bytes, device: DeviceTopic) -> None:
        try:
            raw = decode_json(payload)
            cmd = Command.from_payload(device.device_id, raw)
        except (ProtocolError, UnicodeDecodeError) as exc:
            self.malformed += 1
            log.debug("a command on %s that does not parse: %s", topic, exc)
            return
        if self.is_ours(cmd.id):
            return
        console = raw.get("console", "")
        console = console[:128] if isinstance(console, str) else ""
        with self._lock:
            row = self._rows.get(cmd.id)
            if row is not None:  # the other console sent it again (same id): one more attempt
                row = replace(row, attempts=row.attempts + 1, updated=time.time())
            else:
                self._seq += 1
                row = OtherCommandRow(self._seq, cmd, 1, S.DELIVERED, 1, time.time(), "", console=console)
            self._rows[cmd.id] = row
            while len(self._rows) > self.max_rows:
                self._rows.popitem(last=False)
        self._notify(row)

    def on_ack(self, device_id: str, ack: Ack) -> None:
        state = _ACK_STATES.get(ack.status)
        with self._lock:
            row = self._rows.get(ack.id)
            if row is None or state is None or row.device_id != device_id or row.state.terminal:
                return
            if state is S.REJECTED and ack.error.startswith("expired"):
                state = S.EXPIRED
            if state is S.ACCEPTED and _RANK.get(row.state, 0) >= _RANK[S.ACCEPTED]:
                return
            error = ack.error if state in (S.REJECTED, S.EXPIRED, S.FAILED) else ""
            row = replace(row, state=state, updated=time.time(), error=error)
            self._rows[ack.id] = row
        self._notify(row)

    # -- reading (any thread) ---------------------------------------------------------------------
    def get(self, command_id: str) -> OtherCommandRow | None:
        with self._lock:
            return self._rows.get(command_id)

    def rows(self, flt: AuditFilter | None = None) -> list[OtherCommandRow]:
        """The rows that pass ``flt`` (as ``Outbox.audit`` reads it), newest first."""
        flt = flt or AuditFilter()
        with self._lock:
            rows = list(self._rows.values())
        out = [r for r in reversed(rows) if _passes(r, flt)]
        return out[: flt.limit]


def _passes(row: CommandRow, flt: AuditFilter) -> bool:
    return ((not flt.device or flt.device in row.device_id)
            and (not flt.states or row.state in flt.states)
            and (not flt.origin or row.command.origin == flt.origin)
            and (flt.since is None or row.command.ts >= flt.since)
            and (flt.until is None or row.command.ts <= flt.until))
