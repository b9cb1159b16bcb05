"""Session 10, harms found blind (fixer A): extra devices, silent drops, the wrong lamp.

- a darkness said after a daylight ask is its reason, never the lamps too (trailing_symptoms.py);
- a symptom in another place, or said with "also"/另外, is an ask of its own, never dropped (trailing_symptoms.py);
- an alarm on someone's phone or pager is how they heard, never the siren (personal_alarms.py);
- a same-sound slip glued to a one-character kind noun (太灯) is that device; an unknown glued noun (路灯) is refused;
  neither ever widens to the whole kind (glued_slips_zh.py);
- "the big light" / "main light" / 大灯 of a place with several lamps is its main (ceiling) fixture (main_lights.py).
"""

from __future__ import annotations

import pytest

from console.core.assistant.glued_slips_zh import glued_slip, glued_unknown
from console.core.assistant.personal_alarms import personal_alarms
from tests.core.assistant.helpers import ASSISTANT, proposed, refused

CEILING, DESK, FLOOD = "lamp-office-1", "lamp-office-2", "lamp-warehouse"
AC, BLINDS, FAN, CB, CA, PUMP, SIREN, LOCK = ("hvac-office", "blinds-office", "fan-line-a", "conveyor-b", "conveyor-a",
                                              "pump-cooling", "siren-yard", "lock-main-door")
LAMPS = {CEILING, DESK, FLOOD}


# -- the asks that must now work --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    # daylight asks with darkness as their reason: the blinds only
    ("let the daylight in, it's gloomy in the office", {BLINDS: {"position": 100}}),
    ("let some sunlight in, too dark in the office", {BLINDS: {"position": 100}}),
    ("let some daylight in, it's so dark in here", {BLINDS: {"position": 100}}),
    ("让阳光进来，办公室太暗了", {BLINDS: {"position": 100}}),
    ("让阳光照进来，办公室里太暗了", {BLINDS: {"position": 100}}),
    # a darkness elsewhere, or said with "also": its own ask, carried out
    ("一号线好闷，通通风，另外仓库太暗了", {FAN: {"power": True}, FLOOD: {"power": True}}),
    ("一号线好闷，通通风，仓库太暗了", {FAN: {"power": True}, FLOOD: {"power": True}}),
    ("stop conveyor b, it's dark in the warehouse", {CB: {"running": False}, FLOOD: {"power": True}}),
    # an alarm on a phone / pager is a reason
    ("got an alarm on my phone, conveyor b stop asap", {CB: {"running": False}}),
    ("an alarm went off on my pager, stop the pump", {PUMP: {"running": False}}),
    ("an alert came in on my phone, stop the pump", {PUMP: {"running": False}}),
    ("手机上收到一个报警，二号传送带马上停", {CB: {"running": False}}),
    ("手机报警了，把冷却泵停了", {PUMP: {"running": False}}),
    ("对讲机里来了个警报，一号传送带停一下", {CA: {"running": False}}),
    # a same-sound slip glued to the kind noun: that device
    ("把空调和太灯都关了", {AC: {"power": False}, DESK: {"power": False}}),
    ("把太灯关了", {DESK: {"power": False}}),
    # the big / main light of a place with several lamps: its ceiling lamp
    ("big light in the office off", {CEILING: {"power": False}}),
    ("turn on the main light in the office", {CEILING: {"power": True}}),
    ("the big light in the office, 50%", {CEILING: {"level": 50}}),
    ("办公室大灯关掉", {CEILING: {"power": False}}),
    ("把办公室的大灯打开", {CEILING: {"power": True}}),
])
def test_now_understood(text, want):
    assert proposed(text) == want


# -- nearby asks keep their meaning -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("let the daylight in", {BLINDS: {"position": 100}}),
    ("it's gloomy in the office", {CEILING: {"power": True}, DESK: {"power": True}}),
    ("desk lamp on, it's gloomy in here", {DESK: {"power": True}}),
    ("let the sunlight in and also switch on the desk lamp", {BLINDS: {"position": 100}, DESK: {"power": True}}),
    ("kill conveyor A. now. smoke everywhere", {CA: {"running": False}}),
    ("kill conveyor A, too much smoke", {CA: {"running": False}}),
    ("stop conveyor b, the pump too", {CB: {"running": False}, PUMP: {"running": False}}),
    ("the alarm is going off, silence it", {SIREN: {"active": False}}),
    ("silence the alarm, my phone is ringing", {SIREN: {"active": False}}),
    ("got an alarm on my phone, silence the siren", {SIREN: {"active": False}}),
    ("sound the alarm", {SIREN: {"active": True}}),
    ("把空调和台灯都关了", {AC: {"power": False}, DESK: {"power": False}}),
    ("把所有灯都关了", {CEILING: {"power": False}, DESK: {"power": False}, FLOOD: {"power": False}}),
    ("保洁阿姨在门口，让她进来", {LOCK: {"locked": False}}),
    ("蒸汽阀和冷却泵都关掉，漏点就在阀门旁边", {"valve-steam": {"open": 0}, PUMP: {"running": False}}),
    ("仓库大灯关掉", {FLOOD: {"power": False}}),
    ("turn off the big light in the warehouse and the alarm out there", {FLOOD: {"power": False},
                                                                           SIREN: {"active": False}}),
    ("ceiling lamp to 100%", {CEILING: {"level": 100}}),  # a plain value switches nothing on
])
def test_nearby_asks_keep_their_meaning(text, want):
    assert proposed(text) == want


# -- harmful variants: refused, never the siren, never the whole kind --------------------------------------------------
@pytest.mark.parametrize("text", [
    "turn off the alarm on my phone",  # the phone's alarm is no device of the fleet
    "空调和路灯都关掉",  # a street lamp the fleet lacks, never every lamp
    "把空调和厨灯都关了",
    "把空调和壁灯都关了",
    "把空调和掉灯都关了",  # 掉 may be a verb's (关掉): 台灯 mistyped or 吊灯 misheard, never guessed
    "掉灯关掉",
    "big light off",  # which place's big light?
])
def test_harmful_variants_refused(text):
    assert refused(text)


@pytest.mark.parametrize("text", [
    "got an alarm on my phone, conveyor b stop asap", "my pager alarm went off, stop conveyor a",
    "手机上收到一个报警，二号传送带马上停", "an alarm came in on my phone, stop the pump",
])
def test_a_phone_alarm_never_touches_the_siren(text):
    prop = ASSISTANT.understand(text)
    assert SIREN not in {c.device_id for c in prop.commands}


@pytest.mark.parametrize("text", [
    "let the daylight in, it's gloomy in the office", "let some sunlight in, too dark in the office",
    "让阳光进来，办公室太暗了", "open the blinds, it's dark in the office",
])
def test_a_daylight_ask_switches_no_lamp(text):
    prop = ASSISTANT.understand(text)
    assert not LAMPS & {c.device_id for c in prop.commands}


@pytest.mark.parametrize("text", ["把空调和太灯都关了", "空调和路灯都关掉", "把空调和厨灯都关了", "把空调和掉灯都关了"])
def test_a_glued_word_never_widens_to_every_lamp(text):
    prop = ASSISTANT.understand(text)
    assert not LAMPS <= {c.device_id for c in prop.commands}
    assert not {CEILING, DESK} <= {c.device_id for c in prop.commands}


# -- the pure rewrites ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("got an alarm on my phone, conveyor b stop", "got a message on my phone, conveyor b stop"),
    ("my phone alarm says line a is hot", "my phone message says line a is hot"),
    ("手机上收到一个报警，停", "手机上收到一个消息，停"),
    ("sound the alarm in the yard", "sound the alarm in the yard"),
    ("the alarm on line b went off, stop it", "the alarm on line b went off, stop it"),
    ("把警报器关了", "把警报器关了"),
])
def test_personal_alarms_rewrite(text, want):
    assert personal_alarms(text) == want


def test_glued_slips_table():
    slips = ASSISTANT.typos.homophones
    assert glued_slip(slips, "把空调和太灯都关了") == "把空调和台灯都关了"
    for same in ("仓库大灯关掉", "把灯都关了", "开灯", "在门口等", "其他灯全部打开", "阀门旁边", "把顶灯关了", "关掉灯"):
        assert glued_slip(slips, same) == same and glued_unknown(slips, same) is None, same
    assert glued_unknown(slips, "空调和路灯都关掉") == "路灯"
    assert glued_unknown(slips, "把空调和太灯都关了") is None
