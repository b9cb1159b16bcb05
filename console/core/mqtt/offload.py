"""Offloaded subscriptions: topic filters received and read by a child process, not by the console's.

Why: reading thousands of messages a second (paho's parsing, then the reader's own work: JSON,
templates) holds the interpreter lock in the link's thread for hundreds of milliseconds at a time,
and the GUI thread, which needs the same lock for every Python callback, waits that long
(bench/ingest.py --ha 10000 --explain: 96% of late UI ticks were the GUI thread blocked while the
link's thread ran).  A child process has its own interpreter and lock.

Owns: the child process (``multiprocessing``, spawn: a fresh interpreter, no forked Qt or threads),
its pipe, and the parent's reader thread ``mqtt-offload-rx``.  The child runs its own paho client
on the link's broker settings (client id ``<link id>-offload``, a clean session, reconnecting with
backoff), subscribes to the filters :meth:`Offload.subscribe` names, hands every message to a
*worker* and sends what the worker's ``take()`` returns to the parent every ``batch_s`` (20 Hz), where
``on_batch`` gets it on the reader thread.  The worker is named by its import path
(``"package.module:Factory"``, built in the child with ``*worker_args``; it has ``message(topic,
payload)``, ``control(obj)`` and ``take()``), so this package knows nothing of what it reads.
:meth:`Offload.send` hands the worker an object (in order with subscriptions: a config before the
subscription to its state topic).  If the child dies, ``on_dead`` is called once (the link then
subscribes those filters itself: the in-process path).

Threads: :meth:`subscribe`, :meth:`unsubscribe` and :meth:`send` from any thread (one lock around
the pipe's sending end); ``on_batch`` and ``on_dead`` on ``mqtt-offload-rx``.
"""

from __future__ import annotations

import collections
import importlib
import logging
import multiprocessing
import os
import pickle
import random
import threading
import time
from dataclasses import replace
from typing import Any, Callable

log = logging.getLogger(__name__)

BATCH_S = 0.05  # the child sends what it read this often (20 Hz)
SUBSCRIBE_BATCH = 500
TX_GATHER_S = 0.02  # posts for the child gather this long before they go down the pipe


class Offload:
    """The parent's side (see the module docstring)."""

    def __init__(self, cfg, worker: str, worker_args: tuple = (), *, on_batch: Callable[[Any], None],
                 client_kit: tuple[Callable, Callable, Callable], on_dead: Callable[[], None] | None = None,
                 batch_s: float = BATCH_S) -> None:
        """``cfg``: the link's BrokerConfig; ``client_kit``: the link's ``(make_client, connect_properties,
        enable_nodelay)``, module-level functions the child gets by reference (so this module does not
        import the link, which imports it)."""
        self.client_kit = client_kit
        self.cfg = replace(cfg, client_id=f"{cfg.client_id}-offload" if cfg.client_id else "")
        self.worker, self.worker_args = worker, tuple(worker_args)
        self.on_batch, self.on_dead = on_batch, on_dead
        self.batch_s = batch_s
        self.batches = 0  # received from the child
        self.stats: dict[str, float] = {}  # the child's own counters, with each batch (messages, cpu_s, send_wait_s)
        self._send_lock = threading.Lock()
        self._queue: collections.deque = collections.deque()  # posts for the child, in order
        self._wake = threading.Event()
        self._tx: threading.Thread | None = None
        self._conn = None
        self._proc: multiprocessing.Process | None = None
        self._rx: threading.Thread | None = None
        self._stopping = False
        self.dead = False

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def alive(self) -> bool:
        return self._proc is not None and not self.dead

    def start(self) -> None:
        """Start the child; an offload that was stopped does not start again: it counts as dead (the
        child's filters and the worker's state went with it), so the link reads its filters itself."""
        if self._proc is not None or self.dead:
            return
        if self._stopping:
            self._die()
            return
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe(duplex=True)
        self._proc = ctx.Process(target=child_main, args=(child, self.cfg, self.worker, self.worker_args, self.batch_s,
                                                            self.client_kit),
                                 name="mqtt-offload", daemon=True)
        try:
            self._proc.start()
        except Exception:  # noqa: BLE001 - no child (a process limit, arguments that cannot cross): read here
            log.exception("the offload child process could not start; its topics are read in this process")
            self._proc = None
            parent.close()
            child.close()
            self._die()
            return
        child.close()
        self._conn = parent
        self._rx = threading.Thread(target=self._receive, name="mqtt-offload-rx", daemon=True)
        self._rx.start()
        self._tx = threading.Thread(target=self._transmit, name="mqtt-offload-tx", daemon=True)
        self._tx.start()

    def _post(self, message: tuple) -> bool:
        """Queue a message for the child: the caller (the link's thread) never waits for the pipe."""
        if self.dead or self._stopping:
            return False
        self._queue.append(message)
        self._wake.set()
        return True

    def _transmit(self) -> None:
        """``mqtt-offload-tx``: the queued posts down the pipe, in order, a few per pickle."""
        while True:
            self._wake.wait()
            if not self._stopping:
                # let posts gather (thousands of configs arrive at a connect): one wake-up and one pickle
                # per TX_GATHER_S, not one per post, so this thread takes the interpreter lock from the
                # link's thread rarely
                time.sleep(TX_GATHER_S)
            self._wake.clear()
            while self._queue:
                batch = []
                while self._queue and len(batch) < 1024:
                    batch.append(self._queue.popleft())
                try:
                    self._conn.send_bytes(pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL))
                except (OSError, ValueError):
                    return
                if batch[-1][0] == "stop":
                    return

    def subscribe(self, filters: list[tuple[str, int]]) -> bool:
        """Have the child subscribe to ``(filter, qos)`` pairs (now and at each of its reconnects)."""
        return self._post(("sub", list(filters)))

    def unsubscribe(self, filters: list[str]) -> bool:
        return self._post(("unsub", list(filters)))

    def send(self, obj: Any) -> bool:
        """Hand ``obj`` to the worker's ``control`` (in order with subscriptions)."""
        return self._post(("ctl", obj))

    def _receive(self) -> None:
        conn = self._conn
        while True:
            try:
                data = conn.recv_bytes()
            except (EOFError, OSError):
                break
            try:
                batch, self.stats = pickle.loads(data)
                self.batches += 1
                if batch:
                    self.on_batch(batch)
            except Exception:  # noqa: BLE001 - a reader's failure must not stop the stream
                log.exception("offloaded batch failed")
        if not self._stopping:
            log.warning("the ingest process ended (exit code %s); its topics are read in-process again",
                        self._proc.exitcode if self._proc is not None else None)
            self._die()

    def _die(self) -> None:
        """No child any more (never started, or ended): dead for good, and the link is told once."""
        self.dead = True
        if self.on_dead is not None:
            self.on_dead()

    def stop(self, timeout: float = 5.0) -> None:
        """End the child (it unsubscribes and disconnects) and the reader thread."""
        if self._proc is None:
            return
        self._queue.append(("stop",))
        self._stopping = True
        self._wake.set()
        if self._tx is not None:
            self._tx.join(timeout)
        self._proc.join(timeout)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(2.0)
        if self._conn is not None:
            self._conn.close()
        if self._rx is not None:
            self._rx.join(timeout)
        self._proc = None
        self._conn = None


# -- the child -------------------------------------------------------------------------------------

def _make_worker(path: str, args: tuple):
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)(*args)


def child_main(conn, cfg, worker_path: str, worker_args: tuple, batch_s: float, client_kit: tuple) -> None:
    """The child process: one thread, paho's loop, the pipe and the worker in turn."""
    import paho.mqtt.client as mqtt

    make_client, connect_properties, enable_nodelay = client_kit

    logging.basicConfig(level=logging.WARNING)
    worker = _make_worker(worker_path, worker_args)
    filters: dict[str, int] = {}
    client = make_client(cfg, clean=True)
    state = {"connected": False, "messages": 0}

    def on_connect(c, userdata, flags, reason_code, properties):
        if reason_code.is_failure:
            return
        state["connected"] = True
        enable_nodelay(c)
        items = list(filters.items())
        for i in range(0, len(items), SUBSCRIBE_BATCH):
            c.subscribe(items[i:i + SUBSCRIBE_BATCH])

    def on_disconnect(c, userdata, flags, reason_code, properties):
        state["connected"] = False

    def on_message(c, userdata, msg):
        state["messages"] += 1
        try:
            worker.message(msg.topic, msg.payload)
        except Exception:  # noqa: BLE001 - one bad message never stops the reader
            logging.getLogger(__name__).exception("offload worker failed on %s", msg.topic)

    def handle_posts(messages: list[tuple]) -> bool:
        """The console's posts, in order; False at "stop"."""
        for message in messages:
            op = message[0]
            if op == "stop":
                return False
            if op == "sub":
                new = [(f, q) for f, q in message[1] if f not in filters]
                filters.update(new)
                if new and state["connected"]:
                    for i in range(0, len(new), SUBSCRIBE_BATCH):
                        client.subscribe(new[i:i + SUBSCRIBE_BATCH])
            elif op == "unsub":
                gone = [f for f in message[1] if filters.pop(f, None) is not None]
                if gone and state["connected"]:
                    client.unsubscribe(gone)
            elif op == "ctl":
                worker.control(message[1])
        return True

    client.on_connect, client.on_disconnect, client.on_message = on_connect, on_disconnect, on_message
    parent = os.getppid()
    delay, next_try = 1.0, 0.0
    last_flush = last_stats = time.monotonic()
    send_wait = 0.0  # seconds the child waited for the console to take a batch (a full pipe)
    try:
        while True:
            now = time.monotonic()
            if client.socket() is None and now >= next_try:
                try:
                    if cfg.protocol == "5":
                        client.connect(cfg.host, cfg.port, keepalive=cfg.keepalive, clean_start=True,
                                       properties=connect_properties(cfg, clean=True))
                    else:
                        client.connect(cfg.host, cfg.port, keepalive=cfg.keepalive)
                    delay = 1.0
                except OSError:
                    next_try = now + delay * random.uniform(0.8, 1.2)
                    delay = min(30.0, delay * 2)
            if client.socket() is not None:
                rc = client.loop(timeout=0.01)
                for _ in range(64):  # read on while packets keep coming (as the link does), flushing on time
                    if rc != mqtt.MQTT_ERR_SUCCESS or time.monotonic() - last_flush >= batch_s:
                        break
                    before = state["messages"]
                    rc = client.loop_read()
                    if state["messages"] == before:
                        break
                if rc != mqtt.MQTT_ERR_SUCCESS:
                    state["connected"] = False
                    if client.socket() is not None:
                        client.disconnect()
                    next_try = time.monotonic() + delay
            else:
                time.sleep(0.05)
            while conn.poll(0):
                if not handle_posts(pickle.loads(conn.recv_bytes())):
                    return
            now = time.monotonic()
            if now - last_flush >= batch_s:
                last_flush = now
                out = worker.take()
                if out or now - last_stats >= 1.0:
                    last_stats = now
                    stats = {"messages": state["messages"], "cpu_s": time.process_time(), "send_wait_s": send_wait}
                    data = pickle.dumps((out, stats), protocol=pickle.HIGHEST_PROTOCOL)
                    t0 = time.monotonic()
                    conn.send_bytes(data)
                    send_wait += time.monotonic() - t0
                if os.getppid() != parent:
                    return  # the console is gone
    except (EOFError, OSError, BrokenPipeError):
        return  # the console closed the pipe
    finally:
        try:
            client.disconnect()
        except Exception:  # noqa: BLE001 - on the way out
            pass
