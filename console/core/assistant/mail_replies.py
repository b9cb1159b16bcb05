"""An e-mail reply that only approves the quoted ask is that ask (session 14, blind set 93: e-mail threads and tickets).

Operators answer a quoted request with assent and adoption only: "Re: AC settings\\n> set the AC to cool, 23
degrees\\nagreed, do it", "> Could you turn the yard siren on with the wail pattern for the drill?\\nyes, do that",
"> 二号传送带速度调到70转\\n同意，照做", "> 空调改成制冷模式\\n照这个改", "按邮件说的办：\\n> 把空调温度设为26度\\n谢谢".
forwarded.py read the operator's own lines alone ("agreed, do it": nothing to do) and refused the ask.

:func:`approved_quote`: where a message of several lines has exactly ONE quoted line ("> …", its subject / "Re:" /
"FW:" header lines aside) and every line of the operator's own is adoption (adopted.py's ``adoption_only``, with the
assent of a reply: "agreed", "+1", "yes", 同意, 照这个改, 按邮件说的办), the quoted line is the ask, read again from the top
by the caller: its negation, condition, schedule, question or unknown place refuses exactly as if said alone
("> don't stop conveyor A\\nagreed, do it" stays refused).  Several quoted lines (a thread: which one?) or own words
that add anything ("agreed, but at 20") leave the ask as it was.  Assent alone ("> …\\nagreed") adopts nothing: a
reader agreeing with a colleague has not asked for anything.  Pure text; the regexes are the callers'.
"""

from __future__ import annotations

from console.core.assistant.adopted import adoption_only
from console.core.assistant.forwarded import _quoted_line


def approved_quote(utterance: str) -> str | None:
    """The one quoted line that the operator's own lines only approve (module docstring); None otherwise."""
    text = (utterance or "").strip()
    if "\n" not in text:
        return None
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    quoted = [ln.lstrip("> ").strip() for ln in lines if ln.startswith(">")]
    if len(quoted) != 1 or not quoted[0]:
        return None
    own = [ln for i, ln in enumerate(lines) if not ln.startswith(">")
           and _quoted_line(ln, i == len(lines) - 1) is None]
    if not own:
        return None
    words = "，".join(ln.strip(" ,，:：") for ln in own)
    return quoted[0] if adoption_only(words) else None
