"""The wheel: built from a copy of the tree, installed into a fresh virtual environment, run from there.

The fresh venv sees the project venv's third-party packages through a .pth line (no torch reinstall),
but ``console`` and ``resources/`` must come from the installed wheel: the test asserts both resolve
inside the new venv, from a working directory outside the repository.  A second venv gets a plain
``pip install <tree>`` (non-editable), which builds the same wheel on the way."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PIP_TIMEOUT = 600
# resources/ folders that are for the repository only (README pictures, translation sources)
NOT_SHIPPED = ("screenshots/", "translations/console_zh_CN.ts")

pytestmark = pytest.mark.slow


def _source_copy(dest: Path) -> Path:
    """What a fresh clone has for the build: the package, resources/, pyproject.toml, README.md."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("console", "resources"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    return dest


def _pip(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pip", *args]
    res = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=PIP_TIMEOUT, env=_clean_env())
    assert res.returncode == 0, f"{' '.join(cmd)} failed:\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
    return res


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PIP_REQUIRE"))}
    env.update(extra)
    return env


def _fresh_venv(path: Path) -> Path:
    """A venv without pip (the project's pip installs into it with --python) that sees the project
    venv's site-packages after its own (a .pth line: no .pth there is executed, so no editable finder)."""
    base = getattr(sys, "_base_executable", None) or sys.executable
    subprocess.run([base, "-m", "venv", "--without-pip", str(path)], check=True, timeout=120)
    py = path / "bin" / "python"
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "zz_project_venv.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return py


def _shipped_resources() -> set[str]:
    out = set()
    for p in (ROOT / "resources").rglob("*"):
        rel = p.relative_to(ROOT / "resources").as_posix()
        if p.is_file() and not rel.startswith(NOT_SHIPPED):
            out.add(rel)
    return out


def _where(py: Path, cwd: Path, env: dict[str, str]) -> dict:
    probe = ("import json, console, console.core.paths as p; "
             "print(json.dumps({'console': console.__file__, 'resources': str(p.resources_root()), "
             "'files': sorted(q.relative_to(p.resources_root()).as_posix() "
             "for q in p.resources_root().rglob('*') if q.is_file())}))")
    res = subprocess.run([str(py), "-c", probe], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    src = _source_copy(tmp / "src")
    _pip("wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp / "dist"), str(src), cwd=tmp)
    (whl,) = (tmp / "dist").glob("autoglm_console-*.whl")
    return whl


def test_wheel_ships_every_resource(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    protocol = next((n for n in names if n.endswith("/resources/PROTOCOL.md")), None)
    assert protocol, "the wheel has no resources/ (see [tool.setuptools.data-files] in pyproject.toml)"
    prefix = protocol.removesuffix("PROTOCOL.md")
    shipped = {n.removeprefix(prefix) for n in names if n.startswith(prefix)}
    missing = _shipped_resources() - shipped
    assert not missing, (f"resources missing from the wheel: {sorted(missing)}; add their folder to "
                         "[tool.setuptools.data-files] in pyproject.toml")
    assert any(n.startswith("console/core/") for n in names)


def test_installed_wheel_self_test_outside_the_tree(wheel, tmp_path):
    venv = tmp_path / "venv"
    py = _fresh_venv(venv)
    # --no-index: every dependency the wheel declares must already be satisfied (by the project venv)
    _pip("--python", str(py), "install", "--no-index", "-q", str(wheel), cwd=tmp_path)
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    env = _clean_env(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
                     XDG_CONFIG_HOME=str(tmp_path / "config"), AUTOGLM_DATA_DIR=str(tmp_path / "data"),
                     AUTOGLM_LOG_DIR=str(tmp_path / "logs"))

    where = _where(py, run_dir, env)
    assert Path(where["console"]).is_relative_to(venv), f"console imported from {where['console']}, not the wheel"
    assert Path(where["resources"]).is_relative_to(venv), f"resources read from {where['resources']}"
    assert not Path(where["resources"]).is_relative_to(ROOT)
    assert _shipped_resources() <= set(where["files"])

    exe = venv / "bin" / "autoglm-console"
    res = subprocess.run([str(exe), "--self-test", "--timeout", "90"], cwd=run_dir, env=env,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, f"installed self-test failed ({res.returncode}):\n{res.stdout[-3000:]}\n{res.stderr[-4000:]}"


def test_pip_install_dot_non_editable(tmp_path):
    src = _source_copy(tmp_path / "src")
    venv = tmp_path / "venv"
    py = _fresh_venv(venv)
    _pip("--python", str(py), "install", "--no-index", "--no-build-isolation", "-q", str(src), cwd=tmp_path)
    shutil.rmtree(src)  # nothing may still point into the tree it was built from
    env = _clean_env(HOME=str(tmp_path / "home"), AUTOGLM_DATA_DIR=str(tmp_path / "data"))
    where = _where(py, tmp_path, env)
    assert Path(where["console"]).is_relative_to(venv)
    assert Path(where["resources"]).is_relative_to(venv)
    # the readers the issue names: the fleet catalog and Home Assistant's abbreviation table
    check = ("from console.core.fleet.catalog import load_fleet; from console.core.ha import abbreviations as a; "
             "f = load_fleet(None); print(len(f.devices), len(a.tables()[0]), a.TABLE_PATH)")
    res = subprocess.run([str(py), "-c", check], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-3000:]
    devices, keys, table = res.stdout.split()
    assert int(devices) > 0 and int(keys) > 0 and Path(table).is_relative_to(venv)
    version = subprocess.run([str(venv / "bin" / "autoglm-console"), "--version"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=120)
    assert version.returncode == 0 and "autoglm-console" in version.stdout
