"""Catalog semantics: what each kind of device does in the world, in English and Chinese.

"blinds let daylight in", "a pump moves coolant", "a siren warns people", "a valve lets steam through",
"a conveyor moves product".  Declared in the fleet catalog next to its devices (``"semantics"`` in
resources/fleets/demo-fleet.json: per kind ``does``, ``things``, ``up``, ``down``, ``default``, optional
``removes`` and ``feelings`` (+ ``target``: "chilly, set 24" → that capability at 24); per
device ``things`` and ``ordinal``; per zone ``ordinal``; per kind ``described``, words that describe it at work, read only to tell
which device a description means: described.py), and derived for devices the catalog says
nothing about (Home Assistant discovery) from their kind and name: ``ha_semantics.py``.

:func:`ha_semantics.meaning_for` merges the two (declared wins per kind); :func:`score_kinds` says which kinds an
utterance talks about and which way it wants them to go; :func:`foreign_place` which place it names
that the fleet does not have ("upstairs", "line 3", 第三条线).  Pure data and matching: the semantic layer
that turns this into commands is ``layers.py``.  ``"..."`` in a phrase stands for up to four words
("let ... in" matches "let the sunlight in").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from console.core.assistant.direction import DOWN, UP
from console.core.assistant.phrases import normalize
from console.core.protocol import DeviceMeta


@dataclass(frozen=True)
class KindMeaning:
    kind: str
    does: Mapping[str, str]  # lang → "lets daylight in"
    things: tuple[str, ...]  # what it acts on, both languages, normalised
    up: tuple[str, ...]  # words for more of what it does
    down: tuple[str, ...]  # words for less of it
    default: str | None = None  # the direction when a thing is named and no direction word is said
    removes: tuple[str, ...] = ()  # things it takes away (a lamp: darkness): less of them is *more* of the device
    feelings: tuple[str, ...] = ()  # how the place feels ("chilly", 好热): with a number, that number is the target
    feeling_target: str | None = None  # ... of this capability ("setpoint"); without a number, nothing is guessed
    described: tuple[str, ...] = ()  # how it sounds or looks at work ("whooshing", 吹风, boxes): tells descriptions apart


@dataclass(frozen=True)
class Meaning:
    kinds: Mapping[str, KindMeaning] = field(default_factory=dict)
    device_things: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # device id → its own words
    device_ordinal: Mapping[str, int] = field(default_factory=dict)
    zone_ordinal: Mapping[str, int] = field(default_factory=dict)

    def words(self) -> set[str]:
        """Every English word of the semantics (so the typo fixer and the unknown-noun check know them)."""
        out: set[str] = set()
        for km in self.kinds.values():
            for p in km.things + km.up + km.down:
                out.update(re.findall(r"[a-z]+", p))
        for ws in self.device_things.values():
            for p in ws:
                out.update(re.findall(r"[a-z]+", p))
        return out

    def describe(self, meta: DeviceMeta, lang: str = "en") -> str:
        km = self.kinds.get(meta.kind)
        return (km.does.get(lang) or km.does.get("en", "")) if km else ""


def _langs(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, list):
        items = raw
    elif isinstance(raw, dict):
        items = [x for v in raw.values() if isinstance(v, list) for x in v]
    else:
        raise ValueError(f"semantics {where}: expected a list or {{lang: [...]}}")
    return tuple(normalize(x) for x in items if isinstance(x, str) and x.strip())


def _feeling_target(raw: Any, where: str) -> str | None:
    """``"feelings": {"en": [...], "zh": [...], "target": "setpoint"}`` → "setpoint"."""
    if not isinstance(raw, dict) or raw.get("target") is None:
        return None
    if not isinstance(raw["target"], str) or not raw["target"].strip():
        raise ValueError(f"semantics {where}.target: must be a capability name")
    return raw["target"].strip()


def parse_declared(raw: Mapping[str, Any] | None) -> Meaning:
    """The catalog's ``"semantics"`` object → Meaning (unknown keys are ignored; bad shapes raise ValueError)."""
    if not raw:
        return Meaning()
    kinds = {}
    for kind, spec in (raw.get("kinds") or {}).items():
        if not isinstance(spec, dict):
            raise ValueError(f"semantics kinds.{kind}: must be an object")
        does = spec.get("does") or {}
        default = spec.get("default")
        kinds[str(kind)] = KindMeaning(
            kind=str(kind), does={k: str(v) for k, v in does.items()} if isinstance(does, dict) else {"en": str(does)},
            things=_langs(spec.get("things"), f"kinds.{kind}.things"), up=_langs(spec.get("up"), f"kinds.{kind}.up"),
            down=_langs(spec.get("down"), f"kinds.{kind}.down"), default=default if default in (UP, DOWN) else None,
            removes=_langs(spec.get("removes"), f"kinds.{kind}.removes"),
            feelings=_langs(spec.get("feelings"), f"kinds.{kind}.feelings"),
            feeling_target=_feeling_target(spec.get("feelings"), f"kinds.{kind}.feelings"),
            described=_langs(spec.get("described"), f"kinds.{kind}.described"))
    dev_things, dev_ord, zone_ord = {}, {}, {}
    for dev, spec in (raw.get("devices") or {}).items():
        if not isinstance(spec, dict):
            raise ValueError(f"semantics devices.{dev}: must be an object")
        if spec.get("things"):
            dev_things[str(dev)] = _langs(spec["things"], f"devices.{dev}.things")
        if isinstance(spec.get("ordinal"), int) and not isinstance(spec.get("ordinal"), bool):
            dev_ord[str(dev)] = int(spec["ordinal"])
    for zone, spec in (raw.get("zones") or {}).items():
        if isinstance(spec, dict) and isinstance(spec.get("ordinal"), int):
            zone_ord[str(zone)] = int(spec["ordinal"])
    return Meaning(kinds, dev_things, dev_ord, zone_ord)


# things that are an absence or a nuisance a device takes away: "no more darkness" wants the lamp on,
# "enough smoke" the fan on, so "less of it" is not "less of the device" (used with a kind's ``removes``)
ABSENCES = tuple(normalize(x) for x in (
    "darkness", "dark", "gloom", "fumes", "smoke", "smell", "stink", "heat", "too hot", "too cold", "cold", "stuffy",
    "黑暗", "天黑", "太暗", "烟", "闷", "太热", "太冷"))


def less_means_down(km: KindMeaning, text: str) -> bool:
    """May "no more / enough / stop <thing>" in ``text`` be read as less of what ``km``'s devices do?

    Only when the thing is what the kind gives or moves (steam, coolant, product, noise, light through the
    blinds, a fan's air), never what it takes away (darkness, fumes: its ``removes``, :data:`ABSENCES`, or
    every thing of a kind whose default is "up" and that declares no ``removes``, a lamp against darkness).
    Otherwise the ask is refused, never guessed."""
    if km.default == UP and not km.removes:
        return False
    text = ACTIVITY.sub(" ", text)  # "A线排烟停掉": the fan's work, named after what it clears, is what stops
    return not matched(text, km.removes + ABSENCES)


# a kind's work named after what it takes away (held-out 19): 排烟 ("smoke exhausting"), "smoke extraction" is the fan
# running, so stopping it is the fan off; "stop the smoke", 把烟停掉 (less of the thing) stay refused
ACTIVITY = re.compile(r"排烟|(?<![a-z])(?:smoke|fumes?)\s+(?:extraction|extractor|exhaust|removal)(?![a-z])")


def names_what_is_taken_away(meaning: Meaning, text: str) -> bool:
    """Does ``text`` name something a device takes away (darkness, fumes: "no more darkness, desk lamp" must
    not switch the lamp off)?"""
    return any(not less_means_down(km, text) and matched(text, km.things + km.removes)
               for km in meaning.kinds.values()) or bool(matched(text, ABSENCES))


# places a plant operator names that a fleet may not have: an ask about one of them that the fleet's
# zone and device names do not cover is refused, never pointed at the devices of another place
PLACES = tuple(normalize(x) for x in (
    "upstairs", "downstairs", "basement", "attic", "roof", "rooftop", "kitchen", "canteen", "cafeteria", "lobby",
    "hallway", "corridor", "toilet", "toilets", "bathroom", "restroom", "lab", "laboratory", "garage",
    "loading dock", "boiler room", "server room", "parking", "car park", "outside", "first floor", "second floor",
    "ground floor", "top floor",
    "楼上", "楼下", "地下室", "厨房", "食堂", "大厅", "走廊", "厕所", "洗手间", "实验室", "车库", "屋顶", "停车场", "外面",
    "二楼", "三楼", "一楼", "顶楼"))


# numbered or lettered lines, halls, floors: "line 3", "the third line", "line c", 第三条线, 三号线
_NUMBERS_EN = "one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2}"
_ORDINALS_EN = "first|second|third|fourth|fifth|sixth|1st|2nd|3rd|[4-9]th"
PLACE_PATTERNS = (
    re.compile(rf"(?<![a-z0-9])(?:line|hall|floor|bay|workshop)\s+(?:number\s+|no\.?\s*)?"
               rf"(?:{_NUMBERS_EN}|[a-z])(?![a-z0-9%°])"),
    re.compile(rf"(?<![a-z0-9])(?:{_ORDINALS_EN})\s+(?:line|hall|floor|bay|workshop)(?![a-z])"),
    # 两条线 is "both lines" (a quantity), never a line numbered two
    re.compile(r"第?(?!两)[一二三四五六七八九十0-9]+\s*(?:条|号|楼|层)?\s*(?:生产)?(?:线|车间|楼|层)"),
    # a lettered line in Chinese: C线, c号线 (A线 / B线 are covered by the fleet's zone names)
    re.compile(r"(?<![a-z0-9])[a-z]\s*(?:号)?\s*(?:生产)?(?:线|车间)"),
)


def foreign_place(text: str, known: Iterable[str], lines_only: bool = False) -> str | None:
    """The first place that ``text`` names (a word of :data:`PLACES`, a numbered line of
    :data:`PLACE_PATTERNS`) and no phrase of ``known`` (the fleet's zone and device names) covers, or None
    ("fresh air upstairs" → "upstairs", "stop line c" → "line c" when the fleet has lines a and b).
    ``lines_only``: only numbered or lettered lines, halls, floors (never "outside" of "the crew is outside")."""
    found = [] if lines_only else [m for place in PLACES if needle(place) in text
                                   for m in phrase_regex(place).finditer(text)]
    found += [m for rx in PLACE_PATTERNS for m in rx.finditer(text)]
    if not found:  # most asks name no place: the known names' spans are then not needed
        return None
    covered = [m.span() for k in known if k and needle(k) in text for m in phrase_regex(k).finditer(text)]
    for m in found:
        if not any(a <= m.start() and m.end() <= b for a, b in covered):
            return m.group(0).strip()
    return None


def vocabulary_matches(km: KindMeaning, text: str) -> bool:
    """Does ``text`` say something ``km``'s devices do: one of its things, up or down phrases?"""
    return bool(matched(text, km.things + km.up + km.down))


_PATTERNS: dict[str, re.Pattern] = {}


def phrase_regex(phrase: str) -> re.Pattern:
    """A phrase as a regex: whole words for ASCII, "..." for up to four words in between."""
    rx = _PATTERNS.get(phrase)
    if rx is None:
        parts = [p.strip() for p in phrase.split("...")]
        body = r"\s+(?:[^\s,，;；]+\s+){0,4}?".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts if p)
        if phrase.isascii():
            body = r"(?<![a-z0-9])" + body + r"(?![a-z0-9])"
        rx = _PATTERNS[phrase] = re.compile(body)
    return rx


_NEEDLES: dict[str, str] = {}


def needle(phrase: str) -> str:
    """A piece of ``phrase`` that any match of ``phrase_regex(phrase)`` contains as it is (its first word): a
    phrase whose needle is not ``in`` the text cannot match, and the substring test is ~50 times cheaper than
    the regex (session 7: the semantic layer tried hundreds of phrases on every clause)."""
    n = _NEEDLES.get(phrase)
    if n is None:
        words = phrase.split("...")[0].split() or [""]
        n = _NEEDLES[phrase] = words[0]
    return n


def matched(text: str, phrases: Iterable[str]) -> int:
    """Characters of ``text`` the longest matching phrase covers (0: none matches)."""
    best = 0
    for p in phrases:
        n = _NEEDLES.get(p)  # needle(p), without a call per phrase (hundreds per clause)
        if (n if n is not None else needle(p)) not in text:
            continue
        m = phrase_regex(p).search(text)
        if m:
            best = max(best, len(m.group(0)))
    return best


@dataclass
class KindHit:
    kind: str
    score: int  # characters matched: things, direction phrases, the kind's own words
    direction: str | None  # from the kind's own up/down words (None: not said)
    things: int  # characters matched by what it acts on


def score_kinds(text: str, meaning: Meaning, kind_words: Mapping[str, Sequence[str]],
                present_kinds: set[str]) -> list[KindHit]:
    """The kinds ``text`` talks about, best first (only kinds the fleet has)."""
    hits = []
    for kind, km in meaning.kinds.items():
        if kind not in present_kinds:
            continue
        things = matched(text, km.things)
        up, down = matched(text, km.up), matched(text, km.down)
        own = matched(text, kind_words.get(kind, ()))
        if not (things or up or down):
            continue
        direction = UP if up > down else DOWN if down > up else None
        hits.append(KindHit(kind, things + max(up, down) + own, direction, things))
    hits.sort(key=lambda h: -h.score)
    return hits
