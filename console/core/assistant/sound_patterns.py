"""A siren's pattern said by how it sounds (session 9, new staff describing devices).

"the yard siren - make it do the on-off beeping instead of the long howl" silenced the siren (the "off" of "on-off"
was read as the verb), 院子的警报换成嘀嘀嘀一阵一阵那种 / 院子里那个响的，换成呜呜呜那种忽高忽低的 / "can you make the yard thing do
the wailing sound" were refused or sounded the siren, and 院子里的警报器响起来，要一直响不断的那种 dropped the steady tone.
An alarm's pattern named by its sound is that pattern:

- on-off / intermittent beeping, beep-beep, short bursts, 嘀嘀嘀, 滴滴滴, 一阵一阵, 断断续续 → pulse;
- a howl, wailing, rising and falling, 呜呜呜, 忽高忽低, 一高一低 → wail;
- continuous, non-stop, constant, 一直响(不断), 响个不停, 不停地响, 连续不断 → steady.

Only where it is said as the value asked for, never as how the device is now ("the siren keeps beeping, stop it",
院子的警报一直响，关掉; "stop the constant noise in the yard" had set the steady pattern too: in an ask that stops or
silences something, "the <sound> noise / siren" is only that noise or siren): in English after do / to / into /
with / use / want ("do the on-off beeping"), or as a noun phrase closing its clause in an ask that stops nothing
("- the howling sound please"; "the beeping one" is a device described: described.py); in Chinese after 换成 / 改成 /
设成 / 调成 / 用 / 要 … or before (的)那种 ("要一直响不断的那种").
"<sound> sound / noise" there is the noun "tone" (never "sound the siren"), and "instead of / rather than <a
pattern>" says which pattern is *not* wanted: it is dropped (never a second value).  Written in the pattern words the
lexicon already reads (pulse, wail, steady; 脉冲, 啸叫, 持续), only for values the fleet's enums have.  Pure text.
"""

from __future__ import annotations

import re
from typing import Iterable

_PULSE_EN = (r"(?:on[- ]?(?:and[- ]?)?off|intermittent|short|stop[- ]start)\s+(?:beep(?:ing|s)?|bursts?|blasts?|blips?|"
             r"sounds?|tones?|noises?|alarm|siren)|beep(?:ing)?\s+on\s+and\s+off|beep[- ]beep(?:[- ]beep)*|beeping|beeps|"
             r"pulsing|pulsed|pulse")
_WAIL_EN = (r"(?:long\s+|rising\s+(?:and\s+falling\s+)?|up[- ]and[- ]down\s+)?(?:howl(?:ing|s)?|wail(?:ing|s)?|whoop(?:ing)?)"
            r"|rising\s+and\s+falling|wail")
_STEADY_EN = r"(?:continuous|constant|non[- ]?stop|unbroken|solid)\s+(?:sound|tone|noise|blare|alarm|siren)|continuous|" \
             r"constant|non[- ]?stop|steady"
_SOUNDS_EN = (("pulse", _PULSE_EN), ("wail", _WAIL_EN), ("steady", _STEADY_EN))
# the value asked for: after do / to / use / want …, or a noun phrase closing its clause ("- the howling sound please")
_LEAD_EN = r"(?:do|does|to|into|with|use|using|want|give\s+(?:me|us|it)|for)\s+(?:(?:the|a|an|that|this|its)\s+)?"
_DET_EN = r"(?:the|a|an|that|this|its)\s+"
_CLOSE_EN = r"(?=\s*(?:please|pls|thanks|thank\s+you)?\s*(?:[,;:!?.]|\s-+\s|—|–|$))"
_NOUN_EN = r"(?:\s+(?:sound|noise|tone|pattern|one|kind|type|setting|mode))?"
# an ask that silences or stops something: "stop the constant noise" describes what is to stop, no pattern
_DOWN_EN = re.compile(r"(?<![a-z])(?:stop|off|silence|quiet|kill|shut|mute|cut|end|halt|enough|no\s+more)(?![a-z])")
_ANY_EN = re.compile(r"(?<![a-z])(?:beep|howl|wail|on[- ]off|on and off|intermittent|continuous|constant|non[- ]?stop|"
                     r"rising|short|long|whoop|pulse|pulsing|steady|solid|unbroken)")
_INSTEAD_EN = re.compile(r"\s*,?\s*(?<![a-z])(?:instead\s+of|rather\s+than)\s+(?:the\s+|a\s+|an\s+|that\s+|its\s+)?"
                         r"(?:usual\s+|current\s+|normal\s+|long\s+|short\s+)?(?:" + "|".join(rx for _, rx in _SOUNDS_EN)
                         + r")" + _NOUN_EN + r"(?![a-z])")

_PULSE_ZH = r"(?:[嘀滴哔嘟]){2,}(?:[嘀滴哔嘟的声])*|一阵一阵(?:的)?|一阵阵(?:的)?|断断续续(?:的)?|一下一下(?:的)?|间断(?:的)?"
_WAIL_ZH = r"(?:呜){2,}(?:地?(?:响|叫))?|忽高忽低(?:的)?|一高一低(?:的)?|高低起伏(?:的)?"
_STEADY_ZH = (r"(?:一直|不停地?|不断地?|持续地?|连续地?)(?:响|叫|鸣)(?:个)?(?:不停|不断)?|(?:响|叫|鸣)个?(?:不停|不断)|连续不断|"
              r"不间断(?:的)?|长鸣")
_LEAD_ZH = r"(?:(?:换成|改成|设成|调成|设为|改为|变成|切换成|切换到|换到|用|要|来)\s*(?:那种|这种|一个|个)?|那种|这种)\s*"
_TAIL_ZH = r"(?=\s*(?:的)?(?:那种|这种|那样|这样|声音|的声音|模式|的模式|响法))"
_INSTEAD_ZH = re.compile(r"[,，]?\s*(?:而不是|不要|别用|不用)(?:那种|这种)?(?:脉冲|啸叫|持续)(?:的)?(?:那种|这种)?")
_ANY_ZH = re.compile(r"[嘀滴哔嘟呜]{2}|一阵|断断续续|一下一下|间断|忽高忽低|一高一低|高低起伏|一直|不停|不断|持续|连续|长鸣|不间断")

_WORDS = {"pulse": ("pulse", "脉冲"), "wail": ("wail", "啸叫"), "steady": ("steady", "持续")}
_EN = [(v, re.compile(r"(?<![a-z])(?P<lead>" + _LEAD_EN + r")(?:" + rx + r")(?P<noun>" + _NOUN_EN + r")(?![a-z])"))
       for v, rx in _SOUNDS_EN]
# ("the beeping one" after no lead word is a device described, described.py: never a value here)
_EN_CLOSING = [(v, re.compile(r"(?<![a-z])(?P<lead>" + _DET_EN + r")(?:(?:long|short)\s+)?(?:" + rx + r")(?P<noun>"
                              + _NOUN_EN.replace("|one|", "|") + r")(?![a-z])" + _CLOSE_EN)) for v, rx in _SOUNDS_EN]
# the sound as it is heard now, before what makes it ("the constant noise", "that wailing siren"): no value
_HEARD_EN = re.compile(r"(?<![a-z])(?P<lead>" + _DET_EN + r")(?:(?:long|short)\s+)?(?:" + "|".join(rx for _, rx in _SOUNDS_EN)
                       + r")\s+(?P<noun>sound|noise|tone|racket|din|alarm|siren|horn)(?![a-z])")
_ZH = [(v, re.compile(r"(?P<lead>" + _LEAD_ZH + r")(?:" + rx + r")|(?P<bare>" + rx + r")" + _TAIL_ZH))
       for v, rx in (("pulse", _PULSE_ZH), ("wail", _WAIL_ZH), ("steady", _STEADY_ZH))]


def sound_patterns(text: str, values: Iterable[str]) -> str:
    """``text`` (normalised) with a pattern said by its sound written as that pattern's word, for the ``values`` the
    fleet's enums have; "instead of <pattern>" dropped once a pattern is said before it.  The same string when
    nothing applies."""
    have = {v for v in _WORDS if v in set(values)}
    if not have:
        return text
    out = text
    if _ANY_EN.search(out):
        out = _INSTEAD_EN.sub("", out)  # "… instead of the long howl": the pattern not wanted
        for v, rx in _EN:
            if v in have:
                out = rx.sub(lambda m, v=v: m.group("lead") + _WORDS[v][0] + (" tone" if m.group("noun").strip() else ""),
                             out)
        if _DOWN_EN.search(out):  # "stop the constant noise", "silence the wailing siren": what stops, never a value
            out = _HEARD_EN.sub(lambda m: m.group("lead") + m.group("noun"), out)
        else:
            for v, rx in _EN_CLOSING:
                if v in have:
                    out = rx.sub(lambda m, v=v: m.group("lead") + _WORDS[v][0]
                                 + (" tone" if m.group("noun").strip() else ""), out)
    if _ANY_ZH.search(out):
        before = out
        for v, rx in _ZH:
            if v in have:
                out = rx.sub(lambda m, v=v: (m.group("lead") or "") + _WORDS[v][1], out)
        if out != before:
            out = _INSTEAD_ZH.sub("", out)  # 而不是啸叫的那种: the pattern not wanted
            # 换成啸叫那种啸叫的 (two descriptions of one sound): said once
            out = re.sub(r"(脉冲|啸叫|持续)(?:(?:的)?(?:那种|这种|那样|这样)?(?:的)?\1)+(?:的)?", r"\1", out)
            out = re.sub(r"(脉冲|啸叫|持续)(?:的)?(?:那种|这种|那样|这样)(?:的)?(?=$|[,;:!?。，；：！？])", r"\1", out)
    return out

