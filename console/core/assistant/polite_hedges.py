"""A polite "if" that puts no condition on the world is no condition (session 11, held-out 66).

"aircon on, cool mode, 22 degrees if you can" and "steam to 25% if you can" were refused as conditions ("if …"): but
"if you can", "if possible", "if that's ok", "if you don't mind", 如果可以的话, 方便的话 only soften the ask, they say
nothing about when it should happen.  :func:`drop_polite_hedge` (a step of ``phrases.normalize``) drops such a hedge
where it stands alone: at the ask's end or a clause's end, or opening the ask before a comma ("if you can, stop
conveyor a").  Only these fixed phrases, and only where the next thing is a clause mark or the end: "if you can see
smoke, stop the pump", "if it's hot, aircon on", 如果可以看到烟就停泵 keep their condition and stay refused; "when you
can" / "when you get a chance" stay refused (delays.py: later, not now); "whenever you get a sec" is a hedge (11b).  Pure; regexes compiled at import.
"""

from __future__ import annotations

import re

_HEDGE_EN = (r"if\s+(?:you\s+(?:can|could|would|don't\s+mind|dont\s+mind|please)(?:\s+manage\s+(?:it|that))?|"
             r"(?:at\s+all\s+)?possible|poss|(?:that'?s|that\s+is|it'?s|it\s+is)\s+(?:ok|okay|alright|all\s+right|fine|"
             r"possible|no\s+trouble)|ok|okay)")
# the hedge at the end of the ask or of a clause ("22 degrees if you can", "stop it if possible, thanks")
_TAIL_EN = re.compile(r"(?:\s*,)?\s+" + _HEDGE_EN + r"(?:\s+(?:please|pls|thanks|thank\s+you))?(?=\s*(?:[,.;!?]|$))")
# the hedge opening the ask (or a clause) before a comma ("if you can, stop conveyor a")
_HEAD_EN = re.compile(r"(?:(?<=^)|(?<=[,.;!?]\s)|(?<=[,.;!?]))\s*" + _HEDGE_EN + r"\s*,\s*")
# session 11b (blind set 71): "flip the desk lamp off whenever you get a sec" is a hedge as 有空 is (has a moment to
# spare, not a time to wait for); "when you can" stays refused (test_session11_harms).  A bare trailing "maybe" ("set the
# exhaust fan to low, maybe") only softens the ask ("maybe 20%" keeps its value: only "maybe" at the very end goes)
_SPARE_EN = re.compile(r"(?:\s*,)?\s+(?:whenever|when)\s+you\s+(?:get|have|find|got)\s+(?:a|one)\s+(?:spare\s+|free\s+|quick\s+)?"
                       r"(?:sec|second|moment|minute|min|mo)(?:\s+(?:please|pls|thanks|thank\s+you))?(?=\s*(?:[,.;!?]|$))")
_MAYBE_EN = re.compile(r"(?:\s*,)?\s+maybe\s*[.?!]*\s*$")
_HEDGE_ZH = re.compile(r"(?:如果|要是|假如)?(?:可以|可能|方便|能|行)的话[，,、]?\s*|(?:如果|要是)(?:可以|方便)(?:[，,]\s*|(?=$|[。！!]))")


def drop_polite_hedge(text: str) -> str:
    """``text`` (normalised, lower case) without a polite hedge that conditions nothing (module doc)."""
    if "if" in text:
        text = _HEAD_EN.sub(lambda m: "" if m.start() == 0 else " ", text)
        text = _TAIL_EN.sub("", text).strip()
    if "when" in text and "you" in text:
        text = _SPARE_EN.sub("", text).strip()
    if text.endswith(("maybe", "maybe?", "maybe.", "maybe!")) and text.split()[0] != "maybe":
        text = _MAYBE_EN.sub("", text).strip() or text
    if "的话" in text or "如果" in text or "要是" in text:
        text = _HEDGE_ZH.sub("", text).strip("，, ")
    return text
