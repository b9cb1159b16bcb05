"""Session 11b: blind set 68 (Taipei / Hong Kong crews, Traditional Chinese and written Cantonese), as classes.

Harms first:
- 少少 / 少许 / 些许 ("a little") on a valve or blinds is an unknown amount: refused, never "fully" (tiny_amounts.py);
- 盏灯 / 嗰盏灯 / 个灯 (a bare classifier: "the lamp") in a place with two lamps is asked back (cantonese_zh.py);
- "shut everything" / "shut it all" on a place switches its devices off, never only the valve (shut_all_en.py).
Then over-refusals: a trailing 唔使 + feeling is a remark (no_need_remarks_zh.py); 熄咗…佢, 截咗啲蒸气, 静啲,
即刻, 所有嘢熄晒, 响警报 (cantonese_zh.py).
"""

from __future__ import annotations

import pytest

from console.core.assistant.cantonese_zh import mandarin
from console.core.assistant.no_need_remarks_zh import drop_no_need_remark
from console.core.assistant.shut_all_en import shut_all
from console.core.assistant.tiny_amounts import tiny_amount_in
from tests.core.assistant.helpers import ASSISTANT, proposed, refused

CEILING, DESK, FLOOD = "lamp-office-1", "lamp-office-2", "lamp-warehouse"
AC, BLINDS, FAN, CA, CB, PUMP, STEAM, SIREN = ("hvac-office", "blinds-office", "fan-line-a", "conveyor-a",
                                               "conveyor-b", "pump-cooling", "valve-steam", "siren-yard")


# -- harms: refused ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "蒸氣閥開少少", "蒸汽阀开少少", "蒸汽阀开少许", "蒸氣閥開一啲", "捲簾開少少", "百叶窗拉开少许", "蒸汽阀开些许",
    "熄咗辦公室盞燈", "熄咗辦公室嗰盞燈", "熄咗辦公室個燈", "關咗辦公室盞燈", "开辦公室盞燈",
    "唔使再低", "开空调，不用开风扇", "空调调到26度，不用关灯", "唔好響警報", "唔該唔好熄咗A線抽風機佢",
])
def test_refused(text):
    assert refused(text), ASSISTANT.understand(text).commands


# -- the asks that must now work --------------------------------------------------------------------------------------
OFF_B = {CB: {"running": False}, PUMP: {"running": False}}


@pytest.mark.parametrize("text, want", [
    ("shut everything on line B", OFF_B),
    ("shut it all on line B", OFF_B),
    ("shut all on line b", OFF_B),
    ("shut everything in the warehouse", {FLOOD: {"power": False}, SIREN: {"active": False}}),
    ("冷氣調到26度就好，唔使再低", {AC: {"setpoint": 26}}),
    ("冷氣轉送風模式啦，唔使咁凍", {AC: {"mode": "fan"}}),
    ("空调调到26度，不用这么冷", {AC: {"setpoint": 26}}),
    ("熄咗A線抽風機佢啦，好嘈", {FAN: {"power": False}}),
    ("熄咗A線抽風機", {FAN: {"power": False}}),
    ("警報器熄咗佢呀，嘈到頭都痛", {SIREN: {"active": False}}),
    ("唔該幫手截咗啲蒸氣", {STEAM: {"open": 0}}),
    ("院子好嘈呀，靜啲得唔得", {SIREN: {"active": False}}),
    ("要警告大家，即刻響起來", {SIREN: {"active": True}}),
    ("倉庫所有嘢熄晒", {FLOOD: {"power": False}, SIREN: {"active": False}}),
    ("響警報，用wail", {SIREN: {"active": True, "pattern": "wail"}}),
    ("熄咗倉庫盞燈", {FLOOD: {"power": False}}),
])
def test_now_understood(text, want):
    assert proposed(text) == want


# -- nearby asks that keep their meaning ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("shut the valve", {STEAM: {"open": 0}}),
    ("shut all the valves", {STEAM: {"open": 0}}),
    ("shut everything down on line B", OFF_B),
    ("turn off everything on line B", OFF_B),
    ("蒸氣閥開到50%", {STEAM: {"open": 50}}),
    ("熄咗枱燈", {DESK: {"power": False}}),
    ("熄咗辦公室所有燈", {CEILING: {"power": False}, DESK: {"power": False}}),
    ("天花燈開，枱燈熄", {CEILING: {"power": True}, DESK: {"power": False}}),
    ("空调转送风模式", {AC: {"mode": "fan"}}),
])
def test_kept(text, want):
    assert proposed(text) == want


# -- units ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("熄咗辦公室盞燈", "关了办公室那盏灯"),
    ("熄咗辦公室嗰盞燈".replace("辦", "办"), "关了办公室那盏灯"),
    ("关了这个灯", "关了这个灯"),
    ("开了一盏灯", "开了一盏灯"),
    ("熄咗佢", "关了它"),
    ("唔该帮手截咗啲蒸气", "请关掉蒸气"),
    ("截图", "截图"),
    ("晒太阳", "晒太阳"),
])
def test_mandarin_unit(text, want):
    assert mandarin(text.replace("辦", "办").replace("盞", "盏").replace("燈", "灯")) == want


@pytest.mark.parametrize("text, want", [
    ("空调调到26度就好，不用再低", "空调调到26度就好"),
    ("空调转送风模式啦，不用咁冻", "空调转送风模式啦"),
    ("不用再低", "不用再低"),
    ("开空调，不用开风扇", "开空调，不用开风扇"),
    ("开空调，不用再低一点点风扇", "开空调，不用再低一点点风扇"),
])
def test_no_need_remark_unit(text, want):
    assert drop_no_need_remark(text) == want


@pytest.mark.parametrize("text, want", [
    ("shut everything on line b", "shut down everything on line b"),
    ("shut it all", "shut down everything"),
    ("shut all the valves", "shut all the valves"),
    ("shut everything down", "shut everything down"),
    ("shut everything off", "shut everything off"),
])
def test_shut_all_unit(text, want):
    assert shut_all(text) == want


@pytest.mark.parametrize("text, want", [("开少少", "开少少"), ("开少许", "开少许"), ("开到30少少", None),
                                        ("少少冷", None)])
def test_tiny_amount_unit(text, want):
    assert tiny_amount_in(text) == want
