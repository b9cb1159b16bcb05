"""Session 11c: Chinese asks of blind set 74 with a pasted alarm row, log line, ticket or report beside them.

Harms first: a row's code or time never becomes a value or the ask's schedule where the ask sets something or says
when (refused as before); a negated ask stays refused; a report that something was not done never adds a device.
Then the asks that now work: codes (ALM-700, QH-3310, 故障码 E07, 第7项) blanked, pasted rows / readings / finished
events dropped (reported_numbers.py), 没关 read as a state report (undone_reports_zh.py).
"""

from __future__ import annotations

import pytest

from console.core.assistant.phrases import normalize
from console.core.assistant.reported_numbers import drop_records_zh, mask_codes_zh
from console.core.assistant.undone_reports_zh import undone_as_state
from tests.core.assistant.helpers import ASSISTANT, proposed, refused

CEILING, DESK, FLOOD = "lamp-office-1", "lamp-office-2", "lamp-warehouse"
AC, BLINDS, FAN, CA, CB, PUMP, STEAM, SIREN, LOCK = (
    "hvac-office", "blinds-office", "fan-line-a", "conveyor-a", "conveyor-b", "pump-cooling", "valve-steam",
    "siren-yard", "lock-main-door")


# -- harms: refused ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "院子安静一下，14:30 演练结束后",          # after the drill ends: a schedule
    "仓库灯关掉，明天 08:00 结束",
    "灯关掉，14:30",
    "把空调关了，门禁记录 19:02 有人进来后再开",
    "A线传送带停掉，ALM-700 报警后再开",
    "别停冷却水泵，ALM-118 是误报",              # the ask's own negation
    "蒸汽阀开到 PC-50",                          # a code where a value is asked: never 50
    "空调设为 T-24",
    "仓库灯没关，没关系",
    "仓库灯没开，开一下",
])
def test_refused(text):
    assert refused(text), ASSISTANT.understand(text).commands


# -- the asks of set 74's shapes --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("A线排风扇关掉，A线传送带也停，ALM-700 挂牌检修", {FAN: {"power": False}, CA: {"running": False}}),
    ("报警记录：09:41 A线传送带卡料已处理，重新启动A线传送带", {CA: {"running": True}}),
    ("B线停产，质检扣留 QH-3310", {CB: {"running": False}}),
    ("二号线动起来，QH-3310 放行了", {CB: {"running": True}}),
    ("蒸汽开25%，工艺卡 PC-08 要求", {STEAM: {"open": 25}}),
    ("空调设为24度，墙上显示 28.5℃", {AC: {"setpoint": 24.0}}),
    ("警报器改成脉冲模式（pulse），演练通知 DRL-10", {SIREN: {"pattern": "pulse"}}),
    ("王工发消息说仓库灯没关，帮忙关一下", {FLOOD: {"power": False}}),
    ("B线传送带降到40转，日志 B_CONV_SPD=92", {CB: {"speed": 40}}),
    ("冷却水循环起来，ALM-118 B线温度 78℃", {PUMP: {"running": True}}),
    ("B线全部停下，ALM-888 区域跳闸", {CB: {"running": False}, PUMP: {"running": False}}),
    ("蒸汽阀开一半，压力表读数 3.8bar", {STEAM: {"open": 50}}),
    ("厂区锁好，ALM-402 入侵报警 03:04", {LOCK: {"locked": True}}),
    ("院子安静一下，演练结束 14:30", {SIREN: {"active": False}}),
    ("两条传送带都停，ALM-777 急停 11:31", {CA: {"running": False}, CB: {"running": False}}),
    ("空调关了，我最后一个走，门禁记录 19:02", {AC: {"power": False}}),
    ("把冷却水泵开到最大，ALM-122 B线轴承温度 86℃", {PUMP: {"running": True, "flow": 50.0}}),
    ("整栋楼锁好，保安说 18:40 最后一个人已离开", {LOCK: {"locked": True}}),
    ("A线传送带速度调到75转，ALM-130 负载 63%", {CA: {"speed": 75}}),
    ("警告大家，院子里有化学品泄漏 SP-13", {SIREN: {"active": True}}),
    ("14:02:11 ALM-331 B线输送带过载 | 把B线传送带停掉", {CB: {"running": False}}),
    ("院子里太吵了，邻居投诉 NB-7", {SIREN: {"active": False}}),
    ("一号线好闷，ALM-209 CO2 1450ppm，通风一下", {FAN: {"power": True}}),
    ("院子的警报器在响，ALM-610 误报，关掉警报器", {SIREN: {"active": False}}),
    ("办公室吸顶灯调到80%，日志：lamp-office-1 level=20", {CEILING: {"level": 80}}),
    # nearby wordings of the same classes
    ("仓库灯关一下，日志：lamp-warehouse power=1", {FLOOD: {"power": False}}),
    ("A线传送带停掉，工单 WO-77 已处理", {CA: {"running": False}}),
    ("A线传送带没停，帮忙停一下", {CA: {"running": False}}),
    ("小张短信说仓库灯没关，把它关了", {FLOOD: {"power": False}}),
])
def test_proposed(text, want):
    assert proposed(text) == want


# -- nearby asks keep their meaning -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("把蒸汽阀开到50%", {STEAM: {"open": 50}}),
    ("空调设为24度", {AC: {"setpoint": 24.0}}),
    ("仓库的灯还开着，关掉吧", {FLOOD: {"power": False}}),
    ("B线传送带降到40转", {CB: {"speed": 40}}),
])
def test_kept(text, want):
    assert proposed(text) == want


# -- the pure helpers -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("a线传送带也停,alm-700 挂牌检修", "a线传送带也停, 挂牌检修"),
    ("院子里一直在响,alm-611 故障码 e07,停了吧", "院子里一直在响, 故障码 ,停了吧"),
    ("仓库所有设备关掉,夜班检查表第7项", "仓库所有设备关掉,夜班检查表"),
    ("lamp-office-1 调到 80%", "lamp-office-1 调到 80%"),     # not Chinese-only code: a device id stays
    ("蒸汽阀开到50%", "蒸汽阀开到50%"),
])
def test_mask_codes(text, want):
    assert mask_codes_zh(text) == want


@pytest.mark.parametrize("text, want", [
    ("厂区锁好,alm-402 入侵报警 03:04", "厂区锁好"),
    ("院子安静一下,演练结束 14:30", "院子安静一下"),
    ("院子安静一下,14:30 演练结束后", "院子安静一下,14:30 演练结束后"),
    ("a线传送带停掉,alm-700 报警后再开", "a线传送带停掉,alm-700 报警后再开"),
    ("alm-700 挂牌检修", "alm-700 挂牌检修"),                # nothing would be left
])
def test_drop_records(text, want):
    assert drop_records_zh(text) == want


@pytest.mark.parametrize("text, want", [
    ("王工说仓库灯没关,帮忙关一下", "王工说仓库灯还开着,帮忙关一下"),
    ("仓库灯没关,没关系", "仓库灯还开着,没关系"),
    ("仓库灯没关", "仓库灯没关"),                          # one clause: as said
    ("没关系,关一下台灯", "没关系,关一下台灯"),
])
def test_undone_as_state(text, want):
    assert undone_as_state(normalize(text)) == normalize(want)
