"""A control-room operator's paste of someone's message under a sender's head, then the operator's own ask (session
12b, blind set 81), English, read by STRUCTURE before anything else reads the quote:

    from the night guard: 'main door unlocked??' ugh. lock the main door
    maint ticket #5120 'pump seal replaced, ok to restart' → start the cooling water pump
    night guard: 'nobody locked up tonight' → secure the building
    reception: 'auditor just arrived' → let her in
    guard: 'something howling in the yard for 10 min' → shut it up

The sender's head (:func:`sender_head`) is a person or desk of one to three words (maybe after "from" / "the"), maybe
a channel ("sms", "chat", "on slack", "ticket") and the message's own stamp or number ("01:50", "#5120": never a
schedule or a value of the ask), then a colon (a ticket number needs none) and a whole quote.  The sender is letters
only, names nothing of the fleet and is no time, condition, negation or order word ("from tomorrow: '…'", "if guard:
'…'", "at 01:50: '…'", "lock: '…'" are no senders).  Earlier heads ("Greg on slack: '…'", "from Lee: '…'") took
only one word of a sender and no stamp, so the quote's stamp was read as a schedule, its "for 10 min" as a condition,
its "fence'" as a place the fleet lacks.

:func:`sender_quote_ask` gives the operator's own words after the quote and a separator (→, ->, —, ".", …), read then
alone from the top (a negation, condition or schedule in them stays refused; the quote's words are never the ask): the
own words are an order of their own (they name the fleet, or begin with a verb of a change: "secure the building",
"shut out the sun"), and where they only point back ("shut it up", "silence that") and name nothing, they are put
under the quote's one device, else its one place ("yard: shut it up").  Adoption words after the quote ("→ do it",
"— sort it out") are adopted.py's (:func:`quote_after_head` gives adopted.py the quote).  Pure text plus catalog
reads; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from console.core.assistant import pasted_rows
from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read

_CHANNEL = (r"(?:\s+(?:on|in|via|over)\s+(?:slack|teams|chat|email|e-mail|mail|radio|the\s+radio|phone|the\s+phone|"
            r"whatsapp|wechat|sms|text|signal|telegram|the\s+group|group\s+chat|the\s+channel)"
            r"|\s+(?:sms|text|txt|msg|message|chat|email|e-mail|note|dm|call|radio|page|pager|ticket|tkt|log|report))")
_SENDER_HEAD = re.compile(
    r"^(?:from\s+)?(?:(?:the|our|my)\s+)?(?P<who>[A-Za-z][\w.'&-]*(?:\s+[A-Za-z][\w.'&-]*){0,2}?)" + _CHANNEL + r"?"
    r"(?:(?P<stamp>\s+\d{1,2}:\d{2}(?::\d{2})?)|(?P<num>\s+#\s*\d{1,8}))?"
    r"(?:\s*:\s*|(?(num)\s+|(?!)))(?=['\"“‘])", re.I)
# no sender: a time, a condition, a negation, a place word or an order
_NO_SENDER = re.compile(
    r"(?<![a-z])(?:now|today|tonight|tomorrow|yesterday|morning|evening|afternoon|noon|midnight|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|weekend|week|month|next|then|later|if|when|whenever|unless|once|after|"
    r"before|until|till|at|by|in|on|off|not|never|nobody|no|none|don'?t|do|here|there|am|pm|hours?|minutes?|and|or|"
    r"but|also|please|pls|set|turn|switch|start|stop|open|close|lock|unlock|shut|kill|run"
    # a forward's own head ("FW: '…' — heat it up", "fwd: '…'. pls"): forwarded.py's and adopted.py's, as before
    r"|fw|fwd|forwarded|forwarding|re|aw|subj|subject|pasted|copied|log)(?![a-z])", re.I)
# a whole quote: never an apostrophe inside a word ("can't")
_QUOTE = re.compile(r"""^(['"“‘])(?P<q>.+?)(?:\1|[”’])(?=\s|[-–—→.,;:!?>]|$)""")
# the separator after the quote, and nothing more of the message
_SEP = re.compile(r"^\s*(?:->|→|=>|[-–—]+|\.{1,3}|…|[,;:!?])\s*(?=\S)")
# an order of the operator's own: a verb of a change first
_ORDER_EN = re.compile(r"^(?:(?:now|just|pls|plz|please|ok(?:ay)?|so|then)[\s,]+)*(?:lock|unlock|secure|let|shut|close|"
                       r"open|start|stop|kill|silence|mute|quiet|turn|switch|set|put|run|dim|brighten|raise|lower|cut|"
                       r"sound|light|darken|warm|cool|heat|vent|clear|halt|pause|resume|restart)(?![a-z'])", re.I)
# own words that point back at the quote: a verb of a change and a pronoun ("shut it up", "silence that")
_POINT_BACK = re.compile(r"(?<![a-z])(?:turn|switch|shut|kill|cut|stop|start|open|close|lock|unlock|dim|brighten|"
                         r"silence|mute|quiet|raise|lower|run|restart|pause|resume|power)\s+(?:it|them|that|this)"
                         r"(?![a-z])", re.I)
_PRONOUN = re.compile(r"(?<![a-z'])(?:it|them|that|this)(?![a-z'])")
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|l/min|rpm|°c?)?")


def sender_head(text: str, names_fleet: Callable[[str], bool]) -> tuple[int, str] | None:
    """(where the quote starts, the sender) of a sender's head before a quote (module docstring); None otherwise."""
    m = _SENDER_HEAD.match(text)
    if m is None or _NO_SENDER.search(m.group("who")) or names_fleet(m.group("who")):
        return None
    return m.end(), m.group("who")


def _split(text: str, names_fleet: Callable[[str], bool]) -> tuple[str, str] | None:
    """(quote, what follows it) of a sender's head and a whole quote; None otherwise."""
    if not text or "\n" in text or _CJK.search(text):
        return None
    head = sender_head(text, names_fleet)
    if head is None:
        return None
    q = _QUOTE.match(text[head[0]:])
    if q is None or not q.group("q").strip():
        return None
    return q.group("q").strip(), text[head[0] + q.end():]


def quote_after_head(asst: Any, front: str) -> str | None:
    """The quote of a sender's head and a whole quote with nothing after it ("guard sms 01:50: '…'"); None
    otherwise (for adopted.py: the words the ask adopts)."""
    split = _split((front or "").strip(), _namer(asst))
    return split[0] if split is not None and not split[1].strip(" .!") else None


def sender_quote_ask(asst: Any, utterance: str, *, adoption_only: Callable[[str], bool],
                     forwarded_ask: Callable[[Any, str], str | None]) -> str | None:
    """The operator's own words after a sender's head and quote (module docstring); None where the ask has no such
    structure, nothing is said after the quote, or what is said is no order of the operator's own.  ``adoption_only``
    (adopted.py) and ``forwarded_ask`` (forwarded.py) come from the caller (rewrites.own_words): both modules import
    this one's neighbours (adopted -> here, forwarded -> relayed_heads_zh -> adopted), so importing them here would
    be an import cycle (tests/test_architecture.py)."""
    names = _namer(asst)
    split = _split((utterance or "").strip(), names)
    if split is None:
        return None
    quote, rest = split
    sep = _SEP.match(rest)  # "→", "—", ".", or only a space after the closing quote ("'…' ugh. lock the main door")
    own = pasted_rows.own_tidy(rest[sep.end() if sep else 0:].strip(), names).strip(" \t,;")
    if not own or adoption_only(own):  # "→ do it": adopted.py's
        return None
    said = normalize(own)
    own_names = read(said, asst.rules.vocab).mentions
    if any(mn.kind in ("device", "zone") for mn in own_names):
        return own
    if _POINT_BACK.search(said) or _PRONOUN.search(said):
        # forwarded.py's own reading where it puts the words under the quote's device ("Sam: '…warehouse…'. light it
        # up pls"), as before; else the device the quote is about ("shut it up", "silence that")
        before = forwarded_ask(asst, utterance)
        if before is not None and normalize(before) != said:
            return before
        if before is None and (own_names or not _POINT_BACK.search(said)):  # "… → fix that", "… → set the coolant
            return None                                                       # flow to that, 20": read whole, as before
        return _under_quote(asst, quote, said) or own
    return own if own_names or _ORDER_EN.match(own) else None


def _under_quote(asst: Any, quote: str, said: str) -> str | None:
    """Own words that point back, under the one device the quote is about (by name or by what it does: "something
    howling in the yard" is the yard siren's), of the kind they name (any kind where they name none), else the
    quote's one place; None where the quote gives neither."""
    heard = normalize(quote)
    mentions = read(heard, asst.rules.vocab).mentions
    about = set(asst._refers(_NUMBER.sub(" ", heard)))
    if read(said, asst.rules.vocab).mentions:
        about &= set(asst._refers(said))
    if len(about) == 1:
        return f"{asst.by_id[next(iter(about))].name.lower()}: {said}"
    zones = {k for mn in mentions if mn.kind == "zone" for k in mn.keys}
    if len(zones) == 1:
        return f"{asst.aliases.zone_name(next(iter(zones)), 'en').lower()}: {said}"
    return None


def _namer(asst: Any) -> Callable[[str], bool]:
    return pasted_rows.fleet_namer(asst)
