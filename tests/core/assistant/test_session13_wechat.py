"""Session 13 (blind sets 88 and 90: a brewery's ordinary month, WeChat voice-to-text in northern colloquial Chinese).

- 搁 + a value is "set to" (put_values_zh.py): B线传送带启动一下，转速搁八十 had started the conveyor and silently
  DROPPED the speed; a bare 设 before a value is 设为 (so a relative word with it is the target: 暖和一点，设26度);
- a setting's number that no rule read is never dropped (loose_numerals_zh.py, unplaced_values.py): 转速来个八十,
  流量整40吧 beside a start refuse the whole ask;
- a hardship, a weather remark, a visitor's place beside the ask (remark_clauses_zh.py): 叉车不好开, 今儿挺凉快的,
  客户到楼下了 are why / where, never a device.
"""

from __future__ import annotations

import pytest

from console.core.assistant.loose_numerals_zh import loose_at_clause_end
from console.core.assistant.put_values_zh import put_values
from tests.core.assistant.helpers import ASSISTANT, checked

CB, CA, PUMP, AC, LOCK, WAREHOUSE, LAMP2 = ("conveyor-b", "conveyor-a", "pump-cooling", "hvac-office",
                                            "lock-main-door", "lamp-warehouse", "lamp-office-2")

WORKS = [
    # the sets' own asks
    ("B线传送带启动一下，转速搁八十", {CB: {"running": True, "speed": 80.0}}),
    ("冷却水流量搁三十五吧", {PUMP: {"flow": 35.0}}),
    ("仓库照明不够，叉车不好开", {WAREHOUSE: {"power": True}}),
    ("办公室太冷了，暖和一点，设26度", {AC: {"setpoint": 26.0}}),
    ("空调关了吧，今儿挺凉快的", {AC: {"power": False}}),
    ("客户到楼下了，开门让他进来呗", {LOCK: {"locked": False}}),
    # the class: 搁 / 搁到 with digits, Chinese numerals, units; a bare 设
    ("A线传送带转速搁到六十", {CA: {"speed": 60.0}}),
    ("空调温度搁二十四度", {AC: {"setpoint": 24.0}}),
    ("空调搁24度", {AC: {"setpoint": 24.0}}),
    ("台灯亮度搁三十", {LAMP2: {"level": 30.0}}),
    ("B线传送带启动，转速设七十", {CB: {"running": True, "speed": 70.0}}),
    ("冷却水流量设四十吧", {PUMP: {"flow": 40.0}}),
    ("B线传送带启动一下，转速搁到八十", {CB: {"running": True, "speed": 80.0}}),
    ("仓库太暗了，叉车不好开", {WAREHOUSE: {"power": True}}),
    ("仓库照明不够，叉车没法开", {WAREHOUSE: {"power": True}}),
    ("空调关了吧，今天挺凉快的", {AC: {"power": False}}),
    ("客户到门外了，开门让他进来", {LOCK: {"locked": False}}),
    # nearby asks keep their reading
    ("B线传送带启动一下，转速调到八十", {CB: {"running": True, "speed": 80.0}}),
    ("冷却水开一下，流量四十吧", {PUMP: {"running": True, "flow": 40.0}}),
    ("把空调设为二十六度", {AC: {"setpoint": 26.0}}),
    ("办公室太冷了，设26度", {AC: {"setpoint": 26.0}}),
    ("空调关了吧", {AC: {"power": False}}),
    ("开门让他进来呗", {LOCK: {"locked": False}}),
    ("访客登记系统：张三 已到达。开锁让他进来", {LOCK: {"locked": False}}),
    ("lamp 2 on pls", {LAMP2: {"power": True}}),
    ("start conveyor b, speed 80", {CB: {"running": True, "speed": 80.0}}),
    # a number inside a clause (a pasted code, a device's number) is no unplaced setting
    ("EVT 118 steam valve position fault. close the steam valve", {"valve-steam": {"open": 0.0}}),
    ("conveyor 1 max speed", {CA: {"running": True, "speed": 120.0}}),
    ("传送带A速度调到六十，不是五十", {CA: {"speed": 60.0}}),  # the value corrected away is no loose number
]


@pytest.mark.parametrize("text,want", WORKS)
def test_read(text: str, want: dict) -> None:
    assert checked(ASSISTANT.understand(text)) == want


HARMS = [
    # a setting's number no rule read: the whole ask, never the start alone
    "B线传送带启动一下，转速来个八十",
    "B线传送带启动一下，速度要八十",
    "冷却水开一下，流量整四十吧",
    "冷却水开一下，流量整40吧",
    "冷却水开一下，流量整成四十吧",
    # relative words without a target, negations, conditions, schedules stay refused
    "空调关了吧，凉快一点",
    "办公室暖和一点",
    "明天转速搁八十",
    "如果太热，空调搁二十四",
    "客户到楼下了，别开门",
    "B线传送带搁一会儿再开",
    # a hardship about a device the fleet has, or a visitor's place alone, is no reason to drop
    "客户到楼下了",
    "台灯搁那儿吧",
]


@pytest.mark.parametrize("text", HARMS)
def test_refused(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, [(c.device_id, c.params) for c in prop.commands])


@pytest.mark.parametrize("text,want", [
    ("转速搁八十", "转速调到八十"), ("流量搁三十五吧", "流量调到三十五吧"), ("温度搁到26度", "温度调到26度"),
    ("转速设八十", "转速设为八十"), ("设26度", "设为26度"),
])
def test_put_values_rewrites(text: str, want: str) -> None:
    assert put_values(text) == want


@pytest.mark.parametrize("text", ["台灯搁那儿吧", "搁一会儿", "搁两天再说", "假设八十", "设备二十", "搁桌上"])
def test_put_values_leaves(text: str) -> None:
    assert put_values(text) == text


@pytest.mark.parametrize("text,start,end,loose", [
    ("转速来个八十", 4, 6, True), ("转速来个八十吧", 4, 6, True), ("三号线停", 0, 1, False), ("第二十", 1, 3, False),
    ("张三", 1, 2, False), ("八十号线", 0, 2, False),
])
def test_loose_numerals(text: str, start: int, end: int, loose: bool) -> None:
    assert loose_at_clause_end(text, start, end) is loose
