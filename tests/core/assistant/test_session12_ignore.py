"""Session 12 (issue 17, blind set 85): "ignore …" / "disregard …" / "skip …" leave something out, as 不用管 / 别管 do.

"ignore the first one, just the second:\\n1) stop conveyor A\\n2) set the AC to 23" stopped conveyor A, and "ignore the
alarm, stop the pump" silenced the yard siren: the words to leave out were read as commands.  They are refused now as
a negation (screening.py's guard), the whole ask: a refusal is better than a command nobody asked for.  Chinese 不用管
keeps its reading where it bounds another device (bounded_negations.py).
"""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import ASSISTANT, checked_commands, refused


@pytest.mark.parametrize("text", [
    # session 13: "ignore the first one, just the second:\n1) …\n2) …" reads the second item (pasted_queue.py,
    # test_session13_pasted.py); a head that picks nothing still refuses
    "ignore the first one:\n1) stop conveyor A\n2) set the AC to 23",
    "ignore the alarm, stop the pump",
    "disregard the first line: stop conveyor a. set the ac to 23",
    "skip the fan, stop conveyor A",
    "ignore the siren",
])
def test_leaving_something_out_is_refused(text: str) -> None:
    assert refused(text), ASSISTANT.understand(text)


@pytest.mark.parametrize("text,want", [
    ("一号线排风扇调到高速，传送带不用管", {"fan-line-a": {"speed": "high"}}),
    ("stop the pump", {"pump-cooling": {"running": False}}),
    ("silence the siren", {"siren-yard": {"active": False}}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert checked_commands(text) == want
