"""The model layer: the loaded engine picks one of the legal readings the other layers enumerated.

Design: **likelihood scoring of enumerated candidates**.  The rules and the catalog semantics already
produce every legal reading (each a complete, validated, direction-checked proposal); the model only
says which one the operator meant.  Scoring a handful of short continuations after one shared prompt
costs one forward pass of the prompt (its KV cache kept) plus a few tokens per candidate, can only
ever return one of the candidates, needs no grammar engine, and keeps refusals where they belong (in
the rules: a model asked to *generate* JSON cannot be trusted to refuse "set the AC to 35 °C").
Grammar-constrained JSON would need a sampler hook in every engine and still decode token by token.

- :func:`lm_scorer` (local transformers model, torch imported lazily): mean log-probability per token
  of each candidate after the prompt, the prompt's KV cache computed once and cropped back after each
  candidate.
- :func:`likelihood_chooser` turns any scorer into a chooser; a tie, NaN or error means no pick.
- :func:`remote_chooser`: an OpenAI-compatible server gives no log-probabilities through the console's
  ``Engine`` contract, so it is asked to answer with the number of one listed option (greedy, at most
  4 new tokens); anything but a listed number means no pick.
- :func:`chooser_from_args`: ``--model bundled|FILE.gguf|FOLDER`` or ``--remote-url URL``.

The chooser runs on the caller's thread (the panel's ``assistant-parse`` thread, the CLI's main
thread); it holds the model for the duration of one call.  A lock serialises calls on one model.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from pathlib import Path
from typing import Any, Callable, Sequence

log = logging.getLogger(__name__)

Scorer = Callable[[str, Sequence[str]], Sequence[float]]
PROMPT = ("A control console turns an operator's request into one device action.\n"
          "Request: {utterance}\nAction:")


def likelihood_chooser(score: Scorer, template: str = PROMPT) -> Callable[[str, Sequence[str]], int | None]:
    """A chooser from a continuation scorer (higher = more likely); the unique best wins."""

    def choose(utterance: str, options: Sequence[str]) -> int | None:
        if not options:
            return None
        prompt = template.format(utterance=utterance.strip())
        scores = [float(s) for s in score(prompt, [" " + o for o in options])]
        if len(scores) != len(options) or not all(math.isfinite(s) for s in scores):
            return None
        best = max(scores)
        if sum(1 for s in scores if s == best) != 1:
            return None
        return scores.index(best)

    return choose


def lm_scorer(model: Any, tokenizer: Any, *, quantize: bool | None = None) -> Scorer:
    """Mean token log-probability of each continuation after ``prompt``.

    The prompt runs once through the model's body (its KV cache kept; the vocabulary head only for
    its last position), then each continuation's few tokens, the cache cropped back after each.  On a
    CPU the Linear layers are quantised to int8 (``torch.ao`` dynamic quantisation: about 3x faster
    for these short inputs, measured on the 2-core machine; ``quantize=False`` keeps fp32)."""
    import torch

    dev = next(model.parameters()).device
    if quantize is None:
        quantize = dev.type == "cpu"
    if quantize:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    body, head = model.get_decoder(), model.get_output_embeddings()
    import inspect

    cache_kw = "cache" if "cache" in inspect.signature(body.forward).parameters else "past_key_values"
    lock = threading.Lock()

    def logp(hidden):  # [n, d] → [n, vocab] log-probabilities
        return head(hidden).float().log_softmax(-1)

    kept: dict[str, Any] = {"ids": [], "cache": None, "last": None}  # the previous prompt's KV, reused

    def prompt_state(p_ids: list[int]):
        """(cache holding ``p_ids``, log-probs after its last token): the longest prefix shared with the
        previous prompt (the fixed instruction) is kept, only the rest runs through the model."""
        old = kept["ids"]
        common = 0
        while common < min(len(old), len(p_ids) - 1) and old[common] == p_ids[common]:
            common += 1
        cache = kept["cache"]
        if cache is None or common == 0:
            cache, common = None, 0
        elif len(old) > common:
            cache.crop(-(len(old) - common))
        rest = torch.tensor([p_ids[common:]], dtype=torch.long, device=dev)
        out = body(input_ids=rest, use_cache=True, **({cache_kw: cache} if cache is not None else {}))
        cache = getattr(out, "cache", None) or out.past_key_values
        kept.update(ids=list(p_ids), cache=cache)
        return cache, logp(out.last_hidden_state[0, -1:])[0]

    @torch.inference_mode()
    def score(prompt: str, conts: Sequence[str]) -> list[float]:
        with lock:
            p_ids = [int(i) for i in tokenizer(prompt, return_tensors="pt").input_ids[0]]
            try:
                cache, first = prompt_state(p_ids)
            except Exception:
                kept.update(ids=[], cache=None)  # start afresh next time
                raise
            res = []
            for c in conts:
                ids = tokenizer(c, add_special_tokens=False, return_tensors="pt").input_ids.to(dev)
                k = ids.shape[1]
                if k == 0:
                    res.append(float("nan"))
                    continue
                total = float(first[ids[0, 0]])
                if k > 1:
                    o = body(input_ids=ids[:, :-1], use_cache=True, **{cache_kw: cache})
                    total += float(logp(o.last_hidden_state[0]).gather(1, ids[0, 1:, None]).sum())
                    cache.crop(-(k - 1))  # back to the prompt for the next candidate
                res.append(total / k)
            return res

    return score


def remote_chooser(engine: Any, timeout_s: float = 20.0) -> Callable[[str, Sequence[str]], int | None]:
    """Ask an ``Engine`` (console.core.inference.types) for the number of one option."""
    from console.core.inference.types import ChatMessage, GenParams

    def choose(utterance: str, options: Sequence[str]) -> int | None:
        listing = "\n".join(f"{i + 1}. {o}" for i, o in enumerate(options))
        msgs = [ChatMessage("system", "You pick the one action that does what the operator asked. "
                                      "Answer with the number of the action only."),
                ChatMessage("user", f"Request: {utterance.strip()}\nActions:\n{listing}\nNumber:")]
        pieces: list[str] = []
        engine.generate(msgs, GenParams(max_new_tokens=4, temperature=0.0, timeout_s=timeout_s),
                        pieces.append, lambda: False)
        m = re.search(r"\d+", "".join(pieces))
        if not m:
            return None
        k = int(m.group(0)) - 1
        return k if 0 <= k < len(options) else None

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
