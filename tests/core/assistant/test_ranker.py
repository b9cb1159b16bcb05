"""The model's tie-break with plain scoring functions: only between compatible devices, and no
pick (the operator is asked) when it fails or cannot decide (ranker.py, targets.py)."""

from __future__ import annotations

from console.core.assistant.aliases import default_aliases
from console.core.assistant.parser import IntentParser
from console.core.assistant.proposal import AMBIGUOUS
from console.core.protocol import DeviceMeta
from tests.core.assistant.helpers import FLEET


def test_ranker_breaks_ties_only_between_compatible_devices():
    seen: list[list[str]] = []

    def prefer_desk(utterance: str, cands: list[DeviceMeta]) -> list[float]:
        seen.append([m.id for m in cands])
        return [1.0 if "desk" in m.name.lower() else 0.0 for m in cands]

    parser = IntentParser(FLEET, default_aliases(), ranker=prefer_desk)
    prop = parser.parse("turn on one of the office lamps")
    assert [(c.device_id, c.params, c.picked_by_model) for c in prop.commands] == \
        [("lamp-office-2", {"power": True}, True)]
    assert seen == [["lamp-office-1", "lamp-office-2"]]
    # with a name or "both", the model is not asked
    parser.parse("turn on the desk lamp")
    parser.parse("turn on both office lamps")
    assert len(seen) == 1


def test_a_failing_or_undecided_ranker_means_asking_the_operator():
    def broken(utterance, cands):
        raise RuntimeError("model not loaded")

    def tie(utterance, cands):
        return [0.5 for _ in cands]

    for ranker in (broken, tie, lambda u, c: [float("nan")] * len(c), lambda u, c: [1.0]):
        prop = IntentParser(FLEET, default_aliases(), ranker=ranker).parse("turn on one of the office lamps")
        assert prop.refusal is not None and prop.refusal.kind == AMBIGUOUS
