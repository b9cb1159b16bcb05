"""A negation that only bounds or clarifies an explicit positive command (session 9, a safety engineer's blind set).

Every ask with a negation was refused ("It says not to do something"), even where the negated part only bounds the
amount an explicit command sets, or says which device is NOT meant.  The negated action is never done; a bare
negation ("don't stop conveyor A", 别开灯, "never unlock the door") leaves no command and stays refused.  The parts
taken out of an ask, both languages:

- BOUND: a negated extreme or excess beside an explicit target ("don't open it fully, just 20%", "close it… not all
  the way, leave it at 5", "don't cut it off completely, leave 5%", "let the sun in but not fully, maybe a quarter",
  "set conveyor B to 120 and don't go past that", "coolant flow to 50, not a drop more", 蒸汽阀别全开，开到20%就行,
  一号传送带别开太快，先30转, 不用开满).  Every command must set a number, and none reaches the negated extreme (fully,
  全开: the top of the range; all the way closed, 关死, "cut off completely": the bottom, or off).
- SWITCH: a negated switch of what the command sets ("set the siren to wail but don't sound it", 先别响, "set conveyor
  B to 0 rpm but leave it running", "speed 0 rpm, but don't switch it off", 但别停机, "don't stop it, bring it down to
  10").  No command switches it the negated way; a device with no switch (a valve) is refused.
- NOT: which device is not meant ("not the valve, the pump", "X, not Y", "no not B, A", 不是Y，是X): no command on Y
  (a bare letter is read with its pair's noun: "line A, not B" is line B), and with X said, every command is on X.
- KEEP: "don't touch Y, just X", 蒸汽别动，先让水流起来, 水泵别动，我只要把…: no command on Y (named, never "it").
- TOO: a device too far one way, then a target the other way ("the steam valve's too open, close it to 10", 蒸汽阀开太大
  了，关到10): too open is a reason to close, so the rest must say that way only (阀门开得太小了，关到5: left refused).
- REASON: a clause that says why and commands nothing ("this isn't a drill", "it's only a test", 不是演习, "I'm going
  out to check the siren wiring": a device it names gets no command, and the rest may then not say "it"), and a past
  duration ("the siren's been going for five minutes": how long it has run, no schedule).

How: ``Assistant.understand`` reads the ask as said first, then :func:`negation_bounded`.  The ask is cut into
clauses (also at "but" / "and" / 但 before a negation); each part above is taken out (a topic it names stays:
蒸汽阀别全开 → 蒸汽阀; nothing but topics left is a bare negation).  Where the ask as said was refused, the rest is read
by the whole pipeline with every screen (a condition, a schedule, another negation in it: refused) and its proposal
must pass every part's check; a proposal that does what a part negates is refused as such, one the parts do not bind
plainly ("it" with two devices, a set with an exception, a device not meant that the rest still names) leaves the
refusal as it was.  Where the ask as said was proposed by another rule, it is kept unless it does what a part negates
or goes further the way a TOO report says ("leave it running, and stop it": refused).  The gate, and
``Assistant.direction_problem`` (``spoken_rest``: the bench's check too), read the rest's words; the negated words
bind only through the checks here.  A double negative ("I'm not saying … shouldn't run, start it", 我不是说…不能开，开吧,
"it's not that … isn't …") is refused as one, whatever follows: which way it means is not plain.

Pure: reads with the assistant (duck-typed: ``understand``, ``_refers``, ``_gate``, ``_relabel``, ``_refuse``, ``by_id``,
``current``, ``rules``); no threads, no locks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from console.core.assistant.direction import DOWN, SWITCH_CAPS, UP, direction_of, violation
from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

BOUND, SWITCH, NOT, KEEP, TOO, REASON = "bound", "switch", "not", "keep", "too", "reason"
FULL, EXCESS = "full", "excess"


@dataclass(frozen=True)
class Part:
    """One part taken out of an ask: what it is, the way it negates (or implies, for TOO), and what it names."""
    what: str
    way: str | None = None  # BOUND/SWITCH: the negated way; TOO: the way the report implies
    extent: str | None = None  # BOUND: FULL (an extreme) or EXCESS (too much, past the target)
    obj: str = ""  # what the part names ("" or a pronoun: the command's own device)
    meant: str = ""  # NOT: the device meant instead (X of "not Y, X")


@dataclass(frozen=True)
class Split:
    rest: str
    parts: tuple[Part, ...]


# -- a quick test: most asks have none of these -----------------------------------------------------------------------
_CUE = re.compile(r"n't|(?<![a-z])(?:not|never|dont|no|too|leave|keep|been|i'm|im|i\s+am|we're|only|just|it's|this)"
                  r"(?![a-z])|别|不|太|没|演习|测试|分钟|小时|秒")

# -- clauses -----------------------------------------------------------------------------------------------------------
_SEP = re.compile(r"\s*(?:\.{2,}|[,;!?；。！？、]|\.(?=\s|$)|—|–|\s-+\s)\s*")
_NEG_EN = r"(?:don'?t|do\s+not|dont|never)"
_CONNECT = re.compile(r"\s+(?:but|and|though|yet)\s+(?=(?:please\s+|just\s+)?(?:don'?t|do\s+not|dont|never|not|"
                      r"leave\s+(?:it|them)|keep\s+(?:it|them))(?![a-z]))"
                      r"|(?:但是?|可是|不过)(?=(?:先|千万|可|也)?(?:别|不要|不用|不必|甭|不需要))")
_LEAD_EN = r"^(?:(?:but|and|so|though|please|just|oh|uh|um)\s+)*"
_TAIL_EN = r"(?:\s+(?:though|please|pls|for\s+now|ok|okay|obviously|of\s+course|mind\s+you))*$"
_PRON = r"(?:it|them|that|this)"
_NP = r"(?:the|that|this|my|our)\s+(?:[a-z0-9'-]+\s+){0,3}?[a-z0-9'-]+"
_OBJ_N = iter(range(1000))


def _o() -> str:
    """An object group, named apart from the others of its pattern ("it", "the steam valve")."""
    return rf"(?P<obj{next(_OBJ_N)}>{_PRON}|{_NP})"


_PRONOUN = re.compile(r"(?<![a-z])(?:it|them|its)(?![a-z])|它")

# BOUND, English (a whole clause)
_FULL_EN = (r"(?:fully|completely|entirely|all\s+the\s+way(?:\s+(?:up|down|open|closed|shut|off))?|the\s+whole\s+way|"
            r"full(?:\s+blast)?|wide\s+open|to\s+(?:the\s+)?(?:max|maximum|full|top|bottom|zero|0|nothing))")
_EXCESS_EN = r"(?:too\s+(?:much|far|fast|high|hard|many|quick(?:ly)?)|that\s+(?:much|fast|far|high))"
_BOUND_EN = [
    (UP, FULL, re.compile(_LEAD_EN + _NEG_EN + r"\s+(?:open|crank|push|run|let|turn|raise)\s+" + _o()
                          + r"(?:\s+(?:up|in|on|out))?\s+" + _FULL_EN + _TAIL_EN)),
    (DOWN, FULL, re.compile(_LEAD_EN + _NEG_EN + r"\s+(?:close|shut|cut|turn|switch|stop|kill|bring|lower)\s+" + _o()
                            + r"(?:\s+(?:off|down))?\s+" + _FULL_EN + _TAIL_EN)),
    # "not fully shut", "not all the way open" (session 9 incidents): the bound names its way
    (DOWN, FULL, re.compile(_LEAD_EN + r"(?:but\s+)?not\s+(?:quite\s+)?" + _FULL_EN
                            + r"\s+(?:shut|closed|off|down|stopped)" + _TAIL_EN)),
    (UP, FULL, re.compile(_LEAD_EN + r"(?:but\s+)?not\s+(?:quite\s+)?" + _FULL_EN + r"\s+(?:open|opened|up)" + _TAIL_EN)),
    (None, FULL, re.compile(_LEAD_EN + r"(?:but\s+)?not\s+(?:quite\s+)?" + _FULL_EN + _TAIL_EN)),
    (None, EXCESS, re.compile(_LEAD_EN + r"(?:not\s+" + _EXCESS_EN + r"|" + _NEG_EN
                              + r"\s+(?:open|crank|push|run|turn|raise|set)\s+" + _o() + r"(?:\s+up)?\s+" + _EXCESS_EN
                              + r"|" + _NEG_EN + r"\s+overdo\s+it)" + _TAIL_EN)),
    (UP, EXCESS, re.compile(_LEAD_EN + r"(?:" + _NEG_EN + r"\s+go\s+(?:any\s+)?(?:past|over|above|beyond|higher\s+than)"
                            r"\s+(?:that|it|this|there)|not\s+(?:a|one|a\s+single)\s+(?:drop|bit|notch|rpm|percent|"
                            r"degree|litre|liter)\s+(?:more|higher|over|above)|no\s+(?:more|higher)|not\s+(?:any\s+)?"
                            r"(?:more|higher)|nothing\s+(?:more|higher))" + _TAIL_EN)),
]
# SWITCH, English: the negated way of a switch
_SWITCH_EN = [
    (DOWN, re.compile(_LEAD_EN + _NEG_EN + r"\s+(?:(?:stop|kill|halt|silence)\s+" + _o() + r"|(?:switch|turn|shut|"
                      r"power|cut)\s+" + _o() + r"\s+off|(?:switch|turn|shut|power|cut)\s+off\s+" + _o() + r")"
                      + _TAIL_EN)),
    (UP, re.compile(_LEAD_EN + _NEG_EN + r"\s+(?:(?:start|sound|activate|trigger)\s+" + _o() + r"|set\s+" + _o()
                    + r"\s+off|(?:switch|turn|power)\s+" + _o() + r"\s+on|(?:switch|turn|power)\s+on\s+" + _o() + r")"
                    + _TAIL_EN)),
    (DOWN, re.compile(_LEAD_EN + r"(?:leave|keep)\s+(?P<obj>it|them)\s+(?:running|on|going|open|sounding|turning)"
                      + _TAIL_EN)),
    (UP, re.compile(_LEAD_EN + r"(?:leave|keep)\s+(?P<obj>it|them)\s+(?:off|stopped|closed|shut|quiet|silent)"
                    + _TAIL_EN)),
]
# Chinese: a negation at the clause's end, a topic (no verb) before it
_NEG_ZH = r"(?P<neg>(?:但是?|可是|不过)?(?:先|千万|可|也)?(?:别|不要|不用|不必|无需|甭|不需要)(?:再)?(?:给我)?(?:把它)?)"
_END_ZH = r"(?:了|啊|哦|哈|吧|呀|啦)?$"
_ZH_PARTS = [
    (BOUND, UP, FULL, r"全开|全部打开|完全打开|全打开|开满|开到最大|开足|开到底|开全|开到头|拉满|全拉开|开太满"),
    (BOUND, DOWN, FULL, r"全关|全部关上|完全关上|全关上|关死|关到底|关严|关完|全部关掉|完全关掉|关到零|全部关闭|完全关闭"),
    (BOUND, None, EXCESS, r"开(?:得)?太(?:大|多|快|猛|高)|调(?:得)?太(?:大|高|快)|转(?:得)?太快|太(?:大|多|快|猛|高)"
                          r"|开那么(?:大|多|快)"),
    (BOUND, UP, EXCESS, r"超过(?:这个|那个)?|超出|再加|再多"),
    (SWITCH, DOWN, None, r"停|停机|停下|停掉|停下来|关机|断掉"),
    (SWITCH, UP, None, r"响|鸣|鸣响|响起来|开响|启动|开机|开起来|开动|拉响"),
]
_ZH_RE = [(what, way, ext, re.compile(_NEG_ZH + r"(?:" + acts + r")" + _END_ZH)) for what, way, ext, acts in _ZH_PARTS]
_VERB_ZH = re.compile(r"[开关停启调设拉放响锁转]|运行|打开")

# KEEP: don't touch a named device
_KEEP_EN = re.compile(_LEAD_EN + r"(?:" + _NEG_EN + r"\s+(?:touch|change|adjust|mess\s+with|do\s+anything\s+(?:to|with))"
                      r"\s+(?P<obj>" + _NP + r"|[a-z0-9'-]+(?:\s+[a-z0-9'-]+){0,2})|leave\s+(?P<obj2>" + _NP
                      + r")\s+alone|keep\s+(?:your\s+)?hands\s+off\s+(?P<obj3>" + _NP + r"))" + _TAIL_EN)
_KEEP_ZH = re.compile(r"^(?:但是?)?(?P<obj>[^,]{1,10}?)(?:先|就|还是|可)?(?:别|不要|不用|甭)(?:动|碰|管)(?:它)?" + _END_ZH
                      + r"|^(?:但是?)?(?:先)?(?:别|不要|不用)(?:动|碰)(?P<obj2>[^,它]{1,10}?)" + _END_ZH)
_ONLY_WANT_ZH = re.compile(r"^(?:我|我们)?(?:只要|只想|就想|只需要)(?=把|将)")

# NOT: which device is not meant
_NOT_EN = re.compile(_LEAD_EN + r"(?:(?:no|nope|oh|sorry),?\s+)*not\s+(?P<y>(?:the\s+|that\s+|this\s+)?"
                     r"(?:[a-z0-9'-]+\s+){0,3}?[a-z0-9'-]+?)(?:\s+(?:obviously|of\s+course|though|please|i\s+mean))*$")
_MEANT_EN = re.compile(r"^(?:(?:but|i\s+mean|it'?s|i\s+meant)\s+)?(?P<x>(?:the\s+|that\s+|this\s+)?(?:[a-z0-9'-]+\s+)"
                       r"{0,3}?[a-z0-9'-]+?)(?:\s+(?:i\s+mean|obviously|of\s+course|please))*$")
_NOT_ZH = re.compile(r"^(?:而|并)?不是(?P<y>[^,]{1,10}?)(?:啊|哦|呀)?$")
_MEANT_ZH = re.compile(r"^(?:而|就|我说的)?是(?P<x>[^,]{1,10}?)(?:啊|哦|呀)?$")
_I_MEAN_EN = re.compile(r"\s+i\s+mean$")
_LETTER = r"(?:[a-d1-4]|one|two|three|four)"
_PAIR = re.compile(r"(?<![a-z])(?P<w>[a-z]{3,})\s+(?P<l>" + _LETTER + r")(?![a-z0-9])")
_NOT_WORDS = frozenset("fully completely entirely all too that much more higher any quite yet now really sure "
                       "exactly just only so".split())

# "everything", "all", 全部: a device kept or not meant is then an exception of a set (excepting.py, kept_devices.py)
_ALL = re.compile(r"(?<![a-z])(?:everything|every|all|both|whole)(?![a-z])|全部|所有|一切|都|全都")

# TOO: a device too far one way (the way it implies)
_TOO_EN = re.compile(r"^(?P<obj>(?:the\s+)?(?:[a-z0-9'-]+\s+){0,3}?[a-z0-9-]+)(?:'s|\s+is|\s+are|'re)\s+(?:(?:running|"
                     r"going|moving|turning|spinning|flowing|set|opened|running|still)\s+)?(?:(?:way|far|"
                     r"much|a\s+bit|a\s+little|just|still)\s+)?too\s+(?P<st>open|wide(?:\s+open)?|high|fast|closed|shut|"
                     r"low|slow)$")
_TOO_ZH = re.compile(r"^(?P<obj>[^,]{1,10}?)(?:(?:打开|开启|开)(?:得)?(?:有点|有些)?太(?P<a>大|多|猛|小|少)|关(?:得)?(?:有点|"
                     r"有些)?太(?P<b>死|紧|多)|(?:转|跑)(?:得)?(?:有点|有些)?太(?P<c>快|慢))(?:了|啦)?$")
_TOO_DOWN = frozenset(("open", "wide", "wide open", "high", "fast", "大", "多", "猛", "快"))

# REASON: says why, commands nothing
_REASON = re.compile(
    _LEAD_EN + r"(?:(?:this|it|that)(?:'s|\s+is)(?:\s+not|n't)\s+(?:a\s+)?(?:drill|test|joke|exercise|false\s+alarm)"
    r"|(?:this\s+is\s+)?not\s+a\s+(?:drill|test)|(?:it'?s|this\s+is|it\s+is|that'?s)\s+(?:only|just)\s+a\s+(?:test|drill)"
    r"(?:\s+run)?)" + _TAIL_EN
    + r"|^(?:这|这次|这回)?(?:不是|并非|可不是)(?:在)?(?:演习|演练|测试|开玩笑)(?:了|啊|哦|呀)?$"
    r"|^(?:这|这次|这回)?(?:只是|就是|只不过是)(?:个|一个|一次|在)?(?:测试|演习|演练)(?:而已|罢了)?$")
_ASIDE = re.compile(
    _LEAD_EN + r"(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:just\s+|only\s+)?(?:(?:going|heading|popping|nipping)\s+(?:out\s+|"
    r"over\s+|down\s+|up\s+|outside\s+)?to\s+|about\s+to\s+)?(?:check|checking|inspect|inspecting|look\s+at|looking\s+at|"
    r"fix|fixing|repair|repairing|test|testing|clean|cleaning|work\s+on|working\s+on)\s+(?P<obj>[a-z0-9' -]{1,40})$")
_PAST_FOR = re.compile(
    r"((?:(?<![a-z])(?:has|have|had)|'s|'ve)\s+been\s+(?:on|off|open|[a-z]+ing))\s+for\s+(?:(?:about|around|nearly|almost|"
    r"over|like|a\s+good)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|"
    r"half\s+an?|a\s+few|several)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)(?:\s+now)?(?![a-z])"
    r"|((?:已经|都)?(?:响|开|运行|转|亮|叫)了)(?:快|大概|差不多|将近|有)?[\d一二两三四五六七八九十半]+(?:多)?(?:个)?"
    r"(?:分钟|小时|秒钟?)(?:了)?")
# a double negative: which way it means is not plain
_DOUBLE = re.compile(r"(?<![a-z])(?:not|never)\s+saying\s+.{0,60}?(?:n't|(?<![a-z])(?:not|never))(?![a-z])"
                     r"|(?<![a-z])it'?s\s+not\s+(?:like|that)\s+.{0,60}?(?:n't|(?<![a-z])not)(?![a-z])"
                     r"|(?<![a-z])isn'?t\s+(?:like|that)\s+.{0,60}?(?:n't|(?<![a-z])not)(?![a-z])"
                     r"|不是说.{0,20}?(?:不|别|没)|并不是.{0,20}?不(?:能|要|该|可以)")


def light(text: str) -> str:
    """NFKC, lower case, single spaces: the clauses keep their commas (``normalize`` joins some Chinese ones)."""
    t = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'")
    return re.sub(r"\s+", " ", t).strip()


def double_negative(text: str) -> str | None:
    m = _DOUBLE.search(light(text))
    return m.group(0) if m else None


def _clauses(text: str) -> list[tuple[str, str]]:
    """[(separator before, clause)] of a light-normalised text."""
    cuts = sorted([(m.start(), m.end()) for m in _SEP.finditer(text)]
                  + [(m.start(), m.end()) for m in _CONNECT.finditer(text)])
    out, pos, sep = [], 0, ""
    for a, b in cuts:
        if a < pos:
            continue
        out.append((sep, text[pos:a]))
        sep, pos = text[a:b], b
    out.append((sep, text[pos:]))
    return out


def _join(items: list[tuple[str, str]]) -> str:
    text = "".join(s + c for s, c in items)
    return re.sub(r"^[\s,;.!?—–\-，；。！？、]+|^(?:but|and|though|yet)\s+|^(?:但是?|可是|不过)", "", text).strip()


def _np_ok(asst: Any, words: str) -> bool:
    """A bare noun phrase: no change, no number, no negation word."""
    w = words.strip()
    if not w or set(w.split()) & _NOT_WORDS or re.search(r"\d", w) and not re.fullmatch(_LETTER, w):
        return False
    r = read(normalize(w), asst.rules.vocab)
    return not r.actions and not r.numbers and not r.enums


def _paired(word: str, text: str) -> str:
    """A bare letter or number ("b") with the noun of its pair elsewhere in the ask ("line a" → "line b")."""
    w = re.sub(r"^(?:the|that|this)\s+", "", word.strip())
    if not re.fullmatch(_LETTER, w):
        return word
    for m in reversed(list(_PAIR.finditer(text))):
        if m.group("w") not in ("the", "and", "not", "but", "that", "this"):
            return f"{m.group('w')} {w}"
    return word


def split(asst: Any, utterance: str) -> Split | None:
    """The ask less its parts (module doc), or None when it has none or nothing else."""
    text = light(utterance)
    if not text or not _CUE.search(text):
        return None
    text = _PAST_FOR.sub(lambda m: m.group(1) or m.group(2), text)
    timed = text != light(utterance)
    items = _clauses(text)
    keep: list[tuple[str, str]] = []
    topics: set[int] = set()  # where a part left its topic in ``keep`` (蒸汽阀 of 蒸汽阀别全开): no command of its own
    parts: list[Part] = []
    i = 0
    while i < len(items):
        sep, raw = items[i]
        clause = raw.strip()
        part, topic = _part(asst, clause)
        if part is not None and part.what == NOT:
            nxt = items[i + 1][1].strip() if i + 1 < len(items) else ""
            m = (_MEANT_ZH if _is_zh(nxt) else _MEANT_EN).match(nxt)
            if nxt and m and _np_ok(asst, m.group("x")) and not _NOT_EN.match(nxt) and not _NOT_ZH.match(nxt):
                meant = _paired(m.group("x"), text)
                part = replace(part, obj=_paired(part.obj, text), meant=meant)
                parts.append(part)
                i += 2
                if not asst._refers(_join(keep + items[i:])) >= asst._refers(meant):
                    topics.add(len(keep))
                    keep.append((sep, meant))  # "not the valve, the pump — start it": the pump is the topic
                continue
            part = replace(part, obj=_paired(part.obj, text))
            if keep and _I_MEAN_EN.search(keep[-1][1]):  # "the main door lock i mean, not the siren"
                keep[-1] = (keep[-1][0], _I_MEAN_EN.sub("", keep[-1][1]))
        if part is None:
            keep.append((sep, raw))
        else:
            parts.append(part)
            if topic:
                topics.add(len(keep))
                keep.append((sep, topic))
        i += 1
    if not parts and not timed:
        return None
    if any(p.what == KEEP for p in parts):  # 水泵别动，我只要把蒸汽阀关上: "I only want", no condition
        keep = [(s, _ONLY_WANT_ZH.sub("", c.strip())) for s, c in keep]
    if any(p.what == BOUND for p in parts):  # "… not all the way, leave it at 5": the value, no clock time
        keep = [(s, re.sub(r"(?<![a-z])(?:leave|keep|hold)\s+(it|them)\s+at\s+(?=\d)", r"set \1 to ", c)) for s, c in keep]
    rest = _join(keep)
    said = [c for j, (_, c) in enumerate(keep) if j not in topics]
    if not rest or not any(re.search(r"[a-z0-9\u3400-\u9fff]", c) for c in said):
        return None  # nothing but the negated part and its topic ("don't stop conveyor a"): a bare negation
    return Split(rest, tuple(parts))


def _is_zh(text: str) -> bool:
    return bool(re.search(r"[\u3400-\u9fff]", text))


def _part(asst: Any, clause: str) -> tuple[Part | None, str]:
    """The part a clause is (and a topic it leaves), or (None, "")."""
    if not clause:
        return None, ""
    if _is_zh(clause):
        return _part_zh(asst, clause)
    for way, extent, pat in _BOUND_EN:
        m = pat.match(clause)
        if m:
            return Part(BOUND, way, extent, _obj(m)), _obj(m)  # "don't open the valve fully": the valve stays
    for way, pat in _SWITCH_EN:
        m = pat.match(clause)
        if m:
            return Part(SWITCH, way, None, _obj(m)), _obj(m)
    m = _KEEP_EN.match(clause)
    if m:
        obj = m.group("obj") or m.group("obj2") or m.group("obj3")
        return (Part(KEEP, obj=obj), "") if not _PRONOUN.fullmatch(obj) else (None, "")
    m = _TOO_EN.match(clause)
    if m and _names_device(asst, m.group("obj")):
        return Part(TOO, DOWN if m.group("st") in _TOO_DOWN else UP, obj=m.group("obj")), m.group("obj")
    if _REASON.match(clause):
        return Part(REASON), ""
    m = _ASIDE.match(clause)
    if m:
        return Part(REASON, obj=m.group("obj")), ""
    m = _NOT_EN.match(clause)
    if m and _np_ok(asst, m.group("y")):
        return Part(NOT, obj=m.group("y")), ""
    return None, ""


def _part_zh(asst: Any, clause: str) -> tuple[Part | None, str]:
    c = clause.strip(" .!。！")
    m = _KEEP_ZH.match(c)
    if m:
        obj = m.group("obj") or m.group("obj2")
        if obj and not _VERB_ZH.search(obj.replace("传送", "")) and asst._refers(obj):
            return Part(KEEP, obj=obj), ""
    for what, way, extent, pat in _ZH_RE:
        m = pat.search(c)
        if m:
            topic = c[:m.start()]
            if _VERB_ZH.search(topic) or (topic and not asst._refers(topic)):
                return None, ""
            return Part(what, way, extent, topic), topic
    m = _TOO_ZH.match(c)
    if m and not _VERB_ZH.search(m.group("obj")) and _names_device(asst, m.group("obj")):
        st = m.group("a") or m.group("b") or m.group("c")
        down = st in _TOO_DOWN and m.group("b") is None
        return Part(TOO, DOWN if down else UP, obj=m.group("obj")), m.group("obj")
    if _REASON.match(c):
        return Part(REASON), ""
    m = _NOT_ZH.match(c)
    if m and not _VERB_ZH.search(m.group("y")) and asst._refers(m.group("y")):
        return Part(NOT, obj=m.group("y")), ""
    return None, ""


def _names_device(asst: Any, words: str) -> bool:
    """Does a TOO report name a device or a kind ("the steam valve", 阀门), not a thing one acts on ("the smoke is way
    too high, fan on": a symptom's level, never the fan's)?"""
    return any(mn.kind in ("device", "kind") for mn in read(normalize(words), asst.rules.vocab).mentions)


def _obj(m: re.Match) -> str:
    obj = next((v for k, v in m.groupdict().items() if k.startswith("obj") and v), "")
    return "" if re.fullmatch(_PRON, obj) else obj


# -- the checks ---------------------------------------------------------------------------------------------------------
def _switches(meta: Any, params: dict, way: str) -> bool:
    """Does the command switch the device ``way`` (on/open/unlock for UP)?"""
    for name, value in params.items():
        cap = meta.capabilities.get(name)
        if cap is None or cap.type != "bool":
            continue
        if name in SWITCH_CAPS and bool(value) == (way == UP):
            return True
        if name == "locked" and bool(value) == (way == DOWN):
            return True
    return False


def _has_switch(meta: Any) -> bool:
    return any(c.type == "bool" and c.writable and (n in SWITCH_CAPS or n == "locked")
               for n, c in meta.capabilities.items())


def _amounts(meta: Any, params: dict) -> list[tuple[Any, float]]:
    out = []
    for name, value in params.items():
        cap = meta.capabilities.get(name)
        if cap is not None and cap.type in ("int", "float") and not isinstance(value, bool):
            out.append((cap, float(value)))
    return out


FITS, UNFIT, AGAINST, OPPOSITE = "fits", "unfit", "against", "opposite"
_TARGETS = ("HALF", "QUARTER", "THREE_QUARTERS")


def verdict(asst: Any, sp: Split, prop: Any) -> str:
    """FITS: the proposal (read from ``sp.rest``) does nothing the parts negate, and only what they allow; AGAINST: it
    does what a part negates (refused as such); OPPOSITE: it goes against the way a TOO report implies (refused
    as a contradiction); UNFIT: the parts do
    not bind it as this module reads them (the ask is read as before)."""
    if not prop.commands:
        return UNFIT
    devs = {c.device_id for c in prop.commands}
    rest_ways = direction_of(normalize(sp.rest))
    for p in sp.parts:
        named = set(asst._refers(p.obj)) if p.obj else set()
        if p.obj and not named and p.what != REASON:
            return UNFIT
        if p.what in (BOUND, SWITCH, TOO) and p.obj and not devs <= named:
            return UNFIT  # "don't stop conveyor a, stop conveyor b": the rest is about another device
        if p.what in (BOUND, SWITCH) and not p.obj and len(devs) != 1:
            return UNFIT  # "conveyor a, don't stop it, set conveyor b to 0": which one "it" is, is not plain
        if p.what in (NOT, KEEP) and (devs & named or _ALL.search(sp.rest) or named & set(asst._refers(sp.rest))):
            return UNFIT  # "turn off the lamps, not the desk lamp", "everything off: …": an exception (excepting.py);
            # "open the blinds, sorry, not the blinds, the valve": the rest still names it (corrections.py)
        if p.what == NOT and p.meant and not devs <= set(asst._refers(p.meant)):
            return UNFIT
        if p.what == REASON and named and (devs & named or _PRONOUN.search(sp.rest)):
            return UNFIT
        if p.what == TOO and (rest_ways - {p.way} or not _goes(asst, prop, p.way)):
            return OPPOSITE  # "the valve's too open, open it to 90": opposite ways
        if p.what == TOO and not rest_ways and not _moved(asst, prop, p.way):
            return UNFIT  # "the fan is too fast, set it to 90": which way 90 goes is not known here
        if p.what == BOUND and not any(n.value is not None or n.special in _TARGETS
                                       for n in read(normalize(sp.rest), asst.rules.vocab).numbers):
            return AGAINST  # a bound with no target: "don't open it fully, close it" says no amount
        for c in prop.commands:
            meta = asst.by_id.get(c.device_id)
            if meta is None:
                return UNFIT
            if p.what == SWITCH and (not _has_switch(meta) or _switches(meta, c.params, p.way)):
                return AGAINST
            if p.what == BOUND and not _bounded(meta, c.params, p, rest_ways):
                return AGAINST
    return FITS


def _goes(asst: Any, prop: Any, way: str) -> bool:
    for c in prop.commands:
        meta = asst.by_id.get(c.device_id)
        now = asst.current(c.device_id) if getattr(asst, "current", None) else None
        if meta is None or violation(meta, c.params, {way}, now) is not None:
            return False
    return True


def _moved(asst: Any, prop: Any, way: str) -> bool:
    """Does every command move its device ``way``, as far as the device's state (or the range's ends) tells?"""
    other = DOWN if way == UP else UP
    for c in prop.commands:
        meta = asst.by_id.get(c.device_id)
        now = asst.current(c.device_id) if getattr(asst, "current", None) else None
        if meta is None or violation(meta, c.params, {other}, now) is None:  # it goes against "other": it goes way
            return False
    return True


def _bounded(meta: Any, params: dict, p: Part, rest_ways: set[str]) -> bool:
    """A bounded amount: a number is set, and never the negated extreme (nor off, for an extreme down)."""
    amounts = _amounts(meta, params)
    if not amounts:
        return False
    if p.extent != FULL:
        return True
    ways = {p.way} if p.way else (rest_ways if len(rest_ways) == 1 else {UP, DOWN})
    if DOWN in ways and _switches(meta, params, DOWN):
        return False
    for cap, value in amounts:
        if cap.min is None or cap.max is None:
            return False
        if UP in ways and value >= float(cap.max):
            return False
        if DOWN in ways and value <= float(cap.min):
            return False
    return True


# -- the entry points -----------------------------------------------------------------------------------------------------
def negation_bounded(asst: Any, utterance: str, said: Any) -> Any:
    """``said`` (the ask read as said) unless: it is a double negative (refused); it proposes what a part of the ask
    negates (refused); or it is refused and the rest, read alone, is a proposal every part allows (that proposal).
    An ask with no such part keeps ``said``."""
    if len(utterance or "") > 500:
        return said
    dn = double_negative(utterance)
    if dn is not None:
        return asst._refuse(utterance, "unsupported",
                            f"'{dn}' is a double negative: say only what should happen, without a negation.",
                            f"“{dn}”是双重否定：请不用否定词，只说要做什么。")
    sp = split(asst, utterance)
    if sp is None:
        return said
    if said.ok:  # read as said by another rule ("fan to medium, keep it on"): kept, unless it does what is negated
        if _does_negated(asst, sp, said):
            return _against(asst, utterance)
        return _opposite(asst, utterance) if _too_far(asst, sp, said) else said
    prop = asst.understand(sp.rest)
    if not prop.ok:
        return said
    way = verdict(asst, sp, prop)
    if way in (AGAINST, OPPOSITE):
        return _against(asst, utterance) if way == AGAINST else _opposite(asst, utterance)
    if way != FITS:
        return said
    out = asst._gate(sp.rest, prop)
    if not out.ok:
        return said
    return replace(asst._relabel(utterance, out, out.layer), timing_ms=prop.timing_ms)


def _against(asst: Any, utterance: str) -> Any:
    """"don't open it fully, just 100 %", "set it to wail but don't sound it, and sound it": refused."""
    return asst._refuse(utterance, "unsupported", "That would do what the ask says not to do: say only what should "
                        "happen, with the value (e.g. \"open the steam valve to 20 %\").",
                        "这会做所说不要做的事：请只说要做什么，并说出数值（例如“把蒸汽阀开到20%”）。")


def _opposite(asst: Any, utterance: str) -> Any:
    """"the valve's too open, open it to 90", 阀门开得太小了，关到5: refused as a contradiction."""
    return asst._refuse(utterance, "unsupported", "The ask says the device is too far one way and then moves it "
                        "further that way: say which one should happen.",
                        "这句话说设备已经偏向一边，却又要它往同一方向再调：请说清楚要哪一个。")


def _too_far(asst: Any, sp: Split, prop: Any) -> bool:
    """Does a proposal read from the whole ask, or the rest's words, go further the way a TOO report says the device
    already is ("the blinds are too closed, close them to 10", "running too slow, bring it down to 30")?"""
    rest_ways = direction_of(normalize(sp.rest))
    for p in sp.parts:
        if p.what != TOO:
            continue
        named = set(asst._refers(p.obj))
        if not named & {c.device_id for c in prop.commands}:
            continue
        if rest_ways - {p.way} or not _goes(asst, replace(prop, commands=tuple(
                c for c in prop.commands if c.device_id in named)), p.way):
            return True
    return False


def _does_negated(asst: Any, sp: Split, prop: Any) -> bool:
    """Does a proposal read from the whole ask switch a device the way a part negates ("leave it running, and stop
    it"), or set an amount to the extreme a part negates ("don't open it fully, open it fully")?"""
    rest_ways = direction_of(normalize(sp.rest))
    for p in sp.parts:
        if p.what not in (SWITCH, BOUND) or (p.what == BOUND and p.extent != FULL):
            continue
        named = set(asst._refers(p.obj)) if p.obj else None
        for c in prop.commands:
            meta = asst.by_id.get(c.device_id)
            if meta is None or (named is not None and c.device_id not in named):
                continue
            if p.what == SWITCH and _switches(meta, c.params, p.way):
                return True
            if p.what == BOUND and _amounts(meta, c.params) and not _bounded(meta, c.params, p, rest_ways):
                return True
    return False


def spoken_rest(asst: Any, utterance: str, prop: Any) -> str:
    """The words the direction check reads: the rest, where the proposal is what this module allows for the ask;
    else the ask as said."""
    if not getattr(prop, "commands", None) or not _CUE.search(light(utterance)):
        return utterance
    sp = split(asst, utterance)
    return sp.rest if sp is not None and verdict(asst, sp, prop) == FITS else utterance
