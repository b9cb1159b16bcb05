"""A negated PURPOSE or SITUATION clause beside a positive command: the reason, not a negated command.

"别让院子里那么吵了，关掉警报" (don't let the yard be so noisy: turn off the siren), "办公室不需要制冷或制热了，关掉温控"
(the office needs no cooling or heating any more: turn off the climate control), "the office doesn't need heating or
cooling any more, switch the AC off": the negation governs a state (noisy, hot) or a need, and the other clause is
the command.  Only a whole clause, split at a comma, semicolon or dash; only when that clause holds no device verb
(switch, stop, open, 关, 开, 停 …: 别关掉警报 / 不需要关掉温控 / "don't turn off the siren" stay negations, as does a
clause that names what must not happen to a device: 别让警报响了); only 别让/不让 + a state word, or
不需要/不用/不再需要 … 了, "don't need …", "no need for …", "don't let … be/get <state>".  The caller reads the rest
with every screen (negation included) and gates the proposal on the whole ask.

A negated NEED (session 8: "办公室不用制冷了 关掉吧", "一号线不用通风了关了吧", "nobody is in the office anymore, so the office
doesn't need heating or cooling, please switch it off") is the reason for turning that need off: it may stand in the
middle, be glued to its command (a space or nothing after 了), and a command with no device of its own ("it", 关了吧)
acts on what was not needed ("the office heating or cooling", 一号线通风).  A need is never a reason to switch on,
open, start or unlock: "the office doesn't need cooling, turn the AC on" stays refused (it contradicts itself).
A need's noun is no verb (通风, 制冷, 排风 …: 不用通风了 is the need; 不用关掉 / "no need to switch it off" stay negations).

``reason_command`` takes the Assistant (duck-typed: ``understand``, ``_refers``, ``_gate``, ``_relabel``, ``rules``,
``by_id``, ``current``), so this module imports nothing above it.  Pure and Qt-free; no thread, no lock.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.direction import DOWN, UP, direction_of, violation
from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

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
# what a need names, never a verb of its own (不用通风了: no need of ventilation; 通 is also the verb of 通电)
_NEED_NOUN_ZH = re.compile(r"通风|排风|送风|换气|排烟|制冷|制热|供暖|取暖|冷气|暖气|空调|照明|灯光|降温|加热|冷却|循环|蒸汽|亮光")
# a negated need: (place or subject, what is not needed)
_NEED_ZH = re.compile(r"^(?P<subj>[^，,；;:：]{0,10}?)(?:不需要|不用|不再需要|用不着|不必|无需)(?:再)?"
                      r"(?P<need>[^，,；;:：]{1,14}?)了(?:啦|呀|啊)?$")
_NEED_EN = re.compile(
    r"^(?:(?:and\s+)?so\s+|since\s+|because\s+|as\s+)?(?P<subj>[^,;:]{0,30}?)\s*(?:doesn'?t|does\s+not|don'?t|do\s+not)"
    r"\s+need\s+(?:any\s+|the\s+)?(?P<need>[^,;:]{1,40}?)(?:\s+any\s?more|\s+now|\s+for\s+now|\s+today)?$"
    r"|^(?:(?:and\s+)?so\s+)?(?:there'?s\s+|there\s+is\s+|it'?s\s+)?no\s+(?:more\s+|longer\s+a\s+)?need\s+(?:for|of)\s+"
    r"(?:the\s+|any\s+)?(?P<need2>[^,;:]{1,40}?)(?:\s+(?:in|on)\s+(?P<subj2>[^,;:]{1,30}?))?(?:\s+any\s?more|\s+now)?$")
# a need glued to its command: 办公室不用制冷了 关掉吧, 一号线不用通风了关了吧 (a comma is meant)
_GLUED_ZH = re.compile(r"((?:不需要|不用|不再需要|用不着|不必|无需)(?:再)?[^，,；;:：\s]{1,14}?了)\s*(?=(?:那就|就|直接|都|全|"
                       r"请|麻烦|帮我|帮忙|把)?(?:关|停|熄|灭|拉上|放下|合上))")
# a Chinese command's lead words before its verb (那就关了吧, 帮忙关掉, 请把它关掉)
_LEAD_ZH = re.compile(r"^(?:那就|那|就|直接|麻烦|请|帮忙|帮我|你|可以|能)*(?:把它|把)?")
_PRONOUN_EN = re.compile(r"(?<![a-z])(?:it|them)(?![a-z])")
_PRONOUN_SUBJECT_EN = re.compile(r"we|i|you|they|it|he|she|one|anyone|nobody|no\s+one")
_DETERMINER_EN = re.compile(r"^(?:the|our|my|this|that)\s+")


def _is_reason(clause: str) -> bool:
    c = clause.strip(" .!。！")
    if not c:
        return False
    if _NEGATED_REASON_ZH.search(c):
        return not _VERB_ZH.search(_NEED_NOUN_ZH.sub("", c))
    if _NEGATED_REASON_EN.search(c):
        return not _VERB_EN.search(c)
    return False


def _glued(text: str) -> str:
    """办公室不用制冷了 关掉吧 → 办公室不用制冷了，关掉吧: a need clause glued to its command, split as a clause."""
    return _GLUED_ZH.sub(lambda m: m.group(1) + "，" if _is_reason(m.group(1)) else m.group(0), text or "")


def _split(text: str) -> tuple[int, list[tuple[int, int]]] | None:
    """(index of the one negated reason clause, the clauses' spans) of a text, or None."""
    spans, pos = [], 0
    for m in _SPLIT.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    spans = [(a, b) for a, b in spans if text[a:b].strip(" .!。！")]
    if len(spans) < 2:
        return None
    reasons = [i for i, (a, b) in enumerate(spans) if _is_reason(text[a:b])]
    return (reasons[0], spans) if len(reasons) == 1 else None


def without_negated_reason(text: str) -> str | None:
    """The (already normalised) ask less its one negated reason clause (first, last or in between), or None when it
    has none, or when nothing is left.  "别让院子里那么吵了，关掉警报" → "关掉警报"; "别关掉警报" → None."""
    split = _parts(text)
    return split[1] if split else None


def _parts(text: str) -> tuple[str, str, str] | None:
    """(reason, rest, the clause of the rest next to the reason) of a normalised ask, or None."""
    text = _glued(text or "")
    found = _split(text)
    if found is None:
        return None
    i, spans = found
    a, b = spans[i]
    if i == 0:
        rest = text[spans[1][0]:]
    elif i == len(spans) - 1:
        rest = text[:spans[i - 1][1]]
    else:
        rest = text[:a] + text[spans[i + 1][0]:]
    near = spans[i + 1] if i + 1 < len(spans) else spans[i - 1]
    reason, rest = text[a:b].strip(" .!。！"), rest.strip()
    return (reason, rest, text[near[0]:near[1]]) if reason and rest else None


def _need(reason: str) -> str | None:
    """What a negated need clause says is not needed, as an object ("the office heating or cooling", 办公室制冷),
    or None when the reason is no need (别让院子里那么吵了)."""
    m = _NEED_ZH.match(reason)
    if m is not None:
        return (m.group("subj") + m.group("need")).strip()
    m = _NEED_EN.match(reason)
    if m is None:
        return None
    subj = (m.group("subj") or m.group("subj2") or "").strip()
    subj = "" if _PRONOUN_SUBJECT_EN.fullmatch(subj) else _DETERMINER_EN.sub("", subj)
    return f"the {subj} {m.group('need') or m.group('need2')}".replace("  ", " ")


def negated_need(clause: str) -> bool:
    """Is a (normalised) clause a negated need alone (一号线不用通风了, "the office doesn't need cooling any more")?
    It states no way: the need's noun (the fan's 通风) is not asked for."""
    c = (clause or "").strip(" .!。！")
    return _is_reason(c) and _need(c) is not None


def need_gone_up(asst: Any, text: str, commands: Any) -> str | None:
    """The negated need clause of a (normalised) ask when a command switches on, opens or raises a device that need is
    about, else None (session 8: 一号线不再需要通风了，打开吧 started the fan: 不再需要, "no longer needed", slips past the
    negation guard, and a need that is gone is no reason to start what meets it — a contradiction, refused by the
    gate; 一号线不再需要通风了，关了吧 and 不再需要冷却水 still turn it off)."""
    if not any(w in text for w in ("需要", "不用", "用不着", "不必", "无需", "need")):
        return None
    glued = _NEED_END_ZH.sub(r"\1，", _glued(text))  # 一号线不再需要通风了打开吧: the need ends at its 了
    for a, b in _split_all(glued):
        clause = glued[a:b]
        if not negated_need(clause):
            continue
        about = asst._refers(clause)
        for c in commands:
            meta = asst.by_id.get(c.device_id)
            now = asst.current(c.device_id) if getattr(asst, "current", None) else None
            if meta is not None and c.device_id in about and (
                    c.params.get("locked") is False or violation(meta, c.params, {DOWN}, now) is not None):
                return clause.strip(" .!。！")
    return None


_NEED_END_ZH = re.compile(r"((?:不需要|不用|不再需要|用不着|不必|无需)(?:再)?[^，,；;:：\s]{1,14}?了)\s*(?=[^\s，,；;:：。！!])")


def _split_all(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _SPLIT.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip(" .!。！")] if len(spans) > 1 else []


def _with_object(asst: Any, rest: str, near: str, need: str) -> str:
    """The rest with its command clause (``near``) acting on the need when it names no device of its own:
    "please switch it off" → "please switch the office heating or cooling off", 关了吧 → 一号线通风关了吧."""
    if any(mn.kind in ("device", "kind", "any") for mn in read(normalize(near), asst.rules.vocab).mentions):
        return rest
    if re.search(r"[\u4e00-\u9fff]", need):
        done = need + _LEAD_ZH.sub("", near)  # 那就关了吧 → 一号线通风关了吧
    else:
        if not _PRONOUN_EN.search(near):
            return rest
        done = _PRONOUN_EN.sub(need, near, count=1)
    return rest.replace(near, done, 1)


def _turns_down(asst: Any, rest: str, prop: Any) -> bool:
    """A need is only a reason to switch off, close, stop or lower: never for "turn the AC on", an unlock."""
    if UP in direction_of(normalize(rest)):
        return False
    for c in prop.commands:
        meta = asst.by_id.get(c.device_id)
        now = asst.current(c.device_id) if getattr(asst, "current", None) else None
        if meta is None or c.params.get("locked") is False or violation(meta, c.params, {DOWN}, now) is not None:
            return False
    return True


_IT_EN = re.compile(r"(?:it|them|that|this|those|these|that\s+one|this\s+one)")


def _it_not_needed(asst: Any, reason: str) -> bool:
    """Is the reason "… we don't need it" (the thing not needed is the command's own "it"), naming no device, kind or
    place of its own?  Then its other words ("its loud and we dont need it": loud is the siren's word too) say
    nothing of another device (session 12)."""
    m = _NEED_EN.match(reason)
    if m is None or not m.group("need") or not _IT_EN.fullmatch(m.group("need").strip()):
        return False
    return not read(normalize(reason), asst.rules.vocab).mentions


def reason_command(asst: Any, utterance: str) -> Any | None:
    """The proposal for the ask less its negated reason clause, or None (the caller keeps its refusal).  The rest
    is read with every screen; a reason clause that is about devices (办公室…, 院子…) must cover every command
    (仓库不需要那么亮了，关掉灯 is the warehouse's lamp only, never every lamp: otherwise refused); the proposal is
    gated on the whole ask."""
    split = _parts(normalize(utterance or ""))
    if split is None:
        return None
    reason, rest, near = split
    need = _need(reason)
    if need is not None:  # 一号线不用通风了，关了吧: the need is what the command turns off
        rest = _with_object(asst, rest, near, need)
    prop = asst.understand(rest)
    if not prop.ok or not prop.commands:
        return None
    if need is not None and not _turns_down(asst, rest, prop):
        return None  # "the office doesn't need cooling, turn the AC on": contradicts itself, refused
    about = asst._refers(reason)
    if about and any(c.device_id not in about for c in prop.commands) and not _it_not_needed(asst, reason):
        return None
    out = asst._gate(utterance, asst._relabel(utterance, prop, prop.layer))
    return replace(out, timing_ms=prop.timing_ms) if out.ok else None
