"""The alert engine: rules evaluated on live data, alerts raised, acknowledged and cleared.

Inputs, all through public routes and events (nothing else is changed or wrapped):

    link.route(("meta", "state", "status"), engine.on_device)   device messages (network thread)
    link.state_changed                                           the broker link (one alert, not one per device)
    pipeline.add_listener(stats.on_row)                          command outcomes (metrics.CommandStats)
    metrics.MetricSources                                        ack latency, TTFT, VRAM, remote errors
    engine.watch_ha(fleet)                                       Home Assistant discovery: devices, availability,
                                                                 message counts (console.core.ha.HaFleet)

Cheap by construction: when a device's meta arrives it is *bound* once to the rules that can concern
it (by zone, device id or pattern, capability), so a state message costs one dict lookup for a
device no rule watches, and for one that is watched a JSON decode and the rules of the capabilities
it carries (``_by_cap``).  Rules are indexed by exact device id and by zone, so binding 10,000
devices to 1,000 rules does not try every pair.  Offline and stale rules keep a time per device and
are judged by ``tick`` (1 Hz for stale, every tick for offline and pending durations).

Devices found through Home Assistant discovery get the same offline and stale rules: the fleet's
``availability`` event is their status (online / offline; no availability topic: never offline), and
any payload on their topics is "a message" for stale rules.  A payload that changes nothing makes no
fleet event, so the stale scan compares the fleet's per-device message counts once a second: a
stale alert of an HA device that speaks again with the same value clears at that scan (≤ 1 s).

Time comes from ``clock`` (injectable: tests drive durations without sleeping).  ``tick(now)`` is
called by the ``alerts-ticker`` thread every ``tick_s`` once ``start()`` ran, or by a test.

While the broker link is down, offline and stale rules are not judged (a broker outage is one
alert, ``broker-link``, raised after ``broker_down_after_s``); when it is back, every device gets
a fresh ``last seen`` (the retained messages come again).

Threads: the network thread (``on_device``, link state, command outcomes, HA fleet events), the
ticker, and the GUI (``acknowledge``, ``clear``, ``set_rules``).  Lock order: engine ``_lock`` →
store's lock; the HA fleet is asked (its own lock) with ``_lock`` released, and calls ``on_ha_event``
after releasing its lock; events (``changed``) are emitted after ``_lock`` is released; actions run
on the ticker, outside it.
"""

from __future__ import annotations

import collections
import fnmatch
import json
import logging
import math
import threading
import time
from typing import Any, Callable

from console.core.alerts import wording
from console.core.alerts.actions import ActionRunner
from console.core.alerts.metrics import CommandStats, MetricSources
from console.core.alerts.rules import Rule, RuleSet
from console.core.alerts.store import Alert, AlertState, AlertStore
from console.core.events import Event
from console.core.protocol import DeviceMeta, ProtocolError

log = logging.getLogger(__name__)

BROKER_RULE = "broker-link"
CLOCK_RULE = "clock-offset"  # built in: the registry says a device's clock is off past its threshold
BUILT_IN = (BROKER_RULE, CLOCK_RULE)
HA_SOURCE = "ha"  # the registry's source of HA discovery devices (console.core.sources.ha_bridge.SOURCE)
_GLOB = set("*?[")


class _Bound:
    """The rules that concern one device, found once when its meta arrives."""

    __slots__ = ("zone", "by_cap", "offline", "stale", "failures", "last_seen", "offline_since")

    def __init__(self, zone: str) -> None:
        self.zone = zone
        # capability -> (lo, hi, ((rule, key), ...)): a value in [lo, hi] fires none of them
        self.by_cap: dict[str, tuple[float, float, tuple[tuple[Rule, str], ...]]] = {}
        self.offline: list[Rule] = []
        self.stale: list[Rule] = []
        self.failures: list[Rule] = []
        self.last_seen = 0.0
        self.offline_since: float | None = None

    def empty(self) -> bool:
        return not (self.by_cap or self.offline or self.stale or self.failures)


class _RuleIndex:
    """Per-device rules by exact id; the others by zone ("" for any zone)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.exact: dict[str, list[Rule]] = collections.defaultdict(list)
        self.by_zone: dict[str, list[Rule]] = collections.defaultdict(list)
        for r in rules:
            if not r.enabled or not r.per_device:
                continue
            if r.devices and not any(_GLOB & set(d) for d in r.devices):
                for d in r.devices:
                    self.exact[d].append(r)
            else:
                for z in r.zones or ("",):
                    self.by_zone[z].append(r)

    def candidates(self, device_id: str, zone: str) -> list[Rule]:
        out = [r for r in self.exact.get(device_id, ()) if not r.zones or zone in r.zones]
        zoned = self.by_zone.get(zone, ()) if zone else ()
        for r in (*zoned, *self.by_zone.get("", ())):
            if not r.devices or any(fnmatch.fnmatchcase(device_id, p) for p in r.devices):
                out.append(r)
        return out


class AlertEngine:
    def __init__(self, store: AlertStore, rules: RuleSet | None = None, *, clock: Callable[[], float] = time.time,
                 metrics: MetricSources | None = None, tick_s: float = 0.25, pipeline: Any = None) -> None:
        self.store = store
        self.clock = clock
        self.tick_s = tick_s
        self.metrics = metrics or MetricSources()
        self.command_stats = CommandStats(clock)
        self.command_stats.outcome = self.on_command_outcome
        self.metrics.add("ack_latency_p95_s", self.command_stats.ack_latency_p95)
        self.changed = Event("alert changed")  # (Alert) after it is stored
        self.rules_changed = Event("alert rules changed")  # (RuleSet)
        self.actions = ActionRunner(pipeline, note=self._note_action) if pipeline is not None else None
        self.pipeline = pipeline
        self._lock = threading.Lock()
        self.rules = RuleSet()
        self._rule_by_id: dict[str, Rule] = {}
        self._index = _RuleIndex([])
        self._metas: dict[str, tuple[str, dict[str, str]]] = {}  # device -> (zone, {capability: type})
        self._bound: dict[str, _Bound] = {}
        self._stale_rules: list[Rule] = []
        self._metric_rules: list[Rule] = []
        self._open: dict[str, Alert] = {a.key: a for a in store.open_alerts()}  # restored across restarts
        self._since: dict[str, float] = {}  # key -> when its condition started to hold
        # device -> how many of its keys are in _since or _open (a value of a device not here that is
        # inside every level of its rules needs no judging: on_values' fast path)
        self._hot: dict[str, int] = collections.Counter(a.device_id for a in self._open.values())
        self._pending: dict[str, tuple[Rule, str, str, float, float]] = {}  # key -> rule, device, zone, value, due
        self._fails: dict[str, collections.deque] = {}  # device -> failure times
        self._stale_open = {a.device_id for a in self._open.values() if a.kind == "stale"}
        self._offline: set[str] = set()  # bound devices whose status says offline
        self._actions_due: list[tuple[Alert, Rule]] = []
        self._link_up = False
        self._link_down_since: float | None = clock()
        self._last_stale_scan = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._attached: tuple[Any, Any, Any] = (None, None, None)
        self._registry: Any = None
        self._looked_up: set[str] = set()  # devices of other sources whose meta was looked up once
        self._scan = json.JSONDecoder().scan_once  # a state's JSON, without the registry: no re-validation
        self.evaluations = 0  # threshold judgements (the bench reads it)
        self.values_seen = 0  # states handed to on_values for a bound device
        self.raised_at: dict[str, float] = {}  # alert id -> clock() when raised (the bench's latency)
        self.publisher: Any = None  # share.AlertPublisher, when wired: flushed on the ticker
        self._ha: Any = None  # console.core.ha.HaFleet, when watched
        self._ha_unlisten: Callable[[], None] | None = None
        self._ha_ids: set[str] = set()  # the HA fleet's devices (bound to a rule or not)
        self._ha_counts: dict[str, int] = {}  # HA device -> its message count at the last stale scan
        self.set_rules(rules or RuleSet())

    # -- wiring ---------------------------------------------------------------------------------------
    def attach(self, link: Any, pipeline: Any = None, registry: Any = None) -> None:
        """Listen to the link (and the pipeline's outcomes).  With ``registry``, states are judged on
        its ``state_applied`` event (values already decoded and checked, other sources' devices too);
        without it, from the state messages themselves."""
        self._attached = (link, pipeline, registry)
        if registry is not None:
            self._registry = registry
            registry.state_applied.connect(self.on_state_applied)
            if hasattr(registry, "clock_alert"):
                registry.clock_alert.connect(self.on_clock_alert)
        link.route(self._kinds(), self.on_device)
        link.state_changed.connect(self.on_link_state)
        if link.connected:
            self.on_link_state("connected", {})
        if pipeline is not None:
            pipeline.add_listener(self.command_stats.on_row)

    def detach(self) -> None:
        """Stop listening to the link and the pipeline (before the store closes)."""
        link, pipeline, registry = self._attached
        if link is not None:
            link.unroute(self._kinds(), self.on_device)
            link.state_changed.disconnect(self.on_link_state)
        if pipeline is not None:
            pipeline.remove_listener(self.command_stats.on_row)
        if registry is not None:
            registry.state_applied.disconnect(self.on_state_applied)
            if hasattr(registry, "clock_alert"):
                registry.clock_alert.disconnect(self.on_clock_alert)
        self._attached = (None, None, None)
        if self._ha_unlisten is not None:
            self._ha_unlisten()
            self._ha_unlisten = None
        self._ha = None

    def watch_ha(self, fleet: Any) -> None:
        """Judge offline and stale rules for the devices of a Home Assistant discovery fleet
        (``console.core.ha.HaFleet``) too: bound when discovered, offline when their availability says
        so.  Call after the HaBridge is built, so the registry knows a device before this engine does."""
        self._ha = fleet
        self._ha_unlisten = fleet.add_listener(self.on_ha_event)
        for meta in fleet.metas():  # what it already knows
            self._ha_bind(meta.id, meta)

    def on_ha_event(self, event: Any) -> None:
        """A ``console.core.ha.FleetEvent`` (the network thread, the fleet's lock released)."""
        kind = event.kind
        if kind == "availability":
            b = self._bound.get(event.device_id)
            if b is not None:
                now = self.clock()
                b.last_seen = now
                self._set_online(event.device_id, b, event.available, now)
                if event.device_id in self._stale_open:
                    self._clear_keys([f"{r.id}|{event.device_id}" for r in b.stale], "device",
                                     "the device spoke again", now)
        elif kind in ("added", "updated") and event.meta is not None:
            self._ha_bind(event.device_id, event.meta)
        elif kind == "removed":
            with self._lock:
                self._metas.pop(event.device_id, None)
                self._bound.pop(event.device_id, None)
                self._offline.discard(event.device_id)
                self._ha_ids.discard(event.device_id)
                self._ha_counts.pop(event.device_id, None)

    def _ha_bind(self, device_id: str, meta: DeviceMeta) -> None:
        registry = self._registry
        if registry is not None and registry.source_of(device_id) != HA_SOURCE:
            return  # the id is a native device's (the bridge left the HA one out), or not in the registry
        self._bind_meta(meta)
        with self._lock:
            self._ha_ids.add(device_id)
        self._ha_availability(device_id)

    def _ha_availability(self, device_id: str) -> None:
        """What a bound HA device's availability says now (at binding: no event may come for a while)."""
        b = self._bound.get(device_id)
        summary = self._ha.summary(device_id) if b is not None and self._ha is not None else None
        if summary is not None and summary[2]:  # (values, available, has availability, info)
            self._set_online(device_id, b, summary[1], self.clock())

    def _kinds(self) -> tuple[str, ...]:
        return ("meta", "status") if self._registry is not None else ("meta", "state", "status")

    def bind_registry(self, registry: Any) -> None:
        """Bind the devices a registry already knows (an engine attached after the retained burst)."""
        for device_id in registry.ids():
            meta = registry.meta(device_id)
            if meta is not None:
                self._bind_meta(meta)

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="alerts-ticker", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.tick_s):
            try:
                self.tick()
            except Exception:  # noqa: BLE001 - keep ticking; the log says what broke
                log.exception("alert tick failed")

    # -- rules ----------------------------------------------------------------------------------------
    def set_rules(self, rules: RuleSet) -> None:
        """Run these rules from now on; alerts of rules removed or disabled are cleared."""
        cleared: list[Alert] = []
        with self._lock:
            self.rules = rules
            self._rule_by_id = {r.id: r for r in rules.rules if r.enabled}
            self._index = _RuleIndex(rules.rules)
            self._stale_rules = [r for r in rules.rules if r.enabled and r.kind == "stale"]
            self._metric_rules = [r for r in rules.rules if r.enabled and r.kind == "metric"]
            old = self._bound
            self._bound = {}
            newly_bound_ha: list[str] = []
            for device_id, (zone, caps) in self._metas.items():
                b = self._bind_locked(device_id, zone, caps)
                if b is not None and device_id in old:
                    b.last_seen, b.offline_since = old[device_id].last_seen, old[device_id].offline_since
                elif b is not None and device_id in self._ha_ids:
                    newly_bound_ha.append(device_id)
            self._since.clear()
            self._pending.clear()
            self._hot = collections.Counter(a.device_id for a in self._open.values())
            self._looked_up = set()
            now = self.clock()
            for key, alert in list(self._open.items()):
                if alert.rule_id not in BUILT_IN and alert.rule_id not in self._rule_by_id:
                    cleared.append(self._clear_locked(alert, "rules", "its rule was removed or disabled", now))
        self._emit(cleared)
        for device_id in newly_bound_ha:  # bound by these rules: what its availability says now
            self._ha_availability(device_id)
        self.rules_changed.emit(rules)

    def _bind_meta(self, meta: DeviceMeta) -> None:
        caps = {name: cap.type for name, cap in meta.capabilities.items()}
        with self._lock:
            self._metas[meta.id] = (meta.zone, caps)
            old = self._bound.get(meta.id)
            b = self._bind_locked(meta.id, meta.zone, caps)
            if b is not None and old is not None:
                b.last_seen, b.offline_since = old.last_seen, old.offline_since

    def _bind_locked(self, device_id: str, zone: str, caps: dict[str, str]) -> _Bound | None:
        b = _Bound(zone)
        thresholds: dict[str, list[Rule]] = {}
        for r in self._index.candidates(device_id, zone):
            if r.kind == "threshold":
                if caps.get(r.capability) in ("int", "float"):
                    thresholds.setdefault(r.capability, []).append(r)
            elif r.kind == "offline":
                b.offline.append(r)
            elif r.kind == "stale":
                b.stale.append(r)
            elif r.kind == "command_failures":
                b.failures.append(r)
        for cap, rules in thresholds.items():
            hi = min((r.above for r in rules if r.above is not None), default=math.inf)
            lo = max((r.below for r in rules if r.below is not None), default=-math.inf)
            b.by_cap[cap] = (lo, hi, tuple((r, f"{r.id}|{device_id}") for r in rules))
        if b.empty():
            self._bound.pop(device_id, None)
            return None
        b.last_seen = self.clock()
        self._bound[device_id] = b
        return b

    # -- device messages (network thread) -------------------------------------------------------------
    def on_device(self, topic: str, payload: bytes, device: Any) -> None:
        kind = device.kind
        device_id = device.device_id
        if kind == "meta":
            self._on_meta(device_id, payload)
            return
        b = self._bound.get(device_id)
        if b is None:
            return
        now = self.clock()
        b.last_seen = now
        if kind == "status":
            self._on_status(device_id, b, payload, now)
        elif b.by_cap:
            try:
                values = self._scan(payload.decode(), 0)[0].get("values")
            except (ValueError, AttributeError, UnicodeDecodeError, StopIteration):
                return  # the registry counts and reports what is wrong with it
            if isinstance(values, dict):
                self.on_values(device_id, values, now, b)
        if device_id in self._stale_open:
            self._clear_keys([f"{r.id}|{device_id}" for r in b.stale], "device", "the device spoke again", now)

    def on_state_applied(self, device_id: str, values: dict, _now: float = 0.0) -> None:
        """The registry applied a state (network thread; another source's thread for its devices)."""
        b = self._bound.get(device_id)
        if b is None:
            if device_id not in self._looked_up and device_id not in self._metas and self._registry is not None:
                self._looked_up.add(device_id)  # a device whose meta never came as a message (HA discovery)
                meta = self._registry.meta(device_id)
                if meta is not None:
                    self._bind_meta(meta)
                    b = self._bound.get(device_id)
            if b is None:
                return
        now = self.clock()
        b.last_seen = now
        if b.by_cap:
            self.on_values(device_id, values, now, b)
        if device_id in self._stale_open:
            self._clear_keys([f"{r.id}|{device_id}" for r in b.stale], "device", "the device spoke again", now)

    def _on_meta(self, device_id: str, payload: bytes) -> None:
        if not payload:
            with self._lock:
                self._metas.pop(device_id, None)
                self._bound.pop(device_id, None)
            return
        try:
            meta = DeviceMeta.from_json(json.loads(payload), expected_id=device_id)
        except (ValueError, ProtocolError):
            return  # the registry counts and reports it
        known = self._metas.get(device_id)
        caps = {name: cap.type for name, cap in meta.capabilities.items()}
        if known is None or known != (meta.zone, caps):
            self._bind_meta(meta)

    def on_values(self, device_id: str, values: dict, now: float, b: _Bound | None = None) -> None:
        """Judge the threshold rules of these values (a state message's, or another source's)."""
        b = b or self._bound.get(device_id)
        if b is None:
            return
        self.values_seen += 1
        hot = device_id in self._hot  # a condition holding or an alert open: every value counts
        todo = None
        for cap, (lo, hi, rules) in b.by_cap.items():
            value = values.get(cap)
            if value is None or (value.__class__ is not float and value.__class__ is not int):
                continue  # absent, or not a number (bool is neither class)
            if hot or not lo <= value <= hi:
                todo = [] if todo is None else todo
                todo.append((float(value), rules))
        if todo is None:
            return  # the common case: inside every level, nothing pending, nothing open
        raised: list[Alert] = []
        with self._lock:
            for value, rules in todo:
                for r, key in rules:
                    self.evaluations += 1
                    self._judge(r, device_id, b.zone, value, now, raised, key)
        self._emit(raised)

    def _judge(self, r: Rule, device_id: str, zone: str, value: float, now: float, out: list[Alert],
               key: str | None = None) -> None:
        """A threshold (or metric) rule against one value (lock held): hysteresis and duration."""
        key = key or f"{r.id}|{device_id}"
        alert = self._open.get(key)
        if alert is not None:
            if r.clears(value):
                self._since_pop(key, device_id)
                what = r.capability or r.metric
                out.append(self._clear_locked(alert, "rule", f"{what} back to {value:g}", now))
            return
        if r.fires(value):
            since = self._since.get(key)
            if since is None:
                since = self._since[key] = now
                self._hot[device_id] = self._hot.get(device_id, 0) + 1
            if now - since >= r.for_s:
                self._pending.pop(key, None)
                out.append(self._raise_locked(r, device_id, zone, value, now))
                self._since_pop(key, device_id)
            else:
                self._pending[key] = (r, device_id, zone, value, since + r.for_s)
        elif key in self._since:
            self._since_pop(key, device_id)
            self._pending.pop(key, None)

    def _since_pop(self, key: str, device_id: str) -> None:
        if self._since.pop(key, None) is not None:
            self._unhot(device_id)

    def _unhot(self, device_id: str) -> None:
        n = self._hot.get(device_id, 0) - 1
        if n > 0:
            self._hot[device_id] = n
        else:
            self._hot.pop(device_id, None)

    def _on_status(self, device_id: str, b: _Bound, payload: bytes, now: float) -> None:
        text = payload.strip()
        self._set_online(device_id, b, True if text == b"online" else False if text == b"offline" else None, now)

    def _set_online(self, device_id: str, b: _Bound, online: bool | None, now: float) -> None:
        """The device's status (PROTOCOL.md) or HA availability: True, False, or None (unknown: no change)."""
        if online:
            b.offline_since = None
            self._offline.discard(device_id)
            if b.offline:
                self._clear_keys([f"{r.id}|{device_id}" for r in b.offline], "device", "the device is online", now)
        elif online is False and b.offline_since is None:
            b.offline_since = now
            self._offline.add(device_id)

    # -- command outcomes (network / sweeper thread, through metrics.CommandStats) ----------------------
    def on_command_outcome(self, device_id: str, ok: bool, row: Any) -> None:
        b = self._bound.get(device_id)
        if b is None or not b.failures:
            return
        now = self.clock()
        if ok:
            self._fails.pop(device_id, None)
            self._clear_keys([f"{r.id}|{device_id}" for r in b.failures], "device",
                             "a command to it succeeded", now)
            return
        raised: list[Alert] = []
        with self._lock:
            times = self._fails.setdefault(device_id, collections.deque(maxlen=1000))
            times.append(now)
            for r in b.failures:
                n = sum(1 for t in times if t >= now - r.within_s)
                key = f"{r.id}|{device_id}"
                if n >= r.count and key not in self._open:
                    message = wording.failures_message(r, row.state.value.lower(), str(row.error or "").rstrip(": "))
                    raised.append(self._raise_locked(r, device_id, b.zone, float(n), now, message))
        self._emit(raised)

    # -- the broker link (network thread) ---------------------------------------------------------------
    def on_link_state(self, state: Any, info: dict) -> None:
        up = str(getattr(state, "value", state)) == "connected"
        now = self.clock()
        with self._lock:
            was = self._link_up
            self._link_up = up
            if up:
                self._link_down_since = None
                if not was:  # the retained messages come again: nobody is stale for the outage
                    for b in self._bound.values():
                        b.last_seen = now
            elif self._link_down_since is None:
                self._link_down_since = now
        if up:
            self._clear_keys([f"{BROKER_RULE}|"], "link", "the broker link is back", now)

    # -- device clocks (the registry's ClockAlert, after its lock is released) ---------------------------
    def on_clock_alert(self, event: Any) -> None:
        """A device's clock went past the registry's threshold (one alert per device) or came back (cleared)."""
        key = f"{CLOCK_RULE}|{event.device_id}"
        now = self.clock()
        if not event.over:
            self._clear_keys([key], "clock", f"the clock is within {event.threshold_s:g} s again "
                                              f"({event.offset_s:+.1f} s)", now)
            return
        with self._lock:
            if key in self._open:
                return
            zone = self._metas.get(event.device_id, ("", {}))[0]  # known from its meta, whatever the rules
            alert = Alert.new(key=key, rule_id=CLOCK_RULE, rule_name=wording.CLOCK_NAME, kind="clock",
                              device_id=event.device_id, zone=zone, severity="warning",
                              message=wording.CLOCK_OFF.format(offset=f"{event.offset_s:+.0f}",
                                                               threshold=f"{event.threshold_s:g}"),
                              value=event.offset_s, at=now)
            alert = self.store.add(alert)
            self._open[key] = alert
            self.raised_at[alert.id] = time.time()
        log.info("alert raised: %s %s %+.1f s", CLOCK_RULE, event.device_id, event.offset_s)
        self._emit([alert])

    # -- time (ticker thread, or a test) ----------------------------------------------------------------
    def tick(self, now: float | None = None) -> None:
        now = self.clock() if now is None else now
        raised: list[Alert] = []
        cleared: list[Alert] = []
        scan = now - self._last_stale_scan >= 1.0 or now < self._last_stale_scan
        ha_counts = (self._ha.message_counts() if scan and self._ha is not None and self._ha_ids and self._stale_rules
                     else None)
        with self._lock:
            for key, (r, device_id, zone, value, due) in list(self._pending.items()):
                if due <= now and key not in self._open:
                    del self._pending[key]
                    raised.append(self._raise_locked(r, device_id, zone, value, now))
                    self._since_pop(key, device_id)
            if self._link_up:
                self._judge_offline(now, raised)
                if scan:
                    self._last_stale_scan = now
                    if ha_counts is not None:
                        self._ha_spoke(ha_counts, now, cleared)
                    self._judge_stale(now, raised)
                    self._judge_failures_window(now, cleared)
            elif self._link_down_since is not None and now - self._link_down_since >= self.rules.broker_down_after_s:
                if f"{BROKER_RULE}|" not in self._open:
                    raised.append(self._raise_broker(now))
            actions, self._actions_due = self._actions_due, []
        for r in self._metric_rules:
            value, n = self.metrics.value(r.metric, r.window_s, now)
            if value is not None and n >= r.min_samples:
                out: list[Alert] = []
                with self._lock:
                    self._judge(r, "", "", value, now, out)
                raised.extend(out)
        self._emit(raised + cleared)
        for alert, rule in actions:
            self._run_action(alert, rule)
        if self.publisher is not None:
            self.publisher.flush(self)

    def _judge_offline(self, now: float, out: list[Alert]) -> None:
        for device_id in list(self._offline):  # only the devices that said offline, not the fleet
            b = self._bound.get(device_id)
            if b is None or b.offline_since is None or not b.offline:
                continue
            for r in b.offline:
                key = f"{r.id}|{device_id}"
                if now - b.offline_since >= r.after_s and key not in self._open:
                    out.append(self._raise_locked(r, device_id, b.zone, now - b.offline_since, now))

    def _ha_spoke(self, counts: dict[str, int], now: float, out: list[Alert]) -> None:
        """HA devices that received a message since the last scan were seen (lock held)."""
        for device_id in self._ha_ids:
            n = counts.get(device_id)
            if n is None or n == self._ha_counts.get(device_id):
                continue
            first = device_id not in self._ha_counts
            self._ha_counts[device_id] = n
            b = self._bound.get(device_id)
            if b is None or first:
                continue  # the first count is a baseline: binding already set last_seen
            b.last_seen = now
            if device_id in self._stale_open:
                for r in b.stale:
                    alert = self._open.get(f"{r.id}|{device_id}")
                    if alert is not None:
                        out.append(self._clear_locked(alert, "device", "the device spoke again", now))

    def _judge_stale(self, now: float, out: list[Alert]) -> None:
        if not self._stale_rules:
            return
        for device_id, b in self._bound.items():
            if not b.stale or b.offline_since is not None:
                continue
            silent = now - b.last_seen
            for r in b.stale:
                if silent >= r.after_s:
                    key = f"{r.id}|{device_id}"
                    if key not in self._open:
                        out.append(self._raise_locked(r, device_id, b.zone, silent, now))

    def _judge_failures_window(self, now: float, out: list[Alert]) -> None:
        for key, alert in list(self._open.items()):
            if alert.kind != "command_failures":
                continue
            r = self._rule_by_id.get(alert.rule_id)
            times = self._fails.get(alert.device_id, ())
            if r is not None and not any(t >= now - r.within_s for t in times):
                out.append(self._clear_locked(alert, "rule", f"no failure for {r.within_s:g} s", now))

    # -- raising and clearing (lock held) -------------------------------------------------------------
    def _raise_locked(self, r: Rule, device_id: str, zone: str, value: float | None, now: float,
                      message: str = "") -> Alert:
        message = message or r.message or r.condition()
        alert = Alert.new(key=f"{r.id}|{device_id}", rule_id=r.id, rule_name=r.name, kind=r.kind,
                          device_id=device_id, zone=zone, severity=r.severity, message=message, value=value, at=now)
        alert = self.store.add(alert)
        self._open[alert.key] = alert
        self._hot[device_id] = self._hot.get(device_id, 0) + 1
        if r.kind == "stale":
            self._stale_open.add(device_id)
        self.raised_at[alert.id] = time.time()
        if len(self.raised_at) > 100_000:
            self.raised_at.clear()
        if r.action is not None and self.actions is not None:
            self._actions_due.append((alert, r))
        log.info("alert raised: %s %s %s", r.id, device_id, message)
        return alert

    def _raise_broker(self, now: float) -> Alert:
        after = self.rules.broker_down_after_s
        alert = Alert.new(key=f"{BROKER_RULE}|", rule_id=BROKER_RULE, rule_name=wording.BROKER_NAME, kind="broker",
                          device_id="", zone="", severity="critical", message=wording.BROKER_DOWN.format(s=f"{after:g}"),
                          value=now - (self._link_down_since or now), at=now)
        alert = self.store.add(alert)
        self._open[alert.key] = alert
        self.raised_at[alert.id] = time.time()
        return alert

    def _clear_locked(self, alert: Alert, who: str, detail: str, now: float) -> Alert:
        if self._open.pop(alert.key, None) is not None:
            self._unhot(alert.device_id)
        if alert.kind == "stale" and not any(a.kind == "stale" and a.device_id == alert.device_id
                                             for a in self._open.values()):
            self._stale_open.discard(alert.device_id)
        return self.store.clear(alert, who, detail, at=now)

    def _clear_keys(self, keys: list[str], who: str, detail: str, now: float) -> None:
        cleared = []
        with self._lock:
            for key in keys:
                alert = self._open.get(key)
                if alert is not None:
                    cleared.append(self._clear_locked(alert, who, detail, now))
        self._emit(cleared)

    def _emit(self, alerts: list[Alert]) -> None:
        for alert in alerts:
            self.changed.emit(alert)

    # -- actions (ticker thread) ------------------------------------------------------------------------
    def _run_action(self, alert: Alert, rule: Rule) -> None:
        try:
            self.actions.run(alert, rule)
        except Exception:  # noqa: BLE001 - an action's failure must not stop the alerts
            log.exception("the action of rule %s failed", rule.id)

    def _note_action(self, alert_id: str, text: str) -> None:
        with self._lock:
            alert = next((a for a in self._open.values() if a.id == alert_id), None) or self.store.get(alert_id)
            if alert is None:
                return
            alert = self.store.set_action(alert, text)
            if alert.key in self._open and self._open[alert.key].id == alert_id:
                self._open[alert.key] = alert
        self.changed.emit(alert)

    # -- the operator (GUI thread) ----------------------------------------------------------------------
    def acknowledge(self, alert_id: str, who: str) -> Alert | None:
        with self._lock:
            alert = next((a for a in self._open.values() if a.id == alert_id), None)
            if alert is None or alert.state is not AlertState.ACTIVE:
                return None
            alert = self.store.acknowledge(alert, who, at=self.clock())
            self._open[alert.key] = alert
        self.changed.emit(alert)
        return alert

    def clear(self, alert_id: str, who: str) -> Alert | None:
        """The operator closes an alert; its rule raises it again if the condition still holds."""
        with self._lock:
            alert = next((a for a in self._open.values() if a.id == alert_id), None)
            if alert is None:
                return None
            alert = self._clear_locked(alert, who, "cleared by the operator", self.clock())
        self.changed.emit(alert)
        return alert

    # -- reading (any thread) ---------------------------------------------------------------------------
    def open_alerts(self) -> list[Alert]:
        with self._lock:
            return list(self._open.values())

    def counts(self) -> dict[str, int]:
        with self._lock:
            active = sum(1 for a in self._open.values() if a.state is AlertState.ACTIVE)
            return {"active": active, "acknowledged": len(self._open) - active}

    def bound_devices(self) -> int:
        return len(self._bound)

    def offline_ids(self) -> set[str]:
        """Bound devices whose status (or HA availability) says offline now."""
        with self._lock:
            return set(self._offline)
