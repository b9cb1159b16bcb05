"""The typed worker contract: states and job kinds are enums, jobs carry frozen payloads, errors a hint.

A real ``ModelRunner`` thread, a real tiny model: what it reports is checked for its types, not only
its values; the payload dataclasses are checked for what the worker relies on (frozen, the kind
follows the payload's class).
"""

from __future__ import annotations

import dataclasses

import pytest

from console.core.errors import ConsoleError
from console.core.inference.jobs import (
    ConnectRequest,
    GenerateRequest,
    Job,
    JobKind,
    LoadRequest,
    UnloadRequest,
    WorkerState,
)
from console.core.inference.types import ChatMessage, EngineError, GenParams
from tests.tiny_model import tiny_model_dir  # noqa: F401


def test_engine_error_is_a_console_error_with_its_hint():
    exc = EngineError("the GPU is full", "lower max memory or pick a smaller model")
    assert isinstance(exc, ConsoleError) and isinstance(exc, RuntimeError)
    assert str(exc) == "the GPU is full" and exc.hint == "lower max memory or pick a smaller model"
    assert EngineError("no hint").hint == ""
    with pytest.raises(ConsoleError) as caught:
        raise EngineError("x", "do y")
    assert caught.value.hint == "do y"


def test_job_kind_follows_the_payload_and_payloads_are_frozen():
    gen = Job(3, GenerateRequest((ChatMessage("user", "hi"),), GenParams(max_new_tokens=4)))
    unload = Job(-1, UnloadRequest())
    assert gen.kind is JobKind.GENERATE and gen.is_request
    assert unload.kind is JobKind.UNLOAD and not unload.is_request
    assert Job(-2, ConnectRequest(lambda: None, {"source": "u"})).kind is JobKind.CONNECT
    with pytest.raises(dataclasses.FrozenInstanceError):
        gen.payload.params = GenParams()  # type: ignore[misc]
    assert not [f for f in dataclasses.fields(LoadRequest) if f.name == "kind"]  # a ClassVar, not a field


def test_worker_state_groups():
    assert {s for s in WorkerState if s.has_engine} == {WorkerState.READY, WorkerState.GENERATING}
    assert {s for s in WorkerState if s.busy} == {WorkerState.LOADING, WorkerState.GENERATING}
    assert {s for s in WorkerState if s.changing_engine} == {WorkerState.LOADING, WorkerState.UNLOADING}
    assert WorkerState("ready") is WorkerState.READY  # the old strings still name the states


def test_the_runner_reports_worker_states(tiny_model_dir):  # noqa: F811 - the fixture
    from console.core.inference.loader import LoadOptions
    from console.core.inference.runner import ModelRunner
    from tests.conftest import wait_for
    from tests.core.inference.test_runner import Recorder

    rec = Recorder()
    r = ModelRunner(rec).start()
    try:
        r.submit_load(LoadOptions(str(tiny_model_dir)))
        rid = r.submit_generate([ChatMessage("user", "the water is hot")], GenParams(max_new_tokens=3))
        wait_for(lambda: rid in rec.done or rec.errors, 30, what="one answer")
        assert not rec.errors, rec.errors
        wait_for(lambda: rec.states[-1] is WorkerState.READY, 5, what="ready again")
    finally:
        assert r.stop(30)
    assert all(type(s) is WorkerState for s in rec.states), rec.states
    assert rec.states[0] is WorkerState.IDLE and rec.states[-1] is WorkerState.STOPPED
    assert WorkerState.LOADING in rec.states and WorkerState.GENERATING in rec.states
    assert r.state is WorkerState.STOPPED
