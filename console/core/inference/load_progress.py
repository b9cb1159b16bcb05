"""Loading progress and cancel: transformers' progress bars routed to a (stage, fraction) callback.

transformers reports its loading loops through tqdm: the weights loop through its own tqdm hook
(``transformers.utils.logging.set_tqdm_hook``), the GGUF conversion through ``tqdm.auto`` in
``modeling_gguf_pytorch_utils``.  While a load runs, both go to ``ProgressBar`` objects that call the
model worker's progress callback and raise ``LoadCancelled`` as soon as ``should_stop()`` says so.
"""

from __future__ import annotations

import sys
from typing import Callable

from console.core.inference.types import EngineError

Progress = Callable[[str, float], None]  # (stage, fraction 0..1)
StopCheck = Callable[[], bool]


class LoadCancelled(EngineError):
    pass


class ProgressBar:
    """Enough of tqdm for transformers' loops: reports (stage, fraction) and checks for cancel."""

    def __init__(self, iterable, total, stage: str, report: Progress, should_stop: StopCheck) -> None:
        self._it = iterable
        self.total = total if total is not None else (len(iterable) if hasattr(iterable, "__len__") else None)
        self.n = 0
        self.stage = stage
        self._report = report
        self._stop = should_stop
        self._last = -1.0

    def __iter__(self):
        for item in self._it:
            yield item
            self.update(1)

    def update(self, n: int = 1) -> None:
        self.n += n
        if self._stop():
            raise LoadCancelled("loading cancelled", "")
        if self.total:
            frac = min(1.0, self.n / self.total)
            if frac - self._last >= 0.02 or frac >= 1.0:
                self._last = frac
                self._report(self.stage, frac)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        pass

    def __getattr__(self, name):  # set_description, set_postfix, refresh, ...
        return lambda *a, **k: None


class progress_hooks:
    """Route transformers' progress bars (weights; GGUF conversion) to ``report`` while loading."""

    def __init__(self, report: Progress, should_stop: StopCheck) -> None:
        self.report = report
        self.should_stop = should_stop
        self._prev_hook = None
        self._gguf_mod = None
        self._gguf_tqdm = None

    def _bar(self, desc: str, iterable=None, total=None):
        stage = "convert" if "gguf" in (desc or "").lower() else "weights"
        return ProgressBar(iterable if iterable is not None else [], total, stage, self.report, self.should_stop)

    def __enter__(self):
        from transformers.utils import logging as tlog

        if hasattr(tlog, "set_tqdm_hook"):
            self._prev_hook = tlog.set_tqdm_hook(
                lambda factory, args, kwargs: self._bar(kwargs.get("desc", ""), args[0] if args else kwargs.get("iterable"), kwargs.get("total"))
            )
        mod = sys.modules.get("transformers.modeling_gguf_pytorch_utils")
        if mod is None:
            try:
                import transformers.modeling_gguf_pytorch_utils as mod  # noqa: PLC0415
            except ImportError:
                mod = None
        if mod is not None and hasattr(mod, "tqdm"):
            self._gguf_mod, self._gguf_tqdm = mod, mod.tqdm
            mod.tqdm = lambda iterable=None, desc="", total=None, **kw: self._bar(desc or "gguf", iterable, total)
        return self

    def __exit__(self, *exc) -> None:
        from transformers.utils import logging as tlog

        if hasattr(tlog, "set_tqdm_hook"):
            tlog.set_tqdm_hook(self._prev_hook)
        if self._gguf_mod is not None:
            self._gguf_mod.tqdm = self._gguf_tqdm
