"""Session 12 round 2 (issue 17, fixer F): proposals that did something the operator did not ask (unasked_parts.py,
report_sources.py, typos.py 货仓, compound_places.py 仓).

Each class: the asks that must now be refused (or now read whole), the nearby asks that keep their old meaning.
"""

from __future__ import annotations

import pytest

from console.core.assistant.unasked_parts import _PASTED_ROW, _SOUND_THING_EN, _YUE_QUESTION
from tests.core.assistant.helpers import ASSISTANT, checked_commands

CA, PUMP, FAN, AC, SIREN = "conveyor-a", "pump-cooling", "fan-line-a", "hvac-office", "siren-yard"
WAREHOUSE, L1, L2 = "lamp-warehouse", "lamp-office-1", "lamp-office-2"

REFUSED = [
    # 1. a Cantonese question about a state
    "冷氣開咗未呀?",
    "冷氣開咗未",
    "冷气开咗未呀？",
    "抽風機開咗未呀?",
    "係咪開咗冷氣呀?",
    # 2. a place the fleet lacks never widens to every lamp
    "冷仓好黑，乜都睇唔到",
    # 3. a definite singular where the place has two lamps, also after a pasted report
    "小李：办公室那盏灯太暗 → 把办公室那盏灯调到80",
    "小李：办公室那盏灯太暗 → 把办公室那盏灯关掉",
    "把办公室那盏灯调到80",
    # 4. a state report is no ask; a pasted state row with no ask of one's own
    "Greg on slack: 'warehouse floodlight still on, nobody is there'",
    "warehouse floodlight still on, nobody is there",
    "conveyor a still running, nobody on the line",
    "仓库的灯还开着，没人在",
    "pasted: 'Line A exhaust fan: speed=low'",
    # 6. a thing known only by its sound
    "the thing humming in the office, silence it",
    "something buzzing in the office, shut it off",
    # 7. a dropped wish of a place: both or none
    "仓库要亮，院子要安静",
]


@pytest.mark.parametrize("text", REFUSED)
def test_unasked_refused(text: str) -> None:
    prop = ASSISTANT.understand(text)
    assert prop.refusal is not None and not prop.commands, (text, prop.commands)


WORKS = [
    # 2. 貨倉 is the warehouse
    ("貨倉好黑，乜都睇唔到", {WAREHOUSE: {"power": True}}),
    ("把货仓的灯关掉", {WAREHOUSE: {"power": False}}),
    ("仓库好黑，乜都睇唔到", {WAREHOUSE: {"power": True}}),
    # 5. "the alarm says" is the report's source, never the siren
    ('the alarm says "pump tripped", start it again', {PUMP: {"running": True}}),
    ("the alarm says pump tripped, start it again", {PUMP: {"running": True}}),
    # 8. "get it moving again at 70 rpm" starts it
    ("get conveyor a moving again at 70 rpm", {CA: {"running": True, "speed": 70.0}}),
    # (session 13: the report's "stopped" no longer gives the way, so the ask reads whole — never the value alone)
    ("guard: 'production on line A stopped on its own?' → get it moving again at 70 rpm",
     {CA: {"running": True, "speed": 70.0}}),
    # nearby asks keep their meaning
    ("the floodlight is still on, switch it off", {WAREHOUSE: {"power": False}}),
    ("仓库的灯还开着，关掉吧", {WAREHOUSE: {"power": False}}),
    ("開冷氣啦", {AC: {"power": True}}),
    ("把办公室的灯都调到80", {L1: {"level": 80.0}, L2: {"level": 80.0}}),
    ("set conveyor a to 70 rpm", {CA: {"speed": 70.0}}),
    ("院子要安静", {SIREN: {"active": False}}),
]


@pytest.mark.parametrize("text, want", WORKS)
def test_read_whole(text: str, want: dict) -> None:
    got = checked_commands(text)
    for dev, params in want.items():
        assert dev in got, (text, got)
        for k, v in params.items():
            assert got[dev].get(k) == v, (text, got)
    assert set(got) == set(want), (text, got)


@pytest.mark.parametrize("text, hit", [
    ("冷氣開咗未呀?", True), ("開咗冷氣未?", True), ("有冇開冷氣?", True),
    ("開冷氣啦", False), ("有冇可能幫我開冷氣?", False), ("係咪可以幫我開冷氣呀?", False),
])
def test_cantonese_question_pattern(text: str, hit: bool) -> None:
    assert bool(_YUE_QUESTION.search(text)) is hit


@pytest.mark.parametrize("text, hit", [
    ("pasted: 'line a exhaust fan: speed=low'", True), ("from lee: 'fan speed=low'", True),
    ("pasted: 'line a exhaust fan: speed=low' set it to high", False),
])
def test_pasted_row_pattern(text: str, hit: bool) -> None:
    assert bool(_PASTED_ROW.match(text)) is hit


@pytest.mark.parametrize("text, hit", [
    ("the thing humming in the office", True), ("a buzzing noise", True), ("hum along", False),
])
def test_sound_thing_pattern(text: str, hit: bool) -> None:
    assert bool(_SOUND_THING_EN.search(text)) is hit
