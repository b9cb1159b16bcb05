"""Utterance → commands on the evaluation set (tests/data/utterances.jsonl), against a baseline.

The parser (console/core/assistant/parser.py: rules + bilingual aliases) and the trivial baseline (the same
value rules, but a device is found only when its exact catalog name or id is in the utterance: no
aliases, zones, kinds or plurals) read every utterance of the set in the same run.

Reported: valid % (proposed commands that DeviceMeta.validate_params accepts, re-checked here),
exact % (the set of proposed (device, params) equals the expected one, or a refusal was expected
and given), refusal precision/recall, refusal-kind accuracy, exact % per language, p50/p95 parse
latency, and ``exact_ratio`` = parser exact % / baseline exact %.  The last line of output is one
JSON object.  ``--quick`` runs fewer latency repetitions (same fields); ``--show`` lists misses.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from console.core.fleet.catalog import load_fleet  # noqa: E402
from console.core.assistant.aliases import default_aliases  # noqa: E402
from console.core.assistant.parser import IntentParser  # noqa: E402
from console.core.protocol import ProtocolError  # noqa: E402

DATASET = ROOT / "tests" / "data" / "utterances.jsonl"
# written after the parser, each scored once before any fix (docs/ASSISTANT.md has those first-run numbers)
HOLDOUT = [ROOT / "tests" / "data" / "utterances_holdout.jsonl", ROOT / "tests" / "data" / "utterances_fresh.jsonl"]


def load_set(path: Path = DATASET) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            row["line"] = n
            rows.append(row)
    return rows


def canon(commands) -> frozenset:
    """Order-free, type-stable form of a list of {device_id, params}: 22 and 22.0 compare equal."""
    out = set()
    for c in commands:
        params = c["params"] if isinstance(c, dict) else c.params
        dev = c["device_id"] if isinstance(c, dict) else c.device_id
        norm = {k: (v if isinstance(v, (bool, str)) else round(float(v), 6)) for k, v in params.items()}
        out.add((dev, json.dumps(norm, sort_keys=True)))
    return frozenset(out)


def evaluate(parser: IntentParser, rows: list[dict], by_id: dict, reps: int) -> dict:
    exact = valid = proposed = 0
    tp = pred_refusals = exp_refusals = kind_ok = 0
    per_lang: dict[str, list[int]] = {}
    times: list[float] = []
    misses = []
    for row in rows:
        for _ in range(reps):
            t0 = time.perf_counter()
            prop = parser.parse(row["text"])
            times.append(time.perf_counter() - t0)
        for c in prop.commands:
            proposed += 1
            try:
                if by_id[c.device_id].validate_params("set", c.params) == c.params:
                    valid += 1
            except (ProtocolError, KeyError):
                pass
        want_refusal = "refuse" in row
        got_refusal = prop.refusal is not None
        exp_refusals += want_refusal
        pred_refusals += got_refusal
        if want_refusal and got_refusal:
            tp += 1
            kind_ok += prop.refusal.kind == row["refuse"]
            hit = True
        elif not want_refusal and not got_refusal:
            hit = canon(prop.commands) == canon(row["expect"])
        else:
            hit = False
        exact += hit
        per_lang.setdefault(row["lang"], []).append(int(hit))
        if not hit:
            got = prop.refusal.kind + ": " + prop.refusal.reason if got_refusal else [
                (c.device_id, c.params) for c in prop.commands]
            misses.append({"line": row["line"], "text": row["text"], "want": row.get("refuse") or row["expect"],
                           "got": got})
    n = len(rows)
    times.sort()
    return {
        "valid_pct": round(100.0 * valid / proposed, 2) if proposed else 100.0,
        "proposed": proposed,
        "exact_pct": round(100.0 * exact / n, 2),
        "refusal_precision": round(tp / pred_refusals, 3) if pred_refusals else 0.0,
        "refusal_recall": round(tp / exp_refusals, 3) if exp_refusals else 0.0,
        "refusal_kind_acc": round(kind_ok / tp, 3) if tp else 0.0,
        "exact_pct_by_lang": {k: round(100.0 * sum(v) / len(v), 2) for k, v in sorted(per_lang.items())},
        "p50_ms": round(1000 * statistics.median(times), 3),
        "p95_ms": round(1000 * times[int(0.95 * (len(times) - 1))], 3),
        "misses": misses,
    }


TIES = ROOT / "tests" / "data" / "ties.jsonl"


def make_score(model, tok):
    """Summed log-probabilities of each continuation after the prompt (the recipe in docs/ASSISTANT.md)."""
    import torch

    @torch.no_grad()
    def score(prompt, conts):
        p = tok(prompt, return_tensors="pt").input_ids
        out = []
        for c in conts:
            ids = torch.cat([p, tok(c, add_special_tokens=False, return_tensors="pt").input_ids], 1).to(model.device)
            logp = model(ids).logits[0, :-1].log_softmax(-1)
            tgt = ids[0, 1:]
            out.append(float(logp[p.shape[1] - 1:].gather(1, tgt[p.shape[1] - 1:, None]).sum()))
        return out

    return score


def load_lm(source: str):
    """A GGUF file (de-quantized in memory, no cache written) or a transformers folder."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from console.core.inference.bundled_model import bundled_model_path

    path = bundled_model_path() if source == "bundled" else Path(source)
    if path.suffix == ".gguf":
        kw = {"gguf_file": path.name}
        folder = path.parent
    else:
        kw, folder = {}, path
    tok = AutoTokenizer.from_pretrained(str(folder), **kw)
    model = AutoModelForCausalLM.from_pretrained(str(folder), dtype=torch.float32, **kw)
    model.eval()
    return model, tok, path.name


def tie_break(fleet, source: str) -> dict:
    """The model's picks on tests/data/ties.jsonl against 'first candidate in catalog order'."""
    from console.core.assistant.ranker import likelihood_ranker

    t0 = time.perf_counter()
    model, tok, name = load_lm(source)
    load_s = time.perf_counter() - t0
    model_ranker = likelihood_ranker(make_score(model, tok))
    rows = load_set(TIES)
    first = IntentParser(fleet, default_aliases(), ranker=lambda u, c: [1.0] + [0.0] * (len(c) - 1))
    ranked = IntentParser(fleet, default_aliases(), ranker=model_ranker)
    right = first_right = 0
    times, picks = [], []
    for row in rows:
        t1 = time.perf_counter()
        prop = ranked.parse(row["text"])
        times.append(time.perf_counter() - t1)
        got = prop.commands[0].device_id if prop.commands and prop.commands[0].picked_by_model else None
        right += got == row["expect"]
        base = first.parse(row["text"])
        first_right += bool(base.commands) and base.commands[0].device_id == row["expect"]
        picks.append({"text": row["text"], "want": row["expect"], "got": got})
    n = len(rows)
    return {"model": name, "load_s": round(load_s, 1), "ties": n, "model_right": right,
            "first_candidate_right": first_right, "p50_s": round(statistics.median(times), 3), "picks": picks}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer latency repetitions (< 30 s), same fields")
    ap.add_argument("--show", action="store_true", help="print each utterance the parser gets wrong")
    ap.add_argument("--dataset", type=Path, default=DATASET)
    ap.add_argument("--model", default="", help="also measure the tie-break with this model ('bundled', a .gguf "
                                                 "or a transformers folder) on tests/data/ties.jsonl; not with --quick")
    ap.add_argument("--holdout", type=Path, nargs="*", default=HOLDOUT,
                    help="sets written after the parser, reported together under 'holdout'")
    args = ap.parse_args(argv)
    reps = 3 if args.quick else 30

    fleet = load_fleet()
    by_id = fleet.by_id()
    rows = load_set(args.dataset)
    t0 = time.perf_counter()
    rules = IntentParser(fleet, default_aliases())
    build_ms = 1000 * (time.perf_counter() - t0)
    baseline = IntentParser(fleet, None, names_only=True)
    res = evaluate(rules, rows, by_id, reps)
    base = evaluate(baseline, rows, by_id, reps)
    hold = None
    sets = [p for p in args.holdout if p.is_file() and p.stat().st_size and p != args.dataset]
    if sets:
        hrows = [r for p in sets for r in load_set(p)]
        hold = evaluate(rules, hrows, by_id, 1)
        hbase = evaluate(baseline, hrows, by_id, 1)
        hold = {"utterances": len(hrows), **{k: hold[k] for k in ("valid_pct", "exact_pct", "refusal_precision",
                                                                  "refusal_recall", "exact_pct_by_lang")},
                "exact_pct_by_set": {p.stem: evaluate(rules, load_set(p), by_id, 1)["exact_pct"] for p in sets},
                "misses": hold["misses"], "baseline_exact_pct": hbase["exact_pct"],
                "exact_ratio": round(hold["exact_pct"] / hbase["exact_pct"], 2) if hbase["exact_pct"] else None}
    if args.show:
        for m in res["misses"] + (hold["misses"] if hold else []):
            print(f"MISS line {m['line']}: {m['text']!r}\n   want {m['want']}\n   got  {m['got']}")
    out = {
        "bench": "intents",
        "quick": args.quick,
        "utterances": len(rows),
        "zh": sum(r["lang"] == "zh" for r in rows),
        "refusals_expected": sum("refuse" in r for r in rows),
        "multi_device": sum(len(r.get("expect", [])) > 1 for r in rows),
        **{k: v for k, v in res.items() if k != "misses"},
        "misses": len(res["misses"]),
        "build_ms": round(build_ms, 2),
        "baseline": {k: v for k, v in base.items() if k not in ("misses", "exact_pct_by_lang")},
        "exact_ratio": round(res["exact_pct"] / base["exact_pct"], 2) if base["exact_pct"] else None,
    }
    if args.model and not args.quick:
        tb = tie_break(fleet, args.model)
        if args.show:
            for pick in tb["picks"]:
                print(f"TIE {pick['text']!r}: want {pick['want']}, model {pick['got']}")
        out["tie_break"] = {k: v for k, v in tb.items() if k != "picks"}
    if hold is not None:
        out["holdout"] = {**{k: v for k, v in hold.items() if k != "misses"}, "misses": len(hold["misses"])}
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
