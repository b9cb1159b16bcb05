"""A definite singular that fits several devices equally is asked back, never guessed (session 9, blind set).

"switch the office lamp on pls", "office lamp to 60 pls", "uh the lamp in the office turn it on" name ONE lamp ("the",
or no article at all) where the office has two, and nothing in the words tells the two apart: the operator means a
particular lamp, and which one is not in the ask.  The model layer (layers.py ``_choose``, and the older ranker of
targets.py) had been free to pick one, and the bundled model picked the desk lamp whatever was meant.  Such an ask is
now answered "Which one: Office ceiling lamp or Office desk lamp?"; the model still picks where the words leave it a
choice to make:

- an indefinite: "one of the lamps", "a lamp in the office", "either", "any", 其中一盏, 随便一盏, 一盏灯, 任意一个
  (any one will do: the operator said so);
- a word that fits some of the tied devices and not the others: a word of one device's names that the others' names
  lack ("the office lamp on my DESK", "the light in the CEILING"; 桌上那盏, 天花板上的灯), or a describing word (big,
  small, left, first, second …; 大的, 左边, 第二): the model weighs what the words say.

Only a tie between devices of one kind ("one noun, several devices"); a tie between kinds (the words say what should
happen, the candidates say what each device does) is the model's as before.

Chinese has no plural: 办公室的灯 is every lamp of the office (targets.py), but a demonstrative or numeral with a
classifier before the noun (那盏灯, 这个灯, 办公室那盏灯, 一盏灯) is one lamp: :func:`one_named_zh` says so, and the tie
is then asked back like the English one (it had switched both lamps on).

Pure text over the aliases; regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read
from console.core.protocol import DeviceMeta

_CJK = re.compile(r"[\u3400-\u9fff]")
# "any one will do", said in so many words (outside the names: the "a" of "line a" is a name)
_ANY_EN = re.compile(r"(?<![a-z])(?:one\s+of|any\s+of|either|whichever|whatever|random|randomly|another|any\s+one|"
                     r"doesn'?t\s+matter\s+which)(?![a-z])")
_ARTICLE_EN = r"(?<![a-z])(?<!line\s)(?<!zone\s)(?<!area\s)(?<!belt\s)(?:a|an|one|any|some)\s+(?:[a-z]+\s+){0,2}?"
_ANY_ZH = re.compile(r"其中|任意|任何一|随便|随意|任选|任一|哪个都|哪盏都|哪台都|都行|都可以|一盏|一个|一台|一只|一条")
# words that describe one device among several of a kind (where, which size, which in order)
_ORDINAL_EN = r"(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
_DESCRIBE_EN = re.compile(
    r"(?<![a-z])(?:big|bigger|biggest|small|smaller|smallest|large|larger|largest|tiny|main|middle|centre|center|"
    r"corner|window|wall|floor|standing|hanging|overhead|north|south|east|west|inner|outer|new|old|desk|table|ceiling|"
    r"roof|near|nearest|nearer|closest|closer|far|farthest|front|rear|"
    r"(?:the|that|this)\s+(?:left|right)(?:-hand)?|(?:on|to|at)\s+the\s+(?:left|right)|"
    r"(?:the|that|this)\s+" + _ORDINAL_EN + r"|" + _ORDINAL_EN + r"\s+(?:line|lines|one))(?![a-z])")
_DESCRIBE_ZH = re.compile(r"第[一二三四五六七八九十\d]|左|右|中间|靠窗|窗边|窗户|门口|墙上|地上|落地|头顶|桌上|桌子|天花板|顶上"
                          r"|(?<![开调变弄放加])大(?=的|那|灯|一点的|号)|(?<![开调变弄放减])小(?=的|那|灯|一点的|号)|最大的|最小的")
# a classifier: 那台 is "that one", never the 台 of 台灯
_CLASSIFIER_ZH = re.compile(r"[一那这哪几两每][盏个台只]")
_STOP_EN = frozenset(("the", "and", "for", "with", "lamp", "lamps", "light", "lights", "of", "in", "on", "at"))


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _names(meta: DeviceMeta, aliases) -> list[str]:
    names = [meta.name, meta.id]
    for lang_names in (aliases.devices.get(meta.id) or {}).values():
        names.extend(lang_names)
    return names


def _shared_words(aliases, metas: Sequence[DeviceMeta]) -> tuple[set[str], list[str]]:
    """The zone and kind words of the tied devices (no help telling them apart): English tokens, Chinese names."""
    en: set[str] = set(_STOP_EN)
    zh: list[str] = []
    for m in metas:
        for table, key in ((aliases.zones, m.zone), (aliases.kinds, m.kind)):
            for lang_names in (table.get(key) or {}).values():
                for name in lang_names:
                    en |= _tokens(name)
                    if _CJK.search(name):
                        zh.append(name)
        en |= _tokens(m.zone) | _tokens(m.kind)
    return en, sorted(set(zh), key=len, reverse=True)


def telling_words(metas: Sequence[DeviceMeta], aliases) -> tuple[set[str], set[str]]:
    """Words that fit some of ``metas`` and not all: English tokens, Chinese pieces (a name less its place and kind
    words: 吊灯 → 吊, 天花板灯 → 天花板)."""
    shared_en, shared_zh = _shared_words(aliases, metas)
    per_en = [{w for n in _names(m, aliases) for w in _tokens(n)} - shared_en for m in metas]
    per_zh: list[set[str]] = []
    for m in metas:
        pieces = set()
        for n in _names(m, aliases):
            if not _CJK.search(n):
                continue
            for s in shared_zh:
                n = n.replace(s, " ")
            pieces |= {p for p in re.split(r"[^\u3400-\u9fff]+", n) if p}
        per_zh.append(pieces)
    en = set().union(*per_en) - set.intersection(*per_en) if per_en else set()
    zh = set().union(*per_zh) - set.intersection(*per_zh) if per_zh else set()
    return {w for w in en if len(w) > 1}, zh


def model_may_pick(text: str, metas: Sequence[DeviceMeta], aliases, names: Iterable[tuple[int, int]] = ()) -> bool:
    """May the model break a tie between ``metas`` (one kind) for the (normalised) ask ``text``?  Yes when the ask says
    any one will do, or has a word that fits some of them and not the others; no for a plain definite singular.
    ``names``: the (start, end) spans of the names read (blanked before looking for "either", "one of" …)."""
    work = list(text)
    for s, e in names:
        work[s:e] = " " * (e - s)
    rest = "".join(work)
    if _CJK.search(text):
        if _ANY_ZH.search(text) or _DESCRIBE_ZH.search(text):
            return True
        plain = _CLASSIFIER_ZH.sub("  ", text)
        return any(p in plain for p in telling_words(metas, aliases)[1])
    if _ANY_EN.search(rest):
        return True
    nouns = {w for m in metas for lang_names in (aliases.kinds.get(m.kind) or {}).values() for n in lang_names
             for w in _tokens(n)} | {w for m in metas for w in _tokens(m.kind)}
    nouns |= {n.lower().split()[-1] for m in metas for n in _names(m, aliases) if n and not _CJK.search(n)}
    if nouns and re.search(_ARTICLE_EN + r"(?:" + "|".join(re.escape(n) for n in sorted(nouns)) + r")(?![a-z])", text):
        return True
    return _DESCRIBE_EN.search(text) is not None or bool(_tokens(text) & telling_words(metas, aliases)[0])


def one_named_zh(text: str, kind_nouns: Iterable[str]) -> bool:
    """Does a Chinese ask say ONE of a kind by a demonstrative or numeral with a classifier before its noun (办公室那盏灯,
    那个办公室的灯, 这盏灯, 一盏灯)?  Not a filler 那个 (那个，把灯关了 / 那个把灯关了: a pause, then the ask)."""
    nouns = [n for n in kind_nouns if n]
    if not nouns or not _CLASSIFIER_ZH.search(text):
        return False
    alt = "|".join(re.escape(n) for n in sorted(set(nouns), key=len, reverse=True))
    return re.search(r"(?:[一那这哪]|其中一|任意一|随便一)[盏个台只][^\s,，。;；!！?？、把将让给和跟与]{0,6}?(?:" + alt + ")",
                     text) is not None


def tie_open_to_model(assistant, utterance: str, cands) -> bool:
    """layers.py ``_choose``: may the model pick among the proposals ``cands``?  No only for a tie between devices of
    one kind that the ask names by a plain definite singular (``assistant`` duck-typed: ``by_id``, ``aliases``,
    ``rules.vocab``)."""
    ids = [frozenset(c.device_id for c in p.commands) for p in cands]
    if not ids:
        return True
    differ = set().union(*ids) - frozenset.intersection(*ids)
    metas = [assistant.by_id[i] for i in sorted(differ) if i in assistant.by_id]
    if len(metas) < 2 or len({m.kind for m in metas}) != 1:
        return True
    text = normalize(utterance or "")
    spans = [(mn.start, mn.end) for mn in read(text, assistant.rules.vocab).mentions]
    return model_may_pick(text, metas, assistant.aliases, spans)
