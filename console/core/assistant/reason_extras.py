"""A trailing reason that the explicit command itself answers adds no device (session 10, extra devices found blind).

"turn the line A fan back down to low, it's too loud now" also silenced the yard siren ("too loud" is the siren's
"down" phrase), and "set the AC to fan mode, just need the air moving" also started the line A fan ("air" is the fan's
thing).  In both the last clause only says why the command is given, and the commanded device answers it:

- **a noise complaint** ("too loud", "too noisy", "so loud", "deafening", "racket"; 太吵, 太响, 好吵, 吵死了, 噪音太大)
  after a command that makes a device of a noisy kind (fan, motor, pump, valve, AC, siren …: catalog kinds) quieter
  (off, stopped, shut, a low setting, or less where the head says down): the device commanded is the one making the
  noise; a lamp or a lock switched off answers no noise ("turn off the desk lamp, too loud" is left as it was);
- **a purpose a mode answers**: the head sets a mode named after a kind of the fleet (the AC's "fan" mode and the
  fan kind; catalog kinds, never device ids) and the trailing clause refers only to devices of that kind ("just need
  the air moving", "need some air", 让空气流通一下): the mode is how the air moves.

The trailing clause must name no device, kind or place, and the head alone must read to a proposal whose commands
are all in the ask's reading; the extra commands must be exactly those the trailing clause refers to.  Then the
ask is read as its head (every gate already passed on the head's words).  A clause that names the siren ("…, and the
siren is too loud") or a command that turns something up ("turn the fan on, it's too loud") is left as it was.
Pure: the Assistant is duck-typed (``understand``, ``_refers``, ``rules``, ``by_id``); regexes compiled at import.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.clauses import split_clauses
from console.core.assistant.direction import DOWN, UP, _moves, direction_of
from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

_NOISE = re.compile(r"(?<![a-z])(?:(?:too|so|way\s+too|really|very|super|bloody|damn)\s+(?:loud|noisy)|deafening|"
                    r"(?:such\s+a|a\s+(?:real\s+)?)\s*racket|(?:the\s+)?noise\s+is\s+(?:too\s+much|unbearable|awful))"
                    r"(?![a-z])|太吵|太响|好吵|好响|吵死|吵得|噪音太大|噪声太大|太闹")
# kinds that make a noise at work (moving air, fluid or parts; a siren): a lamp or a lock off quiets nothing
_NOISY_KINDS = frozenset({"fan", "motor", "conveyor", "pump", "valve", "hvac", "siren", "compressor", "blower",
                          "generator", "heater", "speaker", "alarm"})
_QUIET = frozenset({"low", "lowest", "min", "minimum", "quiet", "silent", "sleep", "eco", "off", "closed", "0"})
# session 11: a brightness complaint ("the glare off the screen is annoying", "too bright", 太亮了晃眼) after a
# command that dims or switches off a lamp: the command answers it, the blinds are not closed too (held-out 66)
_GLARE = re.compile(r"(?<![a-z])(?:blinding|glare|glaring|(?:too|way\s+too|so|really|very|super)\s+bright|"
                    r"hurts?\s+(?:my|our|the)\s+eyes|in\s+(?:my|our)\s+eyes)(?![a-z])"
                    r"|晃眼|刺眼|刺目|耀眼|(?:太|好|很|特别|有点|有些)亮")
_LIGHT_KINDS = frozenset({"lamp", "light", "bulb", "floodlight"})
_COVER_KINDS = frozenset({"cover", "blinds", "blind", "shade", "curtain", "shutter", "awning"})
_AIR = re.compile(r"(?<![a-z])(?:air\s+(?:moving|circulating|flowing|going)|(?:some\s+)?(?:air\s+flow|airflow|"
                  r"air\s+movement|moving\s+air|circulation))(?![a-z])|空气流动|空气流通|通通风|吹吹风|有点风|有风")


def reason_answered(asst: Any, utterance: str, said: Any) -> Any:
    """``said``, or the reading of the ask's head where its trailing reason only explains the head (docstring)."""
    if not getattr(said, "ok", False) or len(said.commands) < 2:
        return said
    text = normalize(utterance or "")
    noise, air, glare = _NOISE.search(text), _AIR.search(text), _GLARE.search(text)
    if noise is None and air is None and glare is None:
        return said
    parts = split_clauses(text)
    if len(parts) < 2:
        return said
    why = parts[-1]
    if (_NOISE.search(why) is None and _AIR.search(why) is None and _GLARE.search(why) is None) \
            or read(why, asst.rules.vocab).mentions:
        return said
    cut = text.rfind(why)
    head = text[:cut].strip(" ,;，；。.!?")
    if not head:
        return said
    short = asst.understand(head)
    if not short.ok or not short.commands:
        return said
    mine = {(c.device_id, tuple(sorted(c.params.items()))) for c in short.commands}
    every = {(c.device_id, tuple(sorted(c.params.items()))) for c in said.commands}
    if not mine < every:
        return said
    extras = {d for d, _ in every - mine}
    heads = {c.device_id for c in short.commands}
    if extras & heads:
        return said
    if _GLARE.search(why) is not None and _dimmed(asst, head, short) \
            and all(d in asst.by_id and asst.by_id[d].kind in _LIGHT_KINDS | _COVER_KINDS for d in extras):
        return replace(short, utterance=utterance)  # "dim the desk lamp to 25%, the glare is annoying": no blinds
    if not extras <= set(asst._refers(why)):
        return said
    if _NOISE.search(why) is not None and _down(asst, head, short):
        return replace(short, utterance=utterance)
    if _AIR.search(why) is not None and _mode_kinds(asst, short) >= {asst.by_id[d].kind for d in extras
                                                                       if d in asst.by_id}:
        return replace(short, utterance=utterance)
    return said


def _down(asst: Any, head: str, short: Any) -> bool:
    """Does every command of the head make a noisy device quieter (off, stopped, shut, a low setting, less)?"""
    said_down = direction_of(head) == {DOWN}
    for c in short.commands:
        meta = asst.by_id.get(c.device_id)
        if meta is None or meta.kind not in _NOISY_KINDS:
            return False
        for k, v in c.params.items():
            cap = meta.capabilities.get(k)
            if cap is None:
                return False
            if cap.type == "bool" or cap.type == "enum":
                if not (_moves(meta, k, v, None) == {DOWN} or str(v).lower() in _QUIET):
                    return False
            elif not (_moves(meta, k, v, None) == {DOWN} or said_down):
                return False
    return True


def _mode_kinds(asst: Any, short: Any) -> set[str]:
    """The fleet's kinds named by a mode the head sets ("fan" mode → the fan kind)."""
    kinds = {m.kind for m in asst.by_id.values()}
    return {str(v) for c in short.commands for k, v in c.params.items() if k == "mode" and str(v) in kinds}


def _dimmed(asst: Any, head: str, short: Any) -> bool:
    """Does every command of the head switch a lamp off or set its level (not said as up: "dim it to 25%", 台灯亮度20)?"""
    up = UP in direction_of(head)
    for c in short.commands:
        meta = asst.by_id.get(c.device_id)
        if meta is None or meta.kind not in _LIGHT_KINDS:
            return False
        for k, v in c.params.items():
            cap = meta.capabilities.get(k)
            if cap is None or (cap.type == "bool" and _moves(meta, k, v, None) != {DOWN}) \
                    or (cap.type != "bool" and (up or cap.type == "enum")):
                return False
    return True
