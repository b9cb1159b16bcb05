"""Session 13 (set 94 harms): goods at a line are its one conveyor, a lone 仓 is the warehouse, a fault is a report.

B線出貨開到最快 had the model pick the steam valve; line A啲貨停一停先 stopped line A's exhaust fan too;
倉入面黑麻麻，咩都睇唔到 switched the office lamps on too; "stop the pump, fan fault" switched the fan off
(goods_words.py, rewrites.GOODS / FAULT_NOTE).  Each harm and its variants in both scripts are pinned exact or refused;
nearby asks keep their old meaning.
"""

from __future__ import annotations

import pytest

from console.core.assistant.goods_words import fault_report_rewrite, goods_rewrite, warehouse_short
from console.core.assistant.phrases import normalize
from tests.core.assistant.helpers import ASSISTANT, refused, understood

CA, CB, PUMP, FAN, WAREHOUSE = "conveyor-a", "conveyor-b", "pump-cooling", "fan-line-a", "lamp-warehouse"

WORKS = [
    # the harms
    ("B線出貨開到最快", {CB: {"running": True, "speed": 120.0}}),
    ("line A啲貨停一停先", {CA: {"running": False}}),
    ("啲貨喺A線塞住咗，停咗佢先", {CA: {"running": False}}),
    ("倉入面黑麻麻，咩都睇唔到", {WAREHOUSE: {"power": True}}),
    ("stop the pump, fan fault", {PUMP: {"running": False}}),
    # the same classes, both scripts and English
    ("B线出货开到最快", {CB: {"running": True, "speed": 120.0}}),
    ("line A的货停一下", {CA: {"running": False}}),
    ("A线的货停一下", {CA: {"running": False}}),
    ("A線嘅貨停咗佢", {CA: {"running": False}}),
    ("些货在A线塞住了，先停了它", {CA: {"running": False}}),
    ("把A线的货停了", {CA: {"running": False}}),
    ("A线货物停止", {CA: {"running": False}}),
    ("B線出貨停咗佢", {CB: {"running": False}}),
    ("B線出貨開返", {CB: {"running": True}}),
    ("stop the goods on line A", {CA: {"running": False}}),
    ("line B goods stop", {CB: {"running": False}}),
    ("仓里黑乎乎的", {WAREHOUSE: {"power": True}}),
    ("倉嘅燈熄咗佢", {WAREHOUSE: {"power": False}}),
    ("stop the pump, fan tripped", {PUMP: {"running": False}}),
    ("stop the pump. fan faulty", {PUMP: {"running": False}}),
    ("fan fault, stop the pump", {PUMP: {"running": False}}),
    ("the fan is faulty, stop the pump", {PUMP: {"running": False}}),
    ("停泵，风机故障", {PUMP: {"running": False}}),
    ("停泵，風機故障", {PUMP: {"running": False}}),
]

KEEPS = [  # read as before
    ("B线传送带开到最快", {CB: {"running": True, "speed": 120.0}}),
    ("A线传送带塞住了，停了它先", {CA: {"running": False}}),
    ("货仓入面黑麻麻", {WAREHOUSE: {"power": True}}),
    ("仓库里黑乎乎的", {WAREHOUSE: {"power": True}}),
    ("倉庫射燈熄咗佢", {WAREHOUSE: {"power": False}}),
    ("fan fault, stop it", {FAN: {"power": False}}),
    ("stop the fan, fan fault", {FAN: {"power": False}}),
    ("stop the pump, valve fault", {PUMP: {"running": False}}),
    ("开锁，让送货的进来", {"lock-main-door": {"locked": False}}),
]

REFUSED = [
    "唔好停A線啲貨",  # a negation
    "A線啲貨十分鐘後停",  # a time
    "如果A线的货卡住就停掉",  # a condition
    "office的货停一下",  # no conveyor there: never the office's every device
    "辦公室啲貨停一停",
    "stop the goods in the office",
]


@pytest.mark.parametrize("text, want", WORKS + KEEPS)
def test_read(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text):
    assert refused(text), text


@pytest.mark.parametrize("text", ["B線出貨開到最快", "line A啲貨停一停先", "啲貨喺A線塞住咗，停咗佢先"])
def test_goods_never_another_kind(text):
    assert set(understood(text)) <= {CA, CB}


def test_goods_words():
    assert goods_rewrite(ASSISTANT, normalize("B線出貨開到最快")) == "b线的货物开到最快"
    assert goods_rewrite(ASSISTANT, normalize("line A啲貨停一停先")) == "line a的货物停一停先"
    assert goods_rewrite(ASSISTANT, normalize("啲貨喺A線塞住咗，停咗佢先")) == "a线的货物塞住了,停一下先"  # 停咗佢: an order (hk_verbs_zh.py)
    assert goods_rewrite(ASSISTANT, "二号线的货物动起来") is None  # the catalog's own word
    assert goods_rewrite(ASSISTANT, "office的货停一下") == ""  # no conveyor there: refused
    assert goods_rewrite(ASSISTANT, "开锁,让送货的进来") is None  # no place
    assert goods_rewrite(ASSISTANT, "a线传送带停一下") is None


def test_warehouse_short():
    assert warehouse_short(ASSISTANT, normalize("倉入面黑麻麻，咩都睇唔到")) == "仓库入面黑麻麻,咩都睇不到"
    assert warehouse_short(ASSISTANT, "仓库里黑") is None
    assert warehouse_short(ASSISTANT, "货仓里黑") is None
    assert warehouse_short(ASSISTANT, "快一点去 3 号仓") is None


def test_fault_words():
    assert fault_report_rewrite(ASSISTANT, "stop the pump, fan fault") == "stop the pump"
    assert fault_report_rewrite(ASSISTANT, "fan fault, stop it") is None  # "it" is the fan
    assert fault_report_rewrite(ASSISTANT, "stop the pump, fan") is None
    assert fault_report_rewrite(ASSISTANT, "stop the pump") is None
