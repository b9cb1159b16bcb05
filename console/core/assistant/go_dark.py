"""Leave to go dark is lights off (held-out 33): "Nobody's left in the warehouse, it can go dark.", "Warehouse is
done, it can go dark; the office too.", "let the office go dark", "the lights can go out", 仓库没人了，可以黑了.

Darkness is a lamp's thing (its catalog ``things``: "dark", 黑, 暗) and its kind's default is "up", so these had
switched the lights ON: the semantic layer read "dark" as the complaint "it's dark in here".  Said as a permission
(a modal: can / may / could / should / is fine to … go dark; "let … go dark"; lights can go out; 可以黑了, 可以让它黑下来)
darkness is what is wanted: the lights off.  A complaint ("it's dark", "too dark", 太暗了) still wants light.

- :data:`GO_DARK` finds the permission (and, for the check only, any "go dark", leave asked, 可以…暗, 让…黑下来);
  ``direction.direction_of`` reads it as "down", so the direction check refuses any light switched on or up under it;
- :func:`go_dark` writes it as the light kind's own word + "off" ("Nobody's left in the warehouse, lights off.",
  "the warehouse lights off", 仓库没人了，可以关灯了), which the rules read as before (a place named stays the place);
  a subject that is only the place already named ("it", "the place", 它) is dropped, "everything" is all the lights;
- :func:`dark_problem`: a light switched on or up where the ask gives leave to go dark, unless another clause of the
  ask (one without that leave) is about that light and says "up" ("office lights on, the warehouse can go dark").

Negations ("don't let it go dark", "it can't go dark", 别让它黑), conditions and schedules are not rewritten here and
are refused as before by the screening.  Pure: regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Mapping

_MODAL = (r"(?:(?:can|could|may|might|should|shall)(?:\s+(?:now|just|safely|finally|all|also|too))?"
          r"|(?:is|'s|are|'re)\s+(?:now\s+)?(?:ok|okay|fine|safe|good|free|allowed)\s+to"
          r"|(?:ok|okay|fine|safe)\s+to)")
# a subject that names nothing but the place already said: dropped ("it can go dark" → "lights off")
_SUBJECT = (r"(?P<drop>it|that|this|we|you|here|in\s+here|this\s+place|that\s+place|"
            r"the\s+(?:whole\s+|entire\s+)?(?:place|building|site|plant|floor|area|room|lot)|"
            r"(?P<all>everything|everywhere|all\s+of\s+it|the\s+whole\s+lot))")
_NOT = r"(?<!n't\s)(?<!not\s)(?<!never\s)(?<!dont\s)(?<!cant\s)"
_DARK_EN = r"go\s+(?:dark|black|pitch\s+black|pitch\s+dark)(?![a-z])"
_LEAVE_EN = re.compile(
    # "(it) can go dark", "the warehouse is fine to go dark now"
    rf"(?<![a-z']){_NOT}(?:{_SUBJECT}\s+)?{_MODAL}\s+{_DARK_EN}"
    # "let it go dark", "you can let the office go dark", "let the warehouse and the office go dark"
    rf"|(?<![a-z']){_NOT}(?:(?:you|we)\s+)?(?:(?:can|could|may|might)\s+(?:just\s+)?)?{_NOT}let\s+"
    rf"(?:{_SUBJECT.replace('drop', 'drop2').replace('<all>', '<all2>')}\s+|(?P<keep>(?:[a-z']+\s+){{1,5}}?))?"
    rf"{_DARK_EN}"
    # "the lights can go out / off", "let the warehouse lights go out"
    rf"|(?<![a-z']){_NOT}(?P<light>lights?|lamps?|lighting)\s+{_MODAL}\s+go\s+(?:out|off)(?![a-z])"
    rf"|(?<![a-z']){_NOT}let\s+(?P<lkeep>(?:[a-z']+\s+){{0,3}}?(?:lights?|lamps?|lighting))\s+go\s+(?:out|off)"
    rf"(?![a-z])")
# 可以黑了, 可以让它黑下来, 仓库可以黑灯了, 可以让办公室和仓库都黑下来; a clause that is "让…黑下来 / 黑掉" (never 不可以黑,
# 别让它黑, nor 灯坏了，让仓库黑了: a cause, no leave)
_LEAVE_ZH = re.compile(r"(?<![不没])可以(?:让(?P<zobj>[^，,。；;！!？?\s]{0,12}?))?都?黑(?:下来|下去|掉|灯)?了?(?!一点|一些|点|些)"
                       r"|(?:^|(?<=[，,；;。.！!]))\s*就?让(?P<zobj2>[^，,。；;！!？?\s]{0,12}?)都?黑(?:下来|下去|掉)(?:吧|了)?")
# what the direction check reads as "down" besides: any "go dark" ("it'll go dark soon, lights on" is then two ways,
# and the lights may go on by their own clause), leave asked ("can the warehouse go dark?"), 可以…暗, 让…黑下来: never
# rewritten, but no light goes on or up under them (a negation or a question is refused before, by the screening)
_SAID = (r"(?<![a-z'])go\s+(?:dark|black|pitch\s+(?:dark|black))(?![a-z])"
         r"|(?<![a-z'])(?:lights?|lamps?|lighting)\s+(?:[a-z']+\s+){0,3}?go\s+(?:out|off)(?![a-z])"
         r"|可以[^，,。；;！!？?]{0,12}?(?:黑|暗)|让[^，,。；;！!？?]{0,12}?(?:黑|暗)(?:下来|下去|掉)")
GO_DARK = re.compile(_LEAVE_EN.pattern + "|" + _LEAVE_ZH.pattern + "|" + _SAID)
_HERE_ZH = ("它", "这里", "这边", "那里", "那边", "这儿", "那儿", "里面", "")


def says_go_dark(text: str) -> bool:
    """Does the (normalised) ask give leave to go dark?"""
    return ("dark" in text or "black" in text or "go" in text or "黑" in text or "暗" in text) \
        and GO_DARK.search(text) is not None


def go_dark(text: str, word_en: str, word_zh: str) -> str:
    """``text`` (normalised) with each leave to go dark written as ``word_en`` / ``word_zh`` (the light kind's word:
    "lights", 灯) off; the same string when it says none."""
    if not says_go_dark(text):
        return text

    def en(m: re.Match) -> str:
        if m.group("light") or m.group("lkeep"):
            return f"{m.group('light') or m.group('lkeep')} off"
        if m.group("all") or m.group("all2"):
            return f"all {word_en} off"
        keep = (m.group("keep") or "").strip()
        return f"{keep} {word_en} off" if keep else f"{word_en} off"

    def zh(m: re.Match) -> str:
        obj = (m.group("zobj") or m.group("zobj2") or "").strip()
        return f"可以关{word_zh}了" if obj in _HERE_ZH else f"{obj}关{word_zh}"  # 可以让仓库黑下来 → 仓库关灯

    text = _LEAVE_EN.sub(en, text)
    return _LEAVE_ZH.sub(zh, text)


def dark_problem(text: str, clauses: Iterable[str], commands: Iterable[Any], by_id: Mapping[str, Any],
                 lights: set[str], refers: Callable[[str], set[str]], ways: Callable[[str], set[str]],
                 violation: Callable[..., str | None], current: Any = None) -> str | None:
    """The reason a light goes on or up where the (normalised) ask gives leave to go dark, or None.  A light another
    clause (without that leave) is about and asks "up" for may go up."""
    if not says_go_dark(text):
        return None
    raised: set[str] = set()
    for clause in clauses:
        if not says_go_dark(clause) and "up" in ways(clause):
            raised |= refers(clause)
    for c in commands:
        meta = by_id.get(c.device_id)
        if meta is None or meta.kind not in lights or c.device_id in raised:
            continue
        now = current(c.device_id) if current else None
        why = violation(meta, c.params, {"down"}, now)
        if why:
            return f"leave to go dark asks for the lights off ({why})"
    return None


def dark_words(lights: set[str], kind_names: Mapping[str, Mapping[str, Iterable[str]]]) -> tuple[str, str] | None:
    """The words "<word> off" is written with: the one light kind's plural English name ("lights") and its first
    Chinese name (灯); None where the fleet has no light kind or several (the ask is then refused, never guessed)."""
    if len(lights) != 1:
        return None
    kind = next(iter(lights))
    names = kind_names.get(kind, {})
    en = list(names.get("en", ()))
    zh = list(names.get("zh", ()))
    plural = [w for w in en if w.endswith("s") and " " not in w]
    word_en = (plural or en or [kind])[0]
    return (word_en, zh[0] if zh else "灯") if word_en.isascii() else None
