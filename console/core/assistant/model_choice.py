"""The model layer: the loaded engine picks one of the legal readings the other layers enumerated.

Design: **likelihood scoring of enumerated candidates**.  The rules and the catalog semantics already
produce every legal reading (each a complete, validated, direction-checked proposal); the model only
says which one the operator meant.  Scoring a handful of short continuations after one shared prompt
costs one forward pass of the prompt (its KV cache kept) plus a few tokens per candidate, can only
ever return one of the candidates, needs no grammar engine, and keeps refusals where they belong (in
the rules: a model asked to *generate* JSON cannot be trusted to refuse "set the AC to 35 °C").
Grammar-constrained JSON would need a sampler hook in every engine and still decode token by token.

- :func:`lm_scorer` (local transformers model, torch imported lazily): mean log-probability per token
  of each candidate after the prompt, in two passes: the prompt after the fixed instruction (whose KV
  cache is kept) with the candidates' shared first tokens, then all candidates' own tokens as one batch.
- :func:`likelihood_chooser` turns any scorer into a chooser; a tie, NaN or error means no pick.
- :func:`remote_chooser`: an OpenAI-compatible server gives no log-probabilities through the console's
  ``Engine`` contract, so it is asked to answer with the number of one listed option (greedy, at most
  4 new tokens); anything but a listed number means no pick.
- :func:`chooser_from_args`: ``--model bundled|FILE.gguf|FOLDER`` or ``--remote-url URL``.

The chooser runs on the caller's thread (the panel's ``assistant-parse`` thread, the CLI's main
thread); it holds the model for the duration of one call.  A lock serialises calls on one model.
The scoring itself is console.core.inference.scoring's (the running console asks the model worker,
which runs the same computation on its own thread: docs/ASSISTANT.md).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Sequence

# the computation lives with the engines (the model worker runs it too); re-exported here
from console.core.inference.scoring import PROMPT, Scorer, ask_number, likelihood_choose, lm_scorer  # noqa: F401

log = logging.getLogger(__name__)


def likelihood_chooser(score: Scorer, template: str = PROMPT) -> Callable[[str, Sequence[str]], int | None]:
    """A chooser from a continuation scorer (higher = more likely); the unique best wins."""

    def choose(utterance: str, options: Sequence[str]) -> int | None:
        return likelihood_choose(score, utterance, options, template)

    return choose


def remote_chooser(engine: Any, timeout_s: float = 20.0) -> Callable[[str, Sequence[str]], int | None]:
    """Ask an ``Engine`` (console.core.inference.types) for the number of one option."""

    def choose(utterance: str, options: Sequence[str]) -> int | None:
        return ask_number(engine, utterance, options, timeout_s)

    return choose


def load_local(source: str = "bundled") -> tuple[Any, Any, str]:
    """(model, tokenizer, name) on the CPU or GPU the loader picks; ``bundled``: the SmolLM2-135M GGUF."""
    from console.core.inference.bundled_model import bundled_model_path
    from console.core.inference.loader import LoadOptions, load_model

    path = bundled_model_path() if source in ("", "bundled") else Path(source)
    if not path.exists():
        raise FileNotFoundError(f"model not found: {path} (run `autoglm-console fetch-model` for the bundled one)")
    loaded = load_model(LoadOptions(source=str(path), on_no_fit="warn"))
    loaded.model.eval()
    return loaded.model, loaded.tokenizer, path.name


def chooser_from_args(model: str | None = None, remote_url: str | None = None,
                      remote_model: str = "") -> tuple[Callable[[str, Sequence[str]], int | None], str]:
    """The chooser for ``--model`` (local) or ``--remote-url`` (an OpenAI-compatible server), and its name."""
    if remote_url:
        from console.core.inference.remote.engine import RemoteEngine

        return remote_chooser(RemoteEngine(remote_url, remote_model)), f"remote:{remote_url}"
    m, tok, name = load_local(model or "bundled")
    return likelihood_chooser(lm_scorer(m, tok)), name
