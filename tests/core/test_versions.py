"""The console's version comes from pyproject.toml in a source tree (and in the frozen build, which
bundles the file at the same place), from the distribution's metadata when installed from a wheel."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import version as dist_version
from pathlib import Path

import console
from console.core import versions
from console.core.versions import DIST, UNKNOWN, app_version, find_version, pyproject_version

REPO = Path(__file__).resolve().parents[2]
DECLARED = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def write_pyproject(root: Path, name: str, version: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = root / "pyproject.toml"
    path.write_text(f'[build-system]\nrequires = ["setuptools"]\n\n[project]\nname = "{name}"\nversion = "{version}"\n'
                    f'dependencies = []\n\n[tool.other]\nversion = "not this one"\n', encoding="utf-8")
    return path


def test_a_source_tree_says_what_its_pyproject_declares_everywhere():
    assert versions.ROOT == REPO
    assert app_version() == find_version(REPO) == DECLARED
    assert console.__version__ == DECLARED  # the window title and the doctor's report read this
    out = subprocess.run([sys.executable, "-m", "console", "--version"], cwd=REPO, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == f"autoglm-console {DECLARED}"


def test_the_file_beside_the_package_wins_over_older_metadata(tmp_path):
    # an editable install's metadata (or the copy a frozen build took of it) says what pyproject.toml said
    # when it was installed; the file itself, beside the package, says what it says now
    write_pyproject(tmp_path, DIST, "9.8.7")
    assert dist_version(DIST) != "9.8.7"
    assert find_version(tmp_path) == "9.8.7"


def test_installed_without_a_pyproject_reads_the_metadata(tmp_path):
    assert find_version(tmp_path) == dist_version(DIST)  # site-packages: no pyproject.toml beside the package
    write_pyproject(tmp_path, "someone-else", "3.0")  # a stray one of another project is not ours
    assert pyproject_version(tmp_path / "pyproject.toml") is None
    assert find_version(tmp_path) == dist_version(DIST)


def test_neither_file_nor_metadata_says_unknown_and_a_broken_file_is_passed_over(tmp_path):
    assert find_version(tmp_path, "autoglm-console-not-installed") == UNKNOWN
    (tmp_path / "pyproject.toml").write_text('[project\nname = "autoglm-console"\n', encoding="utf-8")
    assert pyproject_version(tmp_path / "pyproject.toml") is None
    assert find_version(tmp_path) == dist_version(DIST)


def test_the_python_3_10_reader_finds_the_same_two_keys():
    # tomllib is 3.11+; on 3.10 the [project] table's name and version are read by hand
    project = versions._project_table((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project == {"name": DIST, "version": DECLARED}
    other = versions._project_table('[tool.x]\nversion = "1"\n[project]\nname = "a"\nversion = "2.0"\n[tool.y]\n'
                                    'version = "3"\n')
    assert other == {"name": "a", "version": "2.0"}
