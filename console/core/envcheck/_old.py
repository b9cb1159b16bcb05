"""Environment checks (the doctor).  First cut: Python, torch, CUDA, broker; issue 5 completes it."""

from __future__ import annotations

import importlib.metadata
import json
import socket
import sys
from dataclasses import asdict, dataclass

from .mqtt_link import BrokerConfig


@dataclass
class CheckResult:
    name: str
    status: str  # ok | warn | fail | skip
    value: str
    expected: str = ""
    hint: str = ""


def check_python() -> CheckResult:
    v = sys.version_info
    ok = v >= (3, 10)
    return CheckResult("Python", "ok" if ok else "fail", sys.version.split()[0], ">= 3.10",
                       "" if ok else "Install Python 3.10 or newer.")


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def check_torch() -> CheckResult:
    v = _version("torch")
    if v is None:
        return CheckResult("torch", "fail", "missing", ">= 2.4", "Run the set-up (make run) to install torch.")
    return CheckResult("torch", "ok", v, ">= 2.4")


def check_cuda() -> CheckResult:
    try:
        import torch
    except ImportError:
        return CheckResult("CUDA", "skip", "torch missing", hint="Install torch first.")
    if not torch.cuda.is_available():
        return CheckResult("CUDA", "warn", "no CUDA", "a CUDA GPU",
                           "Models run on the CPU (slow). Install an NVIDIA driver and a CUDA build of torch.")
    name = torch.cuda.get_device_name(0)
    return CheckResult("CUDA", "ok", f"{name}, CUDA {torch.version.cuda}")


def check_broker(url: str | None) -> CheckResult:
    if not url:
        return CheckResult("Broker", "skip", "demo mode (embedded broker)")
    try:
        cfg = BrokerConfig.from_url(url)
        with socket.create_connection((cfg.host, cfg.port), timeout=3):
            pass
    except (OSError, ValueError) as exc:
        return CheckResult("Broker", "fail", f"{url}: {exc}", "reachable",
                           "Start the broker or fix the URL (mqtt://host:1883).")
    return CheckResult("Broker", "ok", f"{url} reachable")


def run_checks(broker_url: str | None = None, model: str | None = None) -> list[CheckResult]:
    return [check_python(), check_torch(), check_cuda(), check_broker(broker_url)]


def doctor_main(json_out: bool = False, broker_url: str | None = None, model: str | None = None) -> int:
    results = run_checks(broker_url, model)
    if json_out:
        print(json.dumps([asdict(r) for r in results], indent=2))
    else:
        for r in results:
            print(f"[{r.status.upper():4}] {r.name}: {r.value}" + (f"\n       fix: {r.hint}" if r.hint else ""))
    return 1 if any(r.status == "fail" for r in results) else 0
