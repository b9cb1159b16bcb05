"""A wish with the state it wants is the command: "I'd like the office blinds closed, please", "I want conveyor A
stopped", "we'd like the blinds open", "I need the steam valve shut", "could we have the main door locked?", "let's
have the blinds open", "I'd love to have the fan running" → "close the office blinds, please", "stop conveyor a" …

Held-out 21: "I'd like the office blinds closed, please" had been refused ("'i'd' is not a value I know"): the
terse-state rewrite (terse.py) took "i'd like the office blinds" for the subject, and without "please" the state
word alone was a statement ("I want the office blinds closed": nothing to do).  At the head of a clause, a wish
("i'd / we'd / i would / we would like|love|prefer", "i / we (really) want|need", "could / can / may i|we|you
have|get", "let's have|get", "i'll / we'll have", optionally "to have|get") + a subject of one to seven words +
a target state (closed, shut, opened, open, locked, unlocked, stopped, started, running, going) + a clause end or a
word that may follow a command (please, now, halfway, at, to, fully, …) is rewritten to "<the state's verb> the
<subject>", the rest kept as it was: a condition, a time or a negation after it is still refused.  On / off and
values already read through the wish ("I'd like the desk lamp on", "could we have the blinds at 40 %").  Never a
negated wish ("I don't want …", "we wouldn't like …": no match, refused as before), never a subject with a
question, a negation or a condition word in it ("I'd like to know whether the blinds are closed"), never "it" /
"them" as the subject.  The pronoun contractions (i'd, we'd, i'll, it's, …) are known words (lexicon.STOPWORDS):
never a value, an unknown noun or a device word.  In Chinese 我希望 / 我们希望 / 希望 / 我想要 before the device are
function words (lexicon.ZH_FUNCTION: 我希望百叶窗关上 closes them) and 不想 / 不希望 / 不愿意 / 不打算 are negations
(screening.py: 我不想把台灯关掉 had switched the lamp off).  Pure text, imports nothing from the package; no threads.
"""

from __future__ import annotations

import re

_WISH = (r"(?:(?:i|we)\s*(?:'d|\s+would)\s+(?:really\s+|just\s+|very\s+much\s+)?(?:like|love|prefer|want)"
         r"|(?:i|we)\s+(?:really\s+|just\s+|do\s+|also\s+)?(?:want|need)"
         r"|(?:i|we)'ll\s+(?:have|need|want)"
         r"|(?:could|can|may)\s+(?:i|we|you)\s+(?:please\s+)?(?:have|get)"
         r"|let'?s\s+(?:have|get))"
         r"(?:\s+to\s+(?:have|get))?")
_NOT_SUBJECT = (r"(?:is|are|was|were|be|been|being|not|never|no|if|when|whenever|unless|once|after|before|until|"
                r"till|while|to|know|see|check|whether|what|how|why|which|who|it|them|someone|somebody|anyone|you|"
                r"me|us|i|we|and|or|but)(?![a-z'])")
_SUBJECT = rf"((?:(?!{_NOT_SUBJECT})[a-z0-9/'-]+\s+){{1,7}}?)"
_STATE = {"closed": "close", "shut": "close", "opened": "open", "open": "open", "locked": "lock",
          "unlocked": "unlock", "stopped": "stop", "started": "start", "running": "start", "going": "start"}
_FOLLOW = (r"(?=\s*(?:$|[,;:.!?]|(?:please|now|right|immediately|again|fully|completely|all|halfway|half|partly|"
           r"partway|at|to|by|before|after|when|if|unless|once|until|for|thanks|thank|too|as|and|then|so|because|"
           r"in|on)(?![a-z])))")
_WISHED = re.compile(r"(?:^|(?<=[,;:.!?])\s*|(?<=[,;:.!?]\s)|(?<=\sand\s))(?:please\s+|so\s+|ok\s+|okay\s+)?"
                     + _WISH + r"\s+(?:the\s+)?" + _SUBJECT
                     + r"(" + "|".join(sorted(_STATE, key=len, reverse=True)) + r")(?![a-z'])" + _FOLLOW)


_WISH_HEAD = re.compile(r"(?:^|(?<=[,;:.!?])\s*|(?<=[,;:.!?]\s))(?:please\s+|so\s+|ok\s+|okay\s+)?" + _WISH
                        + r"\s+(?!not|never|to\s)")
# "I want the door locked and the blinds closed": a second subject + state after "and" shares the wish
_ALSO = re.compile(r"(?<![a-z])and\s+(?:also\s+)?(?:the\s+)?" + _SUBJECT
                   + r"(" + "|".join(sorted(_STATE, key=len, reverse=True)) + r")(?![a-z'])" + _FOLLOW)
# a negated wish or state: "we can't have the desk lamp on", "I cannot leave the valve open", "the desk lamp can't be
# on" (each had switched the lamp on) says what must not be; "can not" is what screening's negation guard reads ("I
# can't see a thing, …" stays a situation, "can't you open the blinds" a request)
_CANNOT = re.compile(r"(?<![a-z])(?:can't|cannot|couldn't|mustn't)(?=\s+(?:have|get|leave|keep|let|afford|allow|"
                     r"want|need|be)(?![a-z]))")


def _command(m: re.Match) -> str:
    return f"{_STATE[m.group(2)]} the {m.group(1).strip()}"


def wishes(text: str) -> str:
    """``text`` (normalised: lower case, English) with each wish + subject + target state as the plain command,
    a negated wish or state ("can't have …", "can't be …") as "can not have …", "can not be …"."""
    if "n't" in text or "cannot" in text:
        text = _CANNOT.sub("can not", text)
    if not any(w in text for w in ("like", "love", "prefer", "want", "need", "have", "get")):
        return text
    out = _WISHED.sub(_command, text)
    if " and " in out and (out != text or _WISH_HEAD.search(out)):  # "I want the lamp on and the blinds closed"
        out = _ALSO.sub(lambda m: f"and {_command(m)}", out)
    return out
