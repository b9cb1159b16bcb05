"""One line of the doctor's report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

OK, WARN, FAIL, SKIP = "ok", "warn", "fail", "skip"
STATUSES = (OK, WARN, FAIL, SKIP)
# worst first: the order a summary and a sort use; "skip" sorts last so that a group of ok and
# skipped rows reads ok (skipped only when nothing in it ran)
SEVERITY = {FAIL: 0, WARN: 1, OK: 2, SKIP: 3}


@dataclass
class CheckResult:
    name: str
    status: str  # ok | warn | fail | skip
    value: str  # what was measured
    expected: str = ""  # what it should be
    hint: str = ""  # how to fix it (empty when ok)
    group: str = ""  # Python | Packages | CUDA | Quantization | Model | Model server | Broker | Disk | Qt
    elapsed_s: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)  # machine-readable extras (numbers, versions)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, got {self.status!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def summarize(results: list[CheckResult]) -> dict[str, int]:
    out = {s: 0 for s in STATUSES}
    for r in results:
        out[r.status] += 1
    return out


def worst(results: list[CheckResult]) -> str:
    if not results:
        return SKIP
    return min((r.status for r in results), key=lambda s: SEVERITY[s])
