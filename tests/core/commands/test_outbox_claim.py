"""``Outbox.transition_if``: a change that only happens if the command is still in the state the caller
saw, so that two consoles sharing one file (the unassigned commands' file) cannot both act on it.
Two real SQLite connections to one file."""

from __future__ import annotations

from console.core.commands.outbox import Outbox
from console.core.protocol import Command, CommandState

S = CommandState


def test_only_the_first_of_two_connections_claims_the_command(tmp_path):
    path = tmp_path / "shared.sqlite3"
    a, b = Outbox(path), Outbox(path)
    try:
        row = a.add(Command.new("fan-line-a", {"power": True}), 1, now=10.0)
        seen_by_b = b.get(row.id)
        claimed = a.transition_if(row, S.CANCELLED, expect=S.QUEUED, detail="being sent again on site A", now=11.0)
        assert claimed is not None and claimed.state is S.CANCELLED and claimed.updated == 11.0
        # b still holds the QUEUED row it read before: its claim must fail and write nothing
        assert seen_by_b.state is S.QUEUED
        assert b.transition_if(seen_by_b, S.CANCELLED, expect=S.QUEUED, detail="being sent again on site B") is None
        history = b.history(row.id)
        assert [(t.state, t.detail) for t in history] == [(S.QUEUED, ""), (S.CANCELLED, "being sent again on site A")]
        assert b.get(row.id).state is S.CANCELLED
        # an expectation that holds lets the change through, as transition() would
        back = b.transition_if(b.get(row.id), S.QUEUED, expect=S.CANCELLED, detail="not sent again")
        assert back is not None and a.get(row.id).state is S.QUEUED and len(a.history(row.id)) == 3
    finally:
        a.close()
        b.close()
