"""What maintenance (or another crew) means to do, said after a command as its reason (session 11c, set 72).

"kill the coolant pump, maintenance wants to open it up" was refused as saying both start and stop: "open it up" is
what the fitters will do to the pump once it is off, never a command to the assistant.  The class: a last clause whose
subject is a crew that works on the plant (maintenance, the fitters, the electrician(s), mechanic(s), tech(s),
technician(s), engineer(s), engineering, the contractor(s), the crew, the cleaners, QA; 维修 / 维修工 / 检修 / 电工 /
机修 / 师傅) followed by what they will do (wants to / needs to / has to / is going to / is about to / will / 'll /
gotta / 要 / 想 / 得 / 准备 / 打算 …), and names no device or place of its own (only "it" / "them" / 它, or nothing):
dropped, the rest read as any ask.

Only after a command clause (two clauses, the crew's last), never when the ask has a condition or a negation, and
never a clause that asks the assistant ("maintenance wants the pump on" has no "to <verb>" and stays as said).
Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

_CREW_EN = (r"(?:(?:the|our|my|a|some)\s+)?(?:maintenance(?:\s+(?:crew|team|guys?|people|folks))?|fitters?|"
            r"electricians?|mechanics?|techs?|technicians?|engineers?|engineering|contractors?|crew|cleaners?|qa|"
            r"millwrights?|repair\s+(?:crew|team|guys?)|service\s+(?:guys?|team|engineers?))")
_PLAN_EN = (r"(?:wants|want|needs|need|has|have|is\s+going|are\s+going|'s\s+going|'re\s+going|is\s+about|are\s+about|"
            r"plans?|is\s+planning|are\s+planning|is\s+coming|are\s+coming|got|gotta|would\s+like)\s+to|will|'ll|gotta")
_PARTY_EN = re.compile(r"^(?:(?:since|because|cos|cause|as)\s+)?" + _CREW_EN + r"\s*(?:" + _PLAN_EN
                       + r")\s+(?P<rest>[a-z][a-z' ]*)$")
# what the crew does to the device (never run, start or stop it) may point back at it ("open it up"), never name one
_REST_EN = re.compile(r"^(?:(?:open|take|have|look|check|inspect|fix|repair|service|clean|strip|work|replace|change|"
                      r"swap|get|grease|lube|examine|pull|remove|drain|flush|dismantle)(?:\s+(?:it|them|up|out|down|apart|open|in|on|inside|over|now|soon|later|there|"
                      r"the\s+(?:casing|cover|panel|housing|guard|seal|seals|impeller|motor|belt|bearings?|filter|"
                      r"pipes?|lines?|inside|hood|box)|a\s+look|a\s+look\s+at\s+it|at\s+it|on\s+it|to\s+it|"
                      r"work|the\s+work|some\s+work))*)$")
_CREW_ZH = r"(?:维修(?:工|的|人员|师傅|部)?|检修(?:的|人员)?|机修(?:工|的)?|电工|师傅(?:们)?|工程部|设备部)"
_PARTY_ZH = re.compile(r"^(?:因为)?" + _CREW_ZH + r"(?:要|想|得|准备|打算|等下要|马上要|待会要|过来)"
                       r"(?P<rest>(?:把它|给它)?(?:打开|拆开|拆|开盖|检查|看看|看一下|修|维修|保养|清理|换)[^\s,，;；。!！?？]{0,6})$")
_REST_ZH_OK = re.compile(r"^[把给它打开拆盖检查看一下修维保养清理换零件东西里面看看了吧呢]*$")
_NEVER_EN = re.compile(r"(?<![a-z])(?:if|when|whenever|once|unless|until|after|before|not|never|don't|dont|no|"
                       r"tomorrow|later|minutes?|hours?)(?![a-z])|n't")
_NEVER_ZH = re.compile(r"如果|要是|假如|的话|不要|别|不用|明天|分钟|小时|之后|以后")
_CUT = re.compile(r"\s*(?:[,，;；。!！]|\.\s|—|--|\s-\s)\s*")


def drop_party_reason(text: str) -> str | None:
    """``text`` (normalised) without a last clause that says what a crew will do ("…, maintenance wants to open it
    up"); None when it has none."""
    parts = [p for p in _CUT.split(text or "") if p.strip(" .!?。！？")]
    if len(parts) != 2:
        return None
    command, last = parts[0].strip(), parts[1].strip().rstrip(" .!?。！？")
    if re.search(r"[\u4e00-\u9fff]", text):
        if _NEVER_ZH.search(command):
            return None
        m = _PARTY_ZH.match(last)
        return command if m is not None and _REST_ZH_OK.match(m.group("rest")) else None
    if _NEVER_EN.search(text):
        return None
    m = _PARTY_EN.match(last)
    return command if m is not None and _REST_EN.match(m.group("rest")) else None
