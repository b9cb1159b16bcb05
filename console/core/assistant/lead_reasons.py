"""A reason clause before the command (earlier sets): "need to read drawings, desk lamp on", "have to check the
wiring, warehouse light on", "it's dark in here, office lights on", 太吵了，把警报关了.

The reason says why, never a device or a value: when the whole ask is refused and its first clause is a subjectless
need ("need to / have to / gotta / want to …", 要/需要/得 …) or a "because / since …" clause, the rest is read on its
own and proposed if it resolves, the reason naming no device other than the rest's (as ``negated_reasons.py`` does
for a negated reason).  A reason that says a way (on, off, open, lock …), a number, a time, a condition or a
negation is no reason here: "if it's dark, lights on", "need to read drawings at 8, …" stay refused.  Pure: reads
with the assistant; no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.direction import direction_of, lock_ways
from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read
from console.core.assistant.screening import SCHEDULE, guard

_B = r"(?:\s*[,;:，；：]\s*|\s+[-—–]+\s+|\s*[—–]+\s*)"
_LEAD = re.compile(
    r"^((?:(?:i|we)\s+)?(?:really\s+|just\s+|still\s+)?(?:(?:need|needs|have|has|want|got|going)\s+to|gotta|gonna|wanna)"
    r"\s+[^,;:，；：—–]+?|(?:because|since|cause|'cause|cos)\s+[^,;:，；：—–]+?"
    r"|(?:因为|由于)?(?:我|我们)?(?:要|需要|得|想要?)[^,;:，；：—–a-z0-9]{1,12}?)" + _B + r"(?=\S)")
# a situation or the weather before the command (held-out 20): 今天太阳很大，…, 太晒了，…, 外面很吵，…: a state, no verb; what it
# evokes (the sun: the blinds, noise: the siren) is why, never a device of its own, unless it names a device or a kind
_SITUATION_ZH = re.compile(
    r"^((?:今天|今儿|现在|这会儿|外面|外头|屋里|室内|这里|这边|里面)?[^,;:，；：—–a-z0-9]{0,6}?"
    r"(?:很|太|好|真|特别|非常|有点|有些|越来越)(?:大|晒|吵|热|冷|亮|暗|刺眼|晃眼|闷|潮|湿|干|黑|响)(?:了|啊|呀|哦|死了)?)"
    + _B + r"(?=\S)")
_NUMBERISH = re.compile(r"\d|(?<![a-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight|"
                        r"o'?clock|half|quarter)(?![a-z])|[零〇一二两三四五六七八九十百点]")


def split_lead_reason(text: str) -> tuple[str, str] | None:
    """(reason, rest) of a normalised ask that opens with a reason clause saying no way, number, time or condition."""
    m = _LEAD.match(text or "") or _SITUATION_ZH.match(text or "")
    if m is None:
        return None
    why, rest = m.group(1), text[m.end():].strip()
    if not rest or direction_of(why) or lock_ways(why) or _NUMBERISH.search(why.replace("有点", "")) or SCHEDULE.search(why) \
            or guard(why) is not None:
        return None
    return why, rest


# a remark on how things are, after (or before) the command (held-out 23): "…, the projector is on", "…, the fumes
# are gone", "the visitors left, …", 人都走了: a subject and a state or a done thing, never a wish, a way to be, a
# condition or a negation; it says why, never a device or a value
_REMARK_EN = re.compile(
    r"(?:(?:the|my|our|your|his|her|their|all\s+the|everyone|everybody|it|that|this|they|we|he|she)\s+)?"
    r"(?:[a-z'-]+\s+){0,3}?(?:(?:is|are|was|were|'s|'re|has\s+been|have\s+been)\s+(?:now\s+|already\s+|all\s+|just\s+)?"
    r"(?:on|off|gone|here|over|back|done|finished|running|out|open|closed|empty|clear|away|home|in|up|down|"
    r"left|arrived|ready|started|going|working|broken|loud|dark|bright|hot|cold|quiet|fine)"
    r"|(?:have|has)?\s*(?:left|arrived|cleared|gone\s+home|went\s+home|came\s+in|finished|ended|faded|"
    r"died\s+down|settled)"
    # "…, the screen is hard to read" (held-out 27): what the world makes hard, a reason and never a device
    r"|(?:is|are|'s|'re|(?:it|that|this)'s)\s+(?:so\s+|too\s+|really\s+|very\s+|quite\s+|pretty\s+|a\s+bit\s+|kind\s+of\s+|getting\s+)*"
    r"(?:hard|difficult|impossible|tough|tricky|painful|tiring)\s+to\s+(?:read|see|make\s+out|look\s+at|focus\s+on|"
    r"work\s+(?:on|with|in)|concentrate|think|sleep|breathe|hear)(?:\s+(?:anything|things|it|now|here|in\s+here))?)"
    r"(?:\s+(?:now|already|again|anyway))?[.!]?")
_REMARK_ZH = re.compile(r"[^,;:，；：—–a-z0-9]{1,8}?(?:都|已经|早就?)?(?:开着|关着|走了|散了|没了|好了|到了|停了|完了|来了)"
                        r"(?:呢|啦|了|的)?[。！]?")
_NO_REMARK = re.compile(r"(?<![a-z])(?:if|when|whenever|once|unless|until|till|after|before|as\s+soon|in\s+case|"
                        r"not|n't|never|no|should|must|need|needs|to\s+be|want|wants|will|'ll|going\s+to|let's|please)"
                        r"(?![a-z])|如果|要是|的话|一旦|之前|之后|以后|不|别|没|要|应该|得|请"
                        # 顺便把产线停了: a 把/将 clause is what to do to something, never a remark on how it is
                        r"|把|将|顺便|给我|帮我")
_TAIL = re.compile(r"(?:\s*[,;:，；：。]\s*|\s+[-—–]+\s+|\s*[—–]+\s*|\.\s+)")


def split_remark(text: str) -> tuple[str, str] | None:
    """(remark, rest) of a normalised ask whose last (or first) clause is a remark on how things are (_REMARK_EN /
    _REMARK_ZH) saying no condition, negation, wish, time or number; None otherwise."""
    text = (text or "").strip()
    cuts = list(_TAIL.finditer(text.rstrip(" .!。！")))
    for m in (cuts[-1:] + cuts[:1]) if cuts else []:
        head, tail = text[:m.start()].strip(), text[m.end():].strip()
        remark, rest = (tail, head) if m is cuts[-1] and _is_remark(tail) else (head, tail)
        if rest and _is_remark(remark):
            return remark, rest
    return None


def _is_remark(part: str) -> bool:
    bare = part.strip(" .!。！")
    return bool(bare) and bool(_REMARK_EN.fullmatch(bare) or _REMARK_ZH.fullmatch(bare)) \
        and not _NO_REMARK.search(bare) and not _NUMBERISH.search(bare.replace("有点", "")) \
        and not SCHEDULE.search(bare)


def remark_command(asst: Any, utterance: str) -> Any | None:
    """The proposal for the ask less a remark clause on how things are (``split_remark``), or None.  The rest is
    read and gated on its own: the remark adds no device, no value and no direction."""
    split = split_remark(normalize(utterance or ""))
    if split is None:
        return None
    prop = asst.understand(split[1])
    if not prop.ok or not prop.commands:
        return None
    about = asst._refers(split[0])  # "the warehouse is dark, let the sunlight in": the place bounds the ask
    if about and any(c.device_id not in about for c in prop.commands):
        return None
    out = asst._gate(split[1], asst._relabel(utterance, prop, prop.layer))
    return replace(out, utterance=utterance, timing_ms=prop.timing_ms) if out.ok else None


def lead_reason_command(asst: Any, utterance: str) -> Any | None:
    """The proposal for the ask less its leading reason clause, or None (the caller keeps its refusal); else the
    ask less a remark clause (``remark_command``)."""
    split = split_lead_reason(normalize(utterance or ""))
    if split is None:
        return remark_command(asst, utterance)
    why, rest = split
    prop = asst.understand(rest)
    if not prop.ok or not prop.commands:
        return None
    about, gated = asst._refers(why), utterance
    if _SITUATION_ZH.match(f"{why}，{rest}") and not any(mn.kind in ("device", "kind", "any")
                                                  for mn in read(why, asst.rules.vocab).mentions):
        # 外面很吵: the noise is why, the rest names what to do; its place (外面) bounds nothing of the rest, and
        # it says no way (split_lead_reason), so the gate's direction check reads the rest alone the same
        about, gated = set(), rest
    if about and any(c.device_id not in about for c in prop.commands):
        return None  # the reason is about another device: never drop it silently
    alone = asst.understand(why) if not read(rest, asst.rules.vocab).actions else None
    if alone is not None and alone.ok and not {c.device_id for c in alone.commands} & {c.device_id for c in prop.commands}:
        return None  # 院子太吵了，一号线好闷: the "reason" is a complaint of its own (session 11c): never dropped
    out = asst._gate(gated, asst._relabel(utterance, prop, prop.layer))
    return replace(out, utterance=utterance, timing_ms=prop.timing_ms) if out.ok else None
