"""The Devices area: the live, sortable, filterable device table and its rate indicators; on the
right the selected device's generated controls, the live commands view and the audit log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QSettings, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from console.core.commands.pipeline import CommandPipeline
from console.core.fleet.registry import FleetRegistry

from console.ui.devices.qt_audit_view import QtAuditView
from console.ui.devices.qt_command_sender import QtCommandSender
from console.ui.devices.qt_commands_view import QtCommandsView
from console.ui.devices.qt_device_controls import ConfirmFn, QtDeviceControls
from console.ui.devices.qt_device_menu import device_menu
from console.ui.devices.qt_fleet_model import KINDS_ZH, QtFleetModel


class QtFleetFilter(QSortFilterProxyModel):
    """Text filter over id/name/zone/kind plus zone, kind and online-only filters."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = ""
        self.zone = ""
        self.kind = ""
        self.online_only = False
        self.setSortRole(QtFleetModel.SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Re-filtering and re-sorting on every dataChanged calls filterAcceptsRow (Python) for every
        # changed row, each frame: with 10k devices at 1 Hz that stalled the UI for ~200 ms.  Filters
        # and sorting apply when the operator changes them; the online filter is refreshed on a timer.
        self.setDynamicSortFilter(False)

    def set_filters(self, *, text=None, zone=None, kind=None, online_only=None) -> None:
        if text is not None:
            self.text = text.strip().lower()
        if zone is not None:
            self.zone = zone
        if kind is not None:
            self.kind = kind
        if online_only is not None:
            self.online_only = online_only
        self.beginFilterChange()
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model: QtFleetModel = self.sourceModel()  # type: ignore[assignment]
        rec = model.record(row)
        if rec is None:
            return False
        meta = rec.meta
        if self.online_only and not (rec.online and model.link_up):  # broker down: nobody is known online
            return False
        if self.zone and (meta is None or meta.zone != self.zone):
            return False
        if self.kind and (meta is None or meta.kind != self.kind):
            return False
        if self.text:
            hay = " ".join([rec.id, meta.name, meta.zone, meta.kind] if meta else [rec.id]).lower()
            return self.text in hay
        return True


class QtElideRight(QStyledItemDelegate):
    """Cells that keep their beginning when they do not fit ("unknown (bro…", "running=off  spe…"):
    the table elides in the middle (a discovered id keeps its distinct tail), these columns at the end.
    A cut cell without a tooltip of its own ("Wareho…" in the zone column) shows its whole text as one."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt API
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt API
        if event is not None and event.type() == QEvent.Type.ToolTip and index.isValid() \
                and not index.data(Qt.ItemDataRole.ToolTipRole):
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            if text and self.is_cut(option, index):
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)

    def is_cut(self, option, index) -> bool:
        """Whether the cell's text is wider than what its column shows of it."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        return self.sizeHint(opt, index).width() > option.rect.width()


class QtDevicesPanel(QWidget):
    SETTINGS_GROUP = "devices"
    SETTINGS_VERSION = 2  # 2: the splitter has the device side panel

    def __init__(
        self,
        registry: FleetRegistry,
        parent: QWidget | None = None,
        *,
        commands: CommandPipeline | None = None,
        confirm: ConfirmFn | None = None,
        unassigned_outbox: Path | None = None,
        sender: QtCommandSender | None = None,
        ha: Any = None,  # the HaBridge (raw payloads, risk and exposure choices), None: discovery off
    ) -> None:
        super().__init__(parent)
        self.registry = registry
        self.commands = commands
        self.ha = ha
        self.model = QtFleetModel(registry, self)
        self.proxy = QtFleetFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText=self.tr("Filter devices (id, name, zone, kind)"))
        self.search.setToolTip(self.search.placeholderText())  # at 1024 px the placeholder is cut
        self.search.setClearButtonEnabled(True)
        self.zone_box = QComboBox()
        self.kind_box = QComboBox()
        self.online_box = QCheckBox(self.tr("Online only"))
        self.rates = QLabel()
        self.rates.setObjectName("rates")
        for box, label in ((self.zone_box, self.tr("All zones")), (self.kind_box, self.tr("All kinds"))):
            box.addItem(label, "")

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(QtFleetModel.COLUMNS.index("id"), Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long discovered ids keep their distinct tail
        self.table.setWordWrap(False)  # a wrapped "front-door-853893" showed only "front-…": one line, elided
        self._elide_right = QtElideRight(self.table)  # the other columns keep their beginning
        for col in QtFleetModel.COLUMNS:
            if col != "id":
                self.table.setItemDelegateForColumn(QtFleetModel.COLUMNS.index(col), self._elide_right)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QtFleetModel.COLUMNS.index("state"), QHeaderView.ResizeMode.Stretch)
        widths = (("id", 105), ("name", 110), ("zone", 68), ("kind", 50), ("source", 50), ("online", 62), ("updated", 58))
        self._default_widths = {QtFleetModel.COLUMNS.index(col): width for col, width in widths}
        for col, width in self._default_widths.items():
            self.table.setColumnWidth(col, width)
        # with room to spare (a wide window), name, id and zone grow to their text (up to a cap) before the
        # state column takes the rest; a column the operator resized (or a restored layout) stays as set
        self._user_sized: set[int] = set()
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(250)
        self._fit_timer.timeout.connect(self.fit_columns)
        self.table.viewport().installEventFilter(self)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.zone_box)
        bar.addWidget(self.kind_box)
        bar.addWidget(self.online_box)
        bar.addStretch(1)
        bar.addWidget(self.rates)
        self.connections_button = QPushButton(self.tr("Connections…"))
        self.connections_button.setToolTip(self.tr("Broker connection profiles (TLS, credentials, client id)"))
        self.connections_button.clicked.connect(self._open_connections)
        bar.addWidget(self.connections_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.controls = QtDeviceControls(commands, confirm, record_lookup=registry.get, sender=sender)
        self.side = QTabWidget()
        self.side.setObjectName("deviceSide")
        self.side.addTab(self.controls, self.tr("Control"))
        self.commands_view = self.audit_view = None
        if commands is not None:
            self.commands_view = QtCommandsView(commands)
            self.audit_view = QtAuditView(commands.outbox, unassigned_path=unassigned_outbox, pipeline=commands,
                                          confirm=confirm, sender=sender)
            self.side.addTab(self.commands_view, self.tr("Commands"))
            self.side.addTab(self.audit_view, self.tr("Audit log"))
            self.commands_view.model.commandUpdated.connect(self.controls.show_command)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(1, False)
        # the side's tabs would claim ~570 px by their size hints: at 1024 px the table's state and age
        # columns went behind a scrollbar; the side scrolls its own content instead
        self.side.setMinimumWidth(self.SIDE_MIN)
        self.splitter.setSizes([800, 480])
        # until the operator drags the splitter, fit_splitter shares the width (side_width_for): at
        # 1024 px the state column keeps ~40 px more than a 3:2 split left it
        self._splitter_user = False
        self.splitter.splitterMoved.connect(self._splitter_moved)
        self.splitter.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.search.textChanged.connect(lambda t: self.proxy.set_filters(text=t))
        self.zone_box.currentIndexChanged.connect(lambda _: self.proxy.set_filters(zone=self.zone_box.currentData()))
        self.kind_box.currentIndexChanged.connect(lambda _: self.proxy.set_filters(kind=self.kind_box.currentData()))
        self.online_box.toggled.connect(lambda on: self.proxy.set_filters(online_only=on))
        self.model.choicesChanged.connect(self._refresh_filter_choices)
        self.model.devicesUpdated.connect(self._devices_updated)
        # not dataChanged: every frame's rows span the online column, and a refit at each frame (the
        # longest text of every column) doubled the GUI thread's CPU under 2,500 updates/s
        self.model.linkChanged.connect(self._online_changed)
        # the source rows on screen, recomputed only when they can have changed (a scroll, a resize, a
        # sort, a filter, rows added or removed, the table shown or hidden), not at every frame
        self._visible_key: tuple | None = None
        self._visible: frozenset[int] = frozenset()
        self.visible_computations = 0  # how often they were recomputed (tests)
        self.model.visible_rows = self._visible_source_rows
        for signal in (self.proxy.layoutChanged, self.proxy.modelReset, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self._visible_changed)
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self.model.refresh_visible())
        self.table.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self.model.refresh_visible())
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select(cur))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self._last_counts = registry.counters()
        self._sorted_rows = 0
        self._rate_timer = QTimer(self)
        self._rate_timer.setInterval(1000)
        self._rate_timer.timeout.connect(self._update_rates)
        self._rate_timer.start()
        self._update_rates()

    def _refresh_filter_choices(self) -> None:
        m = self.model
        shown = {  # the words the table shows (the fleet's Chinese names in zh_CN); the filter keeps the id
            self.zone_box: (lambda z: m.aliases.zone_name(z, "zh")) if m.lang == "zh" else str,
            self.kind_box: (lambda k: ((m.aliases.kinds.get(k, {}).get("zh") or ()) or (KINDS_ZH.get(k, k),))[0])
            if m.lang == "zh" else str,
        }
        for box, values in ((self.zone_box, m.zones), (self.kind_box, m.kinds)):
            have = {box.itemData(i) for i in range(box.count())}
            for v in sorted(values - have):
                if v:
                    box.addItem(shown[box](v) or v, v)

    def _update_rates(self) -> None:
        if self.proxy.online_only:
            self.proxy.set_filters()  # devices went on/offline: re-filter once a second, not per frame
        if self.model.rowCount() != self._sorted_rows:
            # new devices arrive unsorted (dynamic sorting is off): put them in place once a second
            self._sorted_rows = self.model.rowCount()
            header = self.table.horizontalHeader()
            self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self.model.refresh_visible()
        now = self.registry.counters()
        prev, self._last_counts = self._last_counts, now
        self.rates.setText(
            self.tr("{devices} devices · {rx}/s received · {ap}/s applied · {dr}/s dropped").format(
                devices=now["devices"],
                rx=now["received"] - prev["received"],
                ap=now["applied"] - prev["applied"],
                dr=(now["stale_dropped"] + now["rejected"]) - (prev["stale_dropped"] + prev["rejected"]),
            )
        )

    def _open_connections(self) -> None:
        from console.ui.connection.qt_profiles_dialog import open_profiles_dialog
        from console.ui.connection.qt_restart import restart_with_profile

        self._connections = open_profiles_dialog(self)
        self._connections.restartRequested.connect(lambda name: restart_with_profile(name, self.window()))

    def _visible_changed(self, *_args) -> None:
        """The proxy's rows moved (a sort, a filter, rows added or removed): recompute at next use."""
        self._visible_key = None
        if not self._fit_timer.isActive():
            self._fit_timer.start()

    # -- column widths ----------------------------------------------------------------------------
    # (column, cap in px); "online" grows only for a long text: "unknown (broker down since …)", and
    # it is served first (FIT_FIRST): while the broker is down, that is what the operator must read
    FIT_COLUMNS = (("name", 220), ("id", 180), ("zone", 120), ("online", 260))
    FIT_FIRST = ("online",)
    STATE_MIN = 300  # what the state column keeps before the others grow
    # until the operator drags the splitter: the table gets TABLE_FIRST px before the side grows past
    # SIDE_MIN, and the side never more than SIDE_SHARE of the width (at 1024 px: side 340, table 676)
    SIDE_MIN, TABLE_FIRST, SIDE_SHARE = 340, 800, 0.38

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize and not self._fit_timer.isActive():
            self._fit_timer.start()
        if obj is self.splitter and event.type() == QEvent.Type.Resize and not self._splitter_user:
            self.fit_splitter()
        return super().eventFilter(obj, event)

    def _splitter_moved(self, _pos: int, _index: int) -> None:
        self._splitter_user = True

    def side_width_for(self, total: int) -> int:
        """The side panel's width in a splitter ``total`` px wide (handle excluded), the table the rest."""
        return max(self.SIDE_MIN, min(total - self.TABLE_FIRST, round(total * self.SIDE_SHARE)))

    def fit_splitter(self) -> None:
        total = self.splitter.width() - self.splitter.handleWidth()
        if total <= self.SIDE_MIN:
            return
        side = self.side_width_for(total)
        self.splitter.setSizes([total - side, side])

    def _online_changed(self, _up: bool) -> None:
        """The online column's texts changed (the broker went down: "unknown (broker down since …)"): refit."""
        if not self._fit_timer.isActive():
            self._fit_timer.start()

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if not self._fitting and index in self._default_widths:
            self._user_sized.add(index)

    def fit_columns(self) -> None:
        """Give name, id and zone (and online, first) the width of their longest text (capped) where
        the table has room beyond STATE_MIN for the state column, shared in proportion to what each
        lacks when there is not room for all; back to the defaults where there is none."""
        cols = QtFleetModel.COLUMNS
        fit = {cols.index(name): cap for name, cap in self.FIT_COLUMNS}
        spare = (self.table.viewport().width() - self.STATE_MIN
                 - sum(self.table.columnWidth(c) if c in self._user_sized else w
                       for c, w in self._default_widths.items()))
        need = {c: max(0, min(max(self.table.sizeHintForColumn(c), self._default_widths[c]), cap)
                       - self._default_widths[c])
                for c, cap in fit.items() if c not in self._user_sized}
        first = {c: lack for c, lack in need.items() if cols[c] in self.FIT_FIRST}  # served before the others
        grant = {c: min(lack, max(spare, 0)) for c, lack in first.items()}
        spare -= sum(grant.values())
        total = sum(lack for c, lack in need.items() if c not in first)
        share = 1.0 if total <= max(spare, 0) else max(spare, 0) / total
        self._fitting = True
        try:
            for c, lack in need.items():
                width = self._default_widths[c] + (grant[c] if c in grant else int(lack * share))
                if self.table.columnWidth(c) != width:
                    self.table.setColumnWidth(c, width)
        finally:
            self._fitting = False

    def _visible_source_rows(self) -> frozenset[int]:
        """Source rows on screen now (the model fills them at once, the others a few per frame, and
        refreshes their ages once a second).  Kept between frames: the key (shown, scroll position,
        viewport height, proxy rows) and the proxy's signals tell when to map them again."""
        table = self.table
        key = (table.isVisible(), table.verticalScrollBar().value(), table.viewport().height(),
               self.proxy.rowCount())
        if key != self._visible_key:
            self._visible_key = key
            self._visible = frozenset(self._compute_visible_rows())
            self.visible_computations += 1
        return self._visible

    def _compute_visible_rows(self) -> list[int]:
        if not self.table.isVisible():
            return []
        top = self.table.rowAt(0)
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        if top < 0:
            return []
        if bottom < 0:
            bottom = self.proxy.rowCount() - 1
        return [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(top, bottom + 1)]

    def _select(self, proxy_index: QModelIndex) -> None:
        src = self.proxy.mapToSource(proxy_index)
        dev_id = self.model.device_id(src.row()) if src.isValid() else None
        self.select_device(dev_id)

    def select_device(self, device_id: str | None) -> None:
        """Show a device's controls (also used by tests and by a click in the table)."""
        rec = self.registry.get(device_id) if device_id else None
        self.controls.set_device(rec.meta if rec else None, rec)

    def _devices_updated(self, ids: set) -> None:
        meta = self.controls.meta
        if meta is None or meta.id not in ids:
            return
        rec = self.registry.get(meta.id)  # the registry's newest, whether its row is on screen or not
        if rec is not None:
            if rec.meta is not None and rec.meta != meta:
                self.controls.set_device(rec.meta, rec)  # its capabilities changed
            else:
                self.controls.update_record(rec)

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        device_id = self.model.device_id(self.proxy.mapToSource(index).row()) if index.isValid() else None
        if device_id:
            self.device_menu = device_menu(self, device_id, self.registry, self.ha)
            self.device_menu.popup(self.table.viewport().mapToGlobal(pos))

    def online_count(self) -> int:
        return len(self.registry.online_ids())

    # -- what the window asks ---------------------------------------------------------------------
    def add_side_tab(self, widget: QWidget, title: str) -> None:
        """Another view beside the device controls (the shell adds the assistant this way)."""
        self.side.addTab(widget, title)

    def table_rows(self) -> int:
        """Rows in the device table once the pending registry updates are applied (the self-test)."""
        self.model.apply_pending()
        return self.model.rowCount()

    def shutdown(self) -> None:
        """Close what the panel holds open (the audit view's database connections) before exit."""
        self.model.stop()
        if self.commands_view is not None:
            self.commands_view.shutdown()
        if self.audit_view is not None:
            self.audit_view.close_sources()

    # -- settings ---------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.beginGroup(self.SETTINGS_GROUP)
        settings.setValue("version", self.SETTINGS_VERSION)
        settings.setValue("header", self.table.horizontalHeader().saveState())
        settings.setValue("user_sized", ",".join(str(c) for c in sorted(self._user_sized)))
        settings.setValue("splitter", self.splitter.saveState())
        settings.setValue("splitter_user", self._splitter_user)
        settings.setValue("filter", self.search.text())
        settings.setValue("online_only", self.online_box.isChecked())
        settings.endGroup()

    def restore_state(self, settings: QSettings) -> None:
        settings.beginGroup(self.SETTINGS_GROUP)
        try:
            if int(settings.value("version", 0) or 0) != self.SETTINGS_VERSION:
                return  # older layout: keep the defaults (a migration step goes here)
            header = settings.value("header")
            if header is not None:
                self._fitting = True  # restored widths are the operator's only where they resized them
                try:
                    self.table.horizontalHeader().restoreState(header)
                finally:
                    self._fitting = False
                sized = str(settings.value("user_sized", "") or "")
                self._user_sized = {int(c) for c in sized.split(",") if c.isdigit()} & set(self._default_widths)
            splitter = settings.value("splitter")
            # the operator's own split; else fit_splitter's (a split saved before "splitter_user" existed
            # was saved at every exit, dragged or not: it is not taken for the operator's choice)
            if splitter is not None and str(settings.value("splitter_user", "false")).lower() == "true":
                self.splitter.restoreState(splitter)
                self._splitter_user = True
            self.search.setText(str(settings.value("filter", "") or ""))
            self.online_box.setChecked(str(settings.value("online_only", "false")).lower() == "true")
        finally:
            settings.endGroup()
