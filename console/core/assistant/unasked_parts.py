"""Proposals that do something the operator did not ask, refused as a class after every reading (session 12, issue 17).

``understand`` (layers.py) passes its proposal through :func:`unasked_refused` last, whatever path read the ask; each
check only ever turns commands into a refusal, except the restart one, which adds the start the ask says:

* a Cantonese question about a device's state (冷氣開咗未呀? "is the AC on yet?", 係咪開咗呀?, 有冇開冷氣?) is a
  question, refused like 空调开了吗 (screening.py), never read as 开冷气;
* a Chinese definite singular (那盏灯, 这个灯, 办公室那盏灯) that the proposal meets with several devices of one
  kind is asked back (definite_ties.py), also where a pasted report before it took the ask through another path;
* "X still on / still running", 还开着 / 仲开住, with no command verb of the operator's, is a report of how a device is,
  never an ask for that state ("warehouse floodlight still on, nobody is there" had switched the floodlight ON);
  a pasted state row with no ask of the operator's ("pasted: 'Line A exhaust fan: speed=low'") is refused the same way;
* an unnamed thing known only by its sound ("the thing humming in the office, silence it", 那个嗡嗡响的东西) that the
  proposal meets with several devices is refused: a sound the kind catalog does not hold never widens to a place;
* Chinese wishes per place (仓库要亮，院子要安静): where one part alone is not understood the whole is refused, never
  the other part alone;
* "get it moving / going / running again at 70 rpm": a restart ask whose reading set only a value of a device that can
  run gets the start it says (running: true), never the value alone; where the gate would read a report's "stopped"
  as the way ("guard: 'production on line A stopped on its own?' → get it moving again at 70 rpm"), refused whole.

Pure functions over the assistant (duck-typed: ``by_id``, ``aliases``, ``understand``); regexes compiled at import.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from console.core.assistant.compound_places import _NOT_PLACES_ZH
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import (AMBIGUOUS, NOTHING_ACTIONABLE, UNKNOWN_DEVICE, Proposal, ProposedCommand,
                                             Refusal, build_proposal)
from console.core.assistant.wording import t

# -- Cantonese questions (checked on the ask as typed, Traditional or Simplified) ----------------------------------
_YUE_QUESTION = re.compile(
    r"(?:[咗了]未(?:呀|啊|吖|呢|啫)?\s*[?？]?\s*$)"          # 開咗未呀? / 开了未
    r"|(?:[咗了]未[呀啊吖呢]?\s*[?？])"
    r"|(?:咗[^?？，,。]{1,8}未[呀啊吖呢]?\s*[?？]?\s*$)"                # 開咗冷氣未?
    r"|(?:^|[，,\s])(?:係咪|系咪|是咪)(?!可以|可唔可以|幫|帮|唔該|唔该)[^?？]{0,20}[呀啊吖][?？]?\s*$"
    r"|(?:有冇|有無)(?!可能|得|辦法|办法|人可以|人幫|人帮)[^?？]{0,20}[呀啊吖呢]?\s*[?？]\s*$")
_ZH = re.compile(r"[\u4e00-\u9fff]")  # not lexicon.CJK: that one also takes Extension A (\u3400-), e.g. 㗎

# -- a definite singular --------------------------------------------------------------------------------------------
_ALL_ZH = re.compile(r"都|全|所有|两|兩|每|各|[二三四五六七八九十]盏|[二三四五六七八九十]个|晒")

# -- a state report -------------------------------------------------------------------------------------------------
_STILL_EN = re.compile(r"(?<![a-z])(?:still|left)\s+(?:on|running|open|going|lit|blaring|sounding)(?![a-z])")
_STILL_ZH = re.compile(r"还(?:开着|亮着|在响|在转|在跑|开住)|仲(?:开住|着住|着紧|开紧|亮住|响紧)|一直开着")
# The operator's own command verb beside a "still on" report.  Not lexicon.ACTIONS_EN / ACTIONS_ZH, on purpose: those
# tables hold the report's own state words as verbs ("running", "going", bare "open", bare 开 of 开着), so a report
# would count as its own command; these lists keep "open" only with an object ("open it / the / up"), add the asking
# words (please, can you, 请, 帮, 把) and the value verbs (set, dim, crank, 调, 设) that make the words an ask.
_VERB_EN = re.compile(r"(?<![a-z])(?:turn|switch|shut|close|open\s+(?:it|the|up)|stop|start|kill|cut|lock|unlock|raise|"
                      r"lower|dim|set|put|make|get|bring|power|silence|mute|run|restart|sound|activate|deactivate|"
                      r"douse|crank|boost|drop|pause|resume|please|pls|can\s+you|could\s+you)(?![a-z])")
_VERB_ZH = re.compile(r"关|停|熄|灭|打开|开一下|开开|开启|启动|拉上|拉开|放下|锁|解锁|调|设|把|请|帮|给我|弄")
_PASTED_ROW = re.compile(
    r"^(?:pasted|copied|fwd|fw|forwarded|from\s+[a-z]+|[a-z]+\s+(?:on|via|in)\s+(?:slack|teams|whatsapp|wechat|chat|"
    r"email|sms|text)|[a-z]+\s+(?:said|says|wrote|writes))\s*:\s*[\"'“‘«](?P<q>[^\"'”’»]*?(?:[a-z]\s*=\s*[a-z0-9]|"
    r"[a-z]:\s*[a-z]+\s*=)[^\"'”’»]*)[\"'”’»]\s*[.!]?\s*$")

# -- a sound-only thing ---------------------------------------------------------------------------------------------
_SOUND_THING_EN = re.compile(r"(?<![a-z])(?:thing|something|whatever|one|noise|sound)\s+(?:that'?s\s+|that\s+is\s+|"
                             r"which\s+is\s+)?(?:humming|buzzing|whining|droning|rattling|clicking|ticking|beeping|"
                             r"whirring|hissing|squealing|grinding|chirping)(?![a-z])"
                             r"|(?<![a-z])(?:humming|buzzing|whining|droning|rattling|clicking|ticking|beeping|whirring|"
                             r"squealing|grinding|chirping)\s+(?:thing|noise|sound)(?![a-z])")
_SOUND_THING_ZH = re.compile(r"(?:嗡嗡|嗡|嗞嗞|滋滋|吱吱|咔咔|哒哒|嘀嘀|呜呜|轰轰)[^，,。；;]{0,4}(?:的)?(?:东西|玩意|那个|声音|声)")

# -- a place the fleet lacks, opening the ask ----------------------------------------------------------------------
_OPEN_PLACE_ZH = re.compile(r"^(?P<p>[\u4e00-\u9fff]{1,3}(?:间|室|厅|房|馆|棚|堂|仓|库))")

# -- wishes per place -----------------------------------------------------------------------------------------------
_WISH_ZH = re.compile(r"^[^\s，,；;。！!？?]{1,8}要[^\s，,；;。！!？?]{1,4}$")
_SPLIT_ZH = re.compile(r"\s*[，,；;。]\s*")

# -- a restart with a value -----------------------------------------------------------------------------------------
_RESTART_EN = re.compile(r"(?<![a-z])(?:get|set)\s+(?:it|them|(?:the\s+)?[a-z]+(?:\s+[a-z])?)\s+(?:moving|going|running|"
                         r"rolling|turning)(?:\s+again)?(?![a-z])")
_RESTART_NEVER = re.compile(r"(?<![a-z])(?:if|when|unless|until|after|before|not|never|don't|dont|later|tomorrow|"
                            r"minutes?|hours?|stop|halt|kill)(?![a-z])")


def _lang(text: str) -> str:
    return "zh" if _ZH.search(text or "") else "en"


def _refuse(utterance: str, prop: Proposal, kind: str, en: str, zh: str) -> Proposal:
    return replace(prop, commands=(), refusal=Refusal(kind, t(_lang(utterance), en, zh)))


def _kind_nouns(asst: Any, kind: str, lang: str) -> list[str]:
    table = getattr(getattr(asst, "aliases", None), "kinds", None) or {}
    names = list((table.get(kind) or {}).get(lang) or [])
    if lang == "en":
        names += [kind]
    return [n.lower() for n in names if n]


def _devices(asst: Any, prop: Proposal) -> list[tuple[ProposedCommand, Any]]:
    """Each of the proposal's commands with its device's catalog entry (None where the catalog lacks it): the opening
    every check over the proposal's devices shares."""
    return [(c, asst.by_id.get(c.device_id)) for c in prop.commands]


def _same_kind_group(asst: Any, prop: Proposal) -> str | None:
    """The kind that two or more of the proposal's devices share, or None."""
    seen = Counter(meta.kind for _, meta in _devices(asst, prop) if meta is not None)
    return next((kind for kind, n in seen.items() if n >= 2), None)


def _definite_singular(asst: Any, norm: str, prop: Proposal) -> bool:
    kind = _same_kind_group(asst, prop)
    if kind is None:
        return False
    zh = _kind_nouns(asst, kind, "zh") + (["灯"] if kind == "lamp" else [])
    if zh and not _ALL_ZH.search(norm):
        alt = "|".join(re.escape(n) for n in sorted(set(zh), key=len, reverse=True))
        if re.search(r"[那这][盏个台只][^\s,，。;；!！?？、把将让给和跟与]{0,6}?(?:" + alt + ")", norm):
            return True
    return False


def _sets_up(prop: Proposal) -> bool:
    """Does the proposal switch, start, sound or open anything (the state a "still on" report names)?"""
    for c in prop.commands:
        for key, value in c.params.items():
            if value is True and key in ("power", "running", "active"):
                return True
            if key == "open" and isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
                return True
    return False


def _state_report(norm: str, prop: Proposal) -> bool:
    if _sets_up(prop) and ((_STILL_EN.search(norm) and not _VERB_EN.search(norm))
                           or (_STILL_ZH.search(norm) and not _VERB_ZH.search(_STILL_ZH.sub("", norm)))):
        return True
    m = _PASTED_ROW.match(norm)
    return m is not None and not _VERB_EN.search(m.group("q"))


def _sound_thing(norm: str, prop: Proposal) -> bool:
    return len(prop.commands) >= 2 and bool(_SOUND_THING_EN.search(norm) or _SOUND_THING_ZH.search(norm))


def _unplaced(asst: Any, norm: str, prop: Proposal) -> str | None:
    """The opening Chinese place word the fleet lacks (冷仓好黑，乜都睇唔到), where the proposal spread over several
    places: a place the assistant cannot place never widens to every device of a kind."""
    zones = {getattr(meta, "zone", None) for _, meta in _devices(asst, prop)}
    if len(zones) < 2:
        return None
    typos = getattr(asst, "typos", None)
    text = typos.fix_zh(norm) if typos is not None else norm
    m = _OPEN_PLACE_ZH.match(text)
    if m is None or m.group("p").endswith(_NOT_PLACES_ZH) or asst._names_place_or_device(m.group("p")):
        return None
    return m.group("p")


def _wish_part_dropped(asst: Any, norm: str) -> bool:
    parts = [p for p in _SPLIT_ZH.split(norm) if p]
    if len(parts) < 2 or len(parts) > 3 or not all(_WISH_ZH.match(p) for p in parts):
        return False
    return any(not asst.understand(p).ok for p in parts)


def _restart_start(asst: Any, utterance: str, norm: str, prop: Proposal) -> Proposal | None:
    if not _RESTART_EN.search(norm) or _RESTART_NEVER.search(_RESTART_EN.sub("", norm)):
        return None
    chosen: dict[str, dict] = {}
    for c, meta in _devices(asst, prop):
        caps = getattr(meta, "capabilities", {}) or {}
        if meta is None or "running" not in caps or "running" in c.params:
            return None
        chosen[c.device_id] = {"running": True, **c.params}
    picked = {c.device_id for c in prop.commands if c.picked_by_model}
    out = build_proposal(utterance, prop.lang, chosen, picked, by_id=asst.by_id, aliases=asst.aliases,
                         max_commands=asst.max_commands)
    return replace(out, layer=prop.layer) if out.ok else None


def unasked_refused(asst: Any, utterance: str, prop: Proposal) -> Proposal:
    """``prop`` unless it does something the ask did not ask (the module docstring's classes): then a refusal, or
    for a restart with a value, the start added."""
    if not prop.ok or not prop.commands or len(utterance or "") > 300:
        return prop
    raw = utterance or ""
    norm = normalize(raw)
    if _ZH.search(raw) and (_YUE_QUESTION.search(raw) or _YUE_QUESTION.search(norm)):
        return _refuse(utterance, prop, NOTHING_ACTIONABLE,
                       "That sounds like a question, not a command: the device table shows the current values.",
                       "这听起来是一个问题而不是指令：设备表中可以查看当前数值。")
    if _state_report(norm, prop):
        return _refuse(utterance, prop, NOTHING_ACTIONABLE,
                       "That reports how a device is, not what to do: say what should happen (e.g. \"switch the "
                       "warehouse floodlight off\").",
                       "这说的是设备现在的状态，不是要做什么：请说要做什么（例如“把仓库探照灯关掉”）。")
    if _definite_singular(asst, norm, prop):
        names = " or ".join(c.device_name for c in prop.commands)
        return _refuse(utterance, prop, AMBIGUOUS, f"Which one: {names}? Name the device.",
                       f"哪一个：{'、'.join(c.device_name for c in prop.commands)}？请说出设备名称。")
    if _sound_thing(norm, prop):
        return _refuse(utterance, prop, AMBIGUOUS,
                       "Nothing in this fleet is known by that sound: name the device to change.",
                       "设备表里没有以这种声音认出的设备：请说出要操作的设备名称。")
    lacked = _unplaced(asst, norm, prop) if _ZH.search(norm) else None
    if lacked is not None:
        return _refuse(utterance, prop, UNKNOWN_DEVICE, f"This fleet has no '{lacked}': name the device or its zone.",
                       f"这个设备群中没有“{lacked}”：请说出设备或区域名称。")
    if _ZH.search(norm) and _wish_part_dropped(asst, norm):
        return _refuse(utterance, prop, NOTHING_ACTIONABLE,
                       "A part of that was not understood; nothing was proposed, so that no part is done without the "
                       "rest: say each change (e.g. \"switch the warehouse floodlight on\").",
                       "有一部分没有看懂；为免只做一部分，没有给出任何指令：请逐一说明要做的操作（例如“把仓库探照灯打开”）。")
    started = _restart_start(asst, utterance, norm, prop)
    if started is not None and asst.direction_problem(utterance, started) is not None:
        # the report's "stopped" reads as the way to the gate: refused whole, never the value without the start
        return _refuse(utterance, prop, NOTHING_ACTIONABLE,
                       "That asks to start it again at a value: say both in one ask (e.g. \"start the line A conveyor "
                       "at 70 rpm\").",
                       "这是要重新启动并设定数值：请一次说清（例如“把A线传送带启动，转速70”）。")
    return started if started is not None else prop
