"""Sending an unassigned command again on this site: check → confirm → claim → submit → close.

The commands the upgrade to one outbox per broker moved out of the shared outbox (``migration.py``)
were sent nowhere again.  The operator may send one again on this site, as a new command through
this site's pipeline, always after confirming it (it is stale: the device may have done it, or it
may be unwanted now); the old one is then closed ``CANCELLED``, naming the command that took its
place, so that it is sent again once at most, even by two consoles sharing the file.

``resend_unassigned`` is one step of that; the caller loops while it answers ``NeedsConfirmation``:

1. without ``confirmed``: ``submit(..., always_confirm=True)`` checks the device and the values on
   this site and always answers with the question to ask (``NeedsConfirmation``) or why not
   (``Refused`` at ``Stage.CHECK``).  Nothing is claimed, stored or sent: a declined question leaves
   the row exactly as it was.
2. with the operator's yes: claim the row (``transition_if``: ``Conflict`` when another console moved
   it first), submit with that yes, and close the row; when submit refuses, the claim is rolled back
   (the row is open again, as it was, with a transition saying why).  If the device became high risk
   while the question was open, submit asks again: rolled back, ``NeedsConfirmation`` once more.

Runs on the caller's thread; no Qt.  The outbox calls are single committed transactions.
"""

from __future__ import annotations

import enum
import sqlite3
from dataclasses import dataclass
from typing import Union

from console.core.commands.confirmation import Confirmation, ConfirmationRequired
from console.core.commands.outbox import CommandRow, Outbox, OutboxError
from console.core.commands.pipeline import CommandPipeline
from console.core.protocol import CommandState, ProtocolError

STORE_ERRORS = (OutboxError, sqlite3.Error)


class Stage(enum.Enum):
    CHECK = "check"  # this site cannot take it (unknown device, values it does not take): nothing asked
    RECORD = "record"  # the unassigned file could not record the claim: nothing sent
    SEND = "send"  # the pipeline refused it after the claim: the claim was rolled back


@dataclass(frozen=True)
class Resent:
    """Sent again as ``row`` (the new command, ``QUEUED``); ``unrecorded``: why the old one's closing
    note (which new command replaced it) could not be written; it is closed all the same."""

    row: CommandRow
    unrecorded: str = ""


@dataclass(frozen=True)
class Refused:
    reason: str
    stage: Stage


@dataclass(frozen=True)
class Conflict:
    """Another console sharing the file moved the command first: nothing sent here."""

    current: CommandRow | None


@dataclass(frozen=True)
class NeedsConfirmation:
    """Ask the operator ``request``; on a yes, call again with ``confirmed=request.confirmation()``."""

    request: ConfirmationRequired


ResendResult = Union[Resent, Refused, Conflict, NeedsConfirmation]


def resend_unassigned(pipeline: CommandPipeline, outbox: Outbox, row: CommandRow, *, site: str,
                      confirmed: Confirmation | None = None) -> ResendResult:
    """One step of sending ``row`` (open, from ``outbox``: the unassigned file) again through
    ``pipeline`` (this site's, ``site`` its broker's URL); see the module docstring."""
    if confirmed is None:
        return _check(pipeline, row)
    try:  # claimed first: a second console sharing the file cannot send it again as well
        claimed = outbox.transition_if(row, CommandState.CANCELLED, expect=row.state,
                                       detail=f"being sent again on {site}")
    except STORE_ERRORS as exc:
        return Refused(str(exc), Stage.RECORD)
    if claimed is None:
        return Conflict(outbox.get(row.id))
    try:
        new = _submit(pipeline, row, confirmed)
    except ConfirmationRequired as need:  # the device changed while the operator was asked
        failed = _reopen(outbox, claimed, row.state, f"not sent again: asked again: {need}")
        return Refused(f"{need}{failed}", Stage.RECORD) if failed else NeedsConfirmation(need)
    except (ProtocolError, *STORE_ERRORS) as exc:
        return Refused(f"{exc}{_reopen(outbox, claimed, row.state, f'not sent again: {exc}')}", Stage.SEND)
    try:
        outbox.transition(claimed, CommandState.CANCELLED, detail=f"sent again as {new.id} on {site}")
    except STORE_ERRORS as exc:  # sent, and closed; only the new id is not recorded
        return Resent(new, unrecorded=str(exc))
    return Resent(new)


def _reopen(outbox: Outbox, claimed: CommandRow, state: CommandState, detail: str) -> str:
    """Roll the claim back: the row open again, as it was; "" or why that could not be recorded."""
    try:
        outbox.transition(claimed, state, detail=detail)
    except STORE_ERRORS as exc:
        return f" (and {outbox.path} could not reopen it: {exc})"
    return ""


def _check(pipeline: CommandPipeline, row: CommandRow) -> ResendResult:
    try:
        _submit(pipeline, row, False)
    except ConfirmationRequired as need:
        return NeedsConfirmation(need)
    except ProtocolError as exc:
        return Refused(str(exc), Stage.CHECK)
    raise AssertionError("submit with always_confirm sent a command nobody confirmed")  # pragma: no cover


def _submit(pipeline: CommandPipeline, row: CommandRow, confirmed: Confirmation | bool) -> CommandRow:
    cmd = row.command
    return pipeline.submit(cmd.device_id, cmd.params, action=cmd.action, confirmed=confirmed, always_confirm=True)
