"""What the parser hands back: a Proposal of valid commands, or a Refusal with its reason.

Also the per-device :class:`Fail` (a refusal in waiting) and :func:`build_proposal`, the last step:
every command passes ``DeviceMeta.validate_params`` here, so the pipeline cannot reject its shape.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Mapping

from console.core.assistant.aliases import Aliases
from console.core.assistant.wording import describe_change, summarize, t
from console.core.protocol import DeviceMeta, ProtocolError

log = logging.getLogger(__name__)

# refusal kinds
OUT_OF_RANGE = "out_of_range"
UNKNOWN_DEVICE = "unknown_device"
READ_ONLY = "read_only"
NOTHING_ACTIONABLE = "nothing_actionable"
AMBIGUOUS = "ambiguous"
UNSUPPORTED = "unsupported"  # the device exists but cannot do what was asked
TOO_MANY = "too_many"
REFUSAL_KINDS = (OUT_OF_RANGE, UNKNOWN_DEVICE, READ_ONLY, NOTHING_ACTIONABLE, AMBIGUOUS, UNSUPPORTED, TOO_MANY)


@dataclass(frozen=True)
class ProposedCommand:
    device_id: str
    device_name: str
    params: dict[str, Any]  # as returned by DeviceMeta.validate_params("set", ...)
    high_risk: bool
    summary: str  # "Line A conveyor: stop" / "A线传送带：停止"
    change: str = ""  # the summary without the device name: "stop" / "停止"
    picked_by_model: bool = False


@dataclass(frozen=True)
class Refusal:
    kind: str  # one of REFUSAL_KINDS
    reason: str


@dataclass(frozen=True)
class Proposal:
    utterance: str
    lang: str  # "en" or "zh"
    commands: tuple[ProposedCommand, ...] = ()
    refusal: Refusal | None = None
    layer: str = "rules"  # which layer read it: rules | semantics | model (layers.py)
    timing_ms: dict = field(default_factory=dict, compare=False, hash=False)  # per layer, filled by layers.py

    @property
    def ok(self) -> bool:
        return self.refusal is None and bool(self.commands)

    @property
    def needs_extra_confirmation(self) -> bool:
        return any(c.high_risk for c in self.commands)


@dataclass
class Fail:
    """Why one device cannot take what was asked (becomes the Refusal if it decides the outcome)."""

    kind: str
    reason: str
    rank: int = 0


_FAIL_RANK = {OUT_OF_RANGE: 4, READ_ONLY: 3, UNSUPPORTED: 2, AMBIGUOUS: 1}


def worst_refusal(fails: list[Fail], lang: str) -> Refusal:
    """The most telling of several devices' failures: out of range, then read-only, unsupported, ambiguous."""
    if not fails:
        return Refusal(NOTHING_ACTIONABLE, t(lang, "Nothing to do.", "没有可执行的操作。"))
    best = max(fails, key=lambda f: _FAIL_RANK.get(f.kind, 0))
    return Refusal(best.kind, best.reason)


def build_proposal(utterance: str, lang: str, chosen: Mapping[str, dict[str, Any]], model_picked: set[str], *,
                   by_id: Mapping[str, DeviceMeta], aliases: Aliases, max_commands: int) -> Proposal:
    """The chosen changes per device → validated commands with their risk and summary, or a refusal."""
    def refuse(kind: str, en: str, zh: str) -> Proposal:
        return Proposal(utterance, lang, (), Refusal(kind, t(lang, en, zh)))

    if len(chosen) > max_commands:
        return refuse(TOO_MANY, f"That would change {len(chosen)} devices; the limit is {max_commands}. "
                      "Narrow it down by zone or name.",
                      f"这会改变 {len(chosen)} 台设备，上限是 {max_commands}。请按区域或名称缩小范围。")
    commands = []
    for dev_id, params in chosen.items():
        meta = by_id[dev_id]
        try:
            clean = meta.validate_params("set", params)  # valid by construction: the catalog decides
        except ProtocolError as exc:  # a bug in the rules, never a wrong command
            log.error("intent rules produced an invalid command for %s: %s (ask: %r)", dev_id, exc, utterance)
            return refuse(UNSUPPORTED, f"{meta.name}: {exc}", f"{meta.name}：{exc}")
        commands.append(ProposedCommand(
            device_id=dev_id,
            device_name=aliases.display_name(meta, lang),
            params=clean,
            high_risk=meta.is_high_risk(clean),
            summary=summarize(aliases, meta, clean, lang),
            change=describe_change(meta, clean, lang),
            picked_by_model=dev_id in model_picked,
        ))
    if not commands:
        return refuse(NOTHING_ACTIONABLE, "Nothing to do.", "没有可执行的操作。")
    return Proposal(utterance, lang, tuple(commands), None)
