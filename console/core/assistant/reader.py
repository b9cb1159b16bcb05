"""Reading one normalised utterance into a :class:`~console.core.assistant.reading.Reading`.

The steps run in this order, each masking what it read so that the next one cannot read it again:
number words → guards (screening.py) → "<value> mode" → names (devices, zones, kinds) → digits →
Chinese numerals → lexicon words (verbs, settings, values, quantifiers) → leftovers (leftovers.py).
Names go before numbers ("lamp 2" is not a value), numbers before the lexicon ("一百" is not 一 + 百).
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from console.core.assistant.direction import direction_of
from console.core.assistant.leftovers import read_leftovers
from console.core.assistant.lexicon import (
    CJK,
    NOT_A_QUESTION_ZH,
    OPENING_ONLY_VERBS,
    PERCENT_WORDS,
    QUESTION_EN,
    QUESTION_EN_CLAUSE,
    QUESTION_EN_TAIL,
    QUESTION_ZH,
    QUESTION_ZH_TAIL,
    RAISE_VERBS,
    REQUEST_ZH,
    SOFT_ENUM_WORDS,
)
from console.core.assistant.phrases import mask
from console.core.assistant.reading import Mention, Num, Reading
from console.core.assistant.screening import contradiction_in, guard, statement_in
from console.core.assistant.state_reports import lone_state_report
from console.core.assistant.terse_going import terse_going
from console.core.assistant.symptom_values import masked_levels, pace_said
from console.core.assistant.value_slots import unread_value
from console.core.assistant.values import number_words, read_digits, read_zh_numerals
from console.core.assistant.vocabulary import Vocabulary


def read(text: str, vocab: Vocabulary) -> Reading:
    """Everything the rules understand in ``text`` (already normalised), and what they did not.  Memoised per
    vocabulary (``vocab.readings``, bounded; dict get/set are atomic under the GIL): each call gets its own copy,
    so a caller that changes what it got changes nothing for the next one."""
    done = vocab.readings.get(text)
    if done is None:
        done = _read(text, vocab)
        if len(vocab.readings) >= 4096:
            vocab.readings.clear()
        vocab.readings[text] = done
    return _copy(done)


def _copy(r: Reading) -> Reading:
    out = copy.copy(r)
    for name, value in r.__dict__.items():  # every list or set field (a field added later too)
        if isinstance(value, (list, set, dict)):
            out.__dict__[name] = value.copy()
    out.mentions = [replace(mn, keys=list(mn.keys)) for mn in r.mentions]
    out.numbers = [copy.copy(n) for n in r.numbers]
    return out


def _read(text: str, vocab: Vocabulary) -> Reading:
    r = Reading()
    lang_zh = bool(CJK.search(text))
    r.question = bool(QUESTION_EN.match(text)) or bool(QUESTION_EN_CLAUSE.search(text)) \
        or bool(QUESTION_EN_TAIL.search(text)) or any(q in NOT_A_QUESTION_ZH.sub("", text) for q in QUESTION_ZH
                                                      if not (q[0] == "吗" and REQUEST_ZH.search(text))) \
        or (lang_zh and QUESTION_ZH_TAIL.search(text) is not None and REQUEST_ZH.search(text) is None)
    r.direction = direction_of(text)
    work = number_words(text, vocab.lex)
    r.unsupported = guard(text)
    r.statement = r.unsupported is not None and contradiction_in(text) is None and (
        statement_in(text) is not None or lone_state_report(text) is not None)  # "the valve is shut": nothing to do
    work = _mode_words(work, r, vocab)
    work = _names(work, r, vocab)
    work = read_digits(work, r, vocab.lex, vocab.known_words)
    if lang_zh:
        work = read_zh_numerals(work, r, vocab.lex)
    work = masked_levels(work)  # "the smoke is super high", "too fast": how something is, no value (symptom_values.py)
    work = _idle_going(work)
    work = _lexicon_words(work, r, vocab)
    work = unread_value(text, work, r, vocab.enum_holders, vocab.known_words)  # 空调开除湿 (value_slots.py)
    read_leftovers(work, r, vocab.known_words, lang_zh)
    if r.numbers and not r.hints and not r.enums and pace_said(text):
        r.hints.append(("speed",))  # "line b is going too slow, put it at 100": a pace's number is a speed (session 9)
    return r


_GET_GOING = re.compile(r"(?<![a-z])(?:get|gets|got|getting|need|needs|want|wants)(?![a-z])[^,;，；]*?"
                        r"(?<![a-z])(going|flowing|running|circulating|moving)(?![a-z])")
# "get the pump running at 30 l/min" starts it as "get … going" does (held-out 9's writers: running at a value)
_GOING = re.compile(r"(?<![a-z])(?:going|flowing|running|circulating|moving)(?![a-z])")


def _idle_going(work: str) -> str:
    """"going"/"flowing" start a device only as "get/need … going" ("get the aircon going at 22", "need coolant
    flowing on line b, 40 l/min"); "keep line a going but
    drop it to low", "line b is going too fast, drop it to 40 rpm" set a value and start nothing (a value-only
    ask never starts a stopped device)."""
    keep = {m.start(1) for m in _GET_GOING.finditer(work)} | terse_going(work)  # "coolant going" (terse_going.py)
    for m in list(_GOING.finditer(work)):
        if m.start() not in keep:
            work = mask(work, m.start(), m.end())
    return work


def _mode_words(work: str, r: Reading, vocab: Vocabulary) -> str:
    """"heat mode", "fan mode": the word before "mode" is a value, even when it is also a noun. "fan-only mode" is
    "fan mode"; the 's of a possessive ("the AC's mode") is no value (held-out 17)."""
    for m in re.finditer(r"(?<![a-z0-9'’])([a-z]+)(?:[\s-]+only)?(?:\s+mode\b|\s*模式)", work):  # also "fan模式"
        word = m.group(1)
        if word in vocab.enum_values:
            r.enums.append(word)
            r.hints.append(("mode",))
            work = mask(work, m.start(), m.end())
        elif word not in vocab.known_words:
            r.bad_enum = word
            r.hints.append(("mode",))
            work = mask(work, m.start(), m.end())
    return _only_value(work, r, vocab)


# "the AC to fan only", "just the fan", "switch the air-con to fan": a value that is also a noun (the exhaust fan)
_ONLY_VALUE = re.compile(r"(?<![a-z])(?:([a-z]+)[\s-]+only|(?:just|only)\s+(?:the\s+)?([a-z]+)|"
                         r"to\s+(?:the\s+)?([a-z]+)(?=\s*(?:$|[,.;!]|please|pls|then|and))|"
                         r"(?:到|成|为)\s*([a-z]+))(?![a-z])")  # 空调切到fan: an English value inside Chinese


# "<name> on <value>" at a clause's end where the value is also a noun and the name holds that value (session 7)
_ON_VALUE = re.compile(r"\s+on\s+([a-z]+)(?=\s*(?:$|[,.;!]|(?:please|pls|then|and|now)(?![a-z])))")


def _only_value(work: str, r: Reading, vocab: Vocabulary) -> str:
    """"fan only" / "just the fan" / "to fan" is the setting, never the device of that name, when the ask names a
    device (or kind) that has that setting ("Switch the office air-con to fan only": the AC's mode fan)."""
    for m in list(_ONLY_VALUE.finditer(work)):
        word = m.group(1) or m.group(2) or m.group(3) or m.group(4)
        holders = vocab.enum_holders.get(word, frozenset())
        if not holders:
            continue
        rest = mask(work, m.start(), m.end())
        named = {key for n in vocab.names.finditer(rest) for _k, key in (vocab.names.lookup(n.group(0))[1] or ())}
        if named & holders:
            r.enums.append(word)
            work = mask(work, m.start(), m.end())
    for m in list(_ON_VALUE.finditer(work)):  # "put the office AC on fan": the AC's mode, never the exhaust fan
        holders = vocab.enum_holders.get(m.group(1), frozenset())
        if holders and any(n.end() == m.start() and {key for _k, key in (vocab.names.lookup(n.group(0))[1] or ())}
                           & holders for n in vocab.names.finditer(work)):
            r.enums.append(m.group(1))
            work = mask(work, m.start(1), m.end(1))  # "on" stays: the leftovers say whether it also switches on
    return work


def _names(work: str, r: Reading, vocab: Vocabulary) -> str:
    """Device, zone and kind names, longest first ("line a fan" is the fan, not the zone)."""
    for m in vocab.names.finditer(work):
        _phrase, payloads, plural = vocab.names.lookup(m.group(0))
        if not payloads:
            continue
        kind = payloads[0][0]
        keys = [p[1] for p in payloads if p[0] == kind]
        r.mentions.append(Mention(kind, keys, m.start(), m.end(), plural=plural))
    for mn in r.mentions:
        work = mask(work, mn.start, mn.end)
    return _the_one(_possessives(work, r, vocab), r)


# "stop the conveyor on line a and the one on line b": "the one" before a place names the kind last named again
_THE_ONE = re.compile(r"(?<![a-z])the\s+(ones?)\s+(?:on|in|at|of|for)\s+(?:the\s+)?(?=\x00)")


def _the_one(work: str, r: Reading) -> str:
    zone_starts = {mn.start for mn in r.mentions if mn.kind == "zone"}
    for m in list(_THE_ONE.finditer(work)):
        kinds = [mn for mn in r.mentions if mn.kind == "kind" and mn.end <= m.start()]
        if m.end() not in zone_starts or not kinds:
            continue
        r.mentions.append(Mention("kind", list(kinds[-1].keys), m.start(1), m.end(1), plural=m.group(1) == "ones"))
        work = mask(work, m.start(1), m.end(1))
    r.mentions.sort(key=lambda mn: mn.start)
    return work


# "line b's conveyor", "the office's lamps", "the conveyor's speed": a possessive 's between a name and a name or a
# setting word is no word of its own (it had been read as an unknown device "s"); "the pump's running" is left
_POSSESSIVE = re.compile(r"\x00's(?=\s+(\x00|[a-z]+))")


def _possessives(work: str, r: Reading, vocab: Vocabulary) -> str:
    starts = {mn.start for mn in r.mentions}
    for m in list(_POSSESSIVE.finditer(work)):
        nxt = m.group(1)
        ok = m.start(1) in starts if nxt == "\x00" else \
            any(p[0] == "hint" for p in vocab.lex.lookup(nxt)[1])
        if ok:
            work = mask(work, m.start() + 1, m.end())
    return work


def _lexicon_words(work: str, r: Reading, vocab: Vocabulary) -> str:
    """Verbs, settings words, value words (half, max), quantifiers (all, both), "one of"; function words."""
    for m in vocab.lex.finditer(work):
        _phrase, payloads, _plural = vocab.lex.lookup(m.group(0))
        for kind, val in payloads[:1]:
            if kind == "action":
                r.actions.append(val)
                r.opening_only = r.opening_only or m.group(0).strip() in OPENING_ONLY_VERBS
                r.raised = r.raised or m.group(0).strip() in RAISE_VERBS
            elif kind == "hint":
                r.hints.append(val)
            elif kind == "enum" and m.group(0).strip() in SOFT_ENUM_WORDS and r.numbers:
                r.hints.append(("speed",))  # "slow production on line 1 to 20 rpm": the number is the speed
            elif kind == "enum":
                r.enums.append(val)
            elif kind == "value":
                percent = val in PERCENT_WORDS
                r.numbers.append(Num(None, "%" if percent else None, special=val, text=m.group(0)))
            elif kind == "quant":
                r.quantified = True
            elif kind == "single":
                r.single = True
        work = mask(work, m.start(), m.end())
    return work
