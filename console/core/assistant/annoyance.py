"""A complaint's predicate says how the speaker feels, never a value (session 12, blind set 72).

"the hissing on line B is driving me mad, close it off" had asked "Steam valve: how far? ('driving, mad' is not a value
I know)": the words of the speaker's annoyance ("is driving me mad / crazy / nuts / up the wall", "is doing my head
in", "is getting on my nerves", "is annoying (me)", "is killing me") were read as the value of the command after them.
They say why, nothing more: :func:`annoyance_rewrite` drops that predicate and keeps its subject ("the hissing on line
B, close it off"), so the subject (what the device sounds like, where) and the command's own words decide.  Only where
a command clause follows (a comma, a dash or a full stop, then more words): "the hissing is driving me mad" alone
stays as it was.

Likewise what a complaint keeps the speaker from doing: "its too dark in the warehouse to read the labels" had been
read as the siren's pattern 'read'.  After "too <word>" (and the place, if said), "to <verb> …" to the end of the
clause is what cannot be done, no command: dropped ("its too dark in the warehouse").  English only; pure; regexes
compiled at import.
"""

from __future__ import annotations

import re

_ANNOYED = re.compile(r"(?:'s|\s+is|\s+are|\s+has\s+been|\s+keeps)\s+(?:(?:really|just|seriously|absolutely|totally)\s+)?"
                      r"(?:driving\s+(?:me|us|everyone|everybody)\s+(?:mad|crazy|nuts|insane|bonkers|up\s+the\s+wall|"
                      r"round\s+the\s+bend)|doing\s+(?:my|our)\s+heads?\s+in|getting\s+on\s+(?:my|our|everyone'?s)\s+nerves|"
                      r"annoying(?:\s+(?:me|us|everyone|everybody))?|killing\s+(?:me|us)|bugging\s+(?:me|us))"
                      r"(?=\s*(?:[,;.!]|\s-+\s|—)\s*[a-z])")


_TOO_TO = re.compile(r"(?<![a-z])(?P<keep>too\s+[a-z]+(?:\s+(?:in|on|at|over|by)\s+(?:the\s+)?[a-z]+(?:\s+[a-z0-9])?)?"
                     r"(?:\s+(?:here|there|now))?)\s+(?:for\s+(?:me|us|anyone|anybody|people)\s+)?to\s+(?:even\s+)?"
                     r"(?:read|see|work|think|sleep|concentrate|breathe|hear|talk|focus|write|type|walk|move|sit|stand)"
                     r"(?:\s+[a-z']+){0,4}?(?=\s*(?:$|[,;.!?]))")


def annoyance_rewrite(text: str) -> str | None:
    """``text`` (normalised) without its annoyance predicate, or None (module docstring)."""
    if not text or re.search(r"[\u4e00-\u9fff]", text):
        return None
    out = _TOO_TO.sub(lambda m: m.group("keep"), _ANNOYED.sub("", text))
    return out if out != text else None
