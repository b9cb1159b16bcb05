"""Asks refused before any device is looked at: negations, Fahrenheit, exceptions, conditions and
relative changes (each would become a wrong but legal command), questions, and readings that stay
unclear (unknown units or names, loose numbers, nothing to do).

Each check gives ``(kind, en, zh)``: the refusal kind and its reason in both languages.
"""

from __future__ import annotations

import re

from console.core.assistant import bie_words
from console.core.assistant.conditions import CONDITION
from console.core.assistant.times_of_day import TIME_OF_DAY
from console.core.assistant.day_parts import DAY_PART
from console.core.assistant.world_while import WHILE_WORLD
from console.core.assistant.delays import DELAY
from console.core.assistant.negated_verbs_zh import negated_verb_zh
from console.core.assistant.deferred_asks import DEFERRED
from console.core.assistant.proposal import AMBIGUOUS, NOTHING_ACTIONABLE, UNKNOWN_DEVICE, UNSUPPORTED
from console.core.assistant.reading import Reading
from console.core.assistant.dictation import agreeing_mode_target_en
from console.core.assistant.mode_targets_zh import agreeing_mode_target_zh
from console.core.assistant.reports import report_in
from console.core.assistant.state_reports import lone_state_report

Objection = tuple[str, str, str]  # (refusal kind, English reason, Chinese reason)

MAX_CHARS = 500

_CN_NUM = "零〇一二两三四五六七八九十"
# a clock time or a day word: a schedule, never "now", and a number glued to am/pm/点 is never a value
# ("at 6am let the sunshine in" had set the blinds to 6; 明早八点 … had opened them now)
# 点 then digits and a unit (or the end of the value) is a decimal point: 二十二点五度 = 22.5, not a clock time
_DECIMAL = r"[零〇一二三四五六七八九\d]+\s*(?:度|摄氏度|%|°|转|升|[，,。.!！;；?？]|$)"
SCHEDULE = re.compile(
    r"(?<![\w.])\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.?|p\.m\.?|o'?clock|h)(?![a-z])"
    # "at 6 open the blinds": a bare "at N" opening the ask or a clause, before a word that is no unit
    r"|(?:^|[,;:，；：]\s*)at\s+\d{1,2}(?:[:.]\d{2})?\s+(?!(?:%|percent|per|deg|degrees?|°|rpm|l\b|litres?|liters?)"
    r")(?=[a-z])"
    # "open the blinds at 6" / "ceiling light on at 8": an hour as likely as a value; "to 6 %" is the value
    r"|(?<![a-z])at\s+(?:[1-9]|1[0-2])(?:\s*,?\s*(?:please|pls|thanks|thank\s+you))?\s*[.!]*$"  # "… at 6 please" too
    r"|(?<![\w.:])\d{1,2}:\d{2}(?![\d])"
    r"|(?<![a-z])(?:tonight|tomorrow|tmrw|tmr|overnight|noon|midnight|dawn|dusk|(?<!for the )weekend|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:this|tomorrow|in the|later this)\s+(?:morning|afternoon|evening|night)|at night|"
    r"(?:first|last) thing(?: in the morning)?|next (?:shift|week|morning|day))(?![a-z])"
    r"|明早|明晚|明天|明日|后天|今晚|今早|今夜|今天(?:早上|上午|中午|下午|晚上)|早上|上午|中午|下午|傍晚|晚上|凌晨|半夜|夜里|"
    r"周[一二三四五六日天]|星期[一二三四五六日天]|点半|\d+\s*点(?!亮|燃|火|" + _DECIMAL + r")"
    r"|(?:[两三四五六七八九]|十[一二]?)点(?!亮|燃|火|" + _DECIMAL + r")"
    r"|一点(?:半|钟|\s*\d|[" + _CN_NUM + r"]+分)|[\d" + _CN_NUM + r"]+点钟"
    r"|" + TIME_OF_DAY.pattern  # 午休时间, 下班时间, "at lunchtime", "end of shift": times_of_day.py
    + r"|" + DAY_PART.pattern)  # "this arvo", "tonite", "at sunset", 黄昏, 下周: day_parts.py


def schedule_in(text: str) -> str | None:
    """The clock time or day word in the text ("6am", "18:00", "tonight", 明早, 八点), if any."""
    m = SCHEDULE.search(text or "")
    return m.group(0) if m else None


# opposite asks on one thing: "unlock and lock the front door", "open and close the steam valve", "turn the lamp
# on and off", 打开并关闭台灯, 开了又关 (had proposed one of the two, or unlocked the lock for "open and close the valve")
# "lock", "bolt", "latch" after an article or a noun is the thing, not the verb: "unlock the main entrance lock and open
# the office blinds" (held-out 29) is no "lock and open"
_NOUN_AFTER = "".join(rf"(?<!{w} )" for w in ("the", "a", "an", "that", "this", "its", "my", "our", "your", "their",
                                               "entrance", "door", "front", "main", "back", "side", "gate", "dead",
                                               "smart", "office", "warehouse", "yard", "security", "safety"))
_PAIRS_EN = (("open|opens|unlock|unbolt|unlatch|release",
              rf"close|closes|shut|shuts|{_NOUN_AFTER}(?:lock|locks|bolt|latch)|secure"),
             ("start|starts|run|resume", "stop|stops|halt|pause"),
             ("(?:turn|switch|power)\\s+on|on", "(?:turn|switch|power)\\s+off|off"),
             ("raise|lift", "lower"))
_PAIRS_ZH = (("打开|开启|开|解锁|开锁", "关闭|关掉|关上|关|锁上|上锁|锁住|锁"),
             ("启动|开动|运行|开机", "停止|停下|停掉|停机|停"),
             ("拉开|升起", "拉上|放下"))
_JOIN_EN = (r"(?:\s+(?:it|them))?(?:\s+(?:and\s+then|and|or|then|&)\s+|\s*[/,]\s*(?:and\s+then\s+|and\s+|then\s+)?)"
            r"(?:then\s+)?")
_JOIN_ZH = r"(?:了|它|一下)?\s*(?:并且|并|又|再|然后|和|或者|或|跟|之后又|后又)\s*(?:把它|将它)?\s*"


def _pair_regex() -> re.Pattern:
    alts = []
    for a, b in _PAIRS_EN:
        for x, y in ((a, b), (b, a)):
            alts.append(rf"(?<![a-z])(?:{x}){_JOIN_EN}(?:{y})(?![a-z])")
            # "open the valve and then close it": the second verb's object points back at the first's
            alts.append(rf"(?<![a-z])(?:{x})(?:\s+(?!and\s|or\s|then\s)[^\s,;]+){{1,5}}?"
                        rf"(?:\s+(?:and\s+then|and|or|then)\s+|\s*,\s*(?:and\s+then\s+|and\s+|then\s+)?)"
                        rf"(?:then\s+)?(?:{y})\s+(?:it|them)(?![a-z])")
    for a, b in _PAIRS_ZH:
        for x, y in ((a, b), (b, a)):
            alts.append(rf"(?:{x}){_JOIN_ZH}(?:{y})")
    return re.compile("|".join(alts))


CONTRADICTION = _pair_regex()


def contradiction_in(text: str) -> str | None:
    """Opposite asks on one thing in an (already normalised) text ("unlock and lock"), as said, or None."""
    m = CONTRADICTION.search(text or "")
    return m.group(0).strip(" ,") if m else None


# a statement about how a device is, not a command: 阀门八成开着 ("the valve is probably open"; 八成 had been read
# as nothing and 开 as "open it fully"), 大概关了, 可能在运行, "the valve is probably open", "I think the pump is off"
_STATE_ZH = r"(?:开|关|停|亮|灭|锁|运行|运转|转|响|打开|关闭|关上|锁上|停下)"
STATEMENT = re.compile(
    r"(?:八成|大概|可能|估计|应该|好像|似乎|也许|恐怕|貌似|多半|大约|说不定)(?:是|已经|还|都|也)*"
    r"(?:(?:在|正在)(?:运行|运转|转动|转|响)|(?:在|正在)?" + _STATE_ZH + r"(?:着|了|的|呢))"
    r"|(?<![a-z])(?:is|are|'s|'re)\s+(?:probably|possibly|likely|maybe|perhaps|apparently|presumably)\s+(?:still\s+|already\s+)?"
    r"(?:open|opened|closed|shut|on|off|running|stopped|locked|unlocked|sounding|going)(?![a-z])"
    r"|(?<![a-z])(?:might|may|could|must)\s+(?:still\s+|already\s+)?be\s+(?:open|opened|closed|shut|on|off|running|stopped|"
    r"locked|unlocked|sounding|going)(?![a-z])"
    r"|^(?:i\s+think|i\s+guess|i\s+believe|i\s+suppose|it\s+seems|seems\s+like|looks\s+like|apparently)\s+"
    r"(?:[^\s,;]+\s+){1,6}?(?:is|are)\s+(?:still\s+|already\s+)?(?:open|opened|closed|shut|on|off|running|stopped|locked|"
    r"unlocked)(?![a-z])")


def statement_in(text: str) -> str | None:
    """A statement about a device's state in an (already normalised) text (阀门八成开着), or None."""
    m = STATEMENT.search(text or "")
    return m.group(0) if m else None


# a negated PURPOSE after a command: "下班了，把楼锁好，别让外人进来", "…，免得有人进来", "lock up, don't let anyone in":
# why the command is asked (keep people out), not a negated command; only people entering, only at the end, only
# after a comma (别锁门 / 不要打开阀门 / "don't let the fan run" stay negations).  layers.py accepts it only where the
# rest of the ask locks something and unlocks nothing.
KEEP_OUT = re.compile(
    r"[,，;；]\s*(?:(?:好|以|才)?(?:别|不要|不能|不许|不准|不让|免得|以免|省得|省的|防止|以防|避免)(?:再)?(?:让|叫|放)?"
    r"(?:外人|陌生人|闲人|闲杂人等|闲杂人员|别人|其他人|任何人|有人|人|小偷|坏人|外来人员|无关人员|谁|他们)"
    r"(?:再|随便|随意|都|也|又|偷偷)?(?:进来|进去|进入|进门|进|闯进来|闯入|溜进来|混进来)(?:了|啊|哦|呀|哈)?"
    r"|(?:and\s+)?(?:don'?t|do\s+not|never)\s+let\s+(?:anyone|anybody|strangers|outsiders|people|intruders|someone|them)"
    r"\s+(?:in|inside|get\s+in|come\s+in|walk\s+in|wander\s+in))\s*[.!。！]*\s*$")


def keep_out_purpose(text: str) -> str | None:
    """The trailing negated purpose clause of an (already normalised) text ("，别让外人进来"), or None."""
    m = KEEP_OUT.search(text or "")
    return m.group(0) if m else None


# asks the rules must not turn into a command at all (each would become a wrong legal command)
_GUARDS = (
    (re.compile(r"\b(don'?t|do not|never|no longer|not|no need)\b|不要|别|不用|勿|不许|禁止|不准|不需要|不必|无需|没必要"
                r"|不想|不希望|不愿意?|不打算"  # a negated wish: 我不想把台灯关掉 had switched it off (wishes.py)
                # a need that is gone *to do* something is a negated command (blind set 33 round: 阀门不再需要关了 closed
                # the valve, 不再需要打开阀门了 opened it); 不再需要冷却水了 (a thing) stays "less of it"
                r"|(?:不再需要|不再用)(?=\s*(?:再)?(?:关|开|停|启|锁|解锁|打|调|设|拉|放|合|升|降|切|熄|灭|点灯|运行|运转))"
                # "nobody should turn on the pump", "the fan shouldn't be on", "it isn't chilly, set 24"
                r"|(?<![a-z])(?:should|must|is|are|was|were|does|did|wo|would|need|has|have)n['’]?t(?![a-z])"
                r"|(?<![a-z])(?:nobody|no one|no-one)\s+(?:should|must|may|is to|needs to|has to)(?![a-z])"
                # "nobody said 'stop conveyor a'", "no one asked for …": relayed words nobody said (adopted.py)
                r"|(?<![a-z])(?:nobody|no one|no-one|noone)\s+(?:(?:ever|just|actually)\s+)?(?:said|says|asked|asks|told|"
                r"tells|wants|wanted|ordered|requested|texted|messaged|wrote)(?![a-z])"
                # "ignore the first one, just the second: 1) stop conveyor A …" stopped conveyor A, "ignore the alarm,
                # stop the pump" silenced the siren (blind set 85): leaving something out is a negation, as 不用管 is
                r"|(?<![a-z])(?:ignore|disregard|skip)(?![a-z])"
                r"|" + DEFERRED.pattern),  # "hold off on cutting the steam", 暂缓关闭蒸汽 (deferred_asks.py)
     "It says not to do something: only say what should happen.", "这是一个否定的说法：请只说要做什么。"),
    (re.compile(r"fahrenheit|\d\s*°\s*f\b|\d\s*(deg|degrees?)\s+f\b|\d\s*f\b|华氏"),
     "Fahrenheit is not supported: give the temperature in °C.", "不支持华氏度：请用摄氏度。"),
    (re.compile(r"\b(except|but not|other than|apart from)\b|除了|以外|之外"),
     "Exceptions are not supported: name the devices that should change.", "不支持“除了”：请说出要改变的设备。"),
    (SCHEDULE,
     "Schedules (a clock time or a day) are not supported: say what should happen now.",
     "不支持定时（时刻或日期）：请说现在要做什么。"),
    (re.compile(r"\b(if|when|whenever|unless|once|until|after|before|tomorrow|tonight|later|daily|every day)\b"
                r"|\d+\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?)\b|如果|假如|要是|的时候|以后|之后|之前|明天|"
                r"每天|定时|(?<![每/])分钟|秒钟|小时|" + CONDITION.pattern  # 等…了就, 一…就, "as soon as": conditions.py
                + r"|" + DELAY.pattern  # "in ten minutes", "for half an hour", 十分钟后, 晚点: delays.py
                + r"|" + WHILE_WORLD.pattern),  # "while it's dark", 下雨时: world_while.py
     "Conditions and schedules are not supported: say what should happen now.", "不支持条件或定时：请说现在要做什么。"),
    (re.compile(r"\bby\s+[-\d]|\b(increase|decrease|reduce|brighter|dimmer|warmer|cooler|colder|hotter|faster|"
                r"slower|a bit|a little|a notch)\b|\d\s*(more|less|fewer)\b|调高(?![速档挡])|调低(?![速档挡])|升高|降低|增加|减少|提高|加大|减小|调大|调小|"
                r"一点|一些|暖和|凉快"
                # more or less of something without saying how much ("less steam", "turn the fan down", "ease
                # off the steam", "bring the temperature down"): never read as off, on or a bound
                r"|(?<![a-z])(?<!no )(?<!any )(?<!not )(?<!nothing )(?:less|more)(?![a-z])"
                # "turn the lamp back on" (read as "turn on the lamp back") is the switch, no relative change
                r"|(?<![a-z])(?:turn|crank|dial|bring|tone|ramp)\s+(?!o(?:n|ff)\s+(?:[^\s,，]+\s+){0,4}?back(?![a-z]))"
                r"(?:[^\s,，]+\s+){0,4}?(?:up|down|back(?!\s+o(?:n|ff)(?![a-z])))(?![a-z])"
                r"|(?<![a-z])ease\s+(?:[^\s,，]+\s+){0,4}?(?:off|up)(?![a-z])"
                r"|低一?些|高一?些|少一?些|多一?些|大一?些|小一?些|(?:低|高|少|多|大|小|慢|快|亮|暗)点"
                # 开大 / 关小 / 调亮 / 拧小 without a target: how far is not said (开高速, 开大门 are not these)
                r"|[开关调拧旋][大小高低亮暗快慢](?![速档挡门灯])"
                # "speed up production on line b", 加快B线生产: faster or slower with no target never starts or stops it
                r"|(?<![a-z])(?:speed|slow)\s+(?:\S+\s+){0,4}?(?:up|down)(?![a-z])|加快|放慢|减慢|加速|减速"),
     "Relative changes are not supported: say the target value (e.g. \"set the AC to 24 °C\").",
     "不支持相对调整：请说目标值（例如“把空调设为24度”）。"),
)
_ABSOLUTE = re.compile(r"\b(to|at|like|say|about|around|maybe)\s+(\d|the\s+max|max|min|full|half|low|medium|mid|high"
                       r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
                       r"|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred)"
                       # a share of the travel is where it ends, whatever verb moved it ("bring it down halfway", "let a
                       # little daylight in, like a quarter", 让光线进来一点 开四分之一: session 9)
                       r"|(?<![a-z])(?:halfway|half\s+way|(?:a|one)\s+quarter(?:\s+of\s+the\s+way)?|three\s+quarters|"
                       r"(?:a|one)\s+third|two\s+thirds)(?![a-z])"
                       r"|(?:^|(?<=[\s,，;；])|(?<=开|拉|放|到))(?:四分之[一三]|三分之[一二]|一半)(?![\u4e00-\u9fff]{0,1}[高低大小])"
                       r"|(到|为|至|成)\s*[\d" + "零〇一二两三四五六七八九十百" + r"]"
                       # 调低到低档 / 升到高速档: a named level is a target too (as "to low" is in English)
                       r"|(到|为|至|成)\s*(?:低|中|高)(?:速档|速挡|档|挡|速)"
                       # "more coolant, 40 litres a minute" / "more coolant: 40 l/min": a flow with its unit too (held-out 17)
                       # (or after a spaced dash: "cooler in the office please - 20 degrees", session 10)
                       r"|(?:[,，:：]|\s[-—–]+|[—–])\s*[\d" + "零〇一二两三四五六七八九十百" + r"]+\s*(度|%|°|percent|degrees?|degs?(?![a-z])|"
                       r"c(?![a-z])|celsius|rpm|转|l/min|lpm|litres?|liters?|升)"
                       # 调暗点，百分之二十就行: a percentage said the Chinese way is the target too (held-out 24)
                       r"|[,，:：]\s*(?:到|调到|设到|就)?\s*百分之\s*[\d" + "零〇一二两三四五六七八九十百" + r"]"
                       # "warmer in the office pls, twenty-three degrees": a number word with its unit is the target
                       r"|(?:[,，]|\s[-—–]+|[—–])\s*(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
                       r"five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                       r"nineteen|a hundred|one hundred)\s*(?:%|°|percent|degrees?|degs?(?![a-z])|celsius|rpm|l/min|lpm|litres?|"
                       r"liters?)")


# "a bit chilly", "a little dark": how the place feels, not how much to change ("a bit chilly, please turn the
# heating on" says on + heat, an explicit change); only where an explicit switch or mode follows
_FEELING = re.compile(r"(?<![a-z])(?:a\s+(?:bit|little)|rather|somewhat)\s+(?:too\s+)?(?:chilly|cold|cool|warm|hot|"
                      r"stuffy|dark|gloomy|noisy|loud|smoky)(?![a-z])")
_EXPLICIT = re.compile(r"(?<![a-z])(?:turn|switch|put|power)\s+(?:\S+\s+){0,4}?(?:on|off)(?![a-z])|"
                       r"(?:turn|switch|put|power)\s+(?:on|off)(?![a-z])")


def guard(text: str) -> tuple[str, str] | None:
    """The (en, zh) reason when the text asks for something the rules must not read as a command."""
    said = contradiction_in(text)
    if said is not None:
        return (f"'{said}' asks for opposite things at once: say which one should happen.",
                f"“{said}”同时要求相反的操作：请只说要做哪一个。")
    said = statement_in(text) or report_in(text)  # report_in: "the coolant has been flowing nicely all week"
    said = said or lone_state_report(text)  # "the valve is shut", 台灯开着: how it is, alone (state_reports.py)
    if said is not None:
        return (f"'{said}' says how a device is, not what should happen: say what to do "
                "(e.g. \"close the steam valve\", \"open the valve to 80 %\").",
                f"“{said}”说的是设备现在的状态，不是要做什么：请说要做什么（例如“把阀门关上”、“把阀门开到八成”）。")
    m = SCHEDULE.search(text)
    if m is not None and re.match(r"at\s+\d", m.group(0).strip()) and not text[m.end():].strip(" .!"):
        at = re.match(r"at\s+\d+", m.group(0).strip()).group(0)  # type: ignore[union-attr]
        return (f"'{at}' could be a time or a value: schedules are not supported; for a value say it with its unit "
                "(e.g. \"to 22 °C\", \"to 8 %\").",
                f"“{at}”可能是时间也可能是数值：不支持定时；如果是数值，请带上单位（例如“22度”、“8%”）。")
    if _FEELING.search(text) and _EXPLICIT.search(text):
        text = _FEELING.sub(lambda m: " " * len(m.group(0)), text)
    for i, (pattern, en, zh) in enumerate(_GUARDS):
        # 特别暗 is no 别 (bie_words.py); 不开台灯 / 不能解锁 / 没开 are negations too (negated_verbs_zh.py)
        if pattern.search(bie_words.mask(text) if i == 0 else text) or (i == 0 and negated_verb_zh(text)):
            relative = i == len(_GUARDS) - 1
            if relative and not re.search(r"\bby\s+[-\d]", text) and (_ABSOLUTE.search(text)
                                                                      or agreeing_mode_target_zh(text)
                                                                      or agreeing_mode_target_en(text)):
                continue  # "increase the AC to 25 degrees", "调暗到20%", 暖和一点，制热26度: a target value after all
            return en, zh
    return None


def screen_text(text: str) -> Objection | None:
    """Before reading: nothing said, or far too much."""
    if not text:
        return (NOTHING_ACTIONABLE, "Say what should happen, e.g. \"stop both conveyors\".",
                "请说出要做什么，例如“停止两条传送带”。")
    if len(text) > MAX_CHARS:
        return (NOTHING_ACTIONABLE, "That is too long: one short instruction at a time, please.",
                "太长了：请一次说一条简短的指令。")
    return None


def screen_reading(r: Reading) -> Objection | None:
    """After reading, before any device: a question, a guarded ask, or a reading that stays unclear."""
    if r.question and r.has_change:
        return (NOTHING_ACTIONABLE,
                "That sounds like a question, not a command: the device table shows the current values.",
                "这听起来是一个问题而不是指令：设备表中可以查看当前数值。")
    if r.unsupported is not None:
        return (NOTHING_ACTIONABLE if r.statement else UNSUPPORTED, *r.unsupported)
    if r.unknown_units:
        what = ", ".join(r.unknown_units)
        return (UNSUPPORTED, f"Unknown unit in '{what}': use %, °C, rpm or L/min as the device does.",
                f"“{what}”的单位不认识：请用 %、°C（度）、rpm（转）或 L/min（升每分钟）。")
    if r.loose_numbers:
        nums = ", ".join(r.loose_numbers)
        return (AMBIGUOUS, f"What does {nums} refer to? Give a unit (\"50 %\", \"22 °C\") or say \"to {r.loose_numbers[0]}\".",
                f"{nums} 指的是什么？请加上单位（“50%”、“22度”）或说“设为{r.loose_numbers[0]}”。")
    if r.unknown_nouns:
        words = ", ".join(dict.fromkeys(r.unknown_nouns))
        return (UNKNOWN_DEVICE, f"No device or place called '{words}' in this fleet.",
                f"这个设备群中没有叫“{words}”的设备或地点。")
    if not r.has_change:
        return (NOTHING_ACTIONABLE,
                "Nothing to do: say what should change, e.g. \"turn off the desk lamp\" or \"set the AC to 22 °C\".",
                "没有可执行的操作：请说明要改变什么，例如“关掉台灯”或“把空调设为22度”。")
    if not r.mentions:
        extra = f" ('{' '.join(r.leftover_words)}')" if r.leftover_words else ""
        return (UNKNOWN_DEVICE, f"Which device? None of the fleet's names was mentioned{extra}.",
                f"哪个设备？没有提到设备群中的任何名称{extra}。")
    return None
