"""Python, the virtual environment, and package versions against the project's table."""

from __future__ import annotations

import importlib.metadata
import sys

from packaging.version import InvalidVersion, Version

from console.core.versions import PYTHON_MINIMUM, PYTHON_RECOMMENDED, REQUIREMENTS, Requirement
from console.core.envcheck.guard import SETUP_FIX
from console.core.envcheck.result import FAIL, OK, SKIP, WARN, CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP

SETUP_HINT = QT_TRANSLATE_NOOP("Doctor", "Run the set-up again (`make run`), or in the venv: pip install -e .")
# dependencies the version table (console.core.versions) does not list: installed or not, nothing more
PRESENT_ONLY = (
    ("jinja2", QT_TRANSLATE_NOOP("Doctor", "Home Assistant value and command templates")),
    ("httpx2", QT_TRANSLATE_NOOP("Doctor", "the remote model server's HTTP client")),
    ("psutil", QT_TRANSLATE_NOOP("Doctor", "memory and process figures")),
    ("platformdirs", QT_TRANSLATE_NOOP("Doctor", "where settings, data and models live")),
    ("keyring", QT_TRANSLATE_NOOP("Doctor", "saved broker passwords")),
    ("numpy", QT_TRANSLATE_NOOP("Doctor", "the graphs and the model stack")),
    ("packaging", QT_TRANSLATE_NOOP("Doctor", "version checks")),
)


PYTHON = QT_TRANSLATE_NOOP("Doctor", "Python")
NOT_INSTALLED = QT_TRANSLATE_NOOP("Doctor", "not installed")
INSTALLED = QT_TRANSLATE_NOOP("Doctor", "installed")


def _v(t: tuple[int, ...]) -> str:
    return ".".join(map(str, t))


def judge_python(version: tuple[int, int, int]) -> CheckResult:
    v = _v(version)
    expected = QT_TRANSLATE_NOOP("Doctor", ">= {minimum} (recommended {recommended})").format(
        minimum=_v(PYTHON_MINIMUM), recommended=_v(PYTHON_RECOMMENDED))
    if version[:2] < PYTHON_MINIMUM:
        return CheckResult(PYTHON, FAIL, v, expected,
                           QT_TRANSLATE_NOOP("Doctor", "Python {v} is too old: install Python {recommended} "
                                             "(Debian 12: apt-get install python3 python3-venv) and re-create "
                                             "the venv.").format(v=v, recommended=_v(PYTHON_RECOMMENDED)))
    return CheckResult(PYTHON, OK, v, expected)


VENV = QT_TRANSLATE_NOOP("Doctor", "Virtual environment")
A_VENV = QT_TRANSLATE_NOOP("Doctor", "a virtual environment")


def judge_venv(prefix: str, base_prefix: str) -> CheckResult:
    if prefix != base_prefix:
        return CheckResult(VENV, OK, prefix, A_VENV)
    return CheckResult(VENV, WARN, QT_TRANSLATE_NOOP("Doctor", "system Python ({prefix})").format(prefix=prefix),
                       A_VENV,
                       QT_TRANSLATE_NOOP("Doctor", "Packages go into the system Python, where they clash with the "
                                         "distribution's: use the project venv (`make run` creates .venv) or "
                                         "python3 -m venv .venv."))


def check_python(ctx) -> list[CheckResult]:
    return [judge_python(tuple(sys.version_info[:3])), judge_venv(sys.prefix, sys.base_prefix)]


def installed_version(dists: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(distribution, version) of the first installed distribution in ``dists``."""
    for d in dists:
        try:
            return d, importlib.metadata.version(d)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None, None


def judge_version(req: Requirement, installed: str | None, dist: str | None = None) -> CheckResult:
    """A package version against the table: missing/too old fail, old or too new warn."""
    expected = (QT_TRANSLATE_NOOP("Doctor", ">= {minimum}, recommended {recommended}, < {below}") if req.below else
                QT_TRANSLATE_NOOP("Doctor", ">= {minimum}, recommended {recommended}")).format(
        minimum=req.minimum, recommended=req.recommended, below=req.below or "")
    install = f"pip install '{req.dists[0]}>={req.recommended}'"
    if installed is None:
        if not req.required:
            return CheckResult(req.name, SKIP, QT_TRANSLATE_NOOP("Doctor", "not installed (optional)"), expected,
                               QT_TRANSLATE_NOOP("Doctor", "Only needed for {why}. To use it: {install}").format(
                                   why=req.why, install=install))
        return CheckResult(req.name, FAIL, NOT_INSTALLED, expected,
                           QT_TRANSLATE_NOOP("Doctor", "{setup} ({install}).").format(setup=SETUP_HINT, install=install))
    value = installed if not dist or dist == req.dists[0] else f"{installed} ({dist})"
    try:
        v = Version(installed)
    except InvalidVersion:
        return CheckResult(req.name, WARN, value, expected,
                           QT_TRANSLATE_NOOP("Doctor", "Unrecognized version string; reinstall with pip."))
    if v.release < Version(req.minimum).release:
        return CheckResult(req.name, FAIL, value, expected,
                           QT_TRANSLATE_NOOP("Doctor", "{name} {installed} is older than the minimum {minimum}: "
                                             "{install}").format(name=req.name, installed=installed,
                                                                 minimum=req.minimum, install=install))
    if req.below and v.release >= Version(req.below).release:
        return CheckResult(req.name, WARN, value, expected,
                           QT_TRANSLATE_NOOP("Doctor", "{name} {installed} is newer than the tested range "
                                             "(< {below}); if something breaks, install the tested version: "
                                             "pip install '{dist}=={recommended}'").format(
                               name=req.name, installed=installed, below=req.below, dist=req.dists[0],
                               recommended=req.recommended))
    if v.release < Version(req.recommended).release:
        return CheckResult(req.name, WARN, value, expected,
                           QT_TRANSLATE_NOOP("Doctor", "Works, but {recommended} is what the project is tested "
                                             "with: {install}").format(recommended=req.recommended, install=install))
    return CheckResult(req.name, OK, value, expected)


def judge_pyside_python(pyside: str | None, python: tuple[int, int, int]) -> CheckResult:
    """PySide6 6.12.0 aborts Python 3.11 ("Fatal Python error: bool_dealloc" after a few hundred
    Signal.emit() calls); 3.12 is not affected.  Other 6.12.x on Python < 3.12 are outside the range
    pyproject declares for it."""
    name = QT_TRANSLATE_NOOP("Doctor", "PySide6 on this Python")
    py = _v(python)
    expected = QT_TRANSLATE_NOOP("Doctor", "PySide6 < 6.12 on Python < 3.12")
    if pyside is None:
        return CheckResult(name, SKIP, QT_TRANSLATE_NOOP("Doctor", "PySide6 not installed, Python {py}").format(py=py),
                           expected)
    value = QT_TRANSLATE_NOOP("Doctor", "PySide6 {pyside} on Python {py}").format(pyside=pyside, py=py)
    try:
        rel = Version(pyside).release
    except InvalidVersion:
        return CheckResult(name, WARN, value, expected,
                           QT_TRANSLATE_NOOP("Doctor", "Unrecognized PySide6 version; reinstall it."))
    fix = QT_TRANSLATE_NOOP("Doctor", "pip install 'PySide6-Essentials==6.11.3' (uninstall PySide6 6.12 first: pip "
                            "uninstall -y PySide6 PySide6-Essentials PySide6-Addons shiboken6), or use Python 3.12.")
    if rel[:3] == (6, 12, 0) and python[:2] == (3, 11):
        return CheckResult(name, FAIL, value, expected,
                           QT_TRANSLATE_NOOP("Doctor", "PySide6 6.12.0 aborts Python 3.11 with 'Fatal Python error: "
                                             "bool_dealloc' after a few hundred signal emits (the console dies "
                                             "mid-session). Fix: {fix}").format(fix=fix))
    if rel[:2] >= (6, 12) and python[:2] < (3, 12):
        return CheckResult(name, WARN, value, expected,
                           QT_TRANSLATE_NOOP("Doctor", "PySide6 6.12 is outside the tested range on Python < 3.12 "
                                             "(6.12.0 crashes 3.11). Fix: {fix}").format(fix=fix))
    return CheckResult(name, OK, value, expected)


def check_packages(ctx) -> list[CheckResult]:
    out = []
    for req in REQUIREMENTS:
        if not req.required:
            continue  # optional extras (bitsandbytes) have their own rows with the reason they matter
        dist, ver = installed_version(req.dists)
        out.append(judge_version(req, ver, dist))
    out += [judge_present(dist, why, installed_version((dist,))[1]) for dist, why in PRESENT_ONLY]
    out.append(judge_pyside_python(effective_pyside(), tuple(sys.version_info[:3])))
    out.append(judge_tracing())
    return out


def judge_tracing(missing: str | None = None, cfg=None) -> CheckResult:
    """OpenTelemetry (optional): installed or not, and whether tracing is on (console.core.telemetry)."""
    from console.core.telemetry.doctor import tracing_row

    r = tracing_row(missing, cfg)
    return CheckResult(QT_TRANSLATE_NOOP("Doctor", "OpenTelemetry tracing"), r["status"], r["value"], r["expected"],
                       r.get("hint", ""))


def judge_present(dist: str, why: str, installed: str | None) -> CheckResult:
    if installed is None:
        return CheckResult(dist, FAIL, NOT_INSTALLED, INSTALLED,
                           QT_TRANSLATE_NOOP("Doctor", "Needed for {why}. Install the project's dependencies: "
                                             "{setup} (or in the venv: pip install {dist}).").format(
                               why=why, setup=SETUP_FIX, dist=dist))
    return CheckResult(dist, OK, installed, INSTALLED)


def effective_pyside() -> str | None:
    """The newest installed PySide6 wheel (Essentials, full, Addons, shiboken6): they share files, so a
    6.12.0 one anywhere in the set is the crash risk, whichever the others say."""
    found = []
    for dist in ("PySide6-Essentials", "PySide6", "PySide6-Addons", "shiboken6"):
        _, v = installed_version((dist,))
        if v is not None:
            try:
                found.append((Version(v), v))
            except InvalidVersion:
                continue
    return max(found)[1] if found else None
