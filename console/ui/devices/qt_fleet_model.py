"""The live device table, fed by the FleetRegistry on a frame timer.

Many messages for one device between two frames become one update of its row; new devices are
inserted in one block per frame.  Nothing here runs per message.

The cells live on the C++ side (a QStandardItemModel): painting the view never calls back into
Python.  Measured with bench/ingest.py (3,000 devices at 1 Hz, 2 busy cores): a Python ``data()``
answering every paint made the UI event loop stall 70–120 ms at p99, because each of the ~2,000
callbacks per paint must win the GIL from the MQTT thread; with the table hidden it was 20–40 ms.
Python now runs once per frame, for the rows that changed, and once a second for the ages of the
rows on screen.

A frame fills the rows on screen that changed (the view says which, ``visible_rows``: a set it maps
again only after a scroll, a resize, a sort or a filter) and, oldest first, a few of the rows off
screen that changed (``_catch_up``: OFFSCREEN_MIN_PER_FRAME to OFFSCREEN_PER_FRAME rows, within
FRAME_BUDGET_S); a row that comes into view (a scroll or a sort: at once; a filter, a resize: at the
next frame) is filled from the registry's newest record.  Filling a row sets
only the cells, tooltips and sort keys whose text changed.  Measured with bench/ingest.py --ha 10000
(2,500 row updates/s on 2 cores shared with other work): the frame's own CPU was 1.5-2.5 ms (it
was 3.5-4.5 ms filling 20-100 rows, with every translated word and tooltip set again); most of a
slow frame's wall time is waiting, for a CPU (the machine's other work, this bench's broker,
publisher and bare subscriber, the link's thread) or for the GIL the link's thread holds.  The
price is paid off screen: under 2,500 updates/s (every row changing each second) a row off screen
shows its device about 3-16 s late (its ``record()`` too: 160-960 rows a second are caught up);
once updates stop, all are current within rows / 160 seconds at the most (2,500 rows: 16 s, about
3 s when frames are within budget).  The rows on screen never lag, and neither do the device's
controls (they read the registry).

Liveness (issue 14): while the console's broker link is down (``set_link_up(False, since)``, wired
to the shell's link status) every row reads "unknown (broker down since HH:MM:SS)", greyed: the
registry's last word is old news.  "stale" (online, but silent longer than the registry's
``stale_after_s``) has its own colour and a tooltip with the last update and that threshold;
online/offline come only from status/LWT messages (the registry's).

A device removed from the registry (an empty retained meta) loses its row on the next frame
(``registry.take_removed``).  Cell texts are capped (``MAX_CELL``): a device cannot make one row cost
the frame; its undeclared keys show as a count and a few names, never as values.
"""

from __future__ import annotations

import itertools
import time
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from console.core.assistant.aliases import Aliases, default_aliases
from console.core.commands.wording import cap_label, value_words
from console.core.fleet.registry import DeviceRecord, FleetRegistry
from console.core.protocol import DeviceMeta

from console.ui.devices.qt_command_sender import ui_lang


MAX_CELL = 400  # characters of one cell's text


def format_value(value: Any, unit: str = "") -> str:
    """A value as the table and the controls show it; any value, never raising, at most MAX_CELL long."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float):
        text = f"{value:.1f}"
    elif isinstance(value, int) and abs(value) >= 10**15:
        text = f"{float(value):.3g}" if abs(value) < 10**300 else "(huge)"
    else:
        text = str(value)
    text = f"{text} {unit}".strip() if unit else text
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def format_age(age: float | None) -> str:
    if age is None:
        return "–"
    if age < 1:
        return QCoreApplication.translate("QtFleetModel", "now")
    if age < 60:
        return f"{age:.0f} s"
    if age < 3600:
        return f"{age / 60:.0f} min"
    return f"{age / 3600:.1f} h"


def state_text(rec: DeviceRecord, lang: str = "en") -> str:
    """``power=on  level=60 %``; in Chinese with the capabilities' labels and words (``电源=开  亮度=60 %``)."""
    caps = rec.meta.capabilities if rec.meta else {}
    if lang == "zh":
        text = "  ".join(f"{cap_label(k, 'zh')}={_zh_value(caps[k], v) if k in caps else format_value(v)}"
                         for k, v in rec.values.items())
    else:
        text = "  ".join(f"{k}={format_value(v, caps[k].unit if k in caps else '')}" for k, v in rec.values.items())
    if rec.unknown_count:
        names = ", ".join(rec.unknown_keys)
        text += "  " + QCoreApplication.translate("QtFleetModel", "(+{n} unknown: {names})").format(
            n=rec.unknown_count, names=names)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _zh_value(cap, value: Any) -> str:
    if (cap.type == "bool" and isinstance(value, bool)) or (cap.type == "enum" and isinstance(value, str)):
        return value_words(cap, value, "zh")
    return format_value(value, cap.unit)


# kinds the fleet's aliases may not name (Home Assistant's platforms)
KINDS_ZH = {"switch": "开关", "light": "灯", "climate": "空调", "binary_sensor": "传感器", "fan": "风扇",
            "cover": "窗帘", "lock": "门锁", "valve": "阀", "siren": "警报器", "sensor": "传感器",
            "control": "控制"}


def display_names(meta: DeviceMeta | None, aliases: Aliases, lang: str, area: str = "") -> tuple[str, str, str]:
    """(name, zone, kind) as the table shows them: in Chinese the fleet aliases' first zh names.  The
    zone is the aliases' name for it, else the device's own words for its area (``area``: a discovered
    device's ``suggested_area``, "Küche" rather than the slug "kuche"), else the zone id."""
    if meta is None:
        return "", "", ""
    zone = aliases.zone_name(meta.zone, lang) if lang == "zh" else meta.zone
    if zone == meta.zone and area:
        zone = area
    if lang != "zh":
        return meta.name, zone, meta.kind
    kinds = aliases.kinds.get(meta.kind, {}).get("zh") or ()
    return (aliases.display_name(meta, "zh"), zone, kinds[0] if kinds else KINDS_ZH.get(meta.kind, meta.kind))


ONLINE_BRUSH = QBrush(QColor("#1e8449"))
OFFLINE_BRUSH = QBrush(QColor("#c0392b"))
OTHER_BRUSH = QBrush(QColor("#7f8c8d"))
STALE_BRUSH = QBrush(QColor("#b9770e"))  # amber: online by its last status, silent too long


class QtFleetModel(QStandardItemModel):
    COLUMNS = ("id", "name", "zone", "kind", "source", "online", "state", "updated")
    SortRole = int(Qt.ItemDataRole.UserRole) + 1
    MAX_NEW_PER_FRAME = 1000
    OFFSCREEN_PER_FRAME = 48  # at most, and only while the frame is within FRAME_BUDGET_S
    OFFSCREEN_MIN_PER_FRAME = 8  # even over budget: the lag of rows off screen stays bounded
    FRAME_BUDGET_S = 0.003

    framesApplied = Signal(int)  # rows updated in the last frame (for the rate indicators)
    devicesUpdated = Signal(object)  # the set of device ids updated in the last frame
    choicesChanged = Signal()  # a zone or kind not seen before (the filter boxes offer it)
    linkChanged = Signal(bool)  # the broker link went up or down: the online column's texts changed

    def __init__(self, registry: FleetRegistry, parent: QObject | None = None, frame_ms: int = 50) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.registry = registry
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._cache: dict[str, DeviceRecord] = {}
        self._backlog: list[str] = []
        self._offscreen: dict[str, None] = {}  # ordered set: rows whose cells lag their record
        # what the row's cells show now (texts, then the online tooltip, the age text and its sort key):
        # a cell, tooltip or sort key that did not change is not set again
        self._shown: dict[str, tuple] = {}
        self.rows_applied = 0
        self.zones: set[str] = set()
        self.kinds: set[str] = set()
        self._new_choice = False
        self.visible_rows: Callable[[], range] | None = None  # set by the view: ages of these rows
        self._last_on_screen = None  # the visible rows the last frame saw (a new set: rows came into view)
        self._row_cost_s = 1e-4  # what filling a row off screen took lately (how many fit the budget)
        self.link_up = True
        self.link_down_since = 0.0
        self.lang = ui_lang()  # zh: names, zones, kinds and state words from the fleet's aliases
        self.aliases: Aliases = default_aliases() if self.lang == "zh" else Aliases()
        # a source's problems with a device (HA discovery: template errors) -> a ⚠ and a count on its
        # source cell, the kinds and the last error in its tooltip; the panel's HaBridge.problems
        self.problems: Callable[[str], tuple[int, dict, str]] | None = getattr(getattr(parent, "ha", None),
                                                                               "problems", None)
        self.setSortRole(self.SortRole)
        # the words every row update uses, translated once (the language is chosen at start)
        self._words = {"online": self.tr("online"), "offline": self.tr("offline"), "unknown": self.tr("unknown"),
                       "stale": self.tr("stale"), "HA": self.tr("HA"), "native": self.tr("native"),
                       "ha_source": self.tr("Home Assistant discovery"),
                       "link_down_tip": self.tr("The console's broker link is down: no device news can arrive")}
        headers = {
            "id": self.tr("ID"), "name": self.tr("Name"), "zone": self.tr("Zone"), "kind": self.tr("Kind"),
            "source": self.tr("Source"), "online": self.tr("Online"), "state": self.tr("State"), "updated": self.tr("Updated"),
        }
        self.setHorizontalHeaderLabels([headers[c] for c in self.COLUMNS])
        self._col = {c: i for i, c in enumerate(self.COLUMNS)}
        self._tip_cols = {self._col["id"], self._col["name"], self._col["state"]}
        self._frame = QTimer(self)
        self._frame.setInterval(frame_ms)
        self._frame.timeout.connect(self.apply_pending)
        self._frame.start()
        self._age = QTimer(self)
        self._age.setInterval(1000)
        self._age.timeout.connect(self._refresh_ages)
        self._age.start()

    def stop(self) -> None:
        """Stop the frame and age timers (the console is closing)."""
        self._frame.stop()
        self._age.stop()

    # -- updates --------------------------------------------------------------------------------
    def apply_pending(self) -> int:
        started = time.perf_counter()
        self._drop_removed()
        new, dirty = self.registry.take_changes()
        # at most MAX_NEW_PER_FRAME rows inserted per frame: discovering 10,000 devices at once
        # stays a series of short frames, not one long stall
        self._backlog.extend(i for i in new if i not in self._row)
        new, self._backlog = self._backlog[:self.MAX_NEW_PER_FRAME], self._backlog[self.MAX_NEW_PER_FRAME:]
        if self._backlog:
            dirty = dirty - set(self._backlog)
            self.registry.mark_dirty(self._backlog)  # their updates wait with them
        if new:
            # whole rows, filled before they are inserted: setItem() into an existing row makes the
            # proxy re-filter every row (7 million filter calls for 1,000 devices)
            fresh = dict(self.registry.get_many(new))
            now = time.time()
            for dev_id in new:
                self._row[dev_id] = len(self._ids)
                self._ids.append(dev_id)
                rec = self._cache[dev_id] = fresh.get(dev_id) or DeviceRecord(dev_id)
                items = [QStandardItem() for _ in self.COLUMNS]
                for item in items:
                    item.setEditable(False)
                self._fill(items, rec, None, now)
                self.appendRow(items)
            dirty = dirty - set(new)  # just filled from their newest record
        changed = 0
        updated = set()
        now = time.time()
        on_screen = self._on_screen()
        if on_screen is not None and on_screen is not self._last_on_screen:
            self._last_on_screen = on_screen  # other rows came into view (a filter, a resize, the tab shown)
            self.refresh_visible()
        shown_now = []
        for dev_id in dirty:
            row = self._row.get(dev_id)
            if row is None:
                continue
            if on_screen is None or row in on_screen:
                shown_now.append(dev_id)
                self._offscreen.pop(dev_id, None)
            else:
                self._offscreen[dev_id] = None  # caught up below, a few rows per frame
            updated.add(dev_id)
            changed += 1
        # the rows on screen and the rows off screen caught up in this frame: one read of the registry
        # (each is a lock the link's thread may hold, and then a wait for the GIL back)
        catch_up = self._catch_up_ids(started)
        shown, rest = set(shown_now), []
        for dev_id, rec in self.registry.get_many(shown_now + catch_up):
            if dev_id in shown:
                self._cache[dev_id] = rec
                self._fill(None, rec, self._row[dev_id], now)
            else:
                rest.append((dev_id, rec))
        self._catch_up(rest, started, now)
        self.rows_applied += changed
        if self._new_choice:
            self._new_choice = False
            self.choicesChanged.emit()
        if changed:
            self.framesApplied.emit(changed)
            self.devicesUpdated.emit(updated)
        return changed

    def _on_screen(self):
        """The source rows on screen now (a set the view keeps, recomputed only when they change), or
        None when no view said which: then every row counts as on screen."""
        if self.visible_rows is None:
            return None
        rows = self.visible_rows()
        return rows if isinstance(rows, (set, frozenset)) else set(rows)

    def _catch_up_ids(self, started: float) -> list[str]:
        """The rows off screen to fill in this frame, oldest first: as many as the rest of the frame's
        budget fits at the cost a row took lately, OFFSCREEN_MIN_PER_FRAME to OFFSCREEN_PER_FRAME."""
        if not self._offscreen:
            return []
        left = self.FRAME_BUDGET_S - (time.perf_counter() - started)
        n = min(self.OFFSCREEN_PER_FRAME, max(self.OFFSCREEN_MIN_PER_FRAME, int(left / self._row_cost_s)))
        return list(itertools.islice(self._offscreen, n))

    def _catch_up(self, records: list[tuple[str, DeviceRecord]], started: float, now: float) -> None:
        """Rows off screen follow oldest first, OFFSCREEN_MIN_PER_FRAME to OFFSCREEN_PER_FRAME rows a
        frame while the frame is within FRAME_BUDGET_S: a large fleet costs the UI thread the rows it
        shows, not the rows it has.  Only the rows filled now are read from the registry.  Their
        ``record()`` and cells lag meanwhile (the module's docstring says how much); a row that comes
        into view is filled at once (``refresh_visible``).  The budget is wall time: on a busy machine
        a frame that lost its CPU ends early, so the event loop is back sooner; a row read but not
        filled stays first in line."""
        budget_end = started + self.FRAME_BUDGET_S
        t0 = time.perf_counter()
        done = 0
        for dev_id, rec in records:
            if done >= self.OFFSCREEN_MIN_PER_FRAME and time.perf_counter() > budget_end:
                break  # the rest stay first in line for the next frame
            row = self._row.get(dev_id)
            self._offscreen.pop(dev_id, None)
            if row is not None:
                self._cache[dev_id] = rec
                self._fill(None, rec, row, now)
            done += 1
        if done:  # what a row costs lately (CPU and whatever waiting came with it): the next frame's count
            self._row_cost_s = 0.8 * self._row_cost_s + 0.2 * max(2e-5, (time.perf_counter() - t0) / done)

    def set_link_up(self, up: bool, since: float) -> None:
        """The console's broker link went up or down (``since``: when; a later "still down" keeps the
        first time).  Every row is redrawn: while down, all read "unknown (broker down since …)".  The
        rows on screen now, the others through the off-screen catch-up (a few per frame, not 10,000
        rows in one frame)."""
        if up == self.link_up:
            return
        self.link_up = up
        if not up:
            self.link_down_since = since
        now = time.time()
        on_screen = self._on_screen()
        for row, dev_id in enumerate(self._ids):
            if on_screen is not None and row not in on_screen:
                self._offscreen[dev_id] = None
                continue
            rec = self._cache.get(dev_id)
            if rec is not None:
                self._fill(None, rec, row, now)
                self._offscreen.pop(dev_id, None)
        self.linkChanged.emit(up)

    def _drop_removed(self) -> None:
        """Rows of devices the registry forgot (an empty retained meta): removed in one pass."""
        gone = set(self.registry.take_removed())
        if not gone:
            return
        self._backlog = [i for i in self._backlog if i not in gone]
        removed = {i for i in gone if i in self._row}
        for dev_id in sorted(removed, key=self._row.__getitem__, reverse=True):
            self.removeRow(self._row[dev_id])
            for table in (self._cache, self._shown, self._offscreen):
                table.pop(dev_id, None)
        self._ids = [i for i in self._ids if i not in removed]
        self._row = {dev_id: row for row, dev_id in enumerate(self._ids)}

    def _texts(self, rec: DeviceRecord, now: float) -> tuple:
        meta = rec.meta
        if meta is not None and (meta.zone not in self.zones or meta.kind not in self.kinds):
            self.zones.add(meta.zone)
            self.kinds.add(meta.kind)
            self._new_choice = True
        if not self.link_up:
            online = self.tr("unknown (broker down since {time})").format(
                time=time.strftime("%H:%M:%S", time.localtime(self.link_down_since)))
        elif rec.online is None:
            online = self._words["unknown"]
        elif rec.online and self.registry.is_stale(rec, now):
            online = self._words["stale"]
        else:
            online = self._words["online"] if rec.online else self._words["offline"]
        if rec.clock_warning and rec.clock_offset_s is not None:  # the registry's clock check
            online = self.tr("{online} · clock {offset} s off").format(online=online,
                                                                      offset=f"{rec.clock_offset_s:+.0f}")
        return (rec.id, *display_names(meta, self.aliases, self.lang, rec.area),
                self._source_text(rec), online, state_text(rec, self.lang))

    def _clock_tip(self, rec: DeviceRecord) -> str:
        """The device's clock offset as the registry estimates it from its timestamps ("" unknown)."""
        if rec.clock_offset_s is None:
            return ""
        return self.tr("Device clock: {offset} s from this console's (ahead > 0), from its timestamps").format(
            offset=f"{rec.clock_offset_s:+.1f}")

    def _liveness_brush(self, rec: DeviceRecord, now: float) -> QBrush:
        if not self.link_up or rec.online is None:
            return OTHER_BRUSH
        if rec.online and self.registry.is_stale(rec, now):
            return STALE_BRUSH
        return ONLINE_BRUSH if rec.online else OFFLINE_BRUSH

    def _liveness_tip(self, rec: DeviceRecord, now: float) -> str:
        """Why the cell says what it says: the broker being down, or the silence that makes "stale"."""
        if not self.link_up:
            return self._words["link_down_tip"]
        if not (rec.online and self.registry.is_stale(rec, now)):
            return ""
        return self.tr("Last update {time} ({age} ago); a device is stale after {limit} s without one").format(
            time=time.strftime("%H:%M:%S", time.localtime(rec.last_update)), age=format_age(rec.age(now)),
            limit=f"{self.registry.stale_after_s:.0f}")

    def _source_text(self, rec: DeviceRecord) -> str:
        """Where the device comes from: our protocol, or Home Assistant discovery with its maker."""
        if rec.source == "ha":
            errors = self.problems(rec.id)[0] if self.problems is not None else 0
            return self._words["HA"] + (f" ⚠{errors}" if errors else "")  # maker, model, errors: the tooltip
        return self._words["native"] if rec.source == "native" else rec.source

    def _problems_tip(self, rec: DeviceRecord) -> str:
        """The device's template errors for the source cell's tooltip ("" when none)."""
        count, kinds, last = self.problems(rec.id) if self.problems is not None else (0, {}, "")
        if not count:
            return ""
        words = {"error": self.tr("failed"), "refused": self.tr("refused as hostile"),
                 "budget": self.tr("stopped by the time or size budget")}
        parts = ", ".join(f"{n} {words.get(k, k)}" for k, n in sorted(kinds.items()))
        return "\n" + self.tr("⚠ {count} template errors ({kinds}); the last: {last}").format(
            count=count, kinds=parts, last=last[:300])

    def _fill(self, items: list[QStandardItem] | None, rec: DeviceRecord, row: int | None,
              now: float | None = None) -> None:
        """Bring one row's cells to ``rec``; only what changed is set (each set is a dataChanged)."""
        now = time.time() if now is None else now
        texts = self._texts(rec, now)
        # the whole cell first: "unknown (broker down since …)" does not fit the column at 1024 px
        online_col = self._col["online"]
        full = texts[online_col] if not self.link_up else ""
        tips = [t for t in (full, self._liveness_tip(rec, now), self._clock_tip(rec)) if t]
        shown = (*texts, "\n".join(tips), format_age(rec.age(now)), -rec.last_update)
        old = self._shown.get(rec.id) if items is None else None  # new items: every cell
        if old == shown:
            return
        self._shown[rec.id] = shown
        get = items.__getitem__ if items is not None else (lambda c: self.item(row, c))
        sort_role = self.SortRole
        for c, text in enumerate(texts):
            if old is not None and old[c] == text:
                continue
            item = get(c)
            item.setText(text)
            if c in self._tip_cols:  # a narrow column elides: the whole text is the tooltip
                item.setToolTip(text)
            if c == self._col["source"] and rec.source == "ha":
                item.setToolTip(" · ".join([self._words["ha_source"],
                                            *(x for x in (rec.manufacturer, rec.model, rec.area) if x)])
                                + self._problems_tip(rec))
            if c == online_col:
                item.setData(1 if rec.online and self.link_up else 0, sort_role)
                item.setForeground(self._liveness_brush(rec, now))
            else:
                item.setData(text, sort_role)
        self._grey_row(get, old, texts)
        n = len(texts)
        if old is None or old[n] != shown[n]:
            get(online_col).setToolTip(shown[n])
        if old is None or old[n + 1] != shown[n + 1] or old[n + 2] != shown[n + 2]:
            age_item = get(self._col["updated"])
            age_item.setText(shown[n + 1])
            age_item.setData(shown[n + 2], sort_role)  # newest first when sorted ascending

    def _grey_row(self, get: Callable[[int], QStandardItem], old: tuple | None, texts: tuple) -> None:
        """All the row's other cells greyed while the broker is down, back to normal once it is up."""
        online = self._col["online"]
        if (old is None and self.link_up) or (old is not None and old[online] == texts[online]):
            return
        grey = None if self.link_up else OTHER_BRUSH
        for c in range(len(self.COLUMNS)):
            if c != online:
                get(c).setData(grey, Qt.ItemDataRole.ForegroundRole)

    def refresh_visible(self) -> None:
        """Bring the cells of the rows now on screen up to date (after a scroll or a sort): the rows
        still waiting for the off-screen catch-up are filled from the registry's newest record."""
        if self.visible_rows is None or not self._offscreen:
            return
        waiting = [dev_id for row in self._on_screen()
                   if (dev_id := self.device_id(row)) is not None and dev_id in self._offscreen]
        if not waiting:
            return
        now = time.time()
        for dev_id in waiting:
            del self._offscreen[dev_id]
        for dev_id, rec in self.registry.get_many(waiting):
            row = self._row.get(dev_id)
            if row is not None:
                self._cache[dev_id] = rec
                self._fill(None, rec, row, now)

    def _refresh_ages(self) -> None:
        """Once a second, the age (and staleness) of the rows on screen (all rows if no view said which)."""
        if not self._ids:
            return
        rows = self._on_screen()
        now = time.time()
        for row in rows if rows is not None else range(len(self._ids)):
            if 0 <= row < len(self._ids):
                rec = self._cache.get(self._ids[row])
                if rec is not None:  # the age, and "stale" once online but silent too long: what changed
                    self._fill(None, rec, row, now)

    # -- lookups (Python side) ----------------------------------------------------------------------
    def record(self, row: int) -> DeviceRecord | None:
        if 0 <= row < len(self._ids):
            return self._cache.get(self._ids[row])
        return None

    def device_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, device_id: str) -> int | None:
        return self._row.get(device_id)
