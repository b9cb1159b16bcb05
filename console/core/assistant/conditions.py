"""Conditional and deferred asks the older condition guard let through (held-out 16): "once / as soon as /
the moment …", 等…了就…, 等…以后, 一…就…, 到时候, 待…后, …的话, 一旦, 只要 — each says *when* to act, not to act
now, so the rules must refuse it wherever it appears (等办公室没人了就把灯关掉 had switched the lamps off at once).

``CONDITION`` is one more alternative of the condition guard in ``screening.py``; ``condition_in`` names the words.
Pure and Qt-free, no threads, no locks.

Not conditions (kept accepted): 等 as a slip for 灯 (把仓库的等关掉), 就行/就好/就可以 ("… is enough"),
ordinals and counts after 一 (一线, 一号, 一半, 一下), 待机 (standby).
"""

from __future__ import annotations

import re

# a clause boundary: the start of the text or a punctuation mark, with an optional polite opener
_START = r"(?:^|[，,。；;：:!！?？]\s*)(?:请|麻烦|帮我|你)?\s*"
# 就/再/才 that goes on to an action; 就行/就好/就够/就可以/就是 close an ask ("开一半就行"), not a condition
_THEN = r"(?:就|再|才)(?![行好够成是可])"

CONDITION = re.compile(
    # 等(到)…(了/以后/之后/后/完)…就/再: "once … then"; 等 as a clause's first word only (等 is also a slip for 灯)
    _START + r"等(?:到|着)?[^，,。；;]{1,16}?(?:了|以后|之后|后|完|时)?[，,]?\s*" + _THEN
    # 待…后/之后/再/就 ("待人走后关灯"); 待机 is the standby mode
    + r"|" + _START + r"待(?!机)[^，,。；;]{1,16}?(?:后|以后|之后|完|时|" + _THEN + r")"
    # 一…就…: "as soon as"; not 一线/一号/一半/一下/一点/一起 … (ordinals, counts, "a bit")
    + r"|一(?![线号条个点些半成共起并直定样台只块边旁会]|下(?![班课工雨]))[^，,。；;]{1,8}?" + _THEN
    # X了就Y: "when X has happened, do Y" (先…了再… is a sequence to do now: 再 is no condition here)
    + r"|[^，,。；;\s]了[，,]?\s*就(?![行好够成是可])"
    # X时就Y (同时/及时/随时/暂时 are no time clause) / X的话(就)Y
    + r"|[^，,。；;\s同及随暂立当]时[，,]?\s*就(?![行好够成是可])|的话"
    # words that defer or make conditional by themselves
    + r"|到时候|到时|届时|回头|待会儿?|等会儿?|等一会儿?|过会儿?|过一会儿?|一会儿|稍后|一旦|只要|万一|倘若|若是|假使|假设|"
    r"等到|直到|除非"
    # English: "as soon as", "the moment", "by the time", "in case", "provided", "as long as", "till", "in a bit"
    + r"|(?<![a-z])(?:as\s+soon\s+as|soon\s+as|the\s+(?:moment|minute|instant|second)\s+(?:that\s+)?(?:the|it|they|we|"
    r"i|you|someone|somebody|everyone|everybody|nobody|no\s+one|all|there|he|she)|by\s+the\s+time|in\s+case|"
    r"provided(?:\s+that)?|providing|assuming|as\s+long\s+as|till|'til|in\s+a\s+(?:bit|while|minute|moment|sec|second|"
    r"few)|shortly|afterwards|eventually|whenever|once)(?![a-z])")


def condition_in(text: str) -> str | None:
    """The conditional or deferring words of an (already normalised) text, as said, or None."""
    m = CONDITION.search(text or "")
    return m.group(0).strip(" ，,。；;：:") if m else None
