""""Cut the cooling water", "cut the lights": "cut" before a device's own name is "shut off" (session 9, blind set).

The rules know no verb "cut" (it is no switch word of its own: "cut the speed to 30" lowers a value), and the semantic
layer read it only with a thing of a kind ("cut the coolant", "cut the steam": down words with what the kind moves).  A
device named by a name that is also its thing ("cooling water" is the pump's name) left nothing to read, and the ask
was refused as "nothing to do".  :func:`cut_as_off` says it as "shut off" when a device or kind is named and the ask
has no verb, value or number of its own (so "cut conveyor a speed to 30" is never a stop); the rules then read it as
any "shut off" (a switch off, a valve or blinds closed).  Pure text; no threads, no locks.
"""

from __future__ import annotations

import re

from console.core.assistant.reading import Reading

_CUT = re.compile(r"(?<![a-z])(?:cut|cuts)(?:\s+off)?(?![a-z])")


def cut_as_off(text: str, r: Reading) -> str | None:
    """The (normalised, English) ask with its "cut" said as "shut off", or None where it does not apply."""
    if "cut" not in text or r.actions or r.numbers or r.enums or r.loose_numbers or r.bad_enum:
        return None
    if not any(mn.kind in ("device", "kind") for mn in r.mentions) or _CUT.search(text) is None:
        return None
    return _CUT.sub("shut off", text)
