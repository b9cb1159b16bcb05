"""The rules of this site: a table of every rule, the problems the file has, and a form to edit one.

The form builds the same table the file holds and validates it with the same code
(``rules.rule_from_dict``); Save writes it back into the site's file (``Alerts.save_rule``: tomlkit,
comments kept) and the engine runs it at once; a problem is shown under the form and nothing is
written.  "Reload file" reads the file again after an edit outside the console.  GUI thread only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.alerts.rules import FIELDS, KINDS, METRICS, SELF, SEVERITIES, Rule, RulesError, rule_from_dict
from console.ui.alerts.qt_alert_words import problem_text
from console.ui.qt_i18n import tr_msg

log = logging.getLogger(__name__)
NUMBER_FIELDS = ("above", "clear", "for_s", "after_s", "within_s", "window_s")
INT_FIELDS = ("count", "min_samples")


def parse_value(text: str):
    """``true``/``false``, a number, or the text itself (an action value typed in the form)."""
    t = text.strip()
    if t.lower() in ("true", "on", "yes"):
        return True
    if t.lower() in ("false", "off", "no"):
        return False
    for cast in (int, float):
        try:
            return cast(t)
        except ValueError:
            pass
    return t.strip('"')


class QtRulesEditor(QWidget):
    saved = Signal(str)  # the id of the rule saved

    def __init__(self, alerts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alerts = alerts
        self.editing: str | None = None  # the id of the rule in the form (None: a new one)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("rulesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Id"), self.tr("Name"), self.tr("Kind"), self.tr("Condition"),
                                              self.tr("Severity"), self.tr("Applies to"), self.tr("Action")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.problems = QLabel()
        self.problems.setObjectName("rulesProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c0392b")
        self.path_label = QLabel()
        self.path_label.setObjectName("rulesPath")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setWordWrap(True)  # a long path must not set the window's minimum width

        self.f: dict[str, QWidget] = {}
        form = QFormLayout()
        self.f["id"] = QLineEdit()
        self.f["name"] = QLineEdit()
        kind = QComboBox()
        for k in KINDS:
            kind.addItem(self.kind_text(k), k)
        self.f["kind"] = kind
        severity = QComboBox()
        for s in SEVERITIES:
            severity.addItem(self.severity_text(s), s)
        self.f["severity"] = severity
        self.f["enabled"] = QCheckBox(self.tr("enabled"))
        self.f["zones"] = QLineEdit()
        self.f["zones"].setPlaceholderText(self.tr("zones, comma-separated (empty: every zone)"))
        self.f["devices"] = QLineEdit()
        self.f["devices"].setPlaceholderText(self.tr("device ids or patterns like sensor-* (empty: every device)"))
        self.f["capability"] = QLineEdit()
        metric = QComboBox()
        for m, about in METRICS.items():
            metric.addItem(m, m)
            metric.setItemData(metric.count() - 1, tr_msg(about), Qt.ItemDataRole.ToolTipRole)
        self.f["metric"] = metric
        direction = QComboBox()
        direction.addItem(self.tr("above"), "above")
        direction.addItem(self.tr("below"), "below")
        self.f["direction"] = direction
        for key in ("above", *NUMBER_FIELDS[1:], *INT_FIELDS):
            self.f[key] = QLineEdit()
        self.f["above"].setPlaceholderText(self.tr("level"))
        self.f["clear"].setPlaceholderText(self.tr("optional: where the alert ends (hysteresis)"))
        self.f["action_device"] = QLineEdit()
        self.f["action_device"].setPlaceholderText(self.tr("device id, or {self} for the device that raised it").format(
            self=SELF))
        self.f["action_set"] = QLineEdit()
        self.f["action_set"].setPlaceholderText("power=true, speed=high")
        self.f["act_without_asking"] = QCheckBox(self.tr("act without asking"))
        self.f["act_without_asking"].setToolTip(self.tr("act without asking (low-risk commands only; high risk "
                                                        "always asks)"))
        for name, w in self.f.items():
            w.setObjectName(f"rule_{name}")
        level = QHBoxLayout()
        level.addWidget(self.f["direction"])
        level.addWidget(self.f["above"], 1)
        rows = [(self.tr("Id"), self.f["id"]), (self.tr("Name"), self.f["name"]), (self.tr("Kind"), self.f["kind"]),
                (self.tr("Severity"), self.f["severity"]), ("", self.f["enabled"]), (self.tr("Zones"), self.f["zones"]),
                (self.tr("Devices"), self.f["devices"]), (self.tr("Capability"), self.f["capability"]),
                (self.tr("Metric"), self.f["metric"]), (self.tr("Fires when"), level),
                (self.tr("Clears at"), self.f["clear"]), (self.tr("For (s)"), self.f["for_s"]),
                (self.tr("After (s)"), self.f["after_s"]), (self.tr("Failures"), self.f["count"]),
                (self.tr("Within (s)"), self.f["within_s"]), (self.tr("Window (s)"), self.f["window_s"]),
                (self.tr("Minimum samples"), self.f["min_samples"]),
                (self.tr("Action: device"), self.f["action_device"]), (self.tr("Action: set"), self.f["action_set"]),
                ("", self.f["act_without_asking"])]
        self._labels: dict[str, QWidget] = {}
        for label, w in rows:
            form.addRow(label, w)
        self.form_error = QLabel()
        self.form_error.setObjectName("ruleFormError")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet("color: #c0392b")
        self.new_button = QPushButton(self.tr("New rule"))
        self.new_button.setObjectName("newRuleButton")
        self.save_button = QPushButton(self.tr("Save to file"))
        self.save_button.setObjectName("saveRuleButton")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteRuleButton")
        self.reload_button = QPushButton(self.tr("Reload file"))
        self.reload_button.setObjectName("reloadRulesButton")
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.delete_button, self.reload_button):
            buttons.addWidget(b)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.path_label)
        ll.addWidget(self.table, 1)
        ll.addWidget(self.problems)
        form_box = QWidget()
        rl = QVBoxLayout(form_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(form)
        rl.addWidget(self.form_error)
        rl.addLayout(buttons)
        rl.addStretch(1)
        right = QScrollArea()  # the form is taller than a 700-pixel screen: it scrolls, the window does not grow
        right.setWidgetResizable(True)
        right.setFrameShape(QFrame.Shape.NoFrame)
        right.setWidget(form_box)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.table.itemSelectionChanged.connect(self._on_select)
        self.f["kind"].currentIndexChanged.connect(lambda _: self._enable_fields())
        self.new_button.clicked.connect(self.new_rule)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.reload_button.clicked.connect(self.reload)
        self.alerts.engine.rules_changed.connect(self._rules_changed_any_thread)
        self.show_rules()
        self.new_rule()

    def _rules_changed_any_thread(self, rules) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self, self.show_rules)  # back on the GUI thread

    # -- words ------------------------------------------------------------------------------------
    def kind_text(self, kind: str) -> str:
        return {"threshold": self.tr("threshold"), "offline": self.tr("offline"), "stale": self.tr("silent (stale)"),
                "command_failures": self.tr("commands failing"), "metric": self.tr("console metric")}.get(kind, kind)

    def severity_text(self, severity: str) -> str:
        return {"critical": self.tr("critical"), "warning": self.tr("warning"), "info": self.tr("info")}.get(
            severity, severity)

    def condition_text(self, r: Rule) -> str:
        """The rule's condition in the operator's language."""
        if r.kind in ("threshold", "metric"):
            what = r.capability or r.metric
            if r.above is not None:
                text = self.tr("{what} above {level}").format(what=what, level=f"{r.above:g}")
            else:
                text = self.tr("{what} below {level}").format(what=what, level=f"{r.below:g}")
            if r.clear is not None:
                text += self.tr(", clears at {level}").format(level=f"{r.clear:g}")
            if r.for_s:
                text += self.tr(", for {s} s").format(s=f"{r.for_s:g}")
            return text
        if r.kind == "offline":
            return self.tr("offline for {s} s").format(s=f"{r.after_s:g}")
        if r.kind == "stale":
            return self.tr("silent for {s} s").format(s=f"{r.after_s:g}")
        return self.tr("{n} failed command(s) within {s} s").format(n=r.count, s=f"{r.within_s:g}")

    # -- the table --------------------------------------------------------------------------------
    def show_rules(self) -> None:
        rules = self.alerts.rules
        self.path_label.setText(self.tr("Rules file: {path}").format(path=self.alerts.rules_path))
        self.table.setRowCount(len(rules.rules))
        for row, r in enumerate(rules.rules):
            scope = ", ".join([*r.zones, *r.devices]) or self.tr("every device")
            if not r.per_device:
                scope = self.tr("the console")
            action = ""
            if r.action is not None:
                values = ", ".join(f"{k}={v}" for k, v in r.action.params.items())
                action = f"{r.action.device}: {values}" + (self.tr(" (without asking)") if r.action.act_without_asking
                                                            else "")
            cells = [r.id, r.name, self.kind_text(r.kind), self.condition_text(r), self.severity_text(r.severity), scope,
                     action]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                if not r.enabled:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, col, item)
        if rules.problems:
            self.problems.setText(self.tr("{n} rule(s) in the file could not be read and do not run:").format(
                n=len(rules.problems)) + "\n" + "\n".join(f"• {problem_text(p)}" for p in rules.problems))
        else:
            self.problems.setText("")

    def select_rule(self, rule_id: str) -> bool:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == rule_id:
                self.table.selectRow(row)
                return True
        return False

    def _on_select(self) -> None:
        items = self.table.selectedItems()
        if items:
            rule = self.alerts.rules.get(items[0].data(Qt.ItemDataRole.UserRole))
            if rule is not None:
                self.load_form(rule)

    # -- the form ---------------------------------------------------------------------------------
    def new_rule(self) -> None:
        self.editing = None
        self.load_form(Rule(id="", name="", kind="threshold", above=0.0))
        self.f["above"].setText("")

    def load_form(self, r: Rule) -> None:
        self.editing = r.id or None
        f = self.f
        f["id"].setText(r.id)
        f["name"].setText(r.name)
        f["kind"].setCurrentIndex(max(0, KINDS.index(r.kind)))
        f["severity"].setCurrentIndex(SEVERITIES.index(r.severity))
        f["enabled"].setChecked(r.enabled)
        f["zones"].setText(", ".join(r.zones))
        f["devices"].setText(", ".join(r.devices))
        f["capability"].setText(r.capability)
        if r.metric:
            f["metric"].setCurrentIndex(list(METRICS).index(r.metric))
        f["direction"].setCurrentIndex(1 if r.below is not None else 0)
        level = r.below if r.below is not None else r.above
        f["above"].setText("" if level is None else f"{level:g}")
        f["clear"].setText("" if r.clear is None else f"{r.clear:g}")
        for key in ("for_s", "after_s", "within_s", "window_s"):
            f[key].setText(f"{getattr(r, key):g}")
        f["count"].setText(str(r.count))
        f["min_samples"].setText(str(r.min_samples))
        a = r.action
        f["action_device"].setText(a.device if a else "")
        f["action_set"].setText(", ".join(f"{k}={str(v).lower() if isinstance(v, bool) else v}"
                                          for k, v in a.params.items()) if a else "")
        f["act_without_asking"].setChecked(bool(a and a.act_without_asking))
        self.form_error.setText("")
        self._enable_fields()

    def _enable_fields(self) -> None:
        kind = self.f["kind"].currentData()
        allowed = FIELDS["common"] | FIELDS.get(kind, set())
        for key in ("capability", "metric", "clear", *NUMBER_FIELDS[2:], *INT_FIELDS):
            self.f[key].setEnabled(key in allowed)
        levels = kind in ("threshold", "metric")
        self.f["above"].setEnabled(levels)
        self.f["direction"].setEnabled(kind == "threshold")
        if kind == "metric":
            self.f["direction"].setCurrentIndex(0)

    def form_table(self) -> dict:
        """The form as the TOML table the file would hold (validated by the core's own code)."""
        f = self.f
        kind = f["kind"].currentData()
        allowed = FIELDS["common"] | FIELDS[kind]
        out: dict = {"id": f["id"].text().strip(), "name": f["name"].text().strip() or f["id"].text().strip(),
                     "kind": kind, "severity": f["severity"].currentData()}
        if not f["enabled"].isChecked():
            out["enabled"] = False
        for key in ("zones", "devices"):
            names = [x.strip() for x in f[key].text().split(",") if x.strip()]
            if names:
                out[key] = names
        if "capability" in allowed:
            out["capability"] = f["capability"].text().strip()
        if "metric" in allowed:
            out["metric"] = f["metric"].currentData()
        if kind in ("threshold", "metric"):
            direction = f["direction"].currentData() if kind == "threshold" else "above"
            text = f["above"].text().strip()
            if text:
                out[direction] = _number(text)
        for key in (*NUMBER_FIELDS[1:], *INT_FIELDS):
            text = f[key].text().strip()
            if key in allowed and text:
                out[key] = _number(text, whole=key in INT_FIELDS)
        device = f["action_device"].text().strip()
        if device or f["action_set"].text().strip():
            params = {}
            for part in f["action_set"].text().split(","):
                if "=" in part:
                    k, v = part.split("=", 1)
                    params[k.strip()] = parse_value(v)
            out["action"] = {"device": device, "set": params,
                             "act_without_asking": f["act_without_asking"].isChecked()}
        return out

    def save(self) -> bool:
        rule, problems = rule_from_dict(self.form_table())
        if rule is None:
            self.form_error.setText("\n".join(tr_msg(p.what_and_fix()) for p in problems))
            return False
        try:
            self.alerts.save_rule(rule, replaces=self.editing)
        except (RulesError, OSError) as exc:
            why = "; ".join(problem_text(p) for p in exc.problems) if isinstance(exc, RulesError) else str(exc)
            self.form_error.setText(self.tr("Not saved: {e}").format(e=why))
            return False
        self.editing = rule.id
        self.form_error.setText(self.tr("Saved to {path}").format(path=self.alerts.rules_path))
        self.show_rules()
        self.select_rule(rule.id)
        self.saved.emit(rule.id)
        return True

    def delete(self) -> bool:
        if not self.editing:
            return False
        try:
            self.alerts.delete_rule(self.editing)
        except OSError as exc:
            self.form_error.setText(self.tr("Not deleted: {e}").format(e=exc))
            return False
        self.show_rules()
        self.new_rule()
        return True

    def reload(self) -> None:
        self.alerts.reload()
        self.show_rules()


def _number(text: str, whole: bool = False):
    try:
        return int(text) if whole else float(text)
    except ValueError:
        return text  # the core's validation says what is wrong with it
