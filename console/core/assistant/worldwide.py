"""Usage of English speakers from India, Germany, the Philippines and others, and plain Chinese workshop talk
(session 9, "worldwide" blind asks): the ask means one ordinary command, worded in a way the rules did not read.

Each rewrite turns a wording into the one the rules already read; none adds a device, a direction or a value that
the ask does not say, and none touches a negation, a condition or a time:

- "on" / "off" as verbs (Indian English), only at the head of a clause or after kindly / please / pls and before a
  determiner: "kindly off the desk lamp", "on the lights of the office and off the fan" → "turn off …", "turn on …"
  ("the lights on", "on line A", "off the line" keep their meaning);
- closing particles ja, na, bitte, lah, po, yaar at the end of a clause ("dim it to 10 ja"), and the stock phrase
  "do the needful" (it asks for what the ask already said), dropped;
- a dropped subject before a reason: "…, is too bright for me" → "…, it is too bright for me";
- "<device> lock it pls" → "<device>, lock it" (object first, no comma; only a door / gate / lock noun phrase);
- "run it with 90" → "run it at 90" (the speed);
- "it is making too much sound": noise, a complaint, never "sound the siren";
- a simile after a feeling: "so hot in office, like an oven" (no oven is meant), dropped;
- "line B is heating up" as a reason → "line B is getting hot" (no heat mode);
- 流量给30 / 流量先给30: 给 N after a setting is "to N" (调到);
- 一号二号传送带: two ordinals in a row name both (一号和二号);
- 下午太阳刺眼: a time of day inside a reason about the sun is no schedule;
- 冷却水怎么没在走，赶紧循环起来: a rhetorical question names the thing the next clause acts on;
- 让外面的人进来: "outside" says where the person is, not which device;
- 压缩机声音不对: a symptom (有异响), never the self-correction 不对;
- trailing reasons: 误报 (a false alarm), 停电了…, 大家冻坏了, 冷气吹太久 — dropped;
- 蒸汽全部放出去: let the steam out = open its valve (fully with 全部).

Pure; tables compiled at import.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u9fff]")

# --- English ------------------------------------------------------------------------------------------------------
_ON_OFF_VERB = re.compile(
    r"(?P<head>^|[,.;!]\s*|(?<![a-z'])and\s+|(?<![a-z'])(?:kindly|please|pls|plz)\s+)"
    r"(?P<way>on|off)\s+(?=(?:the|all|both|my|our)\s+(?!(?:[a-z0-9]+\s+)?(?:line|lines|left|right|floor|way|side|top|bottom|yard|site)\b))")
_PARTICLE = re.compile(r"(?:\s*,\s*|\s+)(?:ja|na|bitte|lah|po|yaar)(?=\s*(?:[,.!?;]|$))")
_NEEDFUL = re.compile(r"\s*,?\s*(?:(?:please|pls|kindly)\s+)?do\s+the\s+needful(?:\s+(?:please|pls))?(?=\s*(?:[,.!;]|$))")
_DROPPED_IT = re.compile(r"(,\s*)is\s+(?=(?:too|so|very|really)\s+[a-z]+)")
_LOCK_IT = re.compile(r"^(?P<thing>(?:(?!(?:and|then|lock|unlock|open|close|please|pls)\b)[a-z]+\s+){0,3}"
                      r"(?:door|gate|entrance|lock))\s+(?P<verb>lock|unlock)\s+it(?=\s*(?:pls|plz|please)?\s*[.!]*$)")
_RUN_WITH = re.compile(r"(?<![a-z])(run|running)\s+(it|them)\s+with\s+(?=\d)")
_SIMILE = re.compile(
    r"((?<![a-z])(?:hot|cold|warm|freezing|chilly|bright|dark|stuffy|humid|loud|noisy|smoky)(?![a-z])[^,.;!]*?)"
    r"\s*,?\s*like\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?[a-z]+(?=\s*(?:[.,!;]|$))")
_TOO_MUCH_SOUND = re.compile(r"(?<![a-z])(too\s+much|so\s+much|a\s+lot\s+of)\s+sound(?![a-z])")
_HEATING_UP = re.compile(r"(,\s*(?:line\s+[a-z0-9]|it|the\s+line)\s+is\s+)heating\s+up(?=\s*(?:[.,!;]|$))")

# --- Chinese ------------------------------------------------------------------------------------------------------
_NUM_ZH = r"[0-9一二三四五六七八九十百两]"
_GIVE_VALUE = re.compile(rf"(流量|转速|速度|温度|亮度|开度|风速|位置|风量)(先|再|就)?给(?={_NUM_ZH})")
_TWO_ORDINALS = re.compile(rf"({_NUM_ZH}+号)(?={_NUM_ZH}+号)")
_SUN_TIME = re.compile(r"(^|[，,。；;\s])(?:早上|上午|中午|下午|傍晚)(?=的?(?:太阳|阳光|日头|日光))")
_WHY_NOT = re.compile(r"^(?P<thing>[^，,。？?！!\s]{2,8}?)怎么(?:还)?(?:没|不)(?:在)?(?:走|转|动|流|流动|循环)(?:呢|啊)?"
                      r"[？?，,]+\s*(?=(?:赶紧|快点?|马上|立刻)?[^，,。]*起来)")
_OUTSIDE_PERSON = re.compile(r"让(?:门)?外(?:面|边|头)的人(?=进来)")
_SOUND_WRONG = re.compile(r"(?<=[\u3400-\u9fff])(?:的)?(?:声音|声)不(?:太)?对(?:劲)?")
_REASON_ZH = (r"(?:(?:是)?误报(?:了|啊)?|停电了[^，,。！!]*|(?:冷气|暖气)吹(?:得)?太久(?:了)?"
              r"|(?:大家|我们|人)(?:都)?(?:冻|热|晒)(?:坏|死|晕)了)")
# only at the end of the ask, after a pause: "…！！误报", "…，冷气吹太久大家冻坏了" (never "不是误报")
_TRAILING_REASON = re.compile(rf"[，,。！!\s]+{_REASON_ZH}(?:[，,。！!\s]*{_REASON_ZH})*[。！!]*$")
_LET_STEAM_OUT = re.compile(r"(蒸汽|汽)(?:阀)?(全部|全|都)?放出去")


def worldwide(text: str) -> str:
    """The normalised ask with the wordings above made plain; the same string when it has none."""
    t = text
    if _CJK.search(t):
        if "给" in t:
            t = _GIVE_VALUE.sub(r"\1\2调到", t)
        if "号" in t:
            t = _TWO_ORDINALS.sub(r"\1和", t)
        if "午" in t or "早上" in t or "傍晚" in t:
            t = _SUN_TIME.sub(r"\1", t)
        if "怎么" in t:
            t = _WHY_NOT.sub(r"\g<thing>", t)
        if "外" in t:
            t = _OUTSIDE_PERSON.sub("让人", t)
        if "不" in t:
            t = _SOUND_WRONG.sub("有异响", t)
        if "误报" in t or "停电" in t or "太久" in t or "坏了" in t or "死了" in t:
            t = _TRAILING_REASON.sub("", t)
        if "放出去" in t:
            t = _LET_STEAM_OUT.sub(lambda m: f"{m.group(1)}阀{m.group(2) or ''}打开", t)
        return t
    if not re.search(r"[a-z]", t):
        return t
    if "on " in t or "off " in t:
        t = _ON_OFF_VERB.sub(lambda m: f"{m.group('head')}turn {m.group('way')} ", t)
    t = _PARTICLE.sub("", t)
    if "needful" in t:
        t = _NEEDFUL.sub("", t)
    if " is " in t:
        t = _DROPPED_IT.sub(r"\1it is ", t)
    if "it" in t:
        t = _LOCK_IT.sub(r"\g<thing>, \g<verb> it", t)
    if "with" in t:
        t = _RUN_WITH.sub(r"\1 \2 at ", t)
    if "like" in t:
        t = _SIMILE.sub(r"\1", t)
    if "sound" in t:  # "it is making too much sound": noise, a complaint (never "sound the siren")
        t = _TOO_MUCH_SOUND.sub(r"\1 noise", t)
    if "heating up" in t:
        t = _HEATING_UP.sub(r"\1getting hot", t)
    return t
