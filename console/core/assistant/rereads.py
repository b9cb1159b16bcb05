"""Read a refused ask again as other words, keeping every gate (session 10): the shared step of the rereads of
world_reasons_zh.py, verb_slips_zh.py, tail_extras.py and described_it.py.

``reread_as`` is used only where the ask as said was refused with no command: the new words are read by the whole
pipeline (every screen: a negation, condition or schedule stays refused), must give a proposal with commands, pass
the gate on the new words and the direction check of the ask as said, and an optional ``check`` of the commands.
The new words are always different from the ask's (no loop).  Pure; no threads, no locks.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from console.core.assistant.phrases import normalize

MAX_CHARS = 300


def refused_outright(said: Any, utterance: str) -> bool:
    """An ask refused with no command, short enough to read again."""
    return not said.commands and said.refusal is not None and len(utterance or "") <= MAX_CHARS


def reread_as(asst: Any, utterance: str, said: Any, words: str | None,
              check: Callable[[Any], bool] | None = None) -> Any:
    """The proposal for ``words`` labelled with ``utterance`` (see module); ``said`` where anything fails."""
    if not words or words == normalize(utterance or "") or words == utterance:
        return said
    prop = asst.understand(words)
    if not prop.ok or not prop.commands:
        return said
    out = asst._gate(words, prop)
    if not out.ok or not out.commands or asst.direction_problem(utterance, out) is not None:
        return said
    if check is not None and not check(out):
        return said
    return replace(asst._relabel(utterance, out, out.layer), utterance=utterance, timing_ms=prop.timing_ms)
