"""Self-corrections inside one ask, and apologies that are only politeness (held-out 27).

"Please start the line B conveyor, oh wait, I mean stop it" had STARTED the conveyor and "let the sunshine in, no
wait, keep it out" had opened the blinds: the withdrawn part was read and the correction lost.  The class:

- **A correction marker after a command** ("sorry", "no sorry", "sorry no", "no wait", "oh wait", "I mean", "or
  rather", "scratch that", "my mistake", "make that", "correction", "never mind"; between punctuation only: "wait",
  "no", "nope", "actually", "rather", "hold on"; 不对, 说错了, 搞错了, 我是说, 我的意思是, 哦不, 不不, 更正, 算了; between
  punctuation only: 不是, 等等, 等一下, 应该是) withdraws the part before it: that part is never acted on.  The part
  after it is read on its own, with a pronoun (it / them / 它 / 它们) or a missing device put back as the object the
  withdrawn part named ("stop it" → "stop the line b conveyor"; "keep it out" → "keep the sunshine out"), a bare
  value replacing the withdrawn value ("set the office AC to 23, sorry no, 21 degrees" → "… to 21 degrees"), a bare
  device replacing the withdrawn device ("turn on the ceiling lamp, I mean the desk lamp").  The corrected ask is
  read by every layer as any ask (the model, when asked, gets only the corrected words), and the direction check
  (``Assistant.direction_problem``) reads the corrected words only.  A trailing "I mean" marks the clause it ends
  ("lock the front door, unlock it I mean").  Several corrections: the last one wins, read against the one before.
- **A correction that cannot be read confidently refuses the whole ask** ("you corrected yourself: say it again"),
  never falls back to the withdrawn part: a marker with nothing after it ("start conveyor b, oh wait"), a pronoun
  with no object to put back, a bare value where the withdrawn part had none or several, a withdrawn part of
  several commands (which one was taken back?), a corrected reading that changes a device the withdrawn part was
  not about.
- **An apology that is no correction is politeness**: "sorry to bother you", "sorry for the trouble", "sorry if
  this is wrong" (naming nothing of the fleet: never a condition), "excuse me", 打扰一下, and a bare "sorry" / 不好意思
  / 对不起 / 抱歉 / "actually" with no command before it (or, for an apology, nothing after it): dropped, never a
  device name.  "sorry if the pump is on, stop it" names a device: it stays a condition, refused.
- Ordinary words keep their meaning: "rather warm in here, set the AC to 21" (no command before "rather"), "wait 5
  minutes, …" (a delay), "no more steam", 等一下把灯关掉 (no punctuation around 等一下), "actually" before a
  remark that says no change ("turn on the desk lamp, actually it is quite dark" is read as before).

Pure: reads with the assistant's vocabulary and ``_refers``/``_clause_ways``; no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from console.core.assistant.clauses import split_clauses
from console.core.assistant.lexicon import CJK
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import AMBIGUOUS, Proposal, Refusal
from console.core.assistant.reader import read
from console.core.assistant.semantics import phrase_regex
from console.core.assistant.wording import t

HARD, SOFT, APOLOGY, WEAK = "hard", "soft", "apology", "weak"
_RANK = {WEAK: 0, APOLOGY: 1, SOFT: 2, HARD: 3}
_PUNCT = ",;:.!?。、—–…"

# every candidate marker word; what each one is (and where it may stand) is decided in _markers
_MARKER = re.compile(
    r"(?<![a-z'])(?P<en>(?:(?:oh|uh|um|er|erm|ah|hmm|no)\s+)?wait(?:\s+(?:no|sorry))?"
    r"|sorry\s+(?:for|about)\s+(?:the|that|my)\s+(?:confusion|mix-?up|mistake|error)"
    r"|(?:(?:oh|no|um|ah|uh)\s+)?sorry(?:\s+no)?|no(?:\s+no)+|nope|no|(?:my\s+)?apologies|excuse\s+me"
    r"|pardon(?:\s+me)?|(?:what\s+)?i\s+mean(?:t)?(?:\s+to\s+say|(?<=what\si\smean)\s+is|(?<=what\si\smeant)\s+was)?"
    r"|or\s+rather|rather|(?:scratch|strike|cancel|forget)\s+that|my\s+(?:mistake|bad)"
    r"|oops|whoops|correction|make\s+that|never\s*mind|actually|(?:hold|hang)\s+on|let\s+me\s+correct\s+(?:that|myself))"
    r"(?![a-z'])"
    r"|(?P<zh>不是[^,;:.!?。、]{1,12}[,;]\s*(?:而|应该)?是|不不+|不是不是|不对(?![劲称头付])|我?说错了|搞错了|弄错了|口误"
    r"|我是说|我是想说|我的意思是|[哦噢啊呃哎]不(?![是要用行能让许准必想再])"
    r"|更正一下|更正|纠正一下|算了吧?|不是|等等|等一下|等一等|慢着|对不起|抱歉|不好意思"
    r"|应该是(?=\s*[\d零〇一二两三四五六七八九十百]))")  # 应该是 is also "probably" (应该是开着的): a value only
# markers that need punctuation (or the start) on their left, and on their right too ("open the blinds, wait, …")
_LEFT_PUNCT = {"wait", "no", "nope", "rather", "actually", "make that", "correction", "hold on", "hang on", "不是", "等等",
               "等一下", "等一等", "慢着", "应该是", "excuse me", "pardon", "pardon me",
               "算了", "算了吧"}  # 把灯关了算了: "just switch it off", no withdrawal
_RIGHT_PUNCT = {"wait", "no", "nope", "hold on", "hang on", "不是", "等等", "等一下", "等一等", "慢着"}
_APOLOGIES = {"sorry", "oh sorry", "um sorry", "ah sorry", "uh sorry", "apologies", "my apologies", "excuse me", "pardon",
              "pardon me", "对不起", "抱歉", "不好意思"}
# "rather" is a correction only before a value ("set it to 23, rather 21") or on its own ("…, rather, close them")
_RATHER_OK = re.compile(r"\s*(?:[" + _PUNCT + r"]|\d|$)")

# politeness, never a part: "sorry to bother you", "sorry for the trouble", 打扰一下
_POLITE = re.compile(
    r"(?<![a-z'])(?:(?:i'?m|i\s+am|so|really|very|terribly|awfully)\s+)*(?:sorry|apologies|my\s+apologies)\s+"
    r"(?:to\s+(?:bother|trouble|disturb|interrupt|pester|bug|ask)(?:\s+(?:you|you\s+guys|y'?all|again|this))*"
    r"|for\s+(?:the\s+|any\s+|this\s+|all\s+the\s+)?(?:trouble|bother|interruption|inconvenience|hassle|late\s+notice|"
    r"short\s+notice|late\s+request|(?:bothering|troubling|disturbing|interrupting|pestering)(?:\s+you)?|asking"
    r"(?:\s+again)?))(?![a-z'])"
    r"|(?<![a-z'])(?:excuse\s+me|pardon\s+me)(?=\s*[" + _PUNCT + r"])"
    r"|(?<![a-z'])i\s+mean\s+it(?=\s*(?:[" + _PUNCT + r"]|$))"  # "stop the pump, i mean it": emphasis
    r"|(?:不好意思|对不起|抱歉)?(?:打扰(?:一下|了|您了?|你了?)|麻烦(?:您|你)了)")
# "sorry if this is wrong": politeness when what follows "if" names nothing of the fleet (checked in _polite)
_SORRY_IF = re.compile(r"(?<![a-z'])(?:(?:i'?m|i\s+am|so|really|very)\s+)*(?:sorry|apologies)\s+if\s+"
                       r"(?P<rest>[^" + _PUNCT + r"]*)")
_TRAILING_MEAN = re.compile(r"(^|[" + _PUNCT + r"]\s*)([^" + _PUNCT + r"]*?[^\s" + _PUNCT + r"])\s+i\s+mean(?:t)?"
                            r"(?=\s*(?:[" + _PUNCT + r"]|$))")
_ANY = re.compile(r"sorry|wait|no|actually|rather|mean|scratch|strike|cancel|forget|mistake|bad|oops|correction|"
                  r"make that|never|hold on|hang on|apolog|excuse|pardon|correct|不|说错|搞错|弄错|口误|我是|意思|更正|纠正|"
                  r"算了|等|慢着|应该是|对不起|抱歉|打扰|麻烦")

# a pronoun for the withdrawn part's object ("stop it", "close them", 让它循环起来); "it's too sunny" is a remark
_PRONOUN_EN = re.compile(r"(?<![a-z'])(?:it|them|those|these|this\s+one|that\s+one|the\s+same\s+one)(?![a-z'])"
                         r"(?!\s*(?:'s|is|was|isn't|wasn't|'ll|will)(?![a-z]))")
_PRONOUN_ZH = re.compile(r"它们|它")
# words around the corrected part that say nothing of their own
_LEAD_EN = re.compile(r"^(?:(?:just|then|please|instead|so|ok|okay|um|uh|er|well|and)\s+)+")
_TAIL_EN = re.compile(r"(?:\s+(?:instead|please|then|thanks|thank\s+you))+\s*[.!]*$")
_LEAD_ZH = re.compile(r"^(?:还是|那就|就是|就|那|是|请|要|改成|改为)+")
_TAIL_ZH = re.compile(r"(?:吧|啊|呀|哦|才对)+[。.!]*$")
_SWITCH_FIRST = re.compile(r"^(?:on|off|up|down|open|closed|shut|locked|unlocked)(?![a-z])")
_VALUE_LEAD = re.compile(r"^(?:(?:to|at|more\s+like|like|say|make\s+it|set\s+it\s+to|调到|设为|设到|开到|调成|改成|改为|到)\s*)+")
_BARE_NUMBER = re.compile(r"(\d+(?:\.\d+)?)|[零〇一二两三四五六七八九十百点]+")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_CN_DIGITS = re.compile(r"[零〇一二两三四五六七八九十百点]+")
# a part that adds to the ask ("actually, turn on the fan too", 另外…): no correction of the part before
_ADDS = re.compile(r"(?<![a-z])(?:too|also|as\s+well|in\s+addition)(?![a-z])|也|还要|另外|同时|顺便")
_SUBJECT = re.compile(r"(?<![a-z'])(?:it|i|we|they|he|she|you|that|this|there|everyone|everybody|is|are|was|were|am|"
                      r"can'?t|cannot)(?![a-z])|'s|'re|'m|^(?:我|你|他|她|这|那|天|外面|屋里|大家|现在|今天)")
_NUMERAL = re.compile(r"[\d零〇一二两三四五六七八九十百]")
_ARTICLE = re.compile(r"(?:the|this|that|my|our)\s+$")


@dataclass(frozen=True)
class Correction:
    text: str | None  # the ask to read instead (None: refuse)
    withdrawn: str = ""  # what was taken back ("" when only politeness was dropped)
    devices: frozenset[str] | None = None  # the corrected reading may change only these (None: any the ask names)


def _says(asst: Any, text: str) -> bool:
    """Does a piece of an ask command something: a change read, or a way (its words, its kinds' words)?"""
    text = text.strip(" " + _PUNCT)
    if not text:
        return False
    return read(text, asst.rules.vocab).has_change or bool(asst._clause_ways(text))


def _names_nothing(asst: Any, text: str) -> bool:
    """A piece that names no device, kind, place, thing or value and says no change or way."""
    text = text.strip(" " + _PUNCT)
    if not text:
        return True
    r = read(text, asst.rules.vocab)
    return not (r.mentions or r.has_change or r.loose_numbers or re.search(r"\d", text) or asst._refers(text)
                or asst._clause_ways(text))


def _clean(text: str) -> str:
    text = re.sub(r"\s*([,;:])\s*(?:[,;:]\s*)+", r"\1 ", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,;:、")


def _polite(asst: Any, text: str) -> str:
    """The ask less its politeness forms; a clause left with nothing of the fleet ("i'm new here so") goes too."""
    spans = [m.span() for m in _POLITE.finditer(text)]
    spans += [m.span() for m in _SORRY_IF.finditer(text) if _names_nothing(asst, m.group("rest"))]
    if not spans:
        return text
    out, last = [], 0
    for a, b in sorted(spans):
        if a < last:
            continue
        # the whole clause around it, when the rest of that clause says nothing ("i'm new here so sorry if …")
        lo = max(text.rfind(p, 0, a) for p in _PUNCT) + 1
        hi = min([i for i in (text.find(p, b) for p in _PUNCT) if i >= 0] or [len(text)])
        lo = max(lo, last)
        if _names_nothing(asst, text[lo:a] + " " + text[b:hi]):
            a, b = lo, hi
        out.append(text[last:a])
        last = b
    out.append(text[last:])
    joined = ", ".join(p.strip(" ") for p in out if p.strip(" " + _PUNCT))
    return _clean(re.sub(r"^\s*(?:but|and|so)\s+", "", joined))


def _markers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, class) of the correction markers in an ask, adjacent ones merged ("oh wait, i mean")."""
    found: list[tuple[int, int, str]] = []
    for m in _MARKER.finditer(text):
        word = re.sub(r"\s+", " ", m.group(0))
        before = text[:m.start()].rstrip()
        after = text[m.end():]
        left_punct = not before or before[-1] in _PUNCT or before.endswith(" -")
        right_punct = not after.strip() or after.lstrip()[0] in _PUNCT
        if word in _LEFT_PUNCT and not left_punct:
            continue
        if word in _RIGHT_PUNCT and not right_punct:
            continue
        if word == "rather" and not _RATHER_OK.match(after):
            continue
        if word == "算了" and after[:1] == "一":  # 算了一下: "worked it out"
            continue
        if word in _APOLOGIES:
            kind = APOLOGY
        elif word in ("actually", "rather", "应该是"):
            kind = SOFT
        elif word in _LEFT_PUNCT:
            kind = WEAK
        else:
            kind = HARD
        if found and not text[found[-1][1]:m.start()].strip(" " + _PUNCT):
            a, _b, k = found[-1]
            found[-1] = (a, m.end(), k if _RANK[k] >= _RANK[kind] else kind)
        else:
            found.append((m.start(), m.end(), kind))
    return found


def _object(asst: Any, clause: str) -> tuple[int, int] | None:
    """Where the withdrawn clause names what it acts on: its names (device, kind, place), else the longest thing of
    a kind the fleet has ("the sunshine", 冷却水); None when it names nothing."""
    r = read(clause, asst.rules.vocab)
    spans = [(mn.start, mn.end) for mn in r.mentions if mn.kind in ("device", "kind", "zone", "any")]
    if spans:
        a, b = min(s for s, _ in spans), max(e for _, e in spans)
    else:
        best: tuple[int, int] | None = None
        kinds = {m.kind for m in asst.metas}
        phrases = [p for k, km in asst.meaning.kinds.items() if k in kinds for p in km.things]
        phrases += [p for ws in asst.meaning.device_things.values() for p in ws]
        for p in phrases:
            if "..." in p or p.split()[0] not in clause and not CJK.search(p):
                continue
            m = phrase_regex(p).search(clause)
            if m and (best is None or m.end() - m.start() > best[1] - best[0]):
                best = m.span()
        if best is None:
            return None
        a, b = best
    art = _ARTICLE.search(clause[:a])
    return (art.start() if art else a), b


def _value_span(asst: Any, clause: str) -> tuple[int, int] | None:
    """Where the withdrawn clause says its one value (a number with its unit, or a setting word); None unless one."""
    r = read(clause, asst.rules.vocab)
    said = [n.text for n in r.numbers if n.text] + list(r.enums)
    if len(said) != 1 or len(r.numbers) + len(r.enums) != 1:
        return None
    i = clause.rfind(said[0])
    return (i, i + len(said[0])) if i >= 0 else None


def _bare_value(asst: Any, text: str) -> str | None:
    """The value a corrected part says alone ("21 degrees", "to 40 rpm", "low", 二十一度), or None."""
    rest = _VALUE_LEAD.sub("", text.strip())
    r = read(rest, asst.rules.vocab)
    if not (r.numbers or r.enums) or r.actions or r.mentions or r.loose_numbers or len(r.numbers) + len(r.enums) != 1:
        return None
    said = r.numbers[0].text if r.numbers else r.enums[0]
    left = rest.replace(said, " ", 1).strip(" " + _PUNCT) if said and said in rest else rest
    return rest if not left else None


def _resolve(asst: Any, withdrawn: str, said: str) -> Correction:
    """The ask that ``said`` (after a marker) means, read against the withdrawn part before it."""
    refuse = Correction(None, withdrawn)
    commands = [p for p in split_clauses(withdrawn) if _says(asst, p)]
    named = [p for p in split_clauses(withdrawn) if not _names_nothing(asst, p)]
    if len(commands) != 1 or len(named) > 1:
        return refuse  # "turn on the lamp and open the blinds, no wait, close them": which part was taken back?
    before = commands[0]
    zh = bool(CJK.search(said))
    parts = split_clauses(said)
    first, rest = parts[0], parts[1:]
    first = (_LEAD_ZH if zh else _LEAD_EN).sub("", first).strip()
    first = (_TAIL_ZH if zh else _TAIL_EN).sub("", first).strip()
    tail = "".join((", " + p) for p in rest)
    also = frozenset().union(*(asst._refers(p) for p in rest))  # "…, close them and turn off the desk lamp"
    if not first or _ADDS.search(first):  # "…, no wait, turn on the fan too": taken back, or added to?
        return refuse
    pron = (_PRONOUN_ZH if zh else _PRONOUN_EN).search(first)
    own = asst._refers(_PRONOUN_EN.sub(" ", first) if not zh else first)
    if pron is not None:  # "stop it", "close them", 让它循环起来: the withdrawn part's object
        span = _object(asst, before)
        if span is None:
            return refuse
        obj = before[span[0]:span[1]].strip()
        if asst._refers(obj) != asst._refers(before) or not asst._refers(before):
            return refuse
        text = first[:pron.start()] + obj + first[pron.end():]
        return Correction(_clean(text + tail), withdrawn, also | asst._refers(before))
    if own and _says(asst, first):  # "no wait, stop conveyor b": says it all
        return Correction(_clean(first + tail), withdrawn)
    value = _bare_value(asst, first)
    number = _BARE_NUMBER.fullmatch(_VALUE_LEAD.sub("", first))
    if (value is not None or number is not None) and not own:  # "sorry no, 21 degrees": the one value replaced
        span = _value_span(asst, before)
        if span is None:
            return refuse
        if value is None:  # "set the AC to 23. correction: 21": the number only, the unit kept
            said = before[span[0]:span[1]]
            runs = list((_DIGITS if number.group(1) else _CN_DIGITS).finditer(said))  # type: ignore[union-attr]
            if len(runs) != 1:
                return refuse
            value = said[:runs[0].start()] + number.group(0) + said[runs[0].end():]  # type: ignore[union-attr]
        text = before[:span[0]] + value + before[span[1]:]
        return Correction(_clean(text + tail), withdrawn, also | asst._refers(before))
    if not own and _says(asst, first):  # "no wait, close", 不对，关上: the withdrawn part's object
        span = _object(asst, before)
        if span is None or not asst._refers(before):
            return refuse
        obj = before[span[0]:span[1]].strip()
        if zh:
            text = obj + first
        else:
            text = f"{obj} {first}" if _SWITCH_FIRST.match(first) else f"{first} {obj}"
        return Correction(_clean(text + tail), withdrawn, also | asst._refers(before))
    if own and _noun_only(asst, first):  # "turn on the ceiling lamp, i mean the desk lamp": that device instead
        r = read(before, asst.rules.vocab)
        spans = [(mn.start, mn.end) for mn in r.mentions if mn.kind in ("device", "kind", "zone", "any")]
        if not spans:
            return refuse
        a, b = min(s for s, _ in spans), max(e for _, e in spans)
        text = before[:a] + re.sub(r"^(?:the|my|our)\s+", "", first) + before[b:]
        return Correction(_clean(text + tail), withdrawn, also | own)
    return refuse


def _remark(asst: Any, text: str) -> bool:
    """A sentence about the situation ("it is quite dark", "i'm in a hurry", 我有点急) that names no device, kind or
    place, says no value and asks no change; a bare noun ("the printer") is a device the fleet lacks, not a remark."""
    r = read(text, asst.rules.vocab)
    return bool(_SUBJECT.search(text)) and not (r.mentions or r.numbers or r.enums or r.loose_numbers
                                                or _NUMERAL.search(text) or _says(asst, text))


def _noun_only(asst: Any, text: str) -> bool:
    """A corrected part that is only a name ("the desk lamp", 是台灯): names, articles, nothing else."""
    r = read(text, asst.rules.vocab)
    if r.has_change or not r.mentions or asst._clause_ways(text):
        return False
    work = list(text)
    for mn in r.mentions:
        work[mn.start:mn.end] = " " * (mn.end - mn.start)
    left = re.sub(r"(?<![a-z])(?:the|a|an|one|ones|my|our|please)(?![a-z])|[的是那个这就]", " ", "".join(work))
    return not left.strip(" " + _PUNCT)


def _name_withdrawn(asst: Any, before: str, said: str, kind: str) -> bool:
    """Session 9: "the desk lamp no sorry the ceiling lamp turn it off", "the desk lamp, no, the ceiling lamp …", 台灯不对，
    顶灯关掉, 台灯哦不顶灯关了: a part that names devices and says no change, then a correction naming other devices
    of its own — the first name is taken back (it had been switched off too).  An apology only after a bare name."""
    before = before.strip(" " + _PUNCT)
    if not before or kind == APOLOGY and not _noun_only(asst, before):
        return False
    r = read(before, asst.rules.vocab)
    if not any(mn.kind in ("device", "kind") for mn in r.mentions) or r.numbers or r.enums:
        return False
    if re.match(r"\s*(?:and|plus|with|和|跟|还有|以及)(?![a-z])", said):
        return False  # "the desk lamp, sorry, and the ceiling lamp, turn them off": one more, nothing taken back
    own = asst._refers(_PRONOUN_ZH.sub(" ", _PRONOUN_EN.sub(" ", said)))
    return bool(own) and own != asst._refers(before) and not _ADDS.search(said)


def _clarifies(asst: Any, before: str, said: str) -> bool:
    """Session 9: "…, the cooling one i mean", "…，我是说冷却泵": a name alone (its "one" standing for the kind word of
    the part before) for exactly the devices the part before is about — a clarification, nothing taken back."""
    text = said.strip(" " + _PUNCT)
    about = asst._refers(before)
    if not about or not text:
        return False
    r = read(before, asst.rules.vocab)
    words = [before[mn.start:mn.end] for mn in r.mentions if mn.kind == "kind"]
    for cand in [text] + [re.sub(r"(?<![a-z])ones?(?![a-z])", w, text) for w in words]:
        if _noun_only(asst, cand) and asst._refers(cand) == about:
            return True
    return False


def correction(asst: Any, utterance: str) -> Correction | None:
    """The ask a self-corrected or merely polite ask means (or a refusal), None when it is neither."""
    text = normalize(utterance or "")
    if not _ANY.search(text):
        return None
    text = _TRAILING_MEAN.sub(lambda m: f"{m.group(1)}i mean {m.group(2)}", text)
    polite = _polite(asst, text)
    marks = _markers(polite)
    if not marks:
        return Correction(polite) if polite != normalize(utterance or "") else None
    acc = polite[:marks[0][0]]
    withdrawn = ""
    devices: frozenset[str] | None = None
    for i, (a, b, kind) in enumerate(marks):
        after = polite[b:marks[i + 1][0] if i + 1 < len(marks) else len(polite)]
        after_ = after.strip(" " + _PUNCT)
        if not _says(asst, acc) and after_ and _name_withdrawn(asst, acc, after_, kind):
            # "the desk lamp no sorry the ceiling lamp turn it off", 台灯不对，顶灯关掉: the name said first is taken back
            withdrawn, devices, acc = acc.strip(" " + _PUNCT), None, after_
            continue
        if not _says(asst, acc):  # "sorry, turn on the lamp", "actually, close the blinds": nothing to correct
            acc = _clean(acc + ", " + after_) if acc.strip(" " + _PUNCT) else after_
            continue
        if kind != APOLOGY and after_ and _clarifies(asst, acc, after_):
            # "the pump - turn it on and set it to 20? the cooling one i mean": the same device, named better
            continue
        if kind == APOLOGY and (not after_ or _remark(asst, after_)):  # "turn on the lamp, sorry (i'm in a hurry)"
            acc = _clean(acc + (", " + after_ if after_ else ""))
            continue
        if not after_:  # "start conveyor b, oh wait": taken back, nothing said instead
            return Correction(None, acc.strip(" " + _PUNCT))
        got = _resolve(asst, acc.strip(" " + _PUNCT), after_)
        if got.text is None and kind in (SOFT, APOLOGY) and (_remark(asst, after_) or _ADDS.search(after_)):
            # "turn on the desk lamp, actually it is quite dark": a remark, not a correction (read as it was said)
            acc = acc + polite[a:b] + after
            continue
        if got.text is None:
            return got
        withdrawn = got.withdrawn
        devices = got.devices
        acc = got.text
    acc = _clean(acc)
    if acc == normalize(utterance or ""):
        return None
    return Correction(acc, withdrawn, devices)


def corrected_words(asst: Any, utterance: str) -> str:
    """The words the direction check reads: the corrected ask, else the ask itself."""
    got = correction(asst, utterance)
    return got.text if got is not None and got.text else utterance


def corrected(asst: Any, utterance: str) -> Proposal | None:
    """The proposal for a self-corrected (or merely polite) ask, read from the corrected words only; a refusal
    when the correction cannot be read; None when the ask has neither."""
    got = correction(asst, utterance)
    if got is None:
        return None
    lang = "zh" if CJK.search(utterance or "") else "en"
    if got.text is None or correction(asst, got.text) is not None:
        return _refused(utterance, lang, got.withdrawn, "")
    prop = asst.understand(got.text)
    if not got.withdrawn:  # politeness only
        return replace(prop, utterance=utterance)
    if prop.refusal is not None:
        return _refused(utterance, lang, got.withdrawn, prop.refusal.reason)
    if got.devices is not None and any(c.device_id not in got.devices for c in prop.commands):
        return _refused(utterance, lang, got.withdrawn, "")  # the correction must stay on what was withdrawn
    return replace(prop, utterance=utterance)


def _refused(utterance: str, lang: str, withdrawn: str, why: str) -> Proposal:
    en = (f"You corrected yourself ('{withdrawn}' is taken back), and the correction could not be read"
          + (f": {why}" if why else ".") + " Nothing was proposed: say the whole ask again.")
    zh = (f"您更正了说法（“{withdrawn}”已撤回），但更正后的内容无法确定" + (f"：{why}" if why else "。")
          + "没有提出任何操作：请把要求完整地重新说一遍。")
    return Proposal(utterance, lang, (), Refusal(AMBIGUOUS, t(lang, en, zh)), "rules")
