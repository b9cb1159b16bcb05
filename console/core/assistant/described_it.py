"""A place said with how something there sounds, then "it" (session 10): 二号线一直嘶嘶的，把它关上.

"Line 2 keeps hissing, close it" was refused: the first clause names a place and a sound and nothing to do, the second
a verb on "it"; read together the place chose every device of line 2, and described_words.py then kept none of them
(the hiss is the valve's, and the place's "close" had stopped the conveyor and the pump).  The sound is one of the
catalog's ``described`` words of a kind (嘶嘶 / hissing: a valve's), so "it" is the device of that kind there: the ask
is read as the frame described.py already reads, 把二号线那个嘶嘶的关上 / "close the hissing thing on line 2".

Only where the ask as said was refused with no command; the first clause is a place the fleet has (the reader's zone
mention), an optional 一直 / 老是 / 还在 / "keeps" / "is (still)", the described word and nothing else; the second is a
verb on 它 / 这个 / 那个 / "it".  The rewrite is read by the whole pipeline and gated (rereads.reread_as): "it" stays one
device (two of that kind there: "which one?").  Pure; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.described_words import _kinds_of
from console.core.assistant.lexicon import CJK
from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read
from console.core.assistant.rereads import refused_outright, reread_as

_ZH = re.compile(r"^(?P<first>[^，,。；;\s]{3,16})[，,。；;\s]+(?:你|麻烦|请|帮忙|帮我)?把?(?:它|这个|那个)"
                 r"(?P<verb>[^，,。；;\s]{1,6})$")
_ZH_KEEPS = re.compile(r"(?:里|那边|这边|那儿|那里)?(?:一直在|一直|老是|总是|还在|不停地?|在)?$")
_ZH_SOUNDS = re.compile(r"^(?:的|响|地响|作响|个不停|的声音|声)*(?:呢|啊|了)?$")
_EN = re.compile(r"^(?:the\s+)?(?P<place>[a-z]+(?:\s+[a-z0-9]+)?)\s+(?:keeps|is\s+still|is|'s|are)\s+"
                 r"(?P<desc>[a-z]+ing)(?:\s+(?:away|again|nonstop|constantly))?\s*[,;.]\s*(?:please\s+)?"
                 r"(?P<verb>[a-z]+(?:\s+(?:off|down|up))?)\s+it(?P<tail>(?:\s+(?:off|down|up|now|please))*)$")

# session 10b: "something's hissing over on line b, shut it": the same frame with "something" as the subject and the
# place after the sound
_EN_SOMETHING = re.compile(r"^(?:there's\s+|there\s+is\s+)?something(?:'s|\s+is|\s+keeps)?\s+(?:still\s+)?"
                           r"(?P<desc>[a-z]+ing)(?:\s+(?:away|again|nonstop|constantly))?\s+(?:over\s+|out\s+|down\s+|up\s+)?"
                           r"(?:on|in|at|by)\s+(?:the\s+)?(?P<place>[a-z]+(?:\s+[a-z0-9]+)?)\s*[,;.]\s*(?:please\s+)?"
                           r"(?P<verb>[a-z]+(?:\s+(?:off|down|up))?)\s+it(?P<tail>(?:\s+(?:off|down|up|now|please))*)$")


def _is_zone(asst: Any, words: str) -> bool:
    mentions = read(words, asst.rules.vocab).mentions
    zoned = mentions and all(mn.kind == "zone" for mn in mentions)
    return bool(zoned) or asst._zone_numbers(asst.ordinals.rewrite(words)) != words


def described_it(asst: Any, text: str) -> str | None:
    kinds_of = _kinds_of(asst)
    if CJK.search(text):
        m = _ZH.match(text)
        if m is None:
            return None
        first = m.group("first")
        for desc in sorted((w for w in kinds_of if CJK.search(w) and w in first), key=len, reverse=True):
            i = first.index(desc)
            keeps = _ZH_KEEPS.search(first[:i])
            place = first[:keeps.start()] if keeps else first[:i]
            if place and _ZH_SOUNDS.match(first[i + len(desc):]) and _is_zone(asst, place):
                return f"把{place}那个{desc}的{m.group('verb')}"
            return None
        return None
    m = _EN.match(text) or _EN_SOMETHING.match(text)
    if m is None or m.group("desc") not in kinds_of or not _is_zone(asst, m.group("place")):
        return None
    return f"{m.group('verb')} the {m.group('desc')} thing on {m.group('place')}{m.group('tail')}"


def described_it_read(asst: Any, utterance: str, said: Any) -> Any:
    if not refused_outright(said, utterance):
        return said
    return reread_as(asst, utterance, said, described_it(asst, normalize(utterance or "")))
