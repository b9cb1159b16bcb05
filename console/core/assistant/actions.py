"""What a verb does to one device: lock/unlock, switch on/off, open/close (full travel unless a value
was given), and the read-only refusal shared with assign.py.

Conventions: locks only react to lock words; "open"/"close" mean 100 % / 0 % on an opening and
switch a device without one; for devices in general ("everything on line B") on/off only switches
and open/close only opens or closes.
"""

from __future__ import annotations

from typing import Sequence

from console.core.assistant.lexicon import ANY_OFF, ANY_ON, CLOSE, LOCK, OFF, ON, OPEN, OPENING_CAPS, SWITCH_CAPS, UNLOCK
from console.core.assistant.proposal import AMBIGUOUS, READ_ONLY, UNSUPPORTED, Fail
from console.core.assistant.wording import label, t
from console.core.protocol import Capability, DeviceMeta


def read_only(name: str, cap: Capability, lang: str) -> Fail:
    return Fail(READ_ONLY, t(lang, f"{name}: {label(cap.name, 'en')} is read-only (it can be watched, not set)",
                             f"{name}：{label(cap.name, 'zh')}是只读的，只能查看，不能设置"))


def apply_action(meta: DeviceMeta, act: str, params: dict, lang: str, name: str,
                 leftovers: Sequence[str] = (), generic: bool = False, opening_only: bool = False) -> Fail | None:
    """Add what ``act`` means for ``meta`` to ``params``; a Fail when the device cannot do it."""
    if act in (LOCK, UNLOCK):
        return _lock(meta, act, params, lang, name)
    caps = meta.capabilities
    positive = act in (ON, OPEN, ANY_ON)
    chosen = _target_capability(meta, act, generic)
    if opening_only and (chosen is None or chosen.name not in OPENING_CAPS):
        if params:  # "lower the AC to 20 degrees": the value says it all; "lower" switches nothing off
            return None
        if chosen is None:
            return Fail(UNSUPPORTED, t(lang, f"{name} cannot be lowered", f"{name}不能调低"))
        return Fail(UNSUPPORTED, t(lang, f"{name}: \"lower\" without a value is a relative change: say the target value",
                                   f"{name}：没有目标值的“调低”是相对调整：请说出目标值"))
    if chosen is None and "locked" in caps and lang == "zh" and act in (ANY_ON, ANY_OFF) and not generic:
        # 把门锁打开 / 打开门锁: 开 on a lock is 开锁 (unlock); 关上门锁 is lock (English "open" stays refused)
        return _lock(meta, UNLOCK if act == ANY_ON else LOCK, params, lang, name)
    if chosen is None and "locked" in caps:
        return Fail(UNSUPPORTED, t(lang, f"{name} only locks and unlocks: say \"lock\" or \"unlock\"",
                                   f"{name}只能上锁或解锁：请说“锁上”或“解锁”"))
    if chosen is None:
        verb = t(lang, "switched on or off" if act in (ON, OFF, ANY_ON, ANY_OFF) else "opened or closed", "开关")
        return Fail(UNSUPPORTED, t(lang, f"{name} cannot be {verb}", f"{name}不能{verb}"))
    if not chosen.writable:
        return read_only(name, chosen, lang)
    if chosen.type == "bool":
        if chosen.name in params and params[chosen.name] != positive:
            return Fail(AMBIGUOUS, t(lang, f"{name}: both on and off were asked", f"{name}：既要开又要关"))
        params[chosen.name] = positive
    elif chosen.name not in params:  # "open the valve halfway": the value wins
        if leftovers:  # "open the valve a smidge": never full travel on a guess
            words = ", ".join(leftovers)
            return Fail(AMBIGUOUS, t(lang, f"{name}: how far? ('{words}' is not a value I know; say e.g. 30%)",
                                     f"{name}：开到多少？（“{words}”不是已知的数值，请说例如30%）"))
        bound = chosen.max if positive else chosen.min
        if bound is None:
            bound = 100 if positive else 0
        params[chosen.name] = int(bound) if chosen.type == "int" else float(bound)
    return None


def _lock(meta: DeviceMeta, act: str, params: dict, lang: str, name: str) -> Fail | None:
    c = meta.capabilities.get("locked")
    if c is None or c.type != "bool":
        return Fail(UNSUPPORTED, t(lang, f"{name} cannot be locked or unlocked", f"{name}不能上锁或解锁"))
    if not c.writable:
        return read_only(name, c, lang)
    params["locked"] = act == LOCK
    return None


def _target_capability(meta: DeviceMeta, act: str, generic: bool) -> Capability | None:
    """The switch or the opening that ``act`` moves on this device, if it has one."""
    caps = meta.capabilities
    switch = next((caps[n] for n in SWITCH_CAPS if n in caps and caps[n].type == "bool"), None)
    if switch is None:
        switch = next((c for c in caps.values() if c.type == "bool" and c.writable and c.name != "locked"), None)
    opening = next((caps[n] for n in OPENING_CAPS if n in caps and caps[n].type in ("int", "float")), None)
    order = [opening, switch] if act in (OPEN, CLOSE) else [switch, opening]
    if act in (ON, OFF) and switch is None and opening is not None and meta.kind in ("valve", "cover"):
        order = [opening]
    if generic:  # "turn off everything on line B" closes no valve; "close everything" switches nothing off
        order = [switch] if act in (ON, OFF, ANY_ON, ANY_OFF) else [opening]
    return next((c for c in order if c is not None), None)
