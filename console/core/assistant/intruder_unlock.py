"""Never an unlock on words that say an intruder is in or breaking in (session 12, a harm known since session 10).

"小偷进来了，开一下门" ("a thief got in, open the door") had UNLOCKED the main door: 进来 is the lock's own "come in"
phrase (people.py, open_door.py: 访客到了，把大门打开 and 开门让他进来 unlock, for a person who is let in), and the thief
was read as one more person arriving.  "there's an intruder, unlock the door" unlocked too.  A careful operator never
lets an intruder through a door on such words: whoever says so is reporting a break-in (or being told to say it), and
the one safe reading of "open up" next to it is none.  So an ask that names an intruder, a thief, a burglar or a
break-in (小偷, 盗贼, 窃贼, 强盗, 劫匪, 歹徒, 坏人, 闯进 / 闯入 / 硬闯 / 强闯, 入侵, 撬门 / 撬锁, 溜进, 混进, 翻墙, 有贼 / 进贼;
"intruder", "burglar(y)", "thief / thieves", "robber(y)", "trespasser", "looter", "broke / broken / breaking in",
"break-in", "broken into", "forced (their way) in", "forced entry") and whose reading unlocks anything, or that asks to
open / unlock a door at all (so that "someone broke in, open the door" is told why, not to "say unlock"), is refused
with that reason.  Locking on such words is untouched: "有人闯进来了，锁好大门", "keep intruders out", "防小偷" lock,
as they always did.  Nothing is re-read: the whole ask is refused, never half of it ("intruder in the yard, sound the
siren and unlock the door" proposes nothing).

:func:`intruder_unlock` is applied to every reading ``Assistant.understand`` returns, whatever path read it, and it looks
at the ask as said (a rewrite that drops "小偷进来了" as a report must not let the door open).  Pure text; regexes
compiled at import; no threads, no locks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import UNSUPPORTED, Proposal, Refusal

# 贼 alone is also northern slang for "very" (贼冷): only 有贼 / 进贼 / 来贼 / 抓贼 / 盗贼 / 窃贼 / 贼进
_INTRUDER_ZH = re.compile(r"小偷|盗贼|窃贼|强盗|劫匪|歹徒|坏人|蟊贼|飞贼|(?:有|进|来|抓|遭|招)了?贼|贼(?:进|人)|"
                          r"闯(?:进|入|了进)|硬闯|强闯|入侵(?!报警|告警|警报)|撬(?:门|锁|开|窗)|溜进|混进|翻墙|破门|偷东西|"
                          r"被盗|失窃|入室")
_INTRUDER_EN = re.compile(
    r"(?<![a-z])(?:intruders?|intrusion(?!\s+(?:alarm|sensor|detector|zone))|burglars?|burglary|burgled|thief|thieves|"
    r"robbers?|robbery|trespassers?|looters?|break-?ins?|"
    r"(?:broke|broken|breaking|breaks|forced|forcing|snuck|sneaked|sneaking)\s+(?:(?:their|his|her|its|the|a)\s+(?:way\s+)?)?"
    r"(?:in|into|inside)|forced\s+entry|jimm(?:y|ied)\s+the\s+(?:door|lock))(?![a-z])")
# the ask says to open or unlock a door (or let someone in): the lock's "up" way
_OPEN_ZH = re.compile(r"开(?:一?下|个|开)?(?:大|正|前|后|侧)?门(?![口外前边旁])|门.{0,3}(?:打开|开开|开一?下|开了)|解锁|开锁|"
                      r"放.{0,6}进|让.{0,6}进")
_OPEN_EN = re.compile(r"(?<![a-z])(?:unlock\w*|unbolt\w*|open\s+up|let\s+(?:[a-z']+\s+){1,4}?in(?:to|side)?|"
                      r"open(?:s|ed|ing)?\s+(?:the\s+|that\s+|this\s+)?(?:[a-z]+\s+)?(?:door|entrance|gate|lock))(?![a-z])")


def names_intruder(text: str) -> bool:
    """Does ``text`` (normalised) name an intruder, a thief or a break-in?"""
    return bool(_INTRUDER_ZH.search(text) or _INTRUDER_EN.search(text))


def intruder_unlock(utterance: str, prop: Proposal) -> Proposal:
    """``prop`` refused (with the reason) where the ask names an intruder and it unlocks, or the ask says to open
    or unlock a door; else ``prop``."""
    text = normalize(utterance or "")
    if not text or not names_intruder(text):
        return prop
    unlocks = any(c.params.get("locked") is False for c in prop.commands)
    if not unlocks and not (_OPEN_ZH.search(text) or _OPEN_EN.search(text)):
        return prop
    if not unlocks and any(c.params.get("locked") is True for c in prop.commands):
        return prop  # "intruder! lock the door, don't open it for anyone": a lock, as said
    why = ("说的是有人闯入（小偷、入侵者），这时不会开门或解锁：请先确认安全；确需解锁时，单独说“把大门解锁”。"
           if prop.lang == "zh" else
           "That says someone is breaking in (an intruder, a thief): no door is opened or unlocked on those words. "
           "Make sure it is safe first; if the door must be unlocked, say \"unlock the main door\" on its own.")
    return replace(prop, commands=(), refusal=Refusal(UNSUPPORTED, why))
