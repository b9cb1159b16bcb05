"""Slips of speech-to-text and typed shorthand, written as the words they stand for (blind sets of session 9).

A headset's transcript spells what it heard ("conveyor be", "twenty for", "set the siren to whale") and a typist
drops letters and punctuation ("fourty", "office lites", "floodlight off lock the door").  Each was refused or,
worse, read as something else ("set conveyor be speed to sixty" had gone to conveyor A, "twenty for" set 20,
"stop conveyor one and conveyor too" silently dropped conveyor two).  Rewritten here, fleet-free, in
:func:`console.core.assistant.phrases.normalize` (lower case, fillers already dropped), each only where nothing else
could be meant:

- **a number word misspelt** ("fourty", "ninty", "ninteen") is the number word;
- **"lite(s)"** is "light(s)"; **"a c" / "a.c."** (spelled out) is "ac" — never after a word that names things by
  letters ("line a c", "conveyors a c");
- **"for"/"fore" after a tens word is four, "to" is two** ("twenty for" = 24), only where the number ends the
  value (end, punctuation, a unit, "please"): "twenty for now" stays.  "too" is two only before a unit ("twenty too
  degrees"); after a tens word the ask already said it is "also" ("… forty and the desk lamp forty too"), and
  otherwise ("set the desk lamp to forty too") it may be either: :func:`tens_too` names it and the assistant asks;
- **a lone "be"/"bee" after a kind word whose devices are named by letters is the letter B** ("conveyor be speed",
  "stop line bee"), "see"/"sea" the letter C; never a verb's "be" ("can the conveyor be stopped", "let the fan be");
- **"too"/"to" after a kind word the ask numbers elsewhere is "two"** ("stop conveyor one and conveyor too");
- **a homophone of a setting said where a setting goes** ("set the siren to whale" → wail, "to otto" → auto);
- **a rate in litres without "per minute"** ("and twenty liters" for a pump) is litres a minute, as 升 is; never
  with another time ("20 liters an hour", "per hour") or "of";
- **"<setting> should be 23"** (should / must / needs to / has to be N, a number ending the ask) is "to 23": the
  value it should have ("the office temperature should be 23"); "is 23" stays a report, and after a value already
  said it corrects that value ("set the AC to 23, it should be 21": corrections.py), left as it is;
- **a bare number beside a climate mode joined by "and"** ("cool and twenty one", "21 and cooling mode") is °C,
  as "cool, 21" already was (phrases ``_MODE_NUMBER``); the catalog still checks the range;
- **"off"/"on" right before another command verb** ("floodlight off lock the door") ends its clause: a comma;
- **在把 / 在将 after a pause** (a space or a comma) is 再把 ("then"): 把台灯打开 在把空调调到二十二度;
- in Chinese too, **应该是 / 应当为 / 需要在 N** closing the ask is 调到 N (办公室温度应该是23; never after a value:
  把空调调到23度，应该是21度吧 is a correction), and **a bare number after
  制冷 / 制热** is 度 (空调制冷，二十一).

Pure regular expressions over module tables (compiled at import); imports nothing from the package (phrases.py
imports this module).  No threads, no locks.
"""

from __future__ import annotations

import re

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUM_WORD = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_ONES[1:10]) + r"))?|"
             + "|".join(sorted(_ONES[1:], key=len, reverse=True)) + r")")

# -- misspelt number words, "lites", "a c" -----------------------------------------------------------------------
_MISSPELT = {"fourty": "forty", "fourtey": "forty", "forthy": "forty", "ninty": "ninety", "nintey": "ninety",
             "ninteen": "nineteen", "fivety": "fifty", "fiveteen": "fifteen", "tweny": "twenty", "twenny": "twenty",
             "thirtey": "thirty", "lites": "lights", "lite": "light"}
_MISSPELT_RE = re.compile(r"(?<![a-z'])(" + "|".join(sorted(_MISSPELT, key=len, reverse=True)) + r")(?![a-z'])")
# "a c" / "a.c." spelled out; never after a word that names things by letters ("line a c", "conveyors a, c")
_AC = re.compile(r"(?<![a-z.'/])(?<!" + r")(?<!".join(
    [w + " " for w in ("line", "lines", "zone", "zones", "conveyor", "conveyors", "belt", "belts", "fan", "fans",
                       "motor", "motors", "area", "areas", "section", "sections", "and", "or", "b", "d")]) + r")"
    r"a(?:\s+|\.\s*)c\.?(?![a-z])(?!\s*,?\s*(?:and\s+)?[bd](?![a-z]))")

# -- "twenty for" = 24, "twenty to" = 22 ---------------------------------------------------------------------------
_VALUE_END = (r"(?=\s*(?:$|[,.;!?]|(?:degrees?|degs?|deg|celsius|°c?|%|percent|per\s*cent|rpm|liters?|litres?|l/min|"
              r"please|pls|thanks|thank\s+you|and|then)(?![a-z])))")
_TENS_SLIP = re.compile(r"(?<![a-z])(" + "|".join(_TENS) + r")[\s-]+(for|fore|to|too)(?![a-z])" + _VALUE_END)

# -- "conveyor be" = conveyor B; "conveyor too" = conveyor two -------------------------------------------------------
_LETTER_KIND = r"(?:conveyor|belt|line|motor|fan|zone)"
_LETTER_SAID = {"be": "b", "bee": "b", "see": "c", "sea": "c"}
_LETTER_SLIP = re.compile(r"(?<![a-z])(" + _LETTER_KIND + r")\s+(be|bee|see|sea)"
                          r"(?=\s+(?:speed|rate|to|at|on|off|stop|start|and|then|please|now|\d)(?![a-z])"
                          r"|\s*[,;.!?]|\s*$)")
# a verb's "be" (or "let … be"): "can the conveyor be stopped", "should the fan be on", "let the belt be"
_BE_VERB = re.compile(r"(?<![a-z])(?:can|could|should|would|will|must|may|might|shall|to|let|leave|cannot|can't|"
                      r"won't|wouldn't|shouldn't|not|never)\s+(?:(?:the|that|this|our|a)\s+)?(?:[a-z]+\s+)?$")
_NUMBERED = r"(?:number\s+|no\.?\s*)?(?:one|three|four|five|six|[13-9])(?![a-z0-9])"
_KIND_TOO = re.compile(r"(?<![a-z])(?<!the\s)(?<!that\s)(?<!this\s)([a-z]{3,})\s+(too|to)"
                       r"(?=\s*(?:$|[,;.!?]|(?:and|then|please|now)(?![a-z])))")

# -- a homophone of a setting where a setting goes -------------------------------------------------------------------
_SOUNDS_LIKE = {"whale": "wail", "whales": "wail", "wale": "wail", "whail": "wail", "wael": "wail",
                "pulls": "pulse", "otto": "auto"}
_SETTING_SLIP = re.compile(r"(?<![a-z])((?:to|on|into|onto|in)\s+(?:(?:the|a)\s+)?)("
                           + "|".join(sorted(_SOUNDS_LIKE, key=len, reverse=True)) + r")(?![a-z])"
                           r"|(?<![a-z])(" + "|".join(sorted(_SOUNDS_LIKE, key=len, reverse=True))
                           + r")(?=\s+(?:mode|pattern|tone|sound|setting)(?![a-z]))")

# -- litres without "per minute" -----------------------------------------------------------------------------------
_LITRES = re.compile(r"(?<![a-z0-9.])((?:\d+(?:\.\d+)?|" + _NUM_WORD + r")\s*(?:liters?|litres?))(?![a-z/])"
                     r"(?!\s*(?:per|a|an|every|each|of|/|in|an?\s+hour|hourly)(?![a-z]))")

# -- "should be 23" ------------------------------------------------------------------------------------------------
_SHOULD_BE = re.compile(r"(?<![a-z])(?:should|must|needs?\s+to|has\s+to|have\s+to|ought\s+to)\s+(?:be|stay)\s+"
                        r"(?=(?:\d{1,3}(?:\.\d+)?|" + _NUM_WORD + r")(?:\s*(?:degrees?|°c?|%|percent|rpm|l/min|c))?"
                        r"\s*(?:please|pls|thanks)?\s*[.!]*\s*(?:$|[,;]))")

# a value said before it: "set the ac to 23, it should be 21" corrects it (corrections.py), no second value
_NUMBER_BEFORE = re.compile(r"\d|(?<![a-z])" + _NUM_WORD + r"(?![a-z])")

# -- a number beside a climate mode, joined by "and" ----------------------------------------------------------------
_MODE = r"(?:cool|heat|cooling|heating)"
_NUM = r"(?:\d{1,2}(?:\.\d)?|" + _NUM_WORD + r")"
_MODE_AND_NUM = re.compile(r"(?<![a-z])(" + _MODE + r"(?:\s+mode)?\s+and\s+)(" + _NUM + r")"
                           r"(?=\s*(?:$|[,.;!?]|(?:please|pls|thanks|and|then)(?![a-z])))")
_NUM_AND_MODE = re.compile(r"(?:^|(?<=[,.;:!?]\s)|(?<=[,;:]))(\s*)(" + _NUM + r")(?=\s+and\s+(?:the\s+|to\s+)?"
                           + _MODE + r"(?![a-z]))")

# -- run-on clauses: "floodlight off lock the door" ----------------------------------------------------------------
_RUN_ON = re.compile(r"(?<![a-z])(?<!turn\s)(?<!switch\s)(?<!shut\s)(?<!power\s)(?<!cut\s)(?<!kill\s)(?<!put\s)"
                     r"(?<!set\s)(?<!log\s)(?<!sign\s)(off|on)\s+(?=(?:lock|unlock|open|close|shut|stop|start|turn|"
                     r"switch|set|sound|dim|raise|lower|kill|silence|activate|deactivate|secure)(?![a-z]))")

# -- 在把 after a pause is 再把 ------------------------------------------------------------------------------------------
_ZAI_BA = re.compile(r"(?:(?<=\s)|(?<=[,，;；。]))在(?=[把将])")
# -- the Chinese "should be 23" and a bare number beside a climate mode ------------------------------------------------
_ZH_NUM = r"(?:\d{1,2}(?:\.\d)?|[一二三四五六七八九十]{1,3}(?:点[零一二三四五六七八九])?)"
_ZH_END = r"(?=\s*(?:吧|啊|呀|就行|就好)?\s*(?:$|[，,。！!；;]))"
_SHOULD_BE_ZH = re.compile(r"(?:应该|应当|需要|得)(?:是|为|在)\s*(?=" + _ZH_NUM + r"\s*(?:度|%|摄氏度)?" + _ZH_END + ")")
_NUMBER_BEFORE_ZH = re.compile(r"\d|[一二三四五六七八九十]")
_MODE_NUM_ZH = re.compile(r"((?:制冷|制热)(?:模式)?\s*(?:[，,、]\s*|和|\s+)(?:温度)?)(" + _ZH_NUM + r")" + _ZH_END)


def _value(word: str) -> int:
    word = word.replace("-", " ")
    tens, _, ones = word.partition(" ")
    if tens in _TENS:
        return 20 + 10 * _TENS.index(tens) + (_ONES.index(ones) if ones else 0)
    return _ONES.index(word)


def _digits(said: str) -> str:
    return said if said[0].isdigit() else str(_value(said))


_UNIT_NEXT = re.compile(r"\s*(?:degrees?|degs?|deg|celsius|°c?|%|percent|per\s*cent|rpm|liters?|litres?|l/min)"
                        r"(?![a-z])")


def _said_before(tens: str, text: str, start: int) -> bool:
    return re.search(r"(?<![a-z])" + tens + r"(?![a-z])", text[:start]) is not None


def _tens_slip(m: re.Match, text: str) -> str:
    tens, slip = m.group(1), m.group(2)
    if slip == "too" and (_said_before(tens, text, m.start()) or not _UNIT_NEXT.match(text, m.end())):
        return m.group(0)  # "… to forty and the desk lamp forty too": also forty; "to forty too": either (tens_too)
    return f"{tens}-{'four' if slip in ('for', 'fore') else 'two'}"


def tens_too(text: str) -> tuple[str, int] | None:
    """(the words, the tens) of a tens word + "too" that may be two or "also" ("set the desk lamp to forty too":
    ("forty too", 40)), in the normalised ask; None when there is none (or the ask said that number before: "also")."""
    if "too" not in text:
        return None
    for m in _TENS_SLIP.finditer(text):
        if m.group(2) == "too" and not _said_before(m.group(1), text, m.start()):
            return m.group(0), _value(m.group(1))
    return None


def _letter_slip(m: re.Match, text: str) -> str:
    if _BE_VERB.search(text[:m.start()]):
        return m.group(0)  # "can the conveyor be …", "let the fan be"
    return f"{m.group(1)} {_LETTER_SAID[m.group(2)]}"


def _kind_too(m: re.Match, text: str) -> str:
    kind = m.group(1)
    elsewhere = re.search(r"(?<![a-z])" + re.escape(kind) + r"s?\s+" + _NUMBERED, text)
    return f"{kind} two" if elsewhere else m.group(0)


def _setting_slip(m: re.Match) -> str:
    if m.group(2):
        return m.group(1) + _SOUNDS_LIKE[m.group(2)]
    return _SOUNDS_LIKE[m.group(3)]


def fix_slips(text: str) -> str:
    """``text`` (normalised: lower case, single spaces) with the slips of the module docstring written as meant."""
    if re.search(r"[\u3400-\u9fff]", text):
        t = _ZAI_BA.sub("再", text) if "在" in text else text
        if "应" in t or "需要" in t or "得" in t:
            t = _SHOULD_BE_ZH.sub(lambda m: m.group(0) if _NUMBER_BEFORE_ZH.search(t[:m.start()]) else "调到", t)
        if "制冷" in t or "制热" in t:
            t = _MODE_NUM_ZH.sub(r"\1\2度", t)  # 空调制冷，二十一 → 空调制冷，二十一度
        return t
    t = _MISSPELT_RE.sub(lambda m: _MISSPELT[m.group(1)], text)
    if "c" in t:
        t = _AC.sub("ac", t)
    t = _TENS_SLIP.sub(lambda m: _tens_slip(m, t), t)
    t = _LETTER_SLIP.sub(lambda m: _letter_slip(m, t), t)
    if " to" in t:
        t = _KIND_TOO.sub(lambda m: _kind_too(m, t), t)
    t = _SETTING_SLIP.sub(_setting_slip, t)
    if "lit" in t:
        t = _LITRES.sub(r"\1 per minute", t)
    t = _SHOULD_BE.sub(lambda m: m.group(0) if _NUMBER_BEFORE.search(t[:m.start()]) else "to ", t)
    if "cool" in t or "heat" in t:
        t = _MODE_AND_NUM.sub(lambda m: f"{m.group(1)}{_digits(m.group(2))} °c", t)
        t = _NUM_AND_MODE.sub(lambda m: f"{m.group(1)}{_digits(m.group(2))} °c", t)
    if " off " in t or " on " in t:
        t = _RUN_ON.sub(r"\1, ", t)
    return t
