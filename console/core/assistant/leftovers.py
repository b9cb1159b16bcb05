"""The words left once names, numbers and the lexicon were read: a bare on/off, a value word nobody
knows ("to turbo"), and unknown nouns or places ("kitchen lights", "in the basement", 厨房的灯).

An unknown noun or place is refused; an unknown other word ("please", "right away") is not.
"""

from __future__ import annotations

import re

from console.core.assistant.compound_places import _NOT_PLACES_ZH, compound_places
from console.core.assistant.personal_places import personal_spot
from console.core.assistant.lexicon import DETERMINERS, OFF, ON, PREPOSITIONS, SWITCH_VERBS, UNKNOWN_OK
from console.core.assistant.reading import Reading

Tokens = list[tuple[str, int]]  # (token, position in the working text)


def read_leftovers(work: str, r: Reading, known_words: set[str], lang_zh: bool) -> None:
    """Fill ``r`` from what is left of the working text (everything read before is masked)."""
    tokens = [(t.group(0), t.start()) for t in re.finditer(r"[a-z][a-z'/-]*|\x00+|[\u3400-\u9fff]+|\S", work)]
    _bare_on_off(work, tokens, r)
    _unknown_value(tokens, r, known_words)
    _unknown_nouns(tokens, r, known_words, work)
    compound_places(tokens, r, {mn.start for mn in r.mentions if mn.kind in ("kind", "device", "any")})  # "break room"
    if lang_zh:
        _unknown_zh(work, r)


def _bare_on_off(work: str, tokens: Tokens, r: Reading) -> None:
    """"turn the AC off", "lights off", "siren on, steady tone" (not "stop everything on line A",
    "the conveyor on line B": there "on" is a preposition before a name)."""
    words = [w for w, _ in tokens]
    ends = {mn.end for mn in r.mentions}
    starts = {mn.start for mn in r.mentions}
    switched = any(a in (ON, OFF) for a in r.actions)  # "switch off the light on the ceiling"
    for i, (w, pos) in enumerate(tokens):
        if w in ("on", "off") and not switched:
            before = words[:i]
            # "everything off in the office", "all off on line a": a quantifier stands for the names
            after_name = len(work[:pos].rstrip()) in ends or (r.quantified and i > 0 and words[i - 1][0] == "\x00")
            nxt = words[i + 1] if i + 1 < len(words) else ""
            preposition = w == "on" and ((i + 1 < len(tokens) and tokens[i + 1][1] in starts)
                                         or nxt in DETERMINERS)
            verb = any(v in before for v in SWITCH_VERBS)
            # "put it on automatic mode", "leave it on cooling": "on" after put/set/leave/keep and before a value
            # word (read, so masked) is where the setting goes, not "power on"; "turn it on high", "fan on
            # high" still switch it on
            if w == "on" and nxt[:1] == "\x00" and tokens[i + 1][1] not in starts \
                    and any(v in before for v in ("put", "set", "leave", "keep")) \
                    and not any(v in before for v in ("turn", "switch", "power", "flip")):
                preposition = True
            # "heating on in the office", "cooling on": a bare "on" right after a setting word switches on too
            # (held-out 13; "put the heating on", 开暖气 already did): not "fan on high on line a" (a preposition)
            after_value = w == "on" and i > 0 and words[i - 1][:1] == "\x00" and bool(r.enums) \
                and len(work[:pos].rstrip()) not in ends
            # "ceiling lamp in the office — back on, full brightness": "back on" / "back off" is the switch word
            # (held-out 17), wherever the name stands ("back on line a" stays a preposition)
            back = i > 0 and words[i - 1] == "back"
            # "AC: cool, 23, on. go", "AC: on, cool, 23": an on/off that is a list item of its own (session 9)
            alone = (i == 0 or words[i - 1] in (",", ":", ";", ".")) and nxt in ("", ",", ".", ";", "!", ":")
            if (verb or after_name or after_value or back or alone or i == len(words) - 1) and not preposition:
                r.actions.append(ON if w == "on" else OFF)


def _unknown_value(tokens: Tokens, r: Reading, known_words: set[str]) -> None:
    """"set the fan speed to turbo": an unknown word where a value goes."""
    words = [w for w, _ in tokens]
    for i, w in enumerate(words[:-1]):
        if w == "to":
            nxt = words[i + 1]
            if nxt in DETERMINERS and i + 2 < len(words):
                nxt = words[i + 2]
            if nxt.isascii() and nxt.isalpha() and nxt not in known_words and r.bad_enum is None:
                r.bad_enum = nxt


def _unknown_nouns(tokens: Tokens, r: Reading, known_words: set[str], work: str = "") -> None:
    """Unknown English words: all kept as leftovers; before a device word or after a preposition, nouns."""
    mention_starts = {mn.start for mn in r.mentions if mn.kind in ("kind", "device", "any")}
    hint_like = {mn.start for mn in r.mentions}
    for i, (w, pos) in enumerate(tokens):
        is_word = w.isascii() and w[0].isalpha()
        unknown = is_word and w not in known_words and w != r.bad_enum
        if unknown:
            r.leftover_words.append(w)
        if not unknown or w in UNKNOWN_OK:
            continue
        nxt_pos = tokens[i + 1][1] if i + 1 < len(tokens) else None
        # "kitchen lights", "garage door": an unknown word naming a kind of device
        if nxt_pos is not None and nxt_pos in mention_starts:
            r.unknown_nouns.append(w)
            continue
        # "in the kitchen", "at the gate": an unknown place
        j = i - 1
        while j >= 0 and tokens[j][0] in DETERMINERS:
            j -= 1
        if j >= 0 and tokens[j][0] in PREPOSITIONS and not (nxt_pos is not None and nxt_pos in hint_like) \
                and not personal_spot(tokens, i, {mn.start for mn in r.mentions},
                                      any(mn.kind == "device" for mn in r.mentions), work):  # "…, gloomy at my bench"
            r.unknown_nouns.append(w)


# an unread place name opening a clause (茶水间暖和到22度, 会议室温度调到22): its head (间 室 厅 房 馆 棚 堂) says it is a place
_PLACE_ZH = re.compile(r"(?:^|(?<=[，,。；;！!?？\s\x00]))(?P<p>[\u4e00-\u9fff]{1,3}(?:间|室|厅|房|馆|棚|堂))(?=[\u4e00-\u9fff\d\x00 ])")


def zh_place_name(word: str) -> bool:
    """Is ``word`` a Chinese place name by its head (茶水间, 会议室: layers' semantic words never match it by a
    shared character such as 水)?"""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,3}(?:间|室|厅|房|馆|棚|堂)", word)) and not word.endswith(_NOT_PLACES_ZH)


def _unknown_zh(work: str, r: Reading) -> None:
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
    for m in _PLACE_ZH.finditer(work):  # 茶水间暖和到22度: a place the fleet lacks, never the office AC (session 11b)
        if not m.group("p").endswith(_NOT_PLACES_ZH) and m.group("p") not in r.unknown_nouns:
            r.unknown_nouns.append(m.group("p"))
    if not r.mentions:
        r.leftover_words += re.findall(r"[\u3400-\u9fff]{2,}", work)
