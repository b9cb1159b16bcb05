"""The core's collect hook (torch_memory.collect_garbage): without a UI the calling thread collects;
with a hook the hook decides (and may give up), and a failing hook falls back to collecting here."""

from __future__ import annotations

import threading

import pytest

from console.core.inference.torch_memory import collect_garbage, free_torch_memory, set_collect_hook


class _Cycle:
    """Garbage only a cycle collection frees; says on which thread it was finalized."""

    def __init__(self, seen: list[str]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


@pytest.fixture
def no_hook():
    previous = set_collect_hook(None)
    yield
    set_collect_hook(previous)


def _on_worker(fn) -> None:
    t = threading.Thread(target=fn, name="cli-worker")
    t.start()
    t.join(30)
    assert not t.is_alive()


def test_without_a_ui_the_calling_thread_collects(no_hook):
    seen: list[str] = []
    _Cycle(seen)
    _on_worker(free_torch_memory)
    assert seen == ["cli-worker"]


def test_a_hook_decides_and_may_give_up(no_hook):
    seen: list[str] = []
    calls: list[str] = []

    def gives_up() -> bool:
        calls.append(threading.current_thread().name)
        return False

    assert set_collect_hook(gives_up) is None
    _Cycle(seen)
    results: list[bool] = []
    _on_worker(lambda: results.append(collect_garbage()))
    assert results == [False] and calls == ["cli-worker"] and seen == []  # not collected on the worker
    assert set_collect_hook(None) is gives_up
    assert collect_garbage() is True and seen == ["MainThread"]


def test_a_failing_hook_falls_back_to_collecting_here(no_hook, caplog):
    def gone() -> bool:
        raise RuntimeError("Internal C++ object (QtCollectBridge) already deleted.")

    set_collect_hook(gone)
    seen: list[str] = []
    _Cycle(seen)
    assert collect_garbage() is True
    assert seen == ["MainThread"] and "collect hook failed" in caplog.text
