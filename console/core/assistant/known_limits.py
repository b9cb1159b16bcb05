"""An aside that says the speaker knows a device can't take the change (session 10): "dim all the lights to 35%, I
know the floodlight can't dim" was refused ("Warehouse floodlight has nothing to set to 35%"), though "dim all the
lights to 35%" alone already skips the floodlight (the group convention: a group change goes to the members that take
it).  The aside agrees with that convention; it adds no part.

The aside: a clause at the end (or the start) of the ask, "(yes / yeah / ok,) I know / I'm aware / we know / I realise
/ obviously / of course (that) <devices> can't / cannot / doesn't / won't / isn't able to / has no <anything>",
Chinese "我知道 / 我晓得 / 知道 / 当然 <devices> 不能 / 不会 / 没法 / 调不了 / 不支持 / 没有 …".  It is dropped only when
- the words before can't name devices of the fleet (a name, a kind, a place's devices), and
- the rest, read on its own, is understood and changes none of those devices, and every setting it changes is one
  those devices lack (they indeed can't take it).
Otherwise the ask is read as it was (refused where it was): "turn off all the lights, I know the floodlight can't dim"
(the rest switches the floodlight off) stays as it was.  Pure: reads with the assistant; regexes compiled at import.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.phrases import normalize

_KNOW_EN = (r"(?:(?:yes|yeah|yep|ok|okay|sure)\s*,?\s*)?(?:i\s+know|i'm\s+aware|i\s+am\s+aware|we\s+know|i\s+realise|"
            r"i\s+realize|obviously|of\s+course|i\s+get\s+(?:it|that)|i\s+understand)(?:\s+that)?\s+")
_CANT_EN = (r"\s+(?:can't|cannot|can\s+not|doesn't|does\s+not|don't|do\s+not|won't|will\s+not|isn't\s+able\s+to|"
            r"aren't\s+able\s+to|has\s+no|have\s+no|is\s+not\s+dimmable|isn't\s+dimmable|isn't|is\s+not|aren't)\s+")
_ASIDE_EN = re.compile(r"^" + _KNOW_EN + r"(?P<who>[a-z0-9' -]{2,40}?)" + _CANT_EN + r"[a-z' -]{0,40}?\s*[.!]*$")
_KNOW_ZH = r"(?:(?:是的|对|嗯|好)\s*[,，]?\s*)?(?:我知道|我晓得|我清楚|我明白|知道|当然|我也知道)"
_ASIDE_ZH = re.compile(r"^" + _KNOW_ZH + r"(?P<who>[^\s,;:!?。，；：！？]{1,12}?)(?:是)?(?:不能|不会|没法|没办法|无法|不支持|"
                       r"没有|调不了|调不动|不可以|不可)[^\s,;:!?。，；：！？]{0,10}?[。！!]*$")
_CUT = re.compile(r"[,;:!?。，；：！？]|\s[-—–]+\s|[—–]")
_ANY = re.compile(r"(?<![a-z])(?:know|aware|realise|realize|obviously|of\s+course|understand|get\s+it)(?![a-z])|知道|晓得|"
                  r"清楚|明白|当然")


def _aside(clause: str) -> re.Match | None:
    c = clause.strip()
    return _ASIDE_EN.match(c) or _ASIDE_ZH.match(c)


def known_limit(asst: Any, utterance: str) -> Any:
    """The proposal for the ask without its "I know X can't …" aside, or None (no such aside, or it does not hold)."""
    text = normalize(utterance or "")
    if not _ANY.search(text):
        return None
    cuts = list(_CUT.finditer(text))
    if not cuts:
        return None
    tries = []
    last = cuts[-1] if text[cuts[-1].end():].strip() else (cuts[-2] if len(cuts) > 1 else None)
    if last is not None:
        tries.append((text[last.end():], text[:last.start()]))
    tries.append((text[:cuts[0].start()], text[cuts[0].end():]))
    for clause, rest in tries:
        m = _aside(clause)
        if m is None or not rest.strip(" ,.;:!?。，；：！？"):
            continue
        who = asst._refers(m.group("who"))
        if not who:
            continue
        prop = asst.understand(rest)
        if not prop.ok or not prop.commands or any(c.device_id in who for c in prop.commands):
            continue
        said = {k for c in prop.commands for k in c.params}
        if any(k in asst.by_id[i].capabilities and asst.by_id[i].capabilities[k].writable for i in who for k in said):
            continue  # the device could take it: the aside is not what it says
        return replace(prop, utterance=utterance)
    return None
