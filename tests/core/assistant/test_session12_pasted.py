"""Session 12 (blind set 77): a pasted alarm / log row, an e-mail header or someone's quoted words before the operator's
own ask (pasted_rows.py via forwarded.py; mode_targets_zh.py via screening.py).

- the asks that must now work: the row's time is no schedule, its codes no device, its readings no value; the quote's
  state words no command; an assent ("ok fine,"), a short remark ("neighbours again.") or "pls fix" no ask;
- nearby asks keep their old meaning (forwarded / quoted shapes of sessions 11, adoption words left alone);
- harmful variants stay refused: a negation, condition or schedule in the own words, a relayed order that is not a
  report, a mode against the relative word.
"""

from __future__ import annotations

import pytest

from console.core.assistant.forwarded import forwarded_ask
from console.core.assistant.mode_targets_zh import agreeing_mode_target_zh
from console.core.assistant.pasted_rows import fleet_namer, own_tidy
from tests.core.assistant.helpers import ASSISTANT, checked

NAMES = fleet_namer(ASSISTANT)


@pytest.mark.parametrize("text, want", [
    ("14:02:11 ALM PUMP-C LOW FLOW -- cooling water pump flow to 40 L/min pls", {"pump-cooling": {"flow": 40.0}}),
    ("2024-05-14 07:55:12 ALM FLOW HI 49.8 L/min -- cooling water pump flow to 35 L/min",
     {"pump-cooling": {"flow": 35.0}}),
    ("RE: RE: yard noise complaint\n\nok fine, silence the yard siren", {"siren-yard": {"active": False}}),
    ("Security: 'main entrance lock left unlocked overnight AGAIN'. lock the main entrance now",
     {"lock-main-door": {"locked": True}}),
    ("Greg on slack: 'warehouse floodlight still on, nobody's there'. switch it off",
     {"lamp-warehouse": {"power": False}}),
    ("pasted: 'Line A exhaust fan: speed=low'. bump the fan to medium", {"fan-line-a": {"speed": "medium"}}),
    ("RE: RE: RE: AC settings\nok whatever, AC off", {"hvac-office": {"power": False}}),
    ("小陈发消息说顶灯太亮了，把顶灯调到40", {"lamp-office-1": {"level": 40.0}}),
    ("RE: RE: yard noise complaint\nneighbours again. make the yard quiet pls", {"siren-yard": {"active": False}}),
    ("pasted: [ERR] office temp 29.4C\nset the office temperature to 22 pls", {"hvac-office": {"setpoint": 22.0}}),
    ("subj: Warehouse dark - it's pitch black in the warehouse right now, pls fix",
     {"lamp-warehouse": {"power": True}}),
    ("报警 14:22:07 FUME HIGH LINE-A。一号线排烟", {"fan-line-a": {"power": True}}),
    ("报警 07:31:44 STEAM PRESSURE HIGH。放蒸汽，全开", {"valve-steam": {"open": 100.0}}),
    ("日志 19:40:03 OFFICE TEMP 15.2C。办公室暖和一点，制热26度", {"hvac-office": {"mode": "heat", "setpoint": 26.0}}),
    ("Tony: 'AC on fan mode pls, no cooling'. fine, set the AC to fan mode", {"hvac-office": {"mode": "fan"}}),
    # the operator's words win over the quote's, either way
    ("Tony: 'AC on fan mode pls'. fine, set the AC to heat", {"hvac-office": {"mode": "heat"}}),
    ("Greg on slack: 'turn the warehouse floodlight on'. switch it off", {"lamp-warehouse": {"power": False}}),
    ("办公室凉快一点，制冷22度", {"hvac-office": {"mode": "cool", "setpoint": 22.0}}),
])
def test_own_words_after_a_paste(text, want):
    assert checked(ASSISTANT.understand(text)) == want


@pytest.mark.parametrize("text, own", [
    ("14:02:11 ALM PUMP-C LOW FLOW -- cooling water pump flow to 40 L/min pls", "cooling water pump flow to 40 L/min pls"),
    ("新来的实习生问我怎么让一号线动起来，你先帮他把一号线转起来，速度40转", "你先帮他把一号线转起来，速度40转"),
    ("报警 07:31:44 STEAM PRESSURE HIGH。放蒸汽，全开", "放蒸汽，全开"),
    ("RE: RE: yard noise complaint\nneighbours again. make the yard quiet pls", "make the yard quiet pls"),
])
def test_structural_split(text, own):
    assert forwarded_ask(ASSISTANT, text) == own


@pytest.mark.parametrize("text", [
    # no structure of this session: read as before
    "14:02:11 ALM PUMP-C LOW FLOW",  # a row with no ask after it
    "14:02:11 STOP CONVEYOR A -- start conveyor b",  # an order typed in capitals is no pasted row
    "conveyor A: 'start'. stop it",  # a device as the head is no sender
    "Greg on slack: 'warehouse floodlight still on, nobody is there'",  # nothing of the operator's own
    'boss: "everything on line B off". do what he says',  # adoption words are adopted.py's, never an own ask
    "ops lead: 'run the line A exhaust fan full blast'. pls",
    "小陈发消息说把顶灯关了，把顶灯调到40",  # a relayed order is no report
    "小陈发消息说顶灯太亮了",  # no ask after the report
    "desk lamp on, ceiling lamp to 30%",
    "subj: Warehouse dark",
])
def test_no_split(text):
    assert forwarded_ask(ASSISTANT, text) is None


@pytest.mark.parametrize("text", [
    "14:02:11 ALM PUMP-C LOW FLOW -- don't touch the cooling water pump",
    "14:02:11 ALM PUMP-C LOW FLOW -- cooling water pump flow to 40 L/min at 15:00",
    "RE: RE: yard noise complaint\nok fine, don't silence the yard siren",
    "RE: RE: yard noise complaint\nok fine, silence the yard siren at 10pm",
    "RE: AC\nnot again. AC off",
    "报警 14:22:07 FUME HIGH LINE-A。一号线排烟，十分钟后",
    "报警 14:22:07 FUME HIGH LINE-A。别开一号线排烟",
    "subj: Warehouse dark - it's pitch black in the warehouse, pls fix it tomorrow",
    "Greg on slack: 'warehouse floodlight still on'. if nobody's there switch it off",
    "新来的实习生问我怎么让一号线动起来",
    "小陈发消息说把顶灯关了，把顶灯调到40",
    "办公室暖和一点，制冷18度",  # a mode against the relative word
    "办公室暖和一点，制热",  # no target
    "14:02:11 ALM PUMP-C LOW FLOW",
])
def test_harmful_variants_refused(text):
    assert ASSISTANT.understand(text).refusal is not None


@pytest.mark.parametrize("text, words", [
    ("ALM 0412 line A fan overcurrent -> kill it", "line a exhaust fan: kill it"),
    ("FW: shift note\n> conveyor A stopped\nstop conveyor A", "stop conveyor A"),
])
def test_earlier_shapes_kept(text, words):
    assert forwarded_ask(ASSISTANT, text) == words


@pytest.mark.parametrize("own, tidy", [
    ("ok fine, silence the yard siren", "silence the yard siren"),
    ("okay whatever - AC off", "AC off"),
    ("neighbours again. make the yard quiet pls", "make the yard quiet pls"),
    ("it's pitch black in the warehouse right now, pls fix", "it's pitch black in the warehouse right now"),
    # kept: a negation, a remark with a verb or a fleet word, a "fix" with nothing of the fleet before it
    ("not again. AC off", "not again. AC off"),
    ("turn it off. AC off", "turn it off. AC off"),
    ("lights again. off", "lights again. off"),
    ("no, silence the yard siren", "no, silence the yard siren"),
    ("whatever you do, pls fix", "whatever you do, pls fix"),
])
def test_own_tidy(own, tidy):
    assert own_tidy(own, NAMES) == tidy


@pytest.mark.parametrize("text, agrees", [
    ("办公室暖和一点，制热26度", True),
    ("办公室凉快一点，制冷22度", True),
    ("办公室暖和一点，制冷18度", False),
    ("办公室凉快一点，制热28度", False),
    ("办公室暖和一点，凉快一点，制热26度", False),
    ("办公室暖和一点，制热", False),
])
def test_agreeing_mode_target(text, agrees):
    assert agreeing_mode_target_zh(text) is agrees
