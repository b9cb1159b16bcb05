"""A part of an ask that adds nothing is no reason: "office ac on, banana" and 打开台灯，把那个修好 are refused whole.

Session 8 (found by hand): the clause pass (layers.py) skips a clause that says no change and is about no other
device as a *situation* — why, not what ("…, we're heading out", "…, can't see a thing", "…, the projector is on").
"banana" and 把那个修好 ("fix that") passed that test too, and the rest of the ask was proposed as if it were all:
a part silently dropped.  A situation says something about the world: a subject and a verb ("the courier is here",
"it's getting late"), a purpose or a cause ("for the visitors", 为了安全), a feeling.  Not a situation:

- one bare word nobody read, with no verb, purpose word or politeness beside it ("banana", "the banana", "bananas
  please"): a part nobody understood ("halfway", "go", "last one out" are read; "the drill starts now", "forklift
  loose out back" say something);
- a Chinese command — 把 / 将 (请把, 帮我把 …) governs an object to act on (把那个修好, 把文件打印一下): something to
  do that no device does.

Known politeness and filler ("please", "thanks", "cheers", "asap", 谢谢, 麻烦了) stay skipped, as do reasons and
clauses about a device the rest of the ask already changes (the caller's test).  Pure; no threads, no locks.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from console.core.assistant.bare_nouns_zh import bare_noun_zh

_POLITE_EN = frozenset(
    "please pls plz thanks thank you thx ty cheers ta mate guys folks team everyone all boss sir madam ok okay cool "
    "great nice cheers asap now quickly quick right away immediately straight soon fast again too also as well then "
    "lol btw pronto stat hurry kindly sorry lot lots bunch million heaps much appreciate hi hello hey good morning "
    "afternoon evening night bye goodbye later cya see roger copy over out yes yeah yep sure right alright".split())
_DET_EN = frozenset("the a an some that this those these my our your".split())
# a finite verb, a purpose or cause, a feeling or an adjective of how things are: a situation may be said with it
_SAYS_EN = re.compile(
    r"(?<![a-z])(?:is|are|was|were|be|been|being|am|has|have|had|can|cannot|could|will|would|should|must|may|might|"
    r"need|needs|needed|do|does|did|got|gets|get|feel|feels|seems?|looks?|went|came|left|gone|arrived|coming|waiting|"
    r"going|leaving|working|here|there|for|because|since|as|due|so|to|in|at|on|before|after|while|with|without|from|"
    r"of|too|very|so|really|not|no|it|we|i|they|he|she|you|someone|somebody|nobody|everyone|everybody)(?![a-z])"
    r"|'(?:s|re|m|ll|d|ve)(?![a-z])|n't|(?<=[a-z])(?:ed|ing)(?![a-z])")
_COMMAND_ZH = re.compile(r"^(?:请|帮我|帮忙|麻烦你?|你|给我)?(?:把|将)")


def junk_part(clause: str, r: Any, semantic: Callable[[str], bool]) -> bool:
    """Is a (normalised) clause, which the caller found about no device, a part that adds nothing?  ``r``: its
    reading by the rules; ``semantic(word)``: a word the fleet's semantics know.  English: one bare word left unread
    by the rules and unknown to the semantics (with only articles and politeness beside it);
    Chinese: a 把 command with no verb, value or name the rules read (把那个修好)."""
    text = (clause or "").strip(" .!?,，。！？;；")
    if not text or r.actions or r.numbers or r.enums or r.loose_numbers or r.mentions:
        return False
    if re.search(r"[\u3400-\u9fff]", text):
        return _COMMAND_ZH.match(text) is not None or bare_noun_zh(text, semantic)  # 香蕉 (bare_nouns_zh.py)
    if _SAYS_EN.search(text) or re.search(r"\d", text):
        return False
    words = [w for w in re.findall(r"[a-z']+", text) if w not in _DET_EN and w not in _POLITE_EN]
    left = set(r.leftover_words)
    return len(words) == 1 and words[0] in left and not semantic(words[0])  # "the drill starts now" is a sentence
