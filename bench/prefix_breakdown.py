"""Where the time of a prefix-cache hit goes (fast path, CUDA): host steps and GPU time, in order.

Replays FastRunner.generate's hit path step by step with a timestamp after each (and CUDA events around
the GPU work): token ids, prefix reuse (the rows still in the static cache, or a cache lookup and a KV
copy), the 16-token prefill (graph replay), the first token's read-back.  One JSON object on the last line.

    python bench/prefix_breakdown.py [--model qwen2-1.5b] [--prefix 1500] [--new 16]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from bench.decode import build  # noqa: E402
from console.core.inference import fastdecode  # noqa: E402
from console.core.inference.decode import stream_generate  # noqa: E402
from console.core.inference.prefix_cache import PrefixCache  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="qwen2-1.5b")
    ap.add_argument("--prefix", type=int, default=1500)
    ap.add_argument("--new", type=int, default=16)
    ap.add_argument("--reps", type=int, default=10)
    args = ap.parse_args(argv)
    if not torch.cuda.is_available():
        print(json.dumps({"bench": "prefix_breakdown", "error": "needs CUDA"}))
        return 1
    dev = torch.device("cuda")
    model = build(args.model, False, dev, torch.bfloat16)
    vocab = model.config.vocab_size
    g = torch.Generator().manual_seed(7)
    prefix = torch.randint(0, vocab, (args.prefix,), generator=g)

    def ask(on_gpu=True):
        ids = torch.cat([prefix, torch.randint(0, vocab, (args.new,), generator=g)]).unsqueeze(0)
        return ids.to(dev) if on_gpu else ids

    cache = PrefixCache(max_bytes=4 << 30)
    for _ in range(3):  # fill the cache, capture the graphs
        stream_generate(model, ask(), 1, eos_token_ids=set(), should_stop=lambda: False, on_token=lambda t: None,
                        prefix_cache=cache)
    runner = fastdecode.runner_for(model)
    rows: dict[str, list[float]] = {}
    ttfts = {"ids_on_gpu": [], "ids_on_cpu": []}
    for rep in range(args.reps):
        for where in ("ids_on_gpu", "ids_on_cpu"):
            input_ids = ask(on_gpu=where == "ids_on_gpu")
            torch.cuda.synchronize()
            e0, e1 = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            with torch.inference_mode():
                t = [time.perf_counter()]
                query = input_ids[0].cpu().numpy().astype("int64", copy=True)
                t.append(time.perf_counter())
                ids = input_ids.to(dev)[0]
                runner._ensure_capacity(ids.shape[0] + 1)
                t.append(time.perf_counter())
                e0.record()
                n_cached = runner._reuse_prefix(query, cache)  # lookup, and a KV copy where needed
                runner.resident = query[:n_cached]
                t.append(time.perf_counter())
                first = runner.prefill(ids[n_cached:], n_cached)
                runner.resident = query
                e1.record()
                t.append(time.perf_counter())
                tok = int(first.item())
                t.append(time.perf_counter())
            del tok
            gpu_ms = e0.elapsed_time(e1)
            steps = ["token_ids", "to+capacity", "reuse_prefix", "prefill_launch", "sync+item"]
            for name, a, b in zip(steps, t, t[1:]):
                rows.setdefault(f"{where}:{name}_ms", []).append((b - a) * 1e3)
            rows.setdefault(f"{where}:gpu_copy+prefill_ms", []).append(gpu_ms)
            ttfts[where].append((t[-1] - t[0]) * 1e3)
    out = {"bench": "prefix_breakdown", "device": torch.cuda.get_device_name(), "model": args.model,
           "prefix_tokens": args.prefix, "new_tokens": args.new, "graphs": len(runner.graphs),
           "median_ms": {k: round(statistics.median(v), 3) for k, v in rows.items()},
           "ttft_ms": {k: round(statistics.median(v), 3) for k, v in ttfts.items()}}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
