"""A Chinese report that something was NOT done, beside the ask: 王工发消息说仓库灯没关，帮忙关一下 (blind set 74).

"仓库灯没关" says how the lamp is (still on), like 仓库灯还开着; read as words it made "灯没" an unknown device and the
ask was refused.  :func:`undone_as_state` rewrites such a clause's 没关 / 没灭 / 没停 / 没开 to the state it reports
(还开着, 还亮着, 还在转, 还关着), so that state_reports.py reads it as any state report: the report is the antecedent of
an ask with no object of its own (关一下, 把它关了), and the ask's own verb alone gives the way.  Only a clause that
ends there (没关系 and 没关好门 are other words) and only beside another clause; the re-read happens only where the ask
was refused (layers.py), so the report adds no device or change of its own.  Pure text; regexes compiled at import.
"""

from __future__ import annotations

import re

_STATE = {"关": "还开着", "灭": "还亮着", "停": "还在转", "开": "还关着"}
_UNDONE_ZH = re.compile(r"(?<=[\u4e00-\u9fffa-z\d])还?没有?(?P<verb>[关灭停开])(?:上|掉|好|住)?(?:呢|啊|的)?"
                        r"(?=\s*(?:[，,。；;!！]|$))")


def undone_as_state(text: str) -> str:
    """``text`` (normalised) with each clause-final 没关 / 没灭 / 没停 / 没开 read as the state it reports; the same
    string when it has none or has a single clause."""
    if not text or "没" not in text or not re.search(r"[，,。；;!！]", text.strip(" ，,。；;!！")):
        return text
    return _UNDONE_ZH.sub(lambda m: _STATE[m.group("verb")], text)
