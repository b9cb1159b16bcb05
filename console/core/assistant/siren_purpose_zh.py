"""A siren verb after a purpose, or with a pattern, names the siren (held-out 18; 报警: session 8).

siren_verbs.py reads 响起来 as the siren where a purpose follows it ("响起来提醒院子里的人撤离").  Two more shapes say
the siren as plainly: the purpose first ("提醒院子里的大家注意，用wail模式响起来": remind everyone in the yard, sound
the wail pattern), and the verb with a pattern or manner ("用wail模式响起来", "以脉冲方式鸣响": only a siren sounds in a
pattern).  The bare verb is read as 拉响警报 (sound the alarm) and the rest of the pipeline finds the fleet's siren,
or refuses where it has none; the purpose clause then adds nothing (as after the verb).  Only where the ask has no
siren word of its own (警报, 警笛 …), as in siren_verbs.py.
Pure functions, no threads, no locks.
"""

from __future__ import annotations

import re

_VERB = r"(?<![拉鸣])(?:响起来|响起|响一下|响一响|鸣响)"
# a purpose that opens the ask: remind / tell / warn (people) …, then the verb in a later clause
_PURPOSE_FIRST = re.compile(r"^\s*(?:请|快)?(?:提醒|通知|警告|告诉|叫|催)[^，,；;]*[，,；;]")
# the verb with a pattern or manner: 用wail模式响起来, 以脉冲方式鸣响
_PATTERNED = re.compile(r"(?:用|以|按)\s*[^，,；;\s]{1,12}?\s*(?:模式|方式|响法|的方式|节奏)\s*(?:来)?\s*" + _VERB)
_SIREN_WORD = re.compile(r"警|报|笛|喇叭|铃")


# 报警 ("sound the alarm", also "call the police") is the siren's verb only in a pattern (用脉冲模式报警) or after a
# purpose of warning people (让院子里的人注意，…报警 / 提醒大家注意，…报警; session 8), never alone nor after 通知 / 告诉 /
# 叫 (叫保安报警: tell the guard to call the police); 报警器 / 报警灯 … are names, 拉响报警 already says the siren
_ALARM_VERB = r"(?<![拉鸣发打去来])报警(?![器灯声铃电])"
_ALARM_PATTERNED = re.compile(r"(?:用|以|按)\s*[^，,；;\s]{1,12}?\s*(?:模式|方式|响法|的方式|节奏)\s*(?:来)?\s*" + _ALARM_VERB)
_WARN_FIRST = re.compile(r"^\s*(?:请|快)?(?:提醒|警告|让)[^，,；;]{0,12}?(?:注意|小心|当心|警惕|留意)\s*[，,；;]")


def siren_after_purpose(text: str) -> str:
    """The (normalised) ask with a bare siren verb read as 拉响警报 in those two shapes, or the text unchanged."""
    alarm = re.search(_ALARM_VERB, text)
    if alarm is not None and not _SIREN_WORD.search(text[:alarm.start()] + text[alarm.end():]) \
            and (_ALARM_PATTERNED.search(text) or _WARN_FIRST.search(text)):
        return text[:alarm.start()] + "拉响警报" + text[alarm.end():]
    if _SIREN_WORD.search(text) or not re.search(_VERB, text):
        return text
    if _PATTERNED.search(text) or _PURPOSE_FIRST.search(text):
        return re.sub(_VERB, "拉响警报", text, count=1)
    return text
