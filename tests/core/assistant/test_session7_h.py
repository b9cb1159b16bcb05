"""Session 7, fixer H: the English misses of held-outs 24 and 25, each as a class.

Decimals said in words keep their fraction (decimal_words.py); a report on how a device has been, alone, is no
command (reports.py); a siren's sound changed to a pattern is only the pattern (siren_tone.py); polite lead-ins
("go ahead and …") add nothing (lead_ins.py); a time of day as a heading before a colon is now, the same words
inside the sentence stay a schedule (time_headings.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.assistant.helpers import ASSISTANT, checked_commands, refusal_kind, refused

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {2: "twenty", 3: "thirty"}
_ZH = "零一二三四五六七八九"


def _words(n: int, hyphen: bool = True) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (("-" if hyphen else " ") + _ONES[ones] if ones else "")


def _zh(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else _ZH[tens] + "十") + (_ZH[ones] if ones else "")


# -- 1. "N point D" in words is N.D: a number never silently loses a part ----------------------------------------------
_SETPOINT_EN = ("Set the office aircon to {} degrees.", "Set the office aircon to {}.", "Office temperature: {}, please.",
                "office AC to {}", "Make the office air conditioner {} degrees")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(whole=st.integers(16, 29), frac=st.integers(0, 9), form=st.sampled_from(_SETPOINT_EN),
       hyphen=st.booleans())
def test_point_in_words_is_a_decimal(whole: int, frac: int, form: str, hyphen: bool) -> None:
    said = f"{_words(whole, hyphen)} point {_ONES[frac]}"
    assert checked_commands(form.format(said)) == {"hvac-office": {"setpoint": whole + frac / 10}}


@pytest.mark.parametrize("said, value", [("nineteen point five", 19.5), ("twenty-one point five", 21.5),
                                         ("19 point 5", 19.5), ("nineteen point 5", 19.5),
                                         ("twenty point two five", 20.25), ("twenty-two point twenty-five", 22.25),
                                         ("twenty two point oh", 22.0), ("nineteen and a half", 19.5),
                                         ("twenty-one and a half degrees", 21.5)])
def test_decimal_forms(said: str, value: float) -> None:
    assert checked_commands(f"Set the office aircon to {said}.") == {"hvac-office": {"setpoint": value}}


@pytest.mark.parametrize("whole, frac", [(19, 5), (21, 5), (16, 1), (29, 9), (22, 0)])
def test_chinese_decimal_point(whole: int, frac: int) -> None:
    said = f"{_zh(whole)}点{_ZH[frac]}度"
    assert checked_commands(f"把办公室空调调到{said}") == {"hvac-office": {"setpoint": whole + frac / 10}}


def test_decimal_out_of_range_is_refused_whole() -> None:
    assert refusal_kind("Set the office aircon to thirty point five degrees.") == "out_of_range"  # 30.5, never 30


# -- 2. a report on how a device has been, alone, is no command ---------------------------------------------------------
_DEVICES = ("the coolant", "the cooling pump", "conveyor A", "the line A conveyor", "the extraction", "the exhaust fan",
            "the office lights", "the steam", "the yard siren", "the aircon", "the blinds")
_REPORTS = ("{} has been flowing nicely all week.", "{} has been running fine.", "{} has been working hard today.",
            "{} was running all day.", "{} was on all night.", "{} ran perfectly yesterday.", "{} worked all day.",
            "{} is running fine.", "{} has been on since this morning.", "{} has been behaving well.",
            "{} kept going all shift.")


@pytest.mark.parametrize("device", _DEVICES)
@pytest.mark.parametrize("form", _REPORTS)
def test_report_alone_is_refused(device: str, form: str) -> None:
    text = form.format(device)
    text = text[0].upper() + text[1:]
    assert refused(text), (text, ASSISTANT.understand(text).commands)


@pytest.mark.parametrize("text, expected", [
    ("The pump was stopped. Start the cooling pump.", {"pump-cooling": {"running": True}}),
    ("Conveyor A ran fine all day, now stop it.", {"conveyor-a": {"running": False}}),
    ("Start the pump that was stopped.", {"pump-cooling": {"running": True}}),
])
def test_report_next_to_a_command_keeps_the_command(text: str, expected: dict) -> None:
    assert checked_commands(text) == expected


# -- 3. the siren's sound changed to a pattern is only the pattern -------------------------------------------------------
@pytest.mark.parametrize("text, pattern", [
    ("Change the warning sound in the yard to steady.", "steady"),
    ("Change the yard warning to a pulsing sound.", "pulse"),
    ("Switch the alarm noise out in the yard to wailing.", "wail"),
    ("Set the siren sound to a constant sound.", "steady"),
    ("Change the yard alarm to a wailing noise.", "wail"),
    ("Switch the warning sound over in the yard to pulse.", "pulse"),
    ("Change the warning tone in the yard to a steady sound.", "steady"),
    ("Set the yard siren to a pulsed sound", "pulse"),
    ("Change the warning sound to steady in the yard.", "steady"),
    ("Change the warning sound to a pulsing sound out in the yard.", "pulse"),
    ("Please change the siren in the yard over to a steady sound", "steady"),
])
def test_siren_sound_change_is_only_the_pattern(text: str, pattern: str) -> None:
    assert checked_commands(text) == {"siren-yard": {"pattern": pattern}}


@pytest.mark.parametrize("text", ["Sound the yard siren with the pulse pattern.", "Make the yard alarm sound, pulse"])
def test_sounding_the_siren_with_a_pattern_stays_active(text: str) -> None:
    assert checked_commands(text)["siren-yard"]["active"] is True


# -- 4. polite lead-ins add nothing ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("lead", ["Go ahead and", "Please go ahead and", "Go ahead,", "Feel free to", "Just", "Kindly",
                                  "OK, go ahead and", "Be so kind as to"])
def test_lead_ins_add_nothing(lead: str) -> None:
    assert checked_commands(f"{lead} start conveyor A at seventy rpm.") == \
        {"conveyor-a": {"running": True, "speed": 70.0}}


def test_lead_in_inside_a_list() -> None:
    assert checked_commands("Desk lamp off, then go ahead and open the blinds.") == \
        {"lamp-office-2": {"power": False}, "blinds-office": {"position": 100.0}}


def test_lead_in_keeps_a_negation() -> None:
    assert refused("Go ahead and don't start conveyor A.")


# -- 5. a time of day as a heading is now; inside the sentence it stays a schedule ---------------------------------------
_LIST = {"lock-main-door": {"locked": True}, "lamp-office-1": {"power": False}, "lamp-office-2": {"power": False},
         "lamp-warehouse": {"power": False}}


@pytest.mark.parametrize("head", ["End of shift", "End of the shift", "Closing time", "End of the day", "Quitting time",
                                  "It's end of shift", "Home time"])
def test_time_heading_is_now(head: str) -> None:
    assert checked_commands(f"{head}: lights off everywhere, lock the building.") == _LIST


@pytest.mark.parametrize("text", ["At the end of the shift, lights off.", "At the end of the shift: lights off.",
                                  "Lights off at the end of the shift.", "Lock the building at closing time.",
                                  "End of shift: lights off at 6pm.", "End of shift, lights off."])
def test_time_inside_the_sentence_stays_a_schedule(text: str) -> None:
    assert refusal_kind(text) == "unsupported"
