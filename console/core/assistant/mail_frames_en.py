"""The frame of an e-mail or a ticket around an English ask (session 14, blind set 93: e-mail threads and tickets).

People who run a plant from their inbox wrap the ask in the mail's own words, and the rules refused the whole ask on
them: a greeting and a sign-off ("Hi team, per Mark's email: turn on the warehouse floodlight. Thanks, Jen": a device
called 'jen'), who asked ("Request from Tom (reception): unlock the main entrance lock …": a place called 'tom'; "Jim
asked by email to turn the office air conditioner on and set it to 21. Go ahead."), where it came from ("… per the
weekly plan email": a schedule; "… From helpdesk ticket: 'ceiling light too harsh'": a place called 'helpdesk'),
a work note ("stop the cooling pump, maintenance on the heat exchanger"), and someone's report before the ask
("Shipping says the parcels on line B are moving too slow. Line B speed to 85 rpm.", "Courier says he can't get into
the building, let him in": its "can't" a negation of the ask).

:func:`mail_frames_read` takes out, only where the ask as said was refused with no command, in these closed shapes:

- a greeting at the start: Hi / Hello / Hey / Dear + team / all / everyone / a name, then a comma or colon;
- a sign-off at the end: Thanks / Thank you / Cheers / Regards / Best / BR / Many thanks (+ a name of one or two
  capitalised words), or "-- Jen";
- a requester head: "Request from Tom (reception):", "Per Mark's email:", "As per the ticket:";
- a source at the end: "per the weekly plan email", "as per Mark's mail", "per ticket 4471", and a last sentence
  "From <the> helpdesk ticket: '…'";
- someone asking, as a frame: "<Name> asked (by email) to <ask>." (+ "Go ahead." / "Please do."): the ask;
- a whole report sentence by someone before the ask: "<Who> says / reports / mentioned <…>. <ask>" and "<Who> says
  <…>, <ask with a verb first>": the ask;
- a maintenance note after a stop or off: ", maintenance on the heat exchanger" (a work note, never a device);
- a reply's "+1" before the ask ("+1, run line A conveyor at max": an approval, never a value 1), a reply's remark
  sentence before it ("That's way too cold for everyone else. Set the AC to 22 instead."), its "instead" after it,
  and a sentence that sets an earlier mail aside ("Ignore the earlier mail about 18 degrees. Office temperature to
  23, please.": the "ignore" negates the old mail, never the ask).

The rest is read again through the whole pipeline (rereads.reread_as: every screen, the gate and the direction check
of the ask as said), so a negation, condition or schedule of the ask itself still refuses, and nothing is proposed
unless the rest is a complete ask.  Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.rereads import refused_outright, reread_as

_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]*\.?)?"
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|morning|good\s+morning)\s+(?:team|all|everyone|folks|guys|there|"
                       + _NAME + r")\s*[,:!]\s*", re.I)
_SIGN_OFF = re.compile(r"(?:(?<=[.!?,])|\s)\s*(?:(?:many\s+|thanks\s+)?thanks|thank\s+you|thx|cheers|(?:kind\s+|best\s+)?regards|"
                       r"best|br|ta)(?![a-z])\s*[,!.]?\s*(?:[-–—]\s*)?(?:" + _NAME + r")?\s*[.!]?\s*$"
                       r"|\s*(?:--|–|—)\s*" + _NAME + r"\s*$", re.I)
_REQUEST_HEAD = re.compile(r"^(?:(?:request|req|ask)\s+from\s+" + _NAME + r"(?:\s*\([^()]{1,30}\))?|"
                           r"(?:as\s+)?per\s+(?:" + _NAME + r"'s|the|my|his|her|their|our)\s+(?:e-?mail|mail|message|"
                           r"ticket|request|note|memo))\s*[:,]\s*", re.I)
_SOURCE_TAIL = re.compile(r"\s*[,;]?\s*(?:as\s+)?per\s+(?:the\s+|" + _NAME + r"'s\s+|my\s+|his\s+|her\s+)?"
                          r"(?:[a-z]+\s+){0,3}?(?:e-?mail|mail|memo|ticket(?:\s+#?\d+)?|request)\s*[.!]?\s*$"
                          r"|\s*[.!]?\s*from\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:ticket|e-?mail|mail|chat)\s*:\s*"
                          r"['\"‘“][^'\"’”]*['\"’”]\s*[.!]?\s*$", re.I)
_ASKED_TO = re.compile(r"^" + _NAME + r"\s+(?:asked|requested)\s+(?:(?:by|via|over|in\s+an?)\s+(?:e-?mail|mail|phone|"
                       r"chat|text|teams|slack)\s+)?(?:us\s+|me\s+)?to\s+(?P<ask>[^.!?]+?)\s*[.!]?"
                       r"(?:\s*(?:go\s+ahead|please\s+do|pls\s+do|do\s+it|please\s+action)\s*[.!]?)?\s*$", re.I)
_REPORT_FIRST = re.compile(r"^(?:the\s+)?[A-Za-z]+(?:\s+[A-Za-z]+)?\s+(?:says|said|reports|reported|mentioned|"
                           r"complains|complained|tells\s+me|told\s+me)\s+(?P<report>[^.!?]+?)"
                           r"(?:[.!?]\s+(?P<rest>[^.!?].+)|,\s+(?P<verb_rest>(?:let|unlock|open|close|stop|start|"
                           r"turn|switch|set|run|shut|lock)\b.+))$", re.I)
_MAINTENANCE = re.compile(r"\s*,\s*(?:maintenance|service|servicing|repairs?|work)\s+(?:on|at)\s+(?:the\s+)?"
                          r"[a-z ]{3,30}?\s*[.!]?\s*$", re.I)
_PLUS_ONE = re.compile(r"^\+1\b[\s,.:;!-]*")
_REMARK_FIRST = re.compile(r"^(?:that's|that\s+is|that\s+was|it's|it\s+is)\s+[^.!?]{3,80}[.!]\s+(?P<rest>[^.!?].+)$", re.I)
_INSTEAD = re.compile(r"\s+instead\s*[.!]?\s*$", re.I)
_SET_ASIDE = re.compile(r"^(?:please\s+)?(?:ignore|disregard|forget)\s+(?:the|my|our|his|her|that)\s+(?:earlier|previous|"
                        r"last|old|first)\s+(?:e-?mail|mail|message|request|ticket|note)\b[^.!?]{0,60}[.!]\s+"
                        r"(?P<rest>[^.!?].+)$", re.I)
_NEGATION = re.compile(r"(?<![a-z'])(?:no|not|never|nobody|none|noone|nothing|neither|nor|don't|dont|doesn't|"
                       r"didn't|can't|cant|cannot|won't|wont|shouldn't|mustn't|isn't|aren't|wasn't|n't)(?![a-z'])", re.I)
_DOWN = re.compile(r"\b(?:stop|off|shut|close|kill|halt)\b", re.I)


def mail_framed(text: str) -> str | None:
    """``text`` (as typed) without its mail / ticket frame (module docstring); None where it has none."""
    out = (text or "").strip()
    if not out or not out.isascii() or "\n" in out:
        return None
    m = _ASKED_TO.match(out)
    if m is not None:  # never with a negation in the frame: "no one asked to start conveyor B" had started it
        return m.group("ask") if _NEGATION.findall(text) == _NEGATION.findall(m.group("ask")) else None
    out = _PLUS_ONE.sub("", out, count=1)
    for frame in (_SET_ASIDE, _REMARK_FIRST):
        m = frame.match(out)
        if m is not None:
            out = m.group("rest")
    out = _INSTEAD.sub("", out, count=1)
    out = _GREETING.sub("", out, count=1)
    out = _REQUEST_HEAD.sub("", out, count=1)
    out = _SIGN_OFF.sub("", out, count=1).rstrip(" ,")
    out = _SOURCE_TAIL.sub("", out, count=1).rstrip(" ,")
    m = _REPORT_FIRST.match(out)
    if m is not None:
        out = m.group("rest") or m.group("verb_rest")
    m = _MAINTENANCE.search(out)
    if m is not None and _DOWN.search(out[:m.start()]):
        out = out[:m.start()]
    out = out.strip()
    if _NEGATION.findall(text) != _NEGATION.findall(out):
        return None  # a negation in the part taken out ("no one asked to start conveyor B", "Shipping says don't …")
    return out if out and out != text.strip() else None


def mail_frames_read(asst: Any, utterance: str, said: Any) -> Any:
    """``said``, or the ask without its mail frame read again (only where it was refused with no command)."""
    if not refused_outright(said, utterance):
        return said
    words = mail_framed(utterance)
    return reread_as(asst, utterance, said, normalize(words) if words else None)
