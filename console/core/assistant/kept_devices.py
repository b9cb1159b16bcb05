"""A device the ask says to KEEP as it is gets no command that changes it.

Held-out 35: 一号灯关掉，台灯留着 ("lamp one off, the desk lamp stays") switched the desk lamp off too (both lamps are
named in the one sentence with the one verb), 关灯，台灯留着 switched off only the desk lamp, "turn off the lamps, leave
the desk lamp on" switched the desk lamp off with the others.  The device the user said to keep is the one that must
never be touched.

:func:`kept_reading` takes the clauses that only keep a device (X留着 / X留下 / 保持X开着 / X别动 / X不用管 / X继续开着,
"leave X on", "keep X running", "leave X alone", "X stays on", "don't touch X") out of the ask, reads the rest through
the whole pipeline, and then:

- a command on a kept device is dropped when the ask still switches other devices of that kind ("turn off the lamps,
  leave the desk lamp on": the other lamps);
- the ask is refused when the rest names the kept device itself ("turn off the desk lamp, leave the desk lamp on") or
  the kept device was the only one of its kind it would change (never a silent drop of the only target);
- with nothing left to do the ask is refused.

Where the rest changes no kept device, a keep clause that reads alone as a command on its own device ("leave the fan
on": the fan on) adds that command, as before.  None (the ask is read as before) when no clause is such a keep, a keep
clause names no device, the rest is empty, or the rest says "it" / 它 (the keep may be the subject: "keep the fan going but set it to medium").  "Leave X on,
switch the rest off" is other_ones.py's (it runs first).  Pure; no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Mapping, Sequence

from console.core.assistant.other_ones import _KEEP_EN, _KEEP_ZH, _clauses
from console.core.assistant.proposal import AMBIGUOUS, NOTHING_ACTIONABLE, Proposal, Refusal

_SUBJ_EN = r"(?:[a-z0-9'-]+\s+){0,4}?[a-z0-9'-]+"
_MORE_EN = re.compile(r"^(?:please\s+|just\s+)?(?:(?:don'?t|do\s+not)\s+(?:touch|change)\s+(?P<a>" + _SUBJ_EN + r")"
                      r"|(?:leave|keep)\s+(?P<b>" + _SUBJ_EN + r")\s+(?:as\s+it\s+was|the\s+way\s+it\s+is|untouched|"
                      r"unchanged|like\s+it\s+is)"
                      r"|(?P<c>" + _SUBJ_EN + r")\s+(?:can|should|will|may|must)\s+(?:stay|remain)(?:\s+(?:as\s+it\s+is|"
                      r"as\s+is|on|running|open|lit|where\s+(?:it\s+is|they\s+are)|put|the\s+same|like\s+that|that\s+way))?"
                      r"|(?P<d>" + _SUBJ_EN + r")\s+(?:remains?|stays?)(?:\s+(?:as\s+it\s+is|as\s+is|on|running|open|lit|"
                      r"where\s+(?:it\s+is|they\s+are)|put|the\s+same|like\s+that|that\s+way))?"
                      r"|(?:leave|keep)\s+(?P<e>" + _SUBJ_EN + r")\s+(?:where\s+(?:it\s+is|they\s+are)|as\s+(?:it\s+is|is))"
                      r"(?:\s*,?\s*(?:don'?t|do\s+not)\s+bother)?)$")
_STATE_ZH = r"(?:开着|亮着|运行着|运转着|转着|开启着|打开着|原样|不变|现状)"
_MORE_ZH = re.compile(r"^(?:请)?(?:保持|维持)(?P<a>[^\s,，]+?)" + _STATE_ZH + r"(?:吧|就行|就好|就可以)?$"
                      r"|^(?:把|将)?(?P<b>[^\s,，]+?)(?:就|还是|先)?(?:开着|关着|亮着|运行着|转着|锁着|停着)?"
                      r"(?:别动|不要动|不用动|别碰|不要碰|不用管|别管|不要管|不管|不动|"
                      r"保持不变|不变|照旧|维持原样|保持原样|保持现状|保持开着|继续开着|继续亮着|继续运行|继续转着|"
                      r"还开着就行|别关|不要关|不用关|不关)(?:了|吧|就行|就好|就可以)?$")
# a keep that leaves the device alone, whatever its state (no state to reach): 开着不管, 别动, 保持原样, "as it is",
# "where it is", "alone", "untouched", a bare "stays" / "can stay"
_HANDS_OFF = re.compile(r"不管|别管|不用管|不要管|别动|不要动|不用动|别碰|不要碰|不动|不变|照旧|原样|现状"
                        r"|(?<![a-z])(?:as\s+(?:it\s+)?is|as\s+it\s+was|alone|untouched|unchanged|where\s+(?:it\s+is|they\s+are)"
                        r"|put|the\s+same|like\s+(?:it\s+is|that)|that\s+way|the\s+way\s+it\s+is|bother)(?![a-z])"
                        r"|(?<![a-z])(?:stay|stays|remain|remains)$")


def hands_off(clause: str) -> bool:
    """Does a keep clause leave its device alone, saying no state to reach (开着不管, "can stay where it is")?"""
    return bool(_HANDS_OFF.search(clause))


_PRONOUN = re.compile(r"(?<![a-z])(?:it|them|its)(?![a-z])|它")


def _kept_subject(clause: str) -> str | None:
    """What the clause keeps (its subject words), or None when it is not only a keep."""
    for pat in (_KEEP_EN, _KEEP_ZH, _MORE_EN, _MORE_ZH):
        m = pat.match(clause)
        if m:
            return next((v for v in m.groupdict().values() if v), None)
    return None


def kept_reading(text: str, understand: Callable[[str], Proposal], named: Callable[[str], Sequence],
                 names_device: Callable[[str], set], kinds: Mapping[str, str], utterance: str,
                 lang: str) -> Proposal | None:
    """The ask read without its keep clauses and never changing a kept device; a refusal; or None (see module)."""
    if not text:
        return None
    spans = _clauses(text)
    if len(spans) == 1 and hands_off(text.strip(" .!?。！？")) and _kept_subject(text.strip(" .!?。！？")) \
            and named(_kept_subject(text.strip(" .!?。！？")) or ""):
        # 蒸汽阀开着不管 alone ("leave the valve open, don't bother"): nothing to do, never an open
        return Proposal(utterance, lang, (), Refusal(NOTHING_ACTIONABLE, (
            "这说的是让设备保持原样：没有要做的事。请说要改变什么。" if lang == "zh" else
            "That says to leave a device as it is: nothing to do. Say what should change.")))
    if len(spans) < 2:
        return None
    kept_subjects, rest = [], []
    for a, b in spans:
        clause = text[a:b].strip(" .!?。！？")
        subj = _kept_subject(clause)
        if subj is not None:
            kept_subjects.append(subj)
        elif clause:
            rest.append(clause)
    if not kept_subjects or not rest:
        return None
    rest_text = ("，" if lang == "zh" else ", ").join(rest)
    if _PRONOUN.search(rest_text):
        return None
    kept = {x.id: x for s in kept_subjects for x in named(s)}
    if not kept:
        return None
    prop = understand(rest_text)
    zh = lang == "zh"
    def refuse(en: str, zh_text: str, kind: str = AMBIGUOUS) -> Proposal:
        return replace(prop, utterance=utterance, commands=(), refusal=Refusal(kind, zh_text if zh else en))
    if not prop.ok:
        return replace(prop, utterance=utterance)
    touched = [c for c in prop.commands if c.device_id in kept]
    if not touched:  # the rest leaves it alone; "leave the fan on" alone reads as the fan on: kept, as before
        # only a keep that says a switch state ("leave the fan on"), and only that switch: "开着不管", "as it is",
        # "can stay where it is" leave it alone (never an open to 100 %: the valve may be at 30 %)
        own = [understand(text[a:b].strip(" .!?。！？")) for a, b in spans
               if _kept_subject(text[a:b].strip(" .!?。！？")) is not None
               and not hands_off(text[a:b].strip(" .!?。！？"))]
        extra = tuple(c for q in own if q.ok for c in q.commands
                      if c.device_id in kept and c.device_id not in {x.device_id for x in prop.commands}
                      and all(isinstance(v, bool) for v in c.params.values()))
        return replace(prop, utterance=utterance, commands=prop.commands + extra)
    if names_device(rest_text) & set(kept):
        return refuse("That asks to change a device and to leave it as it is: say which one should happen.",
                      "这句话既要改变一个设备，又要保持它不变：请说清楚要哪一个。")
    left = tuple(c for c in prop.commands if c.device_id not in kept)
    left_kinds = {kinds.get(c.device_id) for c in left}
    if not left or any(kept[c.device_id].kind not in left_kinds for c in touched):
        return refuse("The device to leave as it is is the one the rest of the ask would change: name the devices to "
                      "change.", "要保持不变的设备正是其余部分要改变的设备：请说出要改变哪些设备。",
                      NOTHING_ACTIONABLE if not left else AMBIGUOUS)
    return replace(prop, utterance=utterance, commands=left)

