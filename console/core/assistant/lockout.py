"""Lock-out / tag-out is why the crew asks, never the door lock (session 9, a maintenance crew's week).

LOTO (lock-out / tag-out: isolating a machine's energy before work on it), 挂锁, 挂牌上锁, 上锁挂牌 name a maintenance
procedure, not a device and not a command: "一号传送带停一下，要挂锁" was refused (the conveyor "cannot be locked"),
"二号线挂锁：停产、冷却水停、蒸汽切断" proposed only the valve, "Pump off. Valve closed. Doing LOTO on B" was refused.
The procedure's words are dropped where they are a reason of their own:

- a clause that is only the procedure, with a reason word (要/准备/需要/进行/做, "doing", "prepping", "for") and at most a
  short place ("on B", "on line 2"): "要挂锁", "准备挂锁", "doing LOTO on B", "LOTO on line B";
- a heading before a colon: "二号线挂锁：…" → "二号线：…" (the place stays, it bounds the list), "LOTO on line B: …";
- a trailing purpose: "… for LOTO", "… for the lockout on line b", "…，准备挂牌上锁".

Never when the clause names a door or lock (大门挂锁, "lock out the front door": the lock's own words), and never the
whole ask: an ask that is only "二号线挂锁" stays as it was (refused: a conveyor cannot be locked).  Pure text.
"""

from __future__ import annotations

import re

_LOTO_ZH = r"(?:挂牌上锁|上锁挂牌|挂锁挂牌|挂牌挂锁|挂锁上牌|挂牌锁定|锁定挂牌|挂锁|挂牌)"
_LOTO_EN = (r"(?:loto|lock[- ]?out(?:\s*[-/&]?\s*(?:and\s+)?tag[- ]?out)?|lock\s+out\s*[-/&]?\s*(?:and\s+)?tag\s+out"
            r"|lockout|tagout)")
_REASON_ZH = r"(?:要|准备|准备好|需要|得|马上|然后|接着|现在|这边|我们|我)*(?:要|去|进行|开始|做|来)?"
# a clause that is only the procedure (normalised: ASCII punctuation)
_CLAUSE_ZH = re.compile(r"^(?:[^,;:.!?\s]{0,6}?(?:线|号))?" + _REASON_ZH + _LOTO_ZH
                        + r"(?:作业|检修|程序|流程)?(?:了|一下|吧|啦)?$")
_CLAUSE_EN = re.compile(
    r"^(?:(?:we're|we\s+are|i'm|i\s+am|we'll|i'll|we|i|crew\s+is|team\s+is)\s+)?"
    r"(?:(?:doing|performing|starting|prepping|preparing|about\s+to\s+do|going\s+to\s+do|gonna\s+do|for|ready\s+for"
    r"|prep\s+for|prepping\s+for|need\s+(?:a\s+)?|needs\s+(?:a\s+)?)\s+)?(?:(?:a|an|the)\s+)?" + _LOTO_EN
    + r"(?:\s+(?:procedure|now|time))?(?:\s+(?:on|for|of|at)\s+(?:the\s+)?(?:line\s+)?[a-z0-9]{1,8}(?:\s+line)?)?$")
# a heading: 二号线挂锁：…, LOTO on line B: …
_HEAD_ZH = re.compile(r"^(?P<place>[^,;:.!?\s]{0,8}?)" + _REASON_ZH + _LOTO_ZH + r"(?:作业|检修)?\s*:\s*(?=\S)")
_HEAD_EN = re.compile(r"^(?:(?:doing|performing|starting)\s+)?(?:(?:a|an|the)\s+)?" + _LOTO_EN
                      + r"(?:\s+(?:on|for|of)\s+(?P<place>(?:the\s+)?[a-z0-9 ]{1,16}?))?\s*:\s*(?=\S)")
_TRAIL_EN = re.compile(r"\s+(?:for|before\s+we\s+do)\s+(?:(?:a|an|the)\s+)?" + _LOTO_EN
                       + r"(?:\s+(?:on|of)\s+(?:the\s+)?(?:line\s+)?[a-z0-9]{1,8})?(?=\s*(?:[,;.!]|$))")
_DOOR = re.compile(r"门|door|entrance|gate|(?<![a-z])lock(?:s)?(?![a-z-])")
_PARTS = re.compile(r"(\s*[,;.!]+\s*|\s+-+\s+|\s*[—–]+\s*)")


def _is_loto_clause(part: str) -> bool:
    bare = part.strip(" .!,;")
    if not bare or _DOOR.search(_strip_loto(bare)):
        return False
    return bool(_CLAUSE_ZH.match(bare) or _CLAUSE_EN.match(bare))


def _strip_loto(text: str) -> str:
    return re.sub(_LOTO_ZH + "|" + _LOTO_EN, " ", text)


def drop_lockout(text: str) -> str:
    """The (normalised) ask without its lock-out / tag-out reasons; unchanged when it has none or is only one."""
    if not re.search(r"挂|loto|lock[- ]?out|tag[- ]?out|lockout|tagout", text):
        return text
    out = text
    m = _HEAD_ZH.match(out)
    if m is not None and not _DOOR.search(m.group("place")):
        out = (m.group("place") + ":" if m.group("place") else "") + out[m.end():]
    m = _HEAD_EN.match(out)
    if m is not None and not (m.group("place") and _DOOR.search(m.group("place"))):
        place = (m.group("place") or "").strip()
        place = place if place and re.search(r"line|[a-z]\s*$", place) and len(place) > 1 else ""
        out = (place + ": " if place else "") + out[m.end():]
    out = _TRAIL_EN.sub("", out)
    pieces = _PARTS.split(out)
    kept: list[tuple[str, str]] = []  # (separator before it, part)
    for i in range(0, len(pieces), 2):
        if not _is_loto_clause(pieces[i]):
            kept.append((pieces[i - 1] if i else "", pieces[i]))
    rest = "".join((sep if j else "") + part for j, (sep, part) in enumerate(kept))
    rest = rest.strip(" ,;.!-—–")
    if not rest or not re.search(r"[a-z\u3400-\u9fff]", rest):
        return text  # only the procedure: left as it was (refused as before)
    return rest
