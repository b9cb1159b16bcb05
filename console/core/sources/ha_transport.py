"""HaTransport: how the command pipeline reaches a device found through Home Assistant discovery.

Owns: turning a command row into exactly the publishes the device's config describes
(``HaFleet.commands``: its topics, payloads, QoS and retain), and the outcome, since these devices
do not ack: a command waits (``_waiting``) from SENT on; once delivered, each state update of its
device is checked with ``HaFleet.confirms`` and the first that shows every requested value ends it
``SUCCEEDED`` (through ``pipeline.on_ack``, as a device ack would).  None within the pipeline's
``ack_timeout_s``: the pipeline's sweep ends it ``TIMEOUT`` with :meth:`timeout_detail` (the last
state seen).  Optimistic entities (no state topic) end at ``DELIVERED``, saying so.  Sent once
(``max_attempts = 1``): a second "press" of a button is not a harmless retry.

Threads: ``publish`` runs wherever the pipeline sends (GUI, sweeper); row updates arrive on any
thread; state updates on the link's.  ``_lock`` guards ``_waiting`` only and is never held while
calling the pipeline or the fleet.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

from console.core.commands.outbox import CommandRow
from console.core.commands.pipeline import CommandPipeline, Link
from console.core.ha import HaFleet
from console.core.protocol import Ack, CommandState, ProtocolError

S = CommandState
OPTIMISTIC = "optimistic device: delivered to the broker; it reports no state that could confirm the command"


class HaTransport:
    """The pipeline's Transport for discovered devices (see console.core.commands.pipeline)."""

    max_attempts = 1

    def __init__(self, fleet: HaFleet, is_ha: Callable[[str], bool]) -> None:
        self.fleet = fleet
        self.is_ha = is_ha
        self.pipeline: CommandPipeline | None = None
        self._lock = threading.Lock()
        self._waiting: dict[str, dict[str, dict[str, Any]]] = {}  # device id -> command id -> params

    def bind(self, pipeline: CommandPipeline) -> None:
        """Follow the pipeline's rows (to know which commands wait for a state)."""
        self.pipeline = pipeline
        pipeline.add_listener(self._on_row)

    # -- the Transport protocol (called by the pipeline) -------------------------------------------
    def publish(self, link: Link, row: CommandRow) -> Any:
        cmd = row.command
        if cmd.action != "set":
            raise ProtocolError(f"{cmd.device_id} is a Home Assistant device: it only takes 'set', not {cmd.action!r}")
        publishes = self.fleet.commands(cmd.device_id, cmd.params)
        if not publishes:
            raise ProtocolError(f"{cmd.device_id}: nothing to publish for {cmd.params}")
        infos = [link.publish(p.topic, p.payload, qos=p.qos, retain=p.retain) for p in publishes]
        # the pipeline tracks one message: the first one paho refused, else the last one
        return next((i for i in infos if i.rc not in (0, 4)), infos[-1])

    def settle_on_delivery(self, row: CommandRow) -> str:
        return OPTIMISTIC if self.fleet.optimistic(row.device_id, row.command.params) else ""

    def timeout_detail(self, row: CommandRow) -> str:
        timeout = self.pipeline.cfg.ack_timeout_s if self.pipeline is not None else 0.0
        dev = self.fleet.device(row.device_id)
        seen = {name: dev.values.get(name) for name in row.command.params} if dev is not None else {}
        wanted = ", ".join(f"{k}={v}" for k, v in row.command.params.items())
        shown = ", ".join(f"{k}={v}" for k, v in seen.items()) or "none"
        return f"the device's state did not show {wanted} within {timeout:g} s; last state seen: {shown}"

    # -- outcome ----------------------------------------------------------------------------------
    def _on_row(self, row: CommandRow) -> None:
        if not self.is_ha(row.device_id):
            return
        if row.state.terminal or row.state is S.QUEUED:
            self._forget(row.device_id, row.id)
            return
        if row.state is S.DELIVERED and self.fleet.optimistic(row.device_id, row.command.params):
            self._forget(row.device_id, row.id)  # closed at DELIVERED: nothing will confirm it
            return
        with self._lock:
            self._waiting.setdefault(row.device_id, {})[row.id] = dict(row.command.params)
        if row.state is S.DELIVERED:  # the state may already show it (or the device was quick)
            self.on_state(row.device_id)

    def _forget(self, device_id: str, command_id: str) -> None:
        with self._lock:
            waiting = self._waiting.get(device_id)
            if waiting is not None:
                waiting.pop(command_id, None)
                if not waiting:
                    del self._waiting[device_id]

    def on_state(self, device_id: str) -> None:
        """The device's state changed (the link's thread): end the commands it now confirms."""
        with self._lock:
            waiting = list(self._waiting.get(device_id, {}).items())
        if not waiting or self.pipeline is None:
            return
        for command_id, params in waiting:
            if self.fleet.confirms(device_id, params):
                self._forget(device_id, command_id)
                self.pipeline.on_ack(device_id, Ack(command_id, "done", time.time()))

    def waiting(self) -> int:
        with self._lock:
            return sum(len(w) for w in self._waiting.values())
