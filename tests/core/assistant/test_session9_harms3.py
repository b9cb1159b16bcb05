"""Session 9, harms found by new blind sets (third round), each mended as a class in both languages:

1. A clause naming only another place inherits the clause before's setting (place_only_parts.py): 一号线生产速度调到70，
   二号线调到90 had let the model set the steam valve to 90 %.
2. A problem that is over starts nothing, also said "smoke's gone" / "smoke's cleared" (symptom_over.py, the 's
   contraction): "start conveyor A again, 50 rpm, smoke's gone" had also switched the fan on.
3. A symptom given as the reason after an explicit command adds nothing (trailing_symptoms.py): "kill conveyor A. now.
   smoke everywhere" had also switched the fan on, 二号线停产，地上全是冷却液 had also stopped the pump.
4. "half the bulbs are out" is no amount (reason_amounts.py): the blinds had gone to 50 % for "all the way open".
5. One "get" for two things (shared_get.py): "get the coolant circulating and production going on line B" had
   dropped the conveyor.
6. An on/off that is a list item of its own switches (leftovers.py): "AC: cool, 23, on. go" had dropped "on".
7. Max means on: "ceiling light full brightness" (max_runs.py), 开到最亮 / 开到最快 are 开到最大 (top_words_zh.py).
8. "smoky over on line A" is smoke over there, not the smoke being over; "the air on line A's clear" is a problem over
   (symptom_over.py).
"""

from __future__ import annotations

import pytest

from console.core.assistant.phrases import normalize
from console.core.assistant.reason_amounts import drop_half_reports
from console.core.assistant.shared_get import share_get
from console.core.assistant.symptom_over import over_clause
from console.core.assistant.top_words_zh import top_words
from console.core.assistant.trailing_symptoms import trailing_symptoms
from tests.core.assistant.helpers import ASSISTANT, checked_commands, proposed, refused

_CONV_A_STOP = {"conveyor-a": {"running": False}}
_CONV_B_STOP = {"conveyor-b": {"running": False}}
_FAN_OFF = {"fan-line-a": {"power": False}}


# -- 1. a place-only clause inherits the setting ---------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("一号线生产速度调到70，二号线调到90", {"conveyor-a": {"speed": 70.0}, "conveyor-b": {"speed": 90.0}}),
    ("把一号线生产速度调到70，二号线调到90", {"conveyor-a": {"speed": 70.0}, "conveyor-b": {"speed": 90.0}}),
    ("一号线传送带速度调到40，二号线调到60", {"conveyor-a": {"speed": 40.0}, "conveyor-b": {"speed": 60.0}}),
    ("line B conveyor speed to 40, line A to 60", {"conveyor-b": {"speed": 40.0}, "conveyor-a": {"speed": 60.0}}),
])
def test_a_place_only_clause_takes_the_setting_before(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["一号线生产速度调到70，二号线调到90", "一号线排风开高档，二号线关掉"])
def test_a_place_only_clause_never_picks_another_kind(text):
    prop = ASSISTANT.understand(text)
    assert not any(c.device_id in ("valve-steam", "pump-cooling") for c in prop.commands), prop.commands


# -- 2. a problem over, said with 's --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("start conveyor A again, 50 rpm, smoke's gone", {"conveyor-a": {"running": True, "speed": 50.0}}),
    ("smoke's cleared on line A, resume production", {"conveyor-a": {"running": True}}),
    ("the smoke's gone on line a, restart conveyor A", {"conveyor-a": {"running": True}}),
    ("一号线烟散了，恢复生产", {"conveyor-a": {"running": True}}),
    ("一号线烟散了，传送带重新启动，50转", {"conveyor-a": {"running": True, "speed": 50.0}}),
])
def test_a_problem_over_starts_nothing_that_deals_with_it(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text", ["the smoke's gone, turn the fan on", "smoke's gone on line a"])
def test_a_problem_over_with_s_is_still_refused_where_it_starts_or_asks_nothing(text):
    assert refused(text)


# -- 3. a symptom after a command ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("kill conveyor A. now. smoke everywhere", _CONV_A_STOP),
    ("一号线先暂停生产，烟还没散", _CONV_A_STOP),
    ("pause production on line B, there's coolant all over the floor", _CONV_B_STOP),
    ("二号线停产，地上全是冷却液", _CONV_B_STOP),
    ("stop conveyor A, it's smoky", _CONV_A_STOP),
    ("停掉一号线传送带，到处都是烟", _CONV_A_STOP),
])
def test_a_symptom_after_a_command_adds_nothing(text, want):
    assert checked_commands(text) == want


@pytest.mark.parametrize("text, want", [
    ("一号线有烟，顺便把产线停了", {"fan-line-a": {"power": True}, "conveyor-a": {"running": False}}),
    ("A线停止输送，把烟排掉", {"conveyor-a": {"running": False}, "fan-line-a": {"power": True}}),
    ("stop conveyor B, the pump too", {"conveyor-b": {"running": False}, "pump-cooling": {"running": False}}),
])
def test_a_symptom_first_or_a_second_command_keeps_its_meaning(text, want):
    assert {d: {k: float(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in p.items()}
            for d, p in proposed(text).items()} == want


def test_trailing_symptoms_leaves_asks_without_a_trailing_symptom():
    assert trailing_symptoms(ASSISTANT, normalize("一号线有烟，顺便把产线停了"), "x") is None
    assert trailing_symptoms(ASSISTANT, normalize("stop conveyor a, turn the fan on"), "x") is None


# -- 4. "half" in a reason --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "office blinds all the way open, need the daylight, half the bulbs are out",
    "office blinds all the way open, half of the bulbs are dead",
    "办公室百叶窗全部打开，要采光，一半的灯泡坏了",
])
def test_half_in_a_reason_is_no_amount(text):
    assert checked_commands(text) == {"blinds-office": {"position": 100.0}}


@pytest.mark.parametrize("text, want", [
    ("office blinds half open", {"blinds-office": {"position": 50.0}}),
])
def test_half_of_a_command_keeps_its_meaning(text, want):
    assert checked_commands(text) == want
    assert drop_half_reports(normalize(text)) == normalize(text)


def test_a_half_report_alone_is_kept_whole():
    assert drop_half_reports("half the bulbs are out") == "half the bulbs are out"


# -- 5. one "get" for two things --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("get the coolant circulating and production going on line B",
     {"pump-cooling": {"running": True}, "conveyor-b": {"running": True}}),
    ("get the fan going and production moving on line A",
     {"fan-line-a": {"power": True}, "conveyor-a": {"running": True}}),
])
def test_a_shared_get_is_said_for_each_part(text, want):
    assert checked_commands(text) == want


def test_a_second_part_with_its_own_verb_is_left_alone():
    text = "get the coolant circulating and stop the fan"
    assert share_get(text) == text
    assert proposed(text) == {"pump-cooling": {"running": True}, "fan-line-a": {"power": False}}


# -- 6. an on/off list item -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["AC: cool, 23, on. go", "AC: on, cool, 23", "AC: cool, 23, on.", "空调：制冷，23度，开。"])
def test_an_on_list_item_switches_on(text):
    assert checked_commands(text) == {"hvac-office": {"power": True, "mode": "cool", "setpoint": 23.0}}


def test_on_as_a_preposition_is_still_no_switch():
    assert checked_commands("the conveyor on line b, stop it") == _CONV_B_STOP


# -- 7. max means on --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("ceiling light full brightness, I need to read the incident sheet", {"lamp-office-1": {"power": True,
                                                                                             "level": 100.0}}),
    ("吸顶灯开到最亮", {"lamp-office-1": {"power": True, "level": 100.0}}),
    ("一号线生产开到最快", {"conveyor-a": {"running": True, "speed": 120.0}}),
    ("台灯开到最亮", {"lamp-office-2": {"power": True, "level": 100.0}}),
])
def test_max_means_on(text, want):
    assert checked_commands(text) == want


def test_to_full_brightness_stays_a_setting_and_the_brightest_lamp_is_no_value():
    # session 11b: "to full brightness" runs the lamp (31 of 37 blind asks, /tmp/full_convention.txt)
    assert checked_commands("Ceiling lamp to full brightness.") == {"lamp-office-1": {"level": 100.0, "power": True}}
    assert top_words("把最亮的灯关掉") == "把最亮的灯关掉"


# -- 8. "over" as a place, "the air is clear" -------------------------------------------------------------------------
def test_smoky_over_on_a_line_is_smoke_there():
    assert over_clause(ASSISTANT, "smoky over on line a") is None
    assert checked_commands("smoky over on line A, full blast on the extraction") == {
        "fan-line-a": {"power": True, "speed": "high"}}
    assert checked_commands("smoke over there on line a, fan on") == {"fan-line-a": {"power": True}}


@pytest.mark.parametrize("text", ["the stink is over on line a", "the air on line A is clear"])
def test_a_problem_said_over_alone_is_still_nothing_to_do(text):
    assert refused(text), proposed(text)


@pytest.mark.parametrize("text", [
    "air on line A's clear now, ventilation can go off", "the air on line A is clear, turn the fan off",
])
def test_clear_air_stops_the_extraction(text):
    assert checked_commands(text) == _FAN_OFF


@pytest.mark.parametrize("text", ["air's clear, fan on", "the air on line a is clear now, start the extraction"])
def test_clear_air_never_starts_the_extraction(text):
    assert refused(text)


def test_clearing_the_air_is_still_a_command():
    assert checked_commands("clear the air on line a") == {"fan-line-a": {"power": True}}
