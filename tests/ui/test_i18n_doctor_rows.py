"""zh_CN for the doctor's rare rows (issue 14): TLS and login failures against a real Mosquitto, the
quantization and CUDA rows, model-config errors from damaged files on disk, and the model's load line
(``MemoryEstimate.describe``).

Each row's name, expected value and hint must be a marked text (a Msg that lupdate finds at a
``QT_TRANSLATE_NOOP`` in console/core), and its value too unless it is plain data (a version, a path,
an address).  The committed zh_CN catalog must translate each one (the lead merges the .ts at the end:
until then the translation test lists what is missing).  A static check reads the doctor's modules and
fails on any English sentence that is not marked, so a new plain f-string row cannot slip in."""

from __future__ import annotations

import ast
import re
import struct
from pathlib import Path

import pytest

from console.core.demo.broker import EmbeddedBroker
from console.core.envcheck import cuda, model_checks, mqtt_checks, python_env, quant, remote_checks
from console.core.envcheck.mqtt_checks import broker_rows
from console.core.envcheck.result import CheckResult
from console.core.i18n import Msg
from console.core.inference import memory
from console.core.mqtt.link import BrokerConfig
from tests.pki import make_pki, pki_folder
from tests.ui.test_i18n_core import TS, FIELD, _sources, _ts_messages, core_marked  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parents[2]
USER, GOOD = "operator", "c0rrect-horse"
# two English words in a row, outside the {fields}: a sentence the operator would read untranslated
PROSE = re.compile(r"\b[A-Za-z]{2,}[ ,;]+[a-z]{3,}\b")


def _prose(text: str) -> bool:
    return bool(PROSE.search(FIELD.sub("", text)))


def _check_row(row: CheckResult, problems: list[str]) -> list[Msg]:
    """The row's texts; a problem for each one that is English and not marked."""
    out = []
    for f in ("name", "value", "expected", "hint"):
        text = getattr(row, f)
        if isinstance(text, Msg):
            out.append(text)
        elif text and _prose(text):  # plain data (a package name, a version, a path, a URL) stays as it is
            problems.append(f"{row.name}: its {f} {text!r} is not marked for translation")
    return out


# -- the rows, made by the core's own code -------------------------------------------------------
@pytest.fixture(scope="module")
def broker_failure_rows():
    """TLS and login failures from the real checks against real brokers."""
    rows: list[CheckResult] = []
    with pki_folder() as d:
        good = make_pki(d / "good").server_tls()
        other = make_pki(d / "other", server_dns=("broker.example.internal",), server_ip=()).server_tls()
        with EmbeddedBroker(kind="mosquitto", passwords={USER: GOOD}, tls=good) as b:
            for cfg in (BrokerConfig(host="127.0.0.1", port=b.port, tls=True),  # no CA: verify fails
                        BrokerConfig(host="127.0.0.1", port=b.port, tls=True, insecure=True),  # warns, anonymous
                        BrokerConfig(host="127.0.0.1", port=b.port, tls=True, insecure=True, username=USER,
                                     password="wrong", protocol="3.1.1"),
                        BrokerConfig(host="127.0.0.1", port=b.port, tls=True, ca_file=str(d / "no-such-ca.pem"))):
                rows += broker_rows(cfg, timeout=5)
        with EmbeddedBroker(kind="mosquitto", tls=other) as b:
            rows += broker_rows(BrokerConfig(host="127.0.0.1", port=b.port, tls=True, ca_file=other.cafile), timeout=5)
        with EmbeddedBroker(kind="mosquitto") as b:  # TLS against a plain port
            rows += broker_rows(BrokerConfig(host=b.host, port=b.port, tls=True), timeout=3)
    rows.append(mqtt_checks.step_tls(BrokerConfig(host="10.1.2.3", username="u", password="p"), timeout=1)[0])
    return rows


def model_error_rows(tmp: Path) -> list[CheckResult]:
    """Model files and config rows for damaged or incomplete models written here."""
    bad_json = tmp / "bad-json"
    bad_json.mkdir()
    (bad_json / "config.json").write_text("{not json", encoding="utf-8")
    (bad_json / "tokenizer.json").write_text("{}", encoding="utf-8")
    (bad_json / "model.safetensors").write_bytes(b"\0" * 4)
    no_keys = tmp / "no-keys"
    no_keys.mkdir()
    (no_keys / "config.json").write_text('{"model_type": "llama"}', encoding="utf-8")
    unknown = tmp / "unknown-type"
    unknown.mkdir()
    (unknown / "config.json").write_text('{"model_type": "not-a-real-arch", "hidden_size": 64, '
                                         '"num_hidden_layers": 2, "vocab_size": 100, "num_attention_heads": 4, '
                                         '"auto_map": {"AutoModel": "x.Y"}}', encoding="utf-8")
    plain = tmp / "unknown-plain"
    plain.mkdir()
    (plain / "config.json").write_text('{"model_type": "not-a-real-arch", "hidden_size": 64, "num_hidden_layers": 2, '
                                       '"vocab_size": 100, "num_attention_heads": 4}', encoding="utf-8")
    incomplete = tmp / "incomplete"
    incomplete.mkdir()
    (incomplete / "model.safetensors.index.json").write_text("[]", encoding="utf-8")
    old_gguf = tmp / "old.gguf"
    old_gguf.write_bytes(b"GGUF" + struct.pack("<I", 1) + b"\0" * 16)
    not_gguf = tmp / "not.gguf"
    not_gguf.write_bytes(b"PK\3\4 zip file")
    rows = []
    for source in (str(incomplete), str(not_gguf), str(tmp / "missing-folder"), "nobody-has/this-model"):
        rows.append(model_checks.resolve_model(source)[2])
    for kind, path in (("folder", bad_json), ("folder", no_keys), ("folder", unknown), ("folder", plain), ("gguf", old_gguf)):
        rows.append(model_checks.config_row(kind, path)[0])
    shape = memory.model_shape(unknown)
    try:
        model_checks.memory_row(shape, "fp64", "none", 512)
    except ValueError as exc:
        rows.append(model_checks._row(model_checks.NAMES[2], "fail", model_checks._exc_text(exc)))
    rows.append(model_checks.memory_row(shape, "fp32", "none", 512))
    return rows


def judged_rows() -> list[CheckResult]:
    """The pure judgements on inputs that reach their rare messages."""
    rows: list[CheckResult] = []
    for installed, err, has_cuda, q, probe in [(None, "", True, "4bit", ""), (None, "", False, "none", ""),
                                               ("0.1", "", True, "4bit", None), ("0.45", "OSError: libcudart", True,
                                                                                  "int8", ""),
                                               ("0.45", "", False, "4bit", ""), ("0.45", "", True, "int8", "boom"),
                                               ("0.45", "", True, "4bit", None)]:
        rows.append(quant.judge_bitsandbytes(installed, err, has_cuda, q, probe))
    rows += [quant.judge_gguf(None, ""), quant.judge_gguf("0.10", "ImportError: x"), quant.judge_gguf("0.10", "")]
    gpu = cuda.GpuFacts(0, "NVIDIA H100", (9, 0), 80 * 2**30, 10 * 2**30)
    rows += [cuda.judge_driver_vs_torch("11.8", "12.4", "520.61"), cuda.judge_driver_vs_torch("12.2", "12.4"),
             cuda.judge_driver_vs_torch("12.4", "13.0"), cuda.judge_driver_vs_torch(None, "12.4"),
             cuda.judge_driver_vs_torch("12.4", "12.4", "550.54"),
             cuda.judge_arch(None, []), cuda.judge_arch((9, 0), []), cuda.judge_arch((8, 9), ["sm_86"]),
             cuda.judge_arch((9, 0), ["sm_80", "compute_80"], "GPU 0", "2.5"),
             cuda.judge_arch((12, 0), ["sm_80"], "GPU 0"), cuda.judge_gpu_memory(gpu)]
    for facts in (cuda.CudaFacts(torch_error="ImportError: x"),
                  cuda.CudaFacts(torch_version="2.5", gpus=[gpu], driver_version="550", driver_cuda="12.4"),
                  cuda.CudaFacts(torch_version="2.5", torch_cuda="12.4", gpus=[gpu], driver_version="550",
                                 driver_cuda="12.4", arch_list=["sm_90"]),
                  cuda.CudaFacts(torch_version="2.5", torch_cuda="12.4", cuda_available=True, gpus=[gpu],
                                 driver_version="550", driver_cuda="12.4", arch_list=["sm_90"])):
        rows += cuda.judge_cuda(facts)
    rows += [python_env.judge_pyside_python(p, v) for p, v in ((None, (3, 11, 7)), ("x.y", (3, 11, 7)),
                                                                 ("6.12.0", (3, 11, 7)), ("6.12.1", (3, 11, 7)),
                                                                 ("6.11.3", (3, 12, 1)))]
    rows += [python_env.judge_present(dist, why, None) for dist, why in python_env.PRESENT_ONLY]
    return rows


def other_texts() -> list[Msg]:
    texts = [mqtt_checks.connack_hint(code, creds) for code in (*mqtt_checks.CONNACK_HINTS, 99)
             for creds in (False, True)]
    shape = memory.ModelShape(params=9_000_000_000, embedding_params=10**9, layers=40, hidden=4096,
                              intermediate=13696, vocab=151552, kv_heads=2, head_dim=128, max_context=None,
                              source="config.json")
    for q in ("none", "int8", "w4"):
        texts.append(memory.estimate_memory(shape, "bf16", q, 2048, device="cuda").describe())
    for call in (lambda: memory.normalize_dtype("fp64"), lambda: memory.normalize_quantization("3bit")):
        with pytest.raises(ValueError) as info:
            call()
        texts.append(info.value.args[0])
    return texts


def _all_texts(rows: list[CheckResult], extra: list[Msg]) -> list[Msg]:
    problems: list[str] = []
    texts = [t for r in rows for t in _check_row(r, problems)]
    assert not problems, "\n".join(problems)
    for t in extra:
        assert isinstance(t, Msg), f"{t!r} is not marked for translation"
    return texts + extra


def test_the_rare_doctor_rows_are_all_marked(core_marked, broker_failure_rows, tmp_path):
    rows = broker_failure_rows + model_error_rows(tmp_path) + judged_rows()
    statuses = {(r.name, r.status) for r in rows}
    # the inputs really reached the failures (a test that cannot fail is a defect)
    for name in ("Broker TLS", "Broker login (CONNACK)", "Model files", "Model config", "bitsandbytes",
                 "Driver vs torch CUDA"):
        assert (name, "fail") in statuses, f"no failed {name} row was made"
    hints = " ".join(r.hint for r in rows)
    for words in ("not signed by a CA", "is not for '127.0.0.1'", "probably a plain MQTT port", "Certificate "
                  "verification is off", "Check the CA/certificate/key paths", "rejected these credentials",
                  "does not accept anonymous clients", "does not know model_type", "The model's config is damaged"):
        assert words in hints, f"no row says {words!r}"
    texts = _all_texts(rows, other_texts())
    missing = sorted({s for t in texts for s in _sources(t) if FIELD.sub("", s[1]).strip(" ,")} - core_marked)
    assert not missing, f"shown by the UI but not found by lupdate: {missing}"


def test_the_load_line_matches_back_when_it_crossed_a_signal_as_plain_text():
    from console.ui.qt_i18n import matched

    shape = memory.ModelShape(params=135_000_000, embedding_params=28_000_000, layers=30, hidden=576,
                              intermediate=1536, vocab=49152, kv_heads=3, head_dim=64, max_context=None,
                              source="gguf")
    for q in ("none", "w8"):
        line = memory.estimate_memory(shape, "fp32", q, 2048, device="cpu").describe()
        back = matched(str(line), memory.ESTIMATE_TEMPLATES)
        assert back is not None and back.source == line.source and back == line
        if q == "w8":
            assert back.args["quant"] == "int8 weight-only" and line.args["quant"].source == "int8 weight-only"


# -- every text above has its Chinese ------------------------------------------------------------
def test_the_rare_doctor_texts_have_chinese(broker_failure_rows, tmp_path):
    """Fails until the lead merges /tmp/i18n/*.tsv into the .ts (lupdate over console/core too)."""
    ts = _ts_messages(TS)
    texts = _all_texts(broker_failure_rows + model_error_rows(tmp_path) + judged_rows(), other_texts())
    problems = set()
    for ctx, src in {s for t in texts for s in _sources(t)}:
        words = FIELD.sub("", src)
        if not re.search(r"[A-Za-z]{2,}", words) or words.strip() in ("CUDA", "GPUs", "Python"):
            continue
        tr = ts.get((ctx, src))
        text = tr.text if tr is not None and tr.get("type") is None else None
        if not text or not any(ord(ch) > 0x2e80 for ch in text):
            problems.add(f"{ctx}: {src!r} -> {text!r}")
    assert not problems, f"{len(problems)} texts lack zh_CN:\n" + "\n".join(sorted(problems))


# -- a static look at the doctor's modules: no English sentence outside a marker ------------------
DOCTOR_MODULES = [p for p in sorted((ROOT / "console" / "core" / "envcheck").glob("*.py"))
                  if p.name not in ("main.py", "report.py", "redact.py", "bundle.py", "__init__.py")]  # CLI and files
DOCTOR_MODULES.append(ROOT / "console" / "core" / "inference" / "memory.py")
DOCTOR_MODULES.append(ROOT / "console" / "core" / "versions.py")  # what each dependency is for
DOCTOR_MODULES += sorted((ROOT / "console" / "core" / "inference" / "remote").glob("*.py"))  # the Model server row
# reviewed: what the operator never reads as prose (log lines, commands, type names, matched stderr words)
NOT_PROSE = re.compile(r"^(doctor check|doctor on_result|CheckResult \||No module named|Could not load|could not "
                       r"connect|ip address mismatch|torch\.cuda\.is_available\(\) is False|Model server|make setup"
                       r"|\| )")  # "| ": versions.py's Markdown table for the README (English by design)


def _english_literals(path: Path) -> list[str]:
    src = path.read_text(encoding="utf-8")
    tree = ast.parse(src)
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("debug", "info", "warning", "exception",
                                                                           "error"):
            skip.update(id(n) for n in ast.walk(node))  # a log line
        if isinstance(node, ast.Raise) and node.exc is not None and "ModelFormatError" not in ast.unparse(node.exc):
            skip.update(id(n) for n in ast.walk(node))  # a programming error, not a row (marked where it is one)
        if isinstance(node, ast.Assign) and any(getattr(t, "attr", "") == "__doc__" for t in node.targets):
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Compare):
            skip.update(id(n) for n in ast.walk(node))  # `"expired" in msg`: matched, not shown
        if isinstance(node, ast.keyword) and node.arg == "details":
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if _prose(text) and not NOT_PROSE.match(text.strip()) and not text.lstrip().startswith("pip install"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:90]!r}")
    return found


def test_no_english_sentence_in_the_doctor_is_left_unmarked():
    found = [f for p in DOCTOR_MODULES for f in _english_literals(p)]
    assert not found, "English the GUI would show untranslated (mark it with QT_TRANSLATE_NOOP):\n" + "\n".join(found)


def test_the_static_check_finds_an_unmarked_row(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('def f(x):\n    return CheckResult("n", "fail", f"cannot read {x} today", hint="Fix the file.")\n')
    global ROOT
    old, ROOT = ROOT, tmp_path
    try:
        assert len(_english_literals(bad)) == 2
    finally:
        ROOT = old
