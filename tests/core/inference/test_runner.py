"""The model worker without Qt: a real thread, a real tiny model, queue, cancel, errors, telemetry."""

from __future__ import annotations

import threading

import pytest

from console.core.inference.loader import LoadOptions  # noqa: E402
from console.core.inference.runner import ModelRunner  # noqa: E402
from console.core.inference.telemetry import Telemetry  # noqa: E402
from console.core.inference.types import ChatMessage, GenParams  # noqa: E402
from tests.conftest import wait_for  # noqa: E402
from tests.tiny_model import tiny_model_dir  # noqa: E402,F401

PROMPT = [ChatMessage("user", "the water is hot")]


class Recorder:
    """Collects what the worker reports (the Qt wrapper emits signals at the same points)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.log: list[tuple] = []
        self.texts: dict[int, list[str]] = {}
        self.done: dict[int, object] = {}
        self.errors: list[tuple] = []
        self.queue: list[int] = []
        self.states: list[str] = []
        self.loaded_info: dict | None = None
        self.unloaded_info: dict | None = None
        self.estimates: list[dict] = []

    def state(self, state, info):
        self.states.append(state)

    def load_progress(self, stage, fraction):
        self.log.append(("progress", stage, fraction))

    def estimate(self, info):
        self.estimates.append(info)

    def loaded(self, info):
        self.loaded_info = info

    def unloaded(self, info):
        self.unloaded_info = info

    def text(self, rid, piece):
        with self.lock:
            self.texts.setdefault(rid, []).append(piece)

    def started(self, rid, wait):
        self.log.append(("started", rid))

    def finished(self, rid, metrics):
        self.done[rid] = metrics

    def error(self, rid, message, hint):
        self.errors.append((rid, message, hint))

    def queue_changed(self, n):
        self.queue.append(n)


@pytest.fixture
def runner(tiny_model_dir):
    rec = Recorder()
    tel = Telemetry(hz=20, window_s=10)
    r = ModelRunner(rec, telemetry=tel).start()
    r.submit_load(LoadOptions(str(tiny_model_dir)))
    wait_for(lambda: rec.loaded_info or rec.errors, 30, what="tiny model loaded")
    assert rec.loaded_info and not rec.errors, rec.errors
    yield r, rec, tel
    assert r.stop(30)
    tel.close()


def test_requests_run_in_order_with_metrics(runner):
    r, rec, tel = runner
    ids = [r.submit_generate(PROMPT, GenParams(max_new_tokens=8)) for _ in range(3)]
    wait_for(lambda: all(i in rec.done for i in ids), 30, what="three answers")
    started = [e[1] for e in rec.log if e[0] == "started"]
    assert started == ids  # one at a time, in order
    for i in ids:
        m = rec.done[i]
        assert m.new_tokens == 8 and m.ttft_s is not None and m.queue_wait_s >= 0
        assert "".join(rec.texts[i])
    assert rec.texts[ids[0]] == rec.texts[ids[1]]  # greedy: same prompt, same answer
    assert max(rec.queue) >= 1 and rec.queue[-1] == 0
    assert tel.requests.total == 3 and tel.summary()["ttft_s"]["p50"] is not None


def test_cancel_running_and_queued(runner):
    r, rec, _ = runner
    long = GenParams(max_new_tokens=400)
    a = r.submit_generate(PROMPT, long)
    b = r.submit_generate(PROMPT, long)
    wait_for(lambda: rec.texts.get(a), 20, what="first tokens of request a")
    assert r.cancel(b)  # queued: dropped without running
    assert r.cancel(a)  # running: stops between tokens
    wait_for(lambda: a in rec.done and b in rec.done, 20, what="both finished")
    assert rec.done[a].cancelled and rec.done[a].new_tokens < 400
    assert rec.done[b].cancelled and b not in rec.texts
    c = r.submit_generate(PROMPT, GenParams(max_new_tokens=3))  # the worker carries on
    wait_for(lambda: c in rec.done, 20, what="request after cancel")
    assert rec.done[c].new_tokens == 3 and not rec.done[c].cancelled


def test_refused_load_keeps_the_worker_alive(runner, tiny_model_dir):
    r, rec, _ = runner
    r.submit_load(LoadOptions(str(tiny_model_dir), max_memory={"cpu": "1MiB"}))
    wait_for(lambda: rec.errors, 20, what="refusal")
    rid, message, hint = rec.errors[-1]
    assert rid == 0 and "only 1 MiB is free" in message and hint
    # the refused load unloaded the old model first: say so, then generating needs a new load
    g = r.submit_generate(PROMPT, GenParams(max_new_tokens=3))
    wait_for(lambda: any(e[0] == g for e in rec.errors), 20, what="no-model error")
    r.submit_load(LoadOptions(str(tiny_model_dir)))
    g2 = r.submit_generate(PROMPT, GenParams(max_new_tokens=3))
    wait_for(lambda: g2 in rec.done, 30, what="answer after reload")
    assert r.running


def test_estimate_and_unload(runner, tiny_model_dir):
    r, rec, _ = runner
    r.submit_estimate(LoadOptions(str(tiny_model_dir)))
    wait_for(lambda: rec.estimates, 20, what="estimate")
    est = rec.estimates[-1]
    assert est["fits"] and est["needed_bytes"] > 0 and est["free_bytes"] > est["needed_bytes"]
    r.submit_unload()
    wait_for(lambda: rec.unloaded_info, 20, what="unload")
    assert rec.unloaded_info["collected"] and rec.unloaded_info["returned"]
    wait_for(lambda: rec.states[-1] == "idle", 5, what="idle state")


def test_stop_during_generation_joins_the_thread(tiny_model_dir):
    rec = Recorder()
    r = ModelRunner(rec).start()
    r.submit_load(LoadOptions(str(tiny_model_dir)))
    rid = r.submit_generate(PROMPT, GenParams(max_new_tokens=5000))  # lowered to the 512-token context
    wait_for(lambda: rec.texts.get(rid) or rec.errors, 30, what="generation under way")
    assert not rec.errors, rec.errors
    assert r.stop(20) and not r.running
    assert rec.states[-1] == "stopped" and rec.unloaded_info is None  # closed in the thread, no event needed


def test_cancel_while_loading_a_gguf(bundled_gguf, tmp_path, monkeypatch):
    """Cancel during the GGUF conversion stops at the next step; nothing half-written stays in the cache.

    (Loading checks for cancel between its steps and at every tensor of transformers' loops.)"""
    monkeypatch.setenv("AUTOGLM_MODEL_DIR", str(tmp_path / "models"))
    rec = Recorder()
    r = ModelRunner(rec).start()
    try:
        r.submit_load(LoadOptions(str(bundled_gguf)))
        wait_for(lambda: any(e[0] == "progress" and e[1] == "tokenizer" for e in rec.log), 30,
                 what="the GGUF load under way")
        assert r.cancel()
        wait_for(lambda: rec.errors, 60, what="the cancel report")
        assert rec.errors[-1][:2] == (0, "loading cancelled") and rec.loaded_info is None
        assert not any(e[0] == "progress" and e[1] == "save cache" for e in rec.log)
        assert list((tmp_path / "models").rglob("converted.json")) == []
        assert list((tmp_path / "models").rglob("*.part")) == []
        wait_for(lambda: rec.states[-1] == "idle", 5, what="idle again")
    finally:
        assert r.stop(30)
