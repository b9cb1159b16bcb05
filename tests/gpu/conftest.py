"""GPU tests run on the lent GPU machine (``pytest -m gpu tests/gpu``) and are skipped elsewhere.

Nothing here needs Qt: the device machine may have no PySide6 (tests/conftest.py imports it only
inside a try)."""

from __future__ import annotations

import pytest


def _cuda() -> bool:
    try:
        import torch
    except ImportError:
        return False
    return torch.cuda.is_available()


def pytest_collection_modifyitems(config, items):
    if _cuda():
        return
    skip = pytest.mark.skip(reason="needs CUDA (runs on the lent GPU machine)")
    for item in items:
        if "gpu" in item.keywords:
            item.add_marker(skip)
