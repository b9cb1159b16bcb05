"""Session 12 round 2, voice dictation on a noisy floor (blind set 82): the shapes round 1 did not cover.

- 六十不是五十 with no pause: "sixty, not fifty" or "sixty — no, fifty"; refused, never either value
  (either_way_values.py); with the pause written it keeps its reading;
- "production line one stop and line two start": line two's production (its conveyor), never its whole zone with
  the cooling pump (line_head_ellipsis.py);
- a speed level said by its first character (风速调到中 → 中速: dictation.py);
- a catalog sound word before the determiner (咕噜咕噜那个停掉, 嘶嘶的那个关上: described.py);
- a name's last letter lost by the recogniser ("the desk lam to eighty": dictation_pauses.py);
- a smell said fine again ("line A smells fine now, you can stop the extraction"): a problem over (symptom_over.py);
  alone it had switched the fan ON;
- a part of a zone ("at the end of line A") is that zone (place_parts.py), never a device called 'end'.
"""

from __future__ import annotations

import pytest

from console.core.assistant.dictation import dictated
from console.core.assistant.either_way_values import either_way_values
from console.core.assistant.line_head_ellipsis import line_head_rewrite
from tests.core.assistant.helpers import refusal_kind, refused, understood


@pytest.mark.parametrize("text, want", [
    # a production line, then a bare line: both production lines
    ("production line one stop and line two start", {"conveyor-a": {"running": False}, "conveyor-b": {"running": True}}),
    ("production line a stop, line b start", {"conveyor-a": {"running": False}, "conveyor-b": {"running": True}}),
    ("一号生产线停下，二号线启动", {"conveyor-a": {"running": False}, "conveyor-b": {"running": True}}),
    # a level's first character
    ("排风扇风速调到中", {"fan-line-a": {"speed": "medium"}}),
    ("排风扇风速调到高吧", {"fan-line-a": {"speed": "high"}}),
    ("排风扇风速调到低档", {"fan-line-a": {"speed": "low"}}),
    ("排风扇风速调到中，传送带A停", {"fan-line-a": {"speed": "medium"}, "conveyor-a": {"running": False}}),
    # a sound word before the determiner
    ("咕噜咕噜那个停掉", {"pump-cooling": {"running": False}}),
    ("嘶嘶的那个关上", {"valve-steam": {"open": 0}}),
    ("把嘶嘶的那个关上", {"valve-steam": {"open": 0}}),
    ("咕噜咕噜那个打开", {"pump-cooling": {"running": True}}),
    # a clipped name
    ("ok um the desk lam to eighty", {"lamp-office-2": {"level": 80.0}}),
    ("desk lam off", {"lamp-office-2": {"power": False}}),
    ("the ceiling lam on", {"lamp-office-1": {"power": True}}),
    # a smell said fine again, then the command (symptom_over.py)
    ("line A smells fine now, you can stop the extraction", {"fan-line-a": {"power": False}}),
    ("line a smells good, stop the fan", {"fan-line-a": {"power": False}}),
    # a part of a zone is the zone (place_parts.py)
    ("boxes are piling up at the end of line A, pause it", {"conveyor-a": {"running": False}}),
    ("the fan at the far end of line a, turn it on", {"fan-line-a": {"power": True}}),
])
def test_dictated_asks_read(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text, want", [
    # the pause written says the reading: kept
    ("传送带A速度调到六十，不是五十", {"conveyor-a": {"speed": 60.0}}),
    ("传送带A速度调到六十，不是，五十", {"conveyor-a": {"speed": 50.0}}),
    ("传送带A速度调到六十不对五十", {"conveyor-a": {"speed": 50.0}}),
    ("传送带A速度调到六十", {"conveyor-a": {"speed": 60.0}}),
    # no production line before: "line b" keeps its zone meaning
    ("start line b", {"conveyor-b": {"running": True}, "pump-cooling": {"running": True}}),
    ("production line 2 start", {"conveyor-b": {"running": True}}),
    ("production line one stop and line two start up, line one fan off",
     {"conveyor-a": {"running": False}, "conveyor-b": {"running": True}, "fan-line-a": {"power": False}}),
    # the sound word after the determiner, and a name before it
    ("那个咕噜咕噜的停掉", {"pump-cooling": {"running": False}}),
    ("台灯那个关掉", {"lamp-office-2": {"power": False}}),
    ("二号线呲呲放气的那个关上", {"valve-steam": {"open": 0}}),
    ("排风扇风速调到中速", {"fan-line-a": {"speed": "medium"}}),
    ("line a smells, turn the fan on", {"fan-line-a": {"power": True}}),
    ("it smells bad on line a", {"fan-line-a": {"power": True}}),
])
def test_neighbours_keep_their_meaning(text, want):
    assert understood(text) == want


@pytest.mark.parametrize("text", [
    # which value was withdrawn cannot be told: never either
    "把那个传送带A呃速度调到六十不是五十",
    "传送带A速度调到五十不是六十",
    "传送带A速度调到60不是50",
    "空调调到二十六度不是二十四度",
    # no such level on the device, a schedule, a negation
    "传送带A速度调到高",
    "排风扇风速调到中午",
    "嘶嘶的那个不要关",
    # a clipped word that names no device
    "turn off the lam",
    # a smell that is fine again asks for nothing, and never for the fan on
    "line A smells fine now",
    "line a smells fine now, turn the fan on",
    # "the end of" a time is no place: still a schedule
    "stop conveyor a at the end of the shift",
])
def test_harmful_variants_refused(text):
    assert refused(text)


def test_either_way_refusal_is_an_ask_back():
    assert refusal_kind("把那个传送带A呃速度调到六十不是五十") == "ambiguous"
    assert either_way_values("调到六十不是五十") == ("六十", "五十")
    assert either_way_values("调到六十，不是五十") is None
    assert either_way_values("不是五十是六十") is None


def test_rewrites_are_narrow():
    assert line_head_rewrite("stop production line 1 and start everything on line 2") is None
    assert line_head_rewrite("line 1 stop and line 2 start") is None
    assert line_head_rewrite("一号生产线停下，二号线传送带启动") is None
    assert dictated("风速调到中") == "风速调到中速"
    assert dictated("调到中") == "调到中"
