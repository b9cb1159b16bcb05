"""A negated PURPOSE or SITUATION clause beside a positive command: the reason, not a negated command.

"别让院子里那么吵了，关掉警报" (don't let the yard be so noisy: turn off the siren), "办公室不需要制冷或制热了，关掉温控"
(the office needs no cooling or heating any more: turn off the climate control), "the office doesn't need heating or
cooling any more, switch the AC off": the negation governs a state (noisy, hot) or a need, and the other clause is
the command.  Only a whole clause, split at a comma, semicolon or dash; only when that clause holds no device verb
(switch, stop, open, 关, 开, 停 …: 别关掉警报 / 不需要关掉温控 / "don't turn off the siren" stay negations, as does a
clause that names what must not happen to a device: 别让警报响了); only 别让/不让 + a state word, or
不需要/不用/不再需要 … 了, "don't need …", "no need for …", "don't let … be/get <state>".  The caller reads the rest
with every screen (negation included) and gates the proposal on the whole ask.

``reason_command`` takes the Assistant (duck-typed: ``understand``, ``_refers``, ``_gate``, ``_relabel``), so this
module imports nothing above it.  Pure and Qt-free; no thread, no lock.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.phrases import normalize

# a device verb anywhere in the clause: then the negation may govern the command itself (refused as today)
_VERB_ZH = re.compile(r"关|开|停|启|锁|调|设|拉|放|合|升|降|切|响|鸣|运行|转|熄|灭|亮|打|按|推|拧|断|送|供|通|排")
_VERB_EN = re.compile(r"(?<![a-z])(?:turn|turning|switch|switching|shut|stop|stopping|start|starting|open|opening|close|"
                      r"closing|lock|unlock|run|running|set|sound|sounding|kill|cut|power|raise|lower|dim|activate|"
                      r"deactivate|enable|disable|go\s+off|off|on)(?![a-z])")
# a state the negation keeps away: noise, heat, cold, dark, smell …
_STATE_ZH = r"(?:那么|这么|太|这样|那样|再|继续|一直)?(?:吵|闹|嘈杂|热|冷|闷|黑|暗|亮|臭|潮|湿|干)(?:了|啦|呀|啊)?"
_NEGATED_REASON_ZH = re.compile(
    r"^(?:别|不要|不能|不许|不准|不让)(?:再)?(?:让|叫)?[^，,；;:：]{0,12}?" + _STATE_ZH + r"$"
    r"|^[^，,；;:：]{0,10}?(?:不需要|不用|不再需要|用不着|不必|无需)(?:再)?[^，,；;:：]{1,14}?了(?:啦|呀|啊)?$")
_STATE_EN = (r"(?:so\s+|too\s+|that\s+|this\s+)?(?:noisy|loud|hot|cold|chilly|warm|stuffy|dark|bright|smelly|humid|"
             r"damp)")
_NEGATED_REASON_EN = re.compile(
    r"^(?:please\s+)?(?:don'?t|do\s+not|never)\s+let\s+[^,;:]{1,30}?\s+(?:be|get|stay|become)\s+" + _STATE_EN + r"$"
    r"|^[^,;:]{0,30}?(?:doesn'?t|does\s+not|don'?t|do\s+not)\s+need\s+[^,;:]{1,40}?(?:\s+any\s?more|\s+now)?$"
    r"|^(?:there'?s\s+|there\s+is\s+|it'?s\s+)?no\s+(?:more\s+|longer\s+a\s+)?need\s+(?:for|of)\s+[^,;:]{1,40}$")
_SPLIT = re.compile(r"\s*(?:[,，;；:：]|—|--|\s-\s)\s*")


def _is_reason(clause: str) -> bool:
    c = clause.strip(" .!。！")
    if not c:
        return False
    if _NEGATED_REASON_ZH.search(c):
        return not _VERB_ZH.search(c)
    if _NEGATED_REASON_EN.search(c):
        return not _VERB_EN.search(c)
    return False


def without_negated_reason(text: str) -> str | None:
    """The (already normalised) ask less its one leading or trailing negated reason clause, or None when it has
    none, or when nothing is left.  "别让院子里那么吵了，关掉警报" → "关掉警报"; "别关掉警报" → None."""
    parts = [p for p in _SPLIT.split(text or "") if p.strip(" .!。！")]
    if len(parts) < 2:
        return None
    if _is_reason(parts[0]) and not any(_is_reason(p) for p in parts[1:]):
        m = _SPLIT.search(text)
        return text[m.end():].strip() if m else None
    if _is_reason(parts[-1]) and not any(_is_reason(p) for p in parts[:-1]):
        cut = list(_SPLIT.finditer(text))
        return text[:cut[-1].start()].strip() if cut else None
    return None


def _parts(text: str) -> tuple[str, str] | None:
    """(reason, rest) of a normalised ask, or None."""
    rest = without_negated_reason(text)
    if not rest:
        return None
    reason = text.replace(rest, "", 1).strip(" ,，;；:：—-.!。！")
    return (reason, rest) if reason else None


def reason_command(asst: Any, utterance: str) -> Any | None:
    """The proposal for the ask less its negated reason clause, or None (the caller keeps its refusal).  The rest
    is read with every screen; a reason clause that is about devices (办公室…, 院子…) must cover every command
    (仓库不需要那么亮了，关掉灯 is the warehouse's lamp only, never every lamp: otherwise refused); the proposal is
    gated on the whole ask."""
    split = _parts(normalize(utterance or ""))
    if split is None:
        return None
    reason, rest = split
    prop = asst.understand(rest)
    if not prop.ok or not prop.commands:
        return None
    about = asst._refers(reason)
    if about and any(c.device_id not in about for c in prop.commands):
        return None
    out = asst._gate(utterance, asst._relabel(utterance, prop, prop.layer))
    return replace(out, timing_ms=prop.timing_ms) if out.ok else None
