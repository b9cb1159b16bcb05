"""Alert rules: what they say, how they are read from a site's TOML file, and how one is saved back.

A site keeps its rules in one readable file (``rules_path_for``: one per broker site, like the
command outbox; the demo starts from ``resources/alerts/demo-rules.toml``) that the operator may keep
in version control.  It is read with ``tomllib`` and validated rule by rule: a bad rule is left out
and reported (:class:`RuleProblem`: the line of its ``[[rule]]``, its id, what is wrong and how to
fix it); the good ones run.  Nothing in the file is lost: the UI saves a rule back with ``tomlkit``,
which edits that one table in place and keeps every comment, the order and the rules it could not
read (tomli-w would rewrite the whole file and drop the comments).

Rule kinds (``KINDS``), each with the fields it needs:

    threshold         capability, above | below, clear (hysteresis level), for_s (minimum duration)
    offline           after_s: the device said ``offline`` (or its Last Will did) this long ago
    stale             after_s: no message from the device for this long
    command_failures  count failures (failed, timed out, rejected, expired) within within_s
    metric            metric (``METRICS``), above, clear, for_s, window_s, min_samples

Filters: ``zones`` and ``devices`` (ids or shell-style patterns, ``sensor-*``); empty: every device.
``severity``: info, warning or critical.  ``[rule.action]``: ``device`` (an id, or ``"$device"``
for the device that raised it), ``set`` (capability = value), ``act_without_asking`` (a low-risk
command goes at once; without it, and always for high risk, the operator confirms).
No threads, no locks: pure functions and frozen values.
"""

from __future__ import annotations

import hashlib
import math
import re
import shutil
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from console.core.alerts import wording
from console.core.i18n import QT_TRANSLATE_NOOP, Msg
from console.core.paths import resource_path, user_data_dir

KINDS = ("threshold", "offline", "stale", "command_failures", "metric")
SEVERITIES = ("info", "warning", "critical")
METRICS = {  # what each one measures (the rules form's tooltips)
    "ack_latency_p95_s": QT_TRANSLATE_NOOP("Alerts", "the device ack latency p95 (seconds, command sent → "
                                                     "accepted/done)"),
    "ttft_p95_s": QT_TRANSLATE_NOOP("Alerts", "the model's time to first token p95 (seconds)"),
    "vram_share": QT_TRANSLATE_NOOP("Alerts", "GPU memory in use as a share of the card (0..1)"),
    "remote_error_rate": QT_TRANSLATE_NOOP("Alerts", "the remote engine's share of failed requests (0..1)"),
}
SELF = "$device"
ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
DEMO_RULES = ("alerts", "demo-rules.toml")
FIELDS = {
    "common": {"id", "name", "kind", "severity", "zones", "devices", "enabled", "action", "message"},
    "threshold": {"capability", "above", "below", "clear", "for_s"},
    "offline": {"after_s"},
    "stale": {"after_s"},
    "command_failures": {"count", "within_s"},
    "metric": {"metric", "above", "clear", "for_s", "window_s", "min_samples"},
}
SETTINGS = {"broker_down_after_s"}

STARTER = """\
# Alert rules of this site (docs/ALERTS.md).  One [[rule]] table per rule; the console reads this
# file at start and when a rule is edited in Alerts -> Rules, and says which rule is wrong and why.
#
# [[rule]]
# id = "line-a-hot"              # letters, digits, - _ . : (unique)
# name = "Line A too hot"
# kind = "threshold"             # threshold | offline | stale | command_failures | metric
# capability = "temp"
# above = 30.0                   # or below = ...
# clear = 28.0                   # hysteresis: clears at or below this
# for_s = 120                    # must hold this long first
# severity = "warning"           # info | warning | critical
# zones = ["line-a"]             # and/or devices = ["sensor-*"]
# [rule.action]                  # optional: a command it proposes
# device = "fan-line-a"
# set = { power = true }
# act_without_asking = false     # true: a low-risk command goes without asking

[settings]
broker_down_after_s = 10
"""


@dataclass(frozen=True)
class Action:
    """A command a rule proposes when it fires (always through the command pipeline's submit)."""

    device: str  # a device id, or SELF ("$device"): the device that raised the alert
    params: dict[str, Any]
    act_without_asking: bool = False

    def target(self, device_id: str) -> str:
        return device_id if self.device == SELF else self.device


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    severity: str = "warning"
    zones: tuple[str, ...] = ()
    devices: tuple[str, ...] = ()
    enabled: bool = True
    message: str = ""
    capability: str = ""
    above: float | None = None
    below: float | None = None
    clear: float | None = None
    for_s: float = 0.0
    after_s: float = 60.0
    count: int = 3
    within_s: float = 600.0
    metric: str = ""
    window_s: float = 300.0
    min_samples: int = 5
    action: Action | None = None
    line: int = 0  # where its [[rule]] starts in the file (0: not from a file)

    @property
    def per_device(self) -> bool:
        return self.kind != "metric"

    def fires(self, value: float) -> bool:
        """The value is past the threshold (above: >, below: <)."""
        return value > self.above if self.above is not None else value < self.below  # type: ignore[operator]

    def clears(self, value: float) -> bool:
        """The value is back on the safe side of the clear level (hysteresis)."""
        level = self.clear_level
        return value <= level if self.above is not None else value >= level

    @property
    def clear_level(self) -> float:
        if self.clear is not None:
            return self.clear
        return self.above if self.above is not None else self.below  # type: ignore[return-value]

    def condition(self) -> str:
        """The rule in a few words: English, marked for translation (console.core.alerts.wording)."""
        return wording.condition(self)

    def to_toml(self) -> dict[str, Any]:
        """The rule as a TOML table (only the fields its kind uses, defaults left out)."""
        out: dict[str, Any] = {"id": self.id, "name": self.name, "kind": self.kind, "severity": self.severity}
        if self.zones:
            out["zones"] = list(self.zones)
        if self.devices:
            out["devices"] = list(self.devices)
        if not self.enabled:
            out["enabled"] = False
        if self.message:
            out["message"] = self.message
        for key in sorted(FIELDS[self.kind], key=_FIELD_ORDER.index):
            value = getattr(self, key)
            if value is None or (key == "for_s" and not value):
                continue
            out[key] = value
        if self.action is not None:
            out["action"] = {"device": self.action.device, "set": dict(self.action.params),
                             "act_without_asking": self.action.act_without_asking}
        return out


_FIELD_ORDER = ["capability", "metric", "above", "below", "clear", "for_s", "after_s", "count", "within_s",
                "window_s", "min_samples"]


# a problem as the operator reads it (``RuleProblem.message``): where, which rule, what, the fix
PROBLEM_LINE_RULE = QT_TRANSLATE_NOOP("Alerts", "line {line}, rule {rule}: {what}. {fix}")
PROBLEM_LINE = QT_TRANSLATE_NOOP("Alerts", "line {line}: {what}. {fix}")
PROBLEM_FILE_RULE = QT_TRANSLATE_NOOP("Alerts", "the file, rule {rule}: {what}. {fix}")
PROBLEM_FILE = QT_TRANSLATE_NOOP("Alerts", "the file: {what}. {fix}")
PROBLEM_WHAT_FIX = QT_TRANSLATE_NOOP("Alerts", "{what}. {fix}")  # the form's own rule: no line, no id


@dataclass(frozen=True)
class RuleProblem:
    """One thing wrong in the file: where, which rule, what, and how to fix it.  ``what`` and ``fix``
    are :class:`~console.core.i18n.Msg` texts (English; the UI translates them with ``message()``)."""

    line: int
    rule: str  # the rule's id (or "#n" when it has none), "" for the file itself
    what: str
    fix: str

    def message(self) -> Msg:
        """The whole problem, marked for translation; its English is ``str(problem)``."""
        args = {"what": self.what, "fix": self.fix}
        if self.line:
            args["line"] = self.line
        if self.rule:
            args["rule"] = self.rule
        template = {(True, True): PROBLEM_LINE_RULE, (True, False): PROBLEM_LINE,
                    (False, True): PROBLEM_FILE_RULE, (False, False): PROBLEM_FILE}[(bool(self.line), bool(self.rule))]
        return template.format(**args)

    def what_and_fix(self) -> Msg:
        return PROBLEM_WHAT_FIX.format(what=self.what, fix=self.fix)

    def __str__(self) -> str:
        return str(self.message())


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    problems: list[RuleProblem] = field(default_factory=list)
    broker_down_after_s: float = 10.0
    path: Path | None = None

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


class RulesError(ValueError):
    """A rule given to ``save_rule`` that is not valid: ``problems`` say why."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


# -- reading --------------------------------------------------------------------------------------
def rule_lines(text: str) -> list[int]:
    """The line number (1-based) of each ``[[rule]]`` header, in order."""
    return [i for i, line in enumerate(text.splitlines(), 1) if re.match(r"^\s*\[\[\s*rule\s*\]\]", line)]


def parse_rules(text: str, path: Path | None = None) -> RuleSet:
    """Every valid rule of ``text``, and a problem for each one that is not (never raises)."""
    out = RuleSet(path=path)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 0
        out.problems.append(RuleProblem(line, "", QT_TRANSLATE_NOOP(
            "Alerts", "this is not valid TOML ({error})").format(error=str(exc)),
            QT_TRANSLATE_NOOP("Alerts", "Fix the syntax there (a missing quote or bracket is usual); "
                                        "no rule runs until the file reads.")))
        return out
    for key in doc:
        if key not in ("rule", "settings"):
            out.problems.append(RuleProblem(0, "", QT_TRANSLATE_NOOP("Alerts", "unknown table or key {key}").format(
                key=repr(key)), QT_TRANSLATE_NOOP("Alerts", "Only [settings] and [[rule]] tables belong here; "
                                                            "remove it.")))
    settings = doc.get("settings", {})
    if isinstance(settings, dict):
        for key, value in settings.items():
            if key not in SETTINGS:
                out.problems.append(RuleProblem(0, "", QT_TRANSLATE_NOOP("Alerts", "unknown setting {key}").format(
                    key=repr(key)), QT_TRANSLATE_NOOP("Alerts", "Known settings: {names}.").format(
                    names=", ".join(sorted(SETTINGS)))))
            elif key == "broker_down_after_s":
                if _number(value) and value >= 0:
                    out.broker_down_after_s = float(value)
                else:
                    out.problems.append(RuleProblem(0, "", QT_TRANSLATE_NOOP(
                        "Alerts", "broker_down_after_s must be a number of seconds >= 0, not {value}").format(
                        value=repr(value)), QT_TRANSLATE_NOOP("Alerts", "Write e.g. broker_down_after_s = 10.")))
    raw_rules = doc.get("rule", [])
    if not isinstance(raw_rules, list):
        out.problems.append(RuleProblem(0, "", QT_TRANSLATE_NOOP("Alerts", "'rule' must be an array of tables"),
                                        QT_TRANSLATE_NOOP("Alerts", "Write each rule under its own [[rule]] header.")))
        return out
    lines = rule_lines(text)
    seen: set[str] = set()
    for n, raw in enumerate(raw_rules):
        line = lines[n] if n < len(lines) else 0
        rule, problems = rule_from_dict(raw, line=line, index=n + 1)
        if rule is not None and rule.id in seen:
            problems.append(RuleProblem(line, rule.id, QT_TRANSLATE_NOOP(
                "Alerts", "the id {id} is used by an earlier rule").format(id=repr(rule.id)),
                QT_TRANSLATE_NOOP("Alerts", "Give each rule its own id.")))
            rule = None
        out.problems.extend(problems)
        if rule is not None:
            seen.add(rule.id)
            out.rules.append(rule)
    return out


def load_rules(path: str | Path) -> RuleSet:
    """Read and validate a rules file; a missing or unreadable file is one problem, not an exception."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return RuleSet(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        return RuleSet(path=path, problems=[RuleProblem(0, "", QT_TRANSLATE_NOOP(
            "Alerts", "{path} cannot be read ({error})").format(path=str(path), error=str(exc)), QT_TRANSLATE_NOOP(
            "Alerts", "Check the file's permissions and that it is UTF-8 text."))])
    return parse_rules(text, path)


def rule_from_dict(raw: Any, *, line: int = 0, index: int = 0) -> tuple[Rule | None, list[RuleProblem]]:
    """One rule from its table, or None and the problems that keep it out."""
    name = f"#{index}"
    if not isinstance(raw, dict):
        return None, [RuleProblem(line, name, QT_TRANSLATE_NOOP("Alerts", "a rule must be a table"),
                                  QT_TRANSLATE_NOOP("Alerts", "Write it under a [[rule]] header."))]
    problems: list[RuleProblem] = []

    def bad(what: str, fix: str) -> None:
        problems.append(RuleProblem(line, name, what, fix))

    rid = raw.get("id")
    if not isinstance(rid, str) or not ID_RE.match(rid):
        bad(QT_TRANSLATE_NOOP("Alerts", "id must be 1 to 64 letters, digits or - _ . :, not {value}").format(
            value=repr(rid)), QT_TRANSLATE_NOOP("Alerts", 'Write e.g. id = "line-a-hot".'))
        rid = ""
    else:
        name = rid
    kind = raw.get("kind")
    if kind not in KINDS:
        bad(QT_TRANSLATE_NOOP("Alerts", "kind must be one of {names}, not {value}").format(
            names=", ".join(KINDS), value=repr(kind)), QT_TRANSLATE_NOOP("Alerts", 'Write e.g. kind = "threshold".'))
        return None, problems
    allowed = FIELDS["common"] | FIELDS[kind]
    for key in raw:
        if key not in allowed:
            bad(QT_TRANSLATE_NOOP("Alerts", "{key} is not a field of {kind} rules").format(key=repr(key), kind=kind),
                QT_TRANSLATE_NOOP("Alerts", "Remove it; {kind} rules take {names}.").format(
                    kind=kind, names=", ".join(sorted(allowed))))
    severity = raw.get("severity", "warning")
    if severity not in SEVERITIES:
        bad(QT_TRANSLATE_NOOP("Alerts", "severity must be one of {names}, not {value}").format(
            names=", ".join(SEVERITIES), value=repr(severity)),
            QT_TRANSLATE_NOOP("Alerts", 'Write e.g. severity = "warning".'))
    zones = _strings(raw.get("zones", []), "zones", bad)
    devices = _strings(raw.get("devices", []), "devices", bad)
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        bad(QT_TRANSLATE_NOOP("Alerts", "enabled must be true or false, not {value}").format(value=repr(enabled)),
            QT_TRANSLATE_NOOP("Alerts", "Write enabled = true or enabled = false."))
    kw: dict[str, Any] = {}
    for key in ("for_s", "after_s", "within_s", "window_s"):
        if key in raw and key in allowed:
            value = raw[key]
            if not _number(value) or value < 0:
                bad(QT_TRANSLATE_NOOP("Alerts", "{key} must be a number of seconds >= 0, not {value}").format(
                    key=key, value=repr(value)), QT_TRANSLATE_NOOP("Alerts", "Write e.g. {key} = 60.").format(key=key))
            else:
                kw[key] = float(value)
    for key in ("count", "min_samples"):
        if key in raw and key in allowed:
            value = raw[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                bad(QT_TRANSLATE_NOOP("Alerts", "{key} must be a whole number >= 1, not {value}").format(
                    key=key, value=repr(value)), QT_TRANSLATE_NOOP("Alerts", "Write e.g. {key} = 3.").format(key=key))
            else:
                kw[key] = value
    if kind in ("threshold", "metric"):
        _levels(raw, kind, kw, bad)
    if kind == "threshold":
        cap = raw.get("capability")
        if not isinstance(cap, str) or not cap:
            bad(QT_TRANSLATE_NOOP("Alerts", "a threshold rule needs the capability it watches"),
                QT_TRANSLATE_NOOP("Alerts", 'Write e.g. capability = "temp".'))
        else:
            kw["capability"] = cap
    if kind == "metric":
        metric = raw.get("metric")
        if metric not in METRICS:
            bad(QT_TRANSLATE_NOOP("Alerts", "metric must be one of {names}, not {value}").format(
                names=", ".join(METRICS), value=repr(metric)),
                QT_TRANSLATE_NOOP("Alerts", 'Write e.g. metric = "ttft_p95_s".'))
        else:
            kw["metric"] = metric
    if kind in ("offline", "stale") and "after_s" not in raw:
        bad(QT_TRANSLATE_NOOP("Alerts", "{kind} rules need after_s, the seconds before they fire").format(kind=kind),
            QT_TRANSLATE_NOOP("Alerts", "Write e.g. after_s = 60."))
    action = _action(raw.get("action"), bad) if "action" in raw else None
    message = raw.get("message", "")
    if not isinstance(message, str):
        bad(QT_TRANSLATE_NOOP("Alerts", "message must be text"),
            QT_TRANSLATE_NOOP("Alerts", 'Write e.g. message = "check the cooling".'))
        message = ""
    if problems:
        return None, problems
    rule = Rule(id=rid, name=str(raw.get("name") or rid), kind=kind, severity=severity, zones=zones,
                devices=devices, enabled=enabled, message=message, action=action, line=line, **kw)
    return rule, []


def _levels(raw: dict, kind: str, kw: dict, bad) -> None:
    above, below, clear = raw.get("above"), raw.get("below"), raw.get("clear")
    if kind == "metric" and below is not None:
        bad(QT_TRANSLATE_NOOP("Alerts", "a metric rule fires above a level, it takes no 'below'"),
            QT_TRANSLATE_NOOP("Alerts", "Use above = ... instead."))
        return
    if (above is None) == (below is None):
        bad(QT_TRANSLATE_NOOP("Alerts", "a threshold rule needs exactly one of above or below"),
            QT_TRANSLATE_NOOP("Alerts", "Write e.g. above = 30.0 (or below = 5.0)."))
        return
    for key, value in (("above", above), ("below", below), ("clear", clear)):
        if value is not None and not _number(value):
            bad(QT_TRANSLATE_NOOP("Alerts", "{key} must be a number, not {value}").format(key=key, value=repr(value)),
                QT_TRANSLATE_NOOP("Alerts", "Write e.g. {key} = 30.0.").format(key=key))
            return
    if clear is not None:
        if above is not None and clear > above:
            bad(QT_TRANSLATE_NOOP("Alerts", "clear ({clear}) must be at or below above ({above}): it is where the "
                                            "alert ends").format(clear=clear, above=above),
                QT_TRANSLATE_NOOP("Alerts", "Write e.g. clear = {value}.").format(value=f"{above - 2:g}"))
            return
        if below is not None and clear < below:
            bad(QT_TRANSLATE_NOOP("Alerts", "clear ({clear}) must be at or above below ({below}): it is where the "
                                            "alert ends").format(clear=clear, below=below),
                QT_TRANSLATE_NOOP("Alerts", "Write e.g. clear = {value}.").format(value=f"{below + 2:g}"))
            return
    kw.update(above=None if above is None else float(above), below=None if below is None else float(below),
              clear=None if clear is None else float(clear))


def _action(raw: Any, bad) -> Action | None:
    if not isinstance(raw, dict):
        bad(QT_TRANSLATE_NOOP("Alerts", "action must be a table"),
            QT_TRANSLATE_NOOP("Alerts", 'Write [rule.action] with device = "..." and set = { ... }.'))
        return None
    unknown = set(raw) - {"device", "set", "act_without_asking"}
    if unknown:
        bad(QT_TRANSLATE_NOOP("Alerts", "unknown action field(s) {names}").format(names=", ".join(sorted(unknown))),
            QT_TRANSLATE_NOOP("Alerts", "An action takes device, set, act_without_asking."))
    device, params, auto = raw.get("device"), raw.get("set"), raw.get("act_without_asking", False)
    if not isinstance(device, str) or not device:
        bad(QT_TRANSLATE_NOOP("Alerts", "the action needs the device it commands"),
            QT_TRANSLATE_NOOP("Alerts", 'Write device = "fan-line-a", or device = "{this}".').format(this=SELF))
        return None
    if not isinstance(params, dict) or not params:
        bad(QT_TRANSLATE_NOOP("Alerts", "the action needs the values it sets"),
            QT_TRANSLATE_NOOP("Alerts", "Write e.g. set = { power = true }."))
        return None
    if not all(isinstance(v, (bool, int, float, str)) for v in params.values()):
        bad(QT_TRANSLATE_NOOP("Alerts", "action values must be true/false, numbers or text"),
            QT_TRANSLATE_NOOP("Alerts", 'Write e.g. set = { power = true, speed = "high" }.'))
        return None
    if not isinstance(auto, bool):
        bad(QT_TRANSLATE_NOOP("Alerts", "act_without_asking must be true or false"),
            QT_TRANSLATE_NOOP("Alerts", "Write act_without_asking = false."))
        return None
    return Action(device, dict(params), auto)


def _strings(value: Any, key: str, bad) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        bad(QT_TRANSLATE_NOOP("Alerts", "{key} must be a list of names, not {value}").format(
            key=key, value=repr(value)),
            QT_TRANSLATE_NOOP("Alerts", 'Write e.g. {key} = ["line-a"].').format(key=key))
        return ()
    return tuple(value)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# -- where, and saving ----------------------------------------------------------------------------
def rules_path_for(cfg: Any, *, embedded_demo: bool = False) -> Path:
    """One rules file per broker site (host, port, prefix), as the outbox; the demo has its own."""
    folder = user_data_dir() / "alerts"
    if embedded_demo:
        return folder / "demo-rules.toml"
    site = f"{cfg.host}:{cfg.port}/{cfg.prefix}"
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{cfg.host}_{cfg.port}_{cfg.prefix}")[:60]
    return folder / f"{slug}-{hashlib.sha1(site.encode()).hexdigest()[:8]}.rules.toml"


def ensure_rules_file(path: Path, *, demo: bool = False) -> Path:
    """Create the file if it is missing: the demo's shipped rules, or a commented starter."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        if demo:
            shutil.copyfile(resource_path(*DEMO_RULES), path)
        else:
            path.write_text(STARTER, encoding="utf-8")
    return path


def save_rule(path: str | Path, rule: Rule, replaces: str | None = None) -> RuleSet:
    """Write ``rule`` into the file: in place of the rule with id ``replaces`` (or its own id), else
    appended; comments, order and every other table stay as they were.  Raises RulesError when the
    rule itself is not valid (nothing is written then); returns the file as read back."""
    import tomlkit

    table = rule.to_toml()
    _, problems = rule_from_dict(table, line=0, index=0)
    if problems:
        raise RulesError(problems)
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else STARTER
    doc = tomlkit.parse(text)
    rules = doc.get("rule")
    if rules is None:
        rules = tomlkit.aot()
        doc.append("rule", rules)
    key = replaces or rule.id
    others = [t for t in rules if t.get("id") == rule.id and t.get("id") != key]
    if others:
        raise RulesError([RuleProblem(0, rule.id, QT_TRANSLATE_NOOP(
            "Alerts", "the id {id} is used by another rule").format(id=repr(rule.id)),
            QT_TRANSLATE_NOOP("Alerts", "Give this rule its own id."))])
    new = _toml_table(table)
    for i, existing in enumerate(rules):
        if existing.get("id") == key:
            _update_table(existing, new)
            break
    else:
        rules.append(new)
    _write_atomic(path, tomlkit.dumps(doc))
    return load_rules(path)


def delete_rule(path: str | Path, rule_id: str) -> RuleSet:
    import tomlkit

    path = Path(path)
    doc = tomlkit.parse(path.read_text(encoding="utf-8"))
    rules = doc.get("rule")
    if rules is not None:
        for i, existing in enumerate(rules):
            if existing.get("id") == rule_id:
                del rules[i]
                break
    _write_atomic(path, tomlkit.dumps(doc))
    return load_rules(path)


def _toml_table(values: dict[str, Any]):
    import tomlkit

    table = tomlkit.table()
    for key, value in values.items():
        if key == "action":
            action = tomlkit.table()
            action["device"] = value["device"]
            inline = tomlkit.inline_table()
            inline.update(value["set"])
            action["set"] = inline
            action["act_without_asking"] = value["act_without_asking"]
            table["action"] = action
        else:
            table[key] = value
    return table


def _update_table(existing, new) -> None:
    """Replace the values of ``existing`` by ``new``'s, keeping the comments of keys that stay."""
    for key in list(existing.keys()):
        if key not in new:
            del existing[key]
    for key, value in new.items():
        existing[key] = value


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def with_action(rule: Rule, action: Action | None) -> Rule:
    return replace(rule, action=action)
