"""``autoglm-console intent``: the assistant without a broker or a window, one JSON line per utterance.

    autoglm-console intent --fleet FILE --json "stop both conveyors"
    autoglm-console intent --fleet FILE --batch utterances.jsonl      # lines {"text": ...}
    ... --model bundled|FILE.gguf|FOLDER|none   or   --remote-url http://host:8000/v1

Each output line: ``{"commands": [{"device", "action": "set", "params", "needs_confirmation"}],
"refusal": null | reason, "layer": "rules" | "semantics" | "model", "timing_ms": {...}}``
(``refusal_kind`` next to it).  ``needs_confirmation``: the row is high risk, or the model chose it.
The model is loaded once, and only when a first utterance needs it (rules and semantics answer most).
A bad input line gets an ``error`` line and the batch goes on; exit status 2 for a bad fleet or file.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Sequence, TextIO

from console.core.assistant.aliases import aliases_for_fleet
from console.core.assistant.layers import MODEL, Assistant
from console.core.assistant.proposal import Proposal
from console.core.errors import ConsoleError
from console.core.fleet.catalog import load_fleet
from console.core.protocol import ProtocolError

log = logging.getLogger(__name__)


class LazyChooser:
    """Loads the engine on the first choice it is asked for (once), then chooses with it."""

    def __init__(self, model: str | None, remote_url: str | None) -> None:
        self.model, self.remote_url = model, remote_url
        self._choose: Callable[[str, Sequence[str]], int | None] | None = None
        self.name = ""
        self.load_s: float | None = None
        self.error: str | None = None
        self._lock = threading.Lock()

    def __call__(self, utterance: str, options: Sequence[str]) -> int | None:
        with self._lock:
            if self._choose is None and self.error is None:
                from console.core.assistant.model_choice import chooser_from_args

                t0 = time.perf_counter()
                try:
                    self._choose, self.name = chooser_from_args(self.model, self.remote_url)
                except (ConsoleError, RuntimeError, OSError, ValueError, ImportError) as exc:
                    self.error = f"model not loaded ({exc}); ambiguous asks are refused instead"
                    print(f"intent: {self.error}", file=sys.stderr)
                self.load_s = round(time.perf_counter() - t0, 2)
        return self._choose(utterance, options) if self._choose is not None else None


def as_json(prop: Proposal) -> dict[str, Any]:
    return {
        "commands": [{"device": c.device_id, "action": "set", "params": c.params,
                      "needs_confirmation": bool(c.high_risk or prop.layer == MODEL or c.picked_by_model)}
                     for c in prop.commands],
        "refusal": prop.refusal.reason if prop.refusal is not None else None,
        "refusal_kind": prop.refusal.kind if prop.refusal is not None else None,
        "layer": prop.layer,
        "timing_ms": prop.timing_ms,
    }


def run(fleet: str | None, text: str | None, batch: str | None, model: str | None, remote_url: str | None,
        out: TextIO | None = None) -> int:
    if not logging.getLogger().handlers:  # stdout is JSON only; what the assistant logs goes to stderr, briefly
        logging.basicConfig(level=logging.ERROR, format="intent: %(message)s")
    try:
        fl = load_fleet(fleet)
        aliases = aliases_for_fleet(fleet)
    except ProtocolError as exc:
        print(f"intent: {exc}", file=sys.stderr)
        return 2
    chooser = None if (model or "").lower() == "none" and not remote_url else LazyChooser(model, remote_url)
    assistant = Assistant(fl, aliases, chooser=chooser)

    def emit(obj: dict) -> None:
        stream = out or sys.stdout
        stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
        stream.flush()

    if text is not None:
        emit(as_json(assistant.understand(text)))
    if batch:
        try:
            lines = Path(batch).read_bytes().splitlines()
        except OSError as exc:
            print(f"intent: cannot read {batch}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        for n, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:  # each line on its own: one that is not UTF-8 or nests too deeply is that line's error
                row = json.loads(raw.decode("utf-8"))
                utterance = row["text"] if isinstance(row, dict) else None
                if not isinstance(utterance, str):
                    raise TypeError("'text' must be a string")
            except (ValueError, KeyError, TypeError, RecursionError) as exc:
                why = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:200]
                emit({"error": f"{batch}:{n}: needs a JSON object with a 'text' string ({why})"})
                continue
            emit(as_json(assistant.understand(utterance)))
    if text is None and not batch:
        print("intent: give --json TEXT or --batch FILE", file=sys.stderr)
        return 2
    return 0
