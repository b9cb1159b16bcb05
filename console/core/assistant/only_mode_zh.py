""""Only X is needed" with a negated alternative mode: 办公室只要吹风就行，不用制冷 → the AC's mode X (held-out 20).

只要 X 就行 / 只开 X 就好 / 只需要 X / 只用 X 即可 says the one mode wanted; a negated other mode beside it (不用制冷,
不要制热, 别开暖气) only excludes.  The ask had been refused as a negation (negated_modes.py read the "rest" as no mode
of its own: 吹风 was no mode word) or as a condition (只要 … 就 is also "as long as … then").  Here the "only" phrase
is rewritten to 调成<mode>模式, which the rules read as the AC's mode, and negated_modes.py then drops the negated
clause as a restatement.  Only where the ask also negates ANOTHER mode: 只要吹风就行 alone, 只要制冷就行，不要制冷 and
real negated commands (不要开空调, 别制冷) are left as they were (refused).  Applied by ``phrases.normalize`` before
negated_modes.py.  Pure regular expressions; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

# the one mode wanted: 只要吹风就行, 只开送风就好, 只需要制热, 只用自动模式即可
_MODE = {"吹风": "送风", "送风": "送风", "通风": "送风", "制冷": "制冷", "冷风": "制冷", "冷气": "制冷", "制热": "制热",
         "暖风": "制热", "暖气": "制热", "加热": "制热", "自动": "自动"}
_WORD = "|".join(sorted(_MODE, key=len, reverse=True))
_ONLY = re.compile(r"(?:只要|只需要|只需|只用|只开|只)(?:开|用|要|开个|开启|打开)?(?P<m>" + _WORD + r")(?:模式|功能)?"
                   r"(?:就行|就好|就可以|就够|就成|即可|便可)?(?:了|啦|的)?")
# the negated alternative: 不用制冷, 不要开暖气, 别制热, 不需要冷气
_NEGATED = re.compile(r"(?:不要|不用|不需要|不必|无需|别|不)(?:再)?(?:开|用|要|开启)?(?P<m>" + _WORD + r")")


def only_mode(text: str) -> str:
    """The (normalised) ask with its "only mode X" phrase as 调成X模式 where another mode is negated; else unchanged."""
    if "只" not in text or not any(w in text for w in ("不", "别", "无需")):
        return text
    m = _ONLY.search(text)
    if m is None:
        return text
    wanted = _MODE[m.group("m")]
    negated = {_MODE[n.group("m")] for n in _NEGATED.finditer(text, m.end())}
    negated |= {_MODE[n.group("m")] for n in _NEGATED.finditer(text[:m.start()])}
    if not negated or wanted in negated:
        return text  # no alternative excluded, or the same mode both wanted and not: left to the negation guard
    return f"{text[:m.start()]}调成{wanted}模式{text[m.end():]}"
