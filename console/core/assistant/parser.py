"""Utterance → a :class:`~console.core.assistant.proposal.Proposal` (the assistant's entry point).

``parse("stop both conveyors", fleet)`` or, for many utterances, one :class:`IntentParser` per fleet.
The steps, each in its own module (the package docstring has the conventions): screening.py (asks
refused outright) → reader.py (names, values, verbs) → targets.py (which devices; assign.py and
actions.py say what each gets; ranker.py breaks ties) → proposal.py (validated commands).
When a whole utterance fails on a clash between its parts, each clause is read on its own.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Iterable, Mapping

from console.core.assistant.aliases import Aliases, as_aliases, default_aliases
from console.core.assistant.lexicon import CJK, CLAUSE_SPLIT
from console.core.assistant.phrases import move_particles, normalize
from console.core.assistant.direction_check import check_proposal
from console.core.assistant.proposal import (
    OUT_OF_RANGE,
    READ_ONLY,
    UNKNOWN_DEVICE,
    UNSUPPORTED,
    Proposal,
    Refusal,
    build_proposal,
)
from console.core.assistant.ranker import Ranker
from console.core.assistant.reader import read
from console.core.assistant.screening import screen_reading, screen_text
from console.core.assistant.targets import choose, groups
from console.core.assistant.vocabulary import build_vocabulary
from console.core.assistant.wording import describe_change, summarize, t
from console.core.fleet.catalog import Fleet
from console.core.protocol import DeviceMeta

log = logging.getLogger(__name__)

class IntentParser:
    """Build once per fleet (cheap), then ``parse`` many utterances.  Pure, thread-safe after init."""

    def __init__(
        self,
        fleet: Fleet | Iterable[DeviceMeta],
        aliases: Aliases | Mapping | str | Path | None = None,
        *,
        ranker: Ranker | None = None,
        names_only: bool = False,
        max_commands: int = 50,
    ) -> None:
        metas = list(fleet.devices if isinstance(fleet, Fleet) else fleet)
        self.metas = [m for m in metas if isinstance(m, DeviceMeta)]
        self.by_id = {m.id: m for m in self.metas}
        self.aliases = as_aliases(aliases)
        self.ranker = ranker
        self.names_only = names_only
        self.max_commands = max_commands
        self.vocab = build_vocabulary(self.metas, self.aliases, names_only)
        self.names, self.lex = self.vocab.names, self.vocab.lex
        self.enum_values, self.known_words = self.vocab.enum_values, self.vocab.known_words

    def parse(self, utterance: str) -> Proposal:
        """Read the whole utterance; if that fails on a clash between parts ("turn the lights on and
        the fan off", "desk lamp to 30% and ceiling lamp to 70%"), read each clause on its own and
        propose them together, all or nothing."""
        return self._guarded(utterance, self._parse_clauses(utterance))

    def _guarded(self, utterance: str, prop: Proposal) -> Proposal:
        """The direction check (direction.py): a command against the words' direction refuses it all."""
        if prop.refusal is not None:
            return prop
        why = check_proposal(utterance, prop, self.by_id, refers=self.refers)
        if why is None:
            return prop
        log.warning("direction check refused %r: %s", utterance, why)
        return Proposal(utterance, prop.lang, (), Refusal(UNSUPPORTED, t(
            prop.lang, f"That would go the wrong way ({why}); nothing was proposed. Say the target value.",
            f"这会朝相反方向改变（{why}），没有给出任何指令。请说出目标值。")), prop.layer)

    def refers(self, clause: str) -> set[str]:
        """The devices a clause names: by name, else by kind (in the places it names), else by place."""
        r = read(normalize(clause or ""), self.vocab)
        named = {k for mn in r.mentions if mn.kind == "device" for k in mn.keys if k in self.by_id}
        if named:
            return named
        zones = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
        kinds = {k for mn in r.mentions if mn.kind == "kind" for k in mn.keys}
        if kinds:
            return {m.id for m in self.metas if m.kind in kinds and (not zones or m.zone in zones)}
        return {m.id for m in self.metas if m.zone in zones}

    def _parse_clauses(self, utterance: str) -> Proposal:
        whole, splittable = self._parse_one(utterance)
        if whole.refusal is None or not splittable:
            return whole
        text = normalize(utterance or "")
        clauses = [c for c in CLAUSE_SPLIT.split(text) if c and c.strip(" ,，")]
        if len(clauses) < 2:
            return whole
        merged: dict[str, dict[str, Any]] = {}
        picked: set[str] = set()
        for clause in clauses:
            part, _ = self._parse_one(clause)
            if part.refusal is not None:
                informative = part.refusal.kind in (OUT_OF_RANGE, READ_ONLY, UNKNOWN_DEVICE)
                return Proposal(utterance, whole.lang, (), part.refusal) if informative else whole
            for c in part.commands:
                have = merged.setdefault(c.device_id, {})
                if any(k in have and have[k] != v for k, v in c.params.items()):
                    return whole
                have.update(c.params)
                if c.picked_by_model:
                    picked.add(c.device_id)
        return self._proposal(utterance, whole.lang, merged, picked)

    def _parse_one(self, utterance: str) -> tuple[Proposal, bool]:
        """One reading of the whole text; the flag says whether reading its clauses apart may help."""
        text = move_particles(normalize(utterance or ""))
        lang = "zh" if CJK.search(text) else "en"
        objection = screen_text(text)
        r = read(text, self.vocab) if objection is None else None
        if r is not None:
            objection = screen_reading(r)
        if objection is not None:
            kind, en, zh = objection
            return Proposal(utterance, lang, (), Refusal(kind, t(lang, en, zh))), False
        assert r is not None
        found = groups(r, lang, self.metas, self.by_id, self.aliases)
        if isinstance(found, Refusal):
            return Proposal(utterance, lang, (), found), False
        choice = choose(utterance, r, lang, found, self.aliases, self.ranker)
        if isinstance(choice, Refusal):
            return Proposal(utterance, lang, (), choice), True
        chosen, model_picked = choice
        return self._proposal(utterance, lang, chosen, model_picked), False

    def _proposal(self, utterance: str, lang: str, chosen: Mapping[str, dict[str, Any]],
                  model_picked: set[str]) -> Proposal:
        return build_proposal(utterance, lang, chosen, model_picked, by_id=self.by_id, aliases=self.aliases,
                              max_commands=self.max_commands)

    # -- text ------------------------------------------------------------------------------------
    def summarize(self, meta: DeviceMeta, params: Mapping[str, Any], lang: str = "en") -> str:
        return summarize(self.aliases, meta, params, lang)

    def describe_change(self, meta: DeviceMeta, params: Mapping[str, Any], lang: str = "en") -> str:
        return describe_change(meta, params, lang)


_DEFAULT = object()


def parse(
    utterance: str,
    fleet: Fleet | Iterable[DeviceMeta],
    aliases: Aliases | Mapping | str | Path | None | object = _DEFAULT,
    *,
    ranker: Ranker | None = None,
) -> Proposal:
    """Read one utterance against a fleet.  ``aliases`` defaults to the bundled bilingual
    vocabulary; pass ``aliases_for_fleet(path)`` for a catalog with its own aliases file, or None
    for the catalog's names only.  Building the tables costs ~1 ms for the demo fleet: for many
    utterances keep an :class:`IntentParser`."""
    al = default_aliases() if aliases is _DEFAULT else aliases
    return IntentParser(fleet, al, ranker=ranker).parse(utterance)  # type: ignore[arg-type]
