"""A heading with "everything" and a switch word, then a colon list of things (held-out 17).

"Everything on line B off: product, coolant and steam" says one direction for every item of the list: it is read as
"everything on line B off: product off, coolant off and steam off" (each item then resolves as the rules and the
semantic layer read "steam off": the valve closed, never another place's device; the heading's place bounds them).
Only a plain list of short noun phrases is distributed: an item with its own verb, switch word, number or negation is
left as it was (each clause keeps its own way). English only; pure functions, no threads, no locks.
"""

from __future__ import annotations

import re

# the heading: "everything on line b off", "all of line b on", "stop everything on line b", "turn everything off"
_HEAD = re.compile(r"^(?P<head>[^:;]*?(?<![a-z])(?:everything|all)(?![a-z])[^:;]*?)\s*:\s*(?P<items>[^:;]+?)\s*[.!]*$")
_LAST_SWITCH = re.compile(r"(?<![a-z])(off|on)\s*$")
# "everything off in the warehouse" (never the preposition of "everything on line b")
_AFTER_ALL = re.compile(r"(?<![a-z])(?:everything|all)\s+(off(?![a-z])|on(?=\s+(?:in|at)(?![a-z])))")
_OFF_VERB = re.compile(r"^(?:please\s+)?(?:stop|halt|kill|cut|shut\s+(?:down|off)|turn\s+off|switch\s+off|power\s+down|"
                       r"power\s+off)(?![a-z])")
_ON_VERB = re.compile(r"^(?:please\s+)?(?:start|turn\s+on|switch\s+on|power\s+up|power\s+on)(?![a-z])")
_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
# an item that says anything of its own is not a plain thing
_OWN_WORDS = re.compile(r"\d|(?<![a-z])(?:on|off|open|close|shut|stop|start|not|no|don't|never|except|but|to|at|up|"
                        r"down|set|turn|switch|keep|leave)(?![a-z])")


def distribute(text: str) -> str:
    """The (normalised, lower-case) ask with the heading's switch word after each item of its colon list, or the
    text unchanged when it is no such heading and plain list."""
    if ":" not in text:
        return text
    m = _HEAD.match(text)
    if m is None:
        return text
    head = m.group("head").strip()
    last = _LAST_SWITCH.search(head) or _AFTER_ALL.search(head)
    way = last.group(1) if last else "off" if _OFF_VERB.search(head) else "on" if _ON_VERB.search(head) else None
    items = [re.sub(r"^(?:the|and)\s+", "", i.strip()) for i in _SPLIT.split(m.group("items")) if i.strip()]
    if way is None or len(items) < 2 or any(not i or len(i.split()) > 3 or _OWN_WORDS.search(i) for i in items):
        return text
    said = [f"{i} {way}" for i in items]
    return f"{head}: {', '.join(said[:-1])} and {said[-1]}"
