"""What one device would get from a reading: its enum values, numbers and verbs, checked against the
catalog.  A value out of range is a :class:`Fail` naming the allowed range, never a clamped value;
values never imply power (the verb decides, see actions.py).
"""

from __future__ import annotations

from typing import Any

from console.core.assistant.actions import apply_action, read_only
from console.core.assistant.both_ways import said_both
from console.core.assistant.lexicon import (ANY_OFF, ANY_ON, CLOSE, LOCK, OFF, ON, OPEN, OPENING_CAPS, PERCENT_WORDS,
                                           SWITCH_CAPS, UNLOCK)
from console.core.assistant.proposal import AMBIGUOUS, NOTHING_ACTIONABLE, OUT_OF_RANGE, UNSUPPORTED, Fail
from console.core.assistant.phrases import normalize
from console.core.assistant.numbers import UNIT_OF
from console.core.assistant.past_values import zh_values
from console.core.assistant.reading import Num, Reading
from console.core.assistant.wording import fmt, label, or_list, t
from console.core.protocol import Capability, DeviceMeta, ProtocolError


def assign(meta: DeviceMeta, r: Reading, lang: str, name: str, generic: bool = False) -> dict[str, Any] | Fail:
    """The params ``meta`` would get (``name``: its display name in ``lang``), or why it cannot take them."""
    hinted = [c for group in r.hints for c in group if c in meta.capabilities]
    params: dict[str, Any] = {}
    all_on: list[str] = []  # 灯全开: "all on" on a switched device with no opening (a valve's 全开 stays 100 %)

    def put(cap: str, value: Any) -> Fail | None:
        if cap in params and params[cap] != value:
            return Fail(AMBIGUOUS, t(lang, f"{name}: two different values for {cap}", f"{name}：{cap} 有两个不同的值"))
        params[cap] = value
        return None

    for e in r.enums:
        cap_or_fail = _enum_cap(meta, e, hinted, lang, name)
        if isinstance(cap_or_fail, Fail):
            return cap_or_fail
        if fail := put(cap_or_fail.name, e):
            return fail
    if r.bad_enum:
        return _bad_enum(meta, r.bad_enum, hinted, lang, name)
    for num in r.numbers:
        if num.special == "MAX" and normalize(num.text) in AMOUNT_WORDS:
            if r.actions:  # "close the valve completely", "stop the pump fully", "open the valve fully and
                continue  # start the pump": how far the verb goes (its full travel), never a value of its own
            if normalize(num.text) == "全开" and not any(c in meta.capabilities for c in OPENING_CAPS) \
                    and any(c in meta.capabilities for c in SWITCH_CAPS):
                all_on.append(ON)  # 办公室的灯全开 (held-out 16): the lamps on, not level 100
                continue
            if r.direction == {"down"}:
                num = Num(None, num.unit, special="MIN", text=num.text)  # "dim the lamp completely": down all the way
        got = _level_enum(meta, num, hinted) or _number_value(meta, num, hinted, lang, name)
        if isinstance(got, Fail):
            return got
        if fail := put(*got):
            return fail
    ups = [a for a in r.actions if a in (ON, OPEN, ANY_ON)]
    downs = [a for a in r.actions if a in (OFF, CLOSE, ANY_OFF)]
    if LOCK in r.actions and UNLOCK in r.actions and "locked" in meta.capabilities:
        # "unlock the front door lock" once read "lock" as a second verb and locked it: never last-wins
        return Fail(AMBIGUOUS, said_both(meta, name, lang))  # a contradiction says so (both_ways.py)
    if ups and downs:  # "open the blinds and close the valve": each clause on its own (parser.py), never one
        return Fail(AMBIGUOUS, said_both(meta, name, lang))
    for act in [*r.actions, *all_on]:
        if act == OPEN and r.raised and params and not any(c in meta.capabilities for c in OPENING_CAPS):
            continue  # "raise the setpoint to 24", "lift the flow to 30 l/min": the value, no switch (held-out 9)
        if fail := apply_action(meta, act, params, lang, name, r.leftover_words, generic,
                                opening_only=r.opening_only):
            return fail
    if not params:
        return Fail(NOTHING_ACTIONABLE, t(lang, f"nothing to change on {name}", f"{name}没有要改变的设置"))
    return params


# amount words: how far the verb goes ("close it completely"), not a value of their own
AMOUNT_WORDS = {"fully", "completely", "all the way", "totally", "entirely", "全开", "完全", "彻底"}


# enum values in order, for "max"/"min" on a setting with no number (a fan's speed: 开到最大 → high)
LEVELS = ("low", "medium", "high")


def _level_enum(meta: DeviceMeta, num: Num, hinted: list[str]) -> tuple[str, Any] | None:
    """("speed", "high") for "max" on a device whose only setting of its kind is an ordered enum, else None."""
    if num.special not in ("MAX", "MIN") or num.unit:
        return None
    if any(c.type in ("int", "float") and c.writable for c in meta.capabilities.values()):
        return None  # a number's own maximum (conveyor speed → 120 rpm)
    levels = [c for c in meta.capabilities.values() if c.type == "enum" and c.writable
              and c.values and set(c.values) <= set(LEVELS) and (not hinted or c.name in hinted)]
    if len(levels) != 1:
        return None
    vals = [v for v in LEVELS if v in levels[0].values]
    return levels[0].name, vals[-1] if num.special == "MAX" else vals[0]


def _enum_cap(meta: DeviceMeta, e: str, hinted: list[str], lang: str, name: str) -> Capability | Fail:
    cands = [c for c in meta.capabilities.values() if c.type == "enum" and e in c.values]
    if len(cands) > 1:
        cands = [c for c in cands if c.name in hinted] or cands[:1]
    if not cands:
        return Fail(UNSUPPORTED, t(lang, f"{name} has no setting '{e}'", f"{name}没有“{e}”这个设置"))
    if not cands[0].writable:
        return read_only(name, cands[0], lang)
    return cands[0]


def _bad_enum(meta: DeviceMeta, bad: str, hinted: list[str], lang: str, name: str) -> Fail:
    """"set the fan speed to turbo": name the values the setting allows."""
    enums = [c for c in meta.capabilities.values() if c.type == "enum"]
    cands = [c for c in enums if c.name in hinted] or (enums if len(enums) == 1 else [])
    if not cands:
        return Fail(UNSUPPORTED, t(lang, f"{name} has no setting '{bad}'", f"{name}没有“{bad}”这个设置"))
    c = cands[0]
    return Fail(OUT_OF_RANGE, t(
        lang, f"{name}: {c.name} '{bad}' is not allowed; choose {or_list(c.values)}",
        f"{name}：{label(c.name, 'zh')}不能设为“{bad}”，可选：{zh_values(list(c.values))}"))


def _number_value(meta: DeviceMeta, num: Num, hinted: list[str], lang: str, name: str) -> tuple[str, Any] | Fail:
    """(capability, checked value) for one number, MAX/MIN and HALF-like words included."""
    cap = _number_cap(meta, num, hinted, lang, name)
    if isinstance(cap, Fail):
        return cap
    if num.special in ("MAX", "MIN"):
        bound = cap.max if num.special == "MAX" else cap.min
        if bound is None:
            return Fail(UNSUPPORTED, t(lang, f"{name}: {cap.name} has no {num.special.lower()}imum",
                                       f"{name}：{label(cap.name, 'zh')}没有上下限"))
        value: Any = bound
    elif num.special in PERCENT_WORDS and _share_of_max(cap):  # "half speed" of 0–120 rpm: 60 (session 10b)
        value = cap.max * PERCENT_WORDS[num.special] / 100
        value = int(round(value)) if cap.type == "int" else value
    elif num.special in PERCENT_WORDS:
        value = PERCENT_WORDS[num.special]
    else:
        value = num.value
    if cap.type == "int" and isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        value = cap.check(value)
    except ProtocolError as exc:
        return Fail(OUT_OF_RANGE, _range_reason(cap, num, exc, lang, name))
    return cap.name, value


def _share_of_max(cap: Capability) -> bool:
    """A range in its own unit (not %) from 0 to a maximum: "half" / "a quarter" of it is that share of the maximum
    ("conveyor A at half speed", 0–120 rpm → 60); any other range has no such share (refused as before)."""
    return cap.type in ("int", "float") and cap.min == 0 and cap.max is not None \
        and normalize(cap.unit or "") not in ("%", "percent")


def _number_cap(meta: DeviceMeta, num: Num, hinted: list[str], lang: str, name: str) -> Capability | Fail:
    """The one writable numeric capability a number is for: by unit, then by the settings words."""
    numeric = [c for c in meta.capabilities.values() if c.type in ("int", "float")]
    if num.unit:
        numeric = [c for c in numeric if UNIT_OF.get(normalize(c.unit), c.unit) == num.unit]
    if hinted:
        by_hint = [c for h in hinted for c in numeric if c.name == h]
        if not by_hint and num.special in PERCENT_WORDS:  # "at half speed": a share of the named setting's range
            by_hint = [c for h in hinted for c in meta.capabilities.values() if c.name == h and _share_of_max(c)]
        if by_hint:
            numeric = by_hint
        elif any(c.type in ("int", "float") for h in hinted for c in meta.capabilities.values() if c.name == h):
            return Fail(UNSUPPORTED, t(lang, f"{name}: {num.text.strip()} does not fit {', '.join(hinted)}",
                                       f"{name}：{num.text.strip()} 与 {', '.join(hinted)} 的单位不符"))
    if not numeric:
        what = num.text.strip()
        return Fail(UNSUPPORTED, t(lang, f"{name} has nothing to set to {what}", f"{name}没有可以设为 {what} 的设置"))
    writable = [c for c in numeric if c.writable]
    if not writable:
        return read_only(name, numeric[0], lang)
    if len(writable) > 1 and not hinted:
        names = ", ".join(c.name for c in writable)
        return Fail(AMBIGUOUS, t(lang, f"{name}: which one, {names}?", f"{name}：要设置哪一个：{names}？"))
    return writable[0]


def _range_reason(cap: Capability, num: Num, exc: ProtocolError, lang: str, name: str) -> str:
    unit = f" {cap.unit}" if cap.unit else ""
    asked = f"{fmt(num.value)}{unit}" if num.value is not None else num.text.strip()
    if cap.type == "int" and num.value is not None and not float(num.value).is_integer():
        rng = f" ({fmt(cap.min)}–{fmt(cap.max)}{unit})" if cap.min is not None and cap.max is not None else ""
        return t(lang, f"{name}: {label(cap.name, 'en')} must be a whole number{rng}, not {asked}",
                 f"{name}：{label(cap.name, 'zh')}必须是整数{rng}，不能是 {asked}")
    if cap.min is not None and cap.max is not None:
        rng = f"{fmt(cap.min)}–{fmt(cap.max)}{unit}"
        return t(lang, f"{name}: {label(cap.name, 'en')} {asked} is outside the allowed range {rng}",
                 f"{name}：{label(cap.name, 'zh')} {asked} 超出允许范围 {rng}")
    return t(lang, f"{name}: {exc}", f"{name}：{exc}")
