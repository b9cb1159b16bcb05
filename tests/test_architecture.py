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


def _import_cycles(graph) -> list[list[str]]:
    """The strongly connected components of more than one module in ``graph`` (Tarjan, iterative).

    The edges are exactly the imports grimp records: module-level, function-level and TYPE_CHECKING
    imports alike, and a package's ``__init__`` importing its children counts as an edge like any
    other.  Nothing is ignored, and nothing needs to be: no package module is imported back by one
    of its children (that was the envcheck cycle: ``envcheck/__init__`` ↔ ``envcheck/main``)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    component.append(m)
                    if m == node:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))
    return cycles


def test_no_import_cycles_between_modules():
    """No module of ``console`` imports, directly or through others, a module that imports it back.

    Checked on grimp's graph of the real tree; the detector itself is shown to see the old
    decode ↔ fastdecode cycle when that import is put back into the graph."""
    import grimp

    graph = grimp.build_graph("console", cache_dir=None)
    assert "console.core.inference.fastdecode" in graph.modules and len(graph.modules) >= 50
    assert _import_cycles(graph) == []

    # the detector sees a cycle: fastdecode importing DecodeStats from decode again
    assert graph.direct_import_exists(importer="console.core.inference.decode",
                                      imported="console.core.inference.fastdecode")
    graph.add_import(importer="console.core.inference.fastdecode", imported="console.core.inference.decode")
    assert _import_cycles(graph) == [["console.core.inference.decode", "console.core.inference.fastdecode"]]
