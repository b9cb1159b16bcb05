"""The report in three forms: a terminal listing, Markdown, and one JSON document."""

from __future__ import annotations

import platform
import sys
from datetime import datetime, timezone
from typing import Any

from console.core.envcheck.result import FAIL, SEVERITY, STATUSES, CheckResult, summarize

SCHEMA = 1
MARK = {"ok": "OK", "warn": "WARN", "fail": "FAIL", "skip": "SKIP"}
EMOJI = {"ok": "✅", "warn": "⚠️", "fail": "❌", "skip": "➖"}


def host_info() -> dict[str, Any]:
    from console import __version__

    return {
        "app_version": __version__,
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "platform": platform.platform(),
        "machine": platform.machine(),
    }


def build_report(results: list[CheckResult], generated_at: datetime | None = None) -> dict[str, Any]:
    summary = summarize(results)
    return {
        "schema": SCHEMA,
        "generated_at": (generated_at or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        "host": host_info(),
        "summary": summary,
        "status": "fail" if summary[FAIL] else ("warn" if summary["warn"] else "ok"),
        "checks": [r.to_dict() for r in results],
    }


def _groups(checks: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    order: dict[str, list[dict[str, Any]]] = {}
    for c in checks:
        order.setdefault(c.get("group") or "Other", []).append(c)
    return list(order.items())


# how each status is counted in a summary: (one, many)
COUNT_WORDS = {"ok": ("ok", "ok"), "warn": ("warning", "warnings"), "fail": ("failed", "failed"),
               "skip": ("skipped", "skipped")}


def count(n: int, one: str, many: str) -> str:
    """``1 warning``, ``2 warnings``, ``0 warnings``."""
    return f"{n} {one if n == 1 else many}"


def summary_line(summary: dict[str, int]) -> str:
    """``1 failed, 2 warnings, 19 ok, 5 skipped``: worst first."""
    return ", ".join(count(summary.get(s, 0), *COUNT_WORDS[s]) for s in sorted(STATUSES, key=SEVERITY.get))


def to_text(report: dict[str, Any]) -> str:
    lines = [f"AutoGLM Console doctor - {report['generated_at']} - {summary_line(report['summary'])}"]
    for group, checks in _groups(report["checks"]):
        lines.append("")
        lines.append(f"{group}")
        for c in checks:
            lines.append(f"  [{MARK[c['status']]:4}] {c['name']}: {c['value']}")
            if c["status"] in ("warn", "fail") and c.get("expected"):
                lines.append(f"         expected: {c['expected']}")
            if c.get("hint") and c["status"] != "ok":
                lines.append(f"         fix: {c['hint']}")
    fails = report["summary"].get(FAIL, 0)
    lines.append("")
    lines.append(f"{count(fails, 'check', 'checks')} failed: fix {'it' if fails == 1 else 'those'} first."
                 if fails else "No check failed.")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def to_markdown(report: dict[str, Any]) -> str:
    host = report.get("host", {})
    lines = [
        "# AutoGLM Console environment report",
        "",
        f"- generated: {report['generated_at']}",
        f"- console {host.get('app_version', '?')}, Python {host.get('python', '?')}, {host.get('platform', '?')}",
        f"- result: **{report['status']}** ({summary_line(report['summary'])})",
    ]
    problems = sorted((c for c in report["checks"] if c["status"] in ("fail", "warn")),
                      key=lambda c: SEVERITY[c["status"]])
    if problems:
        lines += ["", "## What to fix", ""]
        for c in problems:
            lines.append(f"- {EMOJI[c['status']]} **{_md(c['name'])}**: {_md(c['value'])}. {_md(c.get('hint', ''))}")
    for group, checks in _groups(report["checks"]):
        lines += ["", f"## {group}", "", "| | Check | Value | Expected | Fix |", "|---|---|---|---|---|"]
        for c in checks:
            fix = c.get("hint", "") if c["status"] != "ok" else ""
            lines.append(f"| {EMOJI[c['status']]} | {_md(c['name'])} | {_md(c['value'])} | {_md(c.get('expected', ''))}"
                         f" | {_md(fix)} |")
    return "\n".join(lines) + "\n"
