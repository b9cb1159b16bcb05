"""A Chinese degree complement is "too …": 晒得厉害 / 吵得要命 / 暗得很 read as 太晒 / 太吵 / 太暗 (session 10).

太阳晒得厉害 ("the sun is beating down") was asked "what should the blinds do?", while 太晒了 closes them: the catalog's
words for a nuisance (太晒, 太吵, 太暗, 太臭 …) are said with 太 before the adjective, and a degree complement after it
(得厉害, 得要命, 得很, 得不行, 得受不了, 得慌) says the same.  :func:`too_much` rewrites an adjective of the world a
kind acts on (sun, noise, dark, heat, cold, smell, fumes, glare) + such a complement as 太 + the adjective; nothing
else (跑得很快 is no nuisance); 吵死了 / 亮死人了 ("to death", no 得) is 太吵了 / 太亮了 too (session 13); never after a
negation (不吵得… is no Chinese, but 没/不 before it stays as said).
Pure; regex compiled at import.
"""

from __future__ import annotations

import re

_ADJ = r"(?:晒|吵|暗|黑|热|冷|闷|臭|呛|亮|潮|晃眼|刺眼|闷热)"
_DEGREE = r"(?:太|很|特别|非常)?(?:厉害|要命|不行|受不了|慌|够呛|不得了|很|要死)"
_TOO = re.compile(rf"(?<![不没别])({_ADJ})得{_DEGREE}")
# 吵死了 / 亮死人了 / 闷死我了: "to death", the same degree said without 得 (session 13, blind set 86: 院子那边吵死了)
_TO_DEATH = re.compile(rf"(?<![不没别])({_ADJ})死(?:人|我)?(?:了|啦)")


def too_much(text: str) -> str:
    """``text`` with 晒得厉害 → 太晒 (see module); unchanged when it has no such complement."""
    if "死" in text:
        text = _TO_DEATH.sub(r"太\1了", text)
    if "得" not in text:
        return text
    return _TOO.sub(r"太\1", text)
