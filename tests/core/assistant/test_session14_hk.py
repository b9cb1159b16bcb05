"""Session 14, blind set 94 (a Hong Kong hub): a verb + 咗佢 is an order (門鎖開咗佢: unlock, never "the lock is open"),
锁 + 解 is unlock, 郁返 is moving again, 百叶帘 is the blinds, 拉起晒 all the way up, 響起嚟 sounds the siren, 入嚟 is
come in and 速遞 a courier (hk_verbs_zh.py); a courier downstairs is no place (remark_clauses_zh.py)."""

from __future__ import annotations

import pytest

from tests.core.assistant.helpers import refused, understood

UNLOCK = {"lock-main-door": {"locked": False}}


@pytest.mark.parametrize("text,want", [
    ("門鎖開咗佢", UNLOCK),
    ("門鎖解咗佢，搬運公司嚟緊", UNLOCK),
    ("门锁解一下", UNLOCK),
    ("B線輸送帶停咗佢", {"conveyor-b": {"running": False}}),
    ("仓库灯熄咗佢", {"lamp-warehouse": {"power": False}}),
    ("院子好嘈呀，靜咗佢", {"siren-yard": {"active": False}}),
    ("B線啲貨郁返啦", {"conveyor-b": {"running": True}}),
    ("百葉簾拉起晒佢", {"blinds-office": {"position": 100.0}}),
    ("百叶帘放下来", {"blinds-office": {"position": 0.0}}),
    ("院子要提醒啲工人，響起嚟用pulse", {"siren-yard": {"active": True, "pattern": "pulse"}}),
    ("速遞到咗樓下，放佢入嚟", UNLOCK),
    ("客户到了楼下，开门", UNLOCK),
    ("放佢入嚟", UNLOCK),
])
def test_hong_kong_orders(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    "唔好開咗佢",
    "門鎖唔好解咗佢",
    "速递到了楼下，别开门",
    "抑郁",
    "院子要提醒啲工人，響起嚟用pulse，明天",
])
def test_hong_kong_refusals_stay(text):
    assert refused(text)
