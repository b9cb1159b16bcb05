"""The alerts of one broker site, wired: rules file, store, engine, publisher, other consoles.

``build_alerts`` is what ``services.build_services`` calls; ``Alerts.start`` / ``stop`` follow the
services' own.  A rules file with problems still starts (its good rules run; ``rules.problems`` say
what to fix); an alerts database that cannot be opened raises AlertStoreError with what to do.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from console.core.alerts.engine import AlertEngine
from console.core.alerts.metrics import MetricSources, ModelStats
from console.core.alerts.rules import RuleSet, delete_rule, ensure_rules_file, load_rules, rules_path_for, save_rule
from console.core.alerts.share import AlertPublisher, OtherAlerts
from console.core.alerts.store import AlertStore, alerts_db_path_for

log = logging.getLogger(__name__)


@dataclass
class Alerts:
    engine: AlertEngine
    store: AlertStore
    rules_path: Path
    publisher: AlertPublisher | None = None
    others: OtherAlerts | None = None
    model: ModelStats | None = None

    @property
    def rules(self) -> RuleSet:
        return self.engine.rules

    def reload(self) -> RuleSet:
        """Read the rules file again (the operator edited it) and run what it says."""
        rules = load_rules(self.rules_path)
        self.engine.set_rules(rules)
        return rules

    def save_rule(self, rule, replaces: str | None = None) -> RuleSet:
        rules = save_rule(self.rules_path, rule, replaces)
        self.engine.set_rules(rules)
        return rules

    def delete_rule(self, rule_id: str) -> RuleSet:
        rules = delete_rule(self.rules_path, rule_id)
        self.engine.set_rules(rules)
        return rules

    def watch_model(self, telemetry: Callable[[], Any] | None = None,
                    is_remote: Callable[[], bool] | None = None) -> None:
        """Where the model's metric rules read VRAM (the UI's Telemetry) and whether it is remote."""
        if self.model is not None:
            self.model.telemetry = telemetry or self.model.telemetry
            self.model.is_remote = is_remote

    def start(self) -> None:
        self.engine.start()

    def stop(self) -> None:
        self.engine.stop()
        self.engine.detach()
        if self.model is not None:
            self.model.detach()
        self.store.close()


def build_alerts(cfg: Any, link: Any, pipeline: Any = None, *, demo: bool = False, registry: Any = None,
                 rules_path: str | Path | None = None, db_path: str | Path | None = None,
                 clock: Callable[[], float] | None = None, ha_fleet: Any = None) -> Alerts:
    """``ha_fleet``: the HaBridge's ``fleet``, built before this (offline and stale rules for its devices)."""
    path = Path(rules_path) if rules_path else ensure_rules_file(rules_path_for(cfg, embedded_demo=demo), demo=demo)
    rules = load_rules(path)
    for problem in rules.problems:
        log.warning("alert rules %s: %s", path, problem)
    store = AlertStore(db_path or alerts_db_path_for(cfg, embedded_demo=demo))
    kw = {"clock": clock} if clock is not None else {}
    engine = AlertEngine(store, rules, metrics=MetricSources(), pipeline=pipeline, **kw)
    engine.attach(link, pipeline, registry)
    model = ModelStats()  # every model request, through inference.telemetry's public event
    model.attach(engine.metrics)
    if registry is not None:
        engine.bind_registry(registry)  # what it already knows (nothing, when built before the link starts)
    if ha_fleet is not None:
        engine.watch_ha(ha_fleet)
    publisher = others = None
    client_id = getattr(link, "client_id", "") or getattr(cfg, "client_id", "")
    if client_id:
        publisher = AlertPublisher(link, cfg.prefix, client_id)
        engine.changed.connect(publisher.mark)
        engine.publisher = publisher
        others = OtherAlerts(cfg.prefix, client_id)
        others.attach(link)
    return Alerts(engine, store, path, publisher, others, model)
