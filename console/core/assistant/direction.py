"""The direction check: whatever layer proposed a command, it must go the way the words say.

"close / shut / stop / off / lower / dim / cut / 关 / 停 …" never yields open / on / start / a higher
value, and "open / start / on / raise / let in / 开 / 启动 …" never the reverse.  Read from the
utterance alone (:func:`direction_of`), checked per command against the catalog (:func:`violation`):

- a switch (power, running, active, …) set on under "down" words, or off under "up" words;
- an amount (an opening, a level, a speed, a flow: any numeric capability not in °C) set to its
  maximum under "down" words, or to its minimum under "up" words ("close the valve completely" must
  never become 100 %);
- with the device's current values known (``current``), any amount (°C included: "cooler, like 19
  degrees" must not raise a 17 °C setpoint) that moves the wrong way, and ordered enum settings
  (low < medium < high) likewise.

When an utterance says both ("turn the lights on and the fan off"), each clause's direction binds to
the devices that clause is about (``direction_check.clause_directions``, given ``refers``; the proposal check
``direction_check.check_proposal`` is there too: it splits and normalises, so it lives above clauses and phrases): "floodlight off and sound
the yard siren" can never switch the floodlight on.  A device no clause with a direction word is about
only has to agree with one of the ask's directions.

Less or none of a thing is "down", never "up": "no more steam", "enough coolant", "without the fan",
"stop running the pump", 不要再/别再/不再/够了/停止 (:data:`LESS`).  The "more" of "no more" and an "up"
word right after such a phrase ("no more opening", "stop running", 停止运行) are masked before the "up"
words are read, so they can never make an ask read as "up".  "no more than 20 %", "at most", 不超过,
最多 are a bound, not a setting: :func:`bound_in` finds them and every layer refuses them.

Locks are checked on their own (:func:`lock_ways`, :func:`lock_violation`): a lock or unlock the ask does not
state, read with the device names blanked ("release the main entrance lock" never locks), is refused.
Plain settings ("set … to heat mode") have no direction.
Pure, Qt-free.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping

from console.core.assistant.dim_as_dark import dim_as_dark
from console.core.assistant.go_dark import says_go_dark
from console.core.protocol import DeviceMeta

UP, DOWN = "up", "down"

_DOWN_EN = re.compile(
    r"(?<![a-z])(close[sd]?|closing|shut|shuts|stop|stops|stopped|halt|pause|pauses|paused|(?<!set\s)off|lower|dim|dimmer|darken|slow|slower|"
    r"reduce|decrease|cut|kill|quiet|quieten|silence|mute|block|cooler|colder|less|deactivate|disable|"
    r"(?:turn|slow|power|shut|bring|wind|calm|cool|settle)\s+(?:\S+\s+){0,4}?down|keep\s+(?:\S+\s+){0,4}?out|"
    r"shut\s+out)(?![a-z])")
_UP_EN = re.compile(
    r"(?<![a-z])(open|opens|opened|start|starts|raise|lift|brighten|brighter|increase|faster|warmer|hotter|more|"
    r"activate|enable|resume|sound|sounds|sounding|warn|warns|alert|alerts|alerting|set\s+off|trigger|triggers|ventilate|ventilates|circulate|"
    r"circulates|air\s+(?:\S+\s+){0,3}?out|let\s+(?:\S+\s+){0,4}?(?:in|into|through)|"
    r"(?:turn|switch|power|speed|light|fire|start|warm|crank)\s+(?:\S+\s+){0,4}?up|"
    r"(?:turn|switch|power|flip)\s+on|"
    r"(?:turn|switch|power|put|flip)\s+(?:\S+\s+){0,4}?on(?=$|[\s,.;!]*(?:and|then|please|pls|now|,|$))|"
    r"(?:^|\s)on[.!]?$|(?:get|gets|got|getting)\s+(?:\S+\s+){0,5}?(?:going|producing|moving)|flowing|running)(?![a-z])")
# a bare "on" that ends a clause: "conveyor a on", "the siren on, and …" (not "the conveyor on line b")
_ON_LAST = re.compile(r"(?<![a-z])on(?=[\s.!]*(?:$|[,;]|and\s|then\s|please|pls|now))")
_DOWN_ZH = re.compile(r"关|停|熄|灭|降低|降下|调低|调暗|变暗|减小|减少|减速|减慢|放慢|拉上|放下|合上|切断|挡|遮|静音|凉快")
# alerting is always "up" (a siren on, never off): "alert everyone", 发出警报, 拉响 (held-out 8: "secure the premises
# and alert everyone …" had set the siren off, the lock's "secure" being the ask's only direction)
_UP_ZH = re.compile(r"打开|开启|点亮|点灯|开动|启动|运行|开机|跑起来|运转起来|转起来|动起来|开到|开成|升高|升起|调高|调亮|加大|增加|加速|加快|拉开|响起|鸣响|通过|(?<![闯冲溜混])进来|照进|照亮|暖和"
                    r"|拉响|发出警报|发出警告|发警报|鸣警|鸣笛|警告大家|提醒大家|通知大家"
                    r"|给[^，,；;。]{0,8}?(?:通通?风|换换?气)|通通风|换换气|通一下风")  # the verb (给一号线通风), not the noun (通风关掉)
_SWALLOW_ZH = re.compile(r"(?:不要再|别再|不再|不用再|无需再|停止|停)(?:" + _UP_ZH.pattern + r"|开|送|放|供|输送|通)")

# less or none of a thing: "down" whatever follows ("no more steam", "enough coolant", 蒸汽够了)
LESS = re.compile(
    r"(?<![a-z])(?:no\s+more(?!\s+than)|no\s+further|no\s+longer|nothing\s+more(?!\s+than)|not\s+any\s+more|enough(?:\s+of)?|"
    r"without|none\s+of|cease|quit)(?![a-z])|不要再|别再|不再|不用再|无需再|(?<!就)(?<!就足)够了|(?<!就)足够了|停止")
# (…就够了 rates what comes before it: 流量调到20就够了 is "20 suffices", never "enough coolant": session 9)
# a bound is not a setting ("no more than 20 %" must not become 20 % when it is at 0, nor 0 %)
BOUND = re.compile(
    r"(?<![a-z])(?:(?:no|not|nothing)\s+(?:more|higher|greater|faster|hotter|brighter)\s+than|"
    r"(?:not|never)\s+(?:above|over|exceed(?:ing)?)|at\s+(?:the\s+)?most|at\s+(?:the\s+)?least|"
    r"(?:no|not)\s+(?:less|lower|fewer|slower|colder|dimmer)\s+than|a\s+maximum\s+of|a\s+minimum\s+of|"
    r"max(?:imum)?\s+of|min(?:imum)?\s+of)(?![a-z])|不超过|不要超过|不高于|不低于|不少于|最多|至多|最少|至少|上限|下限")
# a "down" phrase swallows an "up" gerund of its own clause: "stop running the pump", "stop the coolant
# flowing", 停止运行, "no more opening" (not across "and"/"then"/a comma: "stop the pump and get the fan going")
_SWALLOW_EN = re.compile(
    r"(?<![a-z])(?:no\s+more|no\s+further|no\s+longer|enough(?:\s+of)?|stop|stops|halt|quit|cease|without)"
    r"\s+(?:(?!and\s|then\s|but\s|also\s)[a-z0-9]+\s+){0,4}?[a-z]+ing(?![a-z])")

# which way a lock should go, read from an ask whose device names are blanked out (the noun "lock" of "the
# main entrance lock" is never the verb): "nobody can get in" is locking before "get in" is read as letting in
_NOBODY_IN = re.compile(
    r"(?<![a-z])(?:nobody|no\s+one|no-one|none)\s+(?:\S+\s+){0,2}?(?:get|gets|come|comes|walk|walks|break|breaks)\s+(?:in|into)"
    r"(?![a-z])|(?:keep|keeps)\s+(?:\S+\s+){0,4}?out(?![a-z])|进不来|不能进|别让.{0,6}进"
    r"|(?<![a-z])(?:don'?t|do\s+not|never)\s+let\s+(?:anyone|anybody|strangers|outsiders|people|intruders|someone)\s+in(?![a-z])"
    r"|(?:免得|以免|省得|省的|防止|以防|避免|不让|不要让|不能让)再?.{0,6}?进"  # 锁门，免得有人进来: keeping out
    r"|(?:别|不要|不许|不准|不能)再?(?:随便|随意|偷偷)?(?:进来|进去|进入|进门|闯进来|闯入)")  # 外人别进来 (keep_out_lead.py)
_LOCK_EN = re.compile(
    r"(?<![a-z])(?:lock|locks|locked|locking|lock\s+up|close|shut|secure|secured|securing|bolt|bolted|latch|intruders?|burglars?|"
    r"engage|engages|engaged|engaging|"  # "engage the main entrance lock" (held-out 29)
    r"break-?ins?)(?![a-z])")
_UNLOCK_EN = re.compile(
    r"(?<![a-z])(?:unlock|unlocks|unlocked|unlocking|unsecure|unbolt|unlatch|release|releases|open|opens|undo|"
    r"disengage|disengages|disengaged|"
    r"let\s+(?:\S+\s+){0,4}?(?:in|into|through)|(?:come|comes|get|gets|walk|walks)\s+(?:in|into)|admit)(?![a-z])")
_LOCK_ZH = re.compile(r"关上|关好|关紧|关门|锁上|锁好|锁住|锁起来|锁了|上锁|反锁|锁门|(?<![解开的])(?<!开下)(?<!解下)(?<!开一下)(?<!解一下)锁(?!.{0,4}(?:打开|开|解))|进不来|不能进|别让.{0,6}进"
                      r"|闯进|闯入|冲进|溜进|混进|入侵|小偷|盗贼|窃贼")  # a break-in (有人闯进来了) is a reason to lock
_UNLOCK_ZH = re.compile(r"解锁|开锁|(?:开|解)一?下锁|解开|打开|开门|开一下|松开|解除|(?<![闯冲溜混])进来|进得来|能进|放.{0,6}进")
LOCK_WAYS = ("lock", "unlock")


def lock_ways(text: str) -> set[str]:
    """The ways an (already normalised, device names blanked) ask states for a lock: {"lock"}, {"unlock"},
    both or none.  A lock command in a way the ask does not state is refused by every layer's gate."""
    out: set[str] = set()
    rest = _NOBODY_IN.sub(lambda m: " " * len(m.group(0)), text)
    if _NOBODY_IN.search(text) or _LOCK_EN.search(rest) or _LOCK_ZH.search(rest):
        out.add("lock")
    if _UNLOCK_EN.search(rest) or _UNLOCK_ZH.search(rest):
        out.add("unlock")
    return out


def lock_violation(meta: DeviceMeta, params: Mapping[str, Any], ways: set[str]) -> str | None:
    """Why a command that locks or unlocks ``meta`` goes a way the ask did not state, or None."""
    cap = meta.capabilities.get("locked")
    if cap is None or cap.type != "bool" or "locked" not in params:
        return None
    way = "lock" if params["locked"] else "unlock"
    if way in ways:
        return None
    return f"{meta.name}: locked → {params['locked']} ({way}s it), and the ask does not say to {way} it"


SWITCH_CAPS = ("power", "running", "active", "on", "enabled")
_ORDERED = ("low", "medium", "high")


# "run conveyor a slow, 10 rpm (tracking the belt)": slow is how it runs (a pace, its value said), never "down" (session 9)
_RUN_SLOW = re.compile(r"(?<![a-z])(?:run|runs|running|start|starts|restart|restarts)\s+(?:(?!and\s|then\s)[^\s,;.]+\s+){0,4}?"
                       r"(slow|slowly)(?![a-z])")


def direction_of(text: str) -> set[str]:
    """The directions an (already normalised) utterance asks for: {"up"}, {"down"}, both, or none."""
    out: set[str] = set()
    if "slow" in text:
        text = _RUN_SLOW.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + " " * len(m.group(1)), text)
    if "dim" in text:  # "the warehouse is too dim": how it is, never the verb "dim" (dim_as_dark.py)
        text = dim_as_dark(text)
    if _DOWN_EN.search(text) or _DOWN_ZH.search(text) or LESS.search(text) or says_go_dark(text):
        out.add(DOWN)  # says_go_dark: "it can go dark", 可以黑了 is leave for the lights off (go_dark.py)
    rest = _mask(text)
    if _UP_EN.search(rest) or _UP_ZH.search(rest) or _ON_LAST.search(rest):
        out.add(UP)
    return out


def less_in(text: str) -> bool:
    """Does an (already normalised) utterance ask for less or none of something ("no more steam", 够了)?"""
    return bool(LESS.search(text))


def bound_in(text: str) -> str | None:
    """The bound an utterance states ("no more than", "at most", 不超过), or None."""
    m = BOUND.search(text)
    return m.group(0) if m else None


_BOUND_OPENED_TO = re.compile(r"(?:" + BOUND.pattern + r")\s*开(?:到|成)")


def _mask(text: str) -> str:
    """``text`` with what can never mean "up" blanked out: bounds, less-of phrases, and the "up" word a
    "down" phrase swallows (lengths kept, so positions stay put)."""
    def blank(m: re.Match) -> str:
        return " " * len(m.group(0))

    text = _BOUND_OPENED_TO.sub(blank, text)  # 最多开到一半: the 开到 of a bound is no "up" of its own
    text = BOUND.sub(blank, text)
    text = _SWALLOW_EN.sub(blank, text)
    text = _SWALLOW_ZH.sub(blank, text)
    return LESS.sub(blank, text)


def _amount(cap) -> bool:
    return cap.type in ("int", "float") and cap.min is not None and cap.max is not None and cap.max > cap.min


def _moves(meta: DeviceMeta, name: str, value: Any, current: Mapping[str, Any] | None) -> set[str]:
    """Which way setting ``name`` to ``value`` moves the device ("up", "down", or nothing known)."""
    cap = meta.capabilities.get(name)
    if cap is None:
        return set()
    if cap.type == "bool":
        return {UP if value else DOWN} if name in SWITCH_CAPS else set()
    now = (current or {}).get(name)
    if cap.type == "enum":
        if value in _ORDERED and now in _ORDERED and value != now:
            return {UP if _ORDERED.index(value) > _ORDERED.index(now) else DOWN}
        return set()
    if cap.type not in ("int", "float") or isinstance(value, bool):
        return set()
    if isinstance(now, (int, float)) and not isinstance(now, bool) and float(value) != float(now):
        return {UP if float(value) > float(now) else DOWN}
    if _amount(cap) and (cap.unit or "") not in ("°C", "°c"):
        if float(value) >= float(cap.max):
            return {UP}
        if float(value) <= float(cap.min):
            return {DOWN}
    return set()


def violation(meta: DeviceMeta, params: Mapping[str, Any], wanted: set[str],
              current: Mapping[str, Any] | None = None) -> str | None:
    """Why this command goes against the utterance's direction(s), or None when it does not."""
    if not wanted:
        return None
    for name, value in params.items():
        moved = _moves(meta, name, value, current)
        if moved and not (moved & wanted):
            way = "opens, starts or raises" if UP in moved else "closes, stops or lowers"
            return f"{meta.name}: {name} → {value} {way} it, the opposite of what was asked"
    return None
