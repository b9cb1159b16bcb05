"""The bare paho subscriber the ingest benches compare the console with (bench/ingest.py, and
bench/ingest_ha.py for ``--ha``): a separate process that subscribes to the given topic filters and
only counts, printing ``"<unix time> <count>"`` every 100 ms; :class:`CountStream` reads those lines
in this process (one daemon thread) and answers the count at a time and the samples in a window.

One helper for both benches, so "a bare paho subscriber on the same broker in the same run" is the
same program wherever a bench says it: the same client (MQTT 5, paho's network thread, a counter
under a lock), only its filters, QoS and client id differ.
"""

from __future__ import annotations

import subprocess
import sys
import threading

BARE = r"""
import sys, threading, time
import paho.mqtt.client as mqtt
host, port, qos, client_id, filters = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5:]
count = 0
lock = threading.Lock()
def on_message(c, u, msg):
    global count
    with lock:
        count += 1
def on_connect(c, u, flags, rc, props):
    for topic_filter in filters:
        c.subscribe(topic_filter, qos=qos)
c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv5)
c.on_message = on_message
c.on_connect = on_connect
c.connect(host, port)
c.loop_start()
while True:
    time.sleep(0.1)
    with lock:
        n = count
    print(f"{time.time():.3f} {n}", flush=True)
"""


class CountStream:
    """Reads "time count" lines from the bare subscriber; ``at(t)`` is the count at time t."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.samples: list[tuple[float, int]] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, args=(proc,), daemon=True, name="bench-bare-reader").start()

    def _read(self, proc: subprocess.Popen) -> None:
        for line in proc.stdout:
            try:
                t, n = line.split()
                with self.lock:
                    self.samples.append((float(t), int(n)))
            except ValueError:
                continue

    def between(self, t0: float, t1: float) -> list[tuple[float, int]]:
        with self.lock:
            return [s for s in self.samples if t0 <= s[0] <= t1]

    def at(self, t: float) -> int:
        with self.lock:
            best = min(self.samples, key=lambda s: abs(s[0] - t), default=(t, 0))
        return best[1]


def start_bare(host: str, port: int | str, filters: list[str], *, qos: int, client_id: str,
               env: dict[str, str]) -> tuple[subprocess.Popen, CountStream]:
    """The bare subscriber on ``filters`` (its process, to terminate, and the stream of its counts)."""
    proc = subprocess.Popen([sys.executable, "-c", BARE, host, str(port), str(qos), client_id, *filters],
                            stdout=subprocess.PIPE, text=True, env=env)
    return proc, CountStream(proc)


def stop_all(procs) -> None:
    """Terminate the bench's helper processes (None entries skipped), killing any that lingers 10 s."""
    for proc in procs:
        if proc is None:
            continue
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
