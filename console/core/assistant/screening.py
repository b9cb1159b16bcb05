"""Asks refused before any device is looked at: negations, Fahrenheit, exceptions, conditions and
relative changes (each would become a wrong but legal command), questions, and readings that stay
unclear (unknown units or names, loose numbers, nothing to do).

Each check gives ``(kind, en, zh)``: the refusal kind and its reason in both languages.
"""

from __future__ import annotations

import re

from console.core.assistant.proposal import AMBIGUOUS, NOTHING_ACTIONABLE, UNKNOWN_DEVICE, UNSUPPORTED
from console.core.assistant.reading import Reading

Objection = tuple[str, str, str]  # (refusal kind, English reason, Chinese reason)

MAX_CHARS = 500

_CN_NUM = "零〇一二两三四五六七八九十"
# a clock time or a day word: a schedule, never "now", and a number glued to am/pm/点 is never a value
# ("at 6am let the sunshine in" had set the blinds to 6; 明早八点 … had opened them now)
SCHEDULE = re.compile(
    r"(?<![\w.])\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.?|p\.m\.?|o'?clock|h)(?![a-z])"
    # "at 6 open the blinds": a bare "at N" opening the ask or a clause, before a word that is no unit
    r"|(?:^|[,;:，；：]\s*)at\s+\d{1,2}(?:[:.]\d{2})?\s+(?!(?:%|percent|per|deg|degrees?|°|rpm|l\b|litres?|liters?)"
    r")(?=[a-z])"
    # "open the blinds at 6" / "ceiling light on at 8": an hour as likely as a value; "to 6 %" is the value
    r"|(?<![a-z])at\s+(?:[1-9]|1[0-2])\s*[.!]*$"
    r"|(?<![\w.:])\d{1,2}:\d{2}(?![\d])"
    r"|(?<![a-z])(?:tonight|tomorrow|tmrw|tmr|overnight|noon|midnight|dawn|dusk|weekend|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:this|tomorrow|in the|later this)\s+(?:morning|afternoon|evening|night)|at night|"
    r"(?:first|last) thing(?: in the morning)?|next (?:shift|week|morning|day))(?![a-z])"
    r"|明早|明晚|明天|明日|后天|今晚|今早|今夜|今天(?:早上|上午|中午|下午|晚上)|早上|上午|中午|下午|傍晚|晚上|凌晨|半夜|夜里|"
    r"周[一二三四五六日天]|星期[一二三四五六日天]|点半|\d+\s*点(?!亮|燃|火)|(?:[两三四五六七八九]|十[一二]?)点(?!亮|燃|火)"
    r"|一点(?:半|钟|\s*\d|[" + _CN_NUM + r"]+分)|[\d" + _CN_NUM + r"]+点钟")


def schedule_in(text: str) -> str | None:
    """The clock time or day word in the text ("6am", "18:00", "tonight", 明早, 八点), if any."""
    m = SCHEDULE.search(text or "")
    return m.group(0) if m else None


# asks the rules must not turn into a command at all (each would become a wrong legal command)
_GUARDS = (
    (re.compile(r"\b(don'?t|do not|never|no longer|not)\b|不要|别|不用|勿|不许|禁止|不准"
                # "nobody should turn on the pump", "the fan shouldn't be on", "it isn't chilly, set 24"
                r"|(?<![a-z])(?:should|must|is|are|was|were|does|did|wo|would|need|has|have)n['’]?t(?![a-z])"
                r"|(?<![a-z])(?:nobody|no one|no-one)\s+(?:should|must|may|is to|needs to|has to)(?![a-z])"),
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
                r"每天|定时|(?<![每/])分钟|秒钟|小时"),
     "Conditions and schedules are not supported: say what should happen now.", "不支持条件或定时：请说现在要做什么。"),
    (re.compile(r"\bby\s+[-\d]|\b(increase|decrease|reduce|brighter|dimmer|warmer|cooler|colder|hotter|faster|"
                r"slower|a bit|a little|a notch)\b|\d\s*(more|less|fewer)\b|调高|调低|升高|降低|增加|减少|提高|加大|减小|调大|调小|"
                r"一点|一些|暖和|凉快"
                # more or less of something without saying how much ("less steam", "turn the fan down", "ease
                # off the steam", "bring the temperature down"): never read as off, on or a bound
                r"|(?<![a-z])(?<!no )(?<!any )(?<!not )(?<!nothing )(?:less|more)(?![a-z])"
                r"|(?<![a-z])(?:turn|crank|dial|bring|tone|ramp)\s+(?:[^\s,，]+\s+){0,4}?(?:up|down|back)(?![a-z])"
                r"|(?<![a-z])ease\s+(?:[^\s,，]+\s+){0,4}?(?:off|up)(?![a-z])"
                r"|低一?些|高一?些|少一?些|多一?些|大一?些|小一?些|(?:低|高|少|多|大|小|慢|快|亮|暗)点"
                # 开大 / 关小 / 调亮 / 拧小 without a target: how far is not said (开高速, 开大门 are not these)
                r"|[开关调拧旋][大小高低亮暗快慢](?![速档挡门灯])"),
     "Relative changes are not supported: say the target value (e.g. \"set the AC to 24 °C\").",
     "不支持相对调整：请说目标值（例如“把空调设为24度”）。"),
)
_ABSOLUTE = re.compile(r"\b(to|at|like|say|about|around|maybe)\s+(\d|the\s+max|max|min|full|half|low|medium|mid|high"
                       r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
                       r"|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred)"
                       r"|(到|为|至|成)\s*[\d" + "零〇一二两三四五六七八九十百" + r"]"
                       r"|[,，]\s*[\d" + "零〇一二两三四五六七八九十百" + r"]+\s*(度|%|°|percent|degrees?|rpm|转)")


# "a bit chilly", "a little dark": how the place feels, not how much to change ("a bit chilly, please turn the
# heating on" says on + heat, an explicit change); only where an explicit switch or mode follows
_FEELING = re.compile(r"(?<![a-z])(?:a\s+(?:bit|little)|rather|somewhat)\s+(?:too\s+)?(?:chilly|cold|cool|warm|hot|"
                      r"stuffy|dark|gloomy|noisy|loud|smoky)(?![a-z])")
_EXPLICIT = re.compile(r"(?<![a-z])(?:turn|switch|put|power)\s+(?:\S+\s+){0,4}?(?:on|off)(?![a-z])|"
                       r"(?:turn|switch|put|power)\s+(?:on|off)(?![a-z])")


def guard(text: str) -> tuple[str, str] | None:
    """The (en, zh) reason when the text asks for something the rules must not read as a command."""
    if _FEELING.search(text) and _EXPLICIT.search(text):
        text = _FEELING.sub(lambda m: " " * len(m.group(0)), text)
    for i, (pattern, en, zh) in enumerate(_GUARDS):
        if pattern.search(text):
            relative = i == len(_GUARDS) - 1
            if relative and not re.search(r"\bby\s+[-\d]", text) and _ABSOLUTE.search(text):
                continue  # "increase the AC to 25 degrees", "调暗到20%": a target value after all
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
        return (UNSUPPORTED, *r.unsupported)
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
