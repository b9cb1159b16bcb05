"""The session-10 rereads of an ask refused with no command, in order (each module says its class): a Chinese event
reason (world_reasons_zh.py), a pinyin verb slip (verb_slips_zh.py), trailing kisses / "as well" (tail_extras.py),
an English variant spelling or bare "lock up" (loose_words_en.py), a place's sound then "it" (described_it.py), a
dictated ask's missing pause or split name (dictation_pauses.py), a code-switched or Singlish ask said plainly
(code_switch.py), an English pasted log stamp, code, reading or quote beside the ask (pasted_refs_en.py), a Chinese
hardship, weather remark or visitor's place beside the ask (remark_clauses_zh.py), an e-mail or ticket's frame around
an English ask (mail_frames_en.py, session 14).
Pure; no threads, no locks."""

from __future__ import annotations

from typing import Any

from console.core.assistant.code_switch import code_switch_read
from console.core.assistant.described_it import described_it_read
from console.core.assistant.dictation_pauses import dictation_read
from console.core.assistant.loose_words_en import loose_words_read
from console.core.assistant.mail_frames_en import mail_frames_read
from console.core.assistant.pasted_refs_en import pasted_refs_read
from console.core.assistant.remark_clauses_zh import remarks_dropped
from console.core.assistant.tail_extras import extras_dropped
from console.core.assistant.verb_slips_zh import verb_slips_fixed
from console.core.assistant.world_reasons_zh import world_reasons_dropped

_STEPS = (world_reasons_dropped, verb_slips_fixed, extras_dropped, loose_words_read, described_it_read, dictation_read,
          code_switch_read, pasted_refs_read, remarks_dropped, mail_frames_read)


def reread_refused(asst: Any, utterance: str, said: Any) -> Any:
    """``said``, or the first reread that proposes (every step returns ``said`` unless it applies and passes)."""
    for step in _STEPS:
        if said.commands or said.refusal is None:
            return said
        said = step(asst, utterance, said)
    return said
