"""Verbs only a siren does: 响起来 / 响一下 / 鸣响 with no siren word name the siren (held-out 17).

"响起来提醒院子里的人撤离" (sound it to warn the people in the yard to leave) names no device: only a siren sounds
to warn people, so (only where a purpose follows: 提醒, 通知, 警告 …)
the verb is read as 拉响警报 ("sound the alarm"), and the rest of the pipeline finds the fleet's siren (or refuses
where the fleet has none).  Only where the ask has no siren word of its own (警报, 警笛, 报警器 …: 警报器响起来 is
read as it was); 鸣笛 stays the wail pattern's word (lexicon.py), 拉响 already says the siren.
Pure functions, no threads, no locks.
"""

from __future__ import annotations

import re

# the verb, then a purpose (提醒 / 通知 / 警告 … people): never the bare verb (vocabulary.py normalises 响起 itself)
_SOUND = re.compile(r"(?<![拉鸣])(?:响起来|响起|响一下|响一响|鸣响)(?=\s*[,，]?\s*(?:提醒|通知|警告|告诉|叫|让|催|赶))")
_SIREN_WORD = re.compile(r"警|报|笛|喇叭|铃")


def name_the_siren(text: str) -> str:
    """The (normalised) ask with a bare siren verb read as 拉响警报, or the text unchanged."""
    if not _SOUND.search(text) or _SIREN_WORD.search(text):
        return text
    return _SOUND.sub("拉响警报", text, count=1)
