"""The doctor survives the broken environments it exists for, and its command line reads right.

Each stripped environment is a real virtual environment (``python -m venv --without-pip``) whose
site-packages holds a symlink to every entry of this venv's site-packages except the files of the
distributions left out (their packages and their .dist-info).  So the package is truly missing, for
the doctor and for every child process it starts (the runtime checks, the Qt probe), and its
metadata is gone too, as after a failed or partial ``pip install``.  It costs a fraction of a
second (no copies, no downloads).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from console.cli import build_parser
from console.core.envcheck.guard import lazy_check, missing_package_row
from console.core.envcheck.report import build_report, summary_line, to_text
from console.core.envcheck.result import CheckResult
from console.core.envcheck.runner import DoctorContext

ROOT = Path(__file__).resolve().parents[3]


def stripped_venv(dest: Path, *dists: str) -> Path:
    """A venv with everything this one has but ``dists``; returns its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(dest)], check=True, timeout=120)
    python = dest / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True, timeout=60).stdout.strip()
    skip = {f.parts[0] for d in dists for f in importlib.metadata.distribution(d).files or ()}
    src = Path(sysconfig.get_paths()["purelib"])
    for entry in src.iterdir():
        if entry.name not in skip and entry.name != "__pycache__":
            (Path(site) / entry.name).symlink_to(entry)
    return python


def run_doctor_in(python: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    res = subprocess.run([str(python), "-m", "console", "doctor", "--json", *args], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=240)
    assert "Traceback" not in res.stderr, res.stderr
    return res, json.loads(res.stdout)  # the whole of stdout is one JSON document


def _rows(report: dict) -> dict[str, dict]:
    return {c["name"]: c for c in report["checks"]}


STRIPPED = {
    # left out: (distributions, import name, rows that must fail, text their fix must hold)
    "paho": (("paho-mqtt",), "paho", ("paho-mqtt", "Broker: paho-mqtt"), "pip install paho-mqtt"),
    "PySide6": (("PySide6-Essentials", "shiboken6"), "PySide6", ("PySide6", "Qt platform plugin"),
                "PySide6-Essentials"),
    "torch": (("torch",), "torch", ("torch",), "pip install 'torch>="),
}


@pytest.mark.parametrize("case", sorted(STRIPPED))
def test_the_doctor_reports_a_missing_package_instead_of_crashing(case, tmp_path):
    dists, module, failing, fix = STRIPPED[case]
    python = stripped_venv(tmp_path / "venv", *dists)
    gone = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True, text=True, cwd=tmp_path)
    assert gone.returncode != 0 and "ModuleNotFoundError" in gone.stderr  # the environment is really stripped
    # paho: a broker URL too, which the command line would otherwise parse with the MQTT link
    res, report = run_doctor_in(python, *(("--broker", "mqtt://127.0.0.1:1") if case == "paho" else ()))
    assert res.returncode == 1, res.stderr  # the doctor's own answer for "a check failed"
    assert report["status"] == "fail"
    rows = _rows(report)
    for name in failing:
        assert rows[name]["status"] == "fail", rows[name]
        assert rows[name]["hint"], rows[name]
    assert any(fix in rows[n]["hint"] for n in failing), [rows[n]["hint"] for n in failing]
    assert not [c for c in report["checks"] if "the check itself failed" in c["value"]]
    assert rows["Python"]["status"] == "ok"  # the rest of the report is still there
    assert "Disk" in {c["group"] for c in report["checks"]}


def test_a_missing_package_in_a_check_module_is_its_row_with_the_fix():
    check = lazy_check("console.core.envcheck.no_such_module:check", "Broker")
    with pytest.raises(ModuleNotFoundError):  # a module of the project missing is a bug, not a finding
        check(DoctorContext())
    row = missing_package_row(ModuleNotFoundError("No module named 'paho'", name="paho"), "Broker")
    assert (row.status, row.group, row.name) == ("fail", "Broker", "Broker: paho-mqtt")
    assert "make setup" in row.hint and "pip install paho-mqtt" in row.hint


def test_a_package_imported_while_the_check_runs_counts_too(tmp_path, monkeypatch):
    mod = tmp_path / "late_import_check.py"
    mod.write_text("def check(ctx):\n    import no_such_dependency_4711\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    rows = lazy_check("late_import_check:check", "Disk")(DoctorContext())
    assert rows[0].status == "fail" and rows[0].details["distribution"] == "no_such_dependency_4711"


# -- the command line's words ---------------------------------------------------------------------
def test_help_hides_the_internal_command_and_simulate_explains_every_option():
    parser = build_parser()
    text = parser.format_help()
    assert "qt-probe" not in text and "SUPPRESS" not in text
    assert "doctor" in text and "simulate" in text
    assert parser.parse_args(["qt-probe"]).command == "qt-probe"  # hidden, still there for the frozen build
    sub = next(a for a in parser._actions if a.dest == "command")
    simulate = sub.choices["simulate"]
    bare = [a.option_strings for a in simulate._actions if not a.help]
    assert not bare, bare


def test_version_is_the_installed_distribution(capsys):
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"autoglm-console {importlib.metadata.version('autoglm-console')}"


def test_summary_counts_read_as_english():
    rows = [CheckResult("A", "warn", "x", hint="h"), CheckResult("B", "fail", "y", hint="h"),
            CheckResult("C", "ok", "z"), CheckResult("D", "ok", "z")]
    report = build_report(rows)
    assert summary_line(report["summary"]) == "1 failed, 1 warning, 2 ok, 0 skipped"
    assert "1 check failed: fix it first." in to_text(report)
    two = build_report(rows + [CheckResult("E", "warn", "x", hint="h"), CheckResult("F", "fail", "y", hint="h")])
    assert summary_line(two["summary"]) == "2 failed, 2 warnings, 2 ok, 0 skipped"
    assert "2 checks failed: fix those first." in to_text(two)
