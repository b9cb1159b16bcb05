"""First-person narrations of what was already done, next to the ask that undoes it (session 10, undo asks).

"I cut the steam earlier but we need it back, fully open please" had CLOSED the steam valve: the narration "I cut
the steam earlier" was read as a command.  "sorry, I turned the desk lamp on by mistake, can you turn it back off
please", "I stopped conveyor B a minute ago, please start it again", 刚才开错了，把台灯关回去吧 were refused (both ways,
"relative change", a device called "accident" / 刚才).  The class:

- **A narration says what was done, never what to do**: a clause "I / we (just) <past verb> … " with a past marker
  (earlier, by mistake, by accident, accidentally, a minute ago, just now, before) or "I just <past verb> …"; in
  Chinese a clause with 刚才 / 刚刚 / 之前 / 不小心 / 开错 / 关错 that ends in 了 ("我刚才关了蒸汽阀", "刚才开错了").  It is
  dropped; the object it names ("the steam") is kept as the topic of the ask, so "fully open please" / "turn it back
  off" / 再打开吧 act on it.  The relative clause 刚开的那个风机 ("the fan just turned on") keeps only its noun.
- **The command is the other clause**, with "back" / "again" / 回去 / 再 read as undo words, never relative changes:
  "turn it back off" → "turn it off", "put it back to cool" → "put it to cool", 关回去 → 关掉, 再关掉 → 关掉.  A bare
  "we need it back" clause says only that it should be undone: dropped, the explicit command next to it acts.
- **Only the narration (no command)** is refused: "I cut the steam earlier", 我刚才关了蒸汽阀, "I cut the steam
  earlier but we need it back" (which way is for the ask to say).

``undo_rewrite`` returns None when the ask has no narration (every other ask is read as before), "" when only a
narration is left, else the ask rewritten (topic + command clauses), read by every layer and gate as any ask.
Pure: regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Callable

_PAST_EN = (r"(?:turned|switched|shut|cut|stopped|started|opened|closed|unlocked|locked|killed|set|put|moved|changed|"
            r"raised|lowered|dimmed|powered|flipped|activated|deactivated|silenced|muted|sounded|ran|paused|halted)")
_WHEN_EN = (r"(?:earlier(?:\s+on|\s+today)?|by\s+(?:mistake|accident)|accidentally|mistakenly|a\s+(?:minute|moment|"
            r"second|sec|bit|little\s+while|while|few\s+minutes)\s+ago|(?:a\s+few\s+|two\s+|five\s+|ten\s+)?minutes\s+"
            r"ago|just\s+now|before)")
_NARRATION_EN = re.compile(
    rf"^(?:(?:oh|oops|whoops|sorry|ah|um|uh|so|ok|okay|well)\s*,?\s*)*(?:i|we)\s+(?:just\s+|accidentally\s+|"
    rf"mistakenly\s+|already\s+)*(?P<verb>{_PAST_EN})\b(?P<rest>.*)$")
_WHEN_EN_RE = re.compile(rf"(?<![a-z]){_WHEN_EN}(?![a-z])")
_JUST_EN = re.compile(r"^(?:[a-z]+\s*,?\s*)*?(?:i|we)\s+just\s+")
_OBJ_CUT_EN = re.compile(rf"\s+(?:to|into|at|on\s+to)\s+.*$|(?<![a-z]){_WHEN_EN}.*$")
_PARTICLE_EN = re.compile(r"^(?:on|off|up|down|out)\s+|\s+(?:on|off|up|down|out)$")
_PRONOUN_EN = re.compile(r"^(?:it|them|that|this|those|these|one)$")
_GATE_EN = re.compile(r"(?<![a-z])(?:i|we|was|were|got|been)\s")
_PUNCT_EN = re.compile(r"\s*[,;.!?]+\s*")
_JOIN_EN = re.compile(r"\s+(but|and(?:\s+now)?|so|now)\s+")
_BECAUSE_EN = re.compile(r"\s+(?:because|since|cause|'cause|as)\s+(?=(?:i|we)\s)")
# "the desk lamp was turned on by mistake", "the fan got switched off accidentally"
_PASSIVE_EN = re.compile(rf"^(?:(?:oh|oops|whoops|sorry|so|ok|okay|well)\s*,?\s*)*(?P<obj>(?:(?!(?:what|set|turn|put|switch|make|get|bring|keep|leave)(?![a-z]))[a-z0-9'-]+\s*){{1,5}}?)\s+(?:was|were|got|has\s+been|"
                         rf"have\s+been|had\s+been)\s+(?:just\s+|accidentally\s+|mistakenly\s+)*{_PAST_EN}\b"
                         rf"(?=.*(?<![a-z]){_WHEN_EN}(?![a-z]))")
# "we need it back", "i want it back", "need it back on" (no way said): the undo itself, not a command
_NEED_BACK = re.compile(r"^(?:(?:but|and|so|now)\s+)?(?:we|i)?\s*(?:need|want|would\s+like|'d\s+like)\s+(?:it|them|that)"
                        r"\s+back(?:\s+(?:now|please))?$")
_BACK = re.compile(r"(?<![a-z])back\s+(?=(?:on|off|up|down|to|into|open|closed?|shut|in|over|please|now)(?![a-z]))"
                   r"|\s+back(?=\s*$)|(?<![a-z])again(?![a-z])\s*")
_POLITE_EN = re.compile(r"^(?:sorry|oops|whoops|my\s+bad|my\s+mistake|please|thanks|thank\s+you|cheers|sorry\s+about"
                        r"\s+that)$")

_TIME_ZH = r"(?:刚才|刚刚|方才|之前|先前|不小心|一不小心|误)"
_NARRATION_ZH = re.compile(rf"^[^把]{{0,8}}?{_TIME_ZH}.*(?:开|关|停|启动|锁|解锁|调|切|打开|关掉|关上|"
                           r"关闭|停掉|打到|换成|改成|拉开|拉上|放下|升起|降下|拉起|拉下)[^吧]*?了(?!吧)(?:(?!吧|好吗|行吗|可以吗).)*$"
                           r"|^(?:我们?)?(?:刚才|刚刚|不小心)?(?:开|关|停|启动|锁|调|按|点)错了$")
_OBJ_ZH = re.compile(r"把(?P<a>.+?)(?:给)?(?:打开|关掉|关上|关闭|停掉|开|关|停|启动|锁|解锁|调|切|拉|放|升|降)"
                     r"|(?:打开|关掉|关上|关闭|停掉|启动|解锁|开|关|停|锁)了(?:一下)?(?P<b>.+?)(?:[吧啊呀哦])?$")
_VERB_ZH = re.compile(r"(?:给)?(?:打开|关掉|关上|关闭|停掉|开|关|停|启动|锁|解锁|调|切|拉|放|升|降|换|改)")
_LEAD_ZH = re.compile(rf"{_TIME_ZH}|被|我们?")
_RELATIVE_ZH = re.compile(r"(?:刚才|刚刚|刚)(?:打开|开启|开|关掉|关上|关闭|关|启动|停掉|停|锁上|解锁)(?:了)?的(?:那个|那台|这个|这台|那|这)?")
_BACK_ZH = re.compile(r"(?<=[关开停锁调切拉放升降])回去|(?<=[关开停锁调切拉放升降])回来|再(?=[开关停启锁调切拉放打])|重新(?=[开关停启锁调切拉放打])")
_BACK_TO_ZH = re.compile(r"([调切换改])回(?:到|成)?(?![去来])")
_SPLIT_ZH = re.compile(r"\s*[,;.!?，；。！？、]+\s*")
_POLITE_ZH = re.compile(r"^(?:不好意思|对不起|抱歉|麻烦了|谢谢|sorry)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _zh_back(part: str) -> str:
    part = _BACK_TO_ZH.sub(lambda m: m.group(1) + "成", part)  # 调回制冷 → 调成制冷
    return _BACK_ZH.sub(lambda m: "掉" if m.group(0) in ("回去", "回来") and m.start() and part[m.start() - 1] in "关停"
                        else "", part)


def undo_rewrite(text: str, names: Callable[[str], bool]) -> str | None:
    """``text`` (normalised) with its narration of what was done dropped (its object kept as the topic) and the undo
    words of its command read plainly; None when it has no narration, "" when nothing but the narration is left.
    ``names``: does a text name a device, kind or place of the fleet."""
    if not text:
        return None
    if _CJK.search(text):
        return _rewrite_zh(text, names)
    if not _GATE_EN.search(text):
        return None
    return _rewrite_en(text, names)


def _narration_en(part: str) -> tuple[bool, str]:
    """Is ``part`` a narration of what was done; and the object it names ("" when none or a pronoun)."""
    m = _NARRATION_EN.match(part)
    if m is not None and (_WHEN_EN_RE.search(m.group("rest")) or _JUST_EN.match(part)):
        obj = m.group("rest")
    else:
        m = _PASSIVE_EN.match(part)
        if m is None:
            return False, ""
        obj = m.group("obj")
    obj = _OBJ_CUT_EN.sub("", obj).strip()
    obj = _PARTICLE_EN.sub("", _PARTICLE_EN.sub("", obj)).strip()
    return True, ("" if _PRONOUN_EN.match(obj) else obj)


def _rewrite_en(text: str, names: Callable[[str], bool]) -> str | None:
    topic, commands, found = "", [], False
    for part in (p.strip() for p in _PUNCT_EN.split(text)):
        if not part:
            continue
        why = _BECAUSE_EN.search(part)  # "turn it back off because i started it by mistake"
        if why is not None and _narration_en(part[why.end():])[0]:
            part, narration, tail = part[:why.start()], part[why.end():], ""
        else:
            head, _, tail = (_JOIN_EN.split(part, maxsplit=1) + ["", ""])[:3]
            narration = head
            if not _narration_en(head)[0]:
                narration, tail = "", ""
            else:
                part = tail
        if narration:
            found = True
            obj = _narration_en(narration)[1]
            if obj and names(obj) and not topic:
                topic = obj
        part = part.strip()
        if not part or _NEED_BACK.match(part) or _POLITE_EN.match(part):
            continue
        commands.append(part)
    if not found:
        return None
    cmd = ", ".join(_BACK.sub("", c).strip() for c in commands)
    cmd = re.sub(r"\s{2,}", " ", cmd).strip(" ,")
    if not cmd:
        return ""
    if topic and not names(cmd):
        return f"{topic}, {cmd}"
    return cmd


def _zh_object(part: str, names: Callable[[str], bool]) -> str:
    """The device a Chinese narration names: after 把 up to its verb (the longest that names one: 把空调调成 → 空调),
    after 了 (关了蒸汽阀), or before the time (台灯刚才被我关了); "" when none names anything of the fleet."""
    found = [part[m.end():e.start()] for m in re.finditer("把", part) for e in _VERB_ZH.finditer(part, m.end() + 1)]
    m = _OBJ_ZH.search(part)
    if m is not None and m.group("b"):
        found.append(m.group("b"))
    found.append(_LEAD_ZH.split(part, maxsplit=1)[0])
    for obj in sorted((f.strip() for f in found if f.strip()), key=len, reverse=True):
        if len(obj) <= 12 and names(obj):
            return obj
    return ""


def _rewrite_zh(text: str, names: Callable[[str], bool]) -> str | None:
    relative = _RELATIVE_ZH.search(text)
    parts = [p for p in _SPLIT_ZH.split(text) if p]
    topic, commands, found = "", [], bool(relative)
    for part in parts:
        if _NARRATION_ZH.match(part):
            found = True
            obj = _zh_object(part, names)
            if obj and not topic:
                topic = obj
            continue
        if _POLITE_ZH.match(part):
            continue
        commands.append(_zh_back(_RELATIVE_ZH.sub("", part)))
    if not found:
        return None
    cmd = ",".join(c for c in commands if c)
    if not cmd:
        return ""
    if topic and not names(cmd):
        return f"{topic},{cmd}"
    return cmd
