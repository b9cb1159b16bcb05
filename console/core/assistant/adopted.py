"""Someone else's words, adopted as the operator's ask (session 12, blind set 77), both languages, read by STRUCTURE.

A voice that forwards or pastes what another person said and then adopts it: 'manager just said "run line A conveyor
at 80 rpm". do what he says', 'from the shift lead: "start the cooling water pump". pls', 'fwd from Ella: "too much
glare in the office". pls handle', 'Mike says set the AC to heat, 24 degrees. please do that', 张工转来：“蒸汽阀开一半”。
你弄一下, 总监微信：“两台传送带都停了”。执行, 访客到了，把大门打开 —— 前台刚在群里说的，处理一下.  The adoption words
("do what he says", "pls handle", "sort it out", 照做, 执行, 处理一下 …) had been read as the operator's own ask (forwarded.py
/ quoted_reports.py: "the operator's words after the quote") and refused as nothing to do, and a bare message head
"from Lee:" as a place the fleet lacks.

:func:`adopted_words` gives the words the ask adopts, which the assistant then reads again from the top (every
rewrite, screen and gate: the forwarded / quoted structure, a negation, condition or schedule in the adopted words
refuses the ask exactly as if said alone):

- an adoption tail: the ask ENDS with adoption words only (``ADOPTION``: no negation, no time, nothing more), after a
  separator (., ,, —, <-, 。, a closing quote), and what comes before is relayed speech — a quote, a message head
  (fwd:, "from X:", "Slack from X:", 转发：, X微信：, X转来：, 工单：), a speaker ("X says", "X just said", 群里说的, 说：):
  the words before the tail.  '"don't stop conveyor A". do what he says' reads "don't stop conveyor A" (refused);
  "… . don't do it", "… . do it tomorrow", "… . do it and stop B" are no adoption tail and stay as they were;
- a message head from a person with a whole quote and nothing else: 'from Lee: "turn on conveyor number two"',
  张工转来：“…”: the quote (as forwarded.py reads "fwd from X: '…'").  The "person" is letters only (no digits, no
  time word: "from tomorrow: '…'" / "from 8am: …" are schedules, never a sender) and names nothing of the fleet
  ("from line A: '…'" / 仓库微信：… stay as they were: a place is no sender);
- a control room's sender head and a whole quote before the tail ("guard sms 01:50: '…' → sort it out", "supervisor
  chat: '…' — do it", "Ana: '…' → do it"; sender_quotes_en.py): the quote, its head's stamp never a schedule.

A quote that is NOT adopted (no adoption words, no own ask) stays what it was.  Pure text plus one catalog read of the
sender; regexes compiled at import.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.reader import read
from console.core.assistant.sender_quotes_en import quote_after_head

# --- adoption words: the whole tail, nothing else (no negation, no time, no other verb) ----------------------------
_WHO_EN = r"(?:he|she|they|it|him|her|the\s+(?:message|msg|note|text|ticket|boss|manager|lead|email|mail))"
_EN_CORE = (
    r"(?:do|just\s+do)\s+(?:what|as)\s+" + _WHO_EN + r"\s+(?:says?|said|asks?|asked|wants?|wanted)"
    r"|as\s+" + _WHO_EN + r"\s+(?:says?|said|asks?|asked)"
    r"|(?:do|action|actions|execute|follow|handle|sort|deal\s+with|take\s+care\s+of|get|set|apply)\s+(?:it|that|this|them|those)"
    r"(?:\s+(?:out|done|through))?"
    r"|go\s+ahead\s+and\s+(?:do|set|apply|action|change)\s+(?:it|that|this|them)"
    r"|(?:go\s+ahead|make\s+it\s+so|handle|proceed|execute|do\s+so|do\s+the\s+needful|you\s+know\s+what\s+to\s+do|"
    r"over\s+to\s+you|pls|plz|please|thanks|thx|cheers|kthx|do\s+it|see\s+above|as\s+above)")
# assent before the adoption (an e-mail reply: "agreed, do it", "+1, go ahead", "yes, do that", "approved - proceed")
_POLITE_EN = (r"(?:pls|plz|please|kindly|can\s+you|could\s+you|would\s+you|ok(?:ay)?|so|yeah|right|and|then|now|"
              r"yes|yep|agreed|approved|confirmed|\+1|sounds\s+good|fine\s+by\s+me|lgtm)")
_TAIL_EN = r"(?:pls|plz|please|thanks|thx|ty|asap|now|then|for\s+me|right\s+away|mate|boss|thanks\s+mate)"
_ADOPT_EN = (r"(?:" + _POLITE_EN + r"(?:[\s,]+|\s*[-–—]\s*))*(?:" + _EN_CORE + r")(?:[\s,]+(?:" + _EN_CORE + r"|" + _TAIL_EN + r"))*")
_ADOPT_ZH = (
    r"(?:(?:同意|好的|好|可以|行|没问题|收到|批准)[，,\s]*)?"  # assent before it (a mail reply: 同意，照做)
    r"(?:那就|那|就|你|您|麻烦(?:你|您)?|请|帮忙|帮我|辛苦)*"
    r"(?:照做|照办|照着?(?:做|办|弄)|执行(?:一下)?|处理(?:一下)?|弄一下|搞一下|办一下|操作一下|落实(?:一下)?|搞定|"
    r"按(?:这个|他说的|她说的|他们说的|上面说的|他的意思|她的意思|上面的|邮件(?:里|上)?(?:说的|的意思)?)(?:办|做|弄|来|改)?|"
    r"照(?:这个|上面的?|邮件的?)(?:改|做|办|弄)|就这么(?:办|做|弄|改))"
    r"(?:吧|了|哈|啊|呀)?(?:[，,]?\s*(?:谢谢|辛苦了|多谢|麻烦了))?")
ADOPTION = re.compile(r"^[\s<\-–—=^>.,;:!。，；：！]*(?:" + _ADOPT_EN + r"|" + _ADOPT_ZH + r")[\s.!~。！]*$", re.I)

# the adoption tail after a separator: ".", ",", a dash, "<-", "->", "。", "，", or a closing quote
_SEP = re.compile(r"(?:[.!?;,。！？；，…]+|\s[-–—]+|[–—]+|<-+|<<|->|→|\^+|(?<=[\"”」』']))\s*")

# --- relayed speech: a quote, a message head, a speaker -------------------------------------------------------
_QUOTED = re.compile(r"[\"“”「」『』]|(?:^|[\s:：])'[^']{2,}'")
_RELAY_EN = re.compile(
    r"^(?:fw|fwd|forwarded|forwarding|re)\b|(?<![a-z])(?:from\s+[a-z][\w.'& -]{0,30}?\s*:|says|said|saying|wrote|"
    r"writes|texted|messaged|emailed|posted|pinged|radioed)(?![a-z])", re.I)
_RELAY_ZH = re.compile(r"转来|转发|转给|微信|群里|短信|留言|发来|来消息|消息|工单|通知|钉钉|电话里|说的|讲的|交代的|吩咐的|"
                       r"要求的|说[:：“\"]|讲[:：“\"]")

# --- a message head from a person, then a whole quote -------------------------------------------------------
_NOT_SENDER = re.compile(
    r"(?<![a-z])(?:(?:now|today|tonight|tomorrow|yesterday|morning|evening|afternoon|night|noon|midnight|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|weekend|week|month|next|then|later|start|end|lunch|dawn|dusk|sunrise|"
    r"sunset)(?!\s+(?:shift|crew|team|lead|guys|staff|supervisor|manager|desk|security))|if|when|whenever|unless|once|after|before|until|till|not|never|nobody|no|none|don'?t|here|there|on|off|"
    r"am|pm|hours?|minutes?|shift\s+start|the\s+top)(?![a-z])|\d")
_FROM = re.compile(
    r"^(?:(?:msg|message|text|sms|note|word|email|e-mail|call|slack|teams|wechat|whatsapp|signal|dm|chat|voicemail)\s+)?"
    r"from\s+(?P<who>(?:(?:the|my|our|your)\s+)?[a-z][\w.'&-]*(?:\s+[a-z][\w.'&-]*){0,2})\s*:\s*"
    r"(?P<q>\"[^\"]+\"|“[^”]+”|'[^']+')\s*[.!]*$", re.I)
_NOT_SENDER_ZH = re.compile(r"不|没|别|如果|要是|假如|等|明天|今天|今晚|晚上|早上|下午|上午|点|分|以后|之后|前|后|[0-9一二三四五六七八九十]")
_FROM_ZH = re.compile(
    r"^(?P<who>[\u4e00-\u9fffA-Za-z]{1,6}?)(?:刚才?|刚刚)?(?:转来|转过来|转发|发来|发过来|微信|企业微信|钉钉|短信|留言|"
    r"来消息|发消息|在群里说|群里说)\s*[:：]\s*(?P<q>“[^”]+”|\"[^\"]+\"|「[^」]+」)\s*[。！!.]*$")
# a condition or negation before the relayed words ("if the manager says '…', do it", "nobody says …. do it",
# 如果总监说“…”，就执行): the tail is the condition's consequent or nothing was said: no adoption
_GUARD = re.compile(r"(?<![a-z])(?:if|when|whenever|unless|once|in\s+case|should|nobody|no\s+one|noone|not|never|"
                    r"don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|until|after|before)(?![a-z])|如果|要是|假如|万一|等|没人|没有人|"
                    r"不|别|没", re.I)
_STRIP_Q = re.compile(r"^[\"“'「『](?P<q>.*)[\"”'」』]$", re.S)


def adoption_only(words: str) -> bool:
    """Whether ``words`` are adoption words only ("do what he says", "pls handle", 照做, 你弄一下)."""
    return bool(ADOPTION.match(words or ""))


def _sender(asst: Any, who: str, zh: bool) -> bool:
    """A person (letters, no time / condition / negation word) that names nothing of the fleet."""
    if (_NOT_SENDER_ZH if zh else _NOT_SENDER).search(who.lower()):
        return False
    return not read(who.lower(), asst.rules.vocab).mentions


def _from_head(asst: Any, text: str) -> str | None:
    """The quote of 'from Lee: "…"' / 张工转来：“…” (nothing else said); None otherwise."""
    m = _FROM.match(text)
    zh = False
    if m is None:
        m, zh = _FROM_ZH.match(text), True
    if m is None or not _sender(asst, m.group("who"), zh):
        return None
    q = _STRIP_Q.match(m.group("q"))
    return q.group("q").strip() if q is not None and q.group("q").strip() else None


def _guarded(front: str) -> bool:
    """A condition or negation before the first relayed mark (quote, "says", "from X:", 转来, 说的 …)."""
    marks = [m.start() for m in (_QUOTED.search(front), _RELAY_EN.search(front), _RELAY_ZH.search(front)) if m]
    return bool(_GUARD.search(front[:min(marks)] if marks else front))


def adopted_words(asst: Any, utterance: str) -> str | None:
    """The words the ask adopts (module docstring): the relayed words before an adoption tail, or the quote of a
    person's message head said alone; None where the ask has no such structure."""
    text = (utterance or "").strip()
    if not text or "\n" in text:  # several lines: forwarded.py's own structure
        return None
    for m in _SEP.finditer(text):  # the longest adoption tail: its separator, leftmost
        tail = text[m.end():]
        if len(tail) > 48 or not adoption_only(tail):
            continue
        front = text[:m.start()].strip(" ,，;；")
        if front and (_QUOTED.search(front) or _RELAY_EN.search(front) or _RELAY_ZH.search(front)) \
                and not adoption_only(front) and not _guarded(front):
            return _from_head(asst, front) or quote_after_head(asst, front) or front
        break
    return _from_head(asst, text)
