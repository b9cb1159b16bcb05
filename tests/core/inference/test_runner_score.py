"""The model worker's choose job: the assistant's model layer scored on the worker thread against the
loaded tiny model, answered through a Future; None at once without a model, None (never a hang) when
the worker is busy past the timeout or stopped.  The scorer is built by the load (its own progress
stage, before ``loaded``), so the first ask builds nothing."""

from __future__ import annotations

import threading

import pytest

from console.core.inference.jobs import ChooseRequest
from console.core.inference.loader import LoadOptions, load_model  # noqa: E402
from console.core.inference.runner import ModelRunner  # noqa: E402
from console.core.inference.scoring import PROMPT, likelihood_choose, lm_scorer
from console.core.inference.types import ChatMessage, GenParams  # noqa: E402
from tests.conftest import wait_for  # noqa: E402
from tests.tiny_model import tiny_model_dir  # noqa: E402,F401

OPTIONS = ["the water is hot", "a man will turn", "turn the light on"]  # words the tiny tokenizer knows


class Events:
    """The runner's events; ``started`` can hold the worker thread (a gate) to keep it busy."""

    def __init__(self) -> None:
        self.loaded_info: dict | None = None
        self.errors: list[tuple] = []
        self.queue: list[int] = []
        self.gate: threading.Event | None = None
        self.holding = threading.Event()
        self.log: list[tuple] = []  # load progress and loaded/unloaded, in order

    def state(self, state, info): ...
    def estimate(self, info): ...
    def text(self, rid, piece): ...
    def finished(self, rid, metrics): ...

    def load_progress(self, stage, fraction):
        self.log.append((stage, fraction))

    def unloaded(self, info):
        self.log.append(("unloaded",))
        self.unload_info = info

    def loaded(self, info):
        self.log.append(("loaded",))
        self.loaded_info = info

    def started(self, rid, wait):
        if self.gate is not None:
            self.holding.set()
            self.gate.wait(60)

    def error(self, rid, message, hint):
        self.errors.append((rid, message, hint))

    def queue_changed(self, n):
        self.queue.append(n)


def queued_choices(r: ModelRunner) -> int:
    with r._cv:
        return sum(isinstance(j.payload, ChooseRequest) for j in r._jobs)


@pytest.fixture
def runner(tiny_model_dir):
    ev = Events()
    r = ModelRunner(ev).start()
    r.submit_load(LoadOptions(str(tiny_model_dir)))
    wait_for(lambda: ev.loaded_info or ev.errors, 30, what="tiny model loaded")
    assert ev.loaded_info and not ev.errors, ev.errors
    yield r, ev
    if ev.gate is not None:
        ev.gate.set()
    assert r.stop(30)


def test_no_model_answers_none_without_queueing():
    ev = Events()
    r = ModelRunner(ev)
    assert r.choose("turn the light on", OPTIONS) is None  # not started
    r.start()
    try:
        assert r.choose("turn the light on", OPTIONS, timeout_s=30) is None  # started, nothing loaded
        assert ev.queue == []  # never queued: nothing waited on the worker
    finally:
        assert r.stop(30)


def test_the_worker_picks_what_the_scorer_picks(runner, tiny_model_dir):
    r, _ = runner
    loaded = load_model(LoadOptions(str(tiny_model_dir)))  # the same model, scored here for reference
    score = lm_scorer(loaded.model, loaded.tokenizer)  # int8 on a CPU, as the worker scores a small model
    for utterance in ("turn the light on", "the water is hot", "a man"):
        want = likelihood_choose(score, utterance, OPTIONS)
        assert want is not None  # random weights, distinct words: no tie
        assert r.choose(utterance, OPTIONS, timeout_s=30) == want
        scores = score(PROMPT.format(utterance=utterance), [" " + o for o in OPTIONS])
        assert scores.index(max(scores)) == want
    assert r.choose("turn the light on", ["the water", "the water"], timeout_s=30) is None  # a tie: no pick
    assert r.choose("x", [], timeout_s=30) is None


def test_busy_past_the_timeout_is_none_and_leaves_nothing_queued(runner):
    r, ev = runner
    ev.gate = threading.Event()
    r.submit_generate([ChatMessage("user", "the water is hot")], GenParams(max_new_tokens=2))
    assert ev.holding.wait(30)  # the worker is held inside the request
    assert r.choose("turn the light on", OPTIONS, timeout_s=0.3) is None
    assert queued_choices(r) == 0  # the given-up job was taken out of the queue
    ev.gate.set()
    assert r.choose("turn the light on", OPTIONS, timeout_s=30) in range(len(OPTIONS))  # it carries on


def test_stopping_the_worker_answers_a_waiting_choice_none(runner):
    r, ev = runner
    ev.gate = threading.Event()
    r.submit_generate([ChatMessage("user", "the water is hot")], GenParams(max_new_tokens=2))
    assert ev.holding.wait(30)
    got: list = []
    asker = threading.Thread(target=lambda: got.append(r.choose("turn the light on", OPTIONS, timeout_s=120)),
                             name="test-asker")
    asker.start()
    wait_for(lambda: queued_choices(r) == 1, 20, what="the choice queued behind the held request")
    stopper = threading.Thread(target=r.stop, args=(30,), name="test-stopper")
    stopper.start()
    asker.join(30)  # answered by stop itself, while the worker is still held
    assert not asker.is_alive() and got == [None]
    ev.gate.set()
    stopper.join(30)
    assert not stopper.is_alive() and not r.running
    assert r.choose("turn the light on", OPTIONS, timeout_s=30) is None  # stopped: at once


def test_a_remote_engine_is_asked_for_a_number_on_the_worker(llama, caplog):
    ev = Events()
    r = ModelRunner(ev).start()
    try:
        r.submit_connect(llama.engine, {"source": "llama.cpp"})
        wait_for(lambda: ev.loaded_info or ev.errors, 60, what="connected to the llama.cpp server")
        assert ev.loaded_info and not ev.errors, ev.errors
        opts = ["office ceiling lamp: on", "office desk lamp: on"]
        picks = {r.choose("turn on the office lamp", opts, timeout_s=60) for _ in range(2)}
        assert len(picks) == 1 and picks <= {None, 0, 1}  # greedy: the same answer, a listed one or none
        assert not [rec for rec in caplog.records if "could not choose" in rec.getMessage()]  # asked, no error
    finally:
        assert r.stop(30)


def test_the_load_builds_the_scorer_and_the_first_ask_builds_nothing(runner, tiny_model_dir):
    r, ev = runner
    stages = [e[0] for e in ev.log]
    # the scorer is a stage of the load, reported before ``loaded`` (and "ready" again after it)
    assert ("scorer", 0.0) in ev.log and ("scorer", 1.0) in ev.log
    assert stages.index("scorer") < stages.index("loaded") and stages[-2:] == ["ready", "loaded"]
    chooser = r.chooser
    assert r.scorer_builds == 1 and chooser is not None and chooser.local
    scorer = chooser.scorer
    assert scorer.quantized  # a small model on a CPU: its int8 copy scores
    assert scorer.calls == 1 and scorer.kept_tokens > 0  # the warm-up ran: the fixed instruction is kept

    assert r.choose("turn the light on", OPTIONS, timeout_s=30) in range(len(OPTIONS))
    assert r.scorer_builds == 1 and r.chooser is chooser and scorer.calls == 2  # the ask built nothing
    assert set(r.last_choice) == {"queue_wait_s", "score_s"} and r.last_choice["score_s"] > 0

    r.submit_unload()
    wait_for(lambda: ("unloaded",) in ev.log, 30, what="unloaded")
    assert r.chooser is None  # the scorer went with the model
    assert ev.unload_info.get("collected") is True  # its int8 copy kept no reference to the model
    r.submit_load(LoadOptions(str(tiny_model_dir)))
    wait_for(lambda: ev.log.count(("loaded",)) == 2 or ev.errors, 30, what="loaded again")
    assert r.scorer_builds == 2 and r.chooser is not None and r.chooser is not chooser
    assert r.choose("turn the light on", OPTIONS, timeout_s=30) in range(len(OPTIONS))
    assert r.scorer_builds == 2


def test_a_scorer_that_fails_while_loading_is_built_by_the_first_ask(tiny_model_dir, monkeypatch):
    """Preparing is an optimisation: the model still loads, and the first ask builds the scorer."""
    import console.core.inference.scoring as scoring

    real_warm = scoring.LmScorer.warm
    fail = {"on": True}

    def warm(self):
        if fail["on"]:
            raise RuntimeError("no memory for the scoring copy")
        real_warm(self)

    monkeypatch.setattr(scoring.LmScorer, "warm", warm)
    ev = Events()
    r = ModelRunner(ev).start()
    try:
        r.submit_load(LoadOptions(str(tiny_model_dir)))
        wait_for(lambda: ev.loaded_info or ev.errors, 30, what="tiny model loaded")
        assert ev.loaded_info and not ev.errors  # loaded all the same
        assert r.chooser is None and r.scorer_builds == 1
        fail["on"] = False
        assert r.choose("turn the light on", OPTIONS, timeout_s=30) in range(len(OPTIONS))
        assert r.scorer_builds == 2 and r.chooser is not None
    finally:
        assert r.stop(30)
