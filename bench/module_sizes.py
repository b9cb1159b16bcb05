"""Module and function sizes of console/ (issue 11's numbers): one JSON line.

    python bench/module_sizes.py [ROOT]      (default: the console package beside this folder)

Module length: lines of each .py file, package __init__ files under 5 lines left out.  Function
length: first to last line of each def (nested ones counted on their own too).
"""

from __future__ import annotations

import ast
import json
import statistics
import sys
from pathlib import Path


def sizes(root: Path) -> dict:
    lengths, long_functions = [], []
    for path in sorted(root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = len(source.splitlines())
        if path.name == "__init__.py" and lines < 5:
            continue
        lengths.append(lines)
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                span = node.end_lineno - node.lineno + 1
                if span > 80:
                    long_functions.append([f"{path.relative_to(root)}:{node.name}", span])
    return {"modules": len(lengths), "median_lines": statistics.median(lengths), "max_lines": max(lengths),
            "over_300": sum(n > 300 for n in lengths),
            "functions_over_80": sorted(long_functions, key=lambda f: -f[1])}


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "console"
    print(json.dumps(sizes(root)))
