"""A negated mention of what an AC does — "no cooling", "not heating", "without cooling", "no need for cooling in the
office", 不要制冷, 不需要制热 — never sets that mode (held-out 18).

"office AC: fan mode only, no cooling" was refused (the "no" read as a name), "… fan only, without cooling" switched
the AC off ("without" is a "down" word), "no need for cooling in the office, turn off the ac" set mode cool *and*
power off, and "no cooling in the office" alone set mode cool: the exact opposite of the words.

A clause (split at , ; : or a dash) that is only a negated mode word (plus a place, "needed", "any more" …) is read
against the rest of the ask:

- the rest chooses another mode ("fan mode only, no cooling", 送风，不要制冷): it restates the mode, and is dropped;
- the rest only goes down ("…, turn off the ac", 把空调关掉): it is the reason, and is dropped (its place stays:
  "no need for cooling in the office, turn off the ac" → "in the office, turn off the ac");
- the rest chooses the same mode ("cool mode, no cooling"), or does neither ("turn on the AC, no cooling"), or there
  is no rest and the clause is a plain "no/not/without <mode>" ("no cooling in the office"): the ask is refused as a
  negation — the clause is rewritten to "don't <verb>" / 不要开<mode>, which the negation guard refuses.

Both modes negated in one clause ("no heating and no cooling", "neither heating nor cooling", 不制冷也不制热) are one
negated clause of both modes (session 8: "no heating and no cooling in the office" had set mode cool: the second
negation was counted as the mode "the rest" chose); a negated clause never counts as the rest choosing its mode,
and every negated clause of the ask is read, not only the first.

"no more <mode>" otherwise is "stop <mode>ing" (the AC off, as 别再制冷了, which is left to the rules); a lone
Chinese clause is left to the rules (不需要制冷 stays a refused negation). Applied by ``phrases.normalize`` (lower case, NFKC done). Pure and Qt-free; imports only direction.py; no
threads, no locks.
"""

from __future__ import annotations

import re

from console.core.assistant.direction import DOWN, direction_of

_MODES_EN = {"cool": "cool", "cooling": "cool", "heat": "heat", "heating": "heat"}
_MODES_ZH = {"制冷": "cool", "冷气": "cool", "冷风": "cool", "供冷": "cool", "制热": "heat", "暖气": "heat",
             "暖风": "heat", "加热": "heat", "供暖": "heat"}
_NEG_EN = (r"(?P<neg>no(?:\s+more)?|no\s+(?:more\s+)?need(?:\s+(?:for|of)|(?=\s+(?:any\s+)?(?:cooling|heating)(?![a-z])))|not|without|neither|"
           r"(?:(?:i|we|you|they)\s+)?(?:don'?t|do\s+not|doesn'?t|does\s+not)\s+(?:need|want)(?:\s+any)?)")
_CLAUSE_EN = re.compile(
    r"^(?:(?:and|but|so|just)\s+)?(?:(?:there'?s|there\s+is|it'?s|we\s+need|i\s+need)\s+)?" + _NEG_EN
    + r"\s+(?:any\s+)?(?:the\s+)?(?P<mode>cooling|cool|heating|heat)(?:\s+mode)?"
    r"(?:\s*,?\s*(?:and|or|nor)\s+(?:(?:also\s+)?(?:no|not|without)\s+)?(?:any\s+)?(?P<mode2>cooling|cool|heating|heat)"
    r"(?:\s+mode)?)?"
    r"(?P<place>\s+(?:in|for|of|at|on)\s+(?:the\s+)?[a-z][a-z ]{0,30}?)?"
    r"(?:\s+(?:needed|required|necessary|wanted|any\s?more|any\s+longer|now|today|please|thanks|though|at\s+all|"
    r"mode|either))*$")
_NEG_ZH = r"(?P<neg>不要|不用|不需要|不再需要|用不着|不必|无需|无须|没必要|别|不)"
_CLAUSE_ZH = re.compile(
    r"^(?:但是?|而且|并且|就|只是)?(?P<place>[^，,；;:：]{0,8}?)(?:我们|我)?(?:也|都)?" + _NEG_ZH
    + r"(?:再)?(?:开|用|要|启动|开启)?(?P<mode>制冷|冷气|冷风|供冷|制热|暖气|暖风|加热|供暖)(?:模式|功能)?"
    r"(?:(?:也|又|和|或|或者|、|，|,)?(?:不要|不用|不需要|别|不)?(?:开|用|要)?"
    r"(?P<mode2>制冷|冷气|冷风|供冷|制热|暖气|暖风|加热|供暖)(?:模式|功能)?)?(?:了|啦|啊|呀|的)?$")
# another mode chosen in the rest of the ask
_OTHER_EN = re.compile(r"(?<![a-z])(?P<m>cooling|cool|heating|heat|fan|auto|automatic|ventilation|ventilate)"
                       r"(?![a-z])(?!\s+(?:pump|water|fan|valve|line|system))")
_OTHER_ZH = re.compile(r"(?P<m>制冷|冷气|冷风|供冷|制热|暖气|暖风|加热|供暖|送风|通风|吹风|自动)")
_TO_MODE = {"fan": "fan", "ventilation": "fan", "ventilate": "fan", "送风": "fan", "通风": "fan", "吹风": "fan",
            "auto": "auto",
            "automatic": "auto", "自动": "auto", **_MODES_EN, **_MODES_ZH}
_SPLIT = re.compile(r"(\s*(?:[,;:，；：]|\s[-—–]+\s|[—–]+)\s*)")
_VERB_EN = {"cool": "cool", "heat": "heat", "both": "heat or cool"}
_WORD_ZH = {"cool": "制冷", "heat": "制热", "both": "制冷或制热"}


def _mode_of(first: str, second: str | None, table: dict[str, str]) -> str:
    """"cool" / "heat", or "both" for a clause that negates the two ("no heating and no cooling")."""
    modes = {table[first]} | ({table[second]} if second else set())
    return "both" if len(modes) > 1 else table[first]


def _negated(clause: str) -> tuple[str, str, str] | None:
    """(mode, place, how) of a clause that is only a negated mode mention; mode "both" for the two at once; how:
    "plain" (no / not / without / neither <mode>, 不要 / 别 / 不), "more" (no more <mode>: stop it) or "need" (no need
    for <mode>, don't need <mode>)."""
    c = clause.strip(" .!。！")
    m = _CLAUSE_EN.match(c)
    if m is not None:
        neg = re.sub(r"\s+", " ", m.group("neg"))
        how = "plain" if neg in ("no", "not", "without", "neither") else "more" if neg == "no more" else "need"
        return _mode_of(m.group("mode"), m.group("mode2"), _MODES_EN), (m.group("place") or "").strip(), how
    m = _CLAUSE_ZH.match(c)
    if m is not None and m.group("mode2") and m.group("neg") not in ("不要", "别", "不"):
        return None  # 办公室不需要制冷或制热了: a need, the reason beside a command (negated_reasons.py reads it)
    # a verb in the place words is a command of its own (the 调 of the AC's name 空调 is none)
    if m is not None and not re.search(r"[关开停启锁调设拉放]", (m.group("place") or "").replace("空调", "")):
        return _mode_of(m.group("mode"), m.group("mode2"), _MODES_ZH), (m.group("place") or "").strip(), (
            "plain" if m.group("neg") in ("不要", "别", "不") else "need")
    return None


def rewrite_negated_modes(text: str) -> str:
    """The (normalised, lower-case) ask with its negated mode clause dropped, or made a refusable negation."""
    if not text or not any(w in text for w in ("cool", "heat", "制冷", "制热", "冷", "暖", "加热", "供")):
        return text
    parts = _SPLIT.split(text)  # clauses at even indices, separators at odd ones
    clauses = [i for i in range(0, len(parts), 2) if parts[i].strip(" .!。！")]
    negated = {i: found for i in clauses if (found := _negated(parts[i])) is not None}
    changed = False
    for i, (mode, place, how) in negated.items():
        # the rest: the clauses that negate no mode ("no heating, no cooling in the office" chooses no mode)
        rest = ", ".join(parts[j] for j in range(0, len(parts), 2) if j not in negated and parts[j].strip())
        zh = bool(re.search(r"[\u3400-\u9fff]", parts[i]))
        if not rest.strip(" .!。！"):
            if zh and mode != "both":
                return text  # 别再制冷了, 不需要制冷: the rules read these (the AC off, or a refused negation)
            others = set()
        else:
            others = {_TO_MODE[m.group("m")] for m in (_OTHER_ZH if zh else _OTHER_EN).finditer(rest)}
            others |= {_TO_MODE[m.group("m")] for m in (_OTHER_EN if zh else _OTHER_ZH).finditer(rest)}
        shared = mode in others or (mode == "both" and others & {"cool", "heat"})
        if others and not shared:  # "fan mode only, no cooling": restates the mode chosen
            keep = place
        elif not others and rest.strip() and direction_of(rest) == {DOWN}:  # "…, turn off the ac": a reason
            keep = place
        elif how == "more" and not shared:  # "no more heating": stop what the AC does (the AC off)
            keep = f"stop {'heating and cooling' if mode == 'both' else _VERB_EN[mode] + 'ing'}{(' ' + place) if place else ''}"
        else:  # "cool mode, no cooling", "turn on the ac, no cooling", "no cooling in the office": a negation
            # (不要开制冷: with a verb, so negated_reasons.py never reads it as a reason beside the rest)
            keep = (f"{place}不要开{_WORD_ZH[mode]}" if zh else f"don't {_VERB_EN[mode]}{(' ' + place) if place else ''}")
        parts[i] = keep
        changed = True
    if not changed:
        return text
    out = "".join(parts)
    return re.sub(r"\s+", " ", re.sub(r"^[\s,;:，；：]+|[\s,;:，；：]+$", "", re.sub(r"([,;:，；：]\s*)+(?=[,;:，；：])", "", out))).strip()
