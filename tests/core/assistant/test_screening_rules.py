"""The screening rules one by one (issue 16), each pinned so that changing it fails here: the exact
reason the operator reads for every refusal before any device is looked at (both languages), the
500-character limit, and the "by N" rule that keeps a relative change refused even when a target
value follows.  The parser-level cases (which asks are refused at all) are in test_screening.py."""

from __future__ import annotations

import pytest

from console.core.assistant.proposal import AMBIGUOUS, NOTHING_ACTIONABLE, UNKNOWN_DEVICE, UNSUPPORTED
from console.core.assistant.reading import Mention, Reading
from console.core.assistant.screening import MAX_CHARS, guard, screen_reading, screen_text
from tests.core.assistant.helpers import PARSER

LAMP = Mention("device", ["lamp-office-1"], 0, 4)
RELATIVE = ("Relative changes are not supported: say the target value (e.g. \"set the AC to 24 °C\").",
            "不支持相对调整：请说目标值（例如“把空调设为24度”）。")


def test_nothing_said_or_far_too_much_is_refused_with_what_to_do():
    assert screen_text("") == (NOTHING_ACTIONABLE, "Say what should happen, e.g. \"stop both conveyors\".",
                               "请说出要做什么，例如“停止两条传送带”。")
    assert screen_text("x" * MAX_CHARS) is None and MAX_CHARS == 500  # 500 characters still go
    assert screen_text("x" * (MAX_CHARS + 1)) == (
        NOTHING_ACTIONABLE, "That is too long: one short instruction at a time, please.", "太长了：请一次说一条简短的指令。")


def test_the_operator_reads_the_same_reason_through_the_parser():
    assert PARSER.parse("").refusal.reason == "Say what should happen, e.g. \"stop both conveyors\"."
    assert PARSER.parse("x" * 501).refusal.reason == "That is too long: one short instruction at a time, please."


def test_a_question_about_a_change_is_no_command():
    r = Reading(mentions=[LAMP], actions=["set"], question=True)
    assert screen_reading(r) == (
        NOTHING_ACTIONABLE, "That sounds like a question, not a command: the device table shows the current values.",
        "这听起来是一个问题而不是指令：设备表中可以查看当前数值。")


def test_a_guarded_ask_keeps_the_guards_reason():
    r = Reading(mentions=[LAMP], actions=["set"], unsupported=("no negations", "不要否定"))
    assert screen_reading(r) == (UNSUPPORTED, "no negations", "不要否定")


def test_unknown_units_are_named_in_the_reason():
    r = Reading(mentions=[LAMP], actions=["set"], unknown_units=["20 gallons", "3 furlongs"])
    assert screen_reading(r) == (
        UNSUPPORTED, "Unknown unit in '20 gallons, 3 furlongs': use %, °C, rpm or L/min as the device does.",
        "“20 gallons, 3 furlongs”的单位不认识：请用 %、°C（度）、rpm（转）或 L/min（升每分钟）。")


def test_loose_numbers_are_named_and_the_first_is_offered_as_a_target():
    r = Reading(mentions=[LAMP], actions=["set"], loose_numbers=["2", "7"])
    assert screen_reading(r) == (
        AMBIGUOUS, "What does 2, 7 refer to? Give a unit (\"50 %\", \"22 °C\") or say \"to 2\".",
        "2, 7 指的是什么？请加上单位（“50%”、“22度”）或说“设为2”。")


def test_unknown_names_are_listed_once_each():
    r = Reading(mentions=[LAMP], actions=["set"], unknown_nouns=["kitchen", "basement", "kitchen"])
    assert screen_reading(r) == (UNKNOWN_DEVICE, "No device or place called 'kitchen, basement' in this fleet.",
                                 "这个设备群中没有叫“kitchen, basement”的设备或地点。")


def test_nothing_to_change_says_how_to_ask():
    assert screen_reading(Reading(mentions=[LAMP])) == (
        NOTHING_ACTIONABLE,
        "Nothing to do: say what should change, e.g. \"turn off the desk lamp\" or \"set the AC to 22 °C\".",
        "没有可执行的操作：请说明要改变什么，例如“关掉台灯”或“把空调设为22度”。")


def test_no_device_named_quotes_the_words_left_over_if_any():
    assert screen_reading(Reading(actions=["off"], leftover_words=["the", "gizmo"])) == (
        UNKNOWN_DEVICE, "Which device? None of the fleet's names was mentioned ('the gizmo').",
        "哪个设备？没有提到设备群中的任何名称 ('the gizmo')。")
    assert screen_reading(Reading(actions=["off"])) == (
        UNKNOWN_DEVICE, "Which device? None of the fleet's names was mentioned.", "哪个设备？没有提到设备群中的任何名称。")


def test_a_clear_reading_passes():
    assert screen_reading(Reading(mentions=[LAMP], actions=["off"])) is None


@pytest.mark.parametrize("text", ["increase the ac by 2 to 24 degrees", "raise the blinds by 20 to 60%",
                                  "decrease the fan by -5 to 40"])
def test_a_change_by_an_amount_stays_refused_even_with_a_target_after_it(text):
    assert guard(text) == RELATIVE


def test_a_relative_verb_with_a_target_value_is_no_relative_change():
    assert guard("increase the ac to 25 degrees") is None
    assert guard("make the office warmer") == RELATIVE
