"""The layering is enforced by a machine: console.core never imports Qt."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree, capture_output=True, text=True, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
    )


def _copy_project(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "console", tree / "console", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_contract_holds_on_the_real_tree(tmp_path):
    res = _lint(_copy_project(tmp_path))
    assert res.returncode == 0, res.stdout + res.stderr
    assert "console.core stays free of Qt KEPT" in res.stdout


def test_contract_breaks_on_a_pyside6_import_in_core(tmp_path):
    tree = _copy_project(tmp_path)
    (tree / "console" / "core" / "sneaky.py").write_text("from PySide6.QtCore import QObject\n")
    res = _lint(tree)
    assert res.returncode != 0
    assert "console.core stays free of Qt BROKEN" in res.stdout
    assert "console.core.sneaky -> PySide6" in res.stdout


def test_core_imports_with_qt_unavailable():
    """Every console.core module imports in a Python where PySide6/pyqtgraph/qasync cannot load."""
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'qasync'):
                    raise ImportError('blocked: ' + name)
        sys.meta_path.insert(0, Block())
        import console.core
        names = [m.name for m in pkgutil.walk_packages(console.core.__path__, 'console.core.')]
        for n in names:
            importlib.import_module(n)
        print(len(names))
        """
    )
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert int(res.stdout.strip()) >= 10
