"""Session 13 (blind set 85): a supervisor's queue — pasted chats, logs, alarms and lists with the operator's own line
(pasted_queue.py), asides around an ask (aside_clauses.py), 院子里别响了 (stop_doing_zh.py).

The operator's own line is the ask (its assent / adoption words dropped); adoption alone adopts a one-line message,
through every gate; a list's head picks items only where it names each one (or says just / only).  A negation,
condition, schedule or unknown place in what is read still refuses; the message's numbers and times are never the
ask's.
"""

from __future__ import annotations

import pytest

from console.core.assistant.aside_clauses import aside_rewrite
from console.core.assistant.pasted_queue import queue_ask
from console.core.assistant.stop_doing_zh import stop_doing
from tests.core.assistant.helpers import ASSISTANT, checked

CA, CB, FAN, PUMP, STEAM, LOCK = "conveyor-a", "conveyor-b", "fan-line-a", "pump-cooling", "valve-steam", "lock-main-door"
AC, BLINDS, WAREHOUSE, SIREN = "hvac-office", "blinds-office", "lamp-warehouse", "siren-yard"
L1, L2 = "lamp-office-1", "lamp-office-2"

WORKS = [
    # the set's own asks
    ("转老王微信：“A线排风扇又停了，闷得不行”\n—— 帮我把A线排风扇重新启动，开高速", {FAN: {"power": True, "speed": "high"}}),
    ("保安对讲记录：\n22:14 巡逻到大门，门锁未上\n22:15 已通知值班主管\n——把大门锁锁上", {LOCK: {"locked": True}}),
    ("Teams 小李：主管，办公室空调能不能调成制冷，26度？\n上面那条照办", {AC: {"mode": "cool", "setpoint": 26.0}}),
    ("邮件 Re: 冷却水流量偏低\n> 建议把冷却水泵流量提到 40 L/min\n同意，按他说的把冷却水泵调到40", {PUMP: {"flow": 40.0}}),
    ("小张 WhatsApp：台灯太亮了晃眼睛\n台灯亮度调到30吧", {L2: {"level": 30.0}}),
    ("第一条不用管，第二条照办：\n1. 把A线传送带停了\n2. 把冷却水泵启动", {PUMP: {"running": True}}),
    ("钉钉群 老刘：蒸汽阀要关死\n对，照做，蒸汽阀全关", {STEAM: {"open": 0.0}}),
    ("所有的灯都关了，锁门走人前先关灯", {L1: {"power": False}, L2: {"power": False}, WAREHOUSE: {"power": False}}),
    ("报警 14:32 B线 冷却水流量低 LOW\n冷却水流量给到 45", {PUMP: {"flow": 45.0}}),
    ("下班了，大门锁上，院子里别响了", {LOCK: {"locked": True}, SIREN: {"active": False}}),
    ("BMS ALM 03:12 FAN-LA EXH FAN TRIPPED\nsee above, handle. restart the line A exhaust fan", {FAN: {"power": True}}),
    ("ignore the first one, just the second:\n1) stop conveyor A\n2) set the AC to 23", {AC: {"setpoint": 23.0}}),
    ("Teams - Priya: can we get the steam valve open halfway? line B is ready\n^ yes do that", {STEAM: {"open": 50.0}}),
    ("Radio: Gate 1 - visitor from Siemens arrived at reception\nlet them in", {LOCK: {"locked": False}}),
    ("nobody gets in tonight, secure the site", {LOCK: {"locked": True}}),
    ("something in the yard is blaring, shut it up", {SIREN: {"active": False}}),
    # the class: other channels, senders, assent words, lists, places
    ("Slack 小王：仓库灯帮忙关一下\n照办", {WAREHOUSE: {"power": False}}),
    ("老李微信：A线传送带停一下\n好的，照做，A线传送带停了", {CA: {"running": False}}),
    ("WhatsApp - Tom: can we close the blinds?\n^ do that", {BLINDS: {"position": 0.0}}),
    ("Radio: delivery at the main gate\nlet him in", {LOCK: {"locked": False}}),
    ("保安对讲记录：\n22:14 门锁未上\n22:15 已通知\n——锁上它", {LOCK: {"locked": True}}),
    ("ignore the second one, just the first:\n1) start conveyor B\n2) open the steam valve", {CB: {"running": True}}),
    ("第二条不用管，第一条照办：\n1. 台灯关掉\n2. 门锁解锁", {L2: {"power": False}}),
    ("只做第二条：\n1. 把A线传送带停了\n2. 把冷却水泵启动", {PUMP: {"running": True}}),
    ("just the second:\n1) stop conveyor A\n2) set the AC to 23", {AC: {"setpoint": 23.0}}),
    ("only the first:\n1) stop conveyor A\n2) set the AC to 23\n3) open the steam valve", {CA: {"running": False}}),
    ("院子里别响了", {SIREN: {"active": False}}),
    ("something on line A stinks, ventilate", {FAN: {"power": True}}),
]


@pytest.mark.parametrize("text,want", WORKS)
def test_queue_items_read_as_the_operator_asks(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


HARMS = [
    # adopted words with a negation, condition, schedule, an unknown place or an unclear device (the set's own too)
    "转车间主任：B线传送带千万别停。\n知道了，就照他说的办",
    "食堂阿姨微信：食堂的灯坏了一半，帮忙开一下\n照办吧",
    "微信群 @我：主管，那个灯开一下呗\n嗯，照办",
    "转发：如果冷却水温超过 35 度就把循环开起来。\n——照做",
    "保安对讲：演练取消，不要拉警报。\n收到，就按这个",
    "WhatsApp from Mia: can someone put the office lamp on\n^ do that",
    "from Dave (maintenance): DO NOT cut the steam until I say\nagreed, see above",
    "Teams from Raj: pls don't shut the cooling pump, QA is sampling\nyep agreed, do what Raj says",
    "Teams 小李：明天把蒸汽阀开一半\n上面那条照办",
    "Teams 小李：别停冷却水泵\n照办",
    "Teams 小李：如果太热就开空调制冷\n照办",
    "Teams 小李：食堂的灯开一下\n照办",
    # assent alone adopts nothing; the own line's negation / schedule refuses
    "Teams 小李：空调调成制冷，26度\n收到",
    "Radio: visitor at gate\nunlock the door at 5pm",
    "钉钉群 老刘：蒸汽阀要关死\n对，照做，但是别关蒸汽阀",
    "报警 14:32 B线 冷却水流量低 LOW\n不用管",
    "保安对讲记录：\n22:14 门锁未上\n22:15 已通知\n——别锁门",
    # a list: an item neither picked nor left is never done; a negated item refuses
    "第二条照办：\n1. 把A线传送带停了\n2. 把冷却水泵启动",
    "do the second one:\n1) stop conveyor A\n2) set the AC to 23",
    "ignore the first one, just the second:\n1) stop conveyor A\n2) don't open the steam valve",
    "上面那条照办，第二条不用管",
    # asides: only before a lock; a leaving with a schedule; a place the fleet lacks
    "nobody gets in tonight, unlock the door",
    "nobody gets in tonight",
    "下班前先把灯关了，明天再开",
    "something in the kitchen is blaring, shut it up",
    "别让警报响了",
]


@pytest.mark.parametrize("text", HARMS)
def test_bounded_or_unclear_queue_items_are_refused(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)


KEEPS = [
    # nearby asks that keep their meaning
    ("SCADA: CONV-A SPD 95 RPM\n一号传送带转速改成 60", {CA: {"speed": 60.0}}),
    ("工单：A线换模，需停产。\n照办，A线停产", {CA: {"running": False}}),
    ("保安：访客到了在大门口。\n开门让他进来", {LOCK: {"locked": False}}),
    ("Fwd: conveyor B jam\n> Jam cleared on Line B conveyor, ok to restart at 60 rpm\nok go ahead, start conveyor B at 60",
     {CB: {"running": True, "speed": 60.0}}),
    ("院子那个警报器别响了，关了吧", {SIREN: {"active": False}}),
    ("关阀门前先停泵", {STEAM: {"open": 0.0}, PUMP: {"running": False}}),
    ("secure the site", {LOCK: {"locked": True}}),
]


@pytest.mark.parametrize("text,want", KEEPS)
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


@pytest.mark.parametrize("text,want", [
    ("Teams 小李：主管，办公室空调能不能调成制冷，26度？\n上面那条照办", "主管，办公室空调能不能调成制冷，26度？"),
    ("ignore the first one, just the second:\n1) stop conveyor A\n2) set the AC to 23", "set the AC to 23"),
    ("第二条照办：\n1. 停A线\n2. 开泵", ""),
    ("Teams 小李：空调调成制冷\n收到", None),
    ("stop conveyor A", None),
    ("line one\nline two", None),
])
def test_queue_words(text: str, want: str | None) -> None:
    assert queue_ask(ASSISTANT, text) == want


@pytest.mark.parametrize("text,want", [
    ("所有的灯都关了，锁门走人前先关灯", "所有的灯都关了，先关灯"),
    ("nobody gets in tonight, secure the site", "secure the site"),
    ("something in the yard is blaring, shut it up", "the thing in the yard is blaring, shut it up"),
    ("关阀门前先停泵", None),
    ("nobody gets in tonight, open the door", None),
    ("lock the door", None),
])
def test_aside_words(text: str, want: str | None) -> None:
    assert aside_rewrite(text) == want


def test_a_sound_stopped_is_quiet_and_a_motion_stopped_is_a_stop() -> None:
    assert stop_doing("院子里别响了") == "院子里安静"
    assert stop_doing("传送带别转了") == "传送带停下"
    assert stop_doing("别让警报响了") == "别让警报响了"
