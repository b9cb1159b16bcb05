"""What the doctor and the model panel show for a remote endpoint: is it reachable, which models
it serves, and whether the one the console will ask for is among them.  Never raises.  ``message``
and ``hint`` are marked texts (words.py) where the engine made them, so the doctor's rows keep their
ids."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from console.core.inference.remote import words
from console.core.inference.remote.errors import no_models_hint, text_of
from console.core.inference.types import EngineError


@dataclass
class RemoteHealth:
    ok: bool
    url: str
    models: list[str] = field(default_factory=list)
    latency_s: float | None = None
    message: str = ""
    hint: str = ""


def check_health(list_models: Callable[[], list[str]], url: str, model: str, model_setting: str) -> RemoteHealth:
    """``list_models``: one ``GET /v1/models`` (raising ``EngineError``); ``model``: the name the
    console will ask for ("" for the first served); ``model_setting``: where the operator sets it."""
    t0 = time.perf_counter()
    try:
        models = list_models()
    except EngineError as exc:
        return RemoteHealth(False, url, message=text_of(exc), hint=exc.hint)
    latency = time.perf_counter() - t0
    if model and model not in models:
        hint = (words.NOT_LISTED_HINT.format(models=", ".join(models), setting=model_setting) if models
                else no_models_hint(model_setting))
        return RemoteHealth(False, url, models, latency, words.NOT_LISTED.format(model=repr(model)), hint)
    return RemoteHealth(True, url, models, latency, words.SERVES_MODELS.format(count=len(models),
                                                                               models=", ".join(models)))
