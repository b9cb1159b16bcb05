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
     "no_tests": 0, "score": 0.946, "surviving": ["...x_redact__mutmut_3", ...], "equivalent": 3,
     "score_non_equivalent": 1.0, "unexplained": [], "seconds": 14.2}

``score`` is the raw one (every mutant counts); ``score_non_equivalent`` leaves out the survivors listed
in ``EQUIVALENT`` below (each explained in bench/mutation_equivalents.md); ``unexplained`` are the
survivors that are neither killed nor explained.  mutmut 3 mutates function bodies only: module-level
constants (screening's guard regexes, direction's word lists) are guarded by the tests, not scored.

Usage::

    .venv/bin/python bench/mutation.py                 # every module, smallest first
    .venv/bin/python bench/mutation.py redact outbox   # some of them
    .venv/bin/python bench/mutation.py --jobs 4 --keep /tmp/mut   # keep scratch trees to inspect
    .venv/bin/python bench/mutation.py --survivors-of last.jsonl registry   # only what survived then

``--survivors-of`` re-tests only the mutants a previous run (its JSON lines) left alive, with the tests
as they are now, and prints the combined line: that run's kills plus the new ones, over the same total
(``"rerun": N`` says how many were run again).  Tests are only ever added between the two runs, so a
mutant killed then is still killed.
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

# module -> (source file, tests that guard it); smallest first.  The direct tests of each module (a real
# SQLite file, the pipeline's documented bare-link seam, pure functions): each mutant forks a pytest run,
# and on the shared two-core machine the broker round trips (test_pipeline.py, test_pipeline_guards.py,
# test_submit_path.py: a Mosquitto and a simulator per run) made a module take an hour.  Those stay in
# the suite; planted_bugs.py covers what only they can see (publish order against a real broker).
MODULES: dict[str, tuple[str, list[str]]] = {
    "redact": ("console/core/envcheck/redact.py", ["tests/core/envcheck/test_known_secrets.py", "tests/core/envcheck/test_bundle.py"]),
    # the assistant's safety checks: asks refused before any device is looked at, and the direction check
    "screening": ("console/core/assistant/screening.py",
                  ["tests/core/assistant/test_screening*.py"]),
    "direction": ("console/core/assistant/direction.py",
                  ["tests/core/assistant/test_direction*.py"]),
    "confirmation": ("console/core/commands/confirmation.py",
                     ["tests/core/commands/test_confirmation_rules.py", "tests/core/commands/test_wording.py",
                      "tests/core/commands/test_submit_path.py"]),
    "outbox": ("console/core/commands/outbox.py",
               ["tests/core/commands/test_outbox_*.py", "tests/core/commands/test_migration.py"]),
    "registry": ("console/core/fleet/registry.py", ["tests/core/fleet"]),
    "protocol": ("console/core/protocol.py",
                 ["tests/core/test_protocol_*.py", "tests/core/commands/test_confirmation_rules.py"]),
    "pipeline": ("console/core/commands/pipeline.py",
                 ["tests/core/commands/test_pipeline_rules*.py", "tests/core/commands/test_pipeline_mutants.py"]),
}

# property and fuzz tests of a minute each under load (hypothesis, hundreds of examples, some through a
# real broker): every surviving mutant would run them all.  They guard hostile input, not the rules a
# mutant changes; the rule tests beside them do.  Left out of the mutation runs only (they stay in the suite).
SLOW = [
    "tests/core/fleet/test_registry.py::test_hostile_traffic_counters_add_up_and_state_stays_bounded",
    "tests/core/fleet/test_fuzz.py::test_registry_ingest_never_raises_and_counts_every_message",
    "tests/core/fleet/test_fuzz.py::test_malformed_traffic_through_real_mosquitto_does_not_break_the_console",
    "tests/core/test_protocol_hostile.py::test_no_exception_but_protocol_error_escapes_the_parsers",
    "tests/core/commands/test_pipeline_recovery.py",
]

# Survivors sorted as equivalent (no input tells them from the original), one reason each in
# bench/mutation_equivalents.md; names as mutmut 3.8.1 numbers them (function__mutmut_N, class prefix
# "xǁClassǁ" left out).  A listed mutant that a later run kills is simply killed; a survivor not
# listed is "unexplained" in the JSON line and wants a test or a line in the .md file.
EQUIVALENT: dict[str, str] = {
    "registry": "_apply__mutmut_4 _apply__mutmut_14 _apply__mutmut_38 _apply__mutmut_39 _apply__mutmut_43 "
                "_apply_meta__mutmut_23 _apply_state__mutmut_44 _apply_status__mutmut_20 "
                "_clock_sample__mutmut_4 _clock_sample__mutmut_5",
    "protocol": "x__has_lone_surrogate__mutmut_5 x_cut_text__mutmut_2 x_decode_json__mutmut_12 "
                "x_encode_json__mutmut_3 x_encode_json__mutmut_12 from_json__mutmut_68@Ack from_json__mutmut_70@Ack "
                "check__mutmut_18@Capability "
                "from_json__mutmut_40@Capability from_json__mutmut_75@Capability from_json__mutmut_77@Capability "
                "from_payload__mutmut_61 from_payload__mutmut_63 from_payload__mutmut_66 from_payload__mutmut_67 "
                "from_json__mutmut_88@DeviceMeta from_json__mutmut_90@DeviceMeta",
    "outbox": "__init____mutmut_15 __init____mutmut_20 __init____mutmut_21 __init____mutmut_26 __init____mutmut_27 "
              "__init____mutmut_28 __init____mutmut_31 __init____mutmut_32 __init____mutmut_36 __init____mutmut_37 "
              "__init____mutmut_47 __init____mutmut_48 __init____mutmut_54 __init____mutmut_59 __init____mutmut_60 "
              "_insert__mutmut_10 _insert__mutmut_17 _insert__mutmut_18 _insert__mutmut_20 _insert__mutmut_21 "
              "_insert__mutmut_37 _insert__mutmut_38 _transition__mutmut_17 _transition__mutmut_20 "
              "_transition__mutmut_21 _transition__mutmut_24 _transition__mutmut_39 _transition__mutmut_40 "
              "add__mutmut_4 audit__mutmut_6 audit__mutmut_7 audit__mutmut_37 audit__mutmut_42 audit__mutmut_47 "
              "audit__mutmut_54 audit__mutmut_57 audit__mutmut_61 audit__mutmut_62 checkpoint__mutmut_4 "
              "checkpoint__mutmut_5 close__mutmut_3 close__mutmut_4 count__mutmut_4 count__mutmut_5 count__mutmut_12 "
              "count__mutmut_13 counts_by_state__mutmut_4 counts_by_state__mutmut_5 export_csv__mutmut_5 "
              "export_csv__mutmut_9 export_csv__mutmut_15 export_csv__mutmut_55 history__mutmut_7 history__mutmut_8 "
              "move_open_to__mutmut_16 move_open_to__mutmut_17 move_open_to__mutmut_20 move_open_to__mutmut_28 "
              "move_open_to__mutmut_29 move_open_to__mutmut_31 move_open_to__mutmut_32 move_open_to__mutmut_44 "
              "move_open_to__mutmut_45 move_open_to__mutmut_48 move_open_to__mutmut_54 move_open_to__mutmut_55 "
              "move_open_to__mutmut_61 move_open_to__mutmut_62",
    "pipeline": "_advance__mutmut_1 _finish__mutmut_15 _finish__mutmut_29 _properties__mutmut_1 _properties__mutmut_3 "
                "_properties__mutmut_4 _properties__mutmut_17 _properties__mutmut_18 _properties__mutmut_19 "
                "_publish__mutmut_89 _publish__mutmut_99 _send__mutmut_1 _send__mutmut_11 _sweep_loop__mutmut_2 "
                "_sweep_loop__mutmut_3 _sweep_loop__mutmut_8 _sweep_loop__mutmut_10 _sweep_loop__mutmut_11 "
                "_validate__mutmut_9 _validate__mutmut_10 _validate__mutmut_11 _validate__mutmut_12 "
                "_validate__mutmut_13 on_ack__mutmut_39 on_ack__mutmut_41 on_ack__mutmut_42 on_delivered__mutmut_14 "
                "on_delivered__mutmut_18 on_delivered__mutmut_24 on_delivered__mutmut_41 on_delivered__mutmut_43 "
                "on_delivered__mutmut_44 on_delivered__mutmut_45 replay__mutmut_1 stop__mutmut_2 stop__mutmut_3 "
                "sweep__mutmut_2 sweep__mutmut_27 sweep__mutmut_33 sweep__mutmut_34 sweep__mutmut_67 sweep__mutmut_69 "
                "wire_payload__mutmut_24 publish__mutmut_1@Link publish__mutmut_2@Link",
    "screening": "x_guard__mutmut_17",
    "direction": "x__moves__mutmut_27 x__moves__mutmut_45 x__moves__mutmut_50 x_check_proposal__mutmut_5",
}


# a method of the module's main class is listed by its bare name, any other class's with "@Class"
_MAIN_CLASS = {"registry": "FleetRegistry", "outbox": "Outbox", "pipeline": "CommandPipeline", "protocol": "Command"}


def _short(module: str, key: str) -> str:
    """``pkg.mod.xǁOutboxǁclose__mutmut_3`` → ``close__mutmut_3``; ``…xǁLinkǁpublish__mutmut_1`` (not the
    main class) → ``publish__mutmut_1@Link``; ``pkg.mod.x_guard__mutmut_17`` → ``x_guard__mutmut_17``."""
    name = key.rsplit(".", 1)[-1]
    if name.startswith("x\u01c1"):
        _, cls, meth = name.split("\u01c1", 2)
        return meth if cls == _MAIN_CLASS.get(module) else f"{meth}@{cls}"
    return name


def _with_equivalents(module: str, tally: dict) -> dict:
    """Add the score over the mutants that are not equivalent, and the survivors nobody explained."""
    listed = set(EQUIVALENT.get(module, "").split())
    equivalent = [k for k in tally["surviving"] if _short(module, k) in listed]
    caught = tally["killed"] + tally["timeout"]
    real = tally["mutants"] - len(equivalent)
    return {**tally, "equivalent": len(equivalent),
            "score_non_equivalent": round(caught / real, 3) if real else None,
            "unexplained": [k for k in tally["surviving"] if k not in equivalent]}


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
    existing = sorted({str(p.relative_to(ROOT)) for t in tests for p in ROOT.glob(t)})  # globs allowed
    (workdir / "pyproject.toml").write_text(
        "[tool.pytest.ini_options]\n"
        'qt_api = "pyside6"\ntestpaths = ["tests"]\ntimeout = 300\n\n'
        "[tool.mutmut]\n"
        'source_paths = ["console"]\n'
        'also_copy = ["resources"]\n'
        f"only_mutate = [{json.dumps(source)}]\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(existing)}\n"
        f"pytest_add_cli_args = {json.dumps(['-p', 'no:cacheprovider', '-q', '-x', *_deselect()])}\n"
    )


def _deselect() -> list[str]:
    out = []
    for node in SLOW:
        out += ["--deselect", node] if "::" in node else ["--ignore", node]
    return out


def _codes(workdir: Path, source: str) -> dict[str, int | None]:
    meta = workdir / "mutants" / (source + ".meta")
    return json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}


def _tally(workdir: Path, source: str) -> dict:
    codes = _codes(workdir, source)
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


def run_module(name: str, base: Path, jobs: int, previous: dict | None = None) -> dict:
    source, tests = MODULES[name]
    workdir = base / name
    _prepare(workdir, source, tests)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    mutmut = Path(sys.executable).with_name("mutmut")
    names = list(previous["surviving"]) if previous else []
    started = time.monotonic()
    proc = subprocess.run([str(mutmut), "run", "--max-children", str(jobs), *names], cwd=workdir, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = round(time.monotonic() - started, 1)
    (workdir / "mutmut.log").write_text(proc.stdout)
    tally = _tally(workdir, source)
    if previous:
        codes = _codes(workdir, source)
        again = {k: codes.get(k) for k in names}
        killed = sum(c in KILLED for c in again.values())
        timeout = sum(c in TIMEOUT for c in again.values())
        surviving = sorted(k for k, c in again.items() if c not in KILLED | TIMEOUT)
        total = previous["mutants"]
        tally = {"mutants": total, "killed": previous["killed"] + killed, "timeout": previous["timeout"] + timeout,
                 "survived": len(surviving), "no_tests": sum(c in NO_TESTS for c in again.values()),
                 "score": round((previous["killed"] + previous["timeout"] + killed + timeout) / total, 3),
                 "surviving": surviving, "rerun": len(names)}
    result = {"module": name, "file": source, **_with_equivalents(name, tally), "seconds": elapsed}
    if proc.returncode != 0:
        result["error"] = f"mutmut exited {proc.returncode}; see {workdir / 'mutmut.log'}"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"some of: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="mutants tested at once (default 1: the machine is shared)")
    parser.add_argument("--keep", type=Path, help="scratch folder to keep (default: a temporary one)")
    parser.add_argument("--survivors-of", type=Path, metavar="JSONL",
                        help="re-test only the survivors of an earlier run (its output lines)")
    args = parser.parse_args(argv)
    unknown = set(args.modules) - set(MODULES)
    if unknown:
        parser.error(f"unknown module(s): {', '.join(sorted(unknown))}")
    base = args.keep or Path(tempfile.mkdtemp(prefix="autoglm-mutation-"))
    earlier = {}
    if args.survivors_of:
        for line in args.survivors_of.read_text().splitlines():
            if line.strip().startswith("{"):
                row = json.loads(line)
                earlier[row["module"]] = row
    for name in args.modules or list(MODULES):
        if args.survivors_of and name not in earlier:
            parser.error(f"{args.survivors_of} has no line for {name}")
        result = run_module(name, base, args.jobs, earlier.get(name))
        print(json.dumps(result), flush=True)
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
