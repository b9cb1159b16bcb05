"""Reports of how a device is, in an ask of several clauses: never carried out as commands.

Session 8 (found by hand): "the valve is shut" closed the valve, "the desk lamp is on" switched it on, 台灯开着 /
阀门关着呢 likewise: a subject and its state read as the state to reach.  A report alone is refused by the rules'
guard (``state_reports.lone_state_report``); this module reads the asks where a report stands beside other clauses:

- every clause a report, or a report followed by verbless states ("the valve is shut, the lamp is on", "the lamps
  are off, the door locked", 台灯开着，阀门关着): how things are, refused whole;
- a report beside a command clause with a verb of its own ("the lamps are off, lock the door", "the desk lamp is
  on, so close the blinds", 台灯开着，把窗帘拉上): the report says why, the command alone is read (the report's
  device never gets the report's state as a command).

``state_reports.command_for_report`` runs first ("the floodlight is still on, switch it off": the report is the
command's antecedent).  A wish ("make sure the lamp is on", 让门关着) or a numbered checklist item ("3. valve shut":
checklists.py reads it before) is no report.  Pure text; no threads, no locks.
"""

from __future__ import annotations

import re

from console.core.assistant.state_reports import lone_state_report

# clause boundaries: punctuation, a sentence end, and/then/so, 然后 / 同时 …
_CUT = re.compile(r"\s*(?:[,;:，；：。!！?？]|\.(?:\s|$)|—|--|\s-\s)\s*(?:(?:and\s+also|and\s+then|and|then|so|but|also)\s+)?"
                  r"|\s+(?:and\s+also|and\s+then|and|then|so|but)\s+|\s*(?:然后|同时|另外|并且|而且)\s*")
# a clause that commands: a verb of its own (not a bare state after a subject)
_VERB_EN = re.compile(r"(?<![a-z])(?:turn|switch|shut|close|open|stop|start|kill|cut|lock|unlock|secure|raise|lower|"
                      r"dim|silence|mute|power|put|run|sound|halt|pause|resume|set|make|get|bring|let|leave|keep|"
                      r"activate|deactivate|ventilate|cool|heat|warm|crank|drop|pull|roll|draw)(?![a-z])")
_VERB_ZH = re.compile(r"把|将|请|帮|关掉|关上|关闭|关了|打开|开一下|开开|开启|启动|停掉|停止|停下|停了|拉上|拉开|放下|锁上|锁好|"
                      r"解锁|开锁|调到|调成|设为|设到|开到|熄|灭掉|响起来|拉响")


def _parts(text: str) -> list[str]:
    return [p.strip(" .!?。！？") for p in _CUT.split(text or "") if p and p.strip(" .!?。！？")]


def without_reports(text: str) -> str | None:
    """For a (normalised) ask of several clauses with a state report among them: "" when the ask is only how things
    are (refuse it), the command clauses alone (joined by ", ") when another clause commands; None when no clause is a
    report, or the ask is one clause (the guard reads that)."""
    parts = _parts(text)
    if len(parts) < 2:
        return None
    reports = [p for p in parts if lone_state_report(p) is not None]
    if not reports:
        return None
    rest = [p for p in parts if p not in reports]
    commands = [p for p in rest if _VERB_EN.search(p) or _VERB_ZH.search(p)]
    if not commands:
        return ""  # "the lamps are off, the door locked": a list of how things are
    if len(commands) < len(rest):
        return None  # a verbless part besides: left to the clause pass (it refuses what it cannot place)
    return ", ".join(commands)
