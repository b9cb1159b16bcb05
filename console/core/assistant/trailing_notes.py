"""A log-style note beside a complete ask says why, never what (session 13, set 91: a night-shift handover).

Night-shift operators ask tersely and append a status note: "sound the yard siren, pulse — evac drill signed off",
"warn everyone in the yard — gas drill, it's signed off", "cooling water pump — stop it, leak under B3 flange",
"both conveyors stop. end of run", "stop conveyor A, guard door open", "office AC off, nobody in there till day
shift", 院子里太吵了，误报，让它安静.  The note's words refused the whole ask: "signed off" read as a way (off), "run" of
"end of run" as a start against the stop, "guard" as a device the fleet lacks, "till day shift" as a schedule, 误报 as
an unread clause.

A clause is such a note only where it is one of these closed shapes (each whole clause, nothing else in it):

- a drill and its approval: "(evac / fire / gas …) drill", "… drill signed off", "it's signed off", "approved";
- the end of a run ("end of run", "end of the batch", "run complete"): a noun, never "run" the verb — only beside an
  ask that stops or lowers (never "start …, end of run");
- a leak or crack at a named spot ("leak under B3 flange", "there's a drip at the flange"): a tag like B3 is no value;
- a machine guard / interlock left open ("guard door open", "interlock tripped") — only beside a stop / off / lower;
- nobody there till a later shift ("nobody in there till day shift"): a reason only beside an ask that switches off,
  stops or lowers and nothing else (never "start …, nobody in there till day shift": that would be a schedule);
- 误报 / 假警报 / 误触发 (a false alarm) in Chinese.

A fault of a device that can only be read ("sensor fault" in 'prev note: "yard noisy 2x, sensor fault". still going.
quiet it pls') is a diagnosis, never what an "it" after it points back at: ``read_only_faults_out`` takes it out of
the words it_other_device.py looks back at (no command can act on a read-only device).

It must hold no negation (but the "nobody" of its shape), no condition, no other time word, no value and name no
device or kind of the fleet; the ask without it must still be read with commands (``understand``), else nothing
changes.  ``note_rewrite`` returns the ask without its notes, or None.  Pure: regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.direction import DOWN, direction_of
from console.core.assistant.reader import read

_CUT = re.compile(r"\s*(?:[,;:!?，；：。！？]|\.(?=\s|$)|\s[-—–]+\s|[—–]+)\s*")
_IT = r"(?:(?:it's|it\s+is|its|that's|that\s+is|this\s+is|all|was|been|is|now)\s+)*"
_SIGNED = r"(?:signed[\s-]*off|approved|authori[sz]ed|okayed|ok'?d|cleared|logged|announced)"
_BY = r"(?:\s+by\s+(?:the\s+)?(?:supervisor|manager|safety|ehs|hse|shift\s+lead|lead|boss|foreman|ops))?"
_DRILL = re.compile(rf"^{_IT}(?:(?:a|an|the)\s+)?(?:(?:evac(?:uation)?|fire|gas|chemical|spill|yard|site|safety|"
                    rf"emergency|practice|test|alarm|siren)\s+){{0,2}}drill(?:\s+(?:was\s+|is\s+|'s\s+)?{_SIGNED}{_BY})?$")
_APPROVAL = re.compile(rf"^{_IT}{_SIGNED}{_BY}$")
_END_RUN = re.compile(r"^(?:(?:it's|that's|its)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:production\s+)?(?:run|batch|lot|"
                      r"job)|(?:production\s+)?(?:run|batch)\s+(?:is\s+|'s\s+)?(?:complete|completed|finished|done|over))$")
_TAG = r"(?:[a-z]+\d+[a-z]?|\d+[a-z]+|[a-z]+)"
_LEAK = re.compile(rf"^(?:(?:there's|there\s+is|got|we've\s+got|we\s+have|found|spotted)\s+)?(?:a\s+|an\s+)?"
                   r"(?:small\s+|big\s+|bad\s+|slow\s+|minor\s+|new\s+)?(?:leak|drip|crack|weep|seep|seepage)\s+"
                   rf"(?:under|at|on|in|near|by|from|around|round|behind)\s+(?:the\s+)?(?:{_TAG}\s+){{0,2}}{_TAG}$")
_GUARD = re.compile(r"^(?:the\s+)?(?:machine\s+|safety\s+|side\s+|rear\s+|front\s+)?(?:guard(?:\s+(?:door|cover|gate|"
                    r"panel|rail))?|interlock)(?:\s+(?:is|'s|was|left))?\s+(?:open|opened|off|up|removed|missing|"
                    r"lifted|tripped|ajar|bypassed)$")
_EMPTY_TILL = re.compile(r"^(?:nobody|no\s*-?\s*one)(?:'s|\s+is|\s+will\s+be|'ll\s+be)?(?:\s+(?:in|at|around|inside|on))?"
                         r"(?:\s+(?:there|here|the\s+[a-z]+))?\s+(?:till|until|til|before)\s+(?:the\s+)?"
                         r"(?:day\s+shift|morning\s+shift|first\s+shift|day\s+crew|morning|days)$")
_FALSE_ZH = re.compile(r"^(?:是|这是|应该是|估计是|又是)?(?:误报|假警报|误触发|误响|虚警)(?:了|啦|的)?$")
# a note that is a reason only beside an ask that stops, switches off or lowers
_DOWN_ONLY = (_END_RUN, _GUARD, _EMPTY_TILL)
_ANY = (_DRILL, _APPROVAL, _LEAK, _FALSE_ZH)
_QUOTES = " '\"“”‘’「」"


def _read_only(asst: Any, words: str) -> bool:
    """Does ``words`` refer to devices of the fleet that can all only be read (a sensor)?"""
    ids = asst._refers(words)
    return bool(ids) and all(not any(getattr(c, "writable", False) for c in asst.by_id[i].capabilities.values())
                             for i in ids if i in asst.by_id)


_FAULT_IN = re.compile(r"(?<![a-z])(?P<what>[a-z]+)\s+(?:fault|failure|error|glitch|malfunction)(?![a-z])")


def read_only_faults_out(asst: Any, text: str) -> str:
    """``text`` without its "<read-only device> fault" diagnoses ("sensor fault"): what an "it" after them points back
    at is never the sensor whose fault set something off (it_other_device.py); the same text where it has none."""
    if "fault" not in text and "fail" not in text and "error" not in text and "glitch" not in text \
            and "malfunction" not in text:
        return text
    return _FAULT_IN.sub(lambda m: "" if _read_only(asst, m.group("what")) else m.group(0), text)


def _note(clause: str) -> str | None:
    """"down" (a note only beside a down ask), "any", or None."""
    c = clause.strip(" .!?。！？" + _QUOTES)
    if not c:
        return None
    if any(p.match(c) for p in _ANY):
        return "any"
    if any(p.match(c) for p in _DOWN_ONLY):
        return "down"
    return None


def note_rewrite(asst: Any, text: str) -> str | None:
    """``text`` (normalised) without its status notes (module doc), or None where it has none or the rest asks
    nothing."""
    if not text or len(text) > 300:
        return None
    parts, at, sep = [], 0, ""  # (the separator before, the clause)
    for m in (*_CUT.finditer(text), None):
        b = m.start() if m is not None else len(text)
        parts.append((sep, text[at:b]))
        sep = m.group(0) if m is not None else ""
        at = m.end() if m is not None else at
    kinds = [_note(c) for _, c in parts]
    if not any(kinds) or all(k is not None or not c.strip(" .!?。！？" + _QUOTES) for (_, c), k in zip(parts, kinds)):
        return None
    if kinds[0] is not None:  # a note first is the ask's lead, never dropped here
        return None
    for (_, c), k in zip(parts, kinds):  # a note names nothing of the fleet ("guard door": a machine's guard, no lock,
        if k is None:  # unless the fleet has a device of that name)
            continue
        guard = _GUARD.match(c.strip(" .!?。！？'\"")) is not None
        if asst._devices_named(c) or (not guard and any(mn.kind in ("device", "kind")
                                                        for mn in read(c, asst.rules.vocab).mentions)):
            return None
    # a dropped note keeps the quote marks around it ('"siren on, drill signed off".' → '"siren on".')
    rest = "".join(sep + c if k is None else "".join(ch for ch in c if ch in _QUOTES.strip())
                   for (sep, c), k in zip(parts, kinds)).strip(" ,;:-—–，；：")
    if not rest:
        return None
    if "down" in kinds and direction_of(rest) != {DOWN}:
        return None
    prop = asst.understand(rest)
    return rest if prop.ok and prop.commands else None
