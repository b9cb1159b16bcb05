"""Choosing among enumerated readings with a loaded engine: the computation behind the assistant's
model layer (console.core.assistant.model_choice), kept here so the model worker can run it too.

- :class:`LmScorer` / :func:`lm_scorer` (a local transformers model, torch imported lazily): mean
  log-probability per token of each continuation after one prompt.  Per call: one forward pass of the
  prompt's new tokens plus the candidates' shared first tokens (the longest prefix shared with the
  previous prompt, the fixed instruction, stays in the kept KV cache), then one batched pass of every
  candidate's own tokens over that cache.  On a CPU, an int8 copy of the Linear layers (the rest of the
  weights shared with the loaded model, not copied).
- :func:`pick_best`: the unique best finite score's index, or None (a tie, NaN or a short list).
- :func:`ask_number`: an ``Engine`` that gives no log-probabilities (a remote OpenAI-compatible
  server) is asked for the number of one listed option (greedy, at most 4 new tokens).
- :func:`engine_chooser` / :class:`EngineChooser`: the chooser for whatever engine the worker holds
  (local: likelihood; else: ask).  The model worker builds it while loading (``prepare``: the int8
  copy and one warm-up pass that fills the kept cache), so the first ask costs what later ones do.

Threads: whoever calls (the model worker's thread in the console); a scorer holds its own lock for one
call (one model, one call at a time).  No Qt here.
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


class EngineChooser:
    """The chooser over a worker's engine: a local one (``LocalEngine``: ``.loaded`` has the model and
    tokenizer) scores likelihoods; any other is asked for a number.  On a CPU a model the loader did
    not quantise and of at most ``INT8_COPY_MAX_BYTES`` gets an int8 copy for scoring (the bundled
    135M model: 0.16 s of CPU a choice against 0.40 s in fp32 on the 2-core machine); a larger one
    is scored as loaded.  Building it (``__init__``) makes that copy; ``prepare`` also runs one warm-up pass."""

    def __init__(self, engine: Any, should_stop: Callable[[], bool] = lambda: False,
                 timeout_s: float = 20.0) -> None:
        self.engine = engine
        self.should_stop = should_stop
        self.timeout_s = timeout_s
        self.scorer: LmScorer | None = None
        loaded = getattr(engine, "loaded", None)
        if loaded is not None and getattr(loaded, "model", None) is not None:
            model = loaded.model
            quant = getattr(getattr(loaded, "options", None), "quantization", "none") or "none"
            params = list(model.parameters())
            size = sum(p.numel() * p.element_size() for p in params)
            on_cpu = bool(params) and params[0].device.type == "cpu"
            self.scorer = LmScorer(model, loaded.tokenizer,
                                   quantize=on_cpu and quant == "none" and size <= INT8_COPY_MAX_BYTES)

    @property
    def local(self) -> bool:
        return self.scorer is not None

    def prepare(self) -> None:
        """A local scorer's warm-up (the fixed instruction into the kept cache); nothing for a remote
        engine (no request is sent before the operator asks)."""
        if self.scorer is not None:
            self.scorer.warm()

    def __call__(self, utterance: str, options: Sequence[str]) -> int | None:
        if self.scorer is not None:
            return likelihood_choose(self.scorer, utterance, options)
        return ask_number(self.engine, utterance, options, self.timeout_s, self.should_stop)


def engine_chooser(engine: Any, should_stop: Callable[[], bool] = lambda: False,
                   timeout_s: float = 20.0) -> EngineChooser:
    """``EngineChooser(engine, should_stop, timeout_s)`` (kept for callers of the function)."""
    return EngineChooser(engine, should_stop, timeout_s)


def int8_copy(model: Any) -> Any:
    """The model with its Linear layers int8 (``torch.ao`` dynamic quantisation), every other tensor
    (embeddings, norms, buffers) shared with ``model`` instead of copied: the module tree is copied
    with its tensors pre-seeded in ``deepcopy``'s memo, then quantised in place.  The quantised
    weights are those ``quantize_dynamic(model)`` gives; the copy of the fp32 weights it would make
    first (all 540 MB of the bundled model, ~5 s on the loaded machine) is not made."""
    import copy
    import warnings

    import torch

    memo = {id(t): t for t in (*model.parameters(), *model.buffers())}
    clone = copy.deepcopy(model, memo)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.ao.quantization.quantize_dynamic(clone, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
    return clone


class LmScorer:
    """Mean token log-probability of each continuation after ``prompt`` (a ``Scorer``).

    A call runs the model twice at most: (1) the prompt's tokens past the fixed instruction (``prefix``,
    run once and kept in a KV cache while prompts start with it), together with the first tokens every
    candidate shares (" office" of " office ceiling lamp: on" / " office desk lamp: on"), the vocabulary
    head only on the positions that predict a candidate token; (2) every candidate's remaining tokens
    as one batch over that cache (repeated per row, right-padded; the head only on real positions), the
    cache then cut back to the instruction.  The sums are those of scoring each candidate on its own
    (the same log-probabilities, added in the same per-candidate way).  The passes depend on the prompt
    and the candidates only, never on earlier calls: the int8 path quantises activations per pass, so
    reusing "whatever the previous prompt shared" made a pick depend on the ask before it (seen: 7/10
    and 6/10 right on the ties in two runs).  Counters (``calls``, ``forward_calls``, ``tokens_run``)
    say what it did; ``quantized`` whether it scores an int8 copy.

    On a CPU a call runs with ``threads`` torch threads (torch's setting is put back after the call;
    ``None``: 1 for an int8 copy, torch's own setting for a model scored as loaded, which may be
    large; 0: torch's setting): the int8 copy's matrices are a few rows each, a second thread halves little of each op and adds a
    fork/join per op (~20 per layer), and on a shared, oversubscribed machine each join waits for a
    thread the kernel has parked (measured on the 2-core machine at load 8: p50/p95 0.30/0.39 s a
    choice with one thread, 0.35/0.81 s with two)."""

    def __init__(self, model: Any, tokenizer: Any, *, quantize: bool | None = None,
                 threads: int | None = None, prefix: str = PROMPT.split("{utterance}")[0].rstrip()) -> None:
        import inspect

        dev = next(model.parameters()).device
        if quantize is None:
            quantize = dev.type == "cpu"
        self.quantized = bool(quantize)
        if threads is None:
            threads = 1 if self.quantized else 0
        self.threads = threads if dev.type == "cpu" else 0
        self.model = int8_copy(model) if quantize else model
        self.tokenizer = tokenizer
        self.device = dev
        self.body, self.head = self.model.get_decoder(), self.model.get_output_embeddings()
        self._cache_kw = "cache" if "cache" in inspect.signature(self.body.forward).parameters else "past_key_values"
        self._lock = threading.Lock()
        self.prefix = prefix
        self._anchor: list[int] | None = None  # the prefix's tokens (tokenised at the first call)
        self._kept_cache: Any = None  # the anchor's KV cache, cut back to it after every call
        self.calls = 0
        self.forward_calls = 0
        self.tokens_run = 0

    @property
    def kept_tokens(self) -> int:
        return len(self._anchor or ()) if self._kept_cache is not None else 0

    def warm(self) -> None:
        """One call on a made-up ask: the fixed instruction lands in the kept cache, and the first
        real ask pays no first-call costs (allocations, kernel set-up)."""
        self(PROMPT.format(utterance="turn on the lamp"), [" lamp: on", " lamp: off"])

    # -- the computation -------------------------------------------------------------------------
    def _ids(self, text: str, special: bool) -> list[int]:
        if special:
            ids = self.tokenizer(text, return_tensors="pt").input_ids
        else:
            ids = self.tokenizer(text, add_special_tokens=False, return_tensors="pt").input_ids
        return [int(i) for i in ids[0]]

    def _logp(self, hidden):  # [n, d] → [n, vocab] log-probabilities
        return self.head(hidden).float().log_softmax(-1)

    def _forward(self, rows: list[list[int]], cache: Any):
        import torch

        ids = torch.tensor(rows, dtype=torch.long, device=self.device)
        out = self.body(input_ids=ids, use_cache=True, **({self._cache_kw: cache} if cache is not None else {}))
        self.forward_calls += 1
        self.tokens_run += ids.numel()
        return out, (getattr(out, "cache", None) or out.past_key_values)

    def _anchored(self, p_ids: list[int]):
        """(the kept cache, its length) when the prompt starts with the instruction's tokens (the cache
        made by one pass of them alone, the first time), else (None, 0): the whole prompt runs."""
        if self._anchor is None:
            self._anchor = self._ids(self.prefix, True) if self.prefix else []
        a = self._anchor
        if not a or len(p_ids) <= len(a) or p_ids[:len(a)] != a:
            return None, 0
        if self._kept_cache is None:
            _, self._kept_cache = self._forward([a], None)
        return self._kept_cache, len(a)

    def __call__(self, prompt: str, conts: Sequence[str]) -> list[float]:
        import torch

        with self._lock, torch.inference_mode():
            self.calls += 1
            before = torch.get_num_threads()
            if self.threads and before != self.threads:
                torch.set_num_threads(self.threads)
            try:
                return self._score(prompt, conts)
            except Exception:
                self._kept_cache = None  # the instruction runs again next time
                raise
            finally:
                if torch.get_num_threads() != before:
                    torch.set_num_threads(before)

    def _score(self, prompt: str, conts: Sequence[str]) -> list[float]:
        import torch

        p_ids = self._ids(prompt, True)
        c_ids = [self._ids(c, False) for c in conts]
        res = [float("nan")] * len(c_ids)
        live = [i for i, c in enumerate(c_ids) if c]  # an empty continuation: NaN (no pick)
        if not live:
            return res
        cands = [c_ids[i] for i in live]
        shared = 0  # first tokens all candidates share; each keeps at least one of its own
        while shared < min(len(c) for c in cands) - 1 and all(c[shared] == cands[0][shared] for c in cands):
            shared += 1
        cache, start = self._anchored(p_ids)
        out, cache = self._forward([p_ids[start:] + cands[0][:shared]], cache)
        lp = self._logp(out.last_hidden_state[0, -(shared + 1):])
        base = sum(float(lp[j, cands[0][j]]) for j in range(shared))
        totals = [base + float(lp[shared, c[shared]]) for c in cands]
        fed = [c[shared:-1] for c in cands]  # a candidate's last token is only predicted, never fed
        width = max(len(f) for f in fed)
        if width:
            rows = [f + [f[-1] if f else c[shared]] * (width - len(f)) for f, c in zip(fed, cands)]
            cache.batch_repeat_interleave(len(rows))
            out, cache = self._forward(rows, cache)
            real = [(r, j) for r, f in enumerate(fed) for j in range(len(f))]
            hidden = out.last_hidden_state[[r for r, _ in real], [j for _, j in real]]
            target = torch.tensor([[cands[r][shared + 1 + j]] for r, j in real], device=hidden.device)
            for (r, _), v in zip(real, self._logp(hidden).gather(1, target)[:, 0].tolist()):
                totals[r] += v
            cache.batch_select_indices(torch.tensor([0], device=hidden.device))
        if start:  # back to the instruction alone, one row, for the next call
            cache.crop(-(cache.get_seq_length() - start))
        for i, total, c in zip(live, totals, cands):
            res[i] = total / len(c)
        return res


def lm_scorer(model: Any, tokenizer: Any, *, quantize: bool | None = None, threads: int | None = None) -> LmScorer:
    """``LmScorer(model, tokenizer, quantize=..., threads=...)``: on a CPU (``quantize=None``) an int8
    copy of the Linear layers scores (about 2.5x less CPU than fp32 for these short inputs on the
    2-core machine); ``quantize=False`` keeps the weights as loaded."""
    return LmScorer(model, tokenizer, quantize=quantize, threads=threads)
