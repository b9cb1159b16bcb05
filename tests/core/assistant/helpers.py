"""Shared by the assistant's tests: the demo fleet, one parser and one assistant over it, the evaluation sets."""

from __future__ import annotations

import json
from pathlib import Path

from console.core.assistant.aliases import default_aliases
from console.core.assistant.direction_check import check_proposal
from console.core.assistant.layers import Assistant
from console.core.assistant.parser import IntentParser
from console.core.fleet.catalog import load_fleet

DATA = Path(__file__).resolve().parents[2] / "data"
FLEET = load_fleet()
PARSER = IntentParser(FLEET, default_aliases())
ASSISTANT = Assistant(FLEET, default_aliases())  # every layer, no model


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def cmds(text: str) -> list[tuple[str, dict]]:
    prop = PARSER.parse(text)
    assert prop.refusal is None, prop.refusal
    return [(c.device_id, c.params) for c in prop.commands]


def checked(prop) -> dict[str, dict]:
    """{device: params} of a proposal (numbers as floats); fails when it is a refusal or when a command goes
    against the ask's direction words (the gate's own check)."""
    assert prop.refusal is None, (prop.utterance, prop.refusal)
    assert check_proposal(prop.utterance, prop, FLEET.by_id()) is None
    return {c.device_id: {k: (float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v)
                          for k, v in c.params.items()} for c in prop.commands}


def checked_commands(text: str) -> dict[str, dict]:
    """``checked`` of what the assistant (every layer, no model) proposes for ``text``."""
    return checked(ASSISTANT.understand(text))


def understood(text: str) -> dict[str, dict]:
    """{device: params} proposed for ``text`` (numbers as floats); fails on a refusal or when the assistant's own
    direction check (``Assistant.direction_problem``, the gate's) objects."""
    prop = ASSISTANT.understand(text)
    assert prop.refusal is None, (text, prop.refusal)
    assert ASSISTANT.direction_problem(text, prop) is None, text
    return {c.device_id: {k: (float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v)
                          for k, v in c.params.items()} for c in prop.commands}


def proposed(text: str) -> dict[str, dict]:
    """{device: params} exactly as proposed for ``text``; fails when the assistant refuses."""
    prop = ASSISTANT.understand(text)
    assert prop.refusal is None, (text, prop.refusal)
    return {c.device_id: dict(c.params) for c in prop.commands}


def refused(text: str) -> bool:
    """Whether the assistant refuses ``text`` and proposes nothing."""
    prop = ASSISTANT.understand(text)
    return prop.refusal is not None and not prop.commands


def refusal_kind(text: str) -> str:
    """The kind of the assistant's refusal of ``text``; fails when it proposes commands instead."""
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None, (text, [(c.device_id, c.params) for c in prop.commands])
    return prop.refusal.kind
