"""A heading that says why, then the list of what: "Closing the office down: AC off, blinds shut, main entrance
locked." (held-out 15) — the heading is the purpose, never a part (its "closing" had been read as a value of the
blinds), and a list item that is a device's target state ("main entrance locked") is the command to get there.

- :func:`purpose_heading`: an English heading opening with an -ing word ("closing up", "shutting line b down",
  "opening the office") before a colon, followed by a list of two or more items → (heading, list).  A heading
  that names a device ("ceiling lamp: off", "yard siren: pulse pattern, go") is no purpose: layers.py checks the
  heading names no device or kind and no value before it drops it, and keeps the list inside the heading's place.
- :func:`terse_states`: in a list of terse target states ("AC off, blinds shut, main entrance locked"), an item
  "<name> locked/unlocked/closed/opened/stopped" is "lock/unlock/close/open/stop <name>"; only when another item
  of the list is itself a terse state ("<name> on/off/shut/open/…" with no verb before it), so a report ("conveyor b
  stopped, restart it") is never turned into a command.  Session 10: an "and" between two terse items parts them
  ("AC off and blinds closed"), a trailing "please" / "now" is no part of an item, and once an item is rewritten an
  "<name> open/shut" item is written verb first too ("blinds open, close the steam valve" is no "open, close").
Pure text, no imports from the package.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s*(?P<head>[a-z]+ing(?![a-z])[^:：]{0,60}?)\s*[:：]\s*(?P<rest>\S.*)$", re.S)
_ITEMS = re.compile(r"\s*[,;，；]+\s*(?:and\s+)?|\s+and\s+")
_STATE_ITEM = re.compile(r"^(?:the\s+)?(?P<name>(?:[a-z][a-z'-]*\s+){1,3}?)(?P<state>locked|unlocked|closed|opened|"
                         r"stopped|secured)[.!\s]*$")
_STATE_VERB = {"locked": "lock", "secured": "lock", "unlocked": "unlock", "closed": "close", "opened": "open",
               "stopped": "stop"}
_TERSE = re.compile(r"^(?:the\s+)?(?:[a-z][a-z'-]*\s+){1,3}?(?:on|off|shut|open|closed|down|up|locked|unlocked|"
                    r"stopped|running)[.!\s]*$")
_NO_NAME = re.compile(r"(?<![a-z])(?:is|are|was|were|has|have|had|it|he|she|they|we|i|just|already)(?![a-z])")


def purpose_heading(text: str) -> tuple[str, str] | None:
    """(heading, list) for "closing the office down: ac off, blinds shut" (normalised text), else None."""
    m = _HEADING.match(text)
    if m is None:
        return None
    rest = m.group("rest").strip()
    if len([p for p in _ITEMS.split(rest) if p.strip(" .!")]) < 2:
        return None
    return m.group("head").strip(), rest


def terse_states(text: str) -> str:
    """``text`` (normalised) with each terse target-state item of a list as its command, else as it is."""
    # items end at a comma or a sentence end ("pump off. valve closed.": session 9, a maintenance crew's week)
    items = [p for p in re.split(r"\s*[,;，；]\s*|(?<=[a-z0-9])[.!]+\s+", text.strip(" .!")) if p]
    # "ac off and blinds closed": an "and" between two terse items parts them too (session 10), never another "and"
    items = [q for p in items for q in (_AND.split(p) if all(_terse_item(x) for x in _AND.split(p)) else [p])]
    if len(items) < 2:
        return text
    out, changed = [], False
    for i, item in enumerate(items):
        bare, tail = _bare(item)
        m = _STATE_ITEM.match(bare)
        others = [_bare(o)[0] for j, o in enumerate(items) if j != i]
        if m and not _NO_NAME.search(m.group("name")) and any(_TERSE.match(o) and not _NO_NAME.search(o)
                                                                and not _STATE_ITEM.match(o) for o in others):
            out.append(f"{_STATE_VERB[m.group('state')]} the {m.group('name').strip()}{tail}")
            changed = True
        else:
            out.append(item)
    if not changed:
        return text
    # "blinds open, close the steam valve": the item before a verb is no "open, close" contradiction (session 10)
    out = [f"{w.group('way')} the {w.group('name').strip()}{_bare(o)[1]}" if (w := _OPEN_SHUT.match(_bare(o)[0]))
           and not _NO_NAME.search(w.group("name")) else o for o in out]
    return ", ".join(out)


_AND = re.compile(r"\s+and\s+")
_POLITE = re.compile(r"(?P<tail>(?:\s+(?:please|pls|plz|now|thanks|thx))+)[.!\s]*$")
_OPEN_SHUT = re.compile(r"^(?:the\s+)?(?P<name>(?:[a-z][a-z'-]*\s+){1,3}?)(?P<way>open|shut)[.!\s]*$")


def _bare(item: str) -> tuple[str, str]:
    """(the item without a trailing "please" / "now", that tail)."""
    m = _POLITE.search(item)
    return (item[:m.start()], m.group("tail")) if m and item[:m.start()].strip() else (item, "")


def _terse_item(item: str) -> bool:
    bare = _bare(item)[0]
    return bool(_TERSE.match(bare) or _STATE_ITEM.match(bare)) and not _NO_NAME.search(bare)
