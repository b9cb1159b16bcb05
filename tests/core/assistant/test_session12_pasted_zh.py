"""Session 12 round 2 (blind set 81): a Chinese ask typed after a relayed message (relayed_heads_zh.py, forwarded.py).

A guard's SMS, a handover log, a supervisor's words or a pasted 【系统】 row, then the operator's own ask after →, 。 or
(in a row) the last space: the own words alone are the ask, under the report's one device or place where they name
none.  The report's 没开 / 没关 is no negation of the ask, a row's stamp no schedule; a negation, condition or schedule
in the own words stays refused; a report that bounds the ask or orders something itself is never dropped.
"""

from __future__ import annotations

import pytest

from console.core.assistant import pasted_rows
from console.core.assistant.relayed_heads_zh import relayed_split
from tests.core.assistant.helpers import ASSISTANT, checked, refused

AC, WAREHOUSE, PUMP, LOCK, SIREN = "hvac-office", "lamp-warehouse", "pump-cooling", "lock-main-door", "siren-yard"
STEAM, FAN, CB = "valve-steam", "fan-line-a", "conveyor-b"
NAMES = pasted_rows.fleet_namer(ASSISTANT)

WORKS = [
    # the set's own asks
    ("【系统】03:12 冷却泵流量低 先把泵停了", {PUMP: {"running": False}}),
    ("值班保安短信：仓库的大灯一直没开 → 把仓库泛光灯打开", {WAREHOUSE: {"power": True}}),
    ("交班记录：空调整晚没关。现在把办公室空调关了", {AC: {"power": False}}),
    ("【系统】办公室空调 模式=制冷 → 改成制热", {AC: {"mode": "heat"}}),
    ("转发：仓库太暗了 → 开灯", {WAREHOUSE: {"power": True}}),
    ("交班记录：消防演习开始 → 警告大家，让院子里响起来", {SIREN: {"active": True}}),
    ("保安：大楼没锁 → 锁上", {LOCK: {"locked": True}}),
    ("交班：办公室太冷 → 制热，温度调到25度", {AC: {"mode": "heat", "setpoint": 25.0}}),
    ("转发：院子里要提醒大家撤离 → 拉响，用脉冲", {SIREN: {"active": True, "pattern": "pulse"}}),
    # the class: other sources, roles, rows and separators
    ("门卫微信：仓库的灯一直亮着 → 把仓库泛光灯关了", {WAREHOUSE: {"power": False}}),
    ("夜班记录：蒸汽阀漏气。把蒸汽阀关上", {STEAM: {"open": 0.0}}),
    ("【报警】14:05 蒸汽压力高 把蒸汽阀关了", {STEAM: {"open": 0.0}}),
    ("【系统】02:10 一号线排风扇转速低 风扇调到高档", {FAN: {"speed": "high"}}),
    ("班长短信：二号线传送带卡住了 → 停了", {CB: {"running": False}}),
    ("转发：办公室太热了 → 制冷，温度调到22度", {AC: {"mode": "cool", "setpoint": 22.0}}),
    ("门卫：门没锁 → 锁上", {LOCK: {"locked": True}}),
    ("主管：A线烟太大 → 通风", {FAN: {"power": True}}),
]


@pytest.mark.parametrize("text,want", WORKS)
def test_the_own_words_after_a_relayed_message_are_the_ask(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


HARMS = [
    # a negation, condition or schedule in the own words
    "交班记录：空调整晚没关。别把办公室空调关了",
    "【系统】办公室空调 模式=制冷 → 别改成制热",
    "转发：仓库太暗了 → 别开灯",
    "转发：仓库太暗了 → 等会开灯",
    "【系统】03:12 冷却泵流量低 明天把泵停了",
    "【系统】03:12 冷却泵流量低 别把泵停了",
    "保安：大楼没锁 → 别锁",
    "保安：大楼没锁 → 如果没人就锁上",
    # a report that bounds the ask, or orders something itself: never dropped half-done
    "交班记录：明早8点 → 开灯",
    "交班记录：如果太冷 → 开空调",
    "交班记录：把灯关了。把风扇打开",
    "【系统】03:12 冷却泵流量低 先把泵停了 然后开风扇",
    # a device the fleet lacks
    "【系统】03:12 冷却泵流量低 先把咖啡机停了",
    "转发：咖啡机坏了 → 关掉",
]


@pytest.mark.parametrize("text", HARMS)
def test_bounded_or_unknown_stays_refused(text: str) -> None:
    assert refused(text), ASSISTANT.understand(text).commands


@pytest.mark.parametrize("text,want", [
    ("值班保安短信：仓库的大灯一直没开 → 把仓库泛光灯打开", ("仓库的大灯一直没开", "把仓库泛光灯打开")),
    ("交班记录：空调整晚没关。现在把办公室空调关了", ("空调整晚没关", "现在把办公室空调关了")),
    ("【系统】03:12 冷却泵流量低 先把泵停了", ("03:12 冷却泵流量低", "先把泵停了")),
    ("门卫微信：灯亮着 → 关灯", ("灯亮着", "关灯")),
])
def test_split(text: str, want: tuple[str, str]) -> None:
    assert relayed_split(text, NAMES) == want


@pytest.mark.parametrize("text", [
    "仓库短信：灯没开 → 开灯",           # a place is no sender
    "明天记录：灯没开 → 开灯",           # a time is no sender
    "交班记录：明早8点 → 开灯",          # the report bounds the ask
    "交班记录：把灯关了。把风扇打开",     # the report orders something itself
    "主管：B线恢复生产 → 照办",          # adopted, not a report: adopted.py's
    "交班记录：警报器模式改为脉冲 → 改一下",
    "主管：空调制冷，26度 → 按他说的设",
    "交班记录：灯没开",                  # no ask after it
    "【系统】办公室空调 模式=制冷 → 改成制热",  # a strong separator: forwarded.py's own head
    "【系统】03:12 冷却泵流量低 正常",     # no verb after the last space
    "把仓库泛光灯打开",
])
def test_no_split(text: str) -> None:
    assert relayed_split(text, NAMES) is None


@pytest.mark.parametrize("text,want", [
    # adopted relays and taken-up messages keep their meaning
    ("主管：B线恢复生产 → 照办", {CB: {"running": True}}),
    ("交班记录：警报器模式改为脉冲 → 改一下", {SIREN: {"pattern": "pulse"}}),
    ("主管：空调制冷，26度 → 按他说的设", {AC: {"mode": "cool", "setpoint": 26.0}}),
    ("张工转来：“蒸汽阀开一半”。你弄一下", {STEAM: {"open": 50.0}}),
    ("把仓库泛光灯打开", {WAREHOUSE: {"power": True}}),
])
def test_nearby_asks_keep_their_meaning(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


@pytest.mark.parametrize("text", [t for t, _ in WORKS if "→" in t or "。" in t])
def test_direction_check_judges_the_own_words(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is None and ASSISTANT.direction_problem(text, prop) is None
