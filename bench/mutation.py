"""Mutation score of the safety-critical core, run on purpose (not part of the test suite).

Owns: which modules count as safety-critical, which tests guard each one, and how a mutmut run over
one module becomes one JSON line.  The tool is mutmut 3.x (``pip install -e '.[test]'``): it mutates
function by function through trampolines, runs only the tests that reach the mutated function (it
records which ones once, then forks per mutant), and needs no configuration beyond a few keys -- so a
module with a few hundred mutants finishes in minutes on two cores.  cosmic-ray was the alternative;
it wants a session database and a config file per run and re-imports the whole test suite per mutant.

Each module runs in its own scratch copy of ``console/`` and ``tests/`` (mutmut writes ``mutants/``
next to the sources), restricted to the tests relevant to it.  Output, one line per module::

    {"module": "redact", "file": "...", "mutants": 56, "killed": 53, "survived": 3, "timeout": 0,
     "no_tests": 0, "score": 0.946, "seconds": 14.2, "surviving": ["...x_redact__mutmut_3", ...]}

Usage::

    .venv/bin/python bench/mutation.py                 # every module, smallest first
    .venv/bin/python bench/mutation.py redact outbox   # some of them
    .venv/bin/python bench/mutation.py --jobs 4 --keep /tmp/mut   # keep scratch trees to inspect
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# module -> (source file, tests that guard it); smallest first
MODULES: dict[str, tuple[str, list[str]]] = {
    "redact": ("console/core/envcheck/redact.py", ["tests/core/envcheck/test_known_secrets.py", "tests/core/envcheck/test_bundle.py"]),
    "confirmation": ("console/core/commands/confirmation.py",
                     ["tests/core/commands/test_confirmation_rules.py", "tests/core/commands/test_wording.py",
                      "tests/core/commands/test_submit_path.py"]),
    "outbox": ("console/core/commands/outbox.py",
               ["tests/core/commands/test_outbox_claim.py", "tests/core/commands/test_migration.py",
                "tests/core/commands/test_pipeline_guards.py", "tests/core/commands/test_pipeline.py"]),
    "registry": ("console/core/fleet/registry.py", ["tests/core/fleet"]),
    "protocol": ("console/core/protocol.py",
                 ["tests/core/test_protocol_hostile.py", "tests/core/fleet/test_registry.py",
                  "tests/core/commands/test_confirmation_rules.py"]),
    "pipeline": ("console/core/commands/pipeline.py",
                 ["tests/core/commands/test_pipeline.py",
                  "tests/core/commands/test_pipeline_guards.py", "tests/core/commands/test_submit_path.py"]),
}

KILLED = {1, 3, 37}          # a test failed / pytest errored / type check caught it
TIMEOUT = {-24, 24, 36, 152, 255}
NO_TESTS = {5, 33}
SKIPPED = {34}


def _prepare(workdir: Path, source: str, tests: list[str]) -> None:
    """A scratch tree with the package, the tests and a pyproject that points mutmut at one file."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "console", workdir / "console", ignore=ignore)
    shutil.copytree(ROOT / "tests", workdir / "tests", ignore=ignore)
    shutil.copytree(ROOT / "resources", workdir / "resources", ignore=ignore)  # the demo fleet, model files
    existing = [t for t in tests if (ROOT / t).exists()]
    (workdir / "pyproject.toml").write_text(
        "[tool.pytest.ini_options]\n"
        'qt_api = "pyside6"\ntestpaths = ["tests"]\ntimeout = 300\n\n'
        "[tool.mutmut]\n"
        'source_paths = ["console"]\n'
        'also_copy = ["resources"]\n'
        f"only_mutate = [{json.dumps(source)}]\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(existing)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x"]\n'
    )


def _tally(workdir: Path, source: str) -> dict:
    meta = workdir / "mutants" / (source + ".meta")
    codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
    counted = {k: c for k, c in codes.items() if c not in SKIPPED}
    killed = sum(c in KILLED for c in counted.values())
    timeout = sum(c in TIMEOUT for c in counted.values())
    no_tests = sum(c in NO_TESTS for c in counted.values())
    surviving = sorted(k for k, c in counted.items() if c not in KILLED | TIMEOUT)
    total = len(counted)
    return {
        "mutants": total,
        "killed": killed,
        "timeout": timeout,
        "survived": total - killed - timeout - no_tests,
        "no_tests": no_tests,
        # a mutant that hangs the tests is caught (the suite's timeout fails it)
        "score": round((killed + timeout) / total, 3) if total else None,
        "surviving": surviving,
    }


def run_module(name: str, base: Path, jobs: int) -> dict:
    source, tests = MODULES[name]
    workdir = base / name
    _prepare(workdir, source, tests)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    mutmut = Path(sys.executable).with_name("mutmut")
    started = time.monotonic()
    proc = subprocess.run([str(mutmut), "run", "--max-children", str(jobs)], cwd=workdir, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = round(time.monotonic() - started, 1)
    (workdir / "mutmut.log").write_text(proc.stdout)
    result = {"module": name, "file": source, **_tally(workdir, source), "seconds": elapsed}
    if proc.returncode != 0:
        result["error"] = f"mutmut exited {proc.returncode}; see {workdir / 'mutmut.log'}"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"some of: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2)),
                        help="mutants tested at once")
    parser.add_argument("--keep", type=Path, help="scratch folder to keep (default: a temporary one)")
    args = parser.parse_args(argv)
    unknown = set(args.modules) - set(MODULES)
    if unknown:
        parser.error(f"unknown module(s): {', '.join(sorted(unknown))}")
    base = args.keep or Path(tempfile.mkdtemp(prefix="autoglm-mutation-"))
    for name in args.modules or list(MODULES):
        result = run_module(name, base, args.jobs)
        print(json.dumps(result), flush=True)
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
