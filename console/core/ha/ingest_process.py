"""Discovered devices' state topics read in a child process: MQTT receive, JSON, templates off the GUI's lock.

Why: at 2,500 state messages a second (bench/ingest.py --ha 10000) the link's thread spends ~170 µs
of interpreter time per message (paho, JSON, value templates), in bursts of ~0.4 s every second,
and the GUI thread waits for the interpreter lock behind it: ``--explain`` put 96% of the late UI
ticks there (the GUI thread neither running nor runnable while the link's thread ran).  Here the
reading happens in a child process (``console.core.mqtt.offload``: its own paho client, its own
interpreter), and the console applies what was read, 20 times a second, to the same fleet: values,
availability, raw payloads, message and error counts go through :meth:`HaFleet.apply_read`, so
the registry, the device table and the command confirmations see what the in-process path shows.
Commands still go out through the console's link (the one submit path); only reading moved.

Owns: :class:`StateReader` (the child's worker: its own :class:`HaFleet`, fed the same discovery
messages in the same order, whose :meth:`HaFleet.read_state` does the work) and
:func:`attach_ingest_process` (the parent's wiring).  The configs reach the child through the
fleet's ``config_sink`` before the bridge subscribes to their state topics (the pipe keeps the
order), so the child knows every topic it is asked to read.  If the child dies, the link subscribes
to those topics itself and the bridge's in-process handler reads them (``MqttLink._offload_died``).

Threads (parent): ``config_sink`` runs on the link's thread; :meth:`HaFleet.apply_read` on the
offload's reader thread (``mqtt-offload-rx``), taking the fleet's lock per message as ``handle_state``
does.  The child is single-threaded.
"""

from __future__ import annotations

from typing import Any

from console.core.ha.fleet import HaFleet
from console.core.protocol import ProtocolError

WORKER = "console.core.ha.ingest_process:StateReader"


class RemoteTemplateError(Exception):
    """A template error read in the child, as the parent's fleet counts it (``kind``, its text)."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(kind, text)

    @property
    def kind(self) -> str:
        return self.args[0]

    def __str__(self) -> str:
        return self.args[1]

    def for_entity(self, entity: str) -> "RemoteTemplateError":
        return self  # named in the child already


class StateReader:
    """The child's worker (``mqtt.offload``): configs in through ``control``, payloads through
    ``message``; ``take()`` answers ``[(topic, text, refs, values), ...]`` read since the last take
    (``refs`` None: the same as the last ones sent for that topic, see :meth:`HaFleet.apply_read`)."""

    def __init__(self, prefix: str) -> None:
        self.fleet = HaFleet(prefix, reader_only=True)
        self._out: list[tuple[str, str, tuple | None, tuple]] = []
        self._sent: dict[str, tuple] = {}  # topic -> the work whose refs the console last got for it

    def control(self, message: Any) -> None:
        if isinstance(message, tuple) and len(message) == 3 and message[0] == "config":
            try:
                self.fleet.handle_config(message[1], message[2])
            except ProtocolError:
                pass  # the console's fleet refused it too, and counts it

    def message(self, topic: str, payload: bytes) -> None:
        text, work, readings = self.fleet.read_state(topic, payload)
        if not readings:
            self._out.append((topic, "", (), ()))  # counted, as the in-process path counts it
            return
        # a topic's refs only when they changed since they were last sent (a config): None = the same
        if self._sent.get(topic) is work:
            refs = None
        else:
            refs = tuple(r[0] for r in readings)
            self._sent[topic] = work
        values = tuple(r[2] if r[3] is None else
                       RemoteTemplateError(getattr(r[3], "kind", "error"), str(r[3].for_entity(r[0].key)))
                       for r in readings)
        self._out.append((topic, text, refs, values))

    def take(self) -> list[tuple[str, str, tuple, tuple]]:
        out, self._out = self._out, []
        return out


def attach_ingest_process(link, fleet: HaFleet):
    """Have a child process read the fleet's state topics (see the module docstring); call before the
    link starts, with no config handled yet.  ``link`` is the console's MqttLink (duck-typed: the ha
    package does not import mqtt).  Returns the link's offload (``pid``, ``alive``, ``batches``)."""
    if fleet.counts() != (0, 0):
        raise RuntimeError("attach the ingest process before any discovery config is handled")
    offload = link.offload_extra_many(WORKER, (fleet.prefix,), on_batch=fleet.apply_read)
    fleet.config_sink = lambda topic, payload: offload.send(("config", topic, payload))
    return offload
