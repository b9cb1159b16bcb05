"""Utterance → device commands that are valid by construction (the assistant's parser).

``parse("stop both conveyors", fleet)`` returns a :class:`Proposal`: either commands, each one
already passed through ``DeviceMeta.validate_params`` (so the pipeline cannot reject it for its
shape), or a :class:`Refusal` whose reason tells the operator what to say instead.  Nothing is sent
from here; the UI shows the proposal and the operator confirms it.

How an utterance is read (English and Chinese; docs/ASSISTANT.md has the full table):

1. **Devices** are found by name: the catalog's ids and names, plus the bilingual aliases file
   next to the fleet (``demo-fleet.json`` → ``demo-aliases.json``): device names, zone names
   (办公室/office, A线/line A) and kind words (灯/lamp, 空调/AC, 传送带/conveyor).  The longest
   name wins ("line a fan" is the fan, not the zone).
2. **Changes** are read by rules: on/off/start/stop/open/close/lock/unlock words, numbers with
   units (%, °C/度, rpm/转, L/min/升每分钟, also 二十二度), enum words (high, heat, 高速, 制热),
   ``half`` → 50 %, ``fully``/``max`` → the capability's maximum, ``min`` → its minimum.
3. Each candidate device gets the changes it can take; a device that cannot take them all is not
   a match.  The values are then checked against the catalog: out of range → refusal naming the
   allowed range, never a clamped or different value.

Conventions (decided once, applied everywhere):

- The **verb decides whether a device is switched on**: "run the fan at high speed" and
  "run conveyor B at 60 rpm" also switch on/start it (``run`` is an on-word); "set the fan to
  high" only changes the speed.  Values never imply power.
- "open"/"close" on a valve or blinds mean 100 % / 0 %, unless a value is given
  ("open the valve halfway" → 50).  For blinds ``position`` 100 is fully open.
- Locks only react to lock/unlock (锁上/解锁), never to open/close or on/off.
- One noun, several matching devices: **all of them** when the utterance says so (all, both,
  every, everything, a plural noun, 所有, 全部, 都, 两条…), else the optional ``ranker`` (a model)
  breaks the tie, else the parser refuses and names the candidates.  Devices in a plural group
  that cannot take the change are skipped ("turn all lights to 50 %" leaves the floodlight,
  which has no dimmer, alone); a value out of range for any of them refuses the whole utterance.
- **Unknown nouns or places are refused**, unknown other words are not: "kitchen lights",
  "garage door", "打开厨房的灯" are refused; "please, could you …" is fine.
- Questions ("what is …", "how do I start …", "…多少度") are not commands.
- All or nothing: if any part of an utterance cannot be carried out, nothing is proposed.
- At most ``max_commands`` commands per utterance (default 50): a bigger fleet-wide ask is refused.

The model is optional and only ever picks between devices that are already compatible with the
rules' reading: ``ranker(utterance, candidates) -> scores``.  :func:`likelihood_ranker` builds one
from any function that scores continuations (a causal LM, injected), so this module imports no
torch.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from console.core.fleet.catalog import Fleet, read_json_file
from console.core.paths import resource_path
from console.core.protocol import Capability, DeviceMeta, ProtocolError

log = logging.getLogger(__name__)

# refusal kinds
OUT_OF_RANGE = "out_of_range"
UNKNOWN_DEVICE = "unknown_device"
READ_ONLY = "read_only"
NOTHING_ACTIONABLE = "nothing_actionable"
AMBIGUOUS = "ambiguous"
UNSUPPORTED = "unsupported"  # the device exists but cannot do what was asked
TOO_MANY = "too_many"
REFUSAL_KINDS = (OUT_OF_RANGE, UNKNOWN_DEVICE, READ_ONLY, NOTHING_ACTIONABLE, AMBIGUOUS, UNSUPPORTED, TOO_MANY)

Ranker = Callable[[str, Sequence[DeviceMeta]], Sequence[float]]


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposedCommand:
    device_id: str
    device_name: str
    params: dict[str, Any]  # as returned by DeviceMeta.validate_params("set", ...)
    high_risk: bool
    summary: str  # "Line A conveyor: stop" / "A线传送带：停止"
    change: str = ""  # the summary without the device name: "stop" / "停止"
    picked_by_model: bool = False


@dataclass(frozen=True)
class Refusal:
    kind: str  # one of REFUSAL_KINDS
    reason: str


@dataclass(frozen=True)
class Proposal:
    utterance: str
    lang: str  # "en" or "zh"
    commands: tuple[ProposedCommand, ...] = ()
    refusal: Refusal | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None and bool(self.commands)

    @property
    def needs_extra_confirmation(self) -> bool:
        return any(c.high_risk for c in self.commands)


# ---------------------------------------------------------------------------------------------
# Aliases
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Aliases:
    """Bilingual names: per device id, per zone, per kind.  Each value: {"en": [...], "zh": [...]}."""

    devices: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)
    zones: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)
    kinds: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, raw: Any, source: str = "aliases") -> "Aliases":
        if not isinstance(raw, dict):
            raise ProtocolError(f"{source}: must be a JSON object")
        out = {}
        for section in ("devices", "zones", "kinds"):
            table = raw.get(section, {})
            if not isinstance(table, dict):
                raise ProtocolError(f"{source}: '{section}' must be an object")
            clean: dict[str, dict[str, list[str]]] = {}
            for key, langs in table.items():
                if not isinstance(langs, dict):
                    raise ProtocolError(f"{source}: {section}.{key} must be an object of language → names")
                clean[str(key)] = {}
                for lang, names in langs.items():
                    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                        raise ProtocolError(f"{source}: {section}.{key}.{lang} must be a list of names")
                    clean[str(key)][str(lang)] = list(names)
            out[section] = clean
        return cls(**out)

    def merged(self, other: "Aliases") -> "Aliases":
        def merge(a, b):
            res = {k: {lang: list(v) for lang, v in langs.items()} for k, langs in a.items()}
            for k, langs in b.items():
                for lang, names in langs.items():
                    res.setdefault(k, {}).setdefault(lang, [])
                    res[k][lang] = list(names) + [n for n in res[k][lang] if n not in names]
            return res

        return Aliases(merge(self.devices, other.devices), merge(self.zones, other.zones),
                       merge(self.kinds, other.kinds))

    def display_name(self, meta: DeviceMeta, lang: str) -> str:
        if lang == "zh":
            names = self.devices.get(meta.id, {}).get("zh") or ()
            if names:
                return names[0]
        return meta.name


def load_aliases(path: str | Path) -> Aliases:
    p = Path(path)
    return Aliases.from_json(read_json_file(p, "aliases file"), str(p))


def aliases_path_for(fleet_path: str | Path) -> Path:
    """``plant-fleet.json`` → ``plant-aliases.json`` (``plant.json`` → ``plant-aliases.json``), same folder."""
    p = Path(fleet_path)
    stem = p.stem[: -len("-fleet")] if p.stem.endswith("-fleet") else p.stem
    return p.with_name(f"{stem}-aliases.json")


def default_aliases() -> Aliases:
    """The bundled bilingual vocabulary (resources/fleets/demo-aliases.json), or none if missing."""
    p = resource_path("fleets", "demo-aliases.json")
    if not p.is_file():
        return Aliases()
    return load_aliases(p)


def aliases_for_fleet(fleet_path: str | Path | None) -> Aliases:
    """The bundled vocabulary, with the aliases file next to ``fleet_path`` (if any) on top."""
    base = default_aliases()
    if fleet_path:
        own = aliases_path_for(fleet_path)
        if own.is_file() and own.resolve() != resource_path("fleets", "demo-aliases.json").resolve():
            return base.merged(load_aliases(own))
    return base


# ---------------------------------------------------------------------------------------------
# Lexicon (language, not fleet: the fleet's words come from the catalog and the aliases)
# ---------------------------------------------------------------------------------------------

ON, OFF, OPEN, CLOSE, LOCK, UNLOCK = "on", "off", "open", "close", "lock", "unlock"
ANY_ON, ANY_OFF = "any_on", "any_off"  # 打开 / 关闭: switch a device on, or open it

_ACTIONS_EN = {
    ON: ["turn on", "switch on", "power on", "power up", "start up", "fire up", "start", "run", "activate",
         "enable", "sound", "resume", "trigger"],
    OFF: ["turn off", "switch off", "power off", "power down", "shut down", "shut off", "stop", "halt",
          "deactivate", "disable", "silence", "kill", "mute", "pause"],
    OPEN: ["open", "raise", "lift", "pull up"],
    CLOSE: ["close", "shut", "lower", "draw"],
    LOCK: ["lock", "bolt", "secure"],
    UNLOCK: ["unlock", "unbolt"],
}
_ACTIONS_ZH = {
    ANY_ON: ["打开", "开启", "开开", "开"],
    ON: ["启动", "开动", "运行", "开机", "发动", "响起", "鸣响"],
    ANY_OFF: ["关闭", "关掉", "关上", "关"],
    OFF: ["停止", "停下", "停掉", "停机", "关机", "停", "静音"],
    OPEN: ["拉开", "升起", "收起"],
    CLOSE: ["拉上", "放下", "合上"],
    LOCK: ["锁上", "锁定", "上锁", "锁住", "锁好", "锁"],
    UNLOCK: ["解锁", "开锁"],
}

# capability words: which capability names they point at (first that the device has wins)
_CAP_WORDS = {
    ("level",): ["brightness", "dim level", "light level", "level", "亮度", "光照"],
    ("setpoint", "temp"): ["temperature", "temp", "setpoint", "set point", "温度", "设定温度"],
    ("speed",): ["speed", "速度", "转速", "风速", "档位"],
    ("flow",): ["flow rate", "flow", "流量", "流速"],
    ("humidity",): ["humidity", "湿度"],
    ("load",): ["load", "负载", "负荷"],
    ("position",): ["position", "位置"],
    ("open", "position"): ["opening", "开度"],
    ("mode",): ["mode", "模式"],
    ("pattern",): ["pattern", "tone", "响法"],
}

# enum synonyms (canonical value ← words); the catalog's own values are added per fleet
_ENUM_WORDS = {
    "cool": ["cooling", "制冷", "冷气", "冷风"],
    "heat": ["heating", "制热", "暖气", "暖风", "加热"],
    "fan": ["送风", "通风"],
    "auto": ["automatic", "自动"],
    "low": ["slow", "低速", "低档", "低挡"],
    "medium": ["med", "mid", "中速", "中档", "中挡"],
    "high": ["fast", "高速", "高档", "高挡"],
    "steady": ["continuous", "常响", "长鸣", "持续"],
    "pulse": ["pulsing", "pulsed", "脉冲", "间歇"],
    "wail": ["wailing", "鸣笛", "啸叫"],
}

_VALUE_WORDS = {
    "HALF": ["halfway", "half way", "half-way", "half", "一半", "半开"],
    "QUARTER": ["a quarter", "quarter", "one quarter", "四分之一"],
    "THREE_QUARTERS": ["three quarters", "three-quarters", "3/4", "四分之三"],
    "MAX": ["fully", "full", "all the way", "completely", "maximum", "max", "最大", "最高", "全开"],
    "MIN": ["minimum", "min", "最小", "最低"],
}

_PERCENT_WORDS = {"HALF": 50, "QUARTER": 25, "THREE_QUARTERS": 75}

# words for "devices" in general: with a zone, every device there; alone, the whole fleet
_GENERIC_NOUNS = ["devices", "device", "equipment", "machines", "machinery", "设备", "机器", "装置"]

_QUANTIFIERS = ["all of the", "all the", "all", "both", "every", "everything", "each", "所有", "全部", "全都",
                "都", "每个", "每台", "各个", "一切"]

_ZH_FUNCTION = ["请帮我", "帮我", "请把", "麻烦", "帮忙", "请", "把", "将", "给我", "一下", "吧", "了", "和", "跟",
                "与", "以及", "及", "设为", "设置为", "设置成", "设成", "设定为", "设到", "调到", "调成", "调为",
                "调至", "调整到", "调整为", "改为", "改成", "开到", "调", "到", "为", "成", "至", "现在", "马上", "立刻",
                "它", "个", "台", "条", "盏", "扇", "在", "里", "里面"]  # 的 stays: it links a name to its noun

_STOPWORDS = set(
    "the a an please could can would will you it its to at in on of and with set turn switch put make change "
    "adjust dim bring keep for me my our now up down into them this that these those then also too just "
    "kindly right away immediately go get let lets let's i we want wanted like need is be so thanks thank "
    "hey ok okay by from near inside out over all both every each everything side main other more less".split()
)
_UNKNOWN_OK = set("big small little left right upper lower new old first second".split())
_PREPOSITIONS = {"in", "at", "inside", "near", "by", "from"}
_DETERMINERS = {"the", "a", "an", "my", "our", "this", "that"}
_QUESTION_EN = re.compile(r"^(what|what's|whats|how|why|is|are|does|do|did|which|when|where|who|tell me)\b")
_QUESTION_ZH = ("怎么", "如何", "为什么", "是否", "什么", "多少", "哪个", "几度", "吗？", "吗?")

# asks the rules must not turn into a command at all (each would become a wrong legal command)
_GUARDS = (
    (re.compile(r"\b(don'?t|do not|never|no longer|not)\b|不要|别|不用|勿|不许|禁止|不准"),
     "It says not to do something: only say what should happen.", "这是一个否定的说法：请只说要做什么。"),
    (re.compile(r"fahrenheit|\d\s*°\s*f\b|\d\s*(deg|degrees?)\s+f\b|\d\s*f\b|华氏"),
     "Fahrenheit is not supported: give the temperature in °C.", "不支持华氏度：请用摄氏度。"),
    (re.compile(r"\b(except|but not|other than|apart from)\b|除了|以外|之外"),
     "Exceptions are not supported: name the devices that should change.", "不支持“除了”：请说出要改变的设备。"),
    (re.compile(r"\b(if|when|whenever|unless|once|until|after|before|tomorrow|tonight|later|daily|every day)\b"
                r"|\d+\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?)\b|如果|假如|要是|的时候|以后|之后|之前|明天|"
                r"每天|定时|(?<![每/])分钟|秒钟|小时"),
     "Conditions and schedules are not supported: say what should happen now.", "不支持条件或定时：请说现在要做什么。"),
    (re.compile(r"\bby\s+[-\d]|\b(increase|decrease|reduce|brighter|dimmer|warmer|cooler|colder|hotter|faster|"
                r"slower|a bit|a little|a notch)\b|\d\s*(more|less|fewer)\b|调高|调低|升高|降低|增加|减少|提高|加大|减小|调大|调小|"
                r"一点|一些|暖和|凉快"),
     "Relative changes are not supported: say the target value (e.g. \"set the AC to 24 °C\").",
     "不支持相对调整：请说目标值（例如“把空调设为24度”）。"),
)
_ABSOLUTE = re.compile(r"\b(to|at)\s+(\d|the\s+max|max|min|full|half)|(到|为|至|成)\s*[\d" + "零〇一二两三四五六七八九十百" + r"]")

_UNITS = {
    "%": ["percent", "per cent", "pct", "%"],
    "°C": ["degrees celsius", "degree celsius", "degrees", "degree", "deg", "celsius", "°c", "° c", "°", "摄氏度", "度"],
    "rpm": ["revolutions per minute", "rpm", "r/min", "转每分钟", "转/分钟", "转/分", "转"],
    "L/min": ["litres per minute", "liters per minute", "litre per minute", "liter per minute", "l per minute",
              "l/min", "lpm", "升每分钟", "升/分钟", "升/分", "升"],
}
_UNIT_OF = {w: u for u, words in _UNITS.items() for w in words}

_CAP_LABELS = {
    "en": {"level": "brightness", "setpoint": "setpoint", "open": "opening", "position": "position",
           "speed": "speed", "flow": "flow", "mode": "mode", "pattern": "pattern", "temp": "temperature"},
    "zh": {"level": "亮度", "setpoint": "设定温度", "open": "开度", "position": "位置", "speed": "速度",
           "flow": "流量", "mode": "模式", "pattern": "模式", "power": "电源", "running": "运行",
           "active": "警报", "locked": "锁", "temp": "温度", "humidity": "湿度", "load": "负载"},
}
_BOOL_WORDS = {
    "en": {"running": ("start", "stop"), "locked": ("lock", "unlock"), "active": ("sound", "silence")},
    "zh": {"running": ("启动", "停止"), "locked": ("上锁", "解锁"), "active": ("鸣响", "静音")},
}
_ENUM_ZH = {"cool": "制冷", "heat": "制热", "fan": "送风", "auto": "自动", "low": "低速", "medium": "中速",
            "high": "高速", "steady": "常响", "pulse": "脉冲", "wail": "警笛"}

_SWITCH_CAPS = ("power", "running", "active", "on", "enabled")
_OPENING_CAPS = ("open", "position")

_CJK = re.compile(r"[\u3400-\u9fff]")
_CLAUSE_SPLIT = re.compile(r"\s*(?:[,;，；]\s*(?:and\s+|then\s+)?|\s+and then\s+|\s+then\s+|\s+and\s+)\s*"
                           r"|并且|并|然后|同时|再")
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_NUM = "零〇一二两三四五六七八九十百"


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS = re.compile(
    r"(?<![a-z])(?:(a|one) hundred|(" + "|".join(_TENS) + r")(?:[- ](" + "|".join(_ONES[1:10]) + r"))?|("
    + "|".join(sorted(_ONES, key=len, reverse=True)) + r"))(?![a-z])")


def english_number(m: re.Match) -> int:
    if m.group(1):
        return 100
    if m.group(2):
        return 20 + 10 * _TENS.index(m.group(2)) + (_ONES.index(m.group(3)) if m.group(3) else 0)
    return _ONES.index(m.group(4))


def normalize(text: str) -> str:
    """NFKC (full-width digits and ％ become ASCII), lower case, single spaces."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = t.replace("℃", "°c").replace("’", "'")
    return re.sub(r"\s+", " ", t).strip()


def zh_number(s: str) -> int | None:
    """Chinese numerals up to 999 ("二十二" → 22, "一百二" → 120, "三十" → 30)."""
    if not s or any(ch not in _ZH_NUM for ch in s):
        return None
    total, cur, last_unit = 0, 0, 1
    for ch in s:
        if ch == "百":
            total += (cur or 1) * 100
            cur, last_unit = 0, 100
        elif ch == "十":
            total += (cur or 1) * 10
            cur, last_unit = 0, 10
        else:
            cur = cur * 10 + _ZH_DIGITS[ch] if cur else _ZH_DIGITS[ch]
    if cur and last_unit == 100 and len(s) >= 2 and s[-2] == "百":
        return total + cur * 10  # 一百二 = 120
    return total + cur


def _is_ascii_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _phrase_pattern(phrase: str, plural: bool = False) -> str:
    body = re.escape(phrase).replace(r"\ ", r"\s?" if not phrase.isascii() else r"\s+")
    left = r"(?<![a-z0-9])" if _is_ascii_word_char(phrase[0]) else ""
    suffix = "(?:es|s)?" if plural and phrase[-1].isascii() and phrase[-1].isalpha() else ""
    right = r"(?![a-z0-9])" if _is_ascii_word_char(phrase[-1]) else ""
    return left + body + suffix + right


class _Table:
    """Phrase → list of payloads, matched longest-first with one alternation regex."""

    def __init__(self, plural: bool = False) -> None:
        self.entries: dict[str, list[Any]] = {}
        self.plural = plural
        self.regex: re.Pattern | None = None

    def add(self, phrase: str, payload: Any) -> None:
        p = normalize(phrase)
        if not p:
            return
        lst = self.entries.setdefault(p, [])
        if payload not in lst:
            lst.append(payload)

    def compile(self) -> "_Table":
        phrases = sorted(self.entries, key=lambda s: (-len(s), s))
        self.regex = re.compile("|".join(_phrase_pattern(p, self.plural) for p in phrases)) if phrases else None
        return self

    def lookup(self, matched: str) -> tuple[str, list[Any], bool]:
        m = re.sub(r"\s+", " ", matched)
        if m in self.entries:  # "lights" may be an alias of its own: still a plural of "light"
            plural = self.plural and any(m.endswith(c) and m[: -len(c)] in self.entries for c in ("es", "s"))
            return m, self.entries[m], plural
        for cut in ("es", "s"):
            if m.endswith(cut) and m[: -len(cut)] in self.entries:
                return m[: -len(cut)], self.entries[m[: -len(cut)]], True
        m2 = m.replace(" ", "")
        for k, v in self.entries.items():  # CJK phrases matched with optional spaces
            if k.replace(" ", "") == m2:
                return k, v, False
        return m, [], False

    def finditer(self, text: str):
        if self.regex is None:
            return
        for m in self.regex.finditer(text):
            if m.group(0).strip():
                yield m


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + "\x00" * (end - start) + text[end:]


# ---------------------------------------------------------------------------------------------
# Reading an utterance
# ---------------------------------------------------------------------------------------------


@dataclass
class _Mention:
    kind: str  # device | zone | kind
    keys: list[str]
    start: int
    end: int
    plural: bool = False


@dataclass
class _Num:
    value: float | None
    unit: str | None
    special: str | None = None  # HALF | MAX | MIN
    text: str = ""


@dataclass
class _Reading:
    mentions: list[_Mention] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    numbers: list[_Num] = field(default_factory=list)
    enums: list[str] = field(default_factory=list)
    bad_enum: str | None = None
    hints: list[tuple[str, ...]] = field(default_factory=list)
    quantified: bool = False
    single: bool = False  # "one of the lamps": one device, even with a plural noun
    question: bool = False
    unknown_nouns: list[str] = field(default_factory=list)
    leftover_words: list[str] = field(default_factory=list)
    unsupported: tuple[str, str] | None = None  # (en, zh) reason
    loose_numbers: list[str] = field(default_factory=list)  # "lamp 2": a number that is no value
    unknown_units: list[str] = field(default_factory=list)  # "20 gallons"

    @property
    def has_change(self) -> bool:
        return bool(self.actions or self.numbers or self.enums or self.bad_enum)


@dataclass
class _Fail:
    kind: str
    reason: str
    rank: int = 0


_FAIL_RANK = {OUT_OF_RANGE: 4, READ_ONLY: 3, UNSUPPORTED: 2, AMBIGUOUS: 1}


class IntentParser:
    """Build once per fleet (cheap), then ``parse`` many utterances.  Pure, thread-safe after init."""

    def __init__(
        self,
        fleet: Fleet | Iterable[DeviceMeta],
        aliases: Aliases | Mapping | str | Path | None = None,
        *,
        ranker: Ranker | None = None,
        names_only: bool = False,
        max_commands: int = 50,
    ) -> None:
        metas = list(fleet.devices if isinstance(fleet, Fleet) else fleet)
        self.metas = [m for m in metas if isinstance(m, DeviceMeta)]
        self.by_id = {m.id: m for m in self.metas}
        if aliases is None:
            self.aliases = Aliases()
        elif isinstance(aliases, Aliases):
            self.aliases = aliases
        elif isinstance(aliases, Mapping):
            self.aliases = Aliases.from_json(dict(aliases))
        else:
            self.aliases = load_aliases(aliases)
        self.ranker = ranker
        self.names_only = names_only
        self.max_commands = max_commands
        self._build()

    # -- tables ---------------------------------------------------------------------------------
    def _build(self) -> None:
        action_words = {normalize(w) for lst in list(_ACTIONS_EN.values()) + list(_ACTIONS_ZH.values()) for w in lst}
        names = _Table(plural=True)
        for m in self.metas:
            names.add(m.id, ("device", m.id))
            names.add(m.name, ("device", m.id))
            if self.names_only:
                continue
            for lang_names in self.aliases.devices.get(m.id, {}).values():
                for n in lang_names:
                    names.add(n, ("device", m.id))
        if not self.names_only:
            zones = {m.zone for m in self.metas if m.zone}
            kinds = {m.kind for m in self.metas if m.kind}
            for z in zones:
                for n in [z, z.replace("-", " ")] + [x for v in self.aliases.zones.get(z, {}).values() for x in v]:
                    if normalize(n) not in action_words:
                        names.add(n, ("zone", z))
            for k in kinds:
                for n in [k] + [x for v in self.aliases.kinds.get(k, {}).values() for x in v]:
                    if normalize(n) not in action_words:
                        names.add(n, ("kind", k))
            for n in _GENERIC_NOUNS:
                names.add(n, ("any", "*"))
        self.names = names.compile()

        lex = _Table()
        for table in (_ACTIONS_EN, _ACTIONS_ZH):
            for act, words in table.items():
                for w in words:
                    lex.add(w, ("action", act))
        for caps, words in _CAP_WORDS.items():
            for w in words:
                lex.add(w, ("hint", caps))
        for m in self.metas:
            for cname in m.capabilities:
                if cname not in ("open", "on", "active"):  # those read as verbs/adjectives
                    lex.add(cname, ("hint", (cname,)))
        enum_values = {v for m in self.metas for c in m.capabilities.values() if c.type == "enum" for v in c.values}
        for v in enum_values:
            lex.add(v, ("enum", v))
        for v, words in _ENUM_WORDS.items():
            if v in enum_values:
                for w in words:
                    lex.add(w, ("enum", v))
        for special, words in _VALUE_WORDS.items():
            for w in words:
                lex.add(w, ("value", special))
        for w in _QUANTIFIERS:
            lex.add(w, ("quant", True))
        for w in ("one of the", "one of", "any of the", "either of the", "either", "其中一个", "其中一台", "任意一个"):
            lex.add(w, ("single", True))
        for w in _ZH_FUNCTION:
            lex.add(w, ("skip", None))
        self.lex = lex.compile()
        self.enum_values = enum_values
        unit_words = sorted(_UNIT_OF, key=len, reverse=True)
        unit_alt = "|".join(_phrase_pattern(u) if u[0].isalpha() and u.isascii() else re.escape(u) for u in unit_words)
        self.num_re = re.compile(r"(?<![a-z0-9_.])(-?\d+(?:\.\d+)?)\s*(" + unit_alt + r")?")
        self.zh_num_re = re.compile(r"(百分之)?([" + _ZH_NUM + r"]+)\s*(" + unit_alt + r")?")
        known: set[str] = set(_STOPWORDS) | _UNKNOWN_OK
        for tbl in (self.names, self.lex):
            for phrase in tbl.entries:
                known.update(re.findall(r"[a-z]+", phrase))
        known.update(w for w in _UNIT_OF if w.isascii())
        known.update(self.enum_values)
        self.known_words = known

    # -- step 1: read -----------------------------------------------------------------------------
    def _read(self, text: str) -> _Reading:
        r = _Reading()
        work = text
        lang_zh = bool(_CJK.search(text))
        r.question = bool(_QUESTION_EN.match(text)) or any(q in text for q in _QUESTION_ZH)
        work = self._number_words(work)
        for i, (pattern, en, zh) in enumerate(_GUARDS):
            if pattern.search(text):
                relative = i == len(_GUARDS) - 1
                if relative and not re.search(r"\bby\s+[-\d]", text) and _ABSOLUTE.search(text):
                    continue  # "increase the AC to 25 degrees", "调暗到20%": a target value after all
                r.unsupported = (en, zh)
                break

        # "heat mode", "fan mode": the word before "mode" is a value, even when it is also a noun
        for m in re.finditer(r"(?<![a-z0-9])([a-z]+)\s+mode\b", work):
            word = m.group(1)
            if word in self.enum_values:
                r.enums.append(word)
                r.hints.append(("mode",))
                work = _mask(work, m.start(), m.end())
            elif word not in self.known_words:
                r.bad_enum = word
                r.hints.append(("mode",))
                work = _mask(work, m.start(), m.end())

        for m in self.names.finditer(work):
            phrase, payloads, plural = self.names.lookup(m.group(0))
            if not payloads:
                continue
            kind = payloads[0][0]
            keys = [p[1] for p in payloads if p[0] == kind]
            r.mentions.append(_Mention(kind, keys, m.start(), m.end(), plural=plural))
        for mn in r.mentions:
            work = _mask(work, mn.start, mn.end)

        # numbers before the lexicon ("一百" must not be read as 一 + 百)
        for m in self.num_re.finditer(work):
            unit = _UNIT_OF.get(re.sub(r"\s+", " ", m.group(2))) if m.group(2) else None
            nxt = re.match(r"\s*([a-z][a-z/.]*)", work[m.end():])
            if unit is None and nxt and nxt.group(1) not in self.known_words and nxt.group(1) not in _UNKNOWN_OK:
                r.unknown_units.append(f"{m.group(1)} {nxt.group(1)}")  # "20 gallons": never read as L/min
            if unit is None and not self._value_slot(work[: m.start()]):
                r.loose_numbers.append(m.group(1))  # "lamp 2", "2 lamps": not a value to set
            else:
                r.numbers.append(_Num(float(m.group(1)), unit, text=m.group(0)))
            work = _mask(work, m.start(), m.end())
        if lang_zh:
            for m in self.zh_num_re.finditer(work):
                if m.group(2) in ("一", "两") and not m.group(3) and not m.group(1):
                    continue  # 一下, 两条: not values
                val = zh_number(m.group(2))
                after_verb = self._value_slot(work[: m.start()]) and not re.match(
                    r"\s*[条台个盏扇只部分]", work[m.end():])
                if val is None or not (m.group(1) or m.group(3) or after_verb):
                    continue  # a bare numeral (两条, 一半) is no value
                unit = "%" if m.group(1) else _UNIT_OF.get(m.group(3))
                r.numbers.append(_Num(float(val), unit, text=m.group(0)))
                work = _mask(work, m.start(), m.end())
            for m in re.finditer(r"[两二三四五六七八九十]+\s*[条台个盏扇只部]", work):
                r.quantified = True
                work = _mask(work, m.start(), m.end())

        for m in self.lex.finditer(work):
            _phrase, payloads, _plural = self.lex.lookup(m.group(0))
            for kind, val in payloads[:1]:
                if kind == "action":
                    r.actions.append(val)
                elif kind == "hint":
                    r.hints.append(val)
                elif kind == "enum":
                    r.enums.append(val)
                elif kind == "value":
                    percent = val in _PERCENT_WORDS
                    r.numbers.append(_Num(None, "%" if percent else None, special=val, text=m.group(0)))
                elif kind == "quant":
                    r.quantified = True
                elif kind == "single":
                    r.single = True
            work = _mask(work, m.start(), m.end())

        tokens = [(t.group(0), t.start()) for t in re.finditer(r"[a-z][a-z'/-]*|\x00+|[\u3400-\u9fff]+|\S", work)]
        words = [w for w, _ in tokens]
        # bare on/off: "turn the AC off", "lights off", "siren on, steady tone" (not "stop everything
        # on line A", "the conveyor on line B": there "on" is a preposition before a name)
        ends = {mn.end for mn in r.mentions}
        starts = {mn.start for mn in r.mentions}
        switched = any(a in (ON, OFF) for a in r.actions)  # "switch off the light on the ceiling"
        for i, (w, pos) in enumerate(tokens):
            if w in ("on", "off") and not switched:
                before = words[:i]
                after_name = len(work[:pos].rstrip()) in ends
                nxt = words[i + 1] if i + 1 < len(words) else ""
                preposition = w == "on" and ((i + 1 < len(tokens) and tokens[i + 1][1] in starts)
                                             or nxt in _DETERMINERS)
                verb = any(v in before for v in ("turn", "switch", "power", "flip", "put"))
                if (verb or after_name or i == len(words) - 1) and not preposition:
                    r.actions.append(ON if w == "on" else OFF)
        # "set the fan speed to turbo": an unknown word where a value goes
        for i, w in enumerate(words[:-1]):
            if w == "to":
                nxt = words[i + 1]
                if nxt in _DETERMINERS and i + 2 < len(words):
                    nxt = words[i + 2]
                if nxt.isascii() and nxt.isalpha() and nxt not in self.known_words and r.bad_enum is None:
                    r.bad_enum = nxt
        mention_starts = {mn.start for mn in r.mentions if mn.kind in ("kind", "device", "any")}
        hint_like = {mn.start for mn in r.mentions}
        for i, (w, pos) in enumerate(tokens):
            is_word = w.isascii() and w[0].isalpha()
            unknown = is_word and w not in self.known_words and w != r.bad_enum
            if unknown:
                r.leftover_words.append(w)
            if not unknown or w in _UNKNOWN_OK:
                continue
            nxt_pos = tokens[i + 1][1] if i + 1 < len(tokens) else None
            # "kitchen lights", "garage door": an unknown word naming a kind of device
            if nxt_pos is not None and nxt_pos in mention_starts:
                r.unknown_nouns.append(w)
                continue
            # "in the kitchen", "at the gate": an unknown place
            j = i - 1
            while j >= 0 and tokens[j][0] in _DETERMINERS:
                j -= 1
            if j >= 0 and tokens[j][0] in _PREPOSITIONS and not (nxt_pos is not None and nxt_pos in hint_like):
                r.unknown_nouns.append(w)
        if lang_zh:
            self._unknown_zh(work, r)
        return r

    def _number_words(self, text: str) -> str:
        """"twenty two degrees" → "22 degrees", "to sixty" → "to 60"; other number words stay words
        ("the second one", "one of the lamps")."""
        out, last = [], 0
        for m in _NUMBER_WORDS.finditer(text):
            after = text[m.end():]
            unit_next = any(after.lstrip().startswith(u) for u in _UNIT_OF if u.isascii() and u[0].isalpha()
                            or u in ("%", "°c", "°"))
            if unit_next or self._value_slot(text[: m.start()]):
                out.append(text[last:m.start()])
                out.append(str(english_number(m)))
                last = m.end()
        out.append(text[last:])
        return "".join(out)

    def _value_slot(self, before: str) -> bool:
        """Is a number without a unit in a place where a value goes ("to 22", "at 60", "设为26",
        "speed 80", "亮度40")?  Otherwise it is refused as unclear, never guessed."""
        b = before.rstrip()
        if re.search(r"(?:(?<![a-z])(?:to|at)|[=:])$|(设为|设置为|设成|设定为|设到|调到|调成|调为|调至|调整到|调整为|改为|改成|开到|为|到|至)$", b):
            return True
        for m in self.lex.finditer(b[-24:]):
            if m.end() == len(b[-24:]) and self.lex.lookup(m.group(0))[1][0][0] == "hint":
                return True
        return False

    def _unknown_zh(self, work: str, r: _Reading) -> None:
        """A leftover run of Chinese characters right before a device/kind/capability word is a name we
        do not know (厨房 in 打开厨房的灯, 厨房 in 把厨房温度设为20度)."""
        targets = sorted({mn.start for mn in r.mentions if mn.kind in ("kind", "device", "any")})
        for run in re.finditer(r"[\u3400-\u9fff]{2,}", work):
            end = run.end()
            nxt = end
            while nxt < len(work) and work[nxt] in " 的":
                nxt += 1
            if nxt in targets or (nxt < len(work) and work[nxt] == "\x00" and not r.mentions):
                r.unknown_nouns.append(run.group(0).strip("的"))
        if not r.mentions:
            r.leftover_words += re.findall(r"[\u3400-\u9fff]{2,}", work)

    # -- step 2: what one device would get --------------------------------------------------------
    def _assign(self, meta: DeviceMeta, r: _Reading, lang: str, generic: bool = False) -> dict[str, Any] | _Fail:
        name = self.aliases.display_name(meta, lang)
        caps = meta.capabilities
        hinted = [c for group in r.hints for c in group if c in caps]
        params: dict[str, Any] = {}

        def put(cap: str, value: Any) -> _Fail | None:
            if cap in params and params[cap] != value:
                return _Fail(AMBIGUOUS, _t(lang, f"{name}: two different values for {cap}",
                                           f"{name}：{cap} 有两个不同的值"))
            params[cap] = value
            return None

        for e in r.enums:
            cands = [c for c in caps.values() if c.type == "enum" and e in c.values]
            if len(cands) > 1:
                cands = [c for c in cands if c.name in hinted] or cands[:1]
            if not cands:
                return _Fail(UNSUPPORTED, _t(lang, f"{name} has no setting '{e}'", f"{name}没有“{e}”这个设置"))
            if not cands[0].writable:
                return self._read_only(meta, cands[0], lang)
            if fail := put(cands[0].name, e):
                return fail
        if r.bad_enum:
            enums = [c for c in caps.values() if c.type == "enum"]
            cands = [c for c in enums if c.name in hinted] or (enums if len(enums) == 1 else [])
            if not cands:
                return _Fail(UNSUPPORTED, _t(lang, f"{name} has no setting '{r.bad_enum}'",
                                             f"{name}没有“{r.bad_enum}”这个设置"))
            c = cands[0]
            return _Fail(OUT_OF_RANGE, _t(
                lang, f"{name}: {c.name} '{r.bad_enum}' is not allowed; choose {_or_list(c.values)}",
                f"{name}：{_label(c.name, 'zh')}不能设为“{r.bad_enum}”，可选：{'、'.join(c.values)}"))
        for num in r.numbers:
            cap_or_fail = self._number_cap(meta, num, hinted, lang)
            if isinstance(cap_or_fail, _Fail):
                return cap_or_fail
            cap = cap_or_fail
            if num.special in ("MAX", "MIN"):
                bound = cap.max if num.special == "MAX" else cap.min
                if bound is None:
                    return _Fail(UNSUPPORTED, _t(lang, f"{name}: {cap.name} has no {num.special.lower()}imum",
                                                 f"{name}：{_label(cap.name, 'zh')}没有上下限"))
                value: Any = bound
            elif num.special in _PERCENT_WORDS:
                value = _PERCENT_WORDS[num.special]
            else:
                value = num.value
            if cap.type == "int" and isinstance(value, float) and value.is_integer():
                value = int(value)
            try:
                value = cap.check(value)
            except ProtocolError as exc:
                return _Fail(OUT_OF_RANGE, self._range_reason(meta, cap, num, exc, lang))
            if fail := put(cap.name, value):
                return fail
        for act in r.actions:
            if fail := self._apply_action(meta, act, params, lang, name, r.leftover_words, generic):
                return fail
        if not params:
            return _Fail(NOTHING_ACTIONABLE, _t(lang, f"nothing to change on {name}", f"{name}没有要改变的设置"))
        return params

    def _read_only(self, meta: DeviceMeta, cap: Capability, lang: str) -> _Fail:
        name = self.aliases.display_name(meta, lang)
        return _Fail(READ_ONLY, _t(lang, f"{name}: {_label(cap.name, 'en')} is read-only (it can be watched, not set)",
                                   f"{name}：{_label(cap.name, 'zh')}是只读的，只能查看，不能设置"))

    def _number_cap(self, meta: DeviceMeta, num: _Num, hinted: list[str], lang: str) -> Capability | _Fail:
        name = self.aliases.display_name(meta, lang)
        numeric = [c for c in meta.capabilities.values() if c.type in ("int", "float")]
        if num.unit:
            numeric = [c for c in numeric if _UNIT_OF.get(normalize(c.unit), c.unit) == num.unit]
        if hinted:
            by_hint = [c for h in hinted for c in numeric if c.name == h]
            if by_hint:
                numeric = by_hint
            elif any(c.type in ("int", "float") for h in hinted for c in meta.capabilities.values() if c.name == h):
                return _Fail(UNSUPPORTED, _t(lang, f"{name}: {num.text.strip()} does not fit {', '.join(hinted)}",
                                             f"{name}：{num.text.strip()} 与 {', '.join(hinted)} 的单位不符"))
        if not numeric:
            what = num.text.strip()
            return _Fail(UNSUPPORTED, _t(lang, f"{name} has nothing to set to {what}", f"{name}没有可以设为 {what} 的设置"))
        writable = [c for c in numeric if c.writable]
        if not writable:
            return self._read_only(meta, numeric[0], lang)
        if len(writable) > 1 and not hinted:
            names = ", ".join(c.name for c in writable)
            return _Fail(AMBIGUOUS, _t(lang, f"{name}: which one, {names}?", f"{name}：要设置哪一个：{names}？"))
        return writable[0]

    def _range_reason(self, meta: DeviceMeta, cap: Capability, num: _Num, exc: ProtocolError, lang: str) -> str:
        name = self.aliases.display_name(meta, lang)
        unit = f" {cap.unit}" if cap.unit else ""
        asked = f"{_fmt(num.value)}{unit}" if num.value is not None else num.text.strip()
        if cap.type == "int" and num.value is not None and not float(num.value).is_integer():
            rng = f" ({_fmt(cap.min)}–{_fmt(cap.max)}{unit})" if cap.min is not None and cap.max is not None else ""
            return _t(lang, f"{name}: {_label(cap.name, 'en')} must be a whole number{rng}, not {asked}",
                      f"{name}：{_label(cap.name, 'zh')}必须是整数{rng}，不能是 {asked}")
        if cap.min is not None and cap.max is not None:
            rng = f"{_fmt(cap.min)}–{_fmt(cap.max)}{unit}"
            return _t(lang, f"{name}: {_label(cap.name, 'en')} {asked} is outside the allowed range {rng}",
                      f"{name}：{_label(cap.name, 'zh')} {asked} 超出允许范围 {rng}")
        return _t(lang, f"{name}: {exc}", f"{name}：{exc}")

    def _apply_action(self, meta: DeviceMeta, act: str, params: dict, lang: str, name: str,
                      leftovers: Sequence[str] = (), generic: bool = False) -> _Fail | None:
        caps = meta.capabilities
        if act in (LOCK, UNLOCK):
            c = caps.get("locked")
            if c is None or c.type != "bool":
                return _Fail(UNSUPPORTED, _t(lang, f"{name} cannot be locked or unlocked", f"{name}不能上锁或解锁"))
            if not c.writable:
                return self._read_only(meta, c, lang)
            params["locked"] = act == LOCK
            return None
        positive = act in (ON, OPEN, ANY_ON)
        switch = next((caps[n] for n in _SWITCH_CAPS if n in caps and caps[n].type == "bool"), None)
        if switch is None:
            switch = next((c for c in caps.values() if c.type == "bool" and c.writable and c.name != "locked"), None)
        opening = next((caps[n] for n in _OPENING_CAPS if n in caps and caps[n].type in ("int", "float")), None)
        order = [opening, switch] if act in (OPEN, CLOSE) else [switch, opening]
        if act in (ON, OFF) and switch is None and opening is not None and meta.kind in ("valve", "cover"):
            order = [opening]
        if generic:  # "turn off everything on line B" closes no valve; "close everything" switches nothing off
            order = [switch] if act in (ON, OFF, ANY_ON, ANY_OFF) else [opening]
        chosen = next((c for c in order if c is not None), None)
        if chosen is None and "locked" in caps:
            return _Fail(UNSUPPORTED, _t(lang, f"{name} only locks and unlocks: say \"lock\" or \"unlock\"",
                                         f"{name}只能上锁或解锁：请说“锁上”或“解锁”"))
        if chosen is None:
            verb = _t(lang, "switched on or off" if act in (ON, OFF, ANY_ON, ANY_OFF) else "opened or closed",
                      "开关")
            return _Fail(UNSUPPORTED, _t(lang, f"{name} cannot be {verb}", f"{name}不能{verb}"))
        if not chosen.writable:
            return self._read_only(meta, chosen, lang)
        if chosen.type == "bool":
            if chosen.name in params and params[chosen.name] != positive:
                return _Fail(AMBIGUOUS, _t(lang, f"{name}: both on and off were asked", f"{name}：既要开又要关"))
            params[chosen.name] = positive
        elif chosen.name not in params:  # "open the valve halfway": the value wins
            if leftovers:  # "open the valve a smidge": never full travel on a guess
                words = ", ".join(leftovers)
                return _Fail(AMBIGUOUS, _t(lang, f"{name}: how far? ('{words}' is not a value I know; say e.g. 30%)",
                                           f"{name}：开到多少？（“{words}”不是已知的数值，请说例如30%）"))
            bound = chosen.max if positive else chosen.min
            if bound is None:
                bound = 100 if positive else 0
            params[chosen.name] = int(bound) if chosen.type == "int" else float(bound)
        return None

    # -- step 3: which devices --------------------------------------------------------------------
    def parse(self, utterance: str) -> Proposal:
        """Read the whole utterance; if that fails on a clash between parts ("turn the lights on and
        the fan off", "desk lamp to 30% and ceiling lamp to 70%"), read each clause on its own and
        propose them together, all or nothing."""
        whole, splittable = self._parse_one(utterance)
        if whole.refusal is None or not splittable:
            return whole
        text = normalize(utterance or "")
        clauses = [c for c in _CLAUSE_SPLIT.split(text) if c and c.strip(" ,，")]
        if len(clauses) < 2:
            return whole
        merged: dict[str, dict[str, Any]] = {}
        picked: set[str] = set()
        for clause in clauses:
            part, _ = self._parse_one(clause)
            if part.refusal is not None:
                informative = part.refusal.kind in (OUT_OF_RANGE, READ_ONLY, UNKNOWN_DEVICE)
                return Proposal(utterance, whole.lang, (), part.refusal) if informative else whole
            for c in part.commands:
                have = merged.setdefault(c.device_id, {})
                if any(k in have and have[k] != v for k, v in c.params.items()):
                    return whole
                have.update(c.params)
                if c.picked_by_model:
                    picked.add(c.device_id)
        return self._proposal(utterance, whole.lang, merged, picked)

    def _proposal(self, utterance: str, lang: str, chosen: Mapping[str, dict[str, Any]],
                  model_picked: set[str]) -> Proposal:
        def refuse(kind: str, en: str, zh: str) -> Proposal:
            return Proposal(utterance, lang, (), Refusal(kind, _t(lang, en, zh)))

        if len(chosen) > self.max_commands:
            return refuse(TOO_MANY, f"That would change {len(chosen)} devices; the limit is {self.max_commands}. "
                          "Narrow it down by zone or name.",
                          f"这会改变 {len(chosen)} 台设备，上限是 {self.max_commands}。请按区域或名称缩小范围。")
        commands = []
        for dev_id, params in chosen.items():
            meta = self.by_id[dev_id]
            try:
                clean = meta.validate_params("set", params)  # valid by construction: the catalog decides
            except ProtocolError as exc:  # a bug in the rules, never a wrong command
                log.error("intent rules produced an invalid command for %s: %s", dev_id, exc)
                return refuse(UNSUPPORTED, f"{meta.name}: {exc}", f"{meta.name}：{exc}")
            commands.append(ProposedCommand(
                device_id=dev_id,
                device_name=self.aliases.display_name(meta, lang),
                params=clean,
                high_risk=meta.is_high_risk(clean),
                summary=self.summarize(meta, clean, lang),
                change=self.describe_change(meta, clean, lang),
                picked_by_model=dev_id in model_picked,
            ))
        if not commands:
            return refuse(NOTHING_ACTIONABLE, "Nothing to do.", "没有可执行的操作。")
        return Proposal(utterance, lang, tuple(commands), None)

    def _parse_one(self, utterance: str) -> tuple[Proposal, bool]:
        """One reading of the whole text; the flag says whether reading its clauses apart may help."""
        text = normalize(utterance or "")
        lang = "zh" if _CJK.search(text) else "en"

        def refuse(kind: str, en: str, zh: str, splittable: bool = False) -> tuple[Proposal, bool]:
            return Proposal(utterance, lang, (), Refusal(kind, _t(lang, en, zh))), splittable

        if not text:
            return refuse(NOTHING_ACTIONABLE, "Say what should happen, e.g. \"stop both conveyors\".",
                          "请说出要做什么，例如“停止两条传送带”。")
        if len(text) > 500:
            return refuse(NOTHING_ACTIONABLE, "That is too long: one short instruction at a time, please.",
                          "太长了：请一次说一条简短的指令。")
        r = self._read(text)
        if r.question and r.has_change:
            return refuse(NOTHING_ACTIONABLE,
                          "That sounds like a question, not a command: the device table shows the current values.",
                          "这听起来是一个问题而不是指令：设备表中可以查看当前数值。")
        if r.unsupported is not None:
            return refuse(UNSUPPORTED, *r.unsupported)
        if r.unknown_units:
            what = ", ".join(r.unknown_units)
            return refuse(UNSUPPORTED, f"Unknown unit in '{what}': use %, °C, rpm or L/min as the device does.",
                          f"“{what}”的单位不认识：请用 %、°C（度）、rpm（转）或 L/min（升每分钟）。")
        if r.loose_numbers:
            nums = ", ".join(r.loose_numbers)
            return refuse(AMBIGUOUS, f"What does {nums} refer to? Give a unit (\"50 %\", \"22 °C\") or say \"to {r.loose_numbers[0]}\".",
                          f"{nums} 指的是什么？请加上单位（“50%”、“22度”）或说“设为{r.loose_numbers[0]}”。")
        if r.unknown_nouns:
            words = ", ".join(dict.fromkeys(r.unknown_nouns))
            return refuse(UNKNOWN_DEVICE, f"No device or place called '{words}' in this fleet.",
                          f"这个设备群中没有叫“{words}”的设备或地点。")
        if not r.has_change:
            return refuse(NOTHING_ACTIONABLE,
                          "Nothing to do: say what should change, e.g. \"turn off the desk lamp\" or \"set the AC to 22 °C\".",
                          "没有可执行的操作：请说明要改变什么，例如“关掉台灯”或“把空调设为22度”。")
        if not r.mentions:
            extra = f" ('{' '.join(r.leftover_words)}')" if r.leftover_words else ""
            return refuse(UNKNOWN_DEVICE, f"Which device? None of the fleet's names was mentioned{extra}.",
                          f"哪个设备？没有提到设备群中的任何名称{extra}。")
        groups = self._groups(r, lang)
        if isinstance(groups, Refusal):
            return Proposal(utterance, lang, (), groups), False
        chosen: dict[str, dict[str, Any]] = {}
        model_picked: set[str] = set()
        for cands, explicit, generic in groups:
            results = {m.id: self._assign(m, r, lang, generic) for m in cands}
            fails = [res for res in results.values() if isinstance(res, _Fail)]
            good = [m for m in cands if not isinstance(results[m.id], _Fail)]
            if explicit or len(cands) == 1:
                if fails:
                    return self._refuse_fail(utterance, lang, fails), True
            else:
                ranges = [f for f in fails if f.kind == OUT_OF_RANGE]
                many = (r.quantified or self._plural(r)) and not r.single
                if ranges and (many or not good):
                    return self._refuse_fail(utterance, lang, ranges), True
                if not good:
                    return self._refuse_fail(utterance, lang, fails), True
                if len(good) > 1 and not many:
                    pick = self._tie_break(utterance, good)
                    if pick is None:
                        names = _or_list([self.aliases.display_name(m, lang) for m in good], lang)
                        return refuse(AMBIGUOUS, f"Which one: {names}? Name it, or say \"both\"/\"all\".",
                                      f"哪一个：{names}？请说出名称，或说“所有”。", True)
                    good = [pick]
                    model_picked.add(pick.id)
            for m in good:
                params = results[m.id]
                assert isinstance(params, dict)
                if m.id in chosen and chosen[m.id] != params:
                    return refuse(AMBIGUOUS, f"{m.name} was asked for twice.", f"{m.name}被要求了两次。", True)
                chosen[m.id] = params
        return self._proposal(utterance, lang, chosen, model_picked), False

    def _plural(self, r: _Reading) -> bool:
        return any(mn.plural for mn in r.mentions if mn.kind == "kind")

    def _refuse_fail(self, utterance: str, lang: str, fails: list[_Fail]) -> Proposal:
        if not fails:
            return Proposal(utterance, lang, (), Refusal(NOTHING_ACTIONABLE, _t(lang, "Nothing to do.", "没有可执行的操作。")))
        best = max(fails, key=lambda f: _FAIL_RANK.get(f.kind, 0))
        return Proposal(utterance, lang, (), Refusal(best.kind, best.reason))

    def _groups(self, r: _Reading, lang: str) -> list[tuple[list[DeviceMeta], bool, bool]] | Refusal:
        """Candidate device sets, in the order the utterance names them: one per named device, one
        per kind word (narrowed by the zones mentioned), or the devices of the mentioned zones when
        no device or kind is named."""
        first: dict[tuple[str, str], int] = {}
        for mn in r.mentions:
            for k in (mn.keys[:1] if mn.kind == "device" else mn.keys):
                first.setdefault((mn.kind, k), mn.start)
        devices = [k for (kind, k) in first if kind == "device"]
        kinds = [k for (kind, k) in first if kind == "kind"]
        zones = [k for (kind, k) in first if kind == "zone"]
        groups: list[tuple[int, list[DeviceMeta], bool, bool]] = []  # (position, candidates, named, generic)
        for d in devices:
            groups.append((first[("device", d)], [self.by_id[d]], True, False))
        named = set(devices)
        for k in kinds:
            cands = [m for m in self.metas if m.kind == k and m.id not in named]
            if any(self.by_id[d].kind == k for d in named) and (not cands or not (r.quantified or self._plural(r))):
                continue  # "the lamp level … on the desk lamp", "conveyor B": the kind word is the named device
            if not cands:
                continue
            if zones:
                in_zone = [m for m in cands if m.zone in zones]
                if not in_zone:
                    zone_names = ", ".join(self._zone_name(z, lang) for z in zones)
                    return Refusal(UNKNOWN_DEVICE, _t(lang, f"There is no {k} in {zone_names}.",
                                                      f"{zone_names}没有这种设备（{k}）。"))
                cands = in_zone
            groups.append((first[("kind", k)], cands, False, False))
        if not devices and not kinds and zones:
            groups.append((min(first[("zone", z)] for z in zones), [m for m in self.metas if m.zone in zones],
                           False, True))
        elif ("any", "*") in first and not zones:  # "turn off all devices": the whole fleet
            groups.append((first[("any", "*")], [m for m in self.metas if m.id not in named], False, True))
        groups.sort(key=lambda g: g[0])
        return [(cands, explicit, generic) for _pos, cands, explicit, generic in groups]

    def _zone_name(self, zone: str, lang: str) -> str:
        names = self.aliases.zones.get(zone, {}).get(lang) or ()
        return names[0] if names else zone

    def _tie_break(self, utterance: str, cands: list[DeviceMeta]) -> DeviceMeta | None:
        if self.ranker is None:
            return None
        try:
            scores = [float(s) for s in self.ranker(utterance, cands)]
        except Exception as exc:  # noqa: BLE001 - a failing model means no pick, never a wrong one
            log.warning("ranker failed, asking the operator instead: %s", exc)
            return None
        if len(scores) != len(cands) or not all(math.isfinite(s) for s in scores):
            return None
        best = max(scores)
        if sum(1 for s in scores if s == best) != 1:
            return None
        return cands[scores.index(best)]

    # -- text ------------------------------------------------------------------------------------
    def summarize(self, meta: DeviceMeta, params: Mapping[str, Any], lang: str = "en") -> str:
        name = self.aliases.display_name(meta, lang)
        change = self.describe_change(meta, params, lang)
        return f"{name}：{change}" if lang == "zh" else f"{name}: {change}"

    def describe_change(self, meta: DeviceMeta, params: Mapping[str, Any], lang: str = "en") -> str:
        parts = []
        ordered = sorted(params.items(), key=lambda kv: meta.capabilities[kv[0]].type != "bool")
        for cap_name, value in ordered:
            cap = meta.capabilities[cap_name]
            if cap.type == "bool":
                pos, neg = _BOOL_WORDS[lang].get(cap_name) or (("on", "off") if lang == "en" else ("开", "关"))
                parts.append(pos if value else neg)
            elif cap.type == "enum":
                shown = _ENUM_ZH.get(value, value) if lang == "zh" else value
                parts.append(f"{_label(cap_name, lang)} {shown}")
            else:
                unit = f" {cap.unit}" if cap.unit else ""
                parts.append(f"{_label(cap_name, lang)} {_fmt(value)}{unit}")
        return "，".join(parts) if lang == "zh" else ", ".join(parts)


def _t(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _label(cap: str, lang: str) -> str:
    return _CAP_LABELS.get(lang, {}).get(cap, cap)


def _fmt(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _or_list(items: Sequence[str], lang: str = "en") -> str:
    items = list(items)
    if lang == "zh":
        return "、".join(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------

_DEFAULT = object()


def parse(
    utterance: str,
    fleet: Fleet | Iterable[DeviceMeta],
    aliases: Aliases | Mapping | str | Path | None | object = _DEFAULT,
    *,
    ranker: Ranker | None = None,
) -> Proposal:
    """Read one utterance against a fleet.  ``aliases`` defaults to the bundled bilingual
    vocabulary; pass ``aliases_for_fleet(path)`` for a catalog with its own aliases file, or None
    for the catalog's names only.  Building the tables costs ~1 ms for the demo fleet: for many
    utterances keep an :class:`IntentParser`."""
    al = default_aliases() if aliases is _DEFAULT else aliases
    return IntentParser(fleet, al, ranker=ranker).parse(utterance)  # type: ignore[arg-type]


def likelihood_ranker(
    score: Callable[[str, Sequence[str]], Sequence[float]],
    *,
    template: str = "Instruction: {utterance}\nDevice:",
) -> Ranker:
    """A ranker from any continuation scorer: ``score(prompt, continuations)`` returns the
    log-likelihood of each continuation after the prompt (a causal LM's summed token log-probs;
    the caller owns the model, so this module never imports torch).  Each candidate is offered
    as " <name> (<zone> <kind>)"; the highest total log-likelihood wins."""

    def rank(utterance: str, candidates: Sequence[DeviceMeta]) -> list[float]:
        prompt = template.format(utterance=utterance.strip())
        conts = [f" {m.name} ({m.zone} {m.kind})" for m in candidates]
        return [float(s) for s in score(prompt, conts)]

    return rank
