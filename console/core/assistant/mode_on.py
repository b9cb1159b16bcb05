"""A place "on" a mode, and a mode that is "on already" (session 10b).

- "office on heat mode (please)": "on" here is the "put … on" of a setting, never the power word: the place is put on
  that mode (as "put the office AC on fan mode", "the office is chilly; put it on heat mode at 24": the mode only).  The
  earlier sets pin the mode alone for "<place> on <mode> mode" ("office on heat mode", "Put the office climate on
  cooling mode"); the docs' rule (a value never implies power) agrees.  Only where the words before "on" name a place
  of the fleet and no device or kind: "ac on cool mode, 22 degrees" ("AC on": the power word after the device) stays
  as it was.
- "office temp 19, we've got the heat mode on already" (办公室温度调到19，制热模式已经开着了): a clause in which someone says they have a mode on is a report
  of how things are, never a command: it is dropped where another clause remains, so it adds neither mode nor power
  ("the heat mode is on already" was already read so, present_reports.py).

The mode words are the values of the fleet's enum settings named "mode" (with their -ing forms, "automatic",
"… only").  Pure: regexes built once per fleet; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable


# the Chinese words of the common mode values (a value the fleet lacks has none here)
_ZH_MODES = {"heat": ("制热", "供暖", "暖风"), "cool": ("制冷", "冷气"), "fan": ("送风",), "auto": ("自动",)}


def mode_words(values: Iterable[str]) -> str:
    """A regex alternation of the mode values and their spoken forms ("heat" → heat, heating)."""
    forms: set[str] = set()
    for v in values:
        v = v.lower()
        forms |= {re.escape(v), re.escape(v) + "ing", re.escape(v) + r"(?:\s+|-)only"}
        if v == "auto":
            forms.add("automatic")
    return "|".join(sorted(forms, key=len, reverse=True)) or "(?!)"


class ModeOn:
    """The two rewrites of the module docstring for one fleet's mode values."""

    def __init__(self, modes: Iterable[str]) -> None:
        modes = list(modes)
        words = mode_words(modes)
        zh = "|".join(w for v in modes for w in _ZH_MODES.get(v.lower(), ())) or "(?!)"
        # "…，制热模式已经开着了", "…，已经是制热模式了": said as already so ("已经 / 本来就 / 早就" is required: "…，制热模式"
        # alone asks for the mode)
        self._zh_on = re.compile(rf"\s*[，,；;]\s*(?:我们|这边|现在)?(?=[^，,；;]*(?:已经|本来就|早就|早已))(?:已经|本来就|早就|早已)?"
                                 rf"(?:是|开着|开了|开的是|在)?(?:{zh})(?:模式)?(?:已经|本来就|早就|早已)?(?:是)?"
                                 rf"(?:开着|开了|打开了|开好了|开着的|开的)?(?:了|呢|的|啊)?\s*[。！!.]*\s*$")
        self._place_on = re.compile(rf"(?:^|(?<=[,;:] ))(?P<place>(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)\s+on\s+(?:the\s+)?"
                                    rf"(?:{words})(?:\s+mode)?(?![a-z])")
        self._got_on = re.compile(rf"\s*[,;]\s*(?:and\s+|but\s+|because\s+|cause\s+|since\s+)?(?:we|i|you|they)"
                                  rf"(?:'ve|\s+have)?\s+got\s+(?:the\s+)?(?:{words})(?:\s+mode)?\s+on"
                                  rf"(?:\s+already)?(?:\s+anyway)?\s*[.!]*\s*$")

    def rewrite(self, text: str, place_only: Callable[[str], bool]) -> str:
        """``text`` (normalised) with "<place> on <mode> mode" as "put <place> on <mode> mode" and a trailing "we've
        got the <mode> on already" dropped; the same string when neither applies."""
        z = self._zh_on.search(text) if ("已" in text or "本来" in text or "早" in text) else None
        if z is not None and text[:z.start()].strip():
            return text[:z.start()].rstrip()
        if " on" not in text:
            return text
        out = text
        m = self._got_on.search(out)
        if m is not None and out[:m.start()].strip():
            out = out[:m.start()].rstrip()

        def put(p: re.Match[str]) -> str:
            return "put " + p.group(0) if place_only(p.group("place")) else p.group(0)

        return self._place_on.sub(put, out)
