"""A device described instead of named: by what it does, how it sounds, where it is (session 9, new staff).

"the thing that pushes boxes on the second line - stop it" also stopped the cooling pump, "that whooshing thing over
line A, switch it off" also stopped conveyor A and 一号线那个吹风的打开 started it: a generic noun (thing, one, 东西,
那个…的) with a place was read as *every* device of that place.  二号线那个推箱子的东西停一下, "that hissing thing on line 2
that lets the steam out, shut it", 院子里那个一直叫的东西，让它停下 and "make the yard thing do the wailing sound" were
refused.  A description names one device; it is read as that device's name, or the ask is refused:

- **the phrase**: English "the / that / this [up to three words] thing / one / machine / device / unit" with what
  follows it ("that/which …", "on/in/over/at <place>"), up to a comma, a dash, "and"/"then"/"but" or a command verb;
  Chinese "<place>(里/上/的) 那个/这个/那台… <description> 的 (东西/玩意/设备/机器)".
- **what it says**: the places it names (zones, "the second line", or a place a device's own words declare: yard,
  院子 → the yard siren), the kinds its words describe (catalog semantics: what a kind acts on and does — boxes,
  steam, "lets … out" — and its ``described`` words: whooshing, hissing, boxes, 吹风, 叫; a size or loudness adjective says nothing),
  and a kind word in it.
- **which device**: the devices with a writable setting that fit all of it.  Exactly one: the phrase is replaced by
  that device's name and the ask read again by the whole pipeline.  Several ("the thing on line 2": conveyor, pump,
  valve): "which one?", never all of them.  None: refused, never a device of another kind or place.  A phrase that
  says no place and no kind ("the thing", "that one") is left as it was.
- **an apposition**: a clause that is only such a phrase after a clause naming devices ("the belt on line A, the one
  that moves the boxes, start it", "the fan on line A, the loud one on the wall, turn it on") describes those devices:
  it is dropped when it fits them all, else the ask is refused.

Also a device named by where it sits in the room: 天花板上的灯, 顶上那个灯, "the light on the ceiling" → the device whose
name is that part + that kind (天花板灯, 顶灯, "ceiling light"), only where the fleet has such a name.

Pure: reads with the assistant (its reader, catalog semantics, ordinals); no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.direction import direction_of
from console.core.assistant.lexicon import CJK
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import AMBIGUOUS, UNKNOWN_DEVICE
from console.core.assistant.reader import read
from console.core.assistant.semantics import matched, score_kinds
from console.core.assistant.sound_patterns import sound_patterns

# a "gadget" is an unknown noun, refused as one; "the unit" is often the AC unit: left as said
_NOUNS_EN = ("thing", "one", "machine", "device", "thingy")
# a quick test before any scanning: most asks describe nothing
_ANY_EN = re.compile(r"(?<![a-z])(?:the|that|this)\s+(?:[a-z'-]+\s+){0,3}?(?:" + "|".join(_NOUNS_EN) + r")(?![a-z'])")
_DET_EN = re.compile(r"(?<![a-z])(?:the|that|this)\s+")
# words before the noun that make it no description: "the other one" (other_ones.py), "the first one", "line one"
_NOT_DESC_EN = frozenset("other same first second third fourth last next only previous each every any no which what "
                         "line number conveyor lamp light fan pump valve siren lock door belt no. one".split())
# words that describe any machine, never its kind: "the loud one on the wall"
_ANY_MACHINE_EN = re.compile(r"(?<![a-z])(?:humming|hums|buzzing|droning|rattling|rumbling|clanking|"
                             r"vibrating|loud|noisy|quiet|big|small|little|large|huge|tiny|old|new|main|red|blue|"
                             r"green|grey|gray|white|black|yellow|metal|round|square|long|short|tall)(?![a-z])")
# a machine's hum (嗡嗡响, "humming") says nothing of its kind: "冷却水泵打开，就是二号线那个嗡嗡响的泵" (session 10)
_ANY_MACHINE_ZH = re.compile(r"嗡嗡(?:作响|地?响|叫)?|轰轰(?:作响|地?响)?|隆隆(?:作响|地?响)?|很吵|好吵|吵|大|小|旧|新|红色?|蓝色?|绿色?|白色?|黑色?|黄色?|灰色?|圆|方|长|高|矮|很|特别|最")
_PREPS_EN = frozenset("on in at over above by near along beside behind under next up down out".split())  # where it is
_REL_EN = r"(?:that|which|who|what)"
_STOP_EN = frozenset("and then but so please plus also too thanks".split())
# a command verb ends the phrase ("the thing on line 2 stop it"), except as the first word of its "that …" clause
_VERB_EN = frozenset("stop start turn switch shut close open set put make run kill cut lock unlock silence sound dim "
                     "raise lower halt pause get bring crank give".split())
_CUT_EN = re.compile(r"\s*(?:[,;:!?]|\.(?:\s|$)|\s-+\s|—|–)\s*")
# an amount ends the phrase: "vent the hissing thing on line B halfway" had dropped "halfway" with the description
# and opened the valve fully (blind set 71); the amount stays in the ask, read with the device's name (session 11b)
_AMOUNT_EN = re.compile(r"(?:halfway|half(?:\s+way)?|(?:a|one)\s+(?:quarter|third)|three\s+quarters|two\s+thirds|"
                        r"fully|full|all\s+the\s+way|completely|partway|part\s+way|partly|partially|"
                        r"(?:to|at|by)\s+(?:\d|about|around|roughly|max|min|full|half|low|medium|mid|high|maximum|minimum)|"
                        r"(?<!line\s)(?<!lines\s)(?<!zone\s)(?<!number\s)(?<!no\s)(?<!bay\s)\d)(?![a-z])")

_DET_ZH = r"(?:那个|这个|那台|这台|那一个|这一个|那一台|那条|这条|那盏|这盏|那只|这只|那部|那套)"
_DESC_ZH = re.compile(_DET_ZH + r"(?:(?P<desc>[^\s,;:!?。，；：！？、的]{1,10}?)的(?P<noun>东西|玩意儿|玩意|设备|机器|装置|家伙)?"
                      r"|(?P<bare>东西|玩意儿|玩意))")  # 院子里那个东西: the place's one device
# 推箱子的那个 (an apposition: "…，就是推箱子的那个，…"), only closing its clause (院子里的那个警报 names the siren)
_DESC_AFTER_ZH = re.compile(r"(?:就是)?(?P<desc>[^\s,;:!?。，；：！？、的]{1,10}?)的" + _DET_ZH
                            + r"(?=\s*(?:吧|啊|呀)?\s*(?:[,;:!?。，；：！？]|$))")
# 二号线呲呲放气的那个关上 (session 10): place, description, 的 + the determiner, then the verb: the frame 二号线那个呲呲放气的关上
_DET_LAST_ZH = re.compile(r"(?:^|(?<=[\s,;:!?。，；：！？、]))(?P<seg>[^\s,;:!?。，；：！？、的]{3,20})的(?P<det>" + _DET_ZH
                          + r")(?=[\u3400-\u9fff])(?!东西|玩意|设备|机器|装置|家伙|吧|啊|呀)")
_LEAD_ZH = re.compile(r"^(?:请|麻烦|帮我|帮忙|把|将|给我|就是)+")
# 咕噜咕噜那个停掉, 嘶嘶的那个关上 (session 12, dictation): a sound word the catalog describes a kind by, then (的 and) the
# determiner before the verb, with no place: the frame 那个咕噜咕噜的停掉 (only a catalog ``described`` word, never a name)
_SOUND_FIRST_ZH = re.compile(r"(?:^|(?<=[\s,;:!?。，；：！？、]))(?P<lead>(?:请|麻烦|帮我|帮忙|把|将|给我|就是)*)"
                             r"(?P<desc>[\u3400-\u9fff]{2,6}?)(?:的)?(?P<det>" + _DET_ZH
                             # a dictated pause before the verb (嘶嘶响的那个 关上: session 13) is dropped with the frame
                             + r")\s?(?=[\u3400-\u9fff])(?!东西|玩意|设备|机器|装置|家伙|吧|啊|呀|的)")
_PLACE_TAIL_ZH = re.compile(r"(?:里面|里头|里|上面|上头|上|的|那边|这边|那儿|这儿)+$")
_CUT_ZH = re.compile(r"[,;:!?。，；：！？]")

# where a device sits in a room: 天花板上的灯, 顶上那个灯, 桌上的灯; "the light on the ceiling"
# (天花板那個燈, 天花板的灯 without 上: set 97, Taiwan; still only where part + kind is a device's own name)
_ON_PART_ZH = re.compile(r"(?P<part>[\u3400-\u9fff]{1,3}?)(?:(?:上面|上头|上)(?:的|那个|那盏|那台|那只)?(?:的)?|"
                         r"(?:的|那个|那盏|那台|那只|这个|这盏))(?=[\u3400-\u9fff])")
_ON_PART_EN = re.compile(r"(?<![a-z])(?:the\s+)?(?P<kind>[a-z]+)\s+(?:up\s+)?(?:on|above|over)\s+the\s+(?P<part>[a-z]+)"
                         r"(?![a-z])")


class Described:
    """The outcome of :func:`described`: the ask with the description replaced (``text``), or a refusal (``en``,
    ``zh``); None from :func:`described` when the ask describes nothing."""

    __slots__ = ("text", "en", "zh", "kind")

    def __init__(self, text: str | None = None, en: str = "", zh: str = "", kind: str = UNKNOWN_DEVICE) -> None:
        self.text, self.en, self.zh, self.kind = text, en, zh, kind


_KEEP = Described("")  # a phrase left as it is said


def described(asst: Any, utterance: str) -> Described | None:
    """The ask with each described device named, a refusal, or None (nothing described)."""
    text = normalize(utterance or "")
    if not text:
        return None
    out = _on_part(asst, text)
    res = _zh(asst, out) if CJK.search(out) else _en(asst, out)
    if res is None:
        return Described(out) if out != text else None
    if res.text is not None and normalize(res.text) == text:
        return None  # nothing changed (never read again as it was)
    return res


# -- the devices a description fits ------------------------------------------------------------------------------------
def _fits(asst: Any, phrase: str, desc: str) -> tuple[list[Any], bool] | None:
    """(the devices ``phrase`` fits, whether it said anything to narrow them); None when it names a device by its
    name (then it is no description).  ``desc`` is the part that says what it is like (its kinds are read there)."""
    r = read(phrase, asst.rules.vocab)
    if any(mn.kind == "device" for mn in r.mentions):
        return None
    zones = {k for mn in r.mentions if mn.kind == "zone" for k in mn.keys}
    kinds = {k for mn in r.mentions if mn.kind == "kind" for k in mn.keys}
    rewritten = asst._zone_numbers(asst.ordinals.rewrite(phrase))  # "the second line", "line 2"
    if rewritten != phrase:
        zones |= {k for mn in read(rewritten, asst.rules.vocab).mentions if mn.kind == "zone" for k in mn.keys}
    places = {dev for dev, words in asst.meaning.device_things.items() if matched(phrase, words)}  # yard, 院子
    present = {m.kind for m in asst.metas}
    # a machine's sound says nothing of its kind, unless the fleet's catalog describes a kind of its own by it
    # ("rattling": the conveyor's described word; session 10b): then it is read as that kind's, below
    own = {w for k, km in asst.meaning.kinds.items() if k in present for w in (km.described or ())}
    plain = (_ANY_MACHINE_ZH if CJK.search(desc) else _ANY_MACHINE_EN).sub(
        lambda w: w.group(0) if w.group(0) in own else " ", desc)
    if CJK.search(plain) and "响" in plain:  # 嘶嘶响的那个: the hiss sounds, never the siren's 响 (session 13)
        plain = _sound_compound(plain, own)
    does = {h.kind for h in score_kinds(plain, asst.meaning, asst.kind_words, present) if h.things or h.direction}
    does |= {k for k, km in asst.meaning.kinds.items() if k in present and km.described and matched(plain, km.described)}
    if kinds and does:
        does &= kinds
        if not does:
            return [], True
    kinds = kinds or does
    if not (zones or places or kinds):
        return [], False
    pool = [m for m in asst.metas if any(c.writable for c in m.capabilities.values())]
    if zones:
        pool = [m for m in pool if m.zone in zones]
    if places:
        pool = [m for m in pool if m.id in places]
    if kinds:
        pool = [m for m in pool if m.kind in kinds]
    return pool, True


# 嘶嘶响 / 咕噜咕噜地响 / 哐哐作响: a sound word then the plain verb "sounds" (响); the verb belongs to the sound word
_SOUNDS_ZH = re.compile(r"(?:地)?(?:作)?响")


def _sound_compound(plain: str, own: set[str]) -> str:
    """``plain`` with 响 dropped right after a kind's own ``described`` sound word of two characters or more (嘶嘶响 →
    嘶嘶: the valve's hiss, never also the siren's 响); other text as it is."""
    for word in sorted((w for w in own if len(w) >= 2 and CJK.search(w)), key=len, reverse=True):
        if word in plain:
            plain = re.sub(re.escape(word) + _SOUNDS_ZH.pattern, word, plain)
    return plain


def _name(asst: Any, meta: Any, lang: str) -> str:
    return normalize(asst.aliases.display_name(meta, lang))


def _which(asst: Any, phrase: str, pool: list[Any], lang: str) -> Described:
    if not pool:
        return Described(None, f"No device of this fleet is '{phrase}': name the device.",
                         f"这个设备群中没有“{phrase}”这样的设备：请说出设备名称。")
    names = [asst.aliases.display_name(m, lang) for m in pool]
    return Described(None, f"Which device is '{phrase}': {' or '.join(names)}? Name the device.",
                     f"“{phrase}”是哪一个：{'、'.join(names)}？请说出设备名称。", AMBIGUOUS)


def _apposition(asst: Any, before: str, phrase: str, desc: str, lang: str) -> Described | None:
    """A clause that is only a description, after a clause that names devices: dropped when it fits them all (an
    empty replacement), refused when it does not; None when nothing before it names a device."""
    earlier = [c for c in _CUT_ZH.split(before) if c.strip()] if lang == "zh" else \
        [c for c in _CUT_EN.split(before) if c.strip()]
    if not earlier:
        return None
    last = earlier[-1]
    r = read(last, asst.rules.vocab)
    if not any(mn.kind in ("device", "kind") for mn in r.mentions):
        return None
    named = asst._refers(last)
    if not named:
        return None
    fits = _fits(asst, phrase, desc)
    if fits is None:
        return None
    pool, said = fits
    ids = {m.id for m in pool}
    values = read(desc, asst.rules.vocab).enums or read(sound_patterns(
        ("要" if CJK.search(desc) else "to ") + desc, asst.rules.vocab.enum_values), asst.rules.vocab).enums  # 呜呜响的那个
    if values and (not said or ids >= named) and "down" not in direction_of(before):  # ("stop it, the wailing one": now)  # "sound the alarm in the yard, the wailing one": its pattern (session 10)
        if all(any(c.writable and c.type == "enum" and v in (c.values or ()) for c in asst.by_id[i].capabilities.values())
               for i in named for v in values):
            return Described(" ".join(dict.fromkeys(values)))
        return Described(None, f"'{phrase}' does not fit what the ask names before it: name the device once.",
                         f"“{phrase}”与前面说的设备不符：请只说出设备名称。")
    if not said or ids >= named:
        return Described("")
    if ids & named:
        return _KEEP  # "the lamp, the one in the warehouse": it narrows the devices named (read as it is said)
    return Described(None, f"'{phrase}' does not fit what the ask names before it: name the device once.",
                     f"“{phrase}”与前面说的设备不符：请只说出设备名称。")


# -- English -------------------------------------------------------------------------------------------------------------
_NOUN_RX = re.compile(r"(?P<pre>(?:[a-z'-]+\s+){0,3}?)(?P<noun>" + "|".join(_NOUNS_EN) + r")(?![a-z'])")
_SEP_END = re.compile(r"(?:[,;:]|\s-+|—|–)\s*$")
_SEP_START = re.compile(r"^\s*(?:please\s*)?(?:[,;:!?]|\.(?:\s|$)|-+\s|—|–|$)")


def _en(asst: Any, text: str) -> Described | None:
    if not _ANY_EN.search(text):
        return None
    out, pos, changed = [], 0, False
    for m in _DET_EN.finditer(text):
        if m.start() < pos:
            continue
        span = _phrase_en(text, m.start(), m.end())
        if span is None:
            continue
        start, end, noun = span
        phrase, desc = text[start:end].strip(), text[m.end():end]
        head, tail = text[:start], text[end:]
        res = None
        if head.strip() and _SEP_END.search(head) and _SEP_START.match(tail):
            res = _apposition(asst, head, phrase, desc, "en")  # "the belt on line a, the one that moves the boxes, …"
        if res is _KEEP:
            continue
        if res is None:
            if noun == "one" and any(mn.kind in ("device", "kind") for mn in read(head, asst.rules.vocab).mentions):
                continue  # "stop the conveyor on line a and the one on line b": "one" is the kind named before
            res = _resolved(asst, phrase, phrase, desc, "en", head + " " + tail)
            if res is None:
                continue
        if res.text is None:
            return res
        out.append(text[pos:start])
        out.append(res.text)
        pos, changed = end, True
    if not changed:
        return None
    joined = "".join(out) + text[pos:]
    joined = re.sub(r"(?:\s*[,;:]\s*(?:-+\s*)?){2,}", ", ", joined)  # a dropped apposition leaves two commas
    return Described(re.sub(r"\s{2,}", " ", joined).strip(" ,;:-"))


def _phrase_en(text: str, start: int, after_det: int) -> tuple[int, int, str] | None:
    """(start, end, its noun) of the description whose determiner starts at ``start``, or None: the noun, then "that/which …"
    and "on/in/over … <place>" up to a comma, a dash, "and"/"then"/"but"/"please" or a command verb (a verb may
    open the "that …" clause: "that lets the steam out")."""
    m = _NOUN_RX.match(text, after_det)
    if m is None:
        return None
    if any(w in _NOT_DESC_EN or w in _STOP_EN or w in _VERB_EN for w in m.group("pre").split()):
        return None
    noun_end = end = m.end()
    opened = after_rel = False
    for w in re.finditer(r"\S+", text[noun_end:]):
        tok = w.group(0)
        if re.fullmatch(r"-+|—|–", tok) or tok[0] in ",;:!?.":
            break
        word = tok.rstrip(",;:!?.")
        if _AMOUNT_EN.match(text, noun_end + w.start()):
            break  # "… on line b halfway", "… to 30%": the amount is the ask's, never the description's
        if not opened:
            if re.fullmatch(_REL_EN, word):
                opened = after_rel = True
            elif word in _PREPS_EN:
                opened = True
            else:
                break
        else:
            if word in _STOP_EN or (word in _VERB_EN and not after_rel):
                break
            after_rel = bool(re.fullmatch(_REL_EN, word))
        end = noun_end + w.start() + len(word)
        if word != tok:
            break
    return start, end, m.group("noun")


def _resolved(asst: Any, phrase: str, said: str, desc: str, lang: str, rest: str = "") -> Described | None:
    """The one device ``said`` describes (its name), "which one?" / "no such device", or None (it says nothing that
    narrows the fleet, or names a device by its name).  Where several fit, the one device that can take every
    number the rest of the ask says (``rest``: "…, run it at 60" → the conveyor's rpm, never the fan's low/medium/high
    speed) is that device; "which one?" stays where two or more could take it (session 10)."""
    fits = _fits(asst, said, desc)
    if fits is None or not fits[1]:
        return None
    pool = fits[0]
    if len(pool) > 1 and rest.strip():
        said = read(rest, asst.rules.vocab)
        nums = [n for n in said.numbers if n.value is not None and n.special is None]
        takers = [m for m in pool if (nums or said.enums) and all(_takes(m, n) for n in nums)
                  and all(any(c.writable and c.type == "enum" and v in (c.values or ()) for c in m.capabilities.values())
                          for v in said.enums)]
        if len(takers) == 1:
            pool = takers
    if len(pool) != 1:
        return _which(asst, phrase, pool, lang)
    return Described(_name(asst, pool[0], lang))


def _takes(meta: Any, num: Any) -> bool:
    """Can a writable numeric setting of ``meta`` take ``num`` (its range, and its unit when one is said)?"""
    for cap in meta.capabilities.values():
        if not cap.writable or cap.type not in ("int", "float"):
            continue
        if num.unit and cap.unit and num.unit.lower() != str(cap.unit).lower():
            continue
        if num.unit and not cap.unit:
            continue
        lo = cap.min if cap.min is not None else float("-inf")
        hi = cap.max if cap.max is not None else float("inf")
        if lo <= num.value <= hi:
            return True
    return False


# -- Chinese -------------------------------------------------------------------------------------------------------------
def _det_last(asst: Any, text: str) -> str:
    """二号线呲呲放气的那个关上 → 二号线那个呲呲放气的关上: a place, then a description, 的 and a determiner before the verb is
    the frame :func:`_zh` reads; only where the words before the description are only a place the fleet has, the
    description names nothing and no kind or device word follows the determiner (二号线的那个泵: a name)."""
    if "的" not in text:
        return text
    out, pos = [], 0
    for m in _DET_LAST_ZH.finditer(text):
        seg = m.group("seg")
        lead = _LEAD_ZH.match(seg)
        at = lead.end() if lead else 0
        after = read(text[m.end():m.end() + 6], asst.rules.vocab)
        if any(mn.start == 0 for mn in after.mentions):
            continue
        for i in range(len(seg) - 1, at, -1):
            core, desc = _PLACE_TAIL_ZH.sub("", seg[at:i]), seg[i:]
            if core and _place_only(asst, core) and not read(desc, asst.rules.vocab).mentions:
                out.append(text[pos:m.start()] + seg[:i] + m.group("det") + desc + "的")
                pos = m.end()
                break
    return "".join(out) + text[pos:] if out else text


def _sound_first(asst: Any, text: str) -> str:
    """咕噜咕噜那个停掉 / 嘶嘶的那个关上 → 那个咕噜咕噜的停掉 / 那个嘶嘶的关上: only where the words before the determiner
    are a sound the catalog describes a kind of this fleet by, name nothing, and no device or kind word follows."""
    present = {m.kind for m in asst.metas}
    own = [w for k, km in asst.meaning.kinds.items() if k in present for w in (km.described or ()) if CJK.search(w)]
    if not own:
        return text

    def swap(m: re.Match[str]) -> str:
        desc = m.group("desc")
        if not any(desc.startswith(w) for w in own) or read(desc, asst.rules.vocab).mentions:
            return m.group(0)
        after = read(text[m.end():m.end() + 6], asst.rules.vocab)
        if any(mn.start == 0 for mn in after.mentions):
            return m.group(0)
        return m.group("lead") + m.group("det") + desc + "的"
    return _SOUND_FIRST_ZH.sub(swap, text)


def _zh(asst: Any, text: str) -> Described | None:
    text = _sound_first(asst, _det_last(asst, text))
    found = sorted(list(_DESC_ZH.finditer(text)) + list(_DESC_AFTER_ZH.finditer(text)), key=lambda m: m.start())
    if not found:
        return None
    out, pos, changed = [], 0, False
    for m in found:
        if m.start() < pos:
            continue
        desc = m.groupdict().get("desc") or ""
        if any(mn.kind != "zone" for mn in read(desc, asst.rules.vocab).mentions):
            continue  # 那个台灯的亮度, 那个阀门的: a name, no description
        cut = max((c.end() for c in _CUT_ZH.finditer(text, 0, m.start())), default=0)
        prefix = text[cut:m.start()]
        lead = _LEAD_ZH.match(prefix)
        core = _PLACE_TAIL_ZH.sub("", prefix[lead.end() if lead else 0:])
        start, end = m.start(), m.end()
        if core and _place_only(asst, core):  # 二号线那个…, 院子里那个…: the place is part of the description
            start = cut + (lead.end() if lead else 0)
        elif m.groupdict().get("bare"):
            continue  # 那个东西 with no place: nothing said (read as it is)
        after = read(text[end:end + 6], asst.rules.vocab)
        kind_after = next((mn for mn in after.mentions if mn.start == 0 and mn.kind == "kind"), None)
        if kind_after is not None and not m.groupdict().get("noun") and not m.groupdict().get("bare"):
            end += kind_after.end  # 那个蓝色的灯: the kind word is its noun
        phrase, head, tail = text[start:end], text[cut:start], text[end:]
        res = None
        if cut > 0 and head.strip() in ("", "就是") and re.match(r"^\s*(?:吧|啊|呀)?\s*(?:[,;:!?。，；：！？]|$)", tail):
            res = _apposition(asst, text[:cut], phrase, desc, "zh")  # A线的传送带，就是推箱子的那个，启动
        if res is _KEEP:
            continue
        if res is None:
            res = _resolved(asst, phrase, phrase, desc, "zh", text[:start] + "，" + tail)
            if res is None:
                continue
        if res.text is None:
            return res
        out.append(text[pos:start])
        if res.text == "":  # a dropped apposition goes with its comma
            out[-1] = re.sub(r"[,;:，；：]\s*(?:就是)?\s*$", "", out[-1])
            particle = re.match(r"^\s*(?:吧|啊|呀)?", tail)
            end += particle.end() if particle else 0
        out.append(res.text)
        pos, changed = end, True
    if not changed:
        return None
    return Described(("".join(out) + text[pos:]).strip(" ,"))


def _place_only(asst: Any, core: str) -> bool:
    """Is ``core`` only a place: a zone's name, or a place a device's own words declare (院子)?"""
    r = read(core, asst.rules.vocab)
    if r.mentions and all(mn.kind == "zone" for mn in r.mentions) \
            and "".join(core[mn.start:mn.end] for mn in r.mentions) == core:
        return True
    return any(core in words for words in asst.meaning.device_things.values())


# -- where it sits ---------------------------------------------------------------------------------------------------
def _on_part(asst: Any, text: str) -> str:
    """天花板上的灯 → 天花板灯, 顶上那个灯 → 顶灯, "the light on the ceiling" → "ceiling light": only where the fleet
    names a device so (the part + the kind word read as one device)."""
    def device_name(words: str) -> bool:
        mns = read(words, asst.rules.vocab).mentions
        return len(mns) == 1 and mns[0].kind == "device" and mns[0].start == 0 and mns[0].end == len(words)

    if CJK.search(text):
        for m in _ON_PART_ZH.finditer(text):
            rest = text[m.end():]
            kind = next((mn for mn in read(rest[:6], asst.rules.vocab).mentions
                         if mn.start == 0 and mn.kind == "kind"), None)
            if kind is None:
                continue
            part = m.group("part")
            noun = rest[:kind.end]
            for i in range(len(part)):
                if device_name(part[i:] + noun):
                    return text[:m.start() + i] + part[i:] + noun + rest[kind.end:]
        return text
    for m in _ON_PART_EN.finditer(text):
        name = f"{m.group('part')} {m.group('kind')}"
        if device_name(name):
            return text[:m.start()] + "the " + name + text[m.end():]
    return text
