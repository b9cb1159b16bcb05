"""Contradictions: an ask that says both ways for one device ("turn the desk lamp on and shut it off", "sound and
silence the siren", 把台灯打开，然后关掉, "power up and power down conveyor A") gets a refusal of its own that says so,
in the ask's language: "The ask says both on and off for Office desk lamp, opposite ways: say which one." /
"同一设备（办公室台灯）既要打开又要关闭，这是相反的操作：请说明要哪一个。".

Session 9: such asks were refused (rightly), but with the message of whatever check stopped them: the direction
check's "That would go the wrong way (…). Say the target value." (no value is missing), the rules' "Which device?
None of the fleet's names was mentioned" (the device was named), or assign.py's "both opened/started and
closed/stopped were asked" (no hint what to do); the screening's "'on and off' asks for opposite things at once"
quoted the words, never the device.  Where the ask names no device ("open and close it") that message stays.

:func:`both_ways_devices` reads the ask's parts (punctuation, "and" / "then", 然后 / 再 / 又 / 并): each part's ways
(up / down) bind the devices it is about; a part about no device ("shut it off", 然后关掉, "sound") binds the devices
of the part before it (else after it).  A device bound both ways is a contradiction; a part that names several
devices and says both ways ("desk lamp off and sound the siren" said in one breath) binds none of them.
:func:`contradiction_refusal` replaces only those refusal messages (never a negation, condition, schedule or unknown
device's message) and only when the ask names such a device; it never turns commands into a refusal.
Pure; the assistant passes its own ``refers`` / ``ways`` (layers.py).
"""

from __future__ import annotations

import re
from typing import Callable, Mapping, Sequence

from console.core.protocol import DeviceMeta

UP, DOWN = "up", "down"

# the two ways of a device, by its first capability that has them: (en up, en down, zh up, zh down)
_WORDS: tuple[tuple[str, tuple[str, str, str, str]], ...] = (
    ("power", ("on", "off", "打开", "关闭")),
    ("running", ("start", "stop", "启动", "停止")),
    ("active", ("sound", "silence", "响起", "关闭")),
    ("locked", ("lock", "unlock", "上锁", "解锁")),
    ("open", ("open", "close", "打开", "关闭")),
    ("position", ("open", "close", "打开", "关闭")),
    ("level", ("raise", "lower", "调高", "调低")),
)
_DEFAULT = ("on", "off", "打开", "关闭")

# the refusals that say nothing better than a contradiction would, as layers.py / parser.py / screening.py word
# them: the direction check's, "which device?", and the screening's contradiction (it quotes the words, not the device)
_REPLACEABLE = re.compile(r"^(?:That would go the wrong way|这会朝相反方向改变|Which device\? None of the fleet's names|"
                          r"哪个设备？没有提到设备群中的任何名称)|asks for opposite things at once|同时要求相反的操作")

_PARTS = re.compile(r"\s*(?:[,;:，；：。!！?？]|\.(?:\s|$)|(?<![a-z])(?:and\s+then|and|then|but|or)(?![a-z])"
                    r"|然后|之后|接着|并且|并|再|又)\s*")


def both_words(meta: DeviceMeta, lang: str) -> tuple[str, str]:
    """The two ways of ``meta`` said in ``lang``: ("on", "off"), ("start", "stop"), ("打开", "关闭") …"""
    caps = meta.capabilities
    words = next((w for cap, w in _WORDS if cap in caps), _DEFAULT)
    return (words[2], words[3]) if lang == "zh" else (words[0], words[1])


def contradiction_reason(metas: Sequence[DeviceMeta], name: Callable[[DeviceMeta, str], str],
                         lang: str) -> str:
    """The refusal's reason for the devices an ask says both ways for, in ``lang``."""
    said = [name(m, lang) for m in metas]
    names = "、".join(said) if lang == "zh" else " and ".join([", ".join(said[:-1]), said[-1]] if len(said) > 1 else said)
    return said_both(metas[0], names, lang)


def said_both(meta: DeviceMeta, names: str, lang: str) -> str:
    """"The ask says both on and off for Office desk lamp, opposite ways: say which one." / "同一设备（办公室台灯）既要打开又要关闭…"."""
    up, down = both_words(meta, lang)
    if lang == "zh":
        return f"同一设备（{names}）既要{up}又要{down}，这是相反的操作：请说明要哪一个。"
    return f"The ask says both {up} and {down} for {names}, opposite ways: say which one."


def both_ways_devices(text: str, refers: Callable[[str], set[str]],
                      ways: Callable[[str], set[str]]) -> list[str]:
    """The devices an (already normalised, state reports masked) ask says both ways for, in the order named."""
    parts = [p for p in _PARTS.split(text or "") if p and p.strip()]
    read = [(set(refers(p)), set(ways(p))) for p in parts]
    bound: dict[str, set[str]] = {}
    for i, (refs, said) in enumerate(read):
        if not said:
            continue
        if not refs:  # "shut it off", 然后关掉, "sound": the devices of the part before, else after
            near = [r for r, _ in reversed(read[:i]) if r] or [r for r, _ in read[i + 1:] if r]
            refs = near[0] if near else set()
        if len(said) > 1 and len(refs) != 1:
            continue  # several devices, both ways in one part: which goes which way is not told here
        for dev in refs:
            bound.setdefault(dev, set()).update(said)
    return [d for d, said in bound.items() if {UP, DOWN} <= said]


def replaceable(reason: str) -> bool:
    """Is a refusal's reason one a contradiction message says better (never a negation, condition, schedule…)?"""
    return _REPLACEABLE.search(reason) is not None


def contradiction_for(text: str, by_id: Mapping[str, DeviceMeta], refers: Callable[[str], set[str]],
                      ways: Callable[[str], set[str]], name: Callable[[DeviceMeta, str], str],
                      lang: str) -> str | None:
    """The contradiction reason for an ask that says both ways for a device it names, else None."""
    devs = [by_id[d] for d in both_ways_devices(text, refers, ways) if d in by_id]
    return contradiction_reason(devs, name, lang) if devs else None
