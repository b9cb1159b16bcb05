"""TTFT and decode tok/s of RemoteEngine against llama-cpp-python's server (bundled GGUF, 1 thread),
with a plain non-streamed request of the same size as the baseline, in the same run; and the
client's own cost per request: RemoteEngine.models() against a bare http.client GET /v1/models."""
import argparse, http.client, json, statistics, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from console.core.demo.broker import free_port
from console.core.inference.bundled_model import bundled_model_path
from console.core.inference.remote import RemoteEngine
from console.core.inference.types import ChatMessage, GenParams

ap = argparse.ArgumentParser(description=__doc__)
ap.add_argument("--quick", action="store_true", help="2 requests of 32 tokens each")
args = ap.parse_args()
N, TOK = (2, 32) if args.quick else (5, 64)
port = free_port()
proc = subprocess.Popen([str(ROOT / ".venv-llama/bin/python"), "-m", "llama_cpp.server", "--model", str(bundled_model_path()),
                         "--model_alias", "smollm2", "--host", "127.0.0.1", "--port", str(port), "--n_threads", "1",
                         "--interrupt_requests", "False", "--verbose", "False"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    eng = RemoteEngine(f"http://127.0.0.1:{port}/v1", model="smollm2")
    while not eng.health().ok:
        time.sleep(0.2)
    msgs = [ChatMessage("user", "Count from 1 to 100, separated by commas.")]
    eng.generate(msgs, GenParams(max_new_tokens=4), lambda s: None, lambda: False)  # warm-up
    ttft, tps, e2e, toks = [], [], [], []
    for _ in range(N):
        m = eng.generate(msgs, GenParams(max_new_tokens=TOK), lambda s: None, lambda: False)
        ttft.append(m.ttft_s); tps.append(m.decode_tps); e2e.append(m.e2e_s); toks.append(m.new_tokens)
    plain = []
    for _ in range(N):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        t0 = time.perf_counter()
        c.request("POST", "/v1/chat/completions", json.dumps({"model": "smollm2", "messages": [{"role": "user", "content": msgs[0].content}],
                  "max_tokens": TOK, "temperature": 0.0, "top_p": 1.0}), {"Content-Type": "application/json"})
        r = json.loads(c.getresponse().read()); dt = time.perf_counter() - t0; c.close()
        plain.append((dt, r["usage"]["completion_tokens"]))
    raw = []
    for _ in range(N):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        t0 = time.perf_counter()
        c.request("POST", "/v1/chat/completions", json.dumps({"model": "smollm2", "messages": [{"role": "user", "content": msgs[0].content}],
                  "max_tokens": TOK, "temperature": 0.0, "top_p": 1.0, "stream": True}), {"Content-Type": "application/json"})
        r = c.getresponse()
        while r.readline():
            pass
        raw.append(time.perf_counter() - t0); c.close()
    models_ms, raw_models_ms = [], []
    for _ in range(10 * N):
        t0 = time.perf_counter(); eng.models(); models_ms.append((time.perf_counter() - t0) * 1000)
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        t0 = time.perf_counter(); c.request("GET", "/v1/models"); c.getresponse().read()
        raw_models_ms.append((time.perf_counter() - t0) * 1000); c.close()
    med = statistics.median
    plain_e2e = med(d for d, _ in plain)
    out = {"requests": N, "max_new_tokens": TOK, "new_tokens": med(toks), "ttft_ms": round(med(ttft) * 1000, 1),
           "decode_tok_s": round(med(tps), 1), "e2e_s": round(med(e2e), 3),
           "plain_e2e_s": round(plain_e2e, 3), "plain_tok_s": round(med(n / d for d, n in plain), 1),
           "stream_over_plain_e2e": round(med(e2e) / plain_e2e, 3),
           "raw_stream_e2e_s": round(med(raw), 3), "engine_over_raw_stream_e2e": round(med(e2e) / med(raw), 3),
           "models_ms": round(med(models_ms), 2), "raw_models_ms": round(med(raw_models_ms), 2)}
    print(json.dumps(out))
finally:
    proc.kill(); proc.wait()
