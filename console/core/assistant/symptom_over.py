"""A problem that is over is no reason to start anything (session 9, harms found blind).

一号线气味散了，排风可以停了 ("the smell on line A has cleared, the extraction can stop") switched the fan ON: 气味 (smell)
is what the fan takes away, and the fan's default way is "up", so the clause saying the smell is *gone* read as "there
is a smell: run the fan".  "fumes on line A are gone, you can stop the extraction" was refused (up and down at once),
and 一号线烟散了 / "the smoke on line A has cleared" / "the smell is gone" alone each switched the fan on.

A clause that says a nuisance a device takes away is over — a kind's ``removes`` or ``feelings`` words, the things
of a kind whose default is "up" and that declares no ``removes`` (a lamp's darkness), or semantics.ABSENCES — followed
by a word that it ended (English "is/are/has … gone / cleared (up) / over / dissipated / died down / went away /
disappeared / faded", Chinese 散了 / 没了 / 没有了 / 好了 / 消失了 / 退了 / 过去了 / 干净了 / 淡了 / 少了 / 小了, or
没(有)<nuisance>了, or 不/不再/没那么<nuisance>了: 一号线不臭了, 不呛了, 没味了), with nothing before the nuisance but a place and determiners, is a situation:

- alone (every other clause chatter) it asks for nothing: refused as nothing to do, never "run the fan";
- beside a command it says why: the clause is read as its place only ("line a, you can stop the extraction"), the
  rest as any ask, and a proposal that switches on, opens or raises a device of the nuisance's kind is refused (the
  problem is over; "the smoke is gone, turn the fan on" says both ways).

A command that names the nuisance ("clear the smoke", "get the fumes cleared") is no such clause (something stands
before the nuisance).  Pure: reads with the assistant (duck-typed: ``understand``, ``meaning``, ``rules``, ``by_id``,
``current``, ``_refuse``); no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from console.core.assistant.clauses import is_chatter
from console.core.assistant.direction import DOWN, violation
from console.core.assistant.lexicon import CJK
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import NOTHING_ACTIONABLE
from console.core.assistant.reader import read
from console.core.assistant.semantics import ABSENCES, phrase_regex

# clause boundaries (kept: the pieces are joined again)
_CUT = re.compile(r"\s*(?:[,;:，；：。!！?？]|\.(?:\s|$)|—|\s-\s)\s*|\s+(?:so|and\s+so|and)\s+")
_GONE_EN = re.compile(
    r"(?:(?<![a-z'])(?:(?:is|are|was|were|has|have|had)\s+)?|'(?:s|re)\s+)(?:been\s+)?(?:(?:all|completely|finally|now|mostly|"
    r"pretty\s+much|totally|fully|already|just)\s+)*(?:gone(?:\s+away)?|cleared(?:\s+(?:up|out|away|off))?|"
    r"dissipated|disappeared|died\s+down|went\s+away|faded(?:\s+away)?|over|passed|subsided|vanished)(?![a-z])")
_GONE_ZH = re.compile(r"^(?:味儿|味|气)?(?:都|也|已经|已|基本|基本上|差不多|全|全部|早就|终于|总算)*(?:散了|散掉了|散去了|散开了|散尽了|散完了|没了|"
                      r"没有了|好了|消失了|退了|过去了|干净了|排完了|排干净了|排掉了|走了|淡了|少了|小了|消了|下去了|不见了)"
                      r"(?:吧|啦|呢|了|哈)*$")
_NONE_ZH = re.compile(r"^(?P<pre>.*?)(?:已经|都)?没(?:有)?(?P<what>.+?)了(?:吧|啦|呢|哈)*$")
# 一号线不臭了, 不呛了, 没那么闷了: the nuisance's adjective negated with 了 (it no longer is), session 10
_NOT_ZH = re.compile(r"^(?P<pre>.*?)(?:已经|都|也|终于|总算|基本|基本上)?(?:不再|不|没那么|没有那么|不那么)(?P<what>.+?)了"
                     r"(?:吧|啦|呢|哈)*$")
# a nuisance's other Chinese words → the catalog word it is one of (呛 is smoke's, 味 a smell's)
_ZH_ALSO = {"呛": "烟", "呛人": "烟", "烟味": "气味", "味": "气味", "味儿": "气味", "异味": "气味", "臭味": "气味"}
# what may stand before the nuisance in such a clause: determiners and places
_DET_EN = re.compile(r"(?<![a-z])(?:the|all|that|this|those|these|any|our|of|on|in|at|from|over|around|up|now|ok|okay|"
                     r"well|good|news|so|'s|s)(?![a-z])")
_DET_ZH = re.compile(r"的|里|上|那边|这边|现在|目前|那|这|个")
_TAIL_EN = re.compile(r"(?<![a-z])(?:now|already|on|in|at|from|of|over|around|the|there|here|again|finally|thankfully|"
                      r"completely|mostly)(?![a-z])")

# "the air on line A's clear now": the air, as a kind's thing ("air"), said clear again (an adjective after a copula,
# never the fan's verb "clear")
_CLEAR_EN = re.compile(r"(?:(?<![a-z'])(?:is|are|was|has\s+been|have\s+been)\s+|'s\s+)(?:(?:all|now|finally|much|"
                       r"completely|nice\s+and|already)\s+)*(?:clear|clean|fresh|fine|good|ok|okay|better|breathable)"
                       r"(?![a-z])")
_AIRS_EN = ("air", "fresh air")
# "line A smells fine now" (session 12, blind set 80): the smell said as a verb, fine again (never "there is a smell")
_FINE_EN = re.compile(r"(?<![a-z'])(?:(?:all|now|much|completely|pretty|totally|perfectly)\s+)*(?:fine|ok|okay|good|normal|"
                      r"better|alright|all\s+right|clean|fresh)(?:\s+again)?(?![a-z])")
_FINE_VERBS = ("smells", "smell", "stinks", "stink")
# a bare "over" that places the nuisance ("smoky over on line A", "smoke over there"), no end of it
_OVER_THERE = re.compile(r"\s+(?:on|in|at|by|near|there|here|around|at)(?![a-z])")


class _Over:
    __slots__ = ("place", "kinds")

    def __init__(self, place: str, kinds: set[str]) -> None:
        self.place, self.kinds = place, kinds


_NONE = _Over("", set())


def _nuisances(meaning: Any) -> dict[str, set[str]]:
    """nuisance word → the kinds that take it away."""
    out: dict[str, set[str]] = {}
    for kind, km in meaning.kinds.items():
        words = set(km.removes) | set(km.feelings)
        if km.default == "up" and not km.removes:
            words |= set(km.things)
        for w in words:
            if "..." not in w:
                out.setdefault(w, set()).add(kind)
    for w in ABSENCES:
        out.setdefault(w, set())
    return out


def _airs(asst: Any) -> dict[str, set[str]]:
    """The air words (_AIRS_EN) → the kinds whose things they are and whose default is "up" (built once)."""
    table = getattr(asst, "_air_table", None)
    if table is None:
        table = {}
        for kind, km in asst.meaning.kinds.items():
            for w in _AIRS_EN:
                if km.default == "up" and w in km.things:
                    table.setdefault(w, set()).add(kind)
        asst._air_table = table
    return table


def _table(asst: Any) -> dict[str, set[str]]:
    """The assistant's nuisance words, built once (an attribute set on first use: a rebuild is harmless)."""
    table = getattr(asst, "_nuisance_table", None)
    if table is None:
        table = _nuisances(asst.meaning)
        for also, word in _ZH_ALSO.items():
            if word in table and also not in table:
                table[also] = set(table[word])
        asst._nuisance_table = table
    return table


def only_place(asst: Any, words: str, rx: re.Pattern) -> str | None:
    """``words`` as a place (the text to keep), "" when it is nothing, None when it says something else."""
    if not words.strip(" ,"):
        return ""
    r = read(words, asst.rules.vocab)
    places = [mn for mn in r.mentions if mn.kind == "zone"]
    if any(mn.kind != "zone" for mn in r.mentions):
        return None
    left = list(words)
    for mn in places:
        left[mn.start:mn.end] = " " * (mn.end - mn.start)
    rest = asst._zone_numbers(asst.ordinals.rewrite("".join(left)))  # "line 2", 二号线 read as the zone's name
    if rest != "".join(left):
        r2 = read(rest, asst.rules.vocab)
        if any(mn.kind != "zone" for mn in r2.mentions):
            return None
        spans = [mn for mn in r2.mentions if mn.kind == "zone"]
        work = list(rest)
        for mn in spans:
            work[mn.start:mn.end] = " " * (mn.end - mn.start)
        if spans and not rx.sub(" ", "".join(work)).strip(" ,'"):
            return words.strip(" ,")
    if rx.sub(" ", "".join(left)).strip(" ,'"):
        return None
    return " ".join(words[mn.start:mn.end] for mn in places)


def over_clause(asst: Any, clause: str) -> _Over | None:
    """How a clause says a nuisance is over (its place, the kinds that take the nuisance away), or None."""
    c = clause.strip(" .!?。！？")
    if not c:
        return None
    table = _table(asst)
    zh = bool(CJK.search(c))
    words = [(w, k, _GONE_EN) for w, k in table.items()] + [(w, k, _CLEAR_EN) for w, k in _airs(asst).items()] \
        + [(w, table[w], _FINE_EN) for w in _FINE_VERBS if w in table]
    for word, kinds, gone_en in words:
        if word not in c or bool(CJK.search(word)) != zh:
            continue
        if zh:
            for at in [m.start() for m in re.finditer(re.escape(word), c)]:
                after = c[at + len(word):]
                if _GONE_ZH.match(after):
                    place = only_place(asst, c[:at], _DET_ZH)
                    if place is not None:
                        return _Over(place, set(kinds))
            for rx in (_NONE_ZH, _NOT_ZH):
                m = rx.match(c)
                if m and m.group("what") == word:
                    place = only_place(asst, m.group("pre"), _DET_ZH)
                    if place is not None:
                        return _Over(place, set(kinds))
            continue
        for m in phrase_regex(word).finditer(c):
            for g in gone_en.finditer(c, m.end()):  # "the smoke over line 1 is gone": not the first "over"
                if g.group().strip() == "over" and _OVER_THERE.match(c, g.end()):
                    continue  # "smoky over on line A": smoky over there, not "the smoke is over"
                parts = [only_place(asst, c[:m.start()], _DET_EN), only_place(asst, c[m.end():g.start()], _TAIL_EN),
                         only_place(asst, c[g.end():], _TAIL_EN)]  # before it, between it and "gone", after
                if all(x is not None for x in parts):
                    return _Over(" ".join(x for x in parts if x), set(kinds))
    return None


def _placed(clause: str, place: str, zh: bool) -> str:
    """``clause`` said in ``place`` (the over clause's place: "stop the fan" → "stop the fan on line b", 关掉风机 →
    二号线关掉风机), so the place still bounds the command (a place in a clause of its own would not)."""
    if zh:  # "line a 的烟散了, fan off": "line a fan off", never "line afan off" (session 12, code-switched)
        place = re.sub(r"\s*的$", "", place)
        return place + (" " if re.search(r"[a-z0-9]$", place) and re.match(r"[a-z0-9]", clause) else "") + clause
    place = re.sub(r"'s$", "", place.strip())
    return f"{clause} {place}" if re.match(r"(?:on|in|at|over|from|around)\s", place) else f"{clause} on {place}"


def symptom_over(asst: Any, text: str, utterance: str) -> Any | None:
    """The proposal for a (normalised) ask with a clause saying a nuisance is over; None when it has none."""
    if not text or not any(w in text for w in (*_table(asst), *_airs(asst))):
        return None
    pieces = [p for p in _CUT.split(text) if p and p.strip(" .!?。！？")]
    overs = [(p, over_clause(asst, p)) for p in pieces]
    if not any(o is not None for _, o in overs):
        return None
    zh = bool(CJK.search(text))
    rest = [p for p, o in overs if o is None and not is_chatter(p, asst._refers(p))]
    if not rest:
        return asst._refuse(utterance, NOTHING_ACTIONABLE,
                            "That says a problem is over, not what should happen: say what to do (e.g. \"turn off "
                            "the exhaust fan\").", "这说的是问题已经没有了，不是要做什么：请说要做什么（例如“把排风扇关掉”）。")
    kinds = {k for _, o in overs if o is not None for k in o.kinds}
    out = [p.strip() for p, o in overs if o is None]
    at = [i for i, (_, o) in enumerate(overs) if o is None]  # where each kept clause was
    for i, (_, o) in enumerate(overs):
        if o is None or not o.place:
            continue
        j = min(range(len(at)), key=lambda k: (at[k] < i, abs(at[k] - i)))  # the next kept clause, else the one before
        if asst._zones_named(out[j]):
            continue  # it names its own place
        out[j] = _placed(out[j], o.place, zh)
    prop = asst.understand(("，" if zh else ", ").join(out))
    prop = replace(prop, utterance=utterance)
    if not prop.ok:
        return prop
    return _refused_if_started(asst, utterance, prop, kinds)


def _refused_if_started(asst: Any, utterance: str, prop: Any, kinds: set[str]) -> Any:
    """``prop``, or its refusal where it switches on, opens or raises a device of ``kinds``."""
    for c in prop.commands:
        meta = asst.by_id.get(c.device_id)
        if meta is None or meta.kind not in kinds:
            continue
        now = asst.current(c.device_id) if getattr(asst, "current", None) else None
        if violation(meta, c.params, {DOWN}, now) is not None:
            return asst._refuse(utterance, "unsupported",
                                "That says the problem is over and asks to start what deals with it: say which one "
                                "should happen.", "这句话说问题已经没有了，却又要启动处理它的设备：请说清楚要哪一个。")
    return prop


def over_started(asst: Any, utterance: str, prop: Any) -> Any:
    """``prop`` (the final reading, whatever re-read the ask) refused where the ask says a problem is over and the
    proposal starts what deals with it ("the smoke's gone, turn the fan on"); else ``prop`` unchanged."""
    text = normalize(utterance or "")
    if not prop.commands or not text or not any(w in text for w in (*_table(asst), *_airs(asst))):
        return prop
    kinds = {k for p in _CUT.split(text) if p and p.strip(" .!?。！？") for k in (over_clause(asst, p) or _NONE).kinds}
    return _refused_if_started(asst, utterance, prop, kinds) if kinds else prop
