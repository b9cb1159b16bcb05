"""Shared by the assistant's tests: the demo fleet, one parser over it, the evaluation sets."""

from __future__ import annotations

import json
from pathlib import Path

from console.core.assistant.aliases import default_aliases
from console.core.assistant.parser import IntentParser
from console.core.fleet.catalog import load_fleet

DATA = Path(__file__).resolve().parents[2] / "data"
FLEET = load_fleet()
PARSER = IntentParser(FLEET, default_aliases())


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def cmds(text: str) -> list[tuple[str, dict]]:
    prop = PARSER.parse(text)
    assert prop.refusal is None, prop.refusal
    return [(c.device_id, c.params) for c in prop.commands]
