"""Session 12 (blind set 77): someone else's words adopted as the ask (adopted.py, through rewrites.own_words).

A forwarded / quoted message or reported speech, then adoption words only ("do what he says", "pls handle", "sort it
out", 照做, 执行, 你弄一下 …), or a person's message head with a whole quote ("from Lee: '…'", 张工转来：“…”): the adopted
words are read as the ask, through every gate.  A negation, condition or schedule in the adopted words, adoption words
with anything more ("don't do it", "do it tomorrow"), a condition or negation before the relayed words, a sender that
is a time or a place of the fleet: refused or read as before, never the quote's change.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from console.core.assistant import rewrites
from console.core.assistant.adopted import adopted_words, adoption_only
from tests.core.assistant.helpers import ASSISTANT, checked

CA, CB, FAN, PUMP, STEAM, LOCK = "conveyor-a", "conveyor-b", "fan-line-a", "pump-cooling", "valve-steam", "lock-main-door"
AC, BLINDS, WAREHOUSE, SIREN = "hvac-office", "blinds-office", "lamp-warehouse", "siren-yard"

WORKS = [
    # the set's own asks
    ('Slack from Priya: "can someone unlock the main door, delivery guy is outside" <- pls handle',
     {LOCK: {"locked": False}}),
    ('manager just said "run line A conveyor at 80 rpm". do what he says', {CA: {"running": True, "speed": 80.0}}),
    ('from the shift lead: "start the cooling water pump". pls', {PUMP: {"running": True}}),
    ("Mike says set the AC to heat, 24 degrees. please do that", {AC: {"mode": "heat", "setpoint": 24.0}}),
    ('from Lee: "turn on conveyor number two"', {CB: {"running": True}}),
    ("张工转来：“蒸汽阀开一半”。你弄一下", {STEAM: {"open": 50.0}}),
    ("总监微信：“两台传送带都停了”。执行", {CA: {"running": False}, CB: {"running": False}}),
    ('fwd from Raj: "visitor at reception, let him in". do what he says', {LOCK: {"locked": False}}),
    ('fwd: "sun right in our eyes in the office". sort it out', {BLINDS: {"position": 0.0}}),
    ("转发：“一号线所有设备都关掉”。照做", {FAN: {"power": False}, CA: {"running": False}}),
    ("访客到了，把大门打开 —— 前台刚在群里说的，处理一下", {LOCK: {"locked": False}}),
    ("工单：“窗外光线太刺眼”。处理一下", {BLINDS: {"position": 0.0}}),
    ("转发：“院子里提醒大家，警报用脉冲的”。照做", {SIREN: {"active": True, "pattern": "pulse"}}),
    ('fwd: "need some light in the warehouse". pls', {WAREHOUSE: {"power": True}}),
    ('fwd from Ella: "too much glare in the office". pls handle', {BLINDS: {"position": 0.0}}),
    ('fwd: "stop production on line A, QC hold". do what she says', {CA: {"running": False}}),
    # the class: other senders, heads, adoption words, separators
    ('msg from Ana: "close the steam valve". go ahead', {STEAM: {"open": 0.0}}),
    ('my boss says "lock the main door" - handle it', {LOCK: {"locked": True}}),
    ('Tom texted "warehouse lights off" -> do it pls', {WAREHOUSE: {"power": False}}),
    ('from QA: "stop conveyor b"', {CB: {"running": False}}),
    ('Teams from Sam: "set the AC to 22". do it', {AC: {"setpoint": 22.0}}),
    ('from the night shift: "warehouse light on". thanks', {WAREHOUSE: {"power": True}}),
    ("fwd: 'open the blinds halfway'. pls handle", {BLINDS: {"position": 50.0}}),
    ('Priya: "unlock the main door". do what she says', {LOCK: {"locked": False}}),
    ('shift lead said "conveyor b to 60 rpm". do as she says', {CB: {"speed": 60.0}}),
    ("李工微信：“仓库灯打开”。照办", {WAREHOUSE: {"power": True}}),
    ("主管在群里说：“把百叶窗拉上”。按这个办", {BLINDS: {"position": 0.0}}),
    ("“两台传送带都停了” —— 总监说的，执行", {CA: {"running": False}, CB: {"running": False}}),
    ("小王发来：“冷却泵启动”", {PUMP: {"running": True}}),
    ("老板说：“蒸汽阀关掉”，照做吧", {STEAM: {"open": 0.0}}),
]


@pytest.mark.parametrize("text,want", WORKS)
def test_adopted_words_are_the_ask(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


HARMS = [
    # a negation, condition or schedule in the adopted words
    'boss said "don\'t stop conveyor A". do what he says',
    'fwd: "stop conveyor a at 5pm". do it',
    'from Lee: "if it jams, stop conveyor b". pls',
    'fwd: "lamp on in 10 minutes". pls',
    "转发：“别关一号线”。照做",
    "张工转来：“明天把蒸汽阀开一半”。你弄一下",
    "总监微信：“等我回来再停传送带”。执行",
    "转发：“如果温度高就开泵”。照做",
    # adoption words with more: a negation, a time, another part
    'fwd: "stop conveyor a". don\'t do it',
    'fwd: "stop conveyor a". do it tomorrow',
    "Mike says stop the pump. dont do what he says",
    'manager said "stop conveyor a" but do not do it',
    # a condition or negation before the relayed words
    'if the manager says "stop conveyor a", do it',
    "nobody says stop the pump. do it",
    'no one said "stop conveyor a". do it',
    "如果总监微信：“停传送带”，就执行",
    # relayed words nobody said (screening.py), with or without adoption words; a condition before a quote
    'nobody said "stop conveyor a"',
    "nobody says stop the pump",
    "no one asked to start conveyor b",
    'if the manager says "stop conveyor a"',
    # a time is no sender
    'from tomorrow: "lamp off". pls',
    'from 8am: "start the pump"',
    'from monday: "lamp off"',
    # a device the fleet lacks
    'from Lee: "turn on the kettle". pls',
    'fwd: "start the coffee machine". do what he says',
]


@pytest.mark.parametrize("text", HARMS)
def test_never_the_quotes_change_where_it_is_bounded(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)


@pytest.mark.parametrize("text", [
    "do what he says", "pls handle", "sort it out", "please do that", "go ahead", "do it pls", "<- pls handle",
    "handle it", "照做", "你弄一下", "处理一下", "执行", "按这个办", "按他说的做", "照办吧",
])
def test_adoption_words(text: str) -> None:
    assert adoption_only(text)


@pytest.mark.parametrize("text", [
    "don't do it", "do it tomorrow", "do it at 5", "do it and stop conveyor b", "ignore it", "stop it",
    "do what he says if it jams", "不要照做", "别执行", "明天处理一下", "关一下", "turn it off",
])
def test_no_adoption_words(text: str) -> None:
    assert not adoption_only(text)


@pytest.mark.parametrize("text", [
    "stop conveyor a. do it",                      # nothing relayed: not this class
    'fwd: "pump tripped" - restart it',            # an own ask after the quote: forwarded.py's
    'FW: "cold in the office" — heat it up',
    "from the warehouse: \"lights off\"",           # a place is no sender
    "仓库微信：“灯关了”",
    'manager just said "run line A conveyor at 80 rpm"',  # no adoption: as before
    "Mike says stop the pump",
])
def test_no_adoption_structure(text: str) -> None:
    assert adopted_words(ASSISTANT, text) is None


@pytest.mark.parametrize("text,want", [
    ('fwd: "pump tripped" - restart it', {PUMP: {"running": True}}),
    ('FW: "cold in the office" — heat it up', {AC: {"mode": "heat"}}),
    ('"stop conveyor a". do it', {CA: {"running": False}}),
    ('manager just said "run line A conveyor at 80 rpm"', {CA: {"running": True, "speed": 80.0}}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


def test_own_words_gives_the_adopted_words_first() -> None:
    assert rewrites.own_words(ASSISTANT, 'fwd: "stop conveyor a". pls handle') == 'fwd: "stop conveyor a"'
    assert rewrites.own_words(ASSISTANT, 'from Lee: "turn on conveyor number two"') == "turn on conveyor number two"


def _flipped(prop):
    def flip(v):
        return (not v) if isinstance(v, bool) else (100 - v if isinstance(v, (int, float)) else v)
    return replace(prop, commands=tuple(replace(c, params={k: flip(v) for k, v in c.params.items()})
                                        for c in prop.commands))


@pytest.mark.parametrize("text", [
    'fwd: "stop production on line A, QC hold". do what she says',
    "总监微信：“两台传送带都停了”。执行",
    'from Lee: "turn on conveyor number two"',
    "张工转来：“蒸汽阀开一半”。你弄一下",
    "Mike says set the AC to heat, 24 degrees. please do that",
])
def test_direction_check_judges_the_adopted_words(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is None and prop.commands
    assert ASSISTANT.direction_problem(text, prop) is None
    if any(isinstance(v, bool) for c in prop.commands for v in c.params.values()):
        assert ASSISTANT.direction_problem(text, _flipped(prop)) is not None  # never the reverse
