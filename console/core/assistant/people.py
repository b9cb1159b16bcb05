"""People an ask lets in: "let the fire inspector in", "let the courier in", "let the visitors into the building".

A person is who comes in, never what a device acts on: the semantic layer's "let ... in" is the lock's (unlock)
only when the words between say who, not what ("let the dog in", "let the light in" stay as they were: the dog
is no person and refused; the light is the blinds'). :func:`blank_people` blanks a person noun (with one word
before it: "fire inspector", "delivery driver") so that the content-word check in layers.py does not count it.
Pure text, no imports from the package.
"""

from __future__ import annotations

import re

_NOUNS = (
    "inspector", "courier", "driver", "visitor", "guest", "cleaner", "cleaners", "crew", "engineer", "technician",
    "tech", "contractor", "plumber", "electrician", "auditor", "customer", "client", "delivery guy", "delivery man",
    "postman", "mailman", "worker", "staff", "team", "colleague", "boss", "manager", "supervisor", "guard",
    "firefighter", "fireman", "firemen", "paramedic", "police", "officer", "doctor", "nurse", "janitor", "caretaker",
    "landlord", "owner", "mechanic", "fitter", "operator", "shift", "person", "man", "woman", "lady", "guy", "people",
    "folks", "brigade", "visitors", "guests", "workers", "men", "women", "kids", "children",
    # a person named by a pronoun (held-out 23: "the inspector is standing outside — let her in")
    "her", "him", "them", "us", "me", "everyone", "everybody",
)
# "the fire inspector", "our new cleaner", "the delivery driver", "the visitors": a determiner or one modifier
# word, then a person noun (plural -s too)
PERSON = re.compile(r"(?<![a-z])(?:(?:the|our|a|an|my|some|that|this|those|these)\s+)?(?:[a-z]+\s+)?"
                    r"(?:" + "|".join(re.escape(n) for n in sorted(_NOUNS, key=len, reverse=True)) + r")s?(?![a-z])")
# "let <person> in / into …": a person let in (the lock's own "let ... in")
LET_IN = re.compile(r"(?<![a-z])let\s+(?P<who>(?:[a-z']+\s+){1,4}?)in(?:to)?(?![a-z])")


def blank_people(text: str) -> str:
    """``text`` with every person noun phrase that is let in ("let the fire inspector in") blanked to spaces of
    the same length (positions kept); other text as it is."""
    out = list(text)
    for m in LET_IN.finditer(text):
        who = m.group("who")
        p = PERSON.fullmatch(who.strip())
        if p is not None:
            s = m.start("who")
            out[s:s + len(who.rstrip())] = " " * len(who.rstrip())
    return "".join(out)


# what people do at an entrance, in a kind's "up" phrases (the demo lock's "come in", "get in", 开门; never 进来:
# light comes in too)
_ENTER = ("come in", "get in", "can come in", "can get in", "开门", "进得来")


def lets_person_in(text: str) -> bool:
    """Does ``text`` let a person in ("let the courier in")?"""
    return blank_people(text) != text


def people_enter(up_phrases: tuple[str, ...] | list[str]) -> bool:
    """Is a kind the way people come in (its "up" phrases say "come in" / "get in" / 进来)?"""
    return any(p in _ENTER for p in up_phrases)


def as_let_in(text: str) -> str:
    """"let the delivery driver into the office" → "let the delivery driver in the office": a person let *into*
    a place comes in as "let ... in" says (the lock's phrase); other text as it is."""
    def one(m: re.Match) -> str:
        if PERSON.fullmatch(m.group("who").strip()) is None:
            return m.group(0)
        return m.group(0)[:-4] + "in" if m.group(0).endswith("into") else m.group(0)
    return LET_IN.sub(one, text)
