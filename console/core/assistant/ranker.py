"""The optional model: it only ever picks between devices already compatible with the rules' reading.

A ranker is ``ranker(utterance, candidates) -> scores``; :func:`likelihood_ranker` builds one from any
function that scores continuations (a causal LM, injected by the caller), so this package imports no
torch.  A failing, undecided or malformed ranker means no pick (the operator is asked), never a
wrong one.
"""

from __future__ import annotations

import logging
import math
from typing import Callable, Sequence

from console.core.protocol import DeviceMeta

log = logging.getLogger(__name__)

Ranker = Callable[[str, Sequence[DeviceMeta]], Sequence[float]]


def tie_break(ranker: Ranker | None, utterance: str, cands: list[DeviceMeta]) -> DeviceMeta | None:
    """The one candidate the ranker scores highest, or None (no ranker, an error, a tie, a bad score)."""
    if ranker is None:
        return None
    try:
        scores = [float(s) for s in ranker(utterance, cands)]
    except Exception as exc:  # noqa: BLE001 - a failing model means no pick, never a wrong one
        log.warning("ranker failed, asking the operator instead: %s", exc)
        return None
    if len(scores) != len(cands) or not all(math.isfinite(s) for s in scores):
        return None
    best = max(scores)
    if sum(1 for s in scores if s == best) != 1:
        return None
    return cands[scores.index(best)]


def likelihood_ranker(
    score: Callable[[str, Sequence[str]], Sequence[float]],
    *,
    template: str = "Instruction: {utterance}\nDevice:",
) -> Ranker:
    """A ranker from any continuation scorer: ``score(prompt, continuations)`` returns the
    log-likelihood of each continuation after the prompt (a causal LM's summed token log-probs;
    the caller owns the model, so this module never imports torch).  Each candidate is offered
    as " <name> (<zone> <kind>)"; the highest total log-likelihood wins."""

    def rank(utterance: str, candidates: Sequence[DeviceMeta]) -> list[float]:
        prompt = template.format(utterance=utterance.strip())
        conts = [f" {m.name} ({m.zone} {m.kind})" for m in candidates]
        return [float(s) for s in score(prompt, conts)]

    return rank
