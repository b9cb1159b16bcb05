""""The other one" / "the rest" read as the devices they stand for: the same kind (and place) as the device the ask
names, less that device.

Held-out 33: "The desk lamp's already off, kill the other one too." and "Conveyor A is stopped already; stop the other
one as well." were refused (no device named), 吊灯已经关了，另外那盏也关掉 switched off the ceiling lamp itself (the one
named, a wrong device: 另外那盏 was read as nothing), "Leave the desk lamp on, switch the rest of the office lamps off"
asked the desk lamp both on and off, 台灯留着，办公室其他的灯关掉 was refused on 其他; "turn off the desk lamp and the other
one" silently dropped "the other one".

:meth:`OtherOnes.rewrite` reads such an ask into one that names the devices:

- the phrase: "the other one", "the other two", "the other lamp(s)", "the other ones", "the others", "all the other
  lamps", "the rest (of the office lamps)", "the remaining ones"; 另外那盏 / 另一个 / 另外一台 / 另外两盏, 其他的(灯) / 其余 /
  剩下的, and 那个也 / 那盏也 after a report ("吊灯已经关了，那盏也关掉");
- what it is other than: the devices the ask names outside the phrase (by name, or a kind and place: "the office
  lamps are off, …").  Its kind is theirs, or the phrase's own kind word, and its place the phrase's own place word
  when it says one ("the rest of the office lamps", 办公室其他的灯);
- which devices: that kind in that place, less the named ones; with no place said, first those in the named
  device's own place, then the whole fleet.  "The other one" needs exactly one such device ("the other two": two);
  "the others" / "the rest" every one, but only where the place is clear (the named device's place holds them all,
  or is said); a bare "the rest" / 其他的 with no kind word, no such device, or more than the count is refused
  ("which one?"), never a guess;
- a clause that only reports how the named device is ("… is already off", 吊灯已经关了, 台灯开着) or keeps it ("leave
  the desk lamp on", "keep X on", 台灯留着) gives it no command and is left out; any other clause stays as said
  ("turn off the desk lamp and the other one" switches both off).

The rewritten ask is read again by the whole pipeline (every gate applies).  None when the ask has no such phrase or
names nothing it could be other than (the ask is then read as before); an ask with 除了 / "except" is excepting.py's.
Pure; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping, Sequence

from console.core.assistant.aliases import Aliases
from console.core.assistant.lexicon import CJK
from console.core.assistant.reader import read
from console.core.assistant.state_reports import clause_spans, lone_state_report
from console.core.assistant.vocabulary import Vocabulary
from console.core.assistant.wording import or_list
from console.core.protocol import DeviceMeta

_COUNT = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "一": 1, "两": 2, "二": 2, "俩": 2, "三": 3, "四": 4,
          "五": 5}
_CLASSIFIER_ZH = r"(?:个|盏|台|只|扇|部|条|组)"  # never 把: 另外把百叶窗拉开 is "also open the blinds"
# clauses: punctuation, or "and" / "but" before a verb of its own ("leave the desk lamp on and switch the rest off")
_VERBS_EN = (r"(?:please\s+)?(?:then\s+)?(?:turn|switch|kill|shut|stop|start|close|open|lock|unlock|cut|power|put|"
             r"set|dim|raise|lower|run|halt|pause|silence|mute|sound|get|make|bring|leave|keep)(?![a-z])")
_CUT = re.compile(r"\s*(?:[,;:，；：。!！?？]|\.(?:\s|$)|—|--|\s-\s)\s*|\s+(?:and|but)\s+(?=" + _VERBS_EN + r")"
                  r"|(?<=[\u3400-\u9fff])(?:但是|但|不过)")
# "leave the desk lamp on", "keep conveyor a running", "the desk lamp can stay on": that device gets no command
_SUBJ_EN = r"(?:[a-z0-9'-]+\s+){0,4}?[a-z0-9'-]+"  # a name, never a clause ("leave the lamp on for the cleaners")
_KEEP_EN = re.compile(r"^(?:please\s+|just\s+)?(?:leave|keep)\s+(?P<subj>" + _SUBJ_EN + r")(?:\s+(?:on|off|running|going|"
                      r"open|closed|shut|lit|locked|alone|as\s+it\s+is|as\s+is|be))?$"
                      r"|^(?P<subj2>" + _SUBJ_EN + r")\s+(?:can\s+|should\s+|will\s+|may\s+)?stays?\s+(?:on|off|running|open|"
                      r"closed|lit)$")
_KEEP_ZH = re.compile(r"^(?:把|将)?(?P<subj>[^\s,，]+?)(?:先|就|还是)?(?:留着|留下来|留下|保留着|保留|继续开着|保持开着|开着就行|"
                      r"开着就好)(?:吧|就行|就好|了)?$")
# 吊灯已经关了, 传送带早就停了: how the device already is (关了 alone is also a command: only with 已经 / 早就)
_REPORT_ZH = re.compile(r"^(?P<subj>[^\s,，]+?)(?:都)?(?:已经|早就|早已|已)(?:都)?(?:被)?(?:关|关掉|关上|关闭|停|停下|停掉|停止|"
                        r"熄|熄灭|灭|锁|锁上|锁好|开|打开|开启|亮|启动|拉上|拉开|放下)(?:了|着)(?:的)?(?:呢|啦|啊)?$")


class OtherOnes:
    """Built once per fleet (its kind words); :meth:`rewrite` per ask."""

    def __init__(self, metas: Sequence[DeviceMeta], aliases: Aliases, kind_words: Mapping[str, Iterable[str]],
                 vocab: Vocabulary, resolve: Callable[[str], str] = lambda text: text) -> None:
        self.metas = list(metas)
        self.resolve = resolve  # "conveyor 1", 一号传送带: the fleet's ordinal names read as its names (ordinals.py)
        self.aliases = aliases
        self.vocab = vocab
        words = sorted({w for ws in kind_words.values() for w in ws if w}, key=len, reverse=True)
        en = "|".join(re.escape(w) for w in words if not CJK.search(w)) or "(?!)"
        zh = "|".join(re.escape(w) for w in words if CJK.search(w)) or "(?!)"
        def kind(group: str) -> str:
            return rf"(?P<{group}>(?:{en})(?:e?s)?)(?![a-z])"
        self.phrase_en = re.compile(
            r"(?<![a-z])(?:"
            rf"(?:the|that|those)\s+other\s+(?P<n>one|two|three|four|five)(?:\s+{kind('nkw')})?"
            rf"|(?:all\s+(?:of\s+)?)?(?:the|those)\s+other\s+(?P<ones>ones)"
            rf"|(?:all\s+(?:of\s+)?)?(?:the|those)\s+others(?![a-z])"
            rf"|(?P<all>all\s+(?:of\s+)?)?(?:the|that|those)\s+other\s+{kind('kw')}"
            rf"|(?P<rest>(?:all\s+)?the\s+rest|the\s+remaining\s+ones|(?:all\s+)?the\s+remaining(?=\s+(?:{en})))"
            rf"(?:\s+of\s+(?:the\s+|them|those)?(?P<of>(?:[a-z0-9'-]+\s+){{0,3}}?(?:{en})(?:e?s)?(?![a-z])))?"
            r")(?![a-z])")
        self.phrase_zh = re.compile(
            # 另外那盏, 另一个, 另外两台: a demonstrative or a count before the classifier (另外 alone is "also")
            rf"另(?:外)?(?:(?:那|这)(?P<n>[一两二俩三四五])?|(?P<n2>[一两二俩三四五])){_CLASSIFIER_ZH}(?P<kw>{zh})?"
            rf"|(?P<rest>其他|其它|其余|剩下|剩余)(?:的)?(?:{_CLASSIFIER_ZH})?(?P<kw2>{zh})?"
            rf"|(?P<that>那|这)(?P<cl>{_CLASSIFIER_ZH})(?=也)")

    def rewrite(self, text: str) -> str | tuple[str, str] | None:
        """The (normalised) ask with the phrase replaced by the devices' names and the report / keep clauses
        about the named devices left out; (en, zh) reasons to refuse it ("which one?"); or None."""
        if not text or "除了" in text or re.search(r"(?<![a-z])(?:except|other\s+than|apart\s+from|but\s+not)(?![a-z])",
                                                 text):
            return None
        zh = bool(CJK.search(text))
        phrase = self.phrase_zh if zh else self.phrase_en
        spans = _clauses(text)
        hits = [(i, m) for i, (a, b) in enumerate(spans) for m in [phrase.search(text, a, b)] if m is not None]
        if len(hits) != 1:
            return None
        at, m = hits[0]
        if m.groupdict().get("rest") and not m.groupdict().get("of") and re.match(r"\s+of(?![a-z])", text[m.end():]):
            return None  # "the rest of the crew": no device
        reports = {i for i, (a, b) in enumerate(spans) if i != at and _report_or_keep(text[a:b].strip(" .!?。！？"))}
        if m.groupdict().get("that") and not reports:
            return None  # 那个也关掉 with nothing reported before: 那个 is no "other"
        # what it is other than: the devices the report / keep clauses name, else those named before the phrase
        rest_text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
        if read(self.resolve(rest_text), self.vocab).unknown_nouns:
            return None
        named = self._named(" , ".join(text[spans[i][0]:spans[i][1]] for i in sorted(reports)) if reports
                            else text[:m.start()])
        if not named:
            return None
        a, b = spans[at]
        own = read(text[a:m.start()] + " " * (m.end() - m.start()) + text[m.end():b], self.vocab)
        own_zones = {k for mn in own.mentions if mn.kind == "zone" for k in mn.keys}
        g = m.groupdict()
        kw = g.get("kw") or g.get("nkw") or g.get("kw2") or g.get("of") or ""
        kinds = {k for mn in read(kw, self.vocab).mentions if mn.kind == "kind" for k in mn.keys} if kw else set()
        kinds |= {k for mn in read(m.group(0), self.vocab).mentions if mn.kind == "kind" for k in mn.keys}
        zones = own_zones | {k for mn in read(m.group(0), self.vocab).mentions if mn.kind == "zone" for k in mn.keys}
        named_kinds = {x.kind for x in named}
        if not kinds:
            if m.groupdict().get("rest"):  # "switch the rest off", 其他的关掉: the rest of what?
                return _which(m.group(0)) if reports else None
            kinds = named_kinds
        if len(kinds) != 1 or not kinds & named_kinds:
            return _which(m.group(0))
        named = [x for x in named if x.kind in kinds]
        ids = {x.id for x in named}
        count = self._count(m)
        of_kind = [x for x in self.metas if x.kind in kinds and x.id not in ids]
        if zones:
            scope = [x for x in of_kind if x.zone in zones]
            if count is None and not any(x.zone in zones for x in named):
                return _which(m.group(0))  # "leave the floodlight on, switch the rest of the office lamps off"
            picked = scope if (count is None and scope) or len(scope) == count else None
        else:
            homes = {x.zone for x in named}
            near = [x for x in of_kind if len(homes) == 1 and x.zone in homes]
            if count is None:  # every one, where the place is clear
                picked = of_kind if of_kind and (not near or near == of_kind) else None
                if picked is None and of_kind and (g.get("kw") or g.get("kw2")) and _every_other(text, spans, at, reports):
                    picked = of_kind  # "keep the desk lamp, the other lights off", 台灯留着，别的灯都关掉: every other one
            else:
                picked = near if len(near) == count else of_kind if not near and len(of_kind) == count else None
        if not picked:
            return _which(m.group(0), [x for x in of_kind if not zones or x.zone in zones], self.aliases)
        lang = "zh" if zh else "en"
        names = [self.aliases.display_name(x, lang) for x in picked]
        said = ("和" if zh else " and ").join(names)
        pieces = []
        for i, (s, e) in enumerate(spans):
            if i in reports:
                continue
            part = text[s:e].strip(" .!?。！？")
            if i == at:
                part = (text[s:m.start()] + said + text[m.end():e]).strip(" .!?。！？")
            if part:
                pieces.append(part)
        out = ("，" if zh else ", ").join(pieces)
        return out or None

    def _named(self, text: str) -> list[DeviceMeta]:
        """The devices ``text`` names: by name, else a kind (in the places it names)."""
        r = read(self.resolve(text), self.vocab)
        by_id = {x.id: x for x in self.metas}
        ids = [k for mn in r.mentions if mn.kind == "device" for k in mn.keys[:1] if k in by_id]
        if ids:
            return [by_id[k] for k in dict.fromkeys(ids)]
        kinds = {k for mn in r.mentions if mn.kind == "kind" for k in mn.keys}
        zones = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
        if not kinds:
            return []
        return [x for x in self.metas if x.kind in kinds and (not zones or x.zone in zones)]

    @staticmethod
    def _count(m: re.Match) -> int | None:
        """How many the phrase says: 1 for "the other one" / 另外那盏 / 那个也, N for "the other N", None for all."""
        g = m.groupdict()
        if g.get("that"):
            return 1
        if g.get("n") or g.get("n2"):
            return _COUNT.get(g.get("n") or g["n2"])
        if CJK.search(m.group(0)):
            return None if g.get("rest") else 1
        if g.get("kw") and not g.get("all"):
            word = g["kw"]
            return None if word.endswith("s") and not word.endswith("ss") else 1
        return None


def _clauses(text: str) -> list[tuple[int, int]]:
    return clause_spans(text, _CUT)


def _report_or_keep(clause: str) -> bool:
    """Does the clause only say how a device is, or that it stays as it is (it gets no command)?"""
    return bool(lone_state_report(clause) is not None or _KEEP_EN.match(clause) or _KEEP_ZH.match(clause)
                or _REPORT_ZH.match(clause))


_ALL = re.compile(r"(?<![a-z])(?:all|every)(?![a-z])|都|全部|全都|统统|通通|一律|所有")


def _every_other(text: str, spans: Sequence[tuple[int, int]], at: int, reports: set[int]) -> bool:
    """Does "the other <kind>" mean every other device of that kind, wherever it is (session 9)?  Where a clause
    KEEPS the named device ("keep the desk lamp, the other lights off", 台灯留着，别的灯都关掉: the rest of the kind is
    the set the keep is set against), or the phrase's clause says all ("办公室顶灯开着，别的灯都关掉", "…, turn off all
    the other lamps").  A report alone with no "all" ("the desk lamp is off, turn off the other lamps") stays a
    question: the office's other lamps or the fleet's?"""
    if any(_KEEP_EN.match(c) or _KEEP_ZH.match(c) for c in (text[spans[i][0]:spans[i][1]].strip(" .!?。！？")
                                                               for i in reports)):
        return True
    a, b = spans[at]
    return bool(_ALL.search(text, a, b))


def _which(said: str, cands: Sequence[DeviceMeta] = (), aliases: Aliases | None = None) -> tuple[str, str]:
    """Why "the other one" is refused: which device it is cannot be told (the candidates, where there are some)."""
    if cands and aliases is not None:
        en = or_list([aliases.display_name(x, "en") for x in cands], "en")
        zh = or_list([aliases.display_name(x, "zh") for x in cands], "zh")
        return (f"Which device is '{said.strip()}': {en}? Name it.", f"“{said.strip()}”是指哪个设备：{zh}？请说出设备名称。")
    return (f"Which device is '{said.strip()}'? Name it.", f"“{said.strip()}”是指哪个设备？请说出设备名称。")
