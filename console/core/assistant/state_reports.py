"""A report of how a device is now, beside a command about it: "the warehouse floodlight is still on, can someone
switch it off please?", "the lamp is off, switch it on", 仓库的灯还开着，关掉吧.

The report's state word ("on" of "is still on", 开着) says how things are, never which way to go: read as a
direction it made the direction check refuse the command it explains (held-out 27: the floodlight's "off" was "the
opposite of" the report's "on"), and "…is still on, switch it off" read as asking for opposite things.
:func:`command_for_report` reads such an ask as its command alone, the report's subject put where the command points
back at it ("switch it off" → "switch the warehouse floodlight off"; 关掉吧 → 仓库的灯关掉吧).

Only a clause of its own that is a subject and a state ("<subject> is/are [still|already|now] on/off/open/closed/
running …", 还开着 / 还亮着 / 在响), never a wish ("make sure the lamp is on", 让门关着), and only beside a command
clause with a verb of its own (switch, close, stop, 关, 停 …); the report is the command's antecedent ("it", "them",
它, or a Chinese command with no object) or says "still / already / again" (还, 已经): "the lamps are off, the door
locked" is a list of states and stays as it is.  The command's own words give the way (the report's state may be
either); the rest of the pipeline reads and gates the command as any ask.  Pure text; no threads, no locks.
"""

from __future__ import annotations

import re

_STATE_EN = r"(?:on|off|open|opened|closed|shut|running|stopped|going|lit|locked|unlocked|sounding|blaring|up|down)"
# "the warehouse floodlight is still on", "conveyor a's still running", "the blinds are open again"
_REPORT_EN = re.compile(
    # never a wish or a command about a state: "make sure the lamp is on", "check the valve is closed"
    r"^(?!.*(?<![a-z])(?:make|sure|ensure|check|see|want|wants|need|needs|should|must|please|can|could|would|will|"
    r"let|have|has|get|keep|leave|if|when|whether|unless|until|so|because|as|not|never|no|and|then)(?![a-z]))"
    r"(?P<subj>(?:(?:the|my|our|this|that|these|those|all\s+the)\s+)?(?:[a-z0-9'-]+\s+){0,4}?[a-z0-9-]+)\s*"
    r"(?:\s(?:is|are|was|were)|'s|'re)\s+(?P<still>(?:still\s+|already\s+|now\s+|currently\s+|again\s+|left\s+|all\s+)*)"
    + _STATE_EN + r"(?P<again>\s+(?:again|still|now|already|all\s+(?:day|night)))?$")
# 仓库的灯还开着, 警报还在响, 二号线传送带还在转
_REPORT_ZH = re.compile(r"^(?!.*(?:让|保持|要|请|把|得|应该|必须|别|不|帮|给|确保|记得|如果|要是))"
                        r"(?P<subj>[^\s,，;；:：。!！?？]{1,12}?)(?P<still>还|都|一直|已经)?(?:是)?(?:开着|亮着|关着|在响|"
                        r"响着|在转|转着|在运行|运行着|在跑|锁着|拉开着|拉着)(?:的|呢|了|啊)?$")
_CUT = re.compile(r"\s*(?:[,，;；:：。!！]|\.\s|—|--|\s-\s)\s*")
# a command clause: a verb of its own
_COMMAND_EN = re.compile(r"(?<![a-z])(?:turn|switch|shut|close|open|stop|start|kill|cut|lock|unlock|raise|lower|dim|"
                         r"silence|mute|power|put|run|sound|halt|pause|resume)(?![a-z])")
_COMMAND_ZH = re.compile(r"关|停|熄|灭|打开|开一下|开开|开启|启动|拉上|拉开|放下|锁上|锁好|解锁|开锁")
_PRONOUN_EN = re.compile(r"(?<![a-z])(?:it|them)(?![a-z])")
_PRONOUN_ZH = re.compile(r"它们|它")
# a Chinese command with no object: 关掉吧, 帮忙关一下, 快关了
_BARE_ZH = re.compile(r"^(?:那就|就|快|赶紧|麻烦|请|帮忙|帮我|能不能|可以)?(?:关|停|熄|灭|打开|开启|启动|拉上|拉开|放下|锁上|锁好|解锁)")


def clause_spans(text: str, cut: re.Pattern = _CUT) -> list[tuple[int, int]]:
    """(start, end) of each non-empty clause of ``text`` between the matches of ``cut`` (punctuation by default)."""
    spans, pos = [], 0
    for m in cut.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip(" .!?。！？")]


def _clauses(text: str) -> list[tuple[int, int]]:
    return clause_spans(text)


def command_for_report(text: str) -> str:
    """``text`` (normalised) read as its command when one clause reports a device's state and the next (or the one
    before) commands it; the same string otherwise."""
    spans = _clauses(text or "")
    if len(spans) != 2:
        return text
    parts = [text[a:b].rstrip(" .!?。！？") for a, b in spans]
    for i in (0, 1):
        report, command = parts[i], text[spans[1 - i][0]:spans[1 - i][1]]
        m = _REPORT_EN.match(report) or _REPORT_ZH.match(report)
        if m is None or _REPORT_EN.match(command.rstrip(" .!?")) or _REPORT_ZH.match(command.rstrip(" .!?。！？")):
            continue
        subj, still = m.group("subj").strip(), bool(m.group("still") or m.groupdict().get("again"))
        if _REPORT_EN.match(report):
            if not _COMMAND_EN.search(command):
                return text
            said = _PRONOUN_EN.sub(subj, command, count=1)
        else:
            if not _COMMAND_ZH.search(command):
                return text
            said = _PRONOUN_ZH.sub(subj, command, count=1)
            if said == command and _BARE_ZH.match(command):
                said = subj + command
        if said == command and not still:
            return text  # "the lamps are off, the door locked": a list of states, or a remark on another device
        return said.strip()
    return text


# a command opening the clause, or a relative clause ("the pump that is stopped"): never a report of its own
_COMMAND_LEAD = re.compile(r"^(?:please\s+|pls\s+|now\s+|just\s+)*(?:turn|switch|start|stop|set|open|close|shut|lock|unlock|"
                           r"run|put|get|make|keep|leave|kill|fire|crank|bring|sound|raise|lower|dim|power|restart|resume|"
                           r"halt|cut|silence|mute|activate|deactivate|enable|disable|check|let)(?![a-z])"
                           r"|.*(?<![a-z])(?:that|which|who)\s+(?:is|are|was|were|'s)(?![a-z])")


def lone_state_report(text: str) -> str | None:
    """The (normalised) text when all of it is one state report ("the valve is shut", "the desk lamp is on", 台灯开着,
    阀门关着呢), else None: how a device is, never a command (session 8: each had been carried out; present_reports.py
    reads the asks of several clauses).  A wish or a command about a state never matches ("make sure the lamp is on",
    让门关着, 空调开着吧)."""
    t = (text or "").strip().rstrip(" .!?。！？")  # "台灯开着？" asks how it is: no command either
    if not t or re.search(r"[,，;；:：?？]", t) or _COMMAND_LEAD.match(t):
        return None  # "start the pump that was stopped": a command about the device that is in that state
    return t if _REPORT_EN.match(t) or _REPORT_ZH.match(t) else None


def mask_state_reports(text: str) -> str:
    """``text`` (normalised) with the state word of a state-report clause blanked (positions kept) when the other
    clause commands (the direction check: "the floodlight is still on, switch it off" asks for no "on"); the same
    string otherwise."""
    spans = _clauses(text or "")
    if len(spans) != 2 or command_for_report(text) == text:
        return text
    out = list(text)
    for a, b in spans:
        part = text[a:b].rstrip(" .!?。！？")
        m = _REPORT_EN.match(part) or _REPORT_ZH.match(part)
        if m is not None:
            s, e = a + m.end("subj"), a + len(part)
            out[s:e] = " " * (e - s)
    return "".join(out)
