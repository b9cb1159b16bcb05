"""The contract every inference backend meets (local transformers, remote OpenAI-compatible).

The model worker (a QThread in the UI) only talks to an ``Engine``: it hands it one request at a
time and receives text pieces through ``on_text``; ``should_stop`` is polled between tokens so
cancel is immediate.  Metrics come back in ``RequestMetrics``.  Below the engine, a local decode
function (``DecodeFn``: the plain loop in decode.py, the static-cache path in fastdecode.py) returns
``DecodeStats``; both live here so that neither decode module imports the other's types.  No Qt,
no torch here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Protocol, runtime_checkable

from console.core.errors import ConsoleError

if TYPE_CHECKING:
    from console.core.inference.prefix_cache import PrefixCache


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


class EngineError(ConsoleError, RuntimeError):
    """A failure the operator must see: ``hint`` says what to do about it.  Still a RuntimeError,
    as it always was, for callers that catch that."""


@dataclass
class DecodeStats:
    """What one greedy decode call measured (times in seconds, from the call's start)."""

    ttft_s: float | None  # call start → first new token known on the host
    e2e_s: float  # call start → last token
    new_tokens: int
    prompt_tokens: int
    cached_prompt_tokens: int  # prompt tokens whose KV came from the prefix cache
    fast_path: bool  # True when fastdecode's static-cache (and, on CUDA, graph) path ran
    finish_reason: str  # stop | length | cancelled


TokenCallback = Callable[[int], None]


class DecodeFn(Protocol):
    """A batch-1 greedy decode loop: ``decode.plain_stream_generate``, ``fastdecode.fast_stream_generate``.

    ``input_ids`` is a [1, n] LongTensor; ``on_token`` gets each new token id as soon as it is known
    on the host; ``should_stop`` is polled between tokens."""

    def __call__(
        self,
        model: Any,
        input_ids: Any,
        max_new_tokens: int,
        *,
        eos_token_ids: set[int],
        should_stop: StopCheck,
        on_token: TokenCallback,
        prefix_cache: "PrefixCache | None" = None,
    ) -> DecodeStats: ...


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
