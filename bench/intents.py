"""The assistant measured: utterance → commands over the demo fleet, per layer and overall.

Sets (JSON lines, written before the code they measure):

- ``bench/intents_dev.jsonl`` (default): {"text", "expect": {"commands": [{"device", "params"}]} or
  {"refusal": true}, "names_device", "lang"}.
- ``bench/intents_heldout.jsonl``: the same shape, scored once at the end (``--heldout``).
- the older sets ``tests/data/utterances*.jsonl`` ({"expect": [{"device_id", "params"}]} or
  {"refuse": KIND}) are read too (``--dataset``).

Per layer (the layer that answered: rules, semantics, model, or ``refused`` for a refusal) and
overall: valid % (proposed commands that ``DeviceMeta.validate_params`` accepts unchanged), exact %
(the set of (device, params) equals the expected one, or a refusal was expected and given), the
wrong-direction count (a proposed command that goes against the direction words of its own clause, checked
the way the assistant's gate checks it: ``Assistant.direction_problem``, or opposes the expected value of a
bool/bound), refusal
precision/recall, p50/p95 latency.  exact % is also split by ``names_device`` and language.

``--model bundled|FILE.gguf|FOLDER`` (or ``--remote-url URL``) also loads the model layer, once, and
scores it on ``tests/data/ties.jsonl`` (utterances the rules read as a tie between devices): right
picks out of 10 and p50/p95 seconds, under ``"ties"``.
``--worker`` (with ``--model``) loads the model the way the console does, through the model worker
(``ModelRunner``: the scorer is built and warmed by the load job), and measures the model layer both
ways on that one model, the asks interleaved: directly on this thread (``"ties"``) and through
``ModelRunner.choose`` (``"ties_worker"``, with the hand-off: the time an ask spent outside the
scoring, queue and wake-ups), plus the load, the scorer stage and the first ask after the load.
``--quick`` runs one latency repetition; otherwise five passes over the set, each with a new assistant (the
assistant memoises readings per text: timing an ask right after itself would time the memo).  ``--show`` lists the misses.  The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from console.core.assistant.aliases import default_aliases  # noqa: E402
from console.core.fleet.catalog import load_fleet  # noqa: E402
from console.core.protocol import ProtocolError  # noqa: E402

DEV = ROOT / "bench" / "intents_dev.jsonl"
HELDOUT = ROOT / "bench" / "intents_heldout.jsonl"


def load_set(path: Path) -> list[dict]:
    """Rows in the new shape, whatever the file's shape."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        exp = row.get("expect")
        if "refuse" in row:
            exp = {"refusal": True}
        elif isinstance(exp, list):
            exp = {"commands": [{"device": c["device_id"], "params": c["params"]} for c in exp]}
        rows.append({"text": row["text"], "expect": exp, "names_device": row.get("names_device", True),
                     "lang": row.get("lang", "en"), "line": n})
    return rows


def canon(commands) -> frozenset:
    """Order-free, type-stable (device, params): 22 and 22.0 compare equal."""
    out = set()
    for c in commands:
        dev, params = (c["device"], c["params"]) if isinstance(c, dict) else (c.device_id, c.params)
        norm = {k: (v if isinstance(v, (bool, str)) else round(float(v), 6)) for k, v in params.items()}
        out.add((dev, json.dumps(norm, sort_keys=True)))
    return frozenset(out)


def opposes(meta, got: dict, want: dict | None) -> bool:
    """A proposed change that goes the other way than the expected one (a bool flipped, or a number
    on the wrong side of the expected value's bound: 100 where 0 was expected)."""
    if not want:
        return False
    for k, v in got.items():
        if k not in want:
            continue
        w = want[k]
        if isinstance(v, bool) and isinstance(w, bool) and v != w:
            return True
        cap = meta.capabilities.get(k)
        if cap is not None and cap.type in ("int", "float") and cap.min is not None and cap.max is not None \
                and not isinstance(v, bool):
            if float(w) == cap.min and float(v) > cap.min or float(w) == cap.max and float(v) < cap.max:
                if abs(float(v) - float(w)) > (cap.max - cap.min) / 2:
                    return True
    return False


def _direction_ok(text: str, prop, by_id, understand=None) -> bool:
    """The product's own direction check: the assistant's gate (``Assistant.direction_problem``: each clause's
    direction binds the devices that clause is about), so a two-clause ask that stops one thing and starts another
    is not counted; the whole-ask check only for a tree without it (the baseline)."""
    gate = getattr(getattr(understand, "__self__", None), "direction_problem", None)
    if gate is not None:
        return gate(text, prop) is None
    try:
        from console.core.assistant.direction_check import check_proposal
    except ImportError:  # before the direction check existed (the baseline)
        return True
    return check_proposal(text, prop, by_id) is None


def p95(xs) -> float:
    """The nearest-rank 95th percentile: the value at rank ceil(0.95 n) of the times SORTED (never below the
    median: with two times it is the larger)."""
    xs = sorted(xs)
    return xs[max(0, math.ceil(0.95 * len(xs)) - 1)]


def summarize_rows(results: list[dict]) -> dict:
    n = len(results)
    if not n:
        return {"utterances": 0}
    proposed = sum(r["proposed"] for r in results)
    valid = sum(r["valid"] for r in results)
    exp_ref = sum(r["want_refusal"] for r in results)
    pred_ref = sum(r["got_refusal"] for r in results)
    tp = sum(r["want_refusal"] and r["got_refusal"] for r in results)
    times = sorted(t for r in results for t in r["times"])
    out = {
        "utterances": n,
        "valid_pct": round(100.0 * valid / proposed, 2) if proposed else 100.0,
        "proposed": proposed,
        "exact_pct": round(100.0 * sum(r["hit"] for r in results) / n, 2),
        "wrong_direction": sum(r["wrong_direction"] for r in results),
        "refusal_precision": round(tp / pred_ref, 3) if pred_ref else None,
        "refusal_recall": round(tp / exp_ref, 3) if exp_ref else None,
        "p50_ms": round(1000 * statistics.median(times), 3),
        "p95_ms": round(1000 * p95(times), 3),
    }
    return out


def evaluate(understand, rows: list[dict], by_id: dict, reps: int, fresh=None) -> tuple[dict, list[dict]]:
    """Score ``rows``; each ask timed ``reps`` times, each repetition a pass over the whole set with a new
    assistant from ``fresh()`` (its per-text memos and the module's normalisation cache empty: an ask is never
    timed against its own earlier answer).  The answer scored is the first pass's."""
    passes = [understand]
    timed: list[list[float]] = [[] for _ in rows]
    props = []
    for rep in range(reps):
        if rep:
            passes.append(fresh() if fresh else understand)
        for i, row in enumerate(rows):
            t0 = time.perf_counter()
            prop = passes[rep](row["text"])
            timed[i].append(time.perf_counter() - t0)
            if not rep:
                props.append(prop)
    results = []
    for row, prop, times in zip(rows, props, timed):
        valid = wrong = 0
        want = {c["device"]: c["params"] for c in row["expect"].get("commands", [])}
        for c in prop.commands:
            try:
                valid += by_id[c.device_id].validate_params("set", c.params) == c.params
            except (ProtocolError, KeyError):
                pass
            if c.device_id in by_id and opposes(by_id[c.device_id], c.params, want.get(c.device_id)):
                wrong += 1
        if prop.commands and not _direction_ok(row["text"], prop, by_id, understand):
            wrong = max(wrong, 1)
        want_ref = bool(row["expect"].get("refusal"))
        got_ref = prop.refusal is not None
        if want_ref or got_ref:
            hit = want_ref and got_ref
        else:
            hit = canon(prop.commands) == canon(row["expect"]["commands"])
        layer = "refused" if got_ref else getattr(prop, "layer", "rules")
        results.append({"row": row, "layer": layer, "hit": hit, "valid": valid, "proposed": len(prop.commands),
                        "wrong_direction": wrong, "want_refusal": want_ref, "got_refusal": got_ref, "times": times,
                        "got": (prop.refusal.kind + ": " + prop.refusal.reason) if got_ref else
                        [(c.device_id, c.params, "model" if c.picked_by_model else "") for c in prop.commands]})
    overall = summarize_rows(results)
    named = [r for r in results if r["row"]["names_device"]]
    unnamed = [r for r in results if not r["row"]["names_device"]]
    overall["exact_pct_names_device"] = summarize_rows(named).get("exact_pct")
    overall["exact_pct_no_device"] = summarize_rows(unnamed).get("exact_pct")
    overall["exact_pct_by_lang"] = {lang: summarize_rows([r for r in results if r["row"]["lang"] == lang])["exact_pct"]
                                    for lang in sorted({r["row"]["lang"] for r in results})}
    overall["by_layer"] = {layer: {k: v for k, v in summarize_rows([r for r in results if r["layer"] == layer]).items()
                                   if k not in ("refusal_precision", "refusal_recall")}
                           for layer in sorted({r["layer"] for r in results})}
    return overall, [r for r in results if not r["hit"] or r["wrong_direction"]]


def make_understand(fleet, args):
    """The assistant as the console runs it (all layers), or the rules-only parser before they existed."""
    try:
        from console.core.assistant.layers import Assistant
    except ModuleNotFoundError as exc:  # only a tree from before the layers (the baseline), never a missing package
        if exc.name != "console.core.assistant.layers":
            raise
        from console.core.assistant.parser import IntentParser
        return IntentParser(fleet, default_aliases()).parse, {"engine": None}
    chooser, info = None, {"engine": None}
    if args.worker:
        return _worker_understand(fleet, args)
    if args.model or args.remote_url:
        from console.core.assistant.model_choice import chooser_from_args
        t0 = time.perf_counter()
        chooser, name = chooser_from_args(model=args.model or None, remote_url=args.remote_url or None)
        info = {"engine": name, "load_s": round(time.perf_counter() - t0, 2)}
    def fresh():  # a new assistant over a new copy of the fleet, the module's normalisation cache emptied
        from console.core.assistant import phrases
        phrases.normalize.cache_clear()
        return Assistant(load_fleet(), default_aliases(), chooser=chooser).understand

    info["fresh"] = fresh
    return Assistant(fleet, default_aliases(), chooser=chooser).understand, info


def _worker_understand(fleet, args):
    """The assistant over the model worker's ``choose`` (as the running console wires it), the model
    loaded by a ``ModelRunner``; ``info["direct"]``: an assistant over a chooser built from the same
    engine, called on this thread."""
    import threading

    from console.core.assistant.layers import Assistant
    from console.core.inference.bundled_model import bundled_model_path
    from console.core.inference.loader import LoadOptions
    from console.core.inference.runner import ModelRunner
    from console.core.inference.scoring import EngineChooser

    class Events:
        def __init__(self) -> None:
            self.done = threading.Event()
            self.stages: dict[str, float] = {}
            self.failure = None

        def __getattr__(self, name):  # state, text, … : nothing to do here
            return lambda *a, **k: None

        def load_progress(self, stage, fraction):
            self.stages.setdefault(f"{stage}@{fraction:g}", time.perf_counter())

        def loaded(self, info):
            self.done.set()

        def error(self, rid, message, hint):
            self.failure = message
            self.done.set()

    src = args.model or "bundled"
    path = bundled_model_path() if src == "bundled" else Path(src)
    ev = Events()
    runner = ModelRunner(ev).start()
    t0 = time.perf_counter()
    runner.submit_load(LoadOptions(source=str(path), on_no_fit="warn"))
    ev.done.wait(900)
    if ev.failure or runner.chooser is None:
        raise SystemExit(f"loading {path} through the model worker failed: {ev.failure}")
    st = ev.stages
    info = {"engine": path.name, "via": "model worker", "load_s": round(time.perf_counter() - t0, 2),
            "scorer_stage_s": round(st.get("scorer@1", t0) - st.get("scorer@0", t0), 2),
            "scorer_builds_at_load": runner.scorer_builds}
    worker = Assistant(fleet, default_aliases(), chooser=lambda u, o: runner.choose(u, o, timeout_s=120))
    direct_chooser = EngineChooser(runner.engine)
    direct_chooser.prepare()
    info["direct"] = Assistant(fleet, default_aliases(), chooser=direct_chooser).understand
    info["runner"] = runner
    return worker.understand, info


TIES = ROOT / "tests" / "data" / "ties.jsonl"


def _tie_rows() -> list[dict]:
    return [json.loads(line) for line in TIES.read_text(encoding="utf-8").splitlines() if line.strip()]


def _ties_summary(rows, props, times, extra=None) -> dict:
    right = sum(bool(p.commands) and p.commands[0].device_id == r["expect"] for r, p in zip(rows, props))
    times = sorted(times)
    out = {"utterances": len(rows), "right": right, "answered_by_model": sum(p.layer == "model" for p in props),
           "p50_s": round(statistics.median(times), 3), "p95_s": round(p95(times), 3)}
    return {**out, **(extra or {})}


def ties(understand, reps: int = 1) -> dict:
    """The model layer on tests/data/ties.jsonl: utterances the rules read as a tie between devices."""
    rows = _tie_rows()
    props, times = [], []
    for rep in range(reps):
        for row in rows:
            t0 = time.perf_counter()
            prop = understand(row["text"])
            times.append(time.perf_counter() - t0)
            if rep == 0:
                props.append(prop)
    return _ties_summary(rows, props, times)


def ties_both(worker_understand, info: dict, reps: int) -> dict:
    """The ties through the model worker and directly, each ask both ways in turn (the machine's load
    drifts; interleaving keeps the comparison fair).  Only the asks the model answers are timed."""
    runner, direct = info["runner"], info["direct"]
    rows = _tie_rows()
    t0 = time.perf_counter()
    worker_understand(rows[0]["text"])  # the first ask after the load
    first = time.perf_counter() - t0
    builds = runner.scorer_builds
    props = {"direct": [], "worker": []}
    times = {"direct": [], "worker": []}
    handoff, scoring = [], []
    for rep in range(reps):
        for row in rows:
            for name, f in (("direct", direct), ("worker", worker_understand)):
                runner.last_choice = {}
                t0 = time.perf_counter()
                prop = f(row["text"])
                dt = time.perf_counter() - t0
                if rep == 0:
                    props[name].append(prop)
                if prop.layer == "model" or (prop.refusal is not None and prop.refusal.kind == "ambiguous"):
                    times[name].append(dt)
                    if name == "worker" and runner.last_choice:
                        model_ms = prop.timing_ms.get("model", 0.0) / 1000
                        handoff.append(model_ms - runner.last_choice["score_s"])
                        scoring.append(runner.last_choice["score_s"])
    q = lambda xs: [round(statistics.median(xs), 4), round(p95(xs), 4)] if xs else None
    return {"ties": _ties_summary(rows, props["direct"], times["direct"]),
            "ties_worker": _ties_summary(rows, props["worker"], times["worker"], {
                "first_ask_after_load_s": round(first, 3), "scorer_builds_after_asks": runner.scorer_builds,
                "scorer_builds_before_asks": builds, "handoff_p50_p95_s": q(handoff),
                "scoring_on_worker_p50_p95_s": q(scoring)})}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", type=Path, default=DEV)
    ap.add_argument("--heldout", action="store_true", help="score bench/intents_heldout.jsonl instead")
    ap.add_argument("--model", default="", help="'bundled', a .gguf or a transformers folder: the model layer")
    ap.add_argument("--remote-url", default="", help="an OpenAI-compatible server for the model layer")
    ap.add_argument("--worker", action="store_true",
                    help="with --model: load through the model worker and time the model layer both ways")
    ap.add_argument("--tie-reps", type=int, default=3, help="repetitions of the ties (default 3)")
    ap.add_argument("--quick", action="store_true", help="one latency repetition (default 5)")
    ap.add_argument("--show", action="store_true", help="print each miss")
    args = ap.parse_args(argv)
    path = HELDOUT if args.heldout else args.dataset
    fleet = load_fleet()
    by_id = fleet.by_id()
    rows = load_set(path)
    understand, info = make_understand(fleet, args)
    fresh = info.pop("fresh", None)
    extras = {k: info.pop(k) for k in ("runner", "direct") if k in info}
    reps = 1 if args.quick or info.get("engine") else 5
    overall, misses = evaluate(understand, rows, by_id, reps, fresh)
    if args.show:
        for m in misses:
            print(f"MISS [{m['layer']}] line {m['row']['line']}: {m['row']['text']!r}\n"
                  f"   want {m['row']['expect']}\n   got  {m['got']}")
    out = {"bench": "intents", "set": path.name, **info,
           "zh": sum(r["lang"] == "zh" for r in rows),
           "no_device": sum(not r["names_device"] for r in rows),
           "refusals_expected": sum(bool(r["expect"].get("refusal")) for r in rows),
           **overall, "misses": len(misses)}
    if extras:  # the model layer through the worker and directly, on one loaded model
        out.update(ties_both(understand, {**info, **extras}, args.tie_reps))
        extras["runner"].stop()
    elif info.get("engine"):  # the model layer, on the utterances that reach it
        out["ties"] = ties(understand, args.tie_reps)
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
