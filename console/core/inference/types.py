"""The contract every inference backend meets (local transformers, remote OpenAI-compatible).

The model worker (a QThread in the UI) only talks to an ``Engine``: it hands it one request at a
time and receives text pieces through ``on_text``; ``should_stop`` is polled between tokens so
cancel is immediate.  Metrics come back in ``RequestMetrics``.  No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Protocol, runtime_checkable


@dataclass(frozen=True)
class ChatMessage:
    role: str  # system | user | assistant
    content: str


@dataclass(frozen=True)
class GenParams:
    max_new_tokens: int = 128
    temperature: float = 0.0  # 0: greedy
    top_p: float = 1.0
    stop: tuple[str, ...] = ()
    max_input_tokens: int | None = None  # truncate longer prompts (keep the end) with a warning
    timeout_s: float = 120.0


@dataclass
class RequestMetrics:
    """Times in seconds, measured with time.perf_counter by the engine."""

    queue_wait_s: float = 0.0  # filled in by the worker
    ttft_s: float | None = None  # request start → first token
    e2e_s: float = 0.0  # request start → last token
    prompt_tokens: int = 0
    new_tokens: int = 0
    cached_prompt_tokens: int = 0  # prompt tokens served from a prefix cache
    fast_path: bool = False  # True when a static-cache / CUDA-graph decode path ran
    truncated_tokens: int = 0  # prompt tokens dropped by max_input_tokens
    cancelled: bool = False
    finish_reason: str = ""  # stop | length | cancelled | error
    warnings: list[str] = field(default_factory=list)

    @property
    def decode_tps(self) -> float | None:
        """Decode tokens per second (tokens after the first, over the time after the first)."""
        if self.ttft_s is None or self.new_tokens < 2 or self.e2e_s <= self.ttft_s:
            return None
        return (self.new_tokens - 1) / (self.e2e_s - self.ttft_s)


TextCallback = Callable[[str], None]
StopCheck = Callable[[], bool]


class EngineError(RuntimeError):
    """A failure the operator must see: ``hint`` says what to do about it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@runtime_checkable
class Engine(Protocol):
    name: str

    def generate(
        self,
        messages: list[ChatMessage],
        params: GenParams,
        on_text: TextCallback,
        should_stop: StopCheck,
    ) -> RequestMetrics: ...

    def close(self) -> None: ...
