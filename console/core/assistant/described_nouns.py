"""A device named by what it carries or how it sounds, with no "thing" noun: "the boxes on line B", "that howling in
the yard" (session 9, blind sets 40-43).

described.py reads "the thing that pushes boxes on line 2" and "that whooshing thing over line A": a generic noun
with a description.  Everyday traffic says the description itself as the noun: "stop the boxes on line B", "get boxes
moving on line B again", "that howling in the yard, shut it up", 二号线的箱子停下来 — and was refused ("no device
called 'boxes'", "which device? ('howling')").  A kind's ``described`` words (catalog semantics: boxes, cartons,
howling, hissing, 箱子, 呜呜 …) standing where a device's name goes are read as the one device they describe:

- **where it stands**: English, after a determiner (the / that / this / those / these), a command verb (get, stop,
  start, halt, pause, silence …) or at the head of a clause, and never where a value goes ("switch to wailing") nor
  as a word of a setting value ("wailing" holds the siren's "wail"); Chinese, right after a place (二号线的箱子,
  院子里呜呜的) and never before 模式 / 方式 / 声音 ("吹风模式" is the AC's fan mode);
- **which device**: the devices of that kind with a writable setting, in the places the ask names (zones, "line 2",
  a device's own words: yard, 院子); exactly one, or the text is left as it was (refused as before: "stop the boxes"
  with two conveyors is still "which one?");
- **only when the ask names no device or kind itself** ("the fan on line A is whooshing" is the fan already), and
  only when every described word of the ask is one kind's.

The word (with its determiner) is replaced by the device's display name and the ask read again by the whole
pipeline, every gate included.  Pure: built once per fleet (:class:`DescribedNouns`); no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from console.core.assistant.semantics import matched

_LEAD_EN = re.compile(r"(?:^|[,;:.!?]\s*|(?<![a-z])(?:and|then|so|but)\s+|(?<![a-z])(?:get|stop|start|halt|pause|restart|"
                      r"silence|kill|quiet|shut|freeze|move|run)\s+)(?P<det>(?:the|that|this|those|these|all\s+the)\s+)?$"
                      r"|(?<![a-z])(?P<det2>(?:the|that|this|those|these)\s+)$")
_AFTER_PLACE_ZH = re.compile(r"(?:里面|里头|里|上面|上|那边|这边|的)+$")
_NOT_NOUN_ZH = re.compile(r"^(?:的)?(?:模式|方式|声音|声|档)")


class DescribedNouns:
    """Built once per fleet from the catalog semantics; :meth:`rewrite` per normalised ask."""

    def __init__(self, meaning: Any, metas: Iterable[Any], display: Callable[[Any, str], str]) -> None:
        self.metas = [m for m in metas if any(c.writable for c in m.capabilities.values())]
        present = {m.kind for m in self.metas}
        self.kind_of: dict[str, str] = {}
        for kind, km in meaning.kinds.items():
            if kind not in present:
                continue
            values = {str(v) for m in self.metas if m.kind == kind for c in m.capabilities.values()
                      for v in (c.values or ()) if c.type == "enum"}
            for w in km.described or ():
                zh = bool(re.search(r"[\u3400-\u9fff]", w))
                if (zh and len(w) < 2) or any(w.startswith(v) for v in values):
                    continue  # 叫 / 响 alone are verbs; "wailing" is the siren's "wail" said as a setting
                self.kind_of.setdefault(w, kind)
        self.things = meaning.device_things
        self.display = display
        en = sorted((w for w in self.kind_of if w.isascii()), key=len, reverse=True)
        zh = sorted((w for w in self.kind_of if not w.isascii()), key=len, reverse=True)
        self._en = re.compile(r"(?<![a-z'])(" + "|".join(map(re.escape, en)) + r")(?![a-z'])") if en else None
        self._zh = re.compile("|".join(map(re.escape, zh))) if zh else None

    def rewrite(self, text: str, mentions: Callable[[str], list], zones_named: Callable[[str], set]) -> str:
        """``text`` with a described word standing for one device replaced by its name (module doc); else ``text``."""
        hits = [m for rx in (self._en, self._zh) if rx is not None for m in rx.finditer(text)]
        if not hits or len({self.kind_of[m.group(0)] for m in hits}) != 1:
            return text
        first = min(hits, key=lambda m: m.start())
        word = first.group(0)
        zh = not word.isascii()
        if zh:
            before = text[:first.start()]
            if not _AFTER_PLACE_ZH.search(before) or _NOT_NOUN_ZH.match(text[first.end():]):
                return text
            start = first.start()
        else:
            lead = _LEAD_EN.search(text[:first.start()])
            if lead is None:
                return text
            det = lead.group("det") or lead.group("det2") or ""
            start = first.start() - len(det)
        if any(mn.kind in ("device", "kind") for mn in mentions(text)):
            return text
        kind = self.kind_of[word]
        zones = zones_named(text)
        devs = [m for m in self.metas if m.kind == kind and (not zones or m.zone in zones)]
        own = [m for m in devs if matched(text, self.things.get(m.id, ()))]
        devs = own or devs
        if len(devs) != 1 or (zh and not (zones or own)):  # 的箱子 after no place: whose?
            return text
        name = self.display(devs[0], "zh" if zh else "en")
        name = name if zh else name.lower()
        return text[:start] + name + text[first.end():]
