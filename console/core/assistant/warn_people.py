"""Warning people, said the way operators say it in an incident, is the siren (session 9, an operators' blind set).

"warn everyone" already reads as the siren (catalog semantics: a siren warns).  Three ways of saying it did not:
- the passive: "everyone needs to be warned", "Everybody must be warned", "the crew should be alerted" → "warn
  everyone" (a place said with the people stays: "everyone in the yard must be warned" → "warn everyone in the yard");
- a pronoun or a plain group as the one warned: "warn them", "warn 'em", "warn the people" → "warn everyone" (the
  pattern clause beside it, "pulse pattern", was then read alone);
- an evacuation clause beside a warning ("everyone out of the yard, warn them", "Everybody must be warned, evacuate
  the yard!"): it says where the people are, so it is taken out and its place given to the warning ("warn everyone in
  the yard"; a place with no siren is then refused by the rules, "There is no siren in office").  An evacuation with
  no warning word ("evacuate the yard") is left as it was (refused: it names no device), as in evacuate_zh.py only a
  warning of people sounds a siren.
Any negation in the ask ("don't warn them", "no need to warn everyone") leaves it as said (refused as a negation); a
condition or a schedule stays in the words and is refused by the screens.  English only (Chinese: evacuate_zh.py).
Pure regular expressions over the normalised ask; nothing here knows the fleet.
"""

from __future__ import annotations

import re

_WHO = r"(?:everyone|everybody|all|people|the\s+(?:people|workers|crew|staff|team))"
_PLACE = r"(?:\s+(?:in|on|at|out\s+in)\s+the\s+[a-z]+)"
_PASSIVE = re.compile(rf"(?<![a-z]){_WHO}(?P<place>{_PLACE})?\s+(?:needs?\s+to|must|should|has\s+to|have\s+to|gotta|"
                      r"got\s+to|ought\s+to)\s+be\s+(?:warned|alerted)(?![a-z])")
_THEM = re.compile(r"(?<![a-z])(?P<v>warn|alert)\s+(?:them|'em|em|the\s+people|people|all)(?![a-z'])")
_WARN = re.compile(r"(?<![a-z])(?:warn|alert)\s+everyone(?P<place>" + _PLACE + r")?")
_EVAC = re.compile(r"(?:^|(?<=[,;.!?—]\s)|(?<=[,;.!?—]))\s*(?:evacuate\s+(?:the\s+)?(?P<p>[a-z]+)|" + _WHO
                   + r"\s+(?:out\s+of|off)\s+(?:the\s+)?(?P<p2>[a-z]+)|clear\s+out\s+(?:the\s+)?(?P<p3>[a-z]+))"
                   r"\s*(?:now\s*)?[!.]*\s*(?=[,;.!?—]|$)")
_NEG = re.compile(r"n't|(?<![a-z])(?:not|never|no|dont|don't)(?![a-z])")


def warned(text: str) -> str:
    """The (normalised, lower-case) ask with a warning of people said as "warn everyone (in the <place>)"."""
    if "warn" not in text and "alert" not in text or _NEG.search(text):
        return text
    out = _PASSIVE.sub(lambda m: "warn everyone" + (m.group("place") or ""), text)
    out = _THEM.sub(lambda m: f"{m.group('v')} everyone", out)
    m = _EVAC.search(out)
    w = _WARN.search(out)
    if m is not None and w is not None:
        place = m.group("p") or m.group("p2") or m.group("p3")
        out = (out[:m.start()] + out[m.end():]).strip(" ,;.!—")
        out = re.sub(r"^[,;.!—\s]+|\s*,\s*,", lambda x: "" if x.start() == 0 else ",", out)
        w = _WARN.search(out)
        if w is not None and not w.group("place"):
            out = out[:w.end()] + f" in the {place}" + out[w.end():]
    return out
