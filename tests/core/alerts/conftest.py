"""Fixtures of the alerts tests (the parts themselves are in helpers.py)."""

from __future__ import annotations

import pytest

from tests.core.alerts.helpers import ManualClock, Rig


@pytest.fixture
def clock() -> ManualClock:
    """Wall-clock seconds that move only when the test says so."""
    return ManualClock()


@pytest.fixture
def rig(broker_cfg, tmp_path, clock):
    """Console sides, devices and the rest of one test, closed after it (helpers.Rig)."""
    r = Rig(broker_cfg, tmp_path, clock)
    try:
        yield r
    finally:
        r.close()
