"""An event heading that names one device's place: "yard drill: wail tone, sound it now" (session 10b).

"<words> drill / test / exercise / trial / practice: …" says what is going on (a drill in the yard), and the rest
refers back to it ("sound it now"); "yard" there is the yard siren's own word, so the heading names that one device
but the event noun had made it unreadable ("None of the fleet's names was mentioned ('drill')") and the "it" of the
rest had no device.  Where the heading's words (less the event noun) refer to exactly ONE device of the fleet and
the rest names no device, kind or place of its own, the heading is written as that device's name ("Yard alarm
siren: wail tone, sound it now"), which the headings' reading already handles (the heading is the device).  A heading
that refers to several devices ("line b test: stop it") or a rest that names its own device ("yard drill: floodlight
on") is left as it is.  Pure: the assistant is duck-typed (``_refers``, ``_names_place_or_device``); regexes compiled
at import.
"""

from __future__ import annotations

import re
from typing import Any

_HEAD = re.compile(r"^(?P<head>(?:the\s+|a\s+|our\s+)?[a-z][a-z0-9]*(?:\s+[a-z][a-z0-9]*)?)\s+(?:drill|test|exercise|"
                   r"trial|practice|practise|check)\s*:\s*(?P<rest>\S.*)$")


def event_heading(asst: Any, text: str, names: dict[str, str]) -> str:
    """``text`` (normalised) with an event heading of one device as that device's name (``names``: id → display
    name); the same string otherwise."""
    if ":" not in text:
        return text
    m = _HEAD.match(text)
    if m is None:
        return text
    about = asst._refers(m.group("head"))
    if len(about) != 1 or asst._names_place_or_device(m.group("rest")):
        return text
    return f"{names[next(iter(about))].lower()}: {m.group('rest')}"
