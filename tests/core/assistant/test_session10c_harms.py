"""Session 10c, harms found blind (fixer G): the sun kept out, tiny amounts, reasons that look like values or modes,
"everything off", and "get rid of it".

- the sun coming in + a verb that keeps it out (挡 / 遮 / "block it" / "keep it out") closes the cover, never opens it;
  the gate refuses any reading that opens a cover for such an ask (sun_glare.py);
- a small amount word the catalog has no value for (一丢丢, 稍微, "a tad", "a crack") where the amount goes is refused,
  never read as fully (tiny_amounts.py);
- "full" in a reason ("a full house", "fully booked", 满员) is no top of a range; a complaint about the heating or the
  cooling never sets that mode (complaint_reasons.py);
- a nuisance, then "get rid of it": the device that removes it (rid_of_it.py).
"""

from __future__ import annotations

import pytest

from console.core.assistant.complaint_reasons import reason_rewrite
from console.core.assistant.phrases import normalize
from console.core.assistant.proposal import ProposedCommand
from console.core.assistant.rid_of_it import rid_rewrite
from console.core.assistant.sun_glare import glare_problem, glare_rewrite
from console.core.assistant.tiny_amounts import tiny_amount_in
from tests.core.assistant.helpers import ASSISTANT, proposed, refused

CEILING, DESK, FLOOD = "lamp-office-1", "lamp-office-2", "lamp-warehouse"
AC, BLINDS, FAN, CA, CB, PUMP, SIREN, STEAM = ("hvac-office", "blinds-office", "fan-line-a", "conveyor-a", "conveyor-b",
                                               "pump-cooling", "siren-yard", "valve-steam")
ALL_OFF = {CEILING: {"power": False}, DESK: {"power": False}, FLOOD: {"power": False}, AC: {"power": False},
           FAN: {"power": False}, CA: {"running": False}, CB: {"running": False}, PUMP: {"running": False},
           SIREN: {"active": False}}


# -- the asks that must now work --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("太阳晒进来了，挡一下", {BLINDS: {"position": 0}}),
    ("阳光照进来了，遮一下", {BLINDS: {"position": 0}}),
    ("太阳射进来了，挡挡", {BLINDS: {"position": 0}}),
    ("阳光照进来了，遮住", {BLINDS: {"position": 0}}),
    ("the sun is streaming in, keep it out", {BLINDS: {"position": 0}}),
    ("sun's pouring in, shut it out", {BLINDS: {"position": 0}}),
    ("the sun's coming in, block it", {BLINDS: {"position": 0}}),
    ("Would you mind switching the air conditioner to cool mode, we're expecting a full house", {AC: {"mode": "cool"}}),
    ("switch the AC to cool mode, we're fully booked", {AC: {"mode": "cool"}}),
    ("switch the AC to cool mode, full shift today", {AC: {"mode": "cool"}}),
    ("空调调成制冷模式，今天满员", {AC: {"mode": "cool"}}),
    ("office at 19 please, the heating's way too much", {AC: {"setpoint": 19}}),
    ("办公室19度，暖气太足了", {AC: {"setpoint": 19}}),
    ("office at 24, the cooling's too strong", {AC: {"setpoint": 24}}),
    ("办公室24度，冷气太足了", {AC: {"setpoint": 24}}),
    ("Fire marshal says shut everything down - please turn off all devices", ALL_OFF),
    ("smoke on line A, get rid of it", {FAN: {"power": True}}),
    ("fumes on line A, get rid of them", {FAN: {"power": True}}),
    ("一号线有烟，把它弄走", {FAN: {"power": True}}),
    ("A线有烟，赶紧弄掉", {FAN: {"power": True}}),
])
def test_now_understood(text, want):
    assert proposed(text) == want


# -- nearby asks that keep their old meaning --------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("让阳光照进来", {BLINDS: {"position": 100}}),
    ("let the sunshine in", {BLINDS: {"position": 100}}),
    ("阳光照进来太晃眼了", {BLINDS: {"position": 0}}),
    ("Could you open the steam valve a little, say 20 percent?", {STEAM: {"open": 20}}),
    ("open the steam valve", {STEAM: {"open": 100}}),
    ("it's a little dark in the warehouse, switch the floodlight on", {FLOOD: {"power": True}}),
    ("office blinds to 25, just a little crack open", {BLINDS: {"position": 25}}),
    ("turn the fan on full", {FAN: {"power": True, "speed": "high"}}),
    ("open the valve fully", {STEAM: {"open": 100}}),
    ("office at 19 please, it's way too hot", {AC: {"setpoint": 19}}),
    ("get rid of the smoke on line A", {FAN: {"power": True}}),
    ("turn off all devices", ALL_OFF),
])
def test_kept(text, want):
    assert proposed(text) == want


# -- the harmful variants, refused ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "蒸汽开一丢丢就行", "蒸汽阀稍微开一下", "蒸汽阀开一丁点", "蒸汽阀开一点点儿", "窗帘开一丢丢", "窗帘稍微关一下",
    "open the steam a tad", "open the steam valve a touch", "open the steam valve a hair", "open the steam valve a crack",
    "open the steam valve just a bit", "open the blinds a tad", "close the blinds a touch", "open the valve a smidge",
    "蒸汽开一点就行", "蒸汽稍微开一点",
])
def test_tiny_amounts_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text", ["太阳晒进来了，挡一下", "the sun's coming in, block it", "阳光照进来了，遮住",
                                  "sun's pouring in, shut it out"])
def test_gate_catches_an_opened_cover(text):
    opened = [ProposedCommand(BLINDS, "blinds", {"position": 100}, False, "blinds: open")]
    assert glare_rewrite(normalize(text)) is not None
    assert glare_problem(normalize(text), opened, ASSISTANT.by_id) is not None


@pytest.mark.parametrize("text", ["蒸汽开一丢丢就行", "open the steam a tad", "稍微开一下"])
def test_tiny_word_found(text):
    assert tiny_amount_in(text) is not None


@pytest.mark.parametrize("text", ["open the steam valve a little, say 20 percent", "it's a little dark in here",
                                  "稍微开到三十", "a bit chilly in here, heating on"])
def test_tiny_word_not_where_the_amount_goes(text):
    assert tiny_amount_in(text) is None


@pytest.mark.parametrize("text", ["run the fan at full speed", "open the valve fully", "turn the heating to 22",
                                  "把暖气调到22度"])
def test_no_reason_rewrite(text):
    assert reason_rewrite(text) is None


def test_rid_needs_a_removed_thing():
    removes = ASSISTANT._removed_things
    assert rid_rewrite("the siren's going, get rid of it", removes) is None
    assert rid_rewrite("smoke on line a, get rid of it", removes) == "smoke on line a, get rid of the smoke"
