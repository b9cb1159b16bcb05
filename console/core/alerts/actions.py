"""The command a rule proposes when it fires, through the one submit path (``CommandPipeline.submit``).

A rule's ``[rule.action]`` names a device (or the one that raised the alert) and the values to set.
``ActionRunner.run`` submits it with ``origin="rule:<rule id>"`` (what the audit log shows):

- ``act_without_asking`` off: ``always_confirm=True``, so the pipeline raises ConfirmationRequired
  and nothing is sent: the proposal waits for the operator (``proposed`` event; the alerts view
  shows it with Send / Dismiss).
- ``act_without_asking`` on: the pipeline decides from the device's meta now; a low-risk command is
  sent at once, a high-risk one still raises ConfirmationRequired and waits, like any other origin.

``approve(id, confirmed)`` submits again with what the operator said yes to; ``dismiss`` drops it.
Runs on the alert engine's ticker thread (``run``) and the GUI thread (``approve``, ``dismiss``);
one lock guards the proposals and is never held while calling the pipeline.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from dataclasses import dataclass, replace
from typing import Any, Callable

from console.core.alerts import wording
from console.core.commands.confirmation import ConfirmationRequired, Confirmed
from console.core.commands.outbox import OutboxError
from console.core.events import Event
from console.core.protocol import RULE_ORIGIN, ProtocolError

log = logging.getLogger(__name__)


def rule_origin(rule_id: str) -> str:
    """The origin a rule's commands carry into the outbox and the audit log."""
    return f"{RULE_ORIGIN}{rule_id}"


@dataclass(frozen=True)
class Proposal:
    id: int
    alert_id: str
    rule_id: str
    device_id: str
    params: dict[str, Any]
    always_confirm: bool
    state: str  # waiting | sent | refused | dismissed
    detail: str = ""
    command_id: str = ""
    question: ConfirmationRequired | None = None
    at: float = 0.0

    @property
    def origin(self) -> str:
        return rule_origin(self.rule_id)


class ActionRunner:
    def __init__(self, pipeline: Any, note: Callable[[str, str], None] | None = None) -> None:
        self.pipeline = pipeline
        self.note = note  # note(alert_id, text): what came of it, on the alert
        self.proposed = Event("rule action")  # (Proposal) whenever one is made or changes
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._proposals: dict[int, Proposal] = {}

    def run(self, alert: Any, rule: Any) -> Proposal:
        action = rule.action
        p = Proposal(next(self._ids), alert.id, rule.id, action.target(alert.device_id), dict(action.params),
                     always_confirm=not action.act_without_asking, state="waiting", at=time.time())
        return self._submit(p, False)

    def _submit(self, p: Proposal, confirmed: Confirmed) -> Proposal:
        try:
            row = self.pipeline.submit(p.device_id, p.params, origin=p.origin, always_confirm=p.always_confirm,
                                       confirmed=confirmed)
        except ConfirmationRequired as exc:
            why = "high risk" if exc.high_risk else "act without asking is off"
            p = replace(p, state="waiting", question=exc, detail=f"waits for the operator ({why})")
            return self._store(p, high_risk=exc.high_risk)
        except (ProtocolError, OutboxError) as exc:
            p = replace(p, state="refused", detail=str(exc))
            return self._store(p, error=str(exc))
        p = replace(p, state="sent", command_id=row.id, detail=f"sent as command {row.id[:8]}")
        return self._store(p, confirmed=bool(confirmed))  # approve(): the operator said yes

    def _store(self, p: Proposal, **how: Any) -> Proposal:
        """Keep the proposal, note what came of it on its alert (``how``: wording.note's words), tell."""
        with self._lock:
            self._proposals[p.id] = p
            if len(self._proposals) > 1000:  # the oldest settled ones go
                for pid in [k for k, v in self._proposals.items() if v.state != "waiting"][:200]:
                    del self._proposals[pid]
        log.info("rule %s action on %s: %s", p.rule_id, p.device_id, p.detail)
        if self.note is not None:
            try:
                self.note(p.alert_id, wording.note(p.device_id, p.params, p.state, command=p.command_id, **how))
            except Exception:  # noqa: BLE001 - the note is a record; the action stands
                log.exception("could not note the action on alert %s", p.alert_id)
        self.proposed.emit(p)
        return p

    def approve(self, proposal_id: int, confirmed: Confirmed) -> Proposal:
        """Submit a waiting proposal again with the operator's yes (``exc.confirmation()`` or True)."""
        p = self.get(proposal_id)
        if p is None or p.state != "waiting":
            raise ValueError(f"no waiting proposal {proposal_id}")
        return self._submit(p, confirmed)

    def mark_sent(self, proposal_id: int, command_id: str) -> Proposal | None:
        """The UI sent it itself (through its command sender, which asked): record that."""
        p = self.get(proposal_id)
        if p is None:
            return None
        return self._store(replace(p, state="sent", command_id=command_id, question=None,
                                   detail=f"sent as command {command_id[:8]} once the operator confirmed"), confirmed=True)

    def dismiss(self, proposal_id: int, who: str = "") -> Proposal | None:
        p = self.get(proposal_id)
        if p is None or p.state != "waiting":
            return None
        return self._store(replace(p, state="dismissed", question=None,
                                   detail=f"dismissed by {who}" if who else "dismissed"), who=who)

    def get(self, proposal_id: int) -> Proposal | None:
        with self._lock:
            return self._proposals.get(proposal_id)

    def waiting(self) -> list[Proposal]:
        with self._lock:
            return [p for p in self._proposals.values() if p.state == "waiting"]

    def for_alert(self, alert_id: str) -> list[Proposal]:
        with self._lock:
            return [p for p in self._proposals.values() if p.alert_id == alert_id]
