"""Words that close an ask and add nothing, or only rate the value it already says (session 9, blind sets 40-43).

A night shift, a manager on a phone and code-switching engineers close their asks with words no rule read, and the
whole ask was refused (or, for "enough", read as "less"):

- **a plea for help** at the end: "cant see a thing in the warehouse, help", "…, pls help", 仓库太黑了，帮帮忙 — the
  ask before it says what to do; "help" alone stays as it was, and so does "help" after a mild report ("it's a bit
  dark in the warehouse, please help": the request itself, brighter_on.py);
- **"again"**: "get line A moving again", "get boxes moving on line B again" — the state asked for, once more;
- **hurry** closing a clause: "close the steam valve, 快点", "…，赶紧" — how soon, never a relative change (快一点,
  "faster", is left as said);
- **a value rated**: "medium's enough", "10 is enough", "20 should do", "20 is fine", "N will do", 20就行, 中档就够了 —
  the value itself ("air out line A, medium's enough" → the fan on at medium; "make the office cooler, 20 should do" →
  20 °C).  Only a number or a setting word closing a clause; "that's enough" (stop) and "20 is not enough" stay;
- **a remark on the limit** that repeats the number already asked: 空调调到16度，最低就是16吧 ("16 is the lowest
  anyway"), "set the AC to 16, 16 is the minimum" — dropped; a different number stays (and is refused as before);
- **"at most N" after a relative word of amount**: 蒸汽放一点，最多30%, "open the valve a bit, at most 30%" — the
  target N (the relative word alone was refused as "say the target"); without a relative word a bound stays refused.

:func:`closing_words` is applied by ``phrases.normalize`` (lower-cased text); pure regular expressions compiled at
import, a quick test first; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

_END_EN = r"\s*(?:please|pls|plz|thanks|thank\s+you)?\s*[.!]*\s*(?:$|(?=[,;]))"
_END_ZH = r"\s*(?:吧|啊|呀|哈)?\s*[。！!.]*\s*(?:$|(?=[，,；;]))"

# -- help, again, hurry ----------------------------------------------------------------------------------------------
_HELP_EN = re.compile(r"(?:\s*[,;.!-]+\s*|\s+)(?:(?:please|pls|plz)\s+)?help(?:\s+(?:me|us))?(?:\s+(?:please|pls|plz))?"
                      r"\s*[.!]*\s*$")
_HELP_ZH = re.compile(r"[\s,，。！!]*(?:请|麻烦)?(?:帮帮忙|帮个忙|帮下忙|帮一下忙|帮帮我们?)(?:吧|啊|呀)?[。！!]*\s*$")
_AGAIN = re.compile(r"\s*(?<![a-z'])(?:once\s+)?again(?![a-z'])")
_HURRY_ZH = re.compile(r"\s*[,，]\s*(?:快点儿?|快快|赶紧|赶快|麻利点儿?)\s*(?:吧|啊|呀)?\s*[!！。.]*\s*(?=$|[，,；;])")

# -- a value rated ---------------------------------------------------------------------------------------------------
_VALUE_EN = (r"(?:\d+(?:\.\d+)?(?:\s*(?:%|percent|degrees?|°c?|rpm|l/min))?|low|medium|med|high|max|maximum|min|"
             r"minimum|half|halfway|steady|pulse|wail|heat|cool|auto)")
_RATED_EN = re.compile(r"(?<![a-z0-9.])(?P<v>" + _VALUE_EN + r")(?:(?:\s*'s|\s+is|\s+will\s+be|\s+would\s+be|"
                       r"\s+should\s+be)\s+(?:quite\s+|just\s+|more\s+than\s+)?(?:enough|plenty|fine|ok|okay|good|"
                       r"sufficient)|\s+(?:should|will|would|ought\s+to)\s+do(?:\s+it)?)(?![a-z])(?=" + _END_EN + ")")
_VALUE_ZH = r"(?:\d+(?:\.\d+)?\s*(?:%|度|转|升)?|低档|中档|高档|低速|中速|高速|最高档|最低档)"
_RATED_ZH = re.compile(r"(?P<v>" + _VALUE_ZH + r")\s*(?:就行了?|就好了?|就够了?|就可以了?|即可|就成|就ok了?)(?=" + _END_ZH + ")")

# -- a remark on the limit, the number already said --------------------------------------------------------------------
_LIMIT_ZH = re.compile(r"\s*[，,；;]\s*(?:反正|因为)?(?:最低|最高|最多|最少|最小|最大)(?:也)?(?:就是|就|只能到?|是|也就|只有)?\s*"
                       r"(?P<n>\d+(?:\.\d+)?)\s*(?:度|%)?\s*(?:了|吧|啊|呀)*\s*[。！!.]*\s*$")
_LIMIT_EN = re.compile(r"\s*[,;]\s*(?:(?:since|because|as)\s+)?(?:(?:the\s+)?(?:min|minimum|max|maximum|lowest|highest)"
                       r"(?:\s+it\s+(?:goes|can\s+go))?\s+(?:is|'s)\s+(?P<n>\d+(?:\.\d+)?)|(?P<n2>\d+(?:\.\d+)?)\s+is\s+the\s+"
                       r"(?:min|minimum|max|maximum|lowest|highest|limit)(?:\s+it\s+(?:goes|can\s+go))?(?:\s+anyway)?)"
                       r"(?:\s+anyway)?\s*(?:degrees?|%)?\s*[.!]*\s*$")

# -- "at most N" after a relative word of amount -------------------------------------------------------------------------
_RELATIVE = re.compile(r"(?<![a-z])(?:a\s+bit|a\s+little|a\s+touch|slightly|somewhat)(?![a-z])|一点|一些|点儿")
_AT_MOST_ZH = re.compile(r"(?P<lead>[，,；;]\s*)(?:最多|顶多|最多就|不超过|不要超过)\s*(?P<n>\d+(?:\.\d+)?\s*(?:%|度|转|升)?)"
                         r"(?=" + _END_ZH + ")")
_AT_MOST_EN = re.compile(r"(?P<lead>[,;]\s*)(?:at\s+most|no\s+more\s+than|max(?:imum)?|tops)\s+"
                         r"(?P<n>\d+(?:\.\d+)?\s*(?:%|percent|degrees?|rpm|l/min)?)(?=" + _END_EN + ")")

_HINT = re.compile(r"help|again|帮|快|赶|麻利|enough|plenty|fine|ok|good|sufficient|\sdo\b|就|即可|最|不超过|at\s+most|"
                   r"more\s+than|max|tops|min|lowest|highest")


def _said_before(text: str, n: str) -> bool:
    return re.search(r"(?<![\d.])" + re.escape(n) + r"(?![\d.])", text) is not None


def closing_words(text: str) -> str:
    """``text`` (normalised) without closing words that add nothing, a rated value as the value (module doc); the
    same string when there are none."""
    if not text or not _HINT.search(text):
        return text
    out = text
    if "help" in out and not _RELATIVE.search(out):  # "a bit dark …, please help": the request (brighter_on.py)
        m = _HELP_EN.search(out)
        if m is not None and out[:m.start()].strip(" ,;.!-"):
            out = out[:m.start()]
    if "帮" in out:
        m = _HELP_ZH.search(out)
        if m is not None and out[:m.start()].strip(" ,，。！!"):
            out = out[:m.start()]
    if "again" in out:
        out = _AGAIN.sub("", out)
    out = _HURRY_ZH.sub("", out)
    out = _RATED_EN.sub(lambda m: m.group("v"), out)
    out = _RATED_ZH.sub(lambda m: m.group("v"), out)
    m = _LIMIT_ZH.search(out) or _LIMIT_EN.search(out)
    if m is not None and _said_before(out[:m.start()], m.group("n") or m.group("n2")):
        out = out[:m.start()]
    if _RELATIVE.search(out):
        out = _AT_MOST_ZH.sub(lambda m: m.group("lead") + m.group("n"), out)
        out = _AT_MOST_EN.sub(lambda m: m.group("lead") + m.group("n"), out)
    return out.strip() if out != text else text
