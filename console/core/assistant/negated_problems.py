"""A negative word that describes the problem is no negated command (session 9, blind set).

"not enough light in the warehouse", "coolant's not circulating, get it going", "product isn't moving on line A, get it
going": the "not" says what is wrong, and the ask is to fix it; the negation guard refused each one ("It says not to do
something").  :func:`problems_as_states` (a step of ``phrases.normalize``) says such a problem the way the rest of the
assistant already reads it:

- a contraction typed without its apostrophe is that contraction: "cant see a thing" → "can't see a thing" (the lamp's
  own words), "isnt", "doesnt", "dont" … (a negation stays a negation: "dont stop the pump" is still refused);
- "not enough <thing>" / "there isn't enough <thing>" → "need <thing>" ("need light in the warehouse": the lamp on);
- a clause "<thing> is not / isn't <moving, going, flowing, circulating, running, working>" followed by a command
  ("…, get it going"): the thing stays as the command's topic ("coolant, get it going"), the negated state goes (a
  command that says its own object, "…, start the pump", is read alone).
  Only a thing or a device as the subject (never you / I / we / nobody), only those state verbs, only before a comma or
  dash and a command that has no negation of its own; "the pump isn't running, don't start it" stays refused, as does
  a clause with no command after it ("the coolant isn't flowing");
- a hedge about the words after the ask ("…, can you put it on heat? not sure if that's the right word", "… or whatever
  it's called", 不知道这么说对不对) is dropped: it doubts the wording, it forbids nothing.

Pure regular expressions, compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re

# a contraction without its apostrophe (speech-to-text, hurried typing): cant → can't
_BARE_NT = re.compile(r"(?<![a-z'])(can|isn|aren|wasn|weren|doesn|didn|don|couldn|shouldn|wouldn|hasn|haven|hadn|won)t"
                      r"(?![a-z'])")
# "not enough light", "there isn't enough light", "there's not enough coolant on line b"
_NOT_ENOUGH = re.compile(r"(?<![a-z])(?:there\s+(?:is|'s|are)\s+not|there\s+isn't|there\s+aren't|(?:is|are|'s)\s+not|"
                         r"isn't|aren't|not)\s+enough\s+(?=[a-z])(?!to\s|for\s|of\s|and\s|but\s|so\s)")
# a subject, "is not / isn't / 's not / not", a state of motion or work, the rest of the clause; then the command
_SUBJECT = r"(?P<who>(?:the\s+|our\s+|my\s+)?[a-z][a-z' ]{0,30}?)"
_NEG = r"(?:\s+is\s+not|\s+are\s+not|'s\s+not|'re\s+not|\s+isn't|\s+aren't|\s+not|\s+has\s+stopped|\s+stopped)"
_STATE = r"(?:circulating|flowing|moving|going|running|working|coming\s+through|getting\s+through|turning|pumping)"
_STUCK = re.compile(r"^" + _SUBJECT + _NEG + r"\s+(?:really\s+|properly\s+|at\s+all\s+)?" + _STATE
                    + r"(?:\s+at\s+all|\s+properly|\s+anymore|\s+any\s+more)?(?P<where>\s+(?:on|in|at)\s+[a-z0-9 -]{1,20}?)?"
                    r"\s*(?P<sep>[,;]|\s-+|—)\s*(?P<rest>.+)$")
_PEOPLE = re.compile(r"(?<![a-z])(?:you|i|we|they|he|she|nobody|no\s+one|someone|somebody|anyone|everyone|it|that|this|"
                     r"there)(?![a-z])")
_IT = re.compile(r"(?<![a-z])(?:it|them|things)(?![a-z])")
_NEGATION = re.compile(r"(?<![a-z])(?:not|no|never|don't|do\s+not|doesn't|won't|can't|cannot|shouldn't|mustn't|nobody|"
                       r"nothing|neither|nor|without)(?![a-z])|n't(?![a-z])")


# a hedge about the wording, closing the ask
_WORD = r"(?:word|words|term|name|setting|mode|way\s+to\s+say\s+it|thing\s+to\s+say)"
_HEDGE_EN = re.compile(
    r"(?:[,.;?!]+|\s-+|—|\.\.\.)\s*(?:but\s+|though\s+|tho\s+)?(?:"
    r"(?:i'?m\s+|i\s+am\s+)?not\s+(?:sure|certain)|(?:i\s+)?(?:don't|do\s+not)\s+know|no\s+idea)\s+"
    r"(?:(?:if|whether|that)\s+)?(?:that'?s|this\s+is|it'?s|that\s+is|it\s+is|i'?m\s+using|i\s+used)\s+"
    r"(?:the\s+)?(?:right|correct|proper)\s+" + _WORD + r"(?:\s+(?:though|tho|lol|haha))?\s*[.!?]*$"
    r"|(?:[,.;?!]+|\s-+|—)?\s+(?:or\s+whatever\s+(?:it'?s|that'?s|they'?re)\s+called|if\s+that'?s\s+the\s+(?:right|correct)\s+"
    + _WORD + r")\s*[.!?]*$")
# a hedge about what a device is called, anywhere among the clauses ("…? not sure what it's called, the exhaust one",
# 不知道叫什么，就是排风的那个; session 10b): it doubts the name, it forbids nothing
_NAME_HEDGE_EN = re.compile(
    r"(?:[,.;?!]+\s*|\s+-+\s*|\s*—\s*|^)(?:but\s+|though\s+|and\s+)?(?:(?:i'?m\s+|i\s+am\s+)?not\s+(?:sure|certain)|"
    r"(?:i\s+)?(?:don't|do\s+not|dont)\s+know|no\s+idea|dunno)\s+what\s+(?:it'?s|that'?s|they'?re|it\s+is|"
    r"that\s+is|the\s+thing\s+is|you|they|we|people)\s+(?:called|call\s+it|call\s+that|name\s+it)"
    r"(?:\s+(?:exactly|though|tho|here))?\s*(?=[,.;?!]|$)")
_NAME_HEDGE_ZH = re.compile(r"(?:[，,。.？?！!\s]*|^)(?:但是?|不过)?我?(?:也)?(?:不知道|不确定|不清楚|说不上来)(?:它|这个|那个)?叫(?:什么|啥)"
                            r"(?:名字)?(?:啊|呀|哈)?(?=[，,。.？?！!\s]|$)")
_HEDGE_ZH = re.compile(r"[，,。.？?！!\s]*(?:但是?|不过)?我?(?:不知道|不确定|不清楚)(?:我)?(?:这么|这样)?(?:说|叫)(?:得|的)?"
                       r"(?:对不对|是不是对的?|对吗|对不|准不准|准确吗|对)?(?:啊|呀|哈)?[。.!！?？]*$")


def problems_as_states(text: str) -> str:
    """``text`` (normalised, lower case) with a problem stated by a negative word said as what it needs (module doc)."""
    if re.search(r"[\u3400-\u9fff]", text):
        if "叫" in text:
            cut = _NAME_HEDGE_ZH.sub("", text).strip("，,。 ")
            text = cut if cut else text
        return _HEDGE_ZH.sub("", text) if ("知道" in text or "确定" in text or "清楚" in text) else text
    if "t" not in text:
        return text
    if "sure" in text or "know" in text or "idea" in text or "called" in text or "right" in text or "correct" in text:
        text = _HEDGE_EN.sub("", text)
        if "what" in text:
            cut = _NAME_HEDGE_EN.sub("", text).strip(" ,;")
            text = cut if cut else text
    out = _BARE_NT.sub(lambda m: m.group(1) + "'t", text) if "nt" in text else text
    if "enough" in out:
        out = _NOT_ENOUGH.sub("need ", out)
    if "not" in out or "n't" in out or "stopped" in out:
        m = _STUCK.match(out)
        if m is not None and not _PEOPLE.search(m.group("who")) and not _NEGATION.search(m.group("rest")):
            # "…, get it going": the thing is what "it" is; "…, start the pump": the command says what, on its own
            out = f"{m.group('who').strip()}{m.group('where') or ''}, {m.group('rest')}" \
                if _IT.search(m.group("rest")) else m.group("rest")
    return out
