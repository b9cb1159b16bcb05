"""Pinyin input slips of a Chinese verb beside a device noun (session 10): 管 for 关, 所 for 锁.

排风扇管了吧 ("guan": 管 typed for 关, "switch the exhaust fan off") and 所门 我走了 ("suo": 所 for 锁, "lock the door, I'm
off") were refused as nothing to do.  homophones_zh.py fixes slips inside fleet NOUNS; these are slips of the VERB,
fixed only where the slip is unambiguous in context:

- 管 right after a word that names a device or kind of the fleet (the reader's mentions of the few characters before
  it) and right before 了 / 掉 / 上 (管了, 管掉, 管上: "take care of" is 管一下 / 管好 / 管着, never these), the noun not a
  pipe compound (水管, 气管, 油管 … are pipes, never a slip);
- 所 opening a clause (or after 把 / 请 / 帮我 / 先) right before a door or lock noun (所门, 所大门, 所门锁): 所 never
  starts a word there (厕所门, 所有门, 派出所 are not touched: 所 follows a character of its word or 有 follows it).

The rewritten ask is read by the whole pipeline (rereads.reread_as) only where the ask as said was refused with no
command, so a right word is never turned into a command.  Pure; regexes compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any

from console.core.assistant.phrases import normalize
from console.core.assistant.reader import read
from console.core.assistant.rereads import refused_outright, reread_as

_GUAN = re.compile(r"管(?=了|掉|上)")
_PIPE = set("水气油钢铁导血软吸排进出主支热暖风")
_SUO = re.compile(r"(?:(?<=^)|(?<=[，,。；;！!\s把请先])|(?<=帮我)|(?<=给我))所(?=(?:大|正|前|后|侧)?门)")


def _names_device(asst: Any, before: str) -> bool:
    for k in range(1, min(8, len(before)) + 1):
        if any(mn.kind in ("device", "kind") for mn in read(before[-k:], asst.rules.vocab).mentions):
            return True
    return False


def fix_verb_slips(asst: Any, text: str) -> str:
    """``text`` (normalised) with 管 → 关 and 所 → 锁 where the slip is unambiguous (module docstring)."""
    out = text
    for m in reversed(list(_GUAN.finditer(out))):
        before = out[:m.start()]
        if before and before[-1] not in _PIPE and re.match(r"[\u4e00-\u9fff]", before[-1]) \
                and _names_device(asst, before):
            out = out[:m.start()] + "关" + out[m.end():]
    return _SUO.sub("锁", out)


def verb_slips_fixed(asst: Any, utterance: str, said: Any) -> Any:
    text = normalize(utterance or "")
    if not refused_outright(said, utterance) or ("管" not in text and "所" not in text):
        return said
    return reread_as(asst, utterance, said, fix_verb_slips(asst, text))
