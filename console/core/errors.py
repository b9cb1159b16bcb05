"""The console's base exception: a failure the operator must see, with what to do about it.

``ConsoleError`` carries ``hint``, one sentence telling the operator what to do (an empty string
when there is nothing to add).  Capability errors derive from it (``EngineError`` does), so a panel
or the command line can show any of them the same way: the message, then the hint.  No Qt here;
every layer of console.core may import it.
"""

from __future__ import annotations


class ConsoleError(Exception):
    """A failure the operator must see: ``hint`` says what to do about it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint
