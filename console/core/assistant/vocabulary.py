"""The phrase tables for one fleet: its names (devices, zones, kinds) and the lexicon's words.

Built once per parser from the catalog, the aliases and lexicon.py; read-only afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from console.core.assistant import lexicon as lx
from console.core.assistant.aliases import Aliases
from console.core.assistant.numbers import UNIT_OF
from console.core.assistant.phrases import PhraseTable, normalize
from console.core.protocol import DeviceMeta


@dataclass(frozen=True)
class Vocabulary:
    names: PhraseTable  # payloads ("device" | "zone" | "kind" | "any", key)
    lex: PhraseTable  # payloads ("action" | "hint" | "enum" | "value" | "quant" | "single" | "skip", value)
    enum_values: set[str]  # every enum value of the fleet's capabilities
    known_words: set[str]  # English words that are no unknown noun
    # enum value → the device ids and kinds that have it ("fan" → {"hvac-office", "hvac"}): "the AC on fan only"
    enum_holders: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # normalised text → its Reading (reader.read's memo: one ask reads the same few strings ~8 times over); per
    # vocabulary, so a new fleet (a new parser, a new vocabulary) starts empty
    readings: dict = field(default_factory=dict, compare=False, repr=False)


def build_vocabulary(metas: Sequence[DeviceMeta], aliases: Aliases, names_only: bool) -> Vocabulary:
    names = _name_table(metas, aliases, names_only)
    enum_values = {v for m in metas for c in m.capabilities.values() if c.type == "enum" for v in c.values}
    lex = _lex_table(metas, enum_values)
    holders: dict[str, set[str]] = {}
    for m in metas:
        for c in m.capabilities.values():
            for v in (c.values if c.type == "enum" else ()):
                holders.setdefault(v, set()).update({m.id, m.kind} if m.kind else {m.id})
    return Vocabulary(names, lex, enum_values, _known_words(names, lex, enum_values),
                      {v: frozenset(h) for v, h in holders.items()})


def _name_table(metas: Sequence[DeviceMeta], aliases: Aliases, names_only: bool) -> PhraseTable:
    action_words = {normalize(w) for lst in list(lx.ACTIONS_EN.values()) + list(lx.ACTIONS_ZH.values()) for w in lst}
    names = PhraseTable(plural=True)
    for m in metas:
        names.add(m.id, ("device", m.id))
        names.add(m.name, ("device", m.id))
        if names_only:
            continue
        # "the front door lock": a device's name and its kind word that is also a verb ("lock") is the
        # device, never "unlock the front door" + the verb "lock" (which would lock it)
        verb_kinds = [normalize(x) for x in [m.kind] + [x for v in aliases.kinds.get(m.kind, {}).values() for x in v]
                      if normalize(x) in action_words and x.isascii()]
        for lang_names in aliases.devices.get(m.id, {}).values():
            for n in lang_names:
                names.add(n, ("device", m.id))
                for w in verb_kinds:
                    if n.isascii() and not normalize(n).endswith(w):
                        names.add(f"{n} {w}", ("device", m.id))
    if not names_only:
        for zh, dev in _name_words_zh(metas, aliases).items():
            names.add(zh, ("device", dev))
        zones = {m.zone for m in metas if m.zone}
        kinds = {m.kind for m in metas if m.kind}
        for z in zones:
            for n in [z, z.replace("-", " ")] + [x for v in aliases.zones.get(z, {}).values() for x in v]:
                if normalize(n) not in action_words:
                    names.add(n, ("zone", z))
        for k in kinds:
            kind_names = [k] + [x for v in aliases.kinds.get(k, {}).values() for x in v]
            # "air-con" is "air con" (held-out 13: "Switch the office air-con to fan only.")
            kind_names += [x.replace(" ", "-") for x in kind_names if x.isascii() and x.count(" ") == 1]
            for n in kind_names:
                if normalize(n) not in action_words:
                    names.add(n, ("kind", k))
                elif n.isascii():  # "release the lock": after an article the verb-like kind word is the noun
                    for det in ("the", "this", "that", "a"):
                        names.add(f"{det} {n}", ("kind", k))
                    # 正门的锁打开: after 的 the one-character verb of that kind (锁) is the noun too
                    for w in lx.ACTIONS_ZH.get(normalize(n), ()):
                        if len(w) == 1:
                            names.add(f"的{w}", ("kind", k))
        for n in lx.GENERIC_NOUNS:
            names.add(n, ("any", "*"))
    return names.compile()


def chinese_name_words(metas: Sequence[DeviceMeta], aliases: Aliases) -> dict[str, str]:
    """The Chinese name words (主门, 前门, 主入口 …) read as a device, word → device id: the homophone-slip check
    (homophones_zh.py) must know them as fleet nouns, or 把主门的锁解开 is refused as a slip of another word."""
    return _name_words_zh(metas, aliases)


def _name_words_zh(metas: Sequence[DeviceMeta], aliases: Aliases) -> dict[str, str]:
    """Chinese variants of the words of each device's own English names (lexicon.NAME_WORDS_ZH: "Main entrance
    lock" → 主入口, 正门, 大门), kept only where exactly one device has that variant and no alias already says it."""
    taken = {normalize(x) for m in metas for v in aliases.devices.get(m.id, {}).values() for x in v}
    taken |= {normalize(x) for table in (aliases.zones, aliases.kinds) for v in table.values() for xs in v.values()
              for x in xs}
    owners: dict[str, set[str]] = {}
    for m in metas:
        english = " ".join(normalize(x) for x in [m.name] + list(aliases.devices.get(m.id, {}).get("en", ())))
        for words, variants in lx.NAME_WORDS_ZH.items():
            if re.search(rf"(?<![a-z]){re.escape(words)}(?![a-z])", english):
                for zh in variants:
                    owners.setdefault(zh, set()).add(m.id)
    return {zh: next(iter(devs)) for zh, devs in owners.items() if len(devs) == 1 and normalize(zh) not in taken}


def _lex_table(metas: Sequence[DeviceMeta], enum_values: set[str]) -> PhraseTable:
    lex = PhraseTable()
    for table in (lx.ACTIONS_EN, lx.ACTIONS_ZH):
        for act, words in table.items():
            for w in words:
                lex.add(w, ("action", act))
    for caps, words in lx.CAP_WORDS.items():
        for w in words:
            lex.add(w, ("hint", caps))
    for m in metas:
        for cname in m.capabilities:
            if cname not in ("open", "on", "active"):  # those read as verbs/adjectives
                lex.add(cname, ("hint", (cname,)))
    for v in enum_values:
        lex.add(v, ("enum", v))
    for v, words in lx.ENUM_WORDS.items():
        if v in enum_values:
            for w in words:
                lex.add(w, ("enum", v))
    for special, words in lx.VALUE_WORDS.items():
        for w in words:
            lex.add(w, ("value", special))
    for w in lx.QUANTIFIERS:
        lex.add(w, ("quant", True))
    for w in lx.SINGLE_WORDS:
        lex.add(w, ("single", True))
    for w in lx.ZH_FUNCTION:
        lex.add(w, ("skip", None))
    return lex.compile()


def _known_words(names: PhraseTable, lex: PhraseTable, enum_values: set[str]) -> set[str]:
    known: set[str] = set(lx.STOPWORDS) | lx.UNKNOWN_OK
    for tbl in (names, lex):
        for phrase in tbl.entries:
            known.update(re.findall(r"[a-z]+", phrase))
    known.update(w for w in UNIT_OF if w.isascii())
    known.update(enum_values)
    return known
