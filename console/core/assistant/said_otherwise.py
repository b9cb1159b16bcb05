"""Commands said in other words, written as the words the rules read (session 9, blind sets 40-43).

Everyday traffic (a night shift, a manager on a phone, code-switching engineers) says a plain command in a shape no
rule read, and the ask was refused:

- **"<something> needs <verb>ing"** is that verb on it: "the whole place needs locking, now" → "lock the whole place,
  now"; "the valve needs closing", "the pump needs starting", "the lamps need switching off", "… needs to be locked".
  Only a clause that opens with its subject and names no negation (nobody / nothing / no / not … stay as said) and
  only verbs of a way (lock, unlock, close, open, stop, start, switch / turn / shut on or off, silence, secure);
  a condition or a time after it stays and is refused as before ("… needs closing if …").
- **an amount verb the rules do not know, with a target**: "drop conveyor B speed to 40" → "lower …" (a target
  going down), "increase / bump / boost … to N" → "raise …"; the verb keeps its way, so the direction check (with
  the device's current value) still refuses a target the other way.  Without "to N" it stays as said.
- **拉满 / 开满 / 调满 / 拉到满** is 开到最大 (the top of the range, running): 一号传送带 speed 拉满 → running at 120 rpm.
- **只留 N** ("leave only N") is 留 N, a value: 办公室阳光太刺眼，挡一下，只留10% → the blinds at 10 %.
- **解锁 / 开锁 right before 让<someone>进来** ("unlock, let him in"): the purpose is its own clause, as with a comma
  (快递到了, 解锁让他进来 → unlock); 开门让他进来 already read.
- **提醒 / 警告 <people> (in a place)**, closing its clause: warning the people (in the yard) is sounding the
  siren (of that place): 提醒一下院子里的工人，pulse那种 → 拉响院子的警报，pulse那种 (evacuate_zh.py reads the same with a
  leaving verb; a negation or a condition around it stays and is refused).

:func:`said_otherwise` is applied by ``phrases.normalize`` (lower-cased text).  Pure regular expressions compiled at
import, a quick test first; no threads, no locks, nothing here knows the fleet.
"""

from __future__ import annotations

import re

# -- "X needs <verb>ing" ----------------------------------------------------------------------------------------------
_WAYS = {
    "locking up": "lock up", "locked up": "lock up", "locking": "lock", "locked": "lock",
    "unlocking": "unlock", "unlocked": "unlock", "closing": "close", "closed": "close", "opening": "open",
    "opened": "open", "stopping": "stop", "stopped": "stop", "starting": "start", "started": "start",
    "silencing": "silence", "silenced": "silence", "securing": "secure", "secured": "secure",
    "switching off": "switch off", "switched off": "switch off", "switching on": "switch on", "switched on": "switch on",
    "turning off": "turn off", "turned off": "turn off", "turning on": "turn on", "turned on": "turn on",
    "shutting off": "shut off", "shut off": "shut off", "shutting down": "shut down", "shut down": "shut down",
    "shutting": "shut", "shut": "shut",
}
_WAY_ALT = "|".join(re.escape(w) for w in sorted(_WAYS, key=len, reverse=True))
_NEEDS = re.compile(r"(?P<lead>^|[,;:]\s*)(?P<subj>(?:the|this|that|these|those|our|my|all|both|every)\s[^,;:]*?|[a-z][^,;:]*?)"
                    r"\s+(?:needs|need|has\s+to\s+be|have\s+to\s+be|should\s+be|must\s+be)\s+(?:to\s+be\s+)?"
                    r"(?P<way>" + _WAY_ALT + r")(?![a-z])")
_NOT_SUBJECT = re.compile(r"(?<![a-z'])(?:no|not|nothing|nobody|none|never|neither|nor|if|when|whether|who|what|which|"
                          r"unless|don't|doesn't|we|i|you|he|she|someone|somebody|anyone|anybody|everyone|everybody)(?![a-z'])")

# -- "drop X to N": an amount verb the rules do not know, with a target: lower / raise -------------------------------
_AMOUNT_VERB = {"drop": "lower", "reduce": "lower", "decrease": "lower", "increase": "raise", "bump": "raise",
                "boost": "raise"}
_AMOUNT_TO = re.compile(r"(?P<lead>^|[,;:]\s*|(?<![a-z])(?:and|then|pls|please)\s+)(?P<verb>drop|reduce|decrease|increase|bump|"
                        r"boost)\s+(?=[^,;:]*?(?<![a-z])(?:(?:down|up)\s+)?to\s+\d)")

# -- 拉满, 只留, 解锁让他进来 ---------------------------------------------------------------------------------------------
_FULL_ZH = re.compile(r"拉满|开满|调满|拉到满|开到满|调到满|拉到最满")
_ONLY_LEAVE_ZH = re.compile(r"只留下?|只剩下?")
_UNLOCK_LET_IN_ZH = re.compile(r"(解锁|开锁)(?=(?:让|放|请|叫)[\u4e00-\u9fff]{1,4}?(?:进来|进门|进屋|进楼))")

# -- 提醒 <people> (in a place) -----------------------------------------------------------------------------------------
_PEOPLE_ZH = r"(?P<who>工人们?|员工们?|人员|人们|大家|所有人|同事们?|师傅们?|人)"
_WARN_ZH = re.compile(r"(?P<lead>^|[，,；;。\s])(?:请|快|赶紧|马上)?(?:提醒|警告)(?:一下)?"
                      r"(?P<place>[\u4e00-\u9fff]{1,6}?)??(?:里面|里|那边|这边)?(?:的)?" + _PEOPLE_ZH
                      + r"(?:注意|小心)?(?=\s*(?:[，,；;。！!]|$))")
_NEGATED_ZH = re.compile(r"别|不要|不用|不必|不许|如果|要是|的话")

_HINT = re.compile(r"drop|reduce|decrease|increase|bump|boost|need|has\s+to|have\s+to|should\s+be|must\s+be|满|只留|只剩|锁|提醒|警告")


def _needs(m: re.Match) -> str:
    subj = m.group("subj").strip()
    if _NOT_SUBJECT.search(subj):
        return m.group(0)
    return f"{m.group('lead')}{_WAYS[m.group('way')]} {subj}"


def _warn(m: re.Match) -> str:
    place = m.group("place") or ""
    if not place and m.group("who") in ("大家", "所有人"):
        return m.group(0)  # 提醒大家 alone is a phrase of the catalog's own (normalised like any ask): left as it is
    return f"{m.group('lead')}拉响{place}的警报" if place else f"{m.group('lead')}拉响警报"


def said_otherwise(text: str) -> str:
    """``text`` (normalised) with the shapes above written as the rules read them; the same string otherwise."""
    if not text or not _HINT.search(text):
        return text
    out = _NEEDS.sub(_needs, text) if re.search(r"[a-z]", text) else text
    out = _AMOUNT_TO.sub(lambda m: m.group("lead") + _AMOUNT_VERB[m.group("verb")] + " ", out)
    if re.search(r"[\u4e00-\u9fff]", out):
        out = _FULL_ZH.sub("开到最大", out)
        out = _ONLY_LEAVE_ZH.sub("留", out)
        out = _UNLOCK_LET_IN_ZH.sub(r"\1，", out)
        if not _NEGATED_ZH.search(out):
            out = _WARN_ZH.sub(_warn, out)
    return out
