"""Which devices an utterance means, and what each of them gets.

Groups come in the order the utterance names them: one per named device, one per kind word (narrowed
by the zones mentioned), or every device of the mentioned zones (or of the fleet, for "all devices")
when no device or kind is named.  In a group of several candidates: all of them when the utterance
says so (a quantifier or a plural noun, skipping those that cannot take the change), else the
ranker's pick, else a refusal naming the candidates.  A value out of range refuses the whole ask.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, NamedTuple, Sequence

from console.core.assistant.aliases import Aliases
from console.core.assistant.assign import assign
from console.core.assistant.definite_ties import model_may_pick, one_named_zh
from console.core.assistant.numbers import UNIT_OF
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import AMBIGUOUS, OUT_OF_RANGE, UNKNOWN_DEVICE, Fail, Refusal, worst_refusal
from console.core.assistant.ranker import Ranker, tie_break
from console.core.assistant.reading import Reading
from console.core.assistant.wording import or_list, t
from console.core.protocol import DeviceMeta

Chosen = dict[str, dict[str, Any]]  # device id → params
_MASS_EN = re.compile(r"(?<![a-z])(?:lighting|air\s+conditioning|ventilation)(?![a-z])")  # "the office lighting": all
_ORDINAL_ZH = re.compile(r"第[一二三四五六七八九十\d]+|[一二三四五六七八九\d]号")  # 办公室第二盏灯: one of them


class Group(NamedTuple):
    cands: list[DeviceMeta]
    explicit: bool  # a device named by its own name
    generic: bool  # devices in general ("everything on line B")
    zoned: bool = False  # a kind word narrowed by a place named ("办公室的灯"): in Chinese, that place's every one


def groups(r: Reading, lang: str, metas: Sequence[DeviceMeta], by_id: Mapping[str, DeviceMeta],
           aliases: Aliases) -> list[Group] | Refusal:
    """Candidate device sets, in the order the utterance names them."""
    first: dict[tuple[str, str], int] = {}
    for mn in r.mentions:
        for k in (mn.keys[:1] if mn.kind == "device" else mn.keys):
            first.setdefault((mn.kind, k), mn.start)
    devices = [k for (kind, k) in first if kind == "device"]
    kinds = [k for (kind, k) in first if kind == "kind"]
    zones = [k for (kind, k) in first if kind == "zone"]
    found: list[tuple[int, Group]] = [(first[("device", d)], Group([by_id[d]], True, False)) for d in devices]
    named = set(devices)
    for k in kinds:
        cands = [m for m in metas if m.kind == k and m.id not in named]
        if any(by_id[d].kind == k for d in named) and (not cands or not (r.quantified or r.plural)):
            continue  # "the lamp level … on the desk lamp", "conveyor B": the kind word is the named device
        if not cands:
            continue
        if zones:
            in_zone = [m for m in cands if m.zone in zones]
            if not in_zone:
                zone_names = ", ".join(aliases.zone_name(z, lang) for z in zones)
                what = (aliases.kinds.get(k, {}).get(lang) or [k])[0]  # "conveyor", not the kind id "motor"
                return Refusal(UNKNOWN_DEVICE, t(lang, f"There is no {what} in {zone_names}.",
                                                 f"{zone_names}没有{what}。"))
            cands = in_zone
            per_zone = _per_zone(r, k, zones, cands)
            if per_zone is not None:  # "the conveyor on line a and the one on line b": one group per place
                found += per_zone
                continue
        found.append((first[("kind", k)], Group(cands, False, False, bool(zones))))
    if not devices and not kinds and zones:
        found.append((min(first[("zone", z)] for z in zones), Group([m for m in metas if m.zone in zones], False, True)))
    elif ("any", "*") in first and not zones:  # "turn off all devices": the whole fleet
        found.append((first[("any", "*")], Group([m for m in metas if m.id not in named], False, True)))
    found.sort(key=lambda g: g[0])
    return [g for _pos, g in found]


def _per_zone(r: Reading, kind: str, zones: Sequence[str], cands: list[DeviceMeta]) -> list[tuple[int, Group]] | None:
    """A kind named again for each of several places ("stop the conveyor on line a and the conveyor on line b",
    停止一号线的传送带和二号线的传送带, "line a's conveyor and line b's"): one group per place that has one, each
    at the place's first mention, so each place's own device is meant (never "which one?" between them, never
    one of them dropped).  None when the kind is named once or the places are fewer than two."""
    said = sum(1 for mn in r.mentions if mn.kind == "kind" and kind in mn.keys)
    places = [z for z in zones if any(m.zone == z for m in cands)]
    if said < 2 or len(places) < 2:
        return None
    at = {z: min(mn.start for mn in r.mentions if mn.kind == "zone" and z in mn.keys) for z in places}
    return [(at[z], Group([m for m in cands if m.zone == z], False, False, True)) for z in places]


def choose(utterance: str, r: Reading, lang: str, found: list[Group], aliases: Aliases,
           ranker: Ranker | None) -> tuple[Chosen, set[str]] | Refusal:
    """(params per device, ids the model picked), or the refusal that decides the utterance."""
    chosen: Chosen = {}
    model_picked: set[str] = set()
    for group in found:
        picked = _pick(utterance, r, lang, group, aliases, ranker)
        if isinstance(picked, Refusal):
            return picked
        good, by_model = picked
        if by_model:
            model_picked.add(good[0][0].id)
        for m, params in good:
            if m.id in chosen and chosen[m.id] != params:
                return Refusal(AMBIGUOUS, t(lang, f"{m.name} was asked for twice.", f"{m.name}被要求了两次。"))
            chosen[m.id] = params
    return chosen, model_picked


def _shared_unit(r: Reading, group: Group) -> list[DeviceMeta] | None:
    """The devices of a place that a value's unit fits, when it fits more than one of them ("set line b to
    50%": the conveyor's load and the steam valve): a unit shared by several devices (read-only ones too,
    or what the place's devices *show* would be set on another) does not say which one is meant; the
    settings words narrow it ("line b opening 50%").  None when the unit points at one device."""
    hinted = {c for group_ in r.hints for c in group_}
    for num in r.numbers:
        if not num.unit or num.special:
            continue
        fits = [m for m in group.cands if any(
            c.type in ("int", "float") and c.unit and UNIT_OF.get(normalize(c.unit), c.unit) == num.unit
            and (not hinted or c.name in hinted) for c in m.capabilities.values())]
        if len(fits) > 1:
            return fits
    return None


def _hinted(r: Reading, group: Group) -> Group:
    """A place's devices (no device or kind named) narrowed to those that have the setting the words name: "set the
    line B load to half", 二号线的负载调到一半 mean the conveyor's load (read-only: refused), never the steam valve
    that merely takes a percentage too (session 9 had opened it to 50 %).  Only with a value: the words say which
    setting it goes to ("stop the product flow on line b" and "温度传感气关掉" are no flow or temperature
    setting).  The group unchanged when no setting word was read or no device there has that setting."""
    if not group.generic or not r.hints or len(group.cands) < 2 or not (r.numbers or r.enums):
        return group
    said = {c for hint in r.hints for c in hint}
    units = {num.unit for num in r.numbers if num.unit}
    # and the setting takes the value's unit ("line 2 product flow 80 rpm": the pump's flow is no rpm, unchanged)
    have = [m for m in group.cands if any(units <= {UNIT_OF.get(normalize(cap.unit or ""), cap.unit)}
                                          for name, cap in m.capabilities.items() if name in said)]
    return group._replace(cands=have) if have else group


def _kind_nouns_zh(cands: Sequence[DeviceMeta], aliases: Aliases) -> list[str]:
    """The Chinese nouns of the candidates' kinds (灯, 电灯 …)."""
    return [n for k in {m.kind for m in cands} for n in (aliases.kinds.get(k) or {}).get("zh", ())]


def _pick(utterance: str, r: Reading, lang: str, group: Group, aliases: Aliases,
          ranker: Ranker | None) -> tuple[list[tuple[DeviceMeta, dict[str, Any]]], bool] | Refusal:
    """The devices of one group that change, with their params, and whether the model picked them."""
    group = _hinted(r, group)
    cands = group.cands
    results = {m.id: assign(m, r, lang, aliases.display_name(m, lang), group.generic) for m in cands}
    fails = [res for res in results.values() if isinstance(res, Fail)]
    good = [m for m in cands if not isinstance(results[m.id], Fail)]
    by_model = False
    if group.explicit or len(cands) == 1:
        if fails:
            return worst_refusal(fails, lang)
    else:
        ranges = [f for f in fails if f.kind == OUT_OF_RANGE]
        # a place's kind noun in Chinese has no plural form: 关掉办公室的灯, 办公室灯光调到一半 mean every lamp there
        # (English says it: "the office lights"; "the office lamp" stays "which one?")
        mass = group.zoned and ((lang == "zh" and not _ORDINAL_ZH.search(utterance)  # 办公室那盏灯: one (definite_ties.py)
                                 and not one_named_zh(normalize(utterance), _kind_nouns_zh(cands, aliases)))
                                or _MASS_EN.search(utterance.lower()) is not None)
        many = (r.quantified or r.plural or mass) and not r.single
        if ranges and (many or not good):
            return worst_refusal(ranges, lang)
        if not good:
            return worst_refusal(fails, lang)
        shared = _shared_unit(r, group) if group.generic and not many and not r.actions else None
        if shared is not None:  # "set line b to 50%": the conveyor's load and the valve are both in %
            names = or_list([aliases.display_name(m, lang) for m in shared], lang)
            return Refusal(AMBIGUOUS, t(lang, f"Which device: {names}? The value fits more than one: name the device.",
                                        f"哪个设备：{names}？这个数值适用于多个设备：请说出设备名称。"))
        if len(good) > 1 and not many:  # "the office lamp": a definite singular is asked back (definite_ties.py)
            pick = tie_break(ranker, utterance, good) if getattr(ranker, "enumerates", False) or model_may_pick(
                normalize(utterance), good, aliases) else None
            if pick is None:
                names = or_list([aliases.display_name(m, lang) for m in good], lang)
                return Refusal(AMBIGUOUS, t(lang, f"Which one: {names}? Name it, or say \"both\"/\"all\".",
                                            f"哪一个：{names}？请说出名称，或说“所有”。"))
            good, by_model = [pick], True
    return [(m, results[m.id]) for m in good], by_model  # type: ignore[misc]
