"""A clause that says a way of its own the rules do not read ("blinds up", 窗帘上去) never borrows another's.

"blinds up, lights off" had closed the blinds: the clause "blinds up" fails alone, the whole reading carries the
blinds with the lights' "off", and a failed clause whose devices the whole has was counted as carried.  That holds
for an ellipsis ("…, and the ceiling lamp too", 台灯也): it says nothing but its devices and shares the verb.  A
clause that says something more about its devices (the words left over once names, kinds, places and joining words
are blanked, all of them way particles: "up", "down", "wide", 上去) and gives no direction the rules read has a way of
its own, unread: the ask is refused, never proposed with the other clause's way (``Assistant._by_clause``).  Where the
splitter sees no clause ("blinds up lights off", "lights off. blinds up."), :func:`particle_ways` binds a particle
right after a device or kind to it for the gate's direction check (``Assistant.direction_problem``).  Pure functions
of a text and its reading; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

from console.core.assistant.reading import Reading

# the words of an ellipsis: only join or point ("and also the ceiling lamp as well", 也把台灯, 还有吊灯)
_JOIN_EN = frozenset("and also too as well plus then the a an our my this that those these both all each every "
                     "please now one ones of in at on inside".split())
_JOIN_ZH = re.compile(r"也|还有|还|以及|和|跟|与|把|将|的|再|顺便|同时|另外|并且|而且|一起|都|请|一下|吧|呢|啊")

# a way said as a particle, with no verb the rules read: "blinds up", "put the blinds up", "shutters right down",
# "shades halfway up", 窗帘上去, 窗帘往上, 卷帘下来
_WAY_EN = frozenset("up down upward upwards downward downwards high higher low lower back out away apart together "
                    "halfway partway fully right way wide ajar partly partially slightly put get move roll pull push "
                    "take have leave them it".split())
_WAY_ZH = re.compile(r"[上下起来去落收升降回往朝向]+")


def own_unread_way(clause: str, r: Reading) -> str | None:
    """The word(s) a clause says about its devices beyond naming them ("up" of "blinds up", 上去 of 窗帘上去), for a
    (normalised) clause with a device, kind or place mention; None for an ellipsis or a clause that names nothing."""
    if not any(mn.kind in ("device", "kind", "zone") for mn in r.mentions):
        return None
    work = list(clause)
    for mn in r.mentions:
        work[mn.start:mn.end] = " " * (mn.end - mn.start)
    rest = _JOIN_ZH.sub(" ", "".join(work))
    words = [w for w in re.findall(r"[a-z]+(?:'[a-z]+)?|[\u3400-\u9fff]+", rest) if w not in _JOIN_EN]
    if not words or not all(w in _WAY_EN or _WAY_ZH.fullmatch(w) for w in words):
        return None  # an ellipsis, or a situation ("the crew is at the door", 办公室没人了): not a way of its own
    return " ".join(words)


# a way particle right after a device or kind: "blinds up", "the shades all the way down", 窗帘上去, 百叶窗往下
_AFTER_EN = re.compile(r"\s+(?:(?:right|all\s+the\s+way|fully|back|halfway|partway|most\s+of\s+the\s+way)\s+)?"
                       r"(up|down|upwards?|downwards?)(?![a-z])")
_AFTER_ZH = re.compile(r"\s*(?:[升降拉放收卷提])?(?:(上)(?:去|来)|(下)(?:去|来))|\s*(?:往|朝|向)(?:(上)|(下))")


def particle_ways(text: str, r: Reading) -> list[tuple[str, str]]:
    """(the device or kind as said, "up" / "down") for each way particle right after one in a (normalised) text:
    "blinds up, lights off" → [("blinds", "up")].  The particle binds that device, wherever the clauses split
    ("lights off. blinds up." is one clause to the splitter), so the gate never lets another word's way pass."""
    out = []
    for mn in r.mentions:
        if mn.kind not in ("device", "kind"):
            continue
        m = _AFTER_EN.match(text, mn.end) or _AFTER_ZH.match(text, mn.end)
        if m is None:
            continue
        word = next(g for g in m.groups() if g)
        out.append((text[mn.start:mn.end], "up" if word.startswith("up") or word == "上" else "down"))
    return out
