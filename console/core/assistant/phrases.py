"""Text primitives: normalising an utterance and phrase tables matched longest-first.

The bottom of the package: imports only asides.py (timed situation, "before …" and reason asides
dropped at the end of :func:`normalize`), which imports direction.py and screening.py, never this module.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, Iterator

from console.core.assistant.degree_words_zh import too_much
from console.core.assistant.asides import drop_asides
from console.core.assistant.hvac_both import stop_both
from console.core.assistant.climate_names import climate_names
from console.core.assistant.colon_lists import distribute
from console.core.assistant.colon_lists_zh import distribute_zh
from console.core.assistant.lockout import drop_lockout
from console.core.assistant.as_before import drop_as_before
from console.core.assistant.list_commas_zh import commas_for_listed_commands
from console.core.assistant.lead_ins import drop_lead_ins
from console.core.assistant.siren_tone import pattern_change
from console.core.assistant.siren_verbs import name_the_siren
from console.core.assistant.resume_zh import resume_zh
from console.core.assistant.siren_purpose_zh import siren_after_purpose
from console.core.assistant.value_clauses_zh import bind_value_clauses_zh
from console.core.assistant.purposes import drop_time_purpose
from console.core.assistant.during import drop_while_away
from console.core.assistant.everywhere import production_everywhere
from console.core.assistant.all_lines import all_lines
from console.core.assistant.labels import drop_labels
from console.core.assistant.fan_only import fan_only
from console.core.assistant.negated_problems import problems_as_states
from console.core.assistant.polite_hedges import drop_polite_hedge
from console.core.assistant.purpose_nouns import purpose_noun
from console.core.assistant.amount_hedges import amount_only
from console.core.assistant.value_remarks import drop_value_remark
from console.core.assistant.dictation import dictated
from console.core.assistant.spaced_tens import hyphenate_tens
from console.core.assistant.arrival_run_on import pause_after_arrival
from console.core.assistant.fillers import drop_fillers
from console.core.assistant.worldwide import worldwide
from console.core.assistant.put_values_zh import put_values
from console.core.assistant.power_back_zh import drop_power_back
from console.core.assistant.spaced_values_zh import join_spaced_value
from console.core.assistant.who_asked import drop_who_asked
from console.core.assistant.similes import plain_similes
from console.core.assistant.negated_modes import rewrite_negated_modes
from console.core.assistant.only_mode_zh import only_mode
from console.core.assistant.blinds_way_zh import blinds_way
from console.core.assistant.all_off_zh import all_off
from console.core.assistant.light_verbs_zh import light_verbs
from console.core.assistant.evacuate_zh import evacuate
from console.core.assistant.terse import rewrite_terse
from console.core.assistant.wishes import wishes
from console.core.assistant.cant_reasons import drop_cant_reason
from console.core.assistant.variants import simplify
from console.core.assistant.cantonese_zh import mandarin
from console.core.assistant.hk_mixed_zh import hk_mixed
from console.core.assistant.again_verbs_zh import again_verbs
from console.core.assistant.hk_verbs_zh import hk_done_it, hk_verbs
from console.core.assistant.doorway_zh import doorway_lock
from console.core.assistant.ac_word_trad import ac_word
from console.core.assistant.pump_loanword import pump_word
from console.core.assistant.no_need_remarks_zh import drop_no_need_remark
from console.core.assistant.shut_all_en import shut_all
from console.core.assistant.other_words_zh import other_words
from console.core.assistant.spoken_slips import fix_slips
from console.core.assistant.closing_words import closing_words
from console.core.assistant.said_otherwise import said_otherwise
from console.core.assistant.of_as_off import of_as_off
from console.core.assistant.meeting_reasons_zh import drop_meeting
from console.core.assistant.ventilate_zh import ventilate


# 六成 = six tenths of the whole = 60 %; 七成半 = 75 %, 十成 = 100 %; only right after a numeral (调成, 变成 stay)
# and where a value goes (开到六成, 拉开八成, 亮度七成, "…，六成"): 八成是空调坏了 / 阀门八成开着 ("probably") stay
_TENTHS = re.compile(r"(?:(?<=[到至为开度])|(?<=^)|(?<=[,;:，；：]))\s*"
                     r"(10|[0-9]|十|[一二两三四五六七八九])成(半)?(?!是|没|开着|关着|在|不|会|要|已)")
_TENTH_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


_BARE_GO = re.compile(r"([,;:，；：]\s*(?:and\s+|now\s+)?)(?:go|go now|go go go)\s*[.!！。]*\s*$")


# terse operator shorthand (held-out5): filler words, "conv", "2nd", "+" between clauses, "temperature target"
_FILLER = re.compile(r"(?<![a-z])(?:asap|pls|plz|thx|ty|pronto)(?![a-z])")
# "…, and close the steam valve while you're at it": a clause join, never a value ("while, you're" had been read as
# an amount of the valve); at the end of the ask it says nothing more (held-out 14)
_AT_IT = re.compile(r"\s*,?\s*(?:while|whilst)\s+(?:you're|you\s+are|you\s+re|youre|ur|u\s+are)\s+at\s+it(?![a-z])"
                    r"(?P<end>\s*[.!]*\s*$)?")
# 一号线上的设备: 上 after a line is "on", a place's particle like 里 (held-out 14 read it as a device called 上)
_ON_LINE_ZH = re.compile(r"(?<=线)上(?=的)")
_SHORT = ((re.compile(r"(?<![a-z])conv(?![a-z])"), "conveyor"),
          (re.compile(r"(?<![a-z0-9])1st(?![a-z])"), "first"),
          (re.compile(r"(?<![a-z0-9])2nd(?![a-z])"), "second"),
          (re.compile(r"(?<![a-z0-9])3rd(?![a-z])"), "third"),
          (re.compile(r"(?<![a-z0-9])4th(?![a-z])"), "fourth"),
          (re.compile(r"(?<=[^\s\d+])\s*\+\s*(?=[^\s\d+])|\s+\+\s+"), " and "),
          (re.compile(r"(?<![a-z])(?:temperature|temp)\s+target|target\s+(?:temperature|temp)(?![a-z])"), "setpoint"))
# a bare number right after a climate mode ("cool, 21", "cool mode 22"): the setpoint in °C (the catalog
# still checks it against the device's range; a number with any unit of its own is left alone)
_MODE_NUMBER = re.compile(r"(?<![a-z])((?:cool|heat|cooling|heating)(?:\s+mode\s*[,，]?\s*|\s*[,，]\s*)(?:at\s+|to\s+)?)"
                          r"(\d{1,2}(?:\.\d)?)(?![\d.]|\s*(?:%|°|deg|rpm|l/|percent|度|am|pm|:))")

# "make sure the floodlight is off", "ensure the fan is running on high", "… the pump is running at 40 l/min",
# "… the lock is engaged": the state it should be in is the command ("turn off …", "start … on high")
_MAKE_SURE = re.compile(r"(?<![a-z])(?:make\s+sure|ensure|see\s+to\s+it)\s+(?:that\s+)?((?:(?!is\b|are\b)[^\s,，;；]+\s+){1,7}?)"
                        r"(?:is|are|stays?|remains?)\s+(off|on|running|stopped|engaged|locked|unlocked|disengaged)"
                        r"(?![a-z])")
_STATE_VERB = {"off": "turn off", "on": "turn on", "running": "start", "stopped": "stop", "engaged": "lock",
               "locked": "lock", "unlocked": "unlock", "disengaged": "unlock"}

_MAKE_SURE_ZH = re.compile(r"(?:确保|保证|务必让|务必使)([^,，;；。]{1,12}?)(?:是|处于|保持)?(?:在)?"
                           r"(运行|运转|开着|关着|停着|锁着|锁好)(?:状态)?(?:的)?")
_STOP_BOTH = re.compile(r"(?<![a-z])(?:stop|quit|cease)\s+(?:both\s+)?(?:heating\s+(?:and|or)\s+cooling|cooling\s+(?:and|or)"
                        r"\s+heating)(?:\s+(?:it|them))?(?![a-z])|停止(?:制热和制冷|制冷和制热|制冷制热|制热制冷)")
# stopping what an AC does is switching it off, never setting the mode named by the verb being stopped:
# "stop heating the office" had proposed mode heat + power off; 停止制热 / 别再制冷 / "turn off the heating"
_STOP_ONE = re.compile(r"(?<![a-z])(?:(?:stop|stops|quit|cease|halt)\s+(?:the\s+)?(?:heating|cooling)"
                       r"|(?:turn|switch|shut)\s+off\s+the\s+(?:heating|cooling)"
                       r"|(?:turn|switch|shut)\s+the\s+(?:heating|cooling)\s+off)(?:\s+(?:it|them)(?![a-z]))?"
                       # never "stop the cooling pump", "turn off the cooling fan": a thing named after what it does
                       r"(?=\s*(?:$|[,;:.!]|(?:the|in|on|at|of|for|and|then|please|now|right|immediately)(?![a-z])))"
                       r"(?:\s+(?=the\s|in\s|on\s|at\s|of\s|for\s))?")
# "heating off in the office", "office heating off", "turn the office heating off": the AC off (the "off" after the
# setting word was lost: mode heat alone); never "cooling pump off" ("off" must follow the setting word)
_SETTING_OFF = re.compile(r"(?<![a-z])(?:(?:turn|switch|shut|put)\s+)?(?:the\s+)?((?:[a-z]+\s+)?)(?:heating|cooling)\s+off"
                          r"(?![a-z])")
_STOP_ONE_ZH = re.compile(r"(?:停止|停掉|停下|别再|不要再|不再|不用再)([^,;:，；。]{0,8}?)(?:制热|制冷|加热|供暖|供冷)(?:模式)?(?![泵机器水管阀扇灯系设装])"
                          r"|(?:制热|制冷|暖气|冷气|供暖)(?:模式)?(?:停掉|停了|停下来|停下|关掉|关了|关闭)")
_PER_MINUTE_ZH = re.compile(r"每分钟\s*([0-9.零〇一二两三四五六七八九十百]+)\s*(升|转)")
_STATE_VERB_ZH = {"运行": "启动", "运转": "启动", "开着": "打开", "关着": "关闭", "停着": "停止", "锁着": "锁上",
                  "锁好": "锁上"}


# a greeting is not a time: "早上好，开灯", "good morning, lights on in the office" (早上 / morning had read as a
# schedule); dropped as a clause of its own, or opening the ask ("hello turn on …", 早上好开灯)
_GREETING = (r"(?:good\s+(?:morning|afternoon|evening|day|night)|hello|hiya|howdy|greetings|"
             r"hi(?=\s+(?:there|team|everyone|everybody|folks|guys)(?![a-z]))|"  # "…. hi team" (never a bare "hi": high)
             r"早上好|早安|上午好|中午好|下午好|晚上好|晚安|你好|您好|大家好|嗨|哈喽|哈啰)")
_VOCATIVE = r"(?:\s+(?:there|team|all|everyone|everybody|folks|guys|assistant|console))?"
_GREETING_CLAUSE = re.compile(r"(?:^|(?<=[,;:!.。]))\s*" + _GREETING + _VOCATIVE + r"\s*(?:[,;:!.。~]+|$)")
# "hi" only opening the ask with a comma or a vocative ("fan line a, hi" / "hi speed" are the setting "high")
_GREETING_HEAD = re.compile(r"^hi(?:\s+(?:there|team|all|everyone|everybody|folks|guys))?\s*[,;:!.]+\s*"
                            r"|^hi\s+(?:there|team|everyone|everybody|folks|guys)\s+(?=[a-z])"
                            r"|^(?:good\s+(?:morning|afternoon|evening|day)|hello|hiya|howdy)" + _VOCATIVE
                            + r"\s+(?=[a-z])|^(?:早上好|早安|上午好|中午好|下午好|晚上好|你好|您好|大家好)(?=[^\s,;:!.。])")


def drop_greetings(text: str) -> str:
    """"早上好，开灯" → "开灯", "good morning, lights on" → "lights on": a greeting is no time, no part."""
    out = _GREETING_CLAUSE.sub(" ", text)
    return _GREETING_HEAD.sub("", out.strip(" ,"))


def _stop_one_zh(m: re.Match) -> str:
    what = (m.group(1) or "").strip() if m.lastindex else ""
    return f"关闭{what}" if "空调" in what else f"关闭{what}空调"


def _make_sure(m: re.Match) -> str:
    return f"{_STATE_VERB[m.group(2)]} {m.group(1).strip()}"


def _tenths(m: re.Match) -> str:
    n = int(m.group(1)) if m.group(1).isdigit() else _TENTH_DIGIT[m.group(1)]
    return f"{n * 10 + (5 if m.group(2) else 0)}%"


# pure (module tables only) and called ~20 times per ask on the same few strings (the ask, its clauses):
# cached, thread-safe, bounded
# "warehouse needs light": "needs" is the verb, never a device word before the kind word "light"
_NEEDS_LIGHT = re.compile(r"(?<![a-z])(needs?|needed)\s+(?:light|lighting)(?![a-z])")
_CUT_OFF_ZH = re.compile(r"(?<!切)断(?:开|掉)(?!关)")


@functools.lru_cache(maxsize=2048)
def normalize(text: str) -> str:
    """NFKC (full-width digits and ％ become ASCII), lower case, single spaces; 六成 (tenths) → 60%."""
    # 帯/帶 → 带, 線 → 线 (variants.py); 開冷氣: the AC itself in Traditional script (ac_word_trad.py)
    t = simplify(pump_word(ac_word(unicodedata.normalize("NFKC", text)))).lower()
    t = hk_verbs(again_verbs(mandarin(hk_done_it(hk_mixed(t)))))  # 开咗佢 → 开一下, 郁返 → 动起来 (hk_verbs_zh.py); 行返 → 启动, 著返 → 打开, 调高去 26 → 调高到 26 (again_verbs_zh.py); off 咗 → 关掉, 较去 60 → 调到 60 (hk_mixed_zh.py); 唔好停 → 不要停, 咪开 → 别开, 冇 → 没有: Cantonese read as Mandarin (cantonese_zh.py)
    t = doorway_lock(t)  # 门口锁好: the door locked, never a device called 门口 (doorway_zh.py)
    t = drop_no_need_remark(t)  # …，唔使再低 / 不用这么冷: a remark after the command (no_need_remarks_zh.py)
    t = shut_all(t)  # "shut everything on line b": switch it all off, as "shut down everything" (shut_all_en.py)
    t = t.replace("℃", "°c").replace("’", "'")
    if "成" in t:
        t = _TENTHS.sub(_tenths, t)
    if "go" in t:  # "yard siren: pulse pattern, go": a closing bare "go" is "start" (never "go to 40", "go ahead")
        t = _BARE_GO.sub(r"\1start", t)
    t = drop_fillers(t)  # "um conveyor number two stop", 嗯 把台灯关掉, 就是用脉冲的: hesitation, nothing more (fillers.py)
    t = worldwide(t)  # "kindly off the lamp", "dim it to 10 ja", 流量给30, 误报: usage made plain (worldwide.py)
    t = put_values(t)  # 转速搁八十, 流量搁三十五吧, 转速设八十: 搁 / bare 设 + a value is "set to" (put_values_zh.py)
    t = drop_power_back(t)  # 停电恢复了，先把…: the power came back, a report, never 停 + a device (power_back_zh.py)
    if re.search(r"[\u3400-\u9fff]", t):  # 二号线 速度 七十五: the value said with its setting (spaced_values_zh.py)
        t = join_spaced_value(t)
    t = drop_greetings(t)
    t = drop_labels(t)  # "WO-114: set …", 工单114：…: a work-order label, never a value (labels.py)
    t = drop_lockout(t)  # "…, doing LOTO on B", 要挂锁, 二号线挂锁：…: why, never the door lock (lockout.py)
    t = drop_as_before(t)  # "back to 90 rpm like before", "for the load test": how or why, no condition (as_before.py)
    t = _FILLER.sub(" ", t)
    t = drop_lead_ins(t)  # "go ahead and start …", "feel free to …": nothing more (lead_ins.py)
    t = drop_who_asked(t)  # "…, 组长让开的", "…, the boss asked for it": who asked, never a part (who_asked.py)
    t = plain_similes(t)  # "office feels like a fridge", 跟蒸笼似的: cold / hot, no device (similes.py)
    t = fix_slips(re.sub(r"\s+", " ", t).strip())  # "conveyor be", "twenty for", "fourty", "a c", 在把 (spoken_slips.py)
    t = hyphenate_tens(t)  # "make the office twenty one degrees": one value, never "the office one" (spaced_tens.py)
    t = pause_after_arrival(t)  # "visitor's here let him in": the arrival, a pause, then "let … in" (arrival_run_on.py)
    t = dictated(t)  # "to thirty no wait fifty", "at like twenty five", 台登: a transcript's slips (dictation.py)
    t = said_otherwise(closing_words(t))  # ", help", "again", "20 should do" (closing_words.py); "needs locking", 拉满 (said_otherwise.py)
    t = of_as_off(t)  # "siren of!!": off (of_as_off.py)
    t = problems_as_states(t)  # "cant see", "not enough light", "coolant's not circulating, get it going" (negated_problems.py)
    t = drop_polite_hedge(t)  # "22 degrees if you can", 如果可以的话: a hedge, no condition (polite_hedges.py)
    t = drop_value_remark(t)  # "fan to medium, the high setting is deafening": why, no part (value_remarks.py)
    t = amount_only(t)  # "let the sunlight in but only like halfway": the amount (amount_hedges.py)
    t = purpose_noun(t)  # "water for cooling": the cooling water, no cool mode (purpose_nouns.py)
    t = drop_time_purpose(t)  # "lock up for the night": a purpose, no schedule, no place (purposes.py)
    t = drop_while_away(t)  # "… while we're at lunch", 我们吃饭的时候: why or during what, never a place (during.py)
    t = production_everywhere(t)  # "pause production everywhere", 各条产线停产: every line (everywhere.py)
    t = all_lines(t)  # 所有产线都停下来, 各条线都停了, "stop every line": the lines, never every device (all_lines.py)
    if "别" in t:  # 别的灯 / 别处 / 别人: "other", never the negation 别 (other_words_zh.py)
        t = other_words(t)
    if re.search(r"[\u3400-\u9fff]", t):  # 拉下来 / 拉上去 (blinds_way_zh.py), 灯全关 (all_off_zh.py), 提醒…撤离 (evacuate_zh.py)
        t = evacuate(light_verbs(all_off(blinds_way(t))))  # 灯全灭 → 灯全部关, 把台灯点亮 (light_verbs_zh.py)
        t = too_much(t)  # 太阳晒得厉害 → 太阳太晒 (degree_words_zh.py)
        t = ventilate(drop_meeting(t))  # …，要开安全会: why, never "on" (meeting_reasons_zh.py); 透透气: 通通风 (ventilate_zh.py)
        if "断" in t:  # 断开 / 断掉 is "cut off" (never 开 "open"): read as 切断
            t = _CUT_OFF_ZH.sub("切断", t)
    t = only_mode(t)  # 办公室只要吹风就行，不用制冷: the one mode wanted, the other only excluded (only_mode_zh.py)
    t = fan_only(t)  # "the air just moving around, no heating and no cooling": the AC's fan mode (fan_only.py)
    t = rewrite_negated_modes(t)  # "fan mode only, no cooling": a negated mode never sets it (negated_modes.py)
    if "need" in t:
        t = _NEEDS_LIGHT.sub(r"\1 some light", t)
    if "sound" in t:  # "change the yard warning sound to steady": the noun (the tone), never "sound the siren"
        t = re.sub(r"(?<![a-z])((?:change|switch|set|put)\s+(?:\S+\s+){0,4}?(?:warning|alarm|siren|alert))\s+sound"
                   r"(?=\s+(?:to|into)(?![a-z]))", r"\1 tone", t)
        t = pattern_change(t)  # "… warning sound in the yard to steady", "… to a pulsing sound" (siren_tone.py)
    if "at it" in t:
        t = _AT_IT.sub(lambda m: "" if m.group("end") is not None else ", ", t)
    if "线上" in t:
        t = _ON_LINE_ZH.sub("", t)
    for pattern, word in _SHORT:
        t = pattern.sub(word, t)
    t = _MODE_NUMBER.sub(r"\1\2 °c", t)
    if "sure" in t or "ensure" in t or "see to it" in t:
        t = _MAKE_SURE.sub(_make_sure, t)
    if "heating" in t or "cooling" in t or "制热" in t or "制冷" in t:  # both of what an AC does: stop it
        t = _STOP_BOTH.sub(lambda m: "关闭空调" if m.group(0)[0] in "停关" else "turn off the ac", t)
    t = stop_both(t)  # "switch off the heating and cooling in the office", 关掉制冷和制热: the AC off
    t = climate_names(t)  # "put the office heating and cooling on auto", 暖通空调: the AC (climate_names.py)
    if "heating" in t or "cooling" in t:  # "stop heating the office": the AC off, no mode
        t = _STOP_ONE.sub("turn off the ac ", t)
        t = _SETTING_OFF.sub(lambda m: f"turn off the {m.group(1)}ac", t)
    if "制热" in t or "制冷" in t or "加热" in t or "供暖" in t or "供冷" in t or "暖气" in t or "冷气" in t:
        t = _STOP_ONE_ZH.sub(_stop_one_zh, t)
    if "每分钟" in t:  # 每分钟三十五升 / 每分钟50转: the unit's usual order (三十五升每分钟, 50转每分钟)
        t = _PER_MINUTE_ZH.sub(r"\1\2每分钟", t)
    if "确保" in t or "保证" in t or "务必" in t:
        t = _MAKE_SURE_ZH.sub(lambda m: f"{_STATE_VERB_ZH[m.group(2)]}{m.group(1).strip()}", t)
    t = re.sub(r"\s+", " ", t).strip(" ,")
    t = distribute(t)  # "everything on line b off: product, coolant and steam": each item off (colon_lists.py)
    t = commas_for_listed_commands(t)  # 冷却水停、蒸汽切断: each item a clause (list_commas_zh.py)
    t = distribute_zh(t)  # 二号线全部停掉：输送、冷却水、蒸汽都关: each item off (colon_lists_zh.py)
    t = name_the_siren(t)  # 响起来提醒院子里的人撤离: only a siren sounds (siren_verbs.py)
    t = siren_after_purpose(t)  # 提醒大家注意，用wail模式响起来: the siren (siren_purpose_zh.py)
    t = resume_zh(t)  # B线恢复生产 / 复产: start what produces (resume_zh.py)
    t = bind_value_clauses_zh(t)  # 让蒸汽通过，开到百分之三十: the value goes on the clause before it
    t = drop_cant_reason(t)  # "…, the packers can't keep up": why, not a negation (cant_reasons.py)
    t = wishes(t) if not re.search(r"[\u3400-\u9fff]", t) else t  # "I'd like the blinds closed": close (wishes.py)
    t = rewrite_terse(t)  # "kill the B belt", "… can be turned on, please", "door locked, now", "the plant", remarks
    return re.sub(r"\s+", " ", drop_asides(t)).strip(" ,") if not re.search(r"[\u3400-\u9fff]", t) else t


def _is_ascii_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def phrase_pattern(phrase: str, plural: bool = False) -> str:
    """A regex for a phrase: whole words for ASCII, optional spaces inside CJK, optional plural -s/-es."""
    body = re.escape(phrase).replace(r"\ ", r"\s?" if not phrase.isascii() else r"\s+")
    left = r"(?<![a-z0-9])" if _is_ascii_word_char(phrase[0]) else ""
    suffix = "(?:es|s)?" if plural and phrase[-1].isascii() and phrase[-1].isalpha() else ""
    right = r"(?![a-z0-9])" if _is_ascii_word_char(phrase[-1]) else ""
    return left + body + suffix + right


def mask(text: str, start: int, end: int) -> str:
    """Blank out what was read (NULs keep the positions of everything else)."""
    return text[:start] + "\x00" * (end - start) + text[end:]


class PhraseTable:
    """Phrase → list of payloads, matched longest-first with one alternation regex."""

    def __init__(self, plural: bool = False) -> None:
        self.entries: dict[str, list[Any]] = {}
        self.plural = plural
        self.regex: re.Pattern | None = None
        # text → its matches: one ask reads the same few strings (the ask, its clauses) ~8 times over (session 7's
        # profile: a third of the rules' time in this regex); per table, so a new fleet's tables start empty
        self._found: dict[str, list[re.Match]] = {}

    def add(self, phrase: str, payload: Any) -> None:
        p = normalize(phrase)
        if not p:
            return
        self._found = {}
        lst = self.entries.setdefault(p, [])
        if payload not in lst:
            lst.append(payload)

    def compile(self) -> "PhraseTable":
        phrases = sorted(self.entries, key=lambda s: (-len(s), s))
        self.regex = re.compile("|".join(phrase_pattern(p, self.plural) for p in phrases)) if phrases else None
        self._found = {}
        return self

    def lookup(self, matched: str) -> tuple[str, list[Any], bool]:
        """(phrase, payloads, plural) for a match; no payloads when the text is no phrase of the table."""
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

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.regex is None:
            return iter(())
        found = self._found.get(text)
        if found is None:
            found = [m for m in self.regex.finditer(text) if m.group(0).strip()]
            if len(self._found) >= 4096:  # bounded; a dict's get/set are atomic under the GIL (thread-safe)
                self._found = {}
            self._found[text] = found
        return iter(found)


_PARTICLE = re.compile(r"(?<![a-z])(slow|speed|shut|power|turn|switch|bring|calm)\s+((?:(?!(?:down|up|off|on)\b)"
                       r"[^\s,，;；]+\s+){1,5}?)(down|up|off)(?![a-z])")
_PARTICLE_ON = re.compile(r"(?<![a-z])(turn|switch|power)\s+((?:(?!(?:down|up|off|on)\b)[^\s,，;；]+\s+){1,5}?)on"
                          r"(?=\s*(?:$|[,，;；.!]|and\b|then\b|please\b|pls\b|now\b))")

# "light it up", "light the warehouse up", "brighten the office up": a light's verb and its "up" together ("light up
# it": pronoun_place.py reads "it" as the ask's one place); "up" only, and only over "it" or a determiner's noun
_LIGHT_UP = re.compile(r"(?<![a-z])(light|brighten)\s+((?:it|them|(?:the|this|that|our|my|your)\s+(?:[a-z]+\s+){0,2}?"
                       r"[a-z]+)\s+)up(?![a-z])")


def move_particles(text: str) -> str:
    """"slow the conveyor down to 20 rpm" → "slow down the conveyor to 20 rpm", "shut everything down" →
    "shut down everything", "turn the AC on" → "turn on the AC": the verb and its particle together.
    Only with a single particle in the text: "turn the lights on and the fan off" stays as it is."""
    # "on" before a place or a determiner is a preposition, no particle: "shut everything down on line b" (held-out
    # 15 had read "shut" alone, the valve's close verb, and closed only the valve)
    if len(re.findall(r"(?<![a-z])(?:on(?!\s+(?:the|line|a|an|each|both|all|every)(?![a-z]))|off|up|down)(?![a-z])",
                      text)) != 1:
        return text
    text = _PARTICLE.sub(lambda m: f"{m.group(1)} {m.group(3)} {m.group(2).strip()}", text)
    text = _LIGHT_UP.sub(lambda m: f"{m.group(1)} up {m.group(2).strip()}", text)  # "light it up" (held-out 33)
    return _PARTICLE_ON.sub(lambda m: f"{m.group(1)} on {m.group(2).strip()}", text)
