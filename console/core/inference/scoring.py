"""Choosing among enumerated readings with a loaded engine: the computation behind the assistant's
model layer (console.core.assistant.model_choice), kept here so the model worker can run it too.

- :func:`lm_scorer` (a local transformers model, torch imported lazily): mean log-probability per
  token of each continuation after one prompt, the prompt's KV cache kept and cropped back.
- :func:`pick_best`: the unique best finite score's index, or None (a tie, NaN or a short list).
- :func:`ask_number`: an ``Engine`` that gives no log-probabilities (a remote OpenAI-compatible
  server) is asked for the number of one listed option (greedy, at most 4 new tokens).
- :func:`engine_chooser`: the chooser for whatever engine the worker holds (local: likelihood; else: ask).

Threads: whoever calls; a scorer holds its own lock for one call (one model, one call at a time).
No Qt here.
"""

from __future__ import annotations

import math
import re
import threading
from typing import Any, Callable, Sequence

Scorer = Callable[[str, Sequence[str]], Sequence[float]]
Chooser = Callable[[str, Sequence[str]], "int | None"]
INT8_COPY_MAX_BYTES = 2 << 30  # engine_chooser: the largest CPU model given an int8 copy for scoring
PROMPT = ("A control console turns an operator's request into one device action.\n"
          "Request: {utterance}\nAction:")


def pick_best(scores: Sequence[float], n: int) -> int | None:
    """Index of the unique best of ``n`` finite scores, else None (no pick: the operator is asked)."""
    scores = [float(s) for s in scores]
    if n == 0 or len(scores) != n or not all(math.isfinite(s) for s in scores):
        return None
    best = max(scores)
    if sum(1 for s in scores if s == best) != 1:
        return None
    return scores.index(best)


def likelihood_choose(score: Scorer, utterance: str, options: Sequence[str], template: str = PROMPT) -> int | None:
    """Score each option after the prompt (a leading space, as after "Action:") and pick the unique best."""
    if not options:
        return None
    prompt = template.format(utterance=utterance.strip())
    return pick_best(score(prompt, [" " + o for o in options]), len(options))


def ask_number(engine: Any, utterance: str, options: Sequence[str], timeout_s: float = 20.0,
               should_stop: Callable[[], bool] = lambda: False) -> int | None:
    """Ask an ``Engine`` (console.core.inference.types) for the number of one option."""
    from console.core.inference.types import ChatMessage, GenParams

    if not options:
        return None
    listing = "\n".join(f"{i + 1}. {o}" for i, o in enumerate(options))
    msgs = [ChatMessage("system", "You pick the one action that does what the operator asked. "
                                  "Answer with the number of the action only."),
            ChatMessage("user", f"Request: {utterance.strip()}\nActions:\n{listing}\nNumber:")]
    pieces: list[str] = []
    engine.generate(msgs, GenParams(max_new_tokens=4, temperature=0.0, timeout_s=timeout_s),
                    pieces.append, should_stop)
    m = re.search(r"\d+", "".join(pieces))
    if not m:
        return None
    k = int(m.group(0)) - 1
    return k if 0 <= k < len(options) else None


def engine_chooser(engine: Any, should_stop: Callable[[], bool] = lambda: False,
                   timeout_s: float = 20.0) -> Chooser:
    """The chooser over a worker's engine: a local one (``LocalEngine``: ``.loaded`` has the model and
    tokenizer) scores likelihoods; any other is asked for a number.  On a CPU a model the loader did
    not quantise and of at most ``INT8_COPY_MAX_BYTES`` gets an int8 copy for scoring (the bundled
    135M model: 0.44 s instead of 3.2 s a choice on the shared 2-core machine); a larger one is
    scored as loaded (no second copy of the operator's model in memory)."""
    loaded = getattr(engine, "loaded", None)
    if loaded is not None and getattr(loaded, "model", None) is not None:
        model = loaded.model
        quant = getattr(getattr(loaded, "options", None), "quantization", "none") or "none"
        params = list(model.parameters())
        size = sum(p.numel() * p.element_size() for p in params)
        on_cpu = bool(params) and params[0].device.type == "cpu"
        score = lm_scorer(model, loaded.tokenizer,
                          quantize=on_cpu and quant == "none" and size <= INT8_COPY_MAX_BYTES)
        return lambda utterance, options: likelihood_choose(score, utterance, options)
    return lambda utterance, options: ask_number(engine, utterance, options, timeout_s, should_stop)


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
