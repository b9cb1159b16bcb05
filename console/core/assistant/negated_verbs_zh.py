"""Mandarin negations the negation guard did not list: 不 / 不能 / 不可以 / 不应该 / 没(有) right before what is
done (blind set 64 round, found while reading Cantonese as Mandarin, cantonese_zh.py).

The class: 不开台灯 ("not turning the lamp on") had switched the lamp ON, 不能解锁大门 / 不可以解锁大门 ("the door
must not be unlocked") UNLOCKED it, 不应该开泵 started the pump, 不停A线传送带 stopped the line, 没开台灯 ("the
lamp wasn't switched on") and 没有需要开泵 ("no need to start the pump") switched things on: the guard knew 不要 别
不用 不准 but not a bare 不 or a modal before the verb.  Each is a negation and is refused as 不要 is
(screening.py's negation guard asks :func:`negated_verb_zh`).

Not these: 能不能 / 可不可以 (a request: "could you …"), 关不掉 / 打不开 / 停不下来 (something that won't do it: a
complaint, 不 after the verb), 叫个不停 / 不停地响 (keeps on), 锁了没有 (a question, refused elsewhere), 没有人.
Pure, regex compiled at import.
"""

from __future__ import annotations

import re

# what is done to a device, as the negation's object (关掉 / 打开 / 启动 / 解锁 / 调到 …), or the 把 / 将 that puts the
# device first (不把探照灯打开, 没有把阀门关上; never 把握 "sure")
_VERB = r"(?:开|关|停(?![地的下了响叫转着])|锁|启|解锁|打开|拉|放|调|设|熄|灭|点亮|运行|运转|把(?!握)|将)"
NEGATED_VERB_ZH = re.compile(
    # 不能开 / 不可以解锁 / 不应该开 / 不该停 / 不得 / 不必: a modal negation before the verb
    r"(?<![能可应该得])不(?:能|可以|应该|应|该|得|必|许)(?:再|随便|随意|乱|去)?" + _VERB
    # 不开台灯 / 不停A线: a bare 不 before the verb (never after a verb or a measure word: 关不掉, 叫个不停, 开不开)
    + r"|(?<![个打关拉推离得开停锁能要可是说])不(?:再|去)?" + _VERB
    # 没开台灯 / 没有需要开泵 / 没必要: what wasn't done, or no need to do it (锁了没有 ends the ask: not this)
    + r"|没有?(?:需要|必要)?(?:再|去)?" + _VERB)


def negated_verb_zh(text: str) -> str | None:
    """The negated verb of an (already normalised) text (不开, 不能解锁, 没开), or None."""
    if not text or ("不" not in text and "没" not in text):
        return None
    m = NEGATED_VERB_ZH.search(text)
    return m.group(0) if m else None
